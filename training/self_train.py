#!/usr/bin/env python3
"""Self-training data (experiment, session 8): a trained model labels raw German news, and a sample of it
joins a training mix.

    python training/self_train.py MODEL BASE OUT [--docs 1500] [--seed 13]

MODEL labels the entities of `training/corpus/raw-news-tags.spacy` (10kGNAD test, SmartData v1, SpkAtt
Wikinews train without the quotation stage's held-out part; HanTa's STTS tags already on them, see
training/raw_text.py and silver_tags.py); a seeded sample of --docs documents is appended to the DocBin BASE
and written to OUT. For the held-out twin, MODEL must itself be a twin that never saw GermEval 2014 dev:

    python training/self_train.py training/output/ner-morph-heldout/with-ruler \
        training/corpus/ner-train-aug-tags-ud-morph.spacy training/corpus/ner-train-aug-tags-ud-morph-self.spacy
    python -c "import sys; sys.path.insert(0, 'training'); import build; build.train({**build.HELDOUT, \
        'name': 'ner-morph-self', 'train': 'training/corpus/ner-train-aug-tags-ud-morph-self.spacy'})"

Measured in docs/models.md.
"""

from __future__ import annotations

import argparse
import random
import sys
from pathlib import Path

import spacy
from spacy.tokens import Doc, DocBin

ROOT = Path(__file__).resolve().parents[1]


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("model", type=Path)
    ap.add_argument("base", type=Path)
    ap.add_argument("out", type=Path)
    ap.add_argument("--raw", type=Path, default=ROOT / "training" / "corpus" / "raw-news-tags.spacy")
    ap.add_argument("--docs", type=int, default=1500)
    ap.add_argument("--seed", type=int, default=13)
    args = ap.parse_args()
    sys.path.insert(0, str(ROOT / "src"))
    import chronik.nlp.places  # noqa: F401  (the place ruler's factory)

    nlp = spacy.load(args.model)
    raw = list(DocBin().from_disk(args.raw).get_docs(nlp.vocab))
    random.Random(args.seed).shuffle(raw)
    raw = raw[: args.docs]
    texts = (Doc(nlp.vocab, words=[t.text for t in d], spaces=[bool(t.whitespace_) for t in d]) for d in raw)
    n_ents = 0
    for doc, pred in zip(raw, nlp.pipe(texts, batch_size=64), strict=True):
        spans = [doc.char_span(e.start_char, e.end_char, label=e.label_) for e in pred.ents]
        doc.set_ents([s for s in spans if s is not None], default="outside")
        n_ents += len(doc.ents)
    base = list(DocBin().from_disk(args.base).get_docs(nlp.vocab))
    DocBin(docs=base + raw, store_user_data=False).to_disk(args.out)
    print(f"{len(raw):,} documents, {sum(len(d) for d in raw):,} tokens, {n_ents:,} entities by {args.model} "
          f"+ {len(base):,} documents of {args.base.name} -> {args.out}")


if __name__ == "__main__":
    main()
