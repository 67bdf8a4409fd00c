"""A `chronik process` run killed with SIGKILL halfway resumes on the next run: nothing lost, nothing
stored twice, the same store as an uninterrupted run."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from chronik.store import Store

pytestmark = pytest.mark.slow

TOWNS = ["Tallinn", "Riga", "Vilnius", "Helsinki", "Oslo", "Warschau", "Prag", "Wien"]


def corpus(path: Path, n: int) -> Path:
    with path.open("w", encoding="utf-8") as f:
        for i in range(n):
            town = TOWNS[i % len(TOWNS)]
            text = (f"Die Regierung in {town} hat am Montag ein neues Gesetz Nummer {i} beschlossen. "
                    f"„Wir handeln schnell“, sagte ein Sprecher in {town}. Die Opposition kritisierte den Plan.")
            f.write(json.dumps({"id": f"doc-{i}", "text": text, "published": f"2024-05-{i % 28 + 1:02d}"},
                               ensure_ascii=False) + "\n")
    return path


def process(inputs: Path, db: Path, *extra: str) -> subprocess.Popen:
    return subprocess.Popen([sys.executable, "-m", "chronik", "process", "--no-progress", str(inputs), "--db", str(db),
                             *extra], stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)


def test_killed_run_resumes_with_nothing_lost_or_doubled(tmp_path: Path) -> None:
    n = 2000
    inputs = corpus(tmp_path / "news.jsonl", n)
    db = tmp_path / "killed.duckdb"
    proc = process(inputs, db)
    wal = db.with_name(db.name + ".wal")
    deadline = time.time() + 180
    while time.time() < deadline and proc.poll() is None and not (wal.exists() and wal.stat().st_size > 200_000):
        time.sleep(0.05)  # wait until some batches are committed (the write-ahead log grows)
    os.kill(proc.pid, signal.SIGKILL)
    proc.wait()
    assert proc.returncode == -signal.SIGKILL
    with Store(db) as s:
        stored = s.counts()["documents"]
    assert 0 < stored < n, f"kill the run halfway: {stored} of {n} stored"
    again = process(inputs, db)
    _, err = again.communicate(timeout=600)
    assert again.returncode == 0, err
    assert f"{n - stored} new" in err and f"{stored} unchanged" in err
    clean = tmp_path / "clean.duckdb"
    full = process(inputs, clean)
    full.communicate(timeout=600)
    with Store(db) as a, Store(clean) as b:
        assert a.counts()["documents"] == n
        for table in ("documents", "sentences", "entities", "quotes", "events", "event_actors"):
            select = ("SELECT * EXCLUDE (run_id, stored_at) FROM documents" if table == "documents"
                      else f"SELECT * FROM {table}")
            rows_a = sorted(map(repr, a.con.execute(select).fetchall()))
            rows_b = sorted(map(repr, b.con.execute(select).fetchall()))
            assert rows_a == rows_b, table
        statuses = [r[0] for r in a.con.execute("SELECT status FROM runs ORDER BY started_at").fetchall()]
        assert statuses == ["running", "finished"]  # the killed run stays visible as never finished
