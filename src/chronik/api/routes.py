"""The JSON API over the store (`/api/...`). Every list is paginated (`limit`, `offset`, a `next` link),
every filter is a query parameter bound to SQL as a parameter, and every error has one shape (errors.py).
"""

from __future__ import annotations

import hmac
from collections.abc import Iterator
from datetime import date, datetime
from typing import Annotated, Any

from fastapi import APIRouter, Depends, Header, Path, Query, Request
from pydantic import BaseModel, Field

from chronik.api.errors import ApiError
from chronik.store import Store
from chronik.store.queries import Filters, query, where
from chronik.time import PartialDate, parse_date


def reject_unknown(request: Request) -> None:
    """A query parameter the endpoint does not know is an error, not silently ignored."""
    route = request.scope.get("route")
    dependant = getattr(route, "dependant", None)
    if dependant is None:
        return
    known = {p.alias for p in dependant.query_params}
    for dep in dependant.dependencies:
        known |= {p.alias for p in dep.query_params}
    unknown = sorted(set(request.query_params) - known)
    if unknown:
        raise ApiError(400, "unknown-parameter", f"unknown parameter(s): {', '.join(unknown)}",
                       {"known": sorted(known)})


router = APIRouter(prefix="/api", dependencies=[Depends(reject_unknown)])


def store_of(request: Request) -> Iterator[Store]:
    """A cursor of the app's store for this request (DuckDB connections are not shared between threads)."""
    yield request.app.state.store.cursor()


StoreDep = Annotated[Store, Depends(store_of)]


def _date(value: str | None, name: str) -> PartialDate | None:
    if value is None:
        return None
    pd = parse_date(value)
    if pd is None:
        raise ApiError(400, "bad-parameter", f"{name}={value!r} is not a date; use 2017, 2017-03 or 2017-03-05",
                       [{"field": name, "problem": "not a date"}])
    return pd


class Page(BaseModel):
    limit: int
    offset: int
    next: str | None = Field(None, description="the URL of the next page, null on the last one")
    items: list[dict[str, Any]]


def filters(
    request: Request,
    date_from: Annotated[str | None, Query(alias="from", description="from this date on: 2017, 2017-03, …")] = None,
    date_to: Annotated[str | None, Query(alias="to", description="up to this date (2017-03 means to its end)")] = None,
    actor: Annotated[str | None, Query(max_length=200, description="an actor's name or part of it")] = None,
    country: Annotated[str | None, Query(max_length=20, description="ISO 3166 alpha-3 or an organisation code")] = None,
    source: Annotated[str | None, Query(max_length=200, description="an event's source: code or name")] = None,
    target: Annotated[str | None, Query(max_length=200, description="an event's target: code or name")] = None,
    type_: Annotated[str | None, Query(alias="type", max_length=20, description="PLOVER event type")] = None,
    place: Annotated[str | None, Query(max_length=200, description="where an event happened")] = None,
    speaker: Annotated[str | None, Query(max_length=200, description="the speaker of a quote")] = None,
    q: Annotated[str | None, Query(max_length=500, description="full text (documents), a word (quotes), "
                                                                "the sentence (events)")] = None,
    limit: Annotated[int, Query(ge=1, description="page size")] = 50,
    offset: Annotated[int, Query(ge=0, le=10_000_000)] = 0,
) -> Filters:
    max_page = request.app.state.max_page
    if limit > max_page:
        raise ApiError(400, "bad-parameter", f"limit={limit} is larger than the largest page ({max_page})",
                       [{"field": "limit", "problem": f"at most {max_page}"}])
    return Filters(date_from=_date(date_from, "from"), date_to=_date(date_to, "to"), actor=actor, country=country,
                   source=source, target=target, event_type=type_, place=place, speaker=speaker, text=q,
                   limit=limit, offset=offset)


FiltersDep = Annotated[Filters, Depends(filters)]


def _plain(v: Any) -> Any:
    return v.isoformat() if isinstance(v, date | datetime) else v


def page(request: Request, f: Filters, names: list[str], rows: list[tuple[Any, ...]]) -> dict[str, Any]:
    items = [{k: _plain(v) for k, v in zip(names, row, strict=True)} for row in rows]
    nxt = None
    if len(items) == f.limit:
        nxt = str(request.url.include_query_params(offset=f.offset + f.limit))
    return {"limit": f.limit, "offset": f.offset, "next": nxt, "items": items}


def list_rows(kind: str, request: Request, store: Store, f: Filters) -> dict[str, Any]:
    try:
        names, rows = query(store, kind, f)
    except ValueError as e:
        raise ApiError(400, "bad-parameter", str(e)) from None
    return page(request, f, names, rows)


@router.get("/health", summary="Is the server up, and what does the store hold")
def health(store: StoreDep) -> dict[str, Any]:
    return {"status": "ok", "counts": store.counts(), "read_only": store.read_only}


@router.get("/documents", response_model=Page, summary="Documents, filtered; `q` is full-text search")
def documents(request: Request, store: StoreDep, f: FiltersDep) -> dict[str, Any]:
    return list_rows("documents", request, store, f)


@router.get("/search", response_model=Page, summary="Full-text search over titles and texts (BM25)")
def search(request: Request, store: StoreDep, f: FiltersDep) -> dict[str, Any]:
    if not f.text:
        raise ApiError(400, "bad-parameter", "search needs q", [{"field": "q", "problem": "required"}])
    return list_rows("documents", request, store, f)


@router.get("/documents/{doc_id}", summary="One document with all its annotations (the contract)")
def document(store: StoreDep, doc_id: Annotated[str, Path(max_length=128)]) -> dict[str, Any]:
    doc = store.get(doc_id)
    if doc is None:
        raise ApiError(404, "not-found", f"no document {doc_id!r}")
    return doc.to_json()


@router.get("/entities", response_model=Page, summary="Entity mentions")
def entities(request: Request, store: StoreDep, f: FiltersDep) -> dict[str, Any]:
    return list_rows("entities", request, store, f)


@router.get("/quotes", response_model=Page, summary="Quotations, by speaker, by a word in the quote, by date")
def quotes(request: Request, store: StoreDep, f: FiltersDep) -> dict[str, Any]:
    return list_rows("quotes", request, store, f)


@router.get("/events", response_model=Page,
            summary="Events by actor, dyad (source, target), country, PLOVER type, place and date range")
def events(request: Request, store: StoreDep, f: FiltersDep) -> dict[str, Any]:
    return list_rows("events", request, store, f)


# ('NOM': the description entities of stores written before actors 0.2, now PER/ORG with mention "nominal")
ACTORS_SQL = """
WITH m AS (
    SELECT coalesce(name, text) AS actor, country, sector, text, doc_id FROM entities
    WHERE label IN ('PER', 'ORG', 'NOM', 'LOC') AND country IS NOT NULL
    UNION ALL
    SELECT coalesce(speaker_name, speaker_text), speaker_country, speaker_sector, speaker_text, doc_id FROM quotes
    WHERE speaker_text IS NOT NULL
)
SELECT actor, mode(country) AS country, mode(sector) AS sector, count(*) AS mentions,
       count(DISTINCT doc_id) AS documents, list_sort(list_distinct(list(text)))[1:8] AS aliases
FROM m {where} GROUP BY actor ORDER BY mentions DESC, actor LIMIT ? OFFSET ?
"""


@router.get("/actors", response_model=Page, summary="Actors with mention counts, aliases, country and sector")
def actors(request: Request, store: StoreDep, f: FiltersDep,
           sector: Annotated[str | None, Query(max_length=10)] = None) -> dict[str, Any]:
    where, params = [], []
    if f.actor or f.text:
        where.append("(m.actor ILIKE ? OR m.text ILIKE ?)")
        like = f"%{f.actor or f.text}%"
        params += [like, like]
    if f.country:
        where.append("upper(m.country) = ?")
        params.append(f.country.upper())
    if sector:
        where.append("upper(m.sector) = ?")
        params.append(sector.upper())
    sql = ACTORS_SQL.format(where=("WHERE " + " AND ".join(where)) if where else "")
    cur = store.con.execute(sql, [*params, f.limit, f.offset])
    names = [c[0] for c in cur.description]
    return page(request, f, names, cur.fetchall())


@router.get("/actors/{name}", summary="One actor: aliases, quotes, events and events per week")
def actor(store: StoreDep, name: Annotated[str, Path(max_length=200)]) -> dict[str, Any]:
    con = store.con
    row = con.execute("SELECT mode(country), mode(sector), count(*), list_sort(list_distinct(list(text))) "
                      "FROM entities WHERE coalesce(name, text) = ?", [name]).fetchone()
    n_quotes = con.execute("SELECT count(*) FROM quotes WHERE coalesce(speaker_name, speaker_text) = ?",
                           [name]).fetchone()
    n_events = con.execute("SELECT count(*) FROM event_actors WHERE coalesce(name, text) = ?", [name]).fetchone()
    if not row or (not row[2] and not (n_quotes and n_quotes[0]) and not (n_events and n_events[0])):
        raise ApiError(404, "not-found", f"no actor {name!r}")
    quotes_ = con.execute(
        "SELECT q.doc_id, d.published, q.form, q.text, q.cue_text FROM quotes q JOIN documents d USING (doc_id) "
        "WHERE coalesce(q.speaker_name, q.speaker_text) = ? ORDER BY d.published_first, q.doc_id, q.idx LIMIT 200",
        [name]).fetchall()
    events_ = con.execute(
        "SELECT v.doc_id, coalesce(v.date, d.published) AS date, v.type, a.role, v.trigger_text, v.location_name, "
        "v.idx FROM event_actors a JOIN events v ON v.doc_id = a.doc_id AND v.idx = a.event_idx "
        "JOIN documents d ON d.doc_id = v.doc_id WHERE coalesce(a.name, a.text) = ? "
        "ORDER BY coalesce(v.date_first, d.published_first), v.doc_id, v.idx LIMIT 500", [name]).fetchall()
    weeks = con.execute(
        "SELECT strftime(date_trunc('week', coalesce(v.date_first, d.published_first)), '%Y-%m-%d') AS week, "
        "v.type, count(*) FROM event_actors a JOIN events v ON v.doc_id = a.doc_id AND v.idx = a.event_idx "
        "JOIN documents d ON d.doc_id = v.doc_id WHERE coalesce(a.name, a.text) = ? "
        "GROUP BY ALL ORDER BY 1, 2", [name]).fetchall()
    return {
        "name": name, "country": row[0], "sector": row[1], "mentions": row[2], "aliases": row[3] or [],
        "quotes": [{"doc_id": r[0], "published": r[1], "form": r[2], "text": r[3], "cue": r[4]} for r in quotes_],
        "events": [{"doc_id": r[0], "date": r[1], "type": r[2], "role": r[3], "trigger": r[4], "location": r[5],
                    "idx": r[6]} for r in events_],
        "timeline": [{"week": r[0], "type": r[1], "events": r[2]} for r in weeks],
    }


INTERVALS = {"day": "day", "week": "week", "month": "month", "year": "year"}


@router.get("/aggregations/events", response_model=Page,
            summary="Events per day (week, month, year) per type and country dyad, with the /events filters")
def aggregate_events(request: Request, store: StoreDep, f: FiltersDep,
                     interval: Annotated[str, Query(pattern="^(day|week|month|year)$")] = "day") -> dict[str, Any]:
    sql_where, params = where("events", f)
    sql = ("SELECT strftime(date_trunc(?, coalesce(v.date_first, d.published_first)), '%Y-%m-%d') AS period, "
           "v.type, s.country AS source, t.country AS target, count(*) AS events "
           "FROM events v JOIN documents d USING (doc_id) "
           "LEFT JOIN event_actors s ON s.doc_id = v.doc_id AND s.event_idx = v.idx AND s.role = 'source' "
           "AND s.idx = 0 "
           "LEFT JOIN event_actors t ON t.doc_id = v.doc_id AND t.event_idx = v.idx AND t.role = 'target' "
           "AND t.idx = 0 "
           f"{sql_where} GROUP BY ALL ORDER BY 1, 2, 3, 4 LIMIT ? OFFSET ?")
    cur = store.con.execute(sql, [interval, *params, f.limit, f.offset])
    names = [c[0] for c in cur.description]
    return page(request, f, names, cur.fetchall())


@router.get("/network", summary="Who acts on whom: actors (or their countries) as nodes, events between them "
                                "as weighted edges")
def network(store: StoreDep, f: FiltersDep,
            by: Annotated[str, Query(pattern="^(actor|country)$")] = "country") -> dict[str, Any]:
    sql_where, params = where("events", f)
    node = "{a}.country" if by == "country" else "coalesce({a}.name, {a}.country, {a}.text)"
    rows = store.con.execute(
        f"SELECT {node.format(a='s')} AS source, s.country, {node.format(a='t')} AS target, t.country, "
        "v.type, count(*) AS events FROM events v JOIN documents d USING (doc_id) "
        "JOIN event_actors s ON s.doc_id = v.doc_id AND s.event_idx = v.idx AND s.role = 'source' "
        f"JOIN event_actors t ON t.doc_id = v.doc_id AND t.event_idx = v.idx AND t.role = 'target' {sql_where} "
        "GROUP BY ALL ORDER BY events DESC LIMIT ?", [*params, f.limit]).fetchall()
    rows = [r for r in rows if r[0] is not None and r[2] is not None]
    nodes: dict[str, dict[str, Any]] = {}
    edges: dict[tuple[str, str], dict[str, Any]] = {}
    for src, sc, tgt, tc, typ, n in rows:
        for name, c in ((src, sc), (tgt, tc)):
            item = nodes.setdefault(name, {"id": name, "country": c, "events": 0})
            item["events"] += n
        e = edges.setdefault((src, tgt), {"source": src, "target": tgt, "events": 0, "types": {}})
        e["events"] += n
        e["types"][typ] = e["types"].get(typ, 0) + n
    return {"nodes": list(nodes.values()), "edges": list(edges.values())}


@router.get("/map", summary="Events with coordinates, as GeoJSON")
def event_map(store: StoreDep, f: FiltersDep) -> dict[str, Any]:
    sql_where, params = where("events", f)
    extra = " AND " if sql_where else "WHERE "
    rows = store.con.execute(
        "SELECT v.doc_id, v.idx, v.type, coalesce(v.date, d.published), v.location_name, v.lat, v.lon, "
        "substring(d.text, v.sentence_start + 1, v.sentence_end - v.sentence_start) FROM events v "
        f"JOIN documents d USING (doc_id) {sql_where}{extra}v.lat IS NOT NULL AND v.lon IS NOT NULL "
        "ORDER BY coalesce(v.date_first, d.published_first), v.doc_id, v.idx LIMIT ? OFFSET ?",
        [*params, f.limit, f.offset]).fetchall()
    return {"type": "FeatureCollection", "features": [
        {"type": "Feature", "geometry": {"type": "Point", "coordinates": [r[6], r[5]]},
         "properties": {"doc_id": r[0], "idx": r[1], "type": r[2], "date": r[3], "place": r[4], "evidence": r[7]}}
        for r in rows]}


class NewDocument(BaseModel):
    text: str = Field(min_length=1, max_length=1_000_000)
    title: str | None = Field(None, max_length=1000)
    published: str | None = Field(None, max_length=40, description="2017, 2017-03, 2017-03-05 or a timestamp")
    source: str | None = Field(None, max_length=1000)
    model_config = {"extra": "forbid"}


@router.post("/documents", status_code=201, summary="Process a document and store it (needs the API key)")
def submit(request: Request, body: NewDocument,
           x_api_key: Annotated[str | None, Header()] = None) -> dict[str, Any]:
    app = request.app
    key = app.state.api_key
    if not key:
        raise ApiError(403, "forbidden", "submitting documents is switched off: set api.key in the configuration")
    if not x_api_key or not hmac.compare_digest(x_api_key.encode(), key.encode()):
        raise ApiError(401, "unauthorized", "a valid X-API-Key header is required to submit documents")
    if app.state.store.read_only:
        raise ApiError(403, "forbidden", "the store is open read-only; start `chronik serve --writable`")
    from chronik.document import Document, Rejection

    published = _date(body.published, "published") if body.published else None
    doc = Document(text=body.text, title=body.title, published=published, source=body.source or "api")
    with app.state.write_lock:
        result = app.state.pipeline(doc)
        store = app.state.store
        if isinstance(result, Rejection):
            raise ApiError(400, "rejected", str(result), {"code": getattr(result, "code", None)})
        run = store.begin_run("serve", ["api"], {}, {})
        store.put(result, run)
        store.finish_run(run, {"documents": 1}, 0.0)
    return result.to_json()
