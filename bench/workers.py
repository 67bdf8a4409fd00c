"""`chronik process` over the news in ../shared/data (10kGNAD test, SmartData v1, Wikinews of SpkAtt-2023)
with 1 and 2 worker processes and on a Dask LocalCluster of 2 workers: documents/s, tokens/s, the speed-up,
peak memory, and the seconds per step (reading, each pipeline stage summed over workers, storing).

    python bench/workers.py [--limit 0] [--repeat 3]

Prepares the three corpora (CSV, JSONL, JSONL) outside the timing, then runs
`chronik process --timings --workers N` on all three into a fresh store, once per configuration and
repeat, each as a separate process tree whose memory is sampled every 0.1 s (psutil). Prints Markdown
tables: the median run of each configuration, every run, and the time per step of the median runs.
"""

from __future__ import annotations

import argparse
import contextlib
import os
import re
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

import psutil

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "bench"))

from annotate import gnad_csv, smartdata_jsonl, wikinews_jsonl  # noqa: E402

ENV = dict(os.environ, OMP_NUM_THREADS="1", OPENBLAS_NUM_THREADS="1", MKL_NUM_THREADS="1")
CONFIGS = [("local", 1), ("local", 2), ("dask", 2)]
CORPORA = [("10kGNAD test", "gnad.csv", gnad_csv), ("SmartData v1", "smartdata.jsonl", smartdata_jsonl),
           ("Wikinews (SpkAtt train)", "wikinews.jsonl", wikinews_jsonl)]


def sample_memory(root: psutil.Process, stop: threading.Event, peak: dict[str, float]) -> None:
    """Largest resident set of any one process in the tree, and of the whole tree, until `stop`."""
    while not stop.is_set():
        try:
            procs = [root, *root.children(recursive=True)]
        except psutil.Error:
            break
        rss = []
        for p in procs:
            with contextlib.suppress(psutil.Error):
                rss.append(p.memory_info().rss / 2**20)
        if rss:
            peak["one"] = max(peak["one"], max(rss))
            peak["all"] = max(peak["all"], sum(rss))
        stop.wait(0.1)


def run(inputs: list[Path], engine: str, workers: int, db: Path) -> dict:
    cmd = [sys.executable, "-m", "chronik", "process", "--no-progress", "--timings", "--workers", str(workers),
           "--engine", engine, *map(str, inputs), "--db", str(db)]
    with tempfile.TemporaryFile("w+") as err:
        t0 = time.perf_counter()
        proc = subprocess.Popen(cmd, stdout=subprocess.DEVNULL, stderr=err, env=ENV)
        peak = {"one": 0.0, "all": 0.0}
        stop = threading.Event()
        sampler = threading.Thread(target=sample_memory, args=(psutil.Process(proc.pid), stop, peak))
        sampler.start()
        proc.wait()
        stop.set()
        sampler.join()
        wall = time.perf_counter() - t0
        err.seek(0)
        stderr = err.read()
    m = re.search(r"(\d+) documents stored.*?([\d,]+) tokens in ([\d.]+) s", stderr)
    if proc.returncode not in (0, 3) or not m:
        raise SystemExit(f"process failed ({proc.returncode}): {stderr[-2000:]}")
    steps = {name: float(s) for name, s in re.findall(r"^(\w+)\s+([\d.]+)\s+[\d.]+%$", stderr, re.M)}
    return {"docs": int(m.group(1)), "tokens": int(m.group(2).replace(",", "")), "seconds": float(m.group(3)),
            "wall": wall, "peak_one": peak["one"], "peak_all": peak["all"], "steps": steps}


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--shared", type=Path, default=ROOT.parent / "shared")
    ap.add_argument("--limit", type=int, default=0, help="documents per corpus (0: all)")
    ap.add_argument("--repeat", type=int, default=3, help="runs per configuration; the median is reported")
    args = ap.parse_args()
    if not (args.shared / "data").exists():
        raise SystemExit(f"{args.shared}/data not found: this benchmark needs the shared news data")
    runs: dict[tuple[str, int], list[dict]] = {c: [] for c in CONFIGS}
    with tempfile.TemporaryDirectory() as tmp_name:
        tmp = Path(tmp_name)
        inputs = []
        for _, fname, prepare in CORPORA:
            prepare(args.shared, tmp / fname, args.limit)
            inputs.append(tmp / fname)
        for k in range(args.repeat):
            for engine, workers in CONFIGS:  # interleaved, so drift on the machine hits every configuration
                runs[(engine, workers)].append(run(inputs, engine, workers, tmp / f"{engine}-{workers}-{k}.duckdb"))

    def median(rs: list[dict]) -> dict:
        return sorted(rs, key=lambda r: r["seconds"])[len(rs) // 2]

    best = {c: median(rs) for c, rs in runs.items()}
    base = best[("local", 1)]["seconds"]
    first = best[("local", 1)]
    print(f"{first['docs']:,} documents, {first['tokens']:,} tokens ({', '.join(c[0] for c in CORPORA)}); "
          f"{os.cpu_count()} cores; median of {args.repeat} run(s) each; seconds from the first document read "
          "to the last stored\n")
    print("| engine | workers | seconds | docs/s | tokens/s | speed-up | peak MB, largest process | "
          "peak MB, all processes | wall s (with start-up) |")
    print("|---|---:|---:|---:|---:|---:|---:|---:|---:|")
    for (engine, workers), r in best.items():
        print(f"| {engine} | {workers} | {r['seconds']:.1f} | {r['docs'] / r['seconds']:.1f} | "
              f"{r['tokens'] / r['seconds']:,.0f} | {base / r['seconds']:.2f}× | {r['peak_one']:,.0f} | "
              f"{r['peak_all']:,.0f} | {r['wall']:.1f} |")
    print("\nEvery run (seconds): " + "; ".join(
        f"{e} {w}: " + ", ".join(f"{r['seconds']:.1f}" for r in rs) for (e, w), rs in runs.items()))
    names = list(dict.fromkeys(n for r in best.values() for n in r["steps"]))
    print("\nSeconds per step (pipeline stages summed over the workers; read and output in the main process)\n")
    print("| step | " + " | ".join(f"{e} {w}" for e, w in best) + " |")
    print("|---|" + "---:|" * len(best))
    for name in names:
        print(f"| {name} | " + " | ".join(f"{r['steps'].get(name, 0.0):.1f}" for r in best.values()) + " |")
    pipeline = {c: sum(v for n, v in r["steps"].items() if n not in ("read", "output")) for c, r in best.items()}
    print("| pipeline, all stages | " + " | ".join(f"{v:.1f}" for v in pipeline.values()) + " |")
    print("\nPipeline tokens/s per worker: " + ", ".join(
        f"{e} {w}: {best[(e, w)]['tokens'] / v:,.0f}" for (e, w), v in pipeline.items())
          + f"  (stdev of the 1-worker runs: {statistics.pstdev(r['seconds'] for r in runs[('local', 1)]):.1f} s)")


if __name__ == "__main__":
    main()
