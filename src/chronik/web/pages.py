"""The HTML pages. Each one reads through the same functions as its JSON twin under /api (linked on the
page), so the UI shows exactly what the API answers."""

from __future__ import annotations

import json
from typing import Any
from urllib.parse import urlencode

from fastapi import APIRouter, Request
from fastapi.responses import HTMLResponse
from fastapi.templating import Jinja2Templates

from chronik import __version__
from chronik.api import routes
from chronik.api.errors import ApiError
from chronik.store.queries import Filters
from chronik.web import HERE
from chronik.web.highlight import highlight

templates = Jinja2Templates(directory=HERE / "templates")
router = APIRouter(include_in_schema=False)

FILTER_KEYS = ("q", "actor", "country", "source", "target", "type", "place", "speaker", "from", "to")


def _params(request: Request, *extra: str) -> dict[str, str]:
    return {k: v for k, v in request.query_params.items() if k in (*FILTER_KEYS, "offset", *extra) and v.strip()}


def _filters(request: Request, params: dict[str, str], limit: int = 50) -> Filters:
    return routes.filters(request, date_from=params.get("from"), date_to=params.get("to"), actor=params.get("actor"),
                          country=params.get("country"), source=params.get("source"), target=params.get("target"),
                          type_=params.get("type"), place=params.get("place"), speaker=params.get("speaker"),
                          q=params.get("q"), limit=limit, offset=int(params.get("offset", "0") or 0))


def _render(request: Request, name: str, **ctx: Any) -> HTMLResponse:
    ctx.setdefault("json_url", None)
    code = int(ctx.get("status", 200))
    return templates.TemplateResponse(request, name, {"version": __version__, **ctx}, status_code=code)


def _pages(request: Request, params: dict[str, str], result: dict[str, Any]) -> dict[str, Any]:
    limit, offset = result["limit"], result["offset"]
    nxt = f"{request.url.path}?{urlencode({**params, 'offset': offset + limit})}" if result["next"] else None
    prev = f"{request.url.path}?{urlencode({**params, 'offset': max(0, offset - limit)})}" if offset else None
    return {"next_url": nxt, "prev_url": prev}


def _error(request: Request, e: ApiError) -> HTMLResponse:
    return _render(request, "error.html", status=e.status, message=e.message)


@router.get("/", response_class=HTMLResponse)
def index(request: Request) -> HTMLResponse:
    params = _params(request)
    store = request.app.state.store.cursor()
    try:
        f = _filters(request, params)
        result = routes.list_rows("documents", request, store, f)
    except ApiError as e:
        return _error(request, e)
    return _render(request, "index.html", params=params, items=result["items"], counts=store.counts(),
                   json_url="/api/documents?" + urlencode(params), **_pages(request, params, result))


@router.get("/documents/{doc_id}", response_class=HTMLResponse)
def document(request: Request, doc_id: str) -> HTMLResponse:
    store = request.app.state.store.cursor()
    doc = store.get(doc_id)
    if doc is None:
        return _error(request, ApiError(404, "not-found", f"no document {doc_id!r}"))
    data = doc.to_json()
    return _render(request, "document.html", doc=data, html=highlight(data),
                   doc_json=json.dumps(data, ensure_ascii=False).replace("</", "<\\/"),
                   json_url=f"/api/documents/{doc_id}")


@router.get("/actors", response_class=HTMLResponse)
def actors(request: Request) -> HTMLResponse:
    params = _params(request, "sector")
    store = request.app.state.store.cursor()
    try:
        f = _filters(request, {k: v for k, v in params.items() if k != "sector"})
        result = routes.actors(request, store, f, sector=params.get("sector"))
    except ApiError as e:
        return _error(request, e)
    return _render(request, "actors.html", params=params, items=result["items"],
                   json_url="/api/actors?" + urlencode(params), **_pages(request, params, result))


@router.get("/actors/{name:path}", response_class=HTMLResponse)
def actor(request: Request, name: str) -> HTMLResponse:
    store = request.app.state.store.cursor()
    try:
        a = routes.actor(store, name)
    except ApiError as e:
        return _error(request, e)
    timeline = [{"period": r["week"], "type": r["type"], "events": r["events"]} for r in a["timeline"]]
    return _render(request, "actor.html", a=a, timeline_json=json.dumps(timeline),
                   json_url="/api/actors/" + name)


@router.get("/events", response_class=HTMLResponse)
def events(request: Request) -> HTMLResponse:
    params = _params(request, "interval")
    interval = params.pop("interval", "week")
    if interval not in routes.INTERVALS:
        interval = "week"
    store = request.app.state.store.cursor()
    try:
        f = _filters(request, params)
        result = routes.list_rows("events", request, store, f)
        agg = routes.aggregate_events(request, store, _filters(request, {**params, "offset": "0"},
                                                              limit=request.app.state.max_page), interval=interval)
    except ApiError as e:
        return _error(request, e)
    return _render(request, "events.html", params=params, items=result["items"], interval=interval,
                   show_event_filters=True, timeline_json=json.dumps(agg["items"]),
                   json_url="/api/events?" + urlencode(params), **_pages(request, params, result))


@router.get("/quotes", response_class=HTMLResponse)
def quotes(request: Request) -> HTMLResponse:
    params = _params(request)
    store = request.app.state.store.cursor()
    try:
        result = routes.list_rows("quotes", request, store, _filters(request, params))
    except ApiError as e:
        return _error(request, e)
    return _render(request, "quotes.html", params=params, items=result["items"],
                   json_url="/api/quotes?" + urlencode(params), **_pages(request, params, result))


@router.get("/map", response_class=HTMLResponse)
def event_map(request: Request) -> HTMLResponse:
    params = _params(request)
    return _render(request, "map.html", params=params, show_event_filters=True,
                   json_url="/api/map?" + urlencode({**params, "limit": request.app.state.max_page}))


@router.get("/network", response_class=HTMLResponse)
def network(request: Request) -> HTMLResponse:
    params = _params(request, "by")
    by = params.pop("by", "country")
    return _render(request, "network.html", params=params, show_event_filters=True, by=by,
                   json_url="/api/network?" + urlencode({**params, "by": by, "limit": request.app.state.max_page}))
