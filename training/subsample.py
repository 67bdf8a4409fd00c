"""A training corpus with a fraction of its labelled documents: for learning curves (docs/models.md, session 17).

    python training/subsample.py training/corpus/ner-train-aug-tags-ud-morph.spacy /tmp/ner-train-half.spacy \\
        --fraction 0.5 [--seed 0]

Keeps every document without entity annotation (treebank sentences, silver features) and a random `--fraction` of
the documents with it, so that only the amount of labelled news changes.
"""

from __future__ import annotations

import argparse
import random
from pathlib import Path

import spacy
from spacy.tokens import DocBin


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("corpus", type=Path)
    ap.add_argument("out", type=Path)
    ap.add_argument("--fraction", type=float, default=0.5)
    ap.add_argument("--seed", type=int, default=0)
    args = ap.parse_args()
    if not 0 < args.fraction <= 1:
        raise SystemExit("--fraction must be in (0, 1]")
    nlp = spacy.blank("de")
    docs = list(DocBin().from_disk(args.corpus).get_docs(nlp.vocab))
    labelled = [d for d in docs if d.has_annotation("ENT_IOB")]
    other = [d for d in docs if not d.has_annotation("ENT_IOB")]
    random.Random(args.seed).shuffle(labelled)
    kept = labelled[: int(len(labelled) * args.fraction)]
    DocBin(docs=other + kept, store_user_data=True).to_disk(args.out)
    print(f"{len(kept):,} of {len(labelled):,} labelled documents, {len(other):,} others → {args.out}")


if __name__ == "__main__":
    main()
