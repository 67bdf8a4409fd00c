import pytest

from chronik.document import Document, Span
from chronik.store import Store
from chronik.store.queries import Filters, query
from chronik.time import parse_date

TEXT_A = "Der Präsident besuchte Bischkek. „Wir bleiben Partner“, sagte Sarygulow."
TEXT_B = "In Riga demonstrierten Tausende gegen die Reform. Die Polizei griff ein."


@pytest.fixture(scope="module")
def store():
    s = Store(":memory:")
    run = s.begin_run("test", [], {}, {})
    a = Document(text=TEXT_A, id="doc-a", published=parse_date("2017-03"))
    a.sentences = [Span(0, 32), Span(33, len(TEXT_A))]
    a.entities = [{"start": 23, "end": 31, "text": "Bischkek", "label": "LOC", "name": "Bischkek",
                   "country": "KGZ", "sector": None, "kb": 1528675}]
    q0 = TEXT_A.index("Wir")
    q1 = TEXT_A.index("“")
    c0 = TEXT_A.index("sagte")
    s0 = TEXT_A.index("Sarygulow")
    a.quotes = [{"start": q0, "end": q1, "text": TEXT_A[q0:q1], "form": "direct",
                 "cue": {"start": c0, "end": c0 + 5, "text": "sagte"},
                 "speaker": {"start": s0, "end": s0 + 9, "text": "Sarygulow", "name": "Bakyt Sarygulow",
                             "country": "KGZ", "sector": "GOV"}}]
    a.events = [{"type": "CONSULT", "mode": "visit", "cameo": "042", "trigger": {"start": 14, "end": 22,
                 "text": "besuchte"}, "sentence": [0, 32],
                 "source": [{"text": "Der Präsident", "start": 0, "end": 13, "name": "Präsident X", "country": "RUS"}],
                 "target": [{"text": "Bischkek", "start": 23, "end": 31, "name": "Kirgistan", "country": "KGZ"}],
                 "location": {"name": "Bischkek", "country": "KGZ", "lat": 42.87, "lon": 74.59, "geonames": 1528675},
                 "date": "2017-03-02", "modality": "asserted"}]
    b = Document(text=TEXT_B, id="doc-b", published=parse_date("2024-06-01"))
    b.sentences = [Span(0, 49), Span(50, len(TEXT_B))]
    s.put(a, run)
    s.put(b, run)
    s.rebuild_fts()
    yield s
    s.close()


def ids(rows):
    return sorted(r[0] for r in rows)


def test_queries_date_range_overlaps_partial_dates(store):
    assert ids(query(store, "documents", Filters(date_from=parse_date("2017-03-15")))[1]) == ["doc-a", "doc-b"]
    assert ids(query(store, "documents", Filters(date_to=parse_date("2017")))[1]) == ["doc-a"]
    assert ids(query(store, "documents", Filters(date_from=parse_date("2018"), date_to=parse_date("2023")))[1]) == []


def test_queries_filters(store):
    assert ids(query(store, "documents", Filters(actor="sarygul"))[1]) == ["doc-a"]
    assert ids(query(store, "documents", Filters(country="kgz"))[1]) == ["doc-a"]
    assert ids(query(store, "documents", Filters(event_type="consult"))[1]) == ["doc-a"]
    assert ids(query(store, "documents", Filters(speaker="Sarygulow"))[1]) == ["doc-a"]
    assert ids(query(store, "documents", Filters(text="demonstrierten"))[1]) == ["doc-b"]


def test_queries_quotes_by_speaker_and_word(store):
    names, rows = query(store, "quotes", Filters(speaker="Bakyt"))
    assert len(rows) == 1 and rows[0][names.index("text")] == "Wir bleiben Partner"
    assert len(query(store, "quotes", Filters(text="Partner"))[1]) == 1
    assert query(store, "quotes", Filters(text="Part"))[1] == []  # a word, not a prefix


def test_queries_events_by_actor_country_type_date(store):
    names, rows = query(store, "events", Filters(actor="Kirgistan", event_type="CONSULT", country="RUS"))
    assert len(rows) == 1
    assert rows[0][names.index("source")] == "Präsident X"
    assert query(store, "events", Filters(date_from=parse_date("2017-03-03")))[1] == []


def test_queries_events_by_place_and_dyad(store):
    assert len(query(store, "events", Filters(place="bischkek"))[1]) == 1
    assert query(store, "events", Filters(place="Riga"))[1] == []
    assert len(query(store, "events", Filters(source="RUS", target="kgz"))[1]) == 1
    assert len(query(store, "events", Filters(source="Präsident", target="Kirgistan"))[1]) == 1
    assert query(store, "events", Filters(source="KGZ", target="RUS"))[1] == []  # direction counts
    assert ids(query(store, "documents", Filters(place="Riga"))[1]) == []  # no LOC entity marked in doc-b
    assert ids(query(store, "documents", Filters(place="Bischkek"))[1]) == ["doc-a"]
    assert ids(query(store, "documents", Filters(source="RUS"))[1]) == ["doc-a"]
    assert len(query(store, "entities", Filters(place="Bisch"))[1]) == 1
    with pytest.raises(ValueError, match="--source"):
        query(store, "entities", Filters(source="RUS"))


@pytest.mark.parametrize("evil", ["'; DROP TABLE documents; --", "%' OR '1'='1", "\\", "_"])
def test_queries_values_are_parameters(store, evil):
    for kind in ("documents", "entities", "quotes", "events"):
        query(store, kind, Filters(actor=evil, country=evil, speaker=evil, text=evil, event_type=evil, place=evil,
                                   source=None if kind == "entities" else evil,
                                   target=None if kind == "entities" else evil))
    assert store.counts()["documents"] == 2
    assert query(store, "documents", Filters(actor=evil))[1] == []
