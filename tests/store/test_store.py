from __future__ import annotations

import duckdb
import pytest
from hypothesis import HealthCheck, given, settings

from chronik.document import Document, Rejection, Span
from chronik.errors import Reject, StoreError
from chronik.store import Store
from chronik.store.migrations import MIGRATIONS
from chronik.time import parse_date
from tests.strategies import documents


@pytest.fixture
def store():
    s = Store(":memory:")
    yield s
    s.close()


def make_doc(text="Die Ministerin reiste nach Riga. „Wir helfen“, sagte sie.", **kw) -> Document:
    doc = Document(text=text, source="test.txt", published=parse_date("2024-05"), **kw)
    doc.sentences = [Span(0, 31), Span(32, len(text))]
    return doc


def test_store_migrations_recorded_once(tmp_path):
    path = tmp_path / "s.duckdb"
    with Store(path) as s:
        assert s.migrations() == [name for name, _ in MIGRATIONS]
    with Store(path) as s:  # reopening applies nothing again
        assert s.migrate() == []
        assert s.migrations() == [name for name, _ in MIGRATIONS]


def test_store_put_is_idempotent(store):
    run = store.begin_run("test", [], {}, {})
    doc = make_doc()
    assert store.put(doc, run) == "new"
    assert store.put(make_doc(), run) == "unchanged"
    assert store.counts()["documents"] == 1
    assert store.counts()["sentences"] == 2


def test_store_changed_content_replaces_rows(store):
    run = store.begin_run("test", [], {}, {})
    store.put(make_doc(id="a1"), run)
    changed = make_doc(text="Die Ministerin reiste nach Tallinn. „Wir helfen“, sagte sie.", id="a1")
    changed.sentences = [Span(0, 34)]
    assert store.put(changed, run) == "updated"
    assert store.counts()["documents"] == 1
    assert store.counts()["sentences"] == 1
    assert "Tallinn" in store.get("a1").text


def test_store_failures_and_runs_recorded(store):
    run = store.begin_run("process", ["x.txt"], {"ingest": {}}, {"chronik": "0"})
    store.add_failure(Rejection("x.bin", Reject.BINARY, "NUL bytes", locator=None), run)
    store.finish_run(run, {"documents": 0, "rejected": 1}, 0.5)
    row = store.con.execute("SELECT code, reason, source FROM failures").fetchone()
    assert row == ("R103", "binary", "x.bin")
    status, n_rej = store.con.execute("SELECT status, n_rejected FROM runs WHERE run_id = ?", [run]).fetchone()
    assert (status, n_rej) == ("finished", 1)


def test_store_read_only_missing_file_is_a_clear_error(tmp_path):
    with pytest.raises(StoreError, match="chronik process"):
        Store(tmp_path / "missing.duckdb", read_only=True)


def test_store_read_only_refuses_writes(tmp_path):
    path = tmp_path / "s.duckdb"
    Store(path).close()
    with Store(path, read_only=True) as ro, pytest.raises(duckdb.Error):
        ro.con.execute("DELETE FROM documents")


def test_store_full_text_search(store):
    run = store.begin_run("test", [], {}, {})
    store.put(make_doc(), run)
    store.put(make_doc(text="Die Waffenruhe in der Region hält seit Montag."), run)
    assert store.rebuild_fts()
    from chronik.store.queries import Filters, query

    _, rows = query(store, "documents", Filters(text="Waffenruhe"))
    assert len(rows) == 1


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(doc=documents())
def test_store_round_trip_loses_nothing(store, doc):
    run = store.begin_run("test", [], {}, {})
    store.put(doc, run)
    back = store.get(doc.id)
    assert back is not None
    assert back.to_json() == doc.to_json()
    store.con.execute("DELETE FROM documents; DELETE FROM sentences; DELETE FROM entities; DELETE FROM quotes; "
                      "DELETE FROM events; DELETE FROM event_actors;")


def test_store_replaces_a_document_annotated_by_other_stage_versions(store):
    run = store.begin_run("test", [], {}, {})
    doc = make_doc()
    doc.provenance = {"sentences": "segment@0.1.0", "events": "events@0.1.0"}
    assert store.put(doc, run) == "new"
    assert store.put(doc, run) == "unchanged"
    doc.provenance["events"] = "events@0.2.0"  # a newer event coder: the old records must not stay
    assert store.put(doc, run) == "updated"
    assert store.put(doc, run) == "unchanged"
    assert store.put(doc, run, force=True) == "updated"
