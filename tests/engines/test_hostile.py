"""`chronik process` on a hostile corpus made here: binary junk, invalid UTF-8, a single 100 MB line,
deeply nested JSON, HTML with 100,000 nested tags, a feed with 10,000 items, zero-byte files, next to a
good article. Every input is processed or rejected with a code, the run goes on, memory stays bounded."""

from __future__ import annotations

import os
import resource
import subprocess
import sys
from pathlib import Path

import pytest

from chronik.store import Store

pytestmark = pytest.mark.slow

GOOD = ("title Schulgesetz beschlossen\ndate 2024-03-05\n\nDer Landtag in Kiel hat am Mittwoch das neue "
        "Schulgesetz beschlossen. „Das ist ein guter Tag für die Schulen“, sagte die Bildungsministerin.")


def hostile(root: Path) -> dict[str, str | None]:
    """Write the corpus; return {file name: expected rejection code, or None for 'processed'}."""
    root.mkdir()
    (root / "gut.txt").write_text(GOOD, encoding="utf-8")
    (root / "junk.txt").write_bytes(os.urandom(50_000))
    (root / "kaputt-utf8.txt").write_bytes(b"Die Sitzung \xff\xfe l\xe4uft \x80\x81 noch." * 50 + b"\x00" * 100)
    with (root / "eine-zeile.txt").open("wb") as f:  # a single 100 MB line
        chunk = b"Der Ausschuss tagte bis in die Nacht " * 1000
        while f.tell() < 100 * 2**20:
            f.write(chunk)
    (root / "tief.json").write_bytes(b'{"text": ' + b"[" * 100_000 + b"]" * 100_000 + b"}")
    (root / "tief.html").write_bytes(b"<html><body>" + b"<div>" * 100_000 + b"Text" + b"</div>" * 100_000
                                     + b"</body></html>")
    items = "".join(f"<item><title>Meldung {i}</title><description>Kurzmeldung Nummer {i} aus Kiel: "
                    f"Der Landtag tagte.</description></item>" for i in range(10_000))
    (root / "feed.xml").write_text(f"<?xml version='1.0'?><rss version='2.0'><channel><title>Viel</title>"
                                   f"{items}</channel></rss>", encoding="utf-8")
    (root / "leer.txt").write_bytes(b"")
    (root / "leer.jsonl").write_bytes(b"")
    return {"gut.txt": None, "junk.txt": "R103", "eine-zeile.txt": "R105", "tief.json": "R106",
            "leer.txt": "R102", "leer.jsonl": "R102"}


def test_hostile_corpus_each_input_processed_or_rejected_with_bounded_memory(tmp_path: Path) -> None:
    root = tmp_path / "feindlich"
    expected = hostile(root)
    db = tmp_path / "h.duckdb"
    before = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
    r = subprocess.run([sys.executable, "-m", "chronik", "process", "--no-progress", str(root), "--db", str(db)],
                       capture_output=True, text=True, timeout=1500)
    peak_mb = max(before, resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss) / 1024
    assert r.returncode == 3, r.stderr[-3000:]  # finished, some inputs rejected
    assert peak_mb <= 1536, f"peak memory {peak_mb:.0f} MB"
    with Store(db, read_only=True) as s:
        failures = {Path(src).name: code for src, code in s.con.execute(
            "SELECT source, code FROM failures").fetchall()}
        sources = {Path(row[0]).name for row in s.con.execute("SELECT source FROM documents").fetchall()}
        n_feed = s.con.execute("SELECT count(*) FROM documents WHERE source LIKE '%feed.xml%'").fetchone()[0]
    for name, code in expected.items():
        if code is None:
            assert name in sources, name
        else:
            assert failures.get(name) == code, (name, failures.get(name))
    for name in ("kaputt-utf8.txt", "tief.html"):  # processed (repaired) or rejected with a code: never lost
        assert name in sources or name in failures, name
    assert n_feed + sum(1 for f in failures if f.startswith("feed.xml")) >= 1
    assert n_feed == 10_000 or "feed.xml" in failures
    print(f"peak memory {peak_mb:.0f} MB; feed documents {n_feed}; failures {failures}")
