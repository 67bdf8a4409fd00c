"""The DuckDB store: one file holding documents, their layers, runs and failures.

    store = Store("chronik.duckdb")
    run = store.begin_run("process", inputs, config, versions)
    store.put(doc, run)           # "new", "updated" or "unchanged": the same input is stored once
    store.add_failure(rejection, run)
    store.finish_run(run, stats)

A document is keyed by its id. Storing a document whose id is known with the same content does
nothing; with other content (a corrected article) its rows are replaced in one transaction.
"""

from __future__ import annotations

import json
import uuid
from collections.abc import Callable, Iterator, Sequence
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import duckdb

from chronik.document import Document, Rejection
from chronik.errors import StoreError
from chronik.store.migrations import MIGRATIONS
from chronik.time import parse_date

DOC_TABLES = ("sentences", "entities", "quotes", "events", "event_actors")
ENTITY_COLUMNS = ("start", "end", "text", "label", "name", "country", "sector", "kb")


def _now() -> datetime:
    return datetime.now(UTC)


def _dumps(obj: Any) -> str:
    return json.dumps(obj, ensure_ascii=False, default=str)


def _loads(raw: Any) -> Any:
    if raw is None:
        return None
    return json.loads(raw) if isinstance(raw, str) else raw


def load_fts(con: duckdb.DuckDBPyConnection) -> bool:
    """Load DuckDB's full-text-search extension from the `duckdb-extension-fts` wheel (offline)."""
    try:
        import duckdb_extension_fts

        path = Path(duckdb_extension_fts.__file__).parent / "extensions" / f"v{duckdb.__version__}" / \
            "fts.duckdb_extension"
        con.execute(f"LOAD '{path}'" if path.exists() else "LOAD fts")
        return True
    except (ImportError, duckdb.Error):
        return False


def _date_range(raw: Any) -> tuple[Any, Any]:
    pd = parse_date(raw) if raw else None
    return (pd.first_day, pd.last_day) if pd else (None, None)


def _entity_extra(ent: dict[str, Any]) -> dict[str, Any]:
    """The keys of an entity record that have no column of their own (kept so nothing is lost)."""
    extra = {k: v for k, v in ent.items() if k not in ENTITY_COLUMNS}
    if isinstance(ent.get("kb"), int):
        extra["_kb_type"] = "int"
    return extra


class Store:
    """A DuckDB file (or `:memory:`) with chronik's schema, migrated on open."""

    def __init__(self, path: str | Path = "chronik.duckdb", *, read_only: bool = False) -> None:
        self.path = str(path)
        if read_only and self.path != ":memory:" and not Path(self.path).exists():
            raise StoreError(f"no store at {self.path}; create one with `chronik process INPUT --db {self.path}`")
        try:
            self.con = duckdb.connect(self.path, read_only=read_only)
        except duckdb.Error as e:
            raise StoreError(f"cannot open the store {self.path}: {e}") from None
        self.read_only = read_only
        if not read_only:
            self.migrate()
        self.has_fts = load_fts(self.con)

    # ------------------------------------------------------------------ schema

    def cursor(self) -> Store:
        """A Store over the same database with a cursor of its own, for one thread (a web request)."""
        clone = object.__new__(Store)
        clone.path, clone.read_only, clone.has_fts = self.path, self.read_only, self.has_fts
        clone.con = self.con.cursor()
        return clone

    def migrate(self) -> list[str]:
        """Apply the migrations not yet recorded; return their names."""
        self.con.execute("CREATE TABLE IF NOT EXISTS schema_migrations "
                         "(name VARCHAR PRIMARY KEY, applied_at TIMESTAMPTZ NOT NULL)")
        done = {r[0] for r in self.con.execute("SELECT name FROM schema_migrations").fetchall()}
        applied = []
        for name, sql in MIGRATIONS:
            if name in done:
                continue
            self.con.execute("BEGIN TRANSACTION")
            try:
                self.con.execute(sql)
                self.con.execute("INSERT INTO schema_migrations VALUES (?, ?)", [name, _now()])
                self.con.execute("COMMIT")
            except duckdb.Error as e:
                self.con.execute("ROLLBACK")
                raise StoreError(f"migration {name} failed on {self.path}: {e}") from None
            applied.append(name)
        return applied

    def migrations(self) -> list[str]:
        return [r[0] for r in self.con.execute("SELECT name FROM schema_migrations ORDER BY name").fetchall()]

    def close(self) -> None:
        self.con.close()

    def __enter__(self) -> Store:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    # ------------------------------------------------------------------ runs and failures

    def begin_run(self, command: str, inputs: Sequence[str], config: dict[str, Any],
                  versions: dict[str, str], model_hashes: dict[str, str] | None = None) -> str:
        run_id = uuid.uuid4().hex[:16]
        self.con.execute(
            "INSERT INTO runs (run_id, command, started_at, status, inputs, config, versions, model_hashes) "
            "VALUES (?, ?, ?, 'running', ?, ?, ?, ?)",
            [run_id, command, _now(), _dumps(list(inputs)), _dumps(config), _dumps(versions),
             _dumps(model_hashes or {})],
        )
        return run_id

    def finish_run(self, run_id: str, counts: dict[str, int], seconds: float, status: str = "finished") -> None:
        self.con.execute(
            "UPDATE runs SET finished_at = ?, status = ?, n_documents = ?, n_new = ?, n_updated = ?, "
            "n_unchanged = ?, n_rejected = ?, seconds = ? WHERE run_id = ?",
            [_now(), status, counts.get("documents", 0), counts.get("new", 0), counts.get("updated", 0),
             counts.get("unchanged", 0), counts.get("rejected", 0), seconds, run_id],
        )

    def add_failure(self, rej: Rejection, run_id: str) -> None:
        self.con.execute(
            "INSERT INTO failures (run_id, source, locator, code, reason, detail, sample, doc_id, created_at) "
            "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
            [run_id, rej.source, rej.locator, rej.reason.code, rej.reason.slug, rej.detail, rej.sample,
             rej.doc_id, _now()],
        )

    # ------------------------------------------------------------------ documents

    def put(self, doc: Document, run_id: str, *, force: bool = False) -> str:
        """Store a document with its layers: "new", "updated" (replaced) or "unchanged" (nothing done).
        A document with the same text is replaced when it was annotated by other stage versions or models
        (its provenance differs), or with `force`."""
        return self.put_many([doc], run_id, force=force)[0]

    def put_many(self, docs: Sequence[Document], run_id: str, *, force: bool = False) -> list[str]:
        """`put` for many documents in one transaction (much faster than one by one): the outcome of each."""
        outcomes, chosen, known = self._decide([(d.id, d.content_hash, d.provenance) for d in docs], force)
        if not chosen:
            return outcomes
        latest = {d.id: d for d in docs}  # of two versions of one id in a batch, the last is stored
        rows: dict[str, list[list[Any]]] = {t: [] for t in ("documents", *DOC_TABLES)}
        for doc_id in chosen:
            for table, table_rows in _rows(latest[doc_id], run_id).items():
                rows[table].extend(table_rows)

        def insert() -> None:
            for table in ("documents", *DOC_TABLES):
                self._append(table, rows[table])

        self._replace([i for i in chosen if i in known], insert)
        return outcomes

    def merge_parts(self, parts: Path, *, force: bool = False) -> dict[str, int]:
        """Store the documents of Parquet parts written by the Dask engine (`<parts>/<table>/part-N.parquet`,
        N in input order): new, updated or unchanged by the same rule as `put`. Of several versions of one
        id, the last in input order is kept, as a local run keeps it. Returns the counts."""
        if not list((parts / "documents").glob("*.parquet")):
            return {}
        incoming = self.con.execute(
            "SELECT doc_id, content_hash, provenance, parse_filename(filename), file_row_number FROM "
            f"read_parquet('{_sql_str(parts / 'documents' / '*.parquet')}', filename = true, "
            "file_row_number = true) ORDER BY 4, 5").fetchall()
        outcomes, chosen, known = self._decide([(r[0], r[1], _loads(r[2])) for r in incoming], force)
        last = {r[0]: (r[3], r[4]) for r in incoming}  # the version of each id to keep: its part and row

        def insert() -> None:
            import pyarrow as pa

            ids = list(chosen)
            self.con.register("_chronik_keep", pa.table({"doc_id": ids, "part": [last[i][0] for i in ids],
                                                         "row": [last[i][1] for i in ids]}))
            try:
                for table in ("documents", *DOC_TABLES):
                    if not list((parts / table).glob("*.parquet")):
                        continue
                    cols = ", ".join(f'"{r[0]}"' for r in self.con.execute(f"DESCRIBE {table}").fetchall())
                    files = _sql_str(parts / table / "*.parquet")
                    same_row = "AND k.row = t.file_row_number" if table == "documents" else ""
                    self.con.execute(
                        f"INSERT INTO {table} ({cols}) SELECT {cols} FROM read_parquet('{files}', "
                        "union_by_name = true, filename = true, file_row_number = true) t WHERE EXISTS "
                        "(SELECT 1 FROM _chronik_keep k WHERE k.doc_id = t.doc_id "
                        f"AND k.part = parse_filename(t.filename) {same_row})")
            finally:
                self.con.unregister("_chronik_keep")

        if chosen:
            self._replace([i for i in chosen if i in known], insert)
        return {k: outcomes.count(k) for k in ("new", "updated", "unchanged")}

    def _decide(self, incoming: list[tuple[str, str, Any]], force: bool
                ) -> tuple[list[str], dict[str, None], dict[str, tuple[str, Any]]]:
        """For (id, content hash, provenance) in order: the outcome of each, the ids to write (in order) and
        what the store held of them. Same text, same provenance and no `force`: unchanged."""
        known = {r[0]: (r[1], _loads(r[2])) for r in self.con.execute(
            "SELECT doc_id, content_hash, provenance FROM documents WHERE doc_id IN (SELECT unnest(?))",
            [list({i for i, _, _ in incoming})]).fetchall()}
        outcomes: list[str] = []
        chosen: dict[str, None] = {}
        seen: dict[str, tuple[str, Any]] = {}
        for doc_id, content_hash, provenance in incoming:
            before = seen.get(doc_id, known.get(doc_id))
            if before == (content_hash, provenance) and not (force and doc_id not in seen):
                outcomes.append("unchanged")
                continue
            outcomes.append("new" if before is None else "updated")
            chosen[doc_id] = None
            seen[doc_id] = (content_hash, provenance)
        return outcomes, chosen, known

    def _replace(self, replaced: list[str], insert: Callable[[], None]) -> None:
        """In one transaction: delete the documents `replaced` (all their rows), then `insert()`."""
        self.con.execute("BEGIN TRANSACTION")
        try:
            for table in (*DOC_TABLES, "documents") if replaced else ():
                self.con.execute(f"DELETE FROM {table} WHERE doc_id IN (SELECT unnest(?))", [replaced])
            insert()
            self.con.execute("COMMIT")
        except BaseException:
            self.con.execute("ROLLBACK")
            raise

    def _append(self, table: str, rows: list[list[Any]]) -> None:
        """Rows into a table in one statement, through an Arrow table (executemany goes row by row)."""
        if not rows:
            return
        import pyarrow as pa

        names = [r[0] for r in self.con.execute(f"DESCRIBE {table}").fetchall()]
        batch = pa.table({n: [row[k] for row in rows] for k, n in enumerate(names)})
        self.con.register("_chronik_batch", batch)
        try:
            cols = ", ".join(f'"{n}"' for n in names)
            self.con.execute(f"INSERT INTO {table} ({cols}) SELECT {cols} FROM _chronik_batch")
        finally:
            self.con.unregister("_chronik_batch")

    def get(self, doc_id: str) -> Document | None:
        """The stored document with all its layers, as `chronik annotate` gave it."""
        row = self.con.execute(
            "SELECT doc_id, source, title, published, published_precision, language, text, metadata, issues, "
            "provenance FROM documents WHERE doc_id = ?", [doc_id]).fetchone()
        if row is None:
            return None
        return self._document(row)

    def find_ids(self, prefix: str, limit: int = 5) -> list[str]:
        return [r[0] for r in self.con.execute(
            "SELECT doc_id FROM documents WHERE starts_with(doc_id, ?) ORDER BY doc_id LIMIT ?",
            [prefix, limit]).fetchall()]

    def _document(self, row: Sequence[Any]) -> Document:
        doc_id = row[0]
        obj = {"id": doc_id, "source": row[1], "title": row[2], "published": row[3],
               "published_precision": row[4], "language": row[5], "text": row[6],
               "metadata": _loads(row[7]) or {}, "issues": _loads(row[8]) or [],
               "provenance": _loads(row[9]) or {}}
        q = self.con.execute
        obj["sentences"] = [[s, e] for s, e in q(
            'SELECT start, "end" FROM sentences WHERE doc_id = ? ORDER BY idx', [doc_id]).fetchall()]
        ents = []
        for r in q('SELECT start, "end", text, label, name, country, sector, kb, extra FROM entities '
                   "WHERE doc_id = ? ORDER BY idx", [doc_id]).fetchall():
            ent = dict(zip(ENTITY_COLUMNS, r[:8], strict=True))
            extra = _loads(r[8]) or {}
            if "_kb_type" in extra:
                kb_type = extra.pop("_kb_type")
                ent["kb"] = int(ent["kb"]) if kb_type == "int" and ent["kb"] is not None else ent["kb"]
            ent.update(extra)
            ents.append(ent)
        obj["entities"] = ents
        obj["quotes"] = [_loads(r[0]) for r in q("SELECT record FROM quotes WHERE doc_id = ? ORDER BY idx",
                                                 [doc_id]).fetchall()]
        obj["events"] = [_loads(r[0]) for r in q("SELECT record FROM events WHERE doc_id = ? ORDER BY idx",
                                                 [doc_id]).fetchall()]
        return Document.from_json(obj)

    def iter_documents(self, where: str = "", params: Sequence[Any] = ()) -> Iterator[Document]:
        ids = [r[0] for r in self.con.execute(
            f"SELECT doc_id FROM documents {where} ORDER BY published_first NULLS LAST, doc_id", params).fetchall()]
        for doc_id in ids:
            doc = self.get(doc_id)
            if doc is not None:
                yield doc

    def counts(self) -> dict[str, int]:
        tables = ("documents", *DOC_TABLES, "failures", "runs")
        return {t: int(self.con.execute(f"SELECT count(*) FROM {t}").fetchone()[0]) for t in tables}  # type: ignore[index]

    # ------------------------------------------------------------------ full-text search

    def rebuild_fts(self) -> bool:
        """(Re)build the BM25 index over titles and texts (German stemmer). False if FTS is unavailable."""
        if not self.has_fts or self.read_only:
            return False
        self.con.execute("PRAGMA create_fts_index('documents', 'doc_id', 'title', 'text', "
                         "stemmer = 'german', stopwords = 'none', ignore = '(\\.|[^a-zäöüß0-9])+', "
                         "overwrite = 1)")
        return True

    def fts_ready(self) -> bool:
        if not self.has_fts:
            return False
        row = self.con.execute("SELECT count(*) FROM duckdb_schemas() WHERE schema_name = 'fts_main_documents'"
                               ).fetchone()
        return bool(row and row[0])


def _rows(doc: Document, run_id: str) -> dict[str, list[list[Any]]]:
    """The rows of one document in every table, in the tables' column order."""
    pub = doc.published
    t = doc.text
    out: dict[str, list[list[Any]]] = {"documents": [[
        doc.id, doc.content_hash, doc.source, doc.title, pub.value if pub else None,
        pub.precision if pub else None, pub.first_day if pub else None, pub.last_day if pub else None,
        doc.language, doc.text, len(doc.tokens), _dumps(doc.metadata),
        _dumps([i.to_json() for i in doc.issues]), _dumps(doc.provenance), run_id, _now()]]}
    out["sentences"] = [[doc.id, i, s.start, s.end, t[s.start:s.end]] for i, s in enumerate(doc.sentences)]
    out["entities"] = [[doc.id, i, e["start"], e["end"], e.get("text", t[e["start"]:e["end"]]), e.get("label"),
                        e.get("name"), e.get("country"), e.get("sector"),
                        None if e.get("kb") is None else str(e.get("kb")), _dumps(_entity_extra(e))]
                       for i, e in enumerate(doc.entities)]
    quotes = []
    for i, q in enumerate(doc.quotes):
        cue = q.get("cue") or {}
        sp = q.get("speaker") or {}
        quotes.append([doc.id, i, q["start"], q["end"], q.get("text", t[q["start"]:q["end"]]), q.get("form"),
                       cue.get("start"), cue.get("end"), cue.get("text"), sp.get("start"), sp.get("end"),
                       sp.get("text"), sp.get("name"), sp.get("country"), sp.get("sector"), _dumps(q)])
    out["quotes"] = quotes
    events, actors = [], []
    for i, ev in enumerate(doc.events):
        trig = ev.get("trigger") or {}
        sent = ev.get("sentence") or [None, None]
        loc = ev.get("location") or {}
        events.append([doc.id, i, ev.get("type"), ev.get("mode"), ev.get("cameo"), trig.get("start"),
                       trig.get("end"), trig.get("text"), sent[0], sent[1], loc.get("name"),
                       loc.get("country"), loc.get("lat"), loc.get("lon"), loc.get("geonames"),
                       ev.get("date"), *_date_range(ev.get("date")), ev.get("modality"), _dumps(ev)])
        for role in ("source", "target"):
            for j, a in enumerate(ev.get(role) or []):
                actors.append([doc.id, i, role, j, a.get("text"), a.get("start"), a.get("end"),
                               a.get("name"), a.get("country"), a.get("sector")])
    out["events"] = events
    out["event_actors"] = actors
    return out


def _sql_str(path: Path | str) -> str:
    """A path inside a single-quoted SQL string."""
    return str(path).replace("'", "''")
