"""Queries over the store: documents, entities, quotes and events, filtered the same way everywhere.

Every value reaches DuckDB as a parameter; only fixed SQL fragments are assembled here.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from chronik.store.duck import Store
from chronik.time import PartialDate

KINDS = ("documents", "entities", "quotes", "events", "failures")


@dataclass(slots=True)
class Filters:
    """What a user can ask for. Dates are ranges: `2017-03` covers the whole month."""

    date_from: PartialDate | None = None
    date_to: PartialDate | None = None
    actor: str | None = None  # a name or a part of it, matched case-insensitively
    country: str | None = None  # ISO 3166 alpha-3, or an organisation code (EU, NATO, ...)
    event_type: str | None = None  # PLOVER type
    speaker: str | None = None
    place: str | None = None  # where an event happened (events), a place the document names (others)
    source: str | None = None  # an event's source: a country/organisation code or a name
    target: str | None = None  # an event's target, likewise
    text: str | None = None  # full text (documents), a word in the quote (quotes), the sentence (events)
    limit: int = 50
    offset: int = 0


def _like(value: str) -> str:
    escaped = value.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
    return f"%{escaped}%"


class _Where:
    def __init__(self) -> None:
        self.parts: list[str] = []
        self.params: list[Any] = []

    def add(self, sql: str, *params: Any) -> None:
        self.parts.append(sql)
        self.params.extend(params)

    def sql(self) -> str:
        return ("WHERE " + " AND ".join(self.parts)) if self.parts else ""


def _date_filter(w: _Where, f: Filters, first: str, last: str) -> None:
    if f.date_from:
        w.add(f"{last} >= ?", f.date_from.first_day)
    if f.date_to:
        w.add(f"{first} <= ?", f.date_to.last_day)


_ACTOR_IN_DOC = (
    "(EXISTS (SELECT 1 FROM entities e WHERE e.doc_id = d.doc_id AND (e.name ILIKE ? ESCAPE '\\' "
    "OR e.text ILIKE ? ESCAPE '\\')) OR EXISTS (SELECT 1 FROM event_actors a WHERE a.doc_id = d.doc_id "
    "AND (a.name ILIKE ? ESCAPE '\\' OR a.text ILIKE ? ESCAPE '\\')) OR EXISTS (SELECT 1 FROM quotes q "
    "WHERE q.doc_id = d.doc_id AND (q.speaker_name ILIKE ? ESCAPE '\\' OR q.speaker_text ILIKE ? ESCAPE '\\')))"
)
_COUNTRY_IN_DOC = (
    "(EXISTS (SELECT 1 FROM entities e WHERE e.doc_id = d.doc_id AND upper(e.country) = ?) "
    "OR EXISTS (SELECT 1 FROM event_actors a WHERE a.doc_id = d.doc_id AND upper(a.country) = ?) "
    "OR EXISTS (SELECT 1 FROM events v WHERE v.doc_id = d.doc_id AND upper(v.location_country) = ?))"
)


_EVENT_PLACE = (
    "(v.location_name ILIKE ? ESCAPE '\\' OR json_extract_string(v.record, '$.location.canonical') "
    "ILIKE ? ESCAPE '\\')"
)


def where(kind: str, f: Filters) -> tuple[str, list[Any]]:
    """The WHERE clause (and its parameters) that `f` makes for `kind`, over the aliases `query` uses
    (d documents, e entities, q quotes, v events). Shared by the API's aggregations."""
    w = _filter(kind, f)
    if f.text and kind == "events":
        w.add("substring(d.text, v.sentence_start + 1, v.sentence_end - v.sentence_start) ILIKE ? ESCAPE '\\'",
              _like(f.text))
    return w.sql(), w.params


def _filter(kind: str, f: Filters) -> _Where:
    w = _Where()
    _date_filter(w, f, "d.published_first", "d.published_last") if kind != "events" else \
        _date_filter(w, f, "coalesce(v.date_first, d.published_first)",
                     "coalesce(v.date_last, d.published_last)")
    if f.actor:
        a = _like(f.actor)
        if kind == "documents":
            w.add(_ACTOR_IN_DOC, *([a] * 6))
        elif kind == "entities":
            w.add("(e.name ILIKE ? ESCAPE '\\' OR e.text ILIKE ? ESCAPE '\\')", a, a)
        elif kind == "quotes":
            w.add("(q.speaker_name ILIKE ? ESCAPE '\\' OR q.speaker_text ILIKE ? ESCAPE '\\')", a, a)
        else:
            w.add("EXISTS (SELECT 1 FROM event_actors a WHERE a.doc_id = v.doc_id AND a.event_idx = v.idx "
                  "AND (a.name ILIKE ? ESCAPE '\\' OR a.text ILIKE ? ESCAPE '\\'))", a, a)
    if f.country:
        c = f.country.upper()
        if kind == "documents":
            w.add(_COUNTRY_IN_DOC, c, c, c)
        elif kind == "entities":
            w.add("upper(e.country) = ?", c)
        elif kind == "quotes":
            w.add("upper(q.speaker_country) = ?", c)
        else:
            w.add("(upper(v.location_country) = ? OR EXISTS (SELECT 1 FROM event_actors a WHERE "
                  "a.doc_id = v.doc_id AND a.event_idx = v.idx AND upper(a.country) = ?))", c, c)
    if f.event_type:
        t = f.event_type.upper()
        if kind == "events":
            w.add("upper(v.type) = ?", t)
        else:
            w.add("EXISTS (SELECT 1 FROM events v2 WHERE v2.doc_id = d.doc_id AND upper(v2.type) = ?)", t)
    if f.place:
        p = _like(f.place)
        if kind == "events":
            w.add(_EVENT_PLACE, p, p)
        elif kind == "entities":
            w.add("(e.label = 'LOC' AND (e.text ILIKE ? ESCAPE '\\' OR e.name ILIKE ? ESCAPE '\\'))", p, p)
        else:
            w.add("(EXISTS (SELECT 1 FROM entities e2 WHERE e2.doc_id = d.doc_id AND e2.label = 'LOC' AND "
                  "(e2.text ILIKE ? ESCAPE '\\' OR e2.name ILIKE ? ESCAPE '\\')) OR EXISTS (SELECT 1 FROM "
                  "events v WHERE v.doc_id = d.doc_id AND " + _EVENT_PLACE + "))", p, p, p, p)
    for role, value in (("source", f.source), ("target", f.target)):
        if not value:
            continue
        cond = ("a.doc_id = v.doc_id AND a.event_idx = v.idx AND a.role = ? AND (upper(a.country) = ? "
                "OR a.name ILIKE ? ESCAPE '\\' OR a.text ILIKE ? ESCAPE '\\')")
        params = (role, value.upper(), _like(value), _like(value))
        if kind == "events":
            w.add(f"EXISTS (SELECT 1 FROM event_actors a WHERE {cond})", *params)
        elif kind != "entities":
            w.add(f"EXISTS (SELECT 1 FROM events v JOIN event_actors a ON {cond} WHERE v.doc_id = d.doc_id)",
                  *params)
        else:
            raise ValueError(f"--{role} filters events and documents, not {kind}")
    if f.speaker:
        s = _like(f.speaker)
        if kind == "quotes":
            w.add("(q.speaker_name ILIKE ? ESCAPE '\\' OR q.speaker_text ILIKE ? ESCAPE '\\')", s, s)
        else:
            w.add("EXISTS (SELECT 1 FROM quotes q2 WHERE q2.doc_id = d.doc_id AND "
                  "(q2.speaker_name ILIKE ? ESCAPE '\\' OR q2.speaker_text ILIKE ? ESCAPE '\\'))", s, s)
    return w


def query(store: Store, kind: str, f: Filters) -> tuple[list[str], list[tuple[Any, ...]]]:
    """Column names and rows of `kind` (documents, entities, quotes, events, failures) matching `f`."""
    if kind not in KINDS:
        raise ValueError(f"unknown kind {kind!r}; one of {', '.join(KINDS)}")
    w = _Where()
    order = ""
    if kind == "failures":
        cols = "f.run_id, f.source, f.locator, f.code, f.reason, f.detail"
        frm = "failures f"
        order = "ORDER BY f.failure_id"
    else:
        w = _filter(kind, f)
        if kind == "documents":
            cols = ("d.doc_id, d.published, d.title, d.source, d.n_tokens, "
                    "(SELECT count(*) FROM quotes q WHERE q.doc_id = d.doc_id) AS n_quotes, "
                    "(SELECT count(*) FROM events v WHERE v.doc_id = d.doc_id) AS n_events")
            frm = "documents d"
            order = "ORDER BY d.published_first NULLS LAST, d.doc_id"
            if f.text:
                if store.fts_ready():
                    cols += ", fts_main_documents.match_bm25(d.doc_id, ?) AS score"
                    w.params.insert(0, f.text)
                    w.add("score IS NOT NULL")
                    order = "ORDER BY score DESC, d.doc_id"
                else:
                    w.add("(d.text ILIKE ? ESCAPE '\\' OR d.title ILIKE ? ESCAPE '\\')", _like(f.text),
                          _like(f.text))
        elif kind == "entities":
            cols = "e.doc_id, d.published, e.start, e.\"end\", e.text, e.label, e.name, e.country, e.sector"
            frm = "entities e JOIN documents d USING (doc_id)"
            order = "ORDER BY d.published_first NULLS LAST, e.doc_id, e.idx"
            if f.text:
                w.add("e.text ILIKE ? ESCAPE '\\'", _like(f.text))
        elif kind == "quotes":
            cols = ("q.doc_id, d.published, q.form, q.speaker_text, q.speaker_name, q.speaker_country, "
                    "q.cue_text, q.text, q.start, q.\"end\"")
            frm = "quotes q JOIN documents d USING (doc_id)"
            order = "ORDER BY d.published_first NULLS LAST, q.doc_id, q.idx"
            if f.text:
                w.add("regexp_matches(q.text, ?, 'i')", r"\b" + _regex_escape(f.text) + r"\b")
        else:
            cols = ("v.doc_id, coalesce(v.date, d.published) AS date, v.type, v.mode, v.cameo, "
                    "(SELECT string_agg(coalesce(a.name, a.text), '; ') FROM event_actors a WHERE "
                    "a.doc_id = v.doc_id AND a.event_idx = v.idx AND a.role = 'source') AS source, "
                    "(SELECT string_agg(coalesce(a.name, a.text), '; ') FROM event_actors a WHERE "
                    "a.doc_id = v.doc_id AND a.event_idx = v.idx AND a.role = 'target') AS target, "
                    "v.location_name, v.modality, v.trigger_text, v.idx")
            frm = "events v JOIN documents d USING (doc_id)"
            order = "ORDER BY coalesce(v.date_first, d.published_first) NULLS LAST, v.doc_id, v.idx"
            if f.text:
                w.add("substring(d.text, v.sentence_start + 1, v.sentence_end - v.sentence_start) "
                      "ILIKE ? ESCAPE '\\'", _like(f.text))
    sql = f"SELECT {cols} FROM {frm} {w.sql()} {order} LIMIT ? OFFSET ?"
    cur = store.con.execute(sql, [*w.params, int(f.limit), int(f.offset)])
    names = [c[0].split(".")[-1] for c in cur.description]
    return names, cur.fetchall()


def _regex_escape(s: str) -> str:
    import re

    return re.escape(s)
