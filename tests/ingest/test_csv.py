"""CSV and TSV: with a header naming the columns, and headerless `label;'text'` corpora."""

from __future__ import annotations

import pytest

from chronik.document import Document, Rejection
from chronik.ingest import ReadContext
from chronik.time import PartialDate

from ._helpers import docs_of, read_all

VILNIUS = ("Die Außenministerin reiste am Montag nach Vilnius. „Wir stehen an der Seite unserer Partner“, "
           "sagte sie.")
WOLFSBURG = "Der Autobauer aus Wolfsburg meldet einen Gewinnrückgang; die Aktie gab nach."
FREIBURG = "Der SC Freiburg gewann am Samstag 2:1 gegen Mainz, obwohl er lange zurücklag."


def test_csv_with_header_maps_text_title_and_date(write):
    data = (
        "text,title,date\n"
        f'"{VILNIUS}",Besuch in Vilnius,2017-03-06\n'
        '"Der Autobauer meldet einen Gewinnrückgang, die Aktie gab nach.\n'
        'Zweiter Absatz mit ""Zitat"".",Gewinnrückgang,06.03.2017\n'
        f'"{FREIBURG}",Heimsieg,2017-03\n'
    )
    path = write("nachrichten.csv", data)
    docs = read_all([path])
    assert len(docs) == 3 and all(isinstance(d, Document) for d in docs)
    assert docs[0].text == VILNIUS
    assert docs[0].title == "Besuch in Vilnius"
    assert docs[0].published == PartialDate("2017-03-06", "day")
    # a quoted field keeps its comma, line break and doubled quotes (as single quotes)
    assert docs[1].text == 'Der Autobauer meldet einen Gewinnrückgang, die Aktie gab nach.\nZweiter Absatz mit "Zitat".'
    assert docs[1].published == PartialDate("2017-03-06", "day")
    assert docs[2].published == PartialDate("2017-03", "month")
    assert all(d.source == str(path) for d in docs)
    assert [d.metadata["record"] for d in docs] == ["row 2", "row 3", "row 4"]


def test_csv_headerless_label_semicolon_quote_style(write):
    data = (
        f"politik;'{VILNIUS}'\n"
        f"wirtschaft;'{WOLFSBURG}'\n"
        f"sport;'{FREIBURG}'\n"
    )
    docs = read_all([write("korpus.csv", data)])
    assert [type(d).__name__ for d in docs] == ["Document"] * 3
    assert [d.text for d in docs] == [VILNIUS, WOLFSBURG, FREIBURG]  # quotes gone, inner ; and , kept
    assert [d.metadata["column_1"] for d in docs] == ["politik", "wirtschaft", "sport"]
    assert [d.metadata["record"] for d in docs] == ["row 1", "row 2", "row 3"]
    assert all(d.title is None for d in docs)


def test_csv_header_without_text_column_uses_the_longest_column(write):
    data = (
        "title;date;inhalt\n"
        f"Besuch;2017-03-06;{VILNIUS}\n"
        f"Quartal;2017-04-02;{WOLFSBURG.replace(';', ',')}\n"
    )
    docs = read_all([write("ohne-text-spalte.csv", data)])
    assert [d.text for d in docs] == [VILNIUS, WOLFSBURG.replace(";", ",")]
    assert [d.title for d in docs] == ["Besuch", "Quartal"]
    assert docs[1].published == PartialDate("2017-04-02", "day")


def test_csv_tsv_file(write):
    data = f"title\ttext\nBesuch\t{VILNIUS}\nSieg\t{FREIBURG}\n"
    docs = read_all([write("nachrichten.tsv", data)])
    assert [d.text for d in docs] == [VILNIUS, FREIBURG]
    assert [d.title for d in docs] == ["Besuch", "Sieg"]


def test_csv_row_with_wrong_field_count_is_rejected_alone(write):
    data = (
        "text,title,date\n"
        f'"{VILNIUS}",Besuch,2017-03-06\n'
        f'"{WOLFSBURG}",Quartal\n'
        f'"{FREIBURG}",Sieg,2017-03-04\n'
    )
    path = write("luecke.csv", data)
    items = read_all([path])
    assert [type(i).__name__ for i in items] == ["Document", "Rejection", "Document"]
    rej = items[1]
    assert rej.code == "R106"
    assert rej.locator == "row 3"
    assert rej.source == str(path)
    assert [d.text for d in docs_of(items)] == [VILNIUS, FREIBURG]


def test_csv_row_with_blank_text_is_rejected_as_empty(write):
    data = f'text,title\n"{VILNIUS}",Besuch\n"   ",Leer\n'
    items = read_all([write("leer.csv", data)])
    assert [type(i).__name__ for i in items] == ["Document", "Rejection"]
    assert items[1].code == "R102" and items[1].locator == "row 3"


def test_csv_text_longer_than_the_document_limit_is_rejected(write):
    long_text = "Die Debatte im Bundestag dauerte bis in die Nacht. " * 20
    data = f'text,title\n"{long_text}",Lang\n"{FREIBURG}",Kurz\n'
    items = read_all([write("lang.csv", data)], ReadContext(max_document_bytes=500))
    assert [type(i).__name__ for i in items] == ["Rejection", "Document"]
    assert items[0].code == "R105" and items[0].locator == "row 2"
    assert items[1].text == FREIBURG


@pytest.mark.parametrize(("data", "code"), [(b"", "R102"), (b" \n\n\t\n", "R102"), (b"\x00\x00\x01" * 50, "R103")])
def test_csv_file_that_holds_no_rows(write, data, code):
    items = read_all([write("nichts.csv", data)])
    assert len(items) == 1 and isinstance(items[0], Rejection)
    assert items[0].code == code


def test_csv_cp1252_file_is_repaired_on_every_row(write):
    data = f"text;title\n{VILNIUS};Besuch\n{FREIBURG};Sieg\n".encode("cp1252")
    docs = read_all([write("ansi.csv", data)])
    assert [d.text for d in docs] == [VILNIUS, FREIBURG]
    assert all([i.code for i in d.issues] == ["encoding-repaired"] for d in docs)
