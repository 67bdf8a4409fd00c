import json

from hypothesis import given, settings

from chronik.document import Document, content_id, normalise_text
from tests.strategies import documents


def test_document_id_comes_from_normalised_text():
    a = Document(text="Der Kremlchef  besuchte\nKasachstan.")
    b = Document(text=" Der Kremlchef besuchte Kasachstan. ")
    assert a.id == b.id == content_id("Der Kremlchef besuchte Kasachstan.")
    assert Document(text="Anderer Text.").id != a.id
    assert normalise_text("e\u0301") == "é"  # NFC


def test_document_given_id_is_kept():
    assert Document(text="Text.", id="wikinews-1212").id == "wikinews-1212"


def test_document_contract_keys_and_empty_layers():
    obj = Document(text="Ein Satz.").to_json()
    for key in ("id", "source", "title", "published", "language", "text", "sentences", "entities", "quotes",
                "events"):
        assert key in obj
    assert obj["entities"] == obj["quotes"] == obj["events"] == []


@settings(max_examples=150, deadline=None)
@given(documents())
def test_document_spans_inside_text(doc):
    n = len(doc.text)
    for s in doc.sentences:
        assert 0 <= s.start < s.end <= n
    for rec in doc.entities + doc.quotes:
        assert 0 <= rec["start"] <= rec["end"] <= n
        assert doc.text[rec["start"]:rec["end"]] == rec["text"]


@settings(max_examples=150, deadline=None)
@given(documents())
def test_document_json_round_trip_loses_nothing(doc):
    obj = doc.to_json()
    again = Document.from_json(json.loads(json.dumps(obj, ensure_ascii=False)))
    assert again.to_json() == obj
