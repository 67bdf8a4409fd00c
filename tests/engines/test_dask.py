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
