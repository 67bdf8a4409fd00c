"""WARC archives: HTML responses become documents, other records are skipped, damage is rejected."""

from __future__ import annotations

import io

import pytest

from chronik.document import Document, Rejection
from chronik.ingest import ReadContext
from chronik.ingest.warc import read_warc
from chronik.time import PartialDate

from ._helpers import ARTICLE_PARAGRAPHS, ARTICLE_TITLE, NAV_ONLY_PAGE, article_page, make_warc, read_all

URI = "https://example.org/politik/vilnius"
RIGA = ("Die Außenministerin ist am Dienstag weiter nach Riga gereist. Dort sprach sie mit der lettischen "
        "Regierungschefin über die Lage an der Ostgrenze des Bündnisses.",
        "„Lettland kann sich auf Deutschland verlassen“, sagte sie nach dem Treffen. Beide Seiten vereinbarten "
        "regelmäßige Konsultationen der Außenministerien.",
        "Die lettische Regierungschefin sprach von einem wichtigen Zeichen. Die Opposition in Riga forderte "
        "dagegen konkrete Zusagen für die Luftverteidigung.")


def _archive(gzip: bool = False) -> bytes:
    return make_warc([
        (URI, "text/html; charset=utf-8", article_page().encode("utf-8")),
        ("https://example.org/bilder/vilnius.png", "image/png", b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(64)),
    ], gzip=gzip)


@pytest.mark.parametrize(("name", "gzip"), [("archiv.warc", False), ("archiv.warc.gz", True)])
def test_warc_html_response_becomes_a_document_and_other_records_are_skipped(write, name, gzip):
    path = write(name, _archive(gzip))
    items = read_all([path])
    assert len(items) == 1  # warcinfo and the PNG response give nothing
    doc = items[0]
    assert isinstance(doc, Document)
    for para in ARTICLE_PARAGRAPHS:
        assert para in doc.text
    assert "Impressum" not in doc.text
    assert doc.title == ARTICLE_TITLE
    assert doc.source == URI
    assert doc.metadata["url"] == URI
    assert doc.metadata["warc"] == str(path)
    assert doc.metadata["warc_date"]  # the record's WARC-Date
    assert doc.published == PartialDate("2017-03-06", "day")


def test_warc_several_pages_in_order(write):
    data = make_warc([
        (URI, "text/html", article_page().encode()),
        ("https://example.org/politik/riga", "application/xhtml+xml",
         article_page(RIGA, title="Außenministerin in Riga").encode()),
    ])
    docs = read_all([write("zwei.warc", data)])
    assert [d.source for d in docs] == [URI, "https://example.org/politik/riga"]
    assert [d.title for d in docs] == [ARTICLE_TITLE, "Außenministerin in Riga"]
    assert RIGA[1] in docs[1].text


def test_warc_detected_from_content_without_extension(write):
    (doc,) = read_all([write("archiv-ohne-endung", _archive())])
    assert isinstance(doc, Document) and doc.source == URI


def test_warc_page_without_article_is_rejected_with_the_record_id(write):
    data = make_warc([(URI, "text/html", NAV_ONLY_PAGE.encode()),
                      ("https://example.org/politik/riga", "text/html", article_page(RIGA).encode())])
    items = read_all([write("start.warc", data)])
    assert [type(i).__name__ for i in items] == ["Rejection", "Document"]
    assert items[0].code == "R108"
    assert items[0].locator.startswith("record <urn:uuid:")
    assert items[1].source == "https://example.org/politik/riga"


def test_warc_page_over_the_document_limit_is_rejected_and_the_next_read(write):
    big = article_page(ARTICLE_PARAGRAPHS * 20).encode()
    small = article_page(RIGA).encode()
    data = make_warc([(URI, "text/html", big), ("https://example.org/politik/riga", "text/html", small)])
    ctx = ReadContext(max_document_bytes=len(small) + 10)
    items = read_all([write("gross.warc", data)], ctx)
    assert [type(i).__name__ for i in items] == ["Rejection", "Document"]
    assert items[0].code == "R105"
    assert items[0].locator.startswith("record <urn:uuid:")


def test_warc_cp1252_page_is_repaired(write):
    page = article_page().replace('<meta charset="utf-8">', "").encode("cp1252")
    (doc,) = read_all([write("ansi.warc", make_warc([(URI, "text/html", page)]))])
    assert isinstance(doc, Document)
    assert ARTICLE_PARAGRAPHS[1] in doc.text
    assert [i.code for i in doc.issues] == ["encoding-repaired"]


def test_warc_archive_without_html_is_recorded(write):
    data = make_warc([("https://example.org/daten.json", "application/json", b'{"a": 1}')])
    (rej,) = read_all([write("ohne-html.warc", data)])
    assert isinstance(rej, Rejection) and rej.code == "R108" and "no HTML page" in rej.detail


def _corrupt_cases() -> list[tuple[str, bytes]]:
    plain, gz = _archive(False), _archive(True)
    start = plain.index(b"WARC-Type: response")
    return [
        ("text.warc", b"Kein Archiv, nur ein Satz.\n"),
        ("fuenf-woerter.warc", b"Das ist kein Archiv sondern ein Satz.\nZweite Zeile\n"),
        ("gzip-muell.warc.gz", b"\x1f\x8b" + b"kaputt" * 40),
        ("gzip-gekippt.warc.gz", gz[:200] + bytes([gz[200] ^ 0xFF]) + gz[201:]),
        ("abgeschnitten-kopf.warc.gz", gz[:20]),
        ("abgeschnitten-mitte.warc", plain[: start + 1200]),
        ("abgeschnitten-header.warc", plain[: start + 150]),
        ("ohne-uri.warc", b"WARC/1.0\r\nWARC-Type: response\r\nContent-Type: application/http; msgtype=response\r\n"
                          b"Content-Length: 40\r\n\r\nHTTP/1.1 200 OK\r\nContent-Type: text/html\r\n\r\n<ht"),
        ("falsche-laenge.warc", plain.replace(b"Content-Length: 2", b"Content-Length: 12", 1)),
    ]


@pytest.mark.parametrize(("name", "data"), _corrupt_cases(), ids=[n for n, _ in _corrupt_cases()])
def test_warc_corrupt_archive_is_rejected(write, name, data):
    path = write(name, data)
    items = read_all([path])
    rejections = [i for i in items if isinstance(i, Rejection)]
    assert len(rejections) == 1, items
    assert rejections[0].code == "R110"
    assert rejections[0].source == str(path)
    assert not any(isinstance(i, Document) for i in items)


def test_warc_garbage_after_good_records_keeps_the_pages(write):
    data = _archive() + b"Noch mehr Text ohne WARC-Kopf\n"
    items = read_all([write("angehaengt.warc", data)])
    assert [type(i).__name__ for i in items] == ["Document", "Rejection"]
    assert items[0].source == URI
    assert items[1].code == "R110"


def test_warc_read_warc_on_a_stream():
    out = list(read_warc(io.BytesIO(_archive(gzip=True)), "<stdin>", ReadContext()))
    assert len(out) == 1 and isinstance(out[0], Document)
    assert out[0].metadata["warc"] == "<stdin>"
