"""HTML pages: the article's text and metadata via trafilatura; pages without an article are rejected."""

from __future__ import annotations

import pytest

from chronik.document import Document, Rejection
from chronik.ingest import ReadContext
from chronik.ingest.html import MAX_TAG_DEPTH, html_to_document
from chronik.time import PartialDate

from ._helpers import ARTICLE_PARAGRAPHS, ARTICLE_TITLE, NAV_ONLY_PAGE, article_page, read_all


def test_html_article_text_title_and_date(write):
    path = write("vilnius.html", article_page())
    items = read_all([path])
    assert len(items) == 1
    doc = items[0]
    assert isinstance(doc, Document)
    for para in ARTICLE_PARAGRAPHS:
        assert para in doc.text
    # navigation and footer are not part of the article
    for boiler in ("Wirtschaft", "Impressum", "Datenschutz"):
        assert boiler not in doc.text
    assert doc.title == ARTICLE_TITLE
    assert doc.published == PartialDate("2017-03-06", "day")
    assert doc.source == str(path)
    assert doc.text == doc.text.strip()
    # paragraphs stay in order
    positions = [doc.text.index(p) for p in ARTICLE_PARAGRAPHS]
    assert positions == sorted(positions)


def test_html_page_without_article_is_rejected(write):
    path = write("start.html", NAV_ONLY_PAGE)
    items = read_all([path])
    assert len(items) == 1
    rej = items[0]
    assert isinstance(rej, Rejection)
    assert rej.code == "R108"
    assert rej.source == str(path)
    assert "min_article_chars" in rej.detail
    assert rej.sample.startswith("<!DOCTYPE html>")


def test_html_min_article_chars_is_obeyed(write):
    path = write("vilnius.html", article_page())
    assert isinstance(read_all([path], ReadContext(min_article_chars=100))[0], Document)
    rej = read_all([path], ReadContext(min_article_chars=100_000))[0]
    assert isinstance(rej, Rejection) and rej.code == "R108"


@pytest.mark.parametrize("name", ["seite.htm", "seite.xhtml", "seite"])
def test_html_detected_by_extension_or_content(write, name):
    (doc,) = read_all([write(name, article_page())])
    assert isinstance(doc, Document)
    assert ARTICLE_PARAGRAPHS[0] in doc.text


def test_html_cp1252_page_is_repaired(write):
    page = article_page().replace('<meta charset="utf-8">', "")
    (doc,) = read_all([write("ansi.html", page.encode("cp1252"))])
    assert isinstance(doc, Document)
    assert ARTICLE_PARAGRAPHS[1] in doc.text  # „…“ and umlauts decoded correctly
    assert [i.code for i in doc.issues] == ["encoding-repaired"]


def test_html_deeply_nested_tags_are_rejected_without_recursion(write):
    depth = MAX_TAG_DEPTH * 5
    page = "<html><body>" + "<div>" * depth + "Tief verschachtelt." + "</div>" * depth + "</body></html>"
    items = read_all([write("tief.html", page)])
    assert len(items) == 1
    assert isinstance(items[0], Rejection) and items[0].code == "R108"


def test_html_url_becomes_source_and_metadata():
    ctx = ReadContext()
    doc = html_to_document(article_page(), "seite.html", ctx, url="https://example.org/politik/vilnius")
    assert isinstance(doc, Document)
    assert doc.source == "https://example.org/politik/vilnius"
    assert doc.metadata["url"] == "https://example.org/politik/vilnius"


@pytest.mark.parametrize("junk", ["", "<", "<html>", "<<<>>>" * 50, "<p>" * 3000, "\ufeff<html><body>"])
def test_html_junk_markup_is_rejected_not_raised(junk):
    out = html_to_document(junk, "junk.html", ReadContext())
    assert isinstance(out, Rejection)
    assert out.code == "R108"
