"""JSON Lines: texts come back unchanged, a broken line is rejected on its own, limits hold."""

from __future__ import annotations

import json

import pytest

from chronik.document import Document, Rejection
from chronik.ingest import ReadContext
from chronik.time import PartialDate

from ._helpers import docs_of, read_all, rejections_of

GOOD = [
    {"id": "nds-001", "title": "Landtag tagt", "date": "2017-03-05",
     "text": "Der Landtag in Hannover hat am Mittwoch über den Haushalt beraten."},
    {"id": "nds-002", "title": "Schulen", "date": "2017-03",
     "text": "„Wir brauchen mehr Lehrkräfte“, sagte die Kultusministerin in Hannover."},
    {"id": "nds-003", "text": "Die Opposition kündigte Widerstand gegen die Pläne an."},
]

ODD_TEXTS = [
    "  Zwei  Leerzeichen,\tein Tab und ein Leerzeichen am Ende ",
    "Erste Zeile\r\nZweite Zeile\r\n\r\nAbsatz nach CRLF",
    "Nur\rWagenrücklauf und\u00a0geschütztes Leerzeichen",
    "Die EU 🇪🇺 und die Ukraine 🇺🇦: „Ein Signal“ 👍🏽",
    "Cafe\u0301 in Mu\u0308nchen, nicht NFC: Zo\u0308lle",  # combining accents stay decomposed
    "Zeilen\u2028trenner und Absatz\u2029trenner, Null\u200bbreite",
    "\n\nMit Leerzeilen am Anfang und am Ende\n\n",
    'Anführungszeichen "gerade" und \\ Rückstrich',
]


def _jsonl(records, ensure_ascii=False, newline="\n") -> bytes:
    return (newline.join(json.dumps(r, ensure_ascii=ensure_ascii) for r in records) + newline).encode("utf-8")


@pytest.mark.parametrize("ensure_ascii", [False, True])
@pytest.mark.parametrize("text", ODD_TEXTS)
def test_jsonl_text_comes_back_character_for_character(write, text, ensure_ascii):
    path = write("roh.jsonl", _jsonl([{"id": "roh-1", "text": text}], ensure_ascii=ensure_ascii))
    items = read_all([path])
    assert len(items) == 1
    doc = items[0]
    assert isinstance(doc, Document)
    assert doc.text == text
    assert len(doc.text) == len(text)
    assert doc.id == "roh-1"
    assert doc.issues == []


def test_jsonl_fields_are_mapped(write):
    path = write("nds.jsonl", _jsonl(GOOD))
    docs = read_all([path])
    assert [d.id for d in docs] == ["nds-001", "nds-002", "nds-003"]
    assert [d.text for d in docs] == [r["text"] for r in GOOD]
    assert docs[0].title == "Landtag tagt"
    assert docs[0].published == PartialDate("2017-03-05", "day")
    assert docs[1].published == PartialDate("2017-03", "month")
    assert docs[2].published is None and docs[2].title is None
    assert all(d.source == str(path) for d in docs)
    assert [d.metadata["record"] for d in docs] == ["line 1", "line 2", "line 3"]


def test_jsonl_url_becomes_source_and_unknown_fields_metadata(write):
    rec = {"text": "Der Bundesrat stimmte dem Gesetz zu.", "url": "https://example.org/bundesrat",
           "ressort": "Politik", "wörter": 6}
    path = write("meta.jsonl", _jsonl([rec]))
    (doc,) = read_all([path])
    assert doc.source == "https://example.org/bundesrat"
    assert doc.metadata["url"] == "https://example.org/bundesrat"
    assert doc.metadata["file"] == str(path)
    assert doc.metadata["ressort"] == "Politik"
    assert doc.metadata["wörter"] == 6


def test_jsonl_without_id_gets_a_content_id(write):
    (doc,) = read_all([write("ohne-id.jsonl", _jsonl([{"text": "Der Bundesrat stimmte zu."}]))])
    assert len(doc.id) == 20
    assert doc.id == doc.content_hash


def test_jsonl_crlf_line_endings(write):
    docs = read_all([write("crlf.jsonl", _jsonl(GOOD, newline="\r\n"))])
    assert [d.text for d in docs] == [r["text"] for r in GOOD]


def test_jsonl_utf8_bom_on_the_first_line(write):
    docs = read_all([write("bom.jsonl", b"\xef\xbb\xbf" + _jsonl(GOOD))])
    assert [d.id for d in docs] == ["nds-001", "nds-002", "nds-003"]


def test_jsonl_broken_line_is_rejected_and_the_others_survive(write):
    lines = [json.dumps(GOOD[0], ensure_ascii=False),
             '{"id": "kaputt", "text": "Der Satz bricht ab',
             json.dumps(GOOD[1], ensure_ascii=False),
             json.dumps(GOOD[2], ensure_ascii=False)]
    path = write("kaputt.jsonl", "\n".join(lines) + "\n")
    items = read_all([path])
    assert [type(i).__name__ for i in items] == ["Document", "Rejection", "Document", "Document"]
    rej = items[1]
    assert rej.code == "R106"
    assert rej.locator == "line 2"
    assert rej.source == str(path)
    assert "Der Satz bricht ab" in rej.sample
    assert [d.id for d in docs_of(items)] == ["nds-001", "nds-002", "nds-003"]


def test_jsonl_blank_lines_are_skipped_but_counted(write):
    text = json.dumps(GOOD[0]) + "\n\n   \n" + "{kein json}\n"
    items = read_all([write("luecken.jsonl", text)])
    assert len(items) == 2
    assert isinstance(items[0], Document)
    assert items[1].code == "R106" and items[1].locator == "line 4"


@pytest.mark.parametrize(
    ("line", "code"),
    [
        ('["keine", "Zeitung"]', "R106"),
        ("42", "R106"),
        ('{"title": "Nur ein Titel"}', "R107"),
        ('{"text": 17}', "R107"),
        ('{"text": "   "}', "R102"),
        ('{"text": null, "body": ""}', "R107"),
        ('{"text": "Wahl \\ud800 ohne Partner"}', "R104"),  # a lone surrogate is not text
    ],
)
def test_jsonl_bad_record_is_rejected_with_its_code(write, line, code):
    path = write("einzeln.jsonl", json.dumps(GOOD[0]) + "\n" + line + "\n" + json.dumps(GOOD[1]) + "\n")
    items = read_all([path])
    assert len(items) == 3
    assert isinstance(items[0], Document) and isinstance(items[2], Document)
    rej = items[1]
    assert isinstance(rej, Rejection)
    assert rej.code == code
    assert rej.locator == "line 2"


def test_jsonl_alternative_text_field_names(write):
    recs = [{"content": "Erster Text."}, {"Body": "Zweiter Text."}, {"maintext": "Dritter Text.", "headline": "H"}]
    docs = read_all([write("felder.jsonl", _jsonl(recs))])
    assert [d.text for d in docs] == ["Erster Text.", "Zweiter Text.", "Dritter Text."]
    assert docs[2].title == "H"


def test_jsonl_unparseable_date_is_an_issue(write):
    (doc,) = read_all([write("datum.jsonl", _jsonl([{"text": "Der Kreistag tagte.", "date": "gestern"}]))])
    assert doc.published is None
    assert doc.metadata["published_raw"] == "gestern"
    assert [i.code for i in doc.issues] == ["bad-date"]


@pytest.mark.parametrize("opener", ["[", '{"a":'])
def test_jsonl_deeply_nested_line_is_rejected_without_recursion_error(write, opener):
    depth = 100_000
    closer = "]" if opener == "[" else "}"
    deep = opener * depth + "1" + closer * depth
    path = write("tief.jsonl", json.dumps(GOOD[0]) + "\n" + deep + "\n" + json.dumps(GOOD[1]) + "\n")
    items = read_all([path])
    assert len(items) == 3
    assert [d.id for d in docs_of(items)] == ["nds-001", "nds-002"]
    rej = items[1]
    assert isinstance(rej, Rejection)
    assert rej.code == "R106" and rej.locator == "line 2"


def test_jsonl_deeply_nested_array_file_is_rejected_without_recursion_error(write):
    depth = 100_000
    items = read_all([write("tief.json", "[" * depth + "]" * depth)])
    assert len(items) == 1
    assert isinstance(items[0], Rejection)
    assert items[0].code == "R106"


def test_jsonl_whole_file_array_is_read_item_by_item(write):
    path = write("export.json", json.dumps([GOOD[0], "kein Objekt", GOOD[1]], ensure_ascii=False, indent=2))
    items = read_all([path])
    assert [type(i).__name__ for i in items] == ["Document", "Rejection", "Document"]
    assert items[1].code == "R106" and items[1].locator == "item 2"
    assert items[2].metadata["record"] == "item 3"


def test_jsonl_line_over_the_document_limit_is_rejected_and_reading_goes_on(write):
    ctx = ReadContext(max_document_bytes=300)
    long_text = "Der Haushaltsausschuss beriet stundenlang. " * 10  # 430 bytes: over 300, under 2×300+1024
    path = write("lang.jsonl", _jsonl([GOOD[0], {"text": long_text}, GOOD[1]]))
    items = read_all([path], ctx)
    assert [type(i).__name__ for i in items] == ["Document", "Rejection", "Document"]
    assert items[1].code == "R105" and items[1].locator == "line 2"


def test_jsonl_huge_line_is_skipped_and_reading_goes_on(write):
    ctx = ReadContext(max_document_bytes=300)  # the reader's line buffer is 2×300+1024 bytes
    huge = json.dumps({"text": "Ä" * 3_000_000})  # ~6 MB of escapes on one line
    path = write("riesig.jsonl", json.dumps(GOOD[0]) + "\n" + huge + "\n" + json.dumps(GOOD[1]) + "\n"
                 + json.dumps(GOOD[2]) + "\n")
    items = read_all([path], ctx)
    assert [type(i).__name__ for i in items] == ["Document", "Rejection", "Document", "Document"]
    rej = items[1]
    assert rej.code == "R105"
    assert rej.locator == "line 2"
    assert len(rej.sample) <= 200 * 4
    assert [d.metadata["record"] for d in docs_of(items)] == ["line 1", "line 3", "line 4"]


def test_jsonl_huge_last_line_without_newline(write):
    ctx = ReadContext(max_document_bytes=300)
    path = write("ende.jsonl", json.dumps(GOOD[0]) + "\n" + json.dumps({"text": "x" * 5000}))
    items = read_all([path], ctx)
    assert [type(i).__name__ for i in items] == ["Document", "Rejection"]
    assert items[1].code == "R105" and items[1].locator == "line 2"


def test_jsonl_cp1252_line_is_repaired_with_an_issue(write):
    text = "Die Außenministerin äußerte sich zur Lage in Südtirol und über Zölle."
    line = json.dumps({"id": "cp", "text": text}, ensure_ascii=False).encode("cp1252")
    path = write("cp1252.jsonl", json.dumps(GOOD[0]).encode() + b"\n" + line + b"\n")
    items = read_all([path])
    assert len(items) == 2
    doc = items[1]
    assert isinstance(doc, Document)
    assert doc.text == text
    assert [i.code for i in doc.issues] == ["encoding-repaired"]
    assert items[0].issues == []  # only the repaired line carries the issue


def test_jsonl_non_utf8_line_is_rejected_without_fallback(write):
    text = "Die Außenministerin äußerte sich zur Lage in Südtirol und über Zölle."
    line = json.dumps({"id": "cp", "text": text}, ensure_ascii=False).encode("cp1252")
    path = write("cp1252.jsonl", json.dumps(GOOD[0]).encode() + b"\n" + line + b"\n"
                 + json.dumps(GOOD[1]).encode() + b"\n")
    items = read_all([path], ReadContext(fallback_encoding=""))
    assert [type(i).__name__ for i in items] == ["Document", "Rejection", "Document"]
    assert items[1].code == "R104" and items[1].locator == "line 2"


def test_jsonl_binary_line_is_rejected(write):
    path = write("bin.jsonl", json.dumps(GOOD[0]).encode() + b"\n\x00\x01\x02\x03\xff\n" + json.dumps(GOOD[1]).encode())
    items = read_all([path])
    assert [type(i).__name__ for i in items] == ["Document", "Rejection", "Document"]
    assert items[1].code == "R103" and items[1].locator == "line 2"
    assert rejections_of(items)[0].sample is None  # no binary junk in the sample


def test_jsonl_lone_surrogate_outside_text_is_rejected(write):
    good = json.dumps({"id": "g", "text": "Die Ministerin reiste nach Riga und traf dort ihren Amtskollegen."})
    bad = '{"id": "b", "title": "Titel \\ud800", "text": "Die Regierung tagte am Montag in Vilnius."}'
    items = read_all([write("s.jsonl", (good + "\n" + bad + "\n").encode())])
    assert [type(i).__name__ for i in items] == ["Document", "Rejection"]
    assert items[1].code == "R104" and items[1].locator == "line 2"
