"""RSS 2.0 and Atom feeds: one document per item, dated with the item's own date."""

from __future__ import annotations

import pytest

from chronik.document import Document, Rejection
from chronik.ingest import ReadContext
from chronik.ingest.feed import fragment_to_text
from chronik.time import PartialDate

from ._helpers import docs_of, read_all

RSS = """<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/">
<channel>
  <title>Landesnachrichten</title>
  <link>https://example.org/</link>
  <description>Nachrichten aus dem Land</description>
  <item>
    <title>Landtag beschließt Schulgesetz</title>
    <link>https://example.org/landtag-schulgesetz</link>
    <guid isPermaLink="false">lnd-1001</guid>
    <pubDate>Sun, 05 Mar 2017 10:20:30 +0100</pubDate>
    <author>redaktion@example.org (Jana Krüger)</author>
    <description>Der Landtag in Kiel hat am Sonntag das neue Schulgesetz beschlossen.</description>
  </item>
  <item>
    <title>Streik im Nahverkehr</title>
    <link>https://example.org/streik</link>
    <guid isPermaLink="false">lnd-1002</guid>
    <pubDate>Mon, 06 Mar 2017 00:30:00 +0100</pubDate>
    <description><![CDATA[<p>Busse und Bahnen stehen am Montag still.</p>
      <p>„Wir wollen mehr Lohn“, sagte ein Gewerkschafter.</p>]]></description>
  </item>
  <item>
    <title>Hafen meldet Rekord</title>
    <link>https://example.org/hafen</link>
    <pubDate>Tue, 07 Mar 2017 08:00:00 GMT</pubDate>
    <description>Kurzfassung.</description>
    <content:encoded><![CDATA[
      <p>Der Hafen hat im vergangenen Jahr so viele Container umgeschlagen wie nie zuvor.</p>
    ]]></content:encoded>
  </item>
</channel>
</rss>
"""

ATOM = """<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom">
  <title>Stadtblatt</title>
  <id>urn:uuid:stadtblatt</id>
  <updated>2017-03-06T12:00:00+01:00</updated>
  <entry>
    <title>Neue Brücke eröffnet</title>
    <id>urn:uuid:bruecke</id>
    <link href="https://example.org/bruecke"/>
    <published>2017-03-06T09:15:00+01:00</published>
    <updated>2017-03-06T11:00:00+01:00</updated>
    <content type="html">&lt;p&gt;Die Oberbürgermeisterin hat am Montag die neue Saalebrücke eröffnet.&lt;/p&gt;
    </content>
  </entry>
  <entry>
    <title>Stadtrat tagt</title>
    <id>urn:uuid:stadtrat</id>
    <link href="https://example.org/stadtrat"/>
    <published>2017-03-05</published>
    <summary>Der Stadtrat berät am Donnerstag über den Nahverkehrsplan.</summary>
  </entry>
</feed>
"""


def test_feed_rss_items_become_documents(write):
    path = write("land.rss", RSS)
    items = read_all([path])
    assert len(items) == 3
    docs = docs_of(items)
    assert len(docs) == 3
    assert [d.title for d in docs] == ["Landtag beschließt Schulgesetz", "Streik im Nahverkehr", "Hafen meldet Rekord"]
    assert docs[0].text == "Der Landtag in Kiel hat am Sonntag das neue Schulgesetz beschlossen."
    # HTML in the description: paragraphs become blank-line separated text, tags gone
    assert docs[1].text == ("Busse und Bahnen stehen am Montag still.\n\n"
                            "„Wir wollen mehr Lohn“, sagte ein Gewerkschafter.")
    # content:encoded wins over the short description
    assert docs[2].text == "Der Hafen hat im vergangenen Jahr so viele Container umgeschlagen wie nie zuvor."
    assert [d.id for d in docs[:2]] == ["lnd-1001", "lnd-1002"]
    assert [d.source for d in docs] == ["https://example.org/landtag-schulgesetz", "https://example.org/streik",
                                         "https://example.org/hafen"]
    assert [d.metadata["item"] for d in docs] == [1, 2, 3]
    assert all(d.metadata["feed"] == str(path) for d in docs)
    assert all(d.metadata["feed_title"] == "Landesnachrichten" for d in docs)
    assert docs[0].metadata["url"] == "https://example.org/landtag-schulgesetz"
    assert "Jana Krüger" in docs[0].metadata["author"]


def test_feed_rss_dates_are_the_items_own_dates(write):
    docs = docs_of(read_all([write("land.xml", RSS)]))
    assert [d.published for d in docs] == [
        PartialDate("2017-03-05T10:20:30+01:00", "second"),
        PartialDate("2017-03-06T00:30:00+01:00", "second"),
        PartialDate("2017-03-07T08:00:00+00:00", "second"),
    ]
    # 00:30 local time on 6 March is still 6 March, not 5 March as in UTC
    assert docs[1].published.first_day.isoformat() == "2017-03-06"


def test_feed_atom_entries_become_documents(write):
    path = write("stadt.atom", ATOM)
    docs = read_all([path])
    assert len(docs) == 2 and all(isinstance(d, Document) for d in docs)
    assert docs[0].text == "Die Oberbürgermeisterin hat am Montag die neue Saalebrücke eröffnet."
    assert docs[0].title == "Neue Brücke eröffnet"
    assert docs[0].id == "urn:uuid:bruecke"
    assert docs[0].source == "https://example.org/bruecke"
    assert docs[0].published == PartialDate("2017-03-06T09:15:00+01:00", "second")  # published, not updated
    assert docs[1].text == "Der Stadtrat berät am Donnerstag über den Nahverkehrsplan."
    # a bare date stays a day; no time of day is invented
    assert docs[1].published == PartialDate("2017-03-05", "day")
    assert docs[1].metadata["feed_title"] == "Stadtblatt"


def test_feed_item_without_date_has_no_published(write):
    rss = RSS.replace("<pubDate>Sun, 05 Mar 2017 10:20:30 +0100</pubDate>", "")
    docs = docs_of(read_all([write("ohne-datum.rss", rss)]))
    assert docs[0].published is None
    assert docs[1].published is not None


def test_feed_item_without_text_is_rejected_alone(write):
    rss = RSS.replace("<description>Der Landtag in Kiel hat am Sonntag das neue Schulgesetz beschlossen.</description>",
                      "")
    path = write("luecke.rss", rss)
    items = read_all([path])
    assert [type(i).__name__ for i in items] == ["Rejection", "Document", "Document"]
    assert items[0].code == "R107"
    assert items[0].locator == "item 1"
    assert items[0].source == str(path)


def test_feed_item_over_the_document_limit_is_rejected(write):
    items = read_all([write("land.rss", RSS)], ReadContext(max_document_bytes=75))
    codes = [getattr(i, "code", None) for i in items]
    assert codes == [None, "R105", "R105"]  # item 1 is 69 bytes, items 2 and 3 are longer
    assert [i.locator for i in items[1:]] == ["item 2", "item 3"]


@pytest.mark.parametrize(
    "data",
    [
        b"<rss version='2.0'><channel><title>Kaputt",
        b"Das ist kein Feed, sondern ein Satz.",
        b"<?xml version='1.0'?><rss version='2.0'><channel><title>Leer</title></channel></rss>",
        b"<?xml version='1.0'?><feed xmlns='http://www.w3.org/2005/Atom'><title>Leer</title></feed>",
        b"\xef\xbb\xbf<?xml version='1.0'?><html><body><p>Keine Nachrichten</p></body></html>",
    ],
)
def test_feed_that_does_not_parse_or_has_no_items_is_rejected(write, data):
    path = write("kaputt.xml", data)
    items = read_all([path])
    assert len(items) == 1
    rej = items[0]
    assert isinstance(rej, Rejection)
    assert rej.code == "R109"
    assert rej.source == str(path)


def test_feed_content_is_never_taken_for_a_file_name(write, tmp_path):
    # feedparser.parse(bytes) opens the bytes as a path when such a file exists; the reader must not
    real = write("echt.rss", RSS)
    pointer = write("zeiger.xml", str(real).encode())
    items = read_all([pointer])
    assert len(items) == 1
    assert isinstance(items[0], Rejection) and items[0].code == "R109"


def test_feed_lone_surrogate_character_reference_does_not_raise(write):
    # &#xD800; is not well-formed XML; feedparser's lenient parser raised UnicodeEncodeError on it
    rss = RSS.replace("Der Landtag in Kiel", "&#xD800; Der Landtag in Kiel")
    path = write("surrogat.rss", rss)
    items = read_all([path])
    assert len(items) == 1
    assert isinstance(items[0], Rejection)
    assert items[0].code == "R109" and items[0].source == str(path)


def test_feed_escaped_lone_surrogate_in_html_content_gives_valid_text(write):
    atom = ATOM.replace("Die Oberbürgermeisterin", "&amp;#xD800; Die Oberbürgermeisterin")
    docs = read_all([write("surrogat.atom", atom)])
    assert len(docs) == 2 and all(isinstance(d, Document) for d in docs)
    for doc in docs:
        doc.text.encode("utf-8")  # raises on a lone surrogate
    assert docs[0].text.endswith("Die Oberbürgermeisterin hat am Montag die neue Saalebrücke eröffnet.")


def test_feed_character_references_without_tags_are_resolved(write):
    rss = RSS.replace(
        "<description>Der Landtag in Kiel hat am Sonntag das neue Schulgesetz beschlossen.</description>",
        "<description>Lehrer &amp;amp; Eltern: &amp;#8222;Endlich&amp;#8220;, sagte die Ministerin.</description>",
    )
    docs = docs_of(read_all([write("entities.rss", rss)]))
    assert docs[0].text == "Lehrer & Eltern: „Endlich“, sagte die Ministerin."


@pytest.mark.parametrize(
    ("fragment", "text"),
    [
        ("Nur Text.", "Nur Text."),
        ("<p>Erster Absatz.</p><p>Zweiter   Absatz.</p>", "Erster Absatz.\n\nZweiter Absatz."),
        ("Zeile eins<br>Zeile zwei", "Zeile eins\n\nZeile zwei"),
        ("<ul><li>Punkt A</li><li>Punkt B</li></ul>", "Punkt A\n\nPunkt B"),
        ("<b>Fett</b> und <i>kursiv</i> &amp; mehr", "Fett und kursiv & mehr"),
        # character references are resolved with or without tags around them
        ("Strom &amp; Gas", "Strom & Gas"),
        ("Sie sagte &#8222;Nein&#8220;.", "Sie sagte „Nein“."),
        ("<p>Sie sagte &#8222;Nein&#8220;.</p>", "Sie sagte „Nein“."),
        ("  ", ""),
    ],
)
def test_feed_fragment_to_text(fragment, text):
    assert fragment_to_text(fragment) == text
