#!/usr/bin/env python3
"""Benchmark `chronik annotate` on the real German news in ../shared/data.

    python bench/annotate.py [--shared ../shared] [--repeat 1] [--limit N]

For each corpus the inputs are prepared once (outside the timing), then `chronik annotate` runs as a
separate process pinned to one core, as a user would run it; wall time includes start-up and model loading, which is
also reported alone (an empty run). Peak memory is the child's maximum resident set size.
Prints a Markdown table.
"""

from __future__ import annotations

import argparse
import csv
import json
import os
import re
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
# One core: the child is pinned to one CPU and its numeric libraries to one thread.
ONE_CORE_ENV = dict(os.environ, OMP_NUM_THREADS="1", OPENBLAS_NUM_THREADS="1", MKL_NUM_THREADS="1")


def smartdata_jsonl(shared: Path, out: Path, limit: int) -> None:
    sys.path.insert(0, str(ROOT / "training"))
    from augment import concatenated_json  # the SmartData files are concatenated JSON objects

    folder = shared / "data" / "news" / "smartdata-dfki" / "v1_20180119"
    n = 0
    with out.open("w", encoding="utf-8") as f:
        for split in ("train", "test"):
            for obj in concatenated_json(folder / f"{split}.json.gz"):
                text = (obj.get("text") or {}).get("string")
                if not text:
                    continue
                date = (obj.get("date") or {}).get("string")
                f.write(json.dumps({"id": f"smartdata-{split}-{n}", "text": text, "published": date},
                                   ensure_ascii=False) + "\n")
                n += 1
                if limit and n >= limit:
                    return


def wikinews_jsonl(shared: Path, out: Path, limit: int) -> None:
    folder = shared / "data" / "quotes" / "spkatt2023-task2-wikinews" / "data" / "train"
    subprocess.run([sys.executable, str(shared / "eval" / "chronik_eval.py"), "text", str(folder), str(out)],
                   check=True, capture_output=True)
    if limit:
        lines = out.read_text(encoding="utf-8").splitlines()[:limit]
        out.write_text("\n".join(lines) + "\n", encoding="utf-8")


def gnad_csv(shared: Path, out: Path, limit: int) -> None:
    src = shared / "data" / "news" / "10kGNAD" / "test.csv"
    rows = list(csv.reader(src.open(encoding="utf-8"), delimiter=";", quotechar="'"))
    if limit:
        rows = rows[:limit]
    with out.open("w", encoding="utf-8", newline="") as f:
        w = csv.writer(f)
        w.writerow(["category", "text"])
        w.writerows(rows)


def run_annotate(path: Path | None) -> dict[str, float]:
    """Run `chronik annotate` on one input as a child process; its own peak RSS comes from wait4."""
    cmd = [sys.executable, "-m", "chronik", "annotate", "--no-progress", "-o", os.devnull,
           str(path) if path else "-"]
    with tempfile.TemporaryFile("w+") as err, open(os.devnull, "rb") as devnull:
        t0 = time.perf_counter()
        proc = subprocess.Popen(cmd, stdin=devnull, stdout=subprocess.DEVNULL, stderr=err, env=ONE_CORE_ENV,
                                preexec_fn=lambda: os.sched_setaffinity(0, {min(os.sched_getaffinity(0))}))
        _, status, usage = os.wait4(proc.pid, 0)
        wall = time.perf_counter() - t0
        proc.returncode = os.waitstatus_to_exitcode(status)
        err.seek(0)
        stderr = err.read()
    summary = stderr.strip().splitlines()[-1] if stderr.strip() else ""
    m = re.search(r"(\d+) documents annotated, (\d+) rejected.*?([\d,]+) tokens in ([\d.]+) s", summary)
    if proc.returncode not in (0, 3) or not m:
        raise SystemExit(f"annotate failed ({proc.returncode}): {stderr[-2000:]}")
    return {"docs": int(m.group(1)), "rejected": int(m.group(2)), "tokens": int(m.group(3).replace(",", "")),
            "pipeline_s": float(m.group(4)), "wall_s": wall, "peak_mb": usage.ru_maxrss / 1024}


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--shared", type=Path, default=ROOT.parent / "shared")
    ap.add_argument("--limit", type=int, default=0, help="documents per corpus (0: all)")
    args = ap.parse_args()
    if not (args.shared / "data").exists():
        raise SystemExit(f"{args.shared}/data not found: this benchmark needs the shared news data")
    corpora = [("10kGNAD test (CSV)", "gnad.csv", gnad_csv), ("SmartData v1 (JSONL)", "smartdata.jsonl",
               smartdata_jsonl), ("Wikinews SpkAtt train (JSONL)", "wikinews.jsonl", wikinews_jsonl)]
    rows = []
    with tempfile.TemporaryDirectory() as tmp:
        startup = run_annotate(None)
        for name, fname, prepare in corpora:
            path = Path(tmp) / fname
            prepare(args.shared, path, args.limit)
            r = run_annotate(path)
            rows.append((name, r))
    version = subprocess.run([sys.executable, "-m", "chronik", "--version"], capture_output=True, text=True)
    print(f"{version.stdout.strip()} · one core of {os.cpu_count()} · Python {sys.version.split()[0]} · "
          f"start-up (empty run) {startup['wall_s']:.2f} s, {startup['peak_mb']:.0f} MB\n")
    print("| corpus | documents | rejected | tokens | pipeline s | docs/s | tokens/s | wall s (with start-up) "
          "| peak MB |")
    print("|---|---:|---:|---:|---:|---:|---:|---:|---:|")
    for name, r in rows:
        print(f"| {name} | {r['docs']:,} | {r['rejected']:,} | {r['tokens']:,} | {r['pipeline_s']:.1f} | "
              f"{r['docs'] / r['pipeline_s']:,.0f} | {r['tokens'] / r['pipeline_s']:,.0f} | {r['wall_s']:.1f} | "
              f"{r['peak_mb']:.0f} |")


if __name__ == "__main__":
    main()
