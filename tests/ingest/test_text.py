"""Plain-text articles: with a `key value` header, without one, and the inline ` date 2017-03 …` form."""

from __future__ import annotations

import pytest

from chronik.document import Document, Rejection
from chronik.ingest import ReadContext
from chronik.ingest.text import read_text, split_header
from chronik.time import PartialDate

from ._helpers import read_all

BODY = (
    "Der Stadtrat von Görlitz hat am Dienstag den Haushalt für 2018 beschlossen.\n\n"
    "„Wir investieren vor allem in Schulen“, sagte die Bürgermeisterin nach der Sitzung."
)


def _one_doc(items: list) -> Document:
    assert len(items) == 1, items
    assert isinstance(items[0], Document), items[0]
    return items[0]


def test_text_header_fields_become_metadata_and_stay_out_of_the_text(write):
    raw = f"title Haushalt beschlossen\ndate 2017-03-05\nsource chronik-demo\n\n{BODY}\n"
    path = write("haushalt.txt", raw)
    doc = _one_doc(read_all([path]))
    assert doc.text == BODY
    assert doc.title == "Haushalt beschlossen"
    assert doc.published == PartialDate("2017-03-05", "day")
    assert doc.metadata["outlet"] == "chronik-demo"
    assert doc.source == str(path)
    assert "title" not in doc.text and "chronik-demo" not in doc.text
    # text_offset says where the article starts in the (decoded) file
    assert raw[doc.metadata["text_offset"]:].startswith(doc.text)
    assert doc.issues == []


def test_text_without_header_is_the_whole_file(write):
    path = write("ohne.txt", f"\n\n  {BODY}  \n")
    doc = _one_doc(read_all([path]))
    assert doc.text == BODY
    assert doc.title is None
    assert doc.published is None
    assert doc.metadata["text_offset"] == 4


def test_text_inline_date_form_starts_at_the_article(write):
    raw = (" date 2017-03 Kasachstan, Tadschikistan und Kirgistan besuchte der Kremlchef in dieser Woche. "
           "In Astana sprach er über Handel und Sicherheit.")
    doc = _one_doc(read_all([write("zentralasien.txt", raw)]))
    assert doc.text.startswith("Kasachstan, Tadschikistan")
    assert doc.text == raw[len(" date 2017-03 "):]
    assert doc.published == PartialDate("2017-03", "month")
    assert doc.published.precision == "month"
    assert "date" not in doc.text[:10]
    assert raw[doc.metadata["text_offset"]:] == doc.text


@pytest.mark.parametrize(
    ("line", "value", "precision"),
    [
        ("date 2017", "2017", "year"),
        ("date 2017-03", "2017-03", "month"),
        ("published 2017-03-05", "2017-03-05", "day"),
        ("date 05.03.2017", "2017-03-05", "day"),
        ("date 2017-03-05 10:20", "2017-03-05T10:20", "minute"),
        ("date 2017-03-05T10:20:30+01:00", "2017-03-05T10:20:30+01:00", "second"),
    ],
)
def test_text_header_date_keeps_its_precision(write, line, value, precision):
    raw = f"{line}\ntitle Haushalt beschlossen\n\n{BODY}"
    doc = _one_doc(read_all([write("datum.txt", raw)]))
    assert doc.published == PartialDate(value, precision)
    assert doc.title == "Haushalt beschlossen"  # the header went on past the date line
    assert doc.text == BODY


def test_text_unparseable_header_date_is_an_issue_not_a_rejection(write):
    doc = _one_doc(read_all([write("gestern.txt", f"title Haushalt\ndate gestern\n\n{BODY}")]))
    assert doc.published is None
    assert doc.metadata["published_raw"] == "gestern"
    assert [i.code for i in doc.issues] == ["bad-date"]
    assert doc.text == BODY


@pytest.mark.parametrize(
    ("key", "value", "check"),
    [
        ("url", "https://example.org/goerlitz/haushalt", lambda d: d.metadata["url"]),
        ("author", "Petra Lindner", lambda d: d.metadata["author"]),
        ("id", "goerlitz-2017-001", lambda d: d.id),
        ("language", "de", lambda d: d.language),
        ("lang", "de", lambda d: d.language),
    ],
)
def test_text_header_keys_are_mapped(write, key, value, check):
    doc = _one_doc(read_all([write("kopf.txt", f"title Haushalt\n{key} {value}\n\n{BODY}")]))
    assert check(doc) == value
    assert doc.text == BODY


def test_text_without_id_header_gets_a_content_id(write):
    a = _one_doc(read_all([write("a.txt", f"title Eins\n\n{BODY}")]))
    b = _one_doc(read_all([write("b.txt", BODY)]))
    assert a.id == b.id  # the id is computed from the text only
    assert len(a.id) == 20


def test_text_crlf_header_is_understood(write):
    raw = "title Haushalt\r\ndate 2017-03-05\r\n\r\n" + BODY.replace("\n", "\r\n")
    doc = _one_doc(read_all([write("crlf.txt", raw.encode("utf-8"))]))
    assert doc.title == "Haushalt"
    assert doc.published == PartialDate("2017-03-05", "day")
    assert doc.text == BODY.replace("\n", "\r\n")  # the article's own line breaks are left alone


def test_text_a_line_that_only_looks_like_a_header_stays_in_the_text(write):
    # "Titel" (German) is not a header key; neither is a key with an upper-case letter.
    raw = f"Titel der Woche: Haushalt\n\n{BODY}"
    doc = _one_doc(read_all([write("titel.txt", raw)]))
    assert doc.text == raw
    assert doc.title is None


def test_text_only_a_header_is_rejected_as_empty(write):
    path = write("nur-kopf.txt", "title Haushalt beschlossen\ndate 2017-03-05\n\n   \n")
    items = read_all([path])
    assert len(items) == 1
    rej = items[0]
    assert isinstance(rej, Rejection)
    assert rej.code == "R102"
    assert rej.source == str(path)


def test_text_unchanged_inner_whitespace_and_unicode(write):
    body = "Die Ministerin\u00a0sagte:\t„Nein.“\n\n\nCafe\u0301 in Köln – 20\u202f% mehr 🙂"
    doc = _one_doc(read_all([write("roh.txt", f"title Roh\n\n{body}\n")]))
    assert doc.text == body


def test_text_split_header_returns_offset_of_the_article():
    raw = "title Brücke eröffnet\nsource lokal\n\nDer Bürgermeister von Jena eröffnete die Brücke."
    fields, offset = split_header(raw)
    assert fields == {"title": "Brücke eröffnet", "source": "lokal"}
    assert raw[offset:].lstrip() == "Der Bürgermeister von Jena eröffnete die Brücke."


def test_text_read_text_rejects_binary_with_its_source():
    out = list(read_text(b"\x00\x01\x02PK\x03\x04" * 20, "zip.txt", ReadContext()))
    assert len(out) == 1 and isinstance(out[0], Rejection)
    assert out[0].code == "R103"
    assert out[0].source == "zip.txt"
