#!/usr/bin/env python3
"""STTS part-of-speech tags from HanTa (TIGER-trained, in its wheel) on the NER training documents.

    python training/silver_tags.py corpus/ner-train-aug.spacy corpus/ner-train-aug-tags.spacy
    python training/silver_tags.py corpus/raw-news.jsonl corpus/raw-news-tags.spacy   # texts, no entities

The NER sets carry no tags. Tagged by HanTa sentence by sentence, they let one shared encoder learn
tagging (STTS: NE, proper noun, against NN, common noun — the distinction German capitalisation hides)
together with the entities, so the shipped pipeline gets a tagger and the NER gets the tagger's signal,
without running HanTa (~5k tokens/s) at annotation time. Needs `pip install -e ".[train]"` (HanTa).
"""

from __future__ import annotations

import argparse
import json
import re
import time
from pathlib import Path

import spacy
from spacy.tokens import DocBin

# HanTa writes some STTS tags with the subcategory in brackets: VV(FIN), ADJ(A), PPOS(AT) ...; it has
# its own NNA and NNI (kinds of NN) and TIGER's PROAV, which UD German GSD writes PAV (as the STTS does)
_BRACKETED = re.compile(r"^([A-Z]+)\(([A-Z]+)\)$")
_AS_IN_UD = {"NNA": "NN", "NNI": "NN", "PROAV": "PAV"}


def stts(tag: str) -> str:
    m = _BRACKETED.match(tag)
    tag = m.group(1) + m.group(2) if m else tag
    return _AS_IN_UD.get(tag, tag)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("source", type=Path)
    ap.add_argument("target", type=Path)
    args = ap.parse_args()
    from HanTa import HanoverTagger

    tagger = HanoverTagger.HanoverTagger("morphmodel_ger.pgz")
    nlp = spacy.blank("de")
    out = DocBin(store_user_data=False)
    t0, n, tags = time.perf_counter(), 0, set()
    if args.source.suffix == ".jsonl":  # raw texts ({"text": ...} per line): sentences by spaCy's rules
        nlp.add_pipe("sentencizer")
        texts = (json.loads(line)["text"] for line in args.source.open(encoding="utf-8"))
        docs = nlp.pipe(texts)
    else:
        docs = DocBin().from_disk(args.source).get_docs(nlp.vocab)
    for doc in docs:
        sents = list(doc.sents) if doc.has_annotation("SENT_START") else [doc[:]]
        for sent in sents:
            words = [t.text for t in sent]
            for tok, (_, _, tag) in zip(sent, tagger.tag_sent(words, taglevel=1), strict=True):
                tok.tag_ = stts(tag)
                tags.add(tok.tag_)
        n += len(doc)
        out.add(doc)
    out.to_disk(args.target)
    print(f"{n:,} tokens tagged in {time.perf_counter() - t0:.0f} s -> {args.target}; tags: {' '.join(sorted(tags))}")


if __name__ == "__main__":
    main()
