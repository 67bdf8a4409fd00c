"""The JSON API in process (FastAPI's TestClient) over the demo store."""

from __future__ import annotations

import copy
from pathlib import Path

import pytest
from fastapi.testclient import TestClient

from chronik.api import create_app


@pytest.fixture(scope="module")
def client(demo_db: Path, config: dict) -> TestClient:
    with TestClient(create_app(demo_db, config)) as c:
        yield c


def error(r) -> dict:
    body = r.json()
    assert set(body) == {"error"} and {"status", "code", "message"} <= set(body["error"]), body
    assert body["error"]["status"] == r.status_code
    return body["error"]


def test_health_and_openapi(client: TestClient) -> None:
    h = client.get("/api/health").json()
    assert h["status"] == "ok" and h["counts"]["documents"] == 24 and h["read_only"] is True
    spec = client.get("/api/openapi.json").json()
    for path in ("/api/documents", "/api/documents/{doc_id}", "/api/actors", "/api/actors/{name}", "/api/quotes",
                 "/api/events", "/api/search", "/api/aggregations/events", "/api/network", "/api/map"):
        assert path in spec["paths"], path


def test_documents_are_paginated_and_each_has_its_annotations(client: TestClient) -> None:
    first = client.get("/api/documents", params={"limit": 10}).json()
    assert len(first["items"]) == 10 and first["next"]
    second = client.get(first["next"]).json()
    assert second["offset"] == 10 and not {d["doc_id"] for d in second["items"]} & {d["doc_id"] for d in first["items"]}
    last = client.get("/api/documents", params={"limit": 10, "offset": 20}).json()
    assert len(last["items"]) == 4 and last["next"] is None
    doc_id = first["items"][0]["doc_id"]
    doc = client.get(f"/api/documents/{doc_id}").json()
    assert doc["id"] == doc_id and doc["entities"] and doc["text"]
    for q in doc["quotes"]:
        assert doc["text"][q["start"]:q["end"]] == q["text"]
    assert error(client.get("/api/documents/nope"))["code"] == "not-found"


def test_search_quotes_and_events_filters(client: TestClient) -> None:
    hits = client.get("/api/search", params={"q": "Waffenruhe"}).json()["items"]
    assert hits and all("score" in h for h in hits)
    assert error(client.get("/api/search"))["code"] == "bad-parameter"
    quotes = client.get("/api/quotes", params={"limit": 500}).json()["items"]
    speaker = next(q["speaker_name"] for q in quotes if q["speaker_name"])
    by_speaker = client.get("/api/quotes", params={"speaker": speaker}).json()["items"]
    assert by_speaker and all(speaker in (q["speaker_name"] or "") + (q["speaker_text"] or "") for q in by_speaker)
    events = client.get("/api/events", params={"limit": 500}).json()["items"]
    assert events
    ev = next(e for e in events if e["location_name"])
    for key, value in (("type", ev["type"]), ("place", ev["location_name"])):
        got = client.get("/api/events", params={key: value}).json()["items"]
        assert got
        assert all((e["type"] == value) if key == "type" else (value in (e["location_name"] or "")) for e in got)
    dated = [e for e in events if e["date"] and len(e["date"]) == 10]
    day = dated[0]["date"]
    on_day = client.get("/api/events", params={"from": day, "to": day}).json()["items"]
    assert on_day and all(day.startswith(e["date"]) for e in on_day)  # that day, or a month/year covering it


def test_actors_and_an_actor_page_with_its_quotes_events_and_timeline(client: TestClient) -> None:
    actors = client.get("/api/actors", params={"limit": 50}).json()["items"]
    assert actors and {"actor", "country", "sector", "mentions", "documents", "aliases"} <= set(actors[0])
    assert [a["mentions"] for a in actors] == sorted((a["mentions"] for a in actors), reverse=True)
    events = client.get("/api/events", params={"limit": 500}).json()["items"]
    name = next(e["source"] for e in events if e["source"])
    page = client.get(f"/api/actors/{name}").json()
    assert page["name"] == name and page["events"] and page["timeline"]
    assert sum(w["events"] for w in page["timeline"]) == len(page["events"])
    assert error(client.get("/api/actors/Niemand%20Unbekannt"))["status"] == 404


def test_aggregations_network_and_map(client: TestClient) -> None:
    n_events = len(client.get("/api/events", params={"limit": 500}).json()["items"])
    agg = client.get("/api/aggregations/events", params={"interval": "month", "limit": 500}).json()["items"]
    assert agg and sum(r["events"] for r in agg) == n_events
    assert {"period", "type", "source", "target", "events"} == set(agg[0])
    assert error(client.get("/api/aggregations/events", params={"interval": "fortnight"}))["code"] == "bad-parameter"
    net = client.get("/api/network", params={"limit": 500}).json()
    ids = {n["id"] for n in net["nodes"]}
    assert net["edges"] and all(e["source"] in ids and e["target"] in ids for e in net["edges"])
    geo = client.get("/api/map", params={"limit": 500}).json()
    assert geo["type"] == "FeatureCollection" and geo["features"]
    lon, lat = geo["features"][0]["geometry"]["coordinates"]
    assert -180 <= lon <= 180 and -90 <= lat <= 90 and geo["features"][0]["properties"]["evidence"]


@pytest.mark.parametrize(("params", "code"), [
    ({"bogus": "1"}, "unknown-parameter"),
    ({"from": "gestern"}, "bad-parameter"),
    ({"to": "2017-13"}, "bad-parameter"),
    ({"limit": "100000"}, "bad-parameter"),
    ({"limit": "0"}, "bad-parameter"),
    ({"offset": "-1"}, "bad-parameter"),
    ({"limit": "zehn"}, "bad-parameter"),
    ({"actor": "x" * 300}, "bad-parameter"),
])
def test_bad_input_is_a_400_with_one_error_shape(client: TestClient, params: dict, code: str) -> None:
    r = client.get("/api/events", params=params)
    assert r.status_code == 400 and error(r)["code"] == code


@pytest.mark.parametrize("evil", ["'; DROP TABLE documents; --", "%' OR '1'='1", "\\", "_", "\")--", "😀"])
def test_injection_attempts_in_every_filter_change_nothing(client: TestClient, evil: str) -> None:
    before = client.get("/api/health").json()["counts"]
    for path in ("/api/documents", "/api/quotes", "/api/events", "/api/actors", "/api/network", "/api/map",
                 "/api/aggregations/events"):
        for key in ("q", "actor", "country", "source", "target", "type", "place", "speaker"):
            r = client.get(path, params={key: evil})
            assert r.status_code in (200, 400), (path, key, r.text)  # a value too long for a code is a 400
            if r.status_code == 400:
                assert error(r)["code"] == "bad-parameter"
    assert client.get("/api/health").json()["counts"] == before


def test_submitting_needs_a_writable_store_and_the_key(demo_db: Path, config: dict, tmp_path: Path) -> None:
    doc = {"text": "Die lettische Regierung kritisierte am Montag Belarus wegen der Grenzschließung. "
                   "„Das ist inakzeptabel“, sagte ein Sprecher in Riga.", "published": "2025-03-03"}
    with TestClient(create_app(demo_db, config)) as ro:  # no key configured: switched off
        assert error(ro.post("/api/documents", json=doc))["status"] == 403
    cfg = copy.deepcopy(config)
    cfg["api"]["key"] = "geheim"
    db = tmp_path / "w.duckdb"
    db.write_bytes(demo_db.read_bytes())
    with TestClient(create_app(db, cfg, writable=True)) as rw:
        assert error(rw.post("/api/documents", json=doc))["status"] == 401
        assert error(rw.post("/api/documents", json=doc, headers={"X-API-Key": "falsch"}))["status"] == 401
        assert error(rw.post("/api/documents", json={**doc, "extra": 1},
                             headers={"X-API-Key": "geheim"}))["code"] == "bad-parameter"
        assert error(rw.post("/api/documents", json={**doc, "published": "bald"},
                             headers={"X-API-Key": "geheim"}))["code"] == "bad-parameter"
        r = rw.post("/api/documents", json=doc, headers={"X-API-Key": "geheim"})
        assert r.status_code == 201, r.text
        new = r.json()
        assert new["quotes"] and rw.get(f"/api/documents/{new['id']}").json()["text"] == doc["text"]
        assert rw.get("/api/health").json()["counts"]["documents"] == 25


def test_every_page_renders_with_a_link_to_its_json_twin(client: TestClient) -> None:
    doc_id = client.get("/api/documents", params={"limit": 1}).json()["items"][0]["doc_id"]
    name = client.get("/api/actors", params={"limit": 1}).json()["items"][0]["actor"]
    for path, twin in (("/", "/api/documents"), ("/events", "/api/events"), ("/actors", "/api/actors"),
                       ("/quotes", "/api/quotes"), ("/map", "/api/map"), ("/network", "/api/network"),
                       (f"/documents/{doc_id}", f"/api/documents/{doc_id}"), (f"/actors/{name}", "/api/actors/")):
        r = client.get(path)
        assert r.status_code == 200 and r.headers["content-type"].startswith("text/html"), path
        assert f'href="{twin}' in r.text, (path, twin)
    assert client.get("/documents/nope").status_code == 404
    assert client.get("/events", params={"from": "gestern"}).status_code == 400
