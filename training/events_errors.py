#!/usr/bin/env python3
"""Read the event coder's errors on gold files: core gold events missed, predictions that match nothing.

    python training/events_errors.py ../shared/eval/events-dev/*.gold.json
"""

from __future__ import annotations

import json
import re
import subprocess
import sys
import tempfile
from pathlib import Path


def main() -> None:
    files = [Path(f) for f in sys.argv[1:]]
    golds = []
    for f in files:
        g = json.loads(f.read_text(encoding="utf-8"))
        raw = f.with_name(f.name.replace(".gold.json", ".txt")).read_text(encoding="utf-8")
        golds.append((g, re.sub(r"^\s*date\s+[\d-]+\s+", "", raw)))
    with tempfile.NamedTemporaryFile("w", suffix=".jsonl", delete=False, encoding="utf-8") as tmp:
        for g, text in golds:
            tmp.write(json.dumps({"id": g["id"], "text": text, "published": g.get("published"),
                                  "title": g.get("title")}, ensure_ascii=False) + "\n")
    out = subprocess.run([sys.executable, "-m", "chronik", "annotate", "--format", "jsonl", tmp.name],
                         capture_output=True, text=True).stdout
    recs = {r["id"]: r for r in map(json.loads, filter(None, out.splitlines()))}
    for g, text in golds:
        rec = recs.get(g["id"], {})
        print(f"=== {g['id']}")
        preds = rec.get("events", [])
        spans = []
        for e in g.get("events", []):
            i = text.find(e["evidence"])
            spans.append((i, i + len(e["evidence"])))

        def same(p: dict, e: dict, span: tuple[int, int]) -> bool:
            if not (p["sentence"][0] < span[1] and span[0] < p["sentence"][1] and p["type"] in e["type"]):
                return False
            pair = (p["source"][0]["country"], p["target"][0]["country"])
            want = ((e.get("source") or {}).get("country"), (e.get("target") or {}).get("country"))
            return pair == want or (bool(e.get("symmetric")) and pair == want[::-1])

        for e, span in zip(g.get("events", []), spans, strict=True):
            hit = [p for p in preds if same(p, e, span)]
            near = [p for p in preds if p["sentence"][0] < span[1] and span[0] < p["sentence"][1]]
            mark = "ok " if hit else ("opt" if e.get("optional") else "MISS")
            where = ""
            if hit and e.get("location"):
                got = [(p.get("location") or {}).get("name") for p in hit]
                where = f" LOC gold={e['location']} pred={got}"
            if mark != "opt":
                print(f"  {mark} {e['type']} {e.get('source')} -> {e.get('target')}{where} | {e['evidence'][:90]}"
                      + ("" if hit or not near else "  (a prediction in this sentence: wrong type or dyad)"))
        for p in preds:
            good = any(same(p, e, span) for e, span in zip(g.get("events", []), spans, strict=True))
            print(f"  {'PRED' if good else 'FALSE'} {p['type']} {p['trigger']['text']} "
                  f"{[(s['text'], s['country']) for s in p['source']]} -> "
                  f"{[(t['text'], t['country']) for t in p['target']]} {p['modality']} "
                  f"{(p.get('location') or {}).get('name')} | {p['evidence'][:70]}")


if __name__ == "__main__":
    main()
