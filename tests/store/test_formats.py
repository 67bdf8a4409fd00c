"""Event exports: GDELT 2.0 event-table columns (TSV) and PLOVER JSON Lines, written by `chronik export`
from the demo store and read back by pandas and DuckDB with the documented types."""

from __future__ import annotations

import json
from pathlib import Path

import duckdb
import pytest
from click.testing import CliRunner

from chronik.cli import main
from chronik.store import Store
from chronik.store.formats import GDELT_COLUMNS, event_id, quad_class

pd = pytest.importorskip("pandas")


def export(db: Path, fmt: str, out: Path, *extra: str) -> None:
    r = CliRunner().invoke(main, ["export", "--db", str(db), "--format", fmt, "-o", str(out), *extra])
    assert r.exit_code == 0, r.output


def test_gdelt_export_has_the_61_columns_and_loads_with_types(demo_db: Path, tmp_path: Path) -> None:
    assert len(GDELT_COLUMNS) == 61 and len(set(GDELT_COLUMNS)) == 61
    out = tmp_path / "events.tsv"
    export(demo_db, "gdelt", out)
    with Store(demo_db, read_only=True) as s:
        n_events = s.counts()["events"]
    df = pd.read_csv(out, sep="\t", dtype={"EventCode": str, "EventBaseCode": str, "EventRootCode": str})
    assert list(df.columns) == GDELT_COLUMNS and len(df) == n_events
    assert df["GLOBALEVENTID"].is_unique and str(df["SQLDATE"].dtype) == "int64"
    assert df["EventRootCode"].str.len().eq(2).all() and df["QuadClass"].between(1, 4).all()
    assert (df["EventCode"].str[:2] == df["EventRootCode"]).all()
    assert df["SQLDATE"].astype(str).str.match(r"^(19|20)\d{6}$").all()
    located = df[df["ActionGeo_Lat"].notna()]
    assert len(located) and located["ActionGeo_Lat"].between(-90, 90).all()
    con = duckdb.connect()
    rows = con.execute(f"SELECT count(*), count(DISTINCT GLOBALEVENTID) FROM read_csv('{out}', delim='\\t', "
                       "header=true, types={'EventCode': 'VARCHAR', 'EventRootCode': 'VARCHAR'})").fetchone()
    assert rows == (n_events, n_events)
    export(demo_db, "gdelt", tmp_path / "raw.tsv", "--no-header")
    assert len((tmp_path / "raw.tsv").read_text().splitlines()) == n_events  # GDELT's own layout


def test_plover_export_loads_and_keeps_the_evidence(demo_db: Path, tmp_path: Path) -> None:
    out = tmp_path / "events.jsonl"
    export(demo_db, "plover", out)
    records = [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines()]
    assert records and all(r["event"] and r["source"] and r["target"] and r["text"] for r in records)
    with Store(demo_db, read_only=True) as s:
        for r in records[:20]:
            doc = s.get(r["docId"])
            start, end = r["textOffsets"]
            assert doc is not None and doc.text[start:end] == r["text"] and r["eventText"] in r["text"]
    df = pd.read_json(out, lines=True)
    assert len(df) == len(records) and df["id"].is_unique
    con = duckdb.connect()
    assert con.execute(f"SELECT count(*) FROM read_json_auto('{out}')").fetchone()[0] == len(records)


def test_helpers() -> None:
    assert [quad_class(c) for c in ("042", "057", "0841", "111", "120", "161", "190", None)] == \
        [1, 1, 2, 3, 3, 4, 4, None]
    assert event_id("a", 1) == event_id("a", 1) != event_id("a", 2) and 0 <= event_id("a", 1) < 2 ** 63


def test_parquet_tables_load_in_pandas_and_duckdb_with_their_types(demo_db: Path, tmp_path: Path) -> None:
    export(demo_db, "parquet", tmp_path / "pq")
    events = pd.read_parquet(tmp_path / "pq" / "events.parquet")
    docs = pd.read_parquet(tmp_path / "pq" / "documents.parquet")
    assert len(docs) == 24 and len(events) > 0
    assert str(events["lat"].dtype) == "float64" and str(events["idx"].dtype) == "int32"
    assert str(docs["published_first"].dtype).startswith(("object", "date", "datetime"))
    con = duckdb.connect()
    types = dict(con.execute(f"DESCRIBE SELECT * FROM '{tmp_path / 'pq' / 'events.parquet'}'").fetchall()[i][:2]
                 for i in range(len(events.columns)))
    assert types["date_first"] == "DATE" and types["lat"] == "DOUBLE" and types["type"] == "VARCHAR"
