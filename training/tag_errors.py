#!/usr/bin/env python3
"""Where the bundled model's STTS tags go wrong on a treebank it was not trained on: accuracy and the most
frequent confusions, with the words behind them.

    python training/tag_errors.py                                   # UD German GSD test from ../shared/data
    python training/tag_errors.py path/to/treebank.conllu --model path/to/model --top 20

Reads the CoNLL-U's words as they are (the treebank's tokens, not chronik's tokenizer) and compares XPOS.
"""

from __future__ import annotations

import argparse
import sys
from collections import Counter, defaultdict
from pathlib import Path

HERE = Path(__file__).resolve().parent
GSD_TEST = HERE.parent.parent / "shared" / "data" / "ud" / "gsd" / "de_gsd-ud-test.conllu"


def read_conllu(path: Path) -> list[tuple[list[str], list[str]]]:
    sents: list[tuple[list[str], list[str]]] = []
    words: list[str] = []
    tags: list[str] = []
    for line in [*path.read_text(encoding="utf-8").splitlines(), ""]:
        if not line.strip():
            if words:
                sents.append((words, tags))
            words, tags = [], []
            continue
        if line.startswith("#"):
            continue
        cols = line.split("\t")
        if "-" in cols[0] or "." in cols[0]:
            continue  # multiword ranges and empty nodes
        words.append(cols[1])
        tags.append(cols[4])
    return sents


def main() -> int:
    import spacy
    from spacy.tokens import Doc

    import chronik.nlp.places  # noqa: F401  (registers the model's components)
    from chronik.models import bundled_path

    ap = argparse.ArgumentParser()
    ap.add_argument("conllu", nargs="?", default=str(GSD_TEST))
    ap.add_argument("--model", default=None, help="a spaCy pipeline folder (default: the bundled model)")
    ap.add_argument("--top", type=int, default=15)
    args = ap.parse_args()
    if not Path(args.conllu).exists():
        print(f"treebank not found: {args.conllu}", file=sys.stderr)
        return 1
    nlp = spacy.load(args.model or bundled_path())
    sents = read_conllu(Path(args.conllu))
    confusions: Counter[tuple[str, str]] = Counter()
    words: dict[tuple[str, str], Counter[str]] = defaultdict(Counter)
    n = right = 0
    with nlp.select_pipes(enable=["tok2vec", "tagger"]):
        for (_, gold), doc in zip(sents, nlp.pipe(Doc(nlp.vocab, words=w) for w, _ in sents), strict=True):
            for tok, g in zip(doc, gold, strict=True):
                n += 1
                right += tok.tag_ == g
                if tok.tag_ != g:
                    confusions[(g, tok.tag_)] += 1
                    words[(g, tok.tag_)][tok.text] += 1
    print(f"{n} tokens, STTS accuracy {right / n:.4f} ({n - right} wrong)\n")
    print(f"{'gold':<8} {'model':<8} {'count':>5}  most frequent words")
    for (g, p), c in confusions.most_common(args.top):
        print(f"{g:<8} {p:<8} {c:>5}  " + ", ".join(f"{w} ({k})" for w, k in words[(g, p)].most_common(6)))
    return 0


if __name__ == "__main__":
    sys.exit(main())
