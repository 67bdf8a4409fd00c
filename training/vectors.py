"""Train static word vectors (floret: words and their character n-grams) on German text in ../shared/data,
and turn them into a spaCy vectors table for the NER/tagger encoder (an issue 3 experiment).

    python training/vectors.py        # -> training/corpus/vectors-text.txt, training/output/vectors/

Text: the raw news (training/corpus/raw-news.jsonl, see raw_text.py), the NER training sentences without
GermEval 2014 dev (training/corpus/ner-train.spacy, so the held-out test stays unseen), SpkAtt-2023 task 1
Bundestag speeches and the REDEWIEDERGABE corpus (1840-1919 fiction and magazines). No test text of ours.
"""

from __future__ import annotations

import csv
import json
import subprocess
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
SHARED = HERE.parent.parent / "shared" / "data"
TEXT = HERE / "corpus" / "vectors-text.txt"
OUT = HERE / "output" / "vectors"


def sentences() -> list[str]:
    import spacy
    from spacy.tokens import DocBin

    out: list[str] = []
    for line in (HERE / "corpus" / "raw-news.jsonl").read_text(encoding="utf-8").splitlines():
        out.extend(json.loads(line)["text"].split("\n"))
    vocab = spacy.blank("de").vocab
    out.extend(d.text for d in DocBin().from_disk(HERE / "corpus" / "ner-train.spacy").get_docs(vocab))
    for f in sorted((SHARED / "quotes" / "spkatt2023-task1-bundestag" / "data").rglob("*.json")):
        for s in json.loads(f.read_text(encoding="utf-8")).get("Sentences", []):
            out.append(" ".join(s["Tokens"]))
    for f in sorted((SHARED / "quotes" / "redewiedergabe" / "data" / "main" / "tsv").glob("*.tsv")):
        words: list[str] = []
        with f.open(encoding="utf-8") as fh:
            for row in csv.DictReader(fh, delimiter="\t", quoting=csv.QUOTE_NONE):
                if row.get("sentstart") == "yes" and words:
                    out.append(" ".join(words))
                    words = []
                words.append(row.get("tok") or "")
        if words:
            out.append(" ".join(words))
    return [s.strip() for s in out if s.strip()]


def main() -> None:
    import floret

    lines = sentences()
    TEXT.write_text("\n".join(lines) + "\n", encoding="utf-8")
    print(f"{len(lines)} lines, {sum(len(s.split()) for s in lines)} words -> {TEXT}")
    OUT.mkdir(parents=True, exist_ok=True)
    model = floret.train_unsupervised(str(TEXT), model="cbow", mode="floret", hashCount=2, bucket=20000,
                                      minn=4, maxn=5, minCount=3, dim=64, epoch=10, thread=2)
    model.save_floret_vectors(str(OUT / "vectors.floret"))
    subprocess.run([sys.executable, "-m", "spacy", "init", "vectors", "de", str(OUT / "vectors.floret"),
                    str(OUT / "spacy"), "--mode", "floret"], check=True)


if __name__ == "__main__":
    main()
