#!/usr/bin/env python3
"""Raw German news for the static vectors: 10kGNAD test, SmartData v1, SpkAtt-2023 Wikinews train.

    python training/raw_text.py [--shared ../shared]   # -> training/corpus/raw-news.jsonl

No test text is included: GermEval, UNER PUD and UD GSD test stay unseen, and so do the SpkAtt documents
of the quotation stage's held-out part (Wikinews id divisible by 5, training/quotes_split.py).
"""

from __future__ import annotations

import argparse
import csv
import importlib.util
import json
from pathlib import Path

from augment import concatenated_json

ROOT = Path(__file__).resolve().parents[1]


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--shared", type=Path, default=ROOT.parent / "shared")
    ap.add_argument("--out", type=Path, default=ROOT / "training" / "corpus" / "raw-news.jsonl")
    args = ap.parse_args()
    data = args.shared / "data"
    texts = [row[-1] for row in csv.reader((data / "news" / "10kGNAD" / "test.csv").open(encoding="utf-8"),
                                           delimiter=";", quotechar="'")]
    for split in ("train", "test"):
        for obj in concatenated_json(data / "news" / "smartdata-dfki" / "v1_20180119" / f"{split}.json.gz"):
            text = (obj.get("text") or {}).get("string")
            if text:
                texts.append(text)
    spec = importlib.util.spec_from_file_location("chronik_eval", args.shared / "eval" / "chronik_eval.py")
    assert spec and spec.loader
    ev = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(ev)
    spkatt = ev.spkatt_docs(data / "quotes" / "spkatt2023-task2-wikinews" / "data" / "train")
    texts += [d["text"] for d in spkatt if int(d["id"]) % 5 != 0]  # the held-out part stays unseen
    args.out.parent.mkdir(parents=True, exist_ok=True)
    with args.out.open("w", encoding="utf-8") as f:
        for t in texts:
            f.write(json.dumps({"text": t}, ensure_ascii=False) + "\n")
    print(f"{len(texts):,} documents to {args.out}")


if __name__ == "__main__":
    main()
