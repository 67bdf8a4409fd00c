"""The Dask engine (a LocalCluster of two worker processes) stores exactly what the local engine stores,
through Parquet parts that DuckDB reads; a second run finds everything unchanged."""

from __future__ import annotations

from pathlib import Path

import pytest
from click.testing import CliRunner

from chronik.cli import main
from chronik.store import Store

pytest.importorskip("dask.distributed")
pytestmark = pytest.mark.slow
ROOT = Path(__file__).resolve().parents[2]
TABLES = ("documents", "sentences", "entities", "quotes", "events", "event_actors")


def rows(db: Path) -> dict[str, list[str]]:
    with Store(db, read_only=True) as s:
        out = {}
        for table in TABLES:
            select = ("SELECT * EXCLUDE (run_id, stored_at) FROM documents" if table == "documents"
                      else f"SELECT * FROM {table}")
            out[table] = sorted(map(repr, s.con.execute(select).fetchall()))
        return out


def test_dask_engine_stores_the_same_as_the_local_engine(tmp_path: Path) -> None:
    local, dask = tmp_path / "local.duckdb", tmp_path / "dask.duckdb"
    runner = CliRunner()
    r = runner.invoke(main, ["process", str(ROOT / "demo"), "--db", str(local), "--no-progress"])
    assert r.exit_code == 0, r.output
    r = runner.invoke(main, ["process", str(ROOT / "demo"), "--db", str(dask), "--engine", "dask", "--workers", "2",
                             "--no-progress"])
    assert r.exit_code == 0, r.output
    assert "24 new" in r.stderr
    a, b = rows(local), rows(dask)
    for table in TABLES:
        assert a[table] == b[table], table
    r = runner.invoke(main, ["process", str(ROOT / "demo"), "--db", str(dask), "--engine", "dask", "--workers", "2",
                             "--no-progress"])
    assert r.exit_code == 0 and "24 unchanged" in r.stderr


def test_dask_parts_are_parquet_that_duckdb_reads(tmp_path: Path) -> None:
    import duckdb

    from chronik.config import load_config
    from chronik.engines.dask import run_dask
    from chronik.ingest import ReadContext

    cfg = load_config()
    parts = tmp_path / "parts"
    with Store(tmp_path / "s.duckdb") as store:
        run = store.begin_run("test", [], {}, {})
        stats = run_dask([str(ROOT / "demo")], ReadContext.from_config(cfg, "auto"), cfg,
                         lambda p: store.merge_parts(p), lambda rej: None, run, workers=2, batch_size=8,
                         parts_dir=parts)
    assert stats.counts["new"] == 24
    files = sorted((parts / "documents").glob("*.parquet"))
    assert len(files) == 3  # 24 documents in batches of 8
    n = duckdb.connect().execute(f"SELECT count(*) FROM read_parquet('{parts}/events/*.parquet')").fetchone()[0]
    assert n > 0


def test_dask_engine_keeps_the_last_version_of_a_repeated_id_like_the_local_engine(tmp_path: Path) -> None:
    """70 records with 30 ids: versions of one id in the same batch of 64 and in different batches."""
    import json

    feed = tmp_path / "repeated.jsonl"
    with feed.open("w", encoding="utf-8") as f:
        for i in range(70):
            text = (f"Die Stadt Lindenfeld meldete am Montag {i} neue Anträge. Bürgermeisterin Carla Wendt sagte, "
                    f"man werde die Verwaltung um {i % 7 + 2} Stellen verstärken.")
            f.write(json.dumps({"id": f"antrag-{i % 30}", "text": text}, ensure_ascii=False) + "\n")
    local, dask = tmp_path / "local.duckdb", tmp_path / "dask.duckdb"
    runner = CliRunner()
    r1 = runner.invoke(main, ["process", str(feed), "--db", str(local), "--no-progress"])
    r2 = runner.invoke(main, ["process", str(feed), "--db", str(dask), "--engine", "dask", "--workers", "2",
                              "--no-progress"])
    assert r1.exit_code == 0 and r2.exit_code == 0, r1.output + r2.output
    for r in (r1, r2):
        assert "70 documents stored" in r.stderr and ", 30 new, 40 updated," in r.stderr, r.stderr
    a, b = rows(local), rows(dask)
    for table in TABLES:
        assert a[table] == b[table], table
    with Store(dask, read_only=True) as s:
        kept = dict(s.con.execute("SELECT doc_id, text FROM documents").fetchall())
    assert len(kept) == 30 and "am Montag 69 neue" in kept["antrag-9"]  # the last of antrag-9's versions
