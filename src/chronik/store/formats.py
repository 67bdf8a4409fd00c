"""Event exports in the formats other tools read: GDELT 2.0 event-table columns (TSV) and PLOVER/POLECAT-
style JSON records (JSON Lines). Field by field in docs/exports.md."""

from __future__ import annotations

import hashlib
import json
from collections.abc import Iterator
from datetime import date, datetime
from typing import Any

from chronik import __version__
from chronik.store.duck import Store

GDELT_COLUMNS = [
    "GLOBALEVENTID", "SQLDATE", "MonthYear", "Year", "FractionDate",
    *[f"Actor{n}{f}" for n in (1, 2) for f in ("Code", "Name", "CountryCode", "KnownGroupCode", "EthnicCode",
                                                "Religion1Code", "Religion2Code", "Type1Code", "Type2Code",
                                                "Type3Code")],
    "IsRootEvent", "EventCode", "EventBaseCode", "EventRootCode", "QuadClass", "GoldsteinScale", "NumMentions",
    "NumSources", "NumArticles", "AvgTone",
    *[f"{g}_{f}" for g in ("Actor1Geo", "Actor2Geo", "ActionGeo") for f in ("Type", "FullName", "CountryCode",
                                                                           "ADM1Code", "ADM2Code", "Lat", "Long",
                                                                           "FeatureID")],
    "DATEADDED", "SOURCEURL",
]

_EVENTS_SQL = """
SELECT v.doc_id, v.idx, v.type, v.mode, v.cameo, v.trigger_text, v.sentence_start, v.sentence_end,
       v.location_name, v.location_country, v.lat, v.lon, v.geonames, v.date, v.modality,
       coalesce(v.date_first, d.published_first) AS day, d.stored_at, d.source, d.title, d.published,
       substring(d.text, v.sentence_start + 1, v.sentence_end - v.sentence_start) AS evidence,
       (SELECT min(s.start) FROM sentences s WHERE s.doc_id = v.doc_id) AS first_sentence_start,
       v.record
FROM events v JOIN documents d USING (doc_id)
ORDER BY day NULLS LAST, v.doc_id, v.idx
"""


def _actors(store: Store) -> dict[tuple[str, int], dict[str, list[dict[str, Any]]]]:
    out: dict[tuple[str, int], dict[str, list[dict[str, Any]]]] = {}
    for doc_id, idx, role, text, name, country, sector in store.con.execute(
            "SELECT doc_id, event_idx, role, text, name, country, sector FROM event_actors "
            "ORDER BY doc_id, event_idx, role, idx").fetchall():
        out.setdefault((doc_id, idx), {"source": [], "target": []})[role].append(
            {"text": text, "name": name, "country": country, "sector": sector})
    return out


def _event_rows(store: Store) -> Iterator[tuple[dict[str, Any], dict[str, list[dict[str, Any]]]]]:
    actors = _actors(store)
    cur = store.con.execute(_EVENTS_SQL)
    names = [c[0] for c in cur.description]
    while rows := cur.fetchmany(1000):
        for row in rows:
            ev = dict(zip(names, row, strict=True))
            yield ev, actors.get((ev["doc_id"], ev["idx"]), {"source": [], "target": []})


def event_id(doc_id: str, idx: int) -> int:
    """A stable 63-bit integer for an event (GDELT wants an integer id)."""
    return int.from_bytes(hashlib.sha256(f"{doc_id}:{idx}".encode()).digest()[:8], "big") >> 1


def quad_class(cameo: str | None) -> int | None:
    """GDELT's QuadClass from the CAMEO root: 1 verbal cooperation (01-05), 2 material cooperation (06-08),
    3 verbal conflict (09-13), 4 material conflict (14-20)."""
    if not cameo or not cameo[:2].isdigit():
        return None
    root = int(cameo[:2])
    return 1 if root <= 5 else 2 if root <= 8 else 3 if root <= 13 else 4


def _is_country(code: str | None) -> bool:
    return bool(code) and len(code or "") == 3 and (code or "").isalpha() and code not in ("INT", "IGO")


def _actor_fields(actor: dict[str, Any] | None) -> list[Any]:
    if not actor:
        return [""] * 10
    code, sector = actor.get("country") or "", actor.get("sector") or ""
    country = code if _is_country(code) else ""
    group = "" if country else code
    return [f"{code}{sector}", actor.get("name") or actor.get("text") or "", country, group, "", "", "", sector,
            "", ""]


def gdelt_rows(store: Store) -> Iterator[list[Any]]:
    """One row per event and dyad (the first source and target of each record), GDELT_COLUMNS in order."""
    for ev, who in _event_rows(store):
        day: date | None = ev["day"]
        cameo = ev["cameo"] or ""
        added: datetime | None = ev["stored_at"]
        geo_type = 4 if ev["geonames"] and ev["lat"] is not None else 1 if ev["location_country"] else 0
        action_geo = [geo_type or "", ev["location_name"] or "", ev["location_country"] or "", "", "",
                      ev["lat"] if ev["lat"] is not None else "", ev["lon"] if ev["lon"] is not None else "",
                      ev["geonames"] or ""]
        source = who["source"][0] if who["source"] else None
        target = who["target"][0] if who["target"] else None
        yield [
            event_id(ev["doc_id"], ev["idx"]),
            day.strftime("%Y%m%d") if day else "", day.strftime("%Y%m") if day else "", day.year if day else "",
            round(day.year + (day.timetuple().tm_yday - 1) / 365, 4) if day else "",
            *_actor_fields(source), *_actor_fields(target),
            int(ev["sentence_start"] == ev["first_sentence_start"]),
            cameo, cameo[:3], cameo[:2], quad_class(cameo) or "", "", 1, 1, 1, "",
            *([""] * 8), *([""] * 8), *action_geo,
            added.strftime("%Y%m%d%H%M%S") if added else "", ev["source"] or "",
        ]


def plover_records(store: Store) -> Iterator[dict[str, Any]]:
    """PLOVER/POLECAT-style records: one per event record, with chronik's evidence and extras."""
    for ev, who in _event_rows(store):
        loc = json.loads(ev["record"]).get("location") if ev["record"] else None

        def actors(side: list[dict[str, Any]]) -> list[dict[str, Any]]:
            return [{"actorText": a["text"], "name": a["name"], "code": a["country"], "sector": a["sector"]}
                    for a in side]

        yield {
            "id": f"{ev['doc_id']}-{ev['idx']}",
            "date": ev["date"] or ev["published"],
            "event": ev["type"], "mode": ev["mode"], "cameo": ev["cameo"],
            "source": actors(who["source"]), "target": actors(who["target"]),
            "eventText": ev["trigger_text"],
            "text": ev["evidence"],
            "textOffsets": [ev["sentence_start"], ev["sentence_end"]],
            "modality": ev["modality"],
            "location": None if not loc else {"placeName": loc.get("name"), "countryCode": loc.get("country"),
                                              "lat": loc.get("lat"), "lon": loc.get("lon"),
                                              "geonamesID": loc.get("geonames"), "basis": loc.get("basis")},
            "language": "de",
            "docId": ev["doc_id"], "publication": ev["source"], "title": ev["title"],
            "coder": f"chronik {__version__}",
        }
