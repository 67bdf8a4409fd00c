"""One batch of every kind of bad input next to good articles: each bad one is one Rejection, nothing raises."""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from chronik.document import Document, Rejection
from chronik.ingest import ReadContext, read_inputs

from ._helpers import NAV_ONLY_PAGE, make_warc, read_all, within

GOOD_TXT = ("title Schulgesetz beschlossen\ndate 2017-03-05\nsource chronik-test\n\n"
            "Der Landtag in Kiel hat am Mittwoch das neue Schulgesetz beschlossen. „Das ist ein guter Tag für "
            "die Schulen im Land“, sagte die Bildungsministerin nach der Abstimmung.")
GOOD_TXT_BODY = GOOD_TXT.split("\n\n", 1)[1]
GOOD_JSONL_TEXT = ("Die Außenministerin reiste am Montag nach Vilnius.\r\n„Wir stehen an der Seite unserer "
                   "Partner“, sagte sie. 🇱🇹")

# max_document_bytes for the batch: far above the good articles and above the 200 KB of the deeply nested
# JSON (which must be refused for its depth, not its size), below the too-large file
LIMIT = 250_000


def _bad_inputs(root: Path) -> dict[str, str]:
    """Write one file of each bad kind under root; return {relative path: expected code}."""
    expected: dict[str, str] = {}

    def bad(name: str, data: bytes, code: str) -> None:
        path = root / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(data)
        expected[name] = code

    bad("leer.txt", b"", "R102")
    bad("nur-leerzeichen.txt", b"   \n\t\n", "R102")
    bad("bild.txt", b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)), "R103")
    bad("gemischt.txt", "Die Sitzung „läuft“ noch.".encode() + " Später äußerte sich der Bürgermeister.".encode(
        "latin-1"), "R104")
    bad("zu-gross.txt", ("Der Ausschuss tagte bis in die Nacht. " * 8000).encode(), "R105")
    bad("kaputt.jsonl", b'{"text": "Der Satz bricht ab', "R106")
    bad("tief.json", b"[" * 100_000 + b"]" * 100_000, "R106")
    bad("ohne-text.jsonl", json.dumps({"title": "Nur ein Titel", "date": "2017-03-05"}).encode(), "R107")
    bad("menue.html", NAV_ONLY_PAGE.encode(), "R108")
    bad("kein-feed.xml", b"<?xml version='1.0'?><rss version='2.0'><channel><title>Leer</title></channel></rss>",
        "R109")
    bad("kaputt.warc", b"Das ist kein Archiv sondern ein Satz.\n", "R110")
    bad("unter/abgeschnitten.warc.gz",
        make_warc([("https://example.org/a", "text/html", NAV_ONLY_PAGE.encode())], gzip=True)[:30], "R110")
    bad("unbekannt.csv", b"\x00\x00\x00\x01" * 10, "R103")
    link = root / "verwaist.txt"
    link.symlink_to(root / "ziel-fehlt.txt")
    expected["verwaist.txt"] = "R101"
    os.mkfifo(root / "rohr.txt")
    expected["rohr.txt"] = "R101"
    if os.geteuid() != 0:  # root reads files whatever their permissions
        bad("gesperrt.txt", GOOD_TXT.encode(), "R101")
        (root / "gesperrt.txt").chmod(0)
    return expected


def test_bad_input_batch_every_bad_input_is_one_rejection_and_good_ones_come_through(tmp_path):
    root = tmp_path / "stapel"
    root.mkdir()
    expected = _bad_inputs(root)
    (root / "gut-1.txt").write_text(GOOD_TXT, encoding="utf-8")
    (root / "unter").mkdir(exist_ok=True)
    (root / "unter" / "gut-2.jsonl").write_text(
        json.dumps({"id": "gut-2", "title": "Besuch in Vilnius", "text": GOOD_JSONL_TEXT}, ensure_ascii=False) + "\n",
        encoding="utf-8")
    missing = tmp_path / "fehlt.txt"
    try:
        items = within(60, lambda: read_all([root, missing], ReadContext(max_document_bytes=LIMIT)))
    finally:
        if (root / "gesperrt.txt").exists():
            (root / "gesperrt.txt").chmod(0o644)

    rejections = [i for i in items if isinstance(i, Rejection)]
    docs = [i for i in items if isinstance(i, Document)]
    by_source: dict[str, list[str]] = {}
    for r in rejections:
        by_source.setdefault(r.source, []).append(r.code)
    want = {str(root / name): [code] for name, code in expected.items()}
    want[str(missing)] = ["R100"]
    assert by_source == want  # exactly one rejection per bad input, with the expected code
    assert len(rejections) == len(expected) + 1

    assert len(docs) == 2
    txt, jsonl = docs
    assert txt.source == str(root / "gut-1.txt")
    assert txt.text == GOOD_TXT_BODY
    assert txt.title == "Schulgesetz beschlossen"
    assert str(txt.published) == "2017-03-05"
    assert jsonl.id == "gut-2"
    assert jsonl.text == GOOD_JSONL_TEXT
    assert jsonl.title == "Besuch in Vilnius"
    assert txt.issues == [] and jsonl.issues == []
    # every rejection can be recorded: it serialises and says what it is
    for r in rejections:
        rec = r.to_json()
        json.dumps(rec)
        assert rec["code"] == r.code and rec["reason"] and rec["detail"]


EXTENSIONS = [".txt", ".jsonl", ".csv", ".html", ".xml", ".warc"]
# Starts that lead the reader down each format's deeper paths, followed by arbitrary bytes.
PREFIXES = [b"", b"title X\ndate 2017-03\n\n", b" date 2017-03 ", b'{"text": "', b"[", b"text,title\n",
            b"<!DOCTYPE html><html><body><article><p>", b"<?xml version='1.0'?><rss version='2.0'><channel><item>",
            b"<feed xmlns='http://www.w3.org/2005/Atom'><entry><content type='html'>", b"WARC/1.0\r\n",
            b"\x1f\x8b\x08\x00", b"\xef\xbb\xbf", b"\xff\xfe"]


@settings(max_examples=100, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(ext=st.sampled_from(EXTENSIONS), prefix=st.sampled_from(PREFIXES), data=st.binary(max_size=3000))
def test_bad_input_arbitrary_bytes_never_raise(tmp_path_factory, ext, prefix, data):
    path = tmp_path_factory.mktemp("zufall") / f"eingabe{ext}"
    path.write_bytes(prefix + data)
    out = list(read_inputs([str(path)], ReadContext(max_document_bytes=2000, min_article_chars=20)))
    assert all(isinstance(o, (Document, Rejection)) for o in out)
    for o in out:
        if isinstance(o, Document):
            assert o.text.strip()
            o.text.encode("utf-8")  # valid Unicode, no lone surrogates
        else:
            assert o.code.startswith("R")


@pytest.mark.parametrize("ext", EXTENSIONS)
@pytest.mark.parametrize("prefix", PREFIXES)
def test_bad_input_truncated_starts_never_raise(tmp_path, ext, prefix):
    path = tmp_path / f"anfang{ext}"
    path.write_bytes(prefix or b"x")
    out = list(read_inputs([str(path)]))
    assert all(isinstance(o, (Document, Rejection)) for o in out)
