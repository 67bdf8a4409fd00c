"""The CLI end to end, in process (click's runner), with exit codes."""

from __future__ import annotations

import json

import pytest
from click.testing import CliRunner

from chronik.cli import main
from chronik.store import Store

ARTICLE = """title Außenministerin in Riga
date 2024-05-14

Die Außenministerin traf am Montag ihren lettischen Amtskollegen in Riga. „Wir stehen fest an der Seite \
unserer baltischen Partner“, sagte sie nach dem Treffen. Man werde die Zusammenarbeit ausbauen, hieß es.
"""
ARTICLE_2 = """date 2024-06

Die Regierung in Vilnius lehnte die Forderung am Dienstag ab. „Darüber verhandeln wir nicht“, erklärte ein \
Sprecher des Außenministeriums.
"""
ENGLISH = "The minister met her Latvian counterpart in Riga on Monday and promised closer cooperation.\n"


@pytest.fixture
def corpus(tmp_path):
    d = tmp_path / "news"
    d.mkdir()
    (d / "a.txt").write_text(ARTICLE, encoding="utf-8")
    (d / "b.txt").write_text(ARTICLE_2, encoding="utf-8")
    return d


def run(*args, input=None):
    return CliRunner().invoke(main, [str(a) for a in args], input=input, catch_exceptions=False)


def test_cli_annotate_prints_contract(corpus):
    r = run("annotate", corpus / "a.txt")
    assert r.exit_code == 0, r.stderr
    docs = [json.loads(line) for line in r.stdout.splitlines()]
    assert len(docs) == 1
    d = docs[0]
    assert d["title"] == "Außenministerin in Riga" and d["published"] == "2024-05-14"
    assert d["text"].startswith("Die Außenministerin") and d["language"] == "de"
    assert [d["text"][s:e] for s, e in d["sentences"]][1].startswith("„Wir stehen")
    assert "1 documents annotated, 0 rejected" in r.stderr


def test_cli_annotate_jsonl_text_unchanged(tmp_path):
    text = "Der Minister  sprach.\r\nEr sagte: „Ja.“\u00a0Dann ging er. 🙂"
    f = tmp_path / "in.jsonl"
    f.write_text(json.dumps({"id": "x1", "text": text, "published": "2017-03"}) + "\n", encoding="utf-8")
    r = run("annotate", "--format", "jsonl", f)
    d = json.loads(r.stdout)
    assert d["id"] == "x1" and d["text"] == text and d["published"] == "2017-03"


def test_cli_annotate_stdin(corpus):
    r = run("annotate", "-", input=(corpus / "b.txt").read_bytes())
    assert r.exit_code == 0
    assert json.loads(r.stdout)["published"] == "2024-06"


def test_cli_annotate_rejections_exit_3(corpus, tmp_path):
    (corpus / "en.txt").write_text(ENGLISH, encoding="utf-8")
    (corpus / "empty.txt").write_bytes(b"")
    rej = tmp_path / "rejected.jsonl"
    r = run("annotate", corpus, "--rejected", rej)
    assert r.exit_code == 3
    assert len(r.stdout.splitlines()) == 2  # both German articles
    codes = sorted(json.loads(line)["code"] for line in rej.read_text().splitlines())
    assert codes == ["R102", "R200"]
    assert "2 rejected" in r.stderr


def test_cli_usage_error_exit_2():
    assert run("annotate").exit_code == 2
    assert run("annotate", "--format", "xml", "x").exit_code == 2
    assert run("query", "--from", "gestern").exit_code == 2


def test_cli_bad_config_exit_1(tmp_path, corpus):
    cfg = tmp_path / "c.toml"
    cfg.write_text("[ingest]\nmax_document_byte = 5\n")
    r = run("--config", cfg, "annotate", corpus)
    assert r.exit_code == 1 and "unknown config key ingest.max_document_byte" in r.stderr


def test_cli_process_show_query_export(corpus, tmp_path):
    db = tmp_path / "c.duckdb"
    r = run("process", corpus, "--db", db)
    assert r.exit_code == 0, r.stderr
    assert "2 new" in r.stderr
    r = run("process", corpus, "--db", db)  # again: nothing added twice
    assert "2 unchanged" in r.stderr
    r = run("query", "documents", "--db", db, "--format", "jsonl")
    rows = [json.loads(line) for line in r.stdout.splitlines()]
    assert len(rows) == 2 and rows[0]["published"] == "2024-05-14"
    r = run("query", "documents", "--db", db, "--text", "Forderung", "--format", "jsonl")
    assert [json.loads(line)["published"] for line in r.stdout.splitlines()] == ["2024-06"]
    r = run("query", "documents", "--db", db, "--from", "2024-06-01", "--format", "csv")
    assert len(r.stdout.strip().splitlines()) == 2  # header + one row
    doc_id = rows[0]["doc_id"]
    r = run("show", doc_id[:8], "--db", db)
    assert r.exit_code == 0 and "Außenministerin in Riga" in r.stdout and "sentences (3)" in r.stdout
    r = run("show", doc_id, "--db", db, "--format", "json")
    assert json.loads(r.stdout)["id"] == doc_id
    assert run("show", "nope", "--db", db).exit_code == 1
    out = tmp_path / "all.jsonl"
    run("export", "--db", db, "--format", "jsonl", "-o", out)
    exported = [json.loads(line) for line in out.read_text().splitlines()]
    annotated = [json.loads(line) for line in run("annotate", corpus).stdout.splitlines()]
    key = lambda d: d["id"]  # noqa: E731
    assert sorted(exported, key=key) == sorted(annotated, key=key)  # the store loses nothing
    r = run("export", "--db", db, "--format", "parquet", "-o", tmp_path / "pq")
    assert r.exit_code == 0 and (tmp_path / "pq" / "documents.parquet").exists()
    assert run("export", "--db", db, "--format", "csv").exit_code == 2


def test_cli_process_records_failures(corpus, tmp_path):
    db = tmp_path / "c.duckdb"
    (corpus / "junk.bin").write_bytes(bytes(range(256)) * 10)
    r = run("process", corpus, "--db", db)
    assert r.exit_code == 3
    r = run("query", "failures", "--db", db, "--format", "jsonl")
    fails = [json.loads(line) for line in r.stdout.splitlines()]
    assert [f["code"] for f in fails] == ["R103"] and fails[0]["source"].endswith("junk.bin")


def test_cli_help_lists_commands():
    r = run("--help")
    for cmd in ("annotate", "process", "show", "query", "export"):
        assert cmd in r.stdout


def test_cli_process_store_failure_is_a_rejection_not_a_crash(corpus, tmp_path, monkeypatch):
    from chronik.store import Store

    real_put_many = Store.put_many

    def flaky_put_many(self, docs, run_id, **kw):
        if any("Vilnius" in doc.text for doc in docs):
            raise ValueError("simulated store failure")
        return real_put_many(self, docs, run_id, **kw)

    monkeypatch.setattr(Store, "put_many", flaky_put_many)
    db = tmp_path / "c.duckdb"
    r = run("process", corpus, "--db", db)
    assert r.exit_code == 3 and "1 new" in r.stderr and "R500" in r.stderr
    r = run("query", "failures", "--db", db, "--format", "jsonl")
    assert [json.loads(line)["code"] for line in r.stdout.splitlines()] == ["R500"]


EVENTS_ARTICLE = """date 2024-09-12

Der estnische Präsident besuchte am Dienstag Finnland. In Helsinki kritisierte Estland Russland wegen der \
Störung von Navigationssignalen über der Ostsee.
"""


def test_cli_query_events_by_place_source_and_target(tmp_path):
    d = tmp_path / "news"
    d.mkdir()
    (d / "e.txt").write_text(EVENTS_ARTICLE, encoding="utf-8")
    db = tmp_path / "e.duckdb"
    assert run("process", d, "--db", db).exit_code == 0

    def events(*args):
        r = run("query", "events", "--db", db, "--format", "jsonl", *args)
        assert r.exit_code == 0, r.output
        return [json.loads(line) for line in r.stdout.splitlines()]

    assert {e["type"] for e in events("--place", "Helsinki")} == {"CONSULT", "ACCUSE"}
    assert [e["type"] for e in events("--source", "EST", "--target", "RUS")] == ["ACCUSE"]
    assert events("--source", "RUS") == []
    assert run("query", "entities", "--db", db, "--source", "EST").exit_code == 2


def test_cli_process_with_two_workers_stores_the_same_and_reprocesses_on_request(corpus, tmp_path):
    one, two = tmp_path / "one.duckdb", tmp_path / "two.duckdb"
    assert run("process", corpus, "--db", one).exit_code == 0
    r = run("process", corpus, "--db", two, "--workers", "2")
    assert r.exit_code == 0 and "2 new" in r.stderr
    same = [json.loads(line) for line in run("export", "--db", one).stdout.splitlines()]
    other = [json.loads(line) for line in run("export", "--db", two).stdout.splitlines()]
    assert sorted(same, key=lambda d: d["id"]) == sorted(other, key=lambda d: d["id"])
    assert "2 unchanged" in run("process", corpus, "--db", two, "--workers", "2").stderr
    assert "2 updated" in run("process", corpus, "--db", two, "--reprocess").stderr


def test_cli_process_with_workers_builds_no_pipeline_in_the_main_process(corpus, tmp_path, monkeypatch):
    """The workers build the pipeline from the configuration and report its versions for the run record."""
    one, two = tmp_path / "one.duckdb", tmp_path / "two.duckdb"
    assert run("process", corpus, "--db", one).exit_code == 0

    def no_pipeline(cfg):
        raise AssertionError("the main process built a pipeline")

    monkeypatch.setattr("chronik.cli.process.default_pipeline", no_pipeline)
    r = run("process", corpus, "--db", two, "--workers", "2", "--timings")
    assert r.exit_code == 0, r.output
    steps = {line.split()[0] for line in r.stderr.splitlines()[1:-1]}
    assert {"read", "language", "segment", "analyze", "quotes", "events", "output"} <= steps
    recorded = []
    for db in (one, two):
        with Store(db, read_only=True) as s:
            recorded.append(s.con.execute("SELECT versions, model_hashes FROM runs").fetchone())
    assert recorded[0] == recorded[1] and "analyze" in recorded[0][0]


def test_cli_process_with_workers_that_cannot_build_the_pipeline_fails_with_the_reason(corpus, tmp_path):
    config = tmp_path / "bad.toml"
    config.write_text('[models]\npipeline = "/nonexistent/model"\n', encoding="utf-8")
    r = run("--config", config, "process", corpus, "--db", tmp_path / "s.duckdb", "--workers", "2")
    assert r.exit_code == 1 and "/nonexistent/model" in r.stderr, r.output
