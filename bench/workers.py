"""`chronik process` with 1 and 2 worker processes, and on a Dask LocalCluster of 2 workers, on news from
../shared/data: documents/s, tokens/s, the speed-up, and the peak memory of the largest process.

    python bench/workers.py [--limit 600]

Prepares the 10kGNAD test articles (CSV) outside the timing, then runs `chronik process --workers N`
into a fresh store for each N as a separate process, and prints a table.
"""

from __future__ import annotations

import argparse
import os
import re
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "bench"))

from annotate import gnad_csv  # noqa: E402

ENV = dict(os.environ, OMP_NUM_THREADS="1", OPENBLAS_NUM_THREADS="1", MKL_NUM_THREADS="1")


def run(corpus: Path, workers: int, tmp: Path, engine: str = "local") -> dict[str, float]:
    db = tmp / f"{engine}-w{workers}.duckdb"
    cmd = [sys.executable, "-m", "chronik", "process", "--no-progress", "--workers", str(workers), str(corpus),
           "--db", str(db), "--engine", engine]
    before = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
    t0 = time.perf_counter()
    proc = subprocess.run(cmd, capture_output=True, text=True, env=ENV)
    wall = time.perf_counter() - t0
    peak = max(before, resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss) / 1024
    m = re.search(r"(\d+) documents stored.*?([\d,]+) tokens in ([\d.]+) s", proc.stderr)
    if proc.returncode not in (0, 3) or not m:
        raise SystemExit(f"process failed ({proc.returncode}): {proc.stderr[-2000:]}")
    return {"docs": int(m.group(1)), "tokens": int(m.group(2).replace(",", "")), "seconds": float(m.group(3)),
            "wall": wall, "peak_mb": peak}


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--shared", type=Path, default=ROOT.parent / "shared")
    ap.add_argument("--limit", type=int, default=600, help="articles (0: all 1,028)")
    args = ap.parse_args()
    with tempfile.TemporaryDirectory() as tmp_name:
        tmp = Path(tmp_name)
        corpus = tmp / "gnad.csv"
        gnad_csv(args.shared, corpus, args.limit)
        rows = {(w, "local"): run(corpus, w, tmp) for w in (1, 2)}
        rows[(2, "dask")] = run(corpus, 2, tmp, "dask")
    print(f"10kGNAD test articles, {os.cpu_count()} cores, chronik process into a new store\n")
    print(f"{'engine':>6} {'workers':>7} {'documents':>9} {'tokens':>9} {'seconds':>8} {'docs/s':>7} {'tokens/s':>9} "
          f"{'speed-up':>8} {'peak MB (one process)':>22}")
    base = rows[(1, "local")]["seconds"]
    for (w, engine), r in rows.items():
        print(f"{engine:>6} {w:>7} {r['docs']:>9,} {r['tokens']:>9,} {r['seconds']:>8.1f} "
              f"{r['docs'] / r['seconds']:>7.1f} {r['tokens'] / r['seconds']:>9,.0f} {base / r['seconds']:>7.2f}x "
              f"{r['peak_mb']:>22,.0f}")


if __name__ == "__main__":
    main()
