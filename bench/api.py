"""Answer times of the HTTP API on a store of 10,000 documents.

    python bench/api.py [--documents 10000] [--requests 20]

Builds a store from the demo corpus with `chronik process`, copies its documents (with all their layers)
under new ids and shifted dates until it holds --documents documents, rebuilds the full-text index,
starts `chronik serve` in its own process and asks every documented query --requests times from this
process over HTTP on localhost. Prints a table: median, 95th percentile and slowest answer per query.
"""

from __future__ import annotations

import argparse
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import duckdb
import httpx

ROOT = Path(__file__).resolve().parent.parent
TABLES = {  # table -> its date columns to shift
    "documents": ["published_first", "published_last"], "sentences": [], "entities": [], "quotes": [],
    "events": ["date_first", "date_last"], "event_actors": [],
}


def build(db: Path, n_docs: int) -> int:
    chronik = Path(sys.executable).with_name("chronik")
    subprocess.run([str(chronik), "process", str(ROOT / "demo"), "--db", str(db)], check=True, capture_output=True)
    con = duckdb.connect(str(db))
    base = con.execute("SELECT count(*) FROM documents").fetchone()[0]
    copies = max(0, -(-n_docs // base) - 1)
    for table, dates in TABLES.items():
        cols = [r[0] for r in con.execute(f"DESCRIBE {table}").fetchall()]
        con.execute(f"CREATE TEMP TABLE base_{table} AS SELECT * FROM {table}")
        exprs = []
        for c in cols:
            if c == "doc_id":
                exprs.append("doc_id || '-' || k AS doc_id")
            elif c in dates:
                exprs.append(f"{c} + CAST(k * 7 AS INTEGER) AS {c}")  # one week later per copy
            else:
                exprs.append(f'"{c}"')
        con.execute(f"INSERT INTO {table} SELECT {', '.join(exprs)} FROM base_{table}, range(1, {copies + 1}) t(k)")
    total = con.execute("SELECT count(*) FROM documents").fetchone()[0]
    con.execute("CHECKPOINT")
    con.close()
    from chronik.store import Store

    with Store(db) as store:  # loads the bundled full-text extension offline
        store.rebuild_fts()
    return total


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--documents", type=int, default=10_000)
    ap.add_argument("--requests", type=int, default=20)
    ap.add_argument("--port", type=int, default=8791)
    args = ap.parse_args()
    tmp = Path(tempfile.mkdtemp(prefix="chronik-bench-api-"))
    try:
        db = tmp / "big.duckdb"
        t0 = time.perf_counter()
        n = build(db, args.documents)
        print(f"store: {n:,} documents, built in {time.perf_counter() - t0:.0f} s")
        chronik = Path(sys.executable).with_name("chronik")
        server = subprocess.Popen([str(chronik), "serve", "--db", str(db), "--port", str(args.port)],
                                  stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        base = f"http://127.0.0.1:{args.port}"
        try:
            with httpx.Client(base_url=base, timeout=30) as client:
                for _ in range(100):
                    try:
                        if client.get("/api/health").status_code == 200:
                            break
                    except httpx.TransportError:
                        time.sleep(0.2)
                doc_id = client.get("/api/documents", params={"limit": 1}).json()["items"][0]["doc_id"]
                actor = client.get("/api/actors", params={"limit": 1}).json()["items"][0]["actor"]
                quotes = client.get("/api/quotes", params={"limit": 100}).json()["items"]
                speaker = next(q["speaker_name"] for q in quotes if q["speaker_name"])
                queries = [
                    "/api/health", "/api/documents?limit=50", "/api/documents?from=2024-01&to=2024-06",
                    "/api/documents?limit=50&offset=9000", "/api/search?q=Waffenruhe", f"/api/documents/{doc_id}",
                    "/api/entities?actor=Litauen", f"/api/quotes?speaker={speaker}", "/api/quotes?q=Grenze",
                    "/api/events?type=CONSULT", "/api/events?source=RUS&target=UKR", "/api/events?place=Wilna",
                    "/api/events?country=LTU&from=2024-01&to=2024-12", "/api/events?limit=500&offset=2000",
                    "/api/actors", "/api/actors?country=LTU", f"/api/actors/{actor}",
                    "/api/aggregations/events?interval=week&limit=500",
                    "/api/aggregations/events?interval=month&source=RUS",
                    "/api/network?limit=500", "/api/map?limit=500",
                ]
                print(f"\n{'query':<62} {'median ms':>9} {'p95 ms':>7} {'max ms':>7}  ≤200 ms")
                worst = 0.0
                for q in queries:
                    times = []
                    for _ in range(args.requests):
                        t = time.perf_counter()
                        r = client.get(q)
                        times.append((time.perf_counter() - t) * 1000)
                        assert r.status_code == 200, (q, r.status_code, r.text[:200])
                    times.sort()
                    p95 = times[min(len(times) - 1, int(0.95 * len(times)))]
                    worst = max(worst, p95)
                    print(f"{q[:62]:<62} {statistics.median(times):9.1f} {p95:7.1f} {times[-1]:7.1f}  "
                          f"{'yes' if p95 <= 200 else 'NO'}")
                print(f"\nslowest 95th percentile: {worst:.1f} ms; {os.cpu_count()} cores, server and client "
                      "on one machine")
        finally:
            server.terminate()
            server.wait(10)
    finally:
        shutil.rmtree(tmp, ignore_errors=True)


if __name__ == "__main__":
    main()
