"""Time per pipeline stage on one core, in process: how much each stage (e.g. quotes) adds.

    python bench/stages.py [--limit 300]

Reads the German Wikinews articles of SpkAtt-2023 (../shared, through chronik_eval.py text), runs the
default pipeline over them once to warm up and once measured, and prints a table: seconds and share
per stage, tokens/s with and without the quotation stage, and tokens/s of the linguistic part alone (the
segmenter and the analysis stage: tokens, sentences, the model's heads and the lemmas) — issue 3's speed line.
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--shared", type=Path, default=ROOT.parent / "shared")
    ap.add_argument("--limit", type=int, default=300, help="documents (0: all)")
    args = ap.parse_args()
    folder = args.shared / "data" / "quotes" / "spkatt2023-task2-wikinews" / "data" / "train"
    if not folder.is_dir():
        raise SystemExit(f"no Wikinews data at {folder}")
    os.sched_setaffinity(0, {min(os.sched_getaffinity(0))})
    with tempfile.TemporaryDirectory() as tmp:
        out = Path(tmp) / "wikinews.jsonl"
        subprocess.run([sys.executable, str(args.shared / "eval" / "chronik_eval.py"), "text", str(folder), str(out)],
                       check=True, capture_output=True)
        records = [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines()]
    if args.limit:
        records = records[: args.limit]

    from chronik.config import load_config
    from chronik.document import Document
    from chronik.pipeline import default_pipeline

    pipe = default_pipeline(load_config())
    for r in records[:20]:
        pipe.process(Document(text=r["text"], id=r["id"]))
    pipe.seconds.clear()
    tokens = 0
    t0 = time.perf_counter()
    for r in records:
        doc = pipe.process(Document(text=r["text"], id=r["id"]))
        if isinstance(doc, Document):
            tokens += len(doc.tokens)
    wall = time.perf_counter() - t0
    total = sum(pipe.seconds.values())
    print(f"{len(records)} documents, {tokens:,} tokens, one core, {wall:.1f} s\n")
    print(f"{'stage':<10} {'seconds':>8} {'share':>7}")
    for name in pipe.names:
        print(f"{name:<10} {pipe.seconds[name]:>8.2f} {pipe.seconds[name] / total:>6.1%}")
    quotes = pipe.seconds.get("quotes", 0.0)
    print(f"\ntokens/s, whole pipeline: {tokens / total:,.0f}; without quotes: {tokens / (total - quotes):,.0f}; "
          f"quotes add {quotes / (total - quotes):.1%}")
    linguistic = pipe.seconds.get("segment", 0.0) + pipe.seconds.get("analyze", 0.0)
    if linguistic:
        print(f"tokens/s, linguistic part (segment + analyze: tokens, sentences, model, lemmas): "
              f"{tokens / linguistic:,.0f}")


if __name__ == "__main__":
    main()
