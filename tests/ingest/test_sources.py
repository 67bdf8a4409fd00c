"""Where inputs come from: files, folders, globs, stdin, URLs; format detection; size limits."""

from __future__ import annotations

import http.server
import io
import json
import os
import socket
import threading
from pathlib import Path
from typing import ClassVar

import pytest

from chronik.document import Document, Rejection
from chronik.ingest import ReadContext, detect_format

from ._helpers import ARTICLE_PARAGRAPHS, article_page, docs_of, make_warc, read_all, within

KIEL = "title Landtag\ndate 2017-03-05\n\nDer Landtag in Kiel hat am Mittwoch das Schulgesetz beschlossen."
JENA = "Der Bürgermeister von Jena eröffnete am Freitag die neue Saalebrücke."
ERFURT = "In Erfurt demonstrierten am Samstag mehrere hundert Menschen für bezahlbare Mieten."


# --- files and folders -------------------------------------------------------------------------------

def test_sources_single_file_source_is_its_path(write):
    path = write("kiel.txt", KIEL)
    (doc,) = read_all([path])
    assert isinstance(doc, Document)
    assert doc.source == str(path)


def test_sources_folder_is_read_recursively_sorted_and_hidden_files_skipped(tmp_path, write):
    write("b.txt", JENA)
    write("a.txt", KIEL)
    write("unter/c.txt", ERFURT)
    write("unter/tiefer/d.jsonl", json.dumps({"text": "Tief im Ordner: der Kreistag tagte."}) + "\n")
    write("a-unter/e.txt", "Die Stadt Gera saniert ihre Schwimmhalle.")
    write(".versteckt.txt", "Diese Datei ist versteckt und wird übersprungen.")
    write(".git/config.txt", "Auch dieser Ordner ist versteckt.")
    write("unter/.ds.txt", "Versteckt in einem Unterordner.")
    items = read_all([tmp_path])
    assert all(isinstance(i, Document) for i in items)
    names = [Path(i.source).relative_to(tmp_path).as_posix() for i in items]
    # files of a folder first (sorted), then its subfolders (sorted), depth first
    assert names == ["a.txt", "b.txt", "a-unter/e.txt", "unter/c.txt", "unter/tiefer/d.jsonl"]
    assert not any("versteckt" in i.text.lower() for i in items)


def test_sources_empty_folder_gives_nothing(tmp_path):
    (tmp_path / "leer").mkdir()
    assert read_all([tmp_path / "leer"]) == []


def test_sources_inputs_keep_their_order(write):
    a, b, c = write("z.txt", JENA), write("y.txt", KIEL), write("x.txt", ERFURT)
    items = read_all([a, b, c])
    assert [i.source for i in items] == [str(a), str(b), str(c)]


def test_sources_missing_path_is_rejected(tmp_path, write):
    good = write("kiel.txt", KIEL)
    missing = tmp_path / "gibt-es-nicht.txt"
    items = read_all([missing, good])
    assert [type(i).__name__ for i in items] == ["Rejection", "Document"]
    assert items[0].code == "R100"
    assert items[0].source == str(missing)


def test_sources_missing_folder_in_a_path_is_rejected(tmp_path):
    (rej,) = read_all([tmp_path / "fehlt" / "auch.jsonl"])
    assert isinstance(rej, Rejection) and rej.code == "R100"


def test_sources_broken_symlink_is_unreadable(tmp_path):
    link = tmp_path / "kaputt.txt"
    link.symlink_to(tmp_path / "ziel-fehlt.txt")
    (rej,) = read_all([link])
    assert isinstance(rej, Rejection)
    assert rej.code == "R101"
    assert rej.source == str(link)


def test_sources_broken_symlink_inside_a_folder_is_unreadable(tmp_path, write):
    write("gut.txt", JENA)
    (tmp_path / "weg.txt").symlink_to(tmp_path / "nirgends.txt")
    items = read_all([tmp_path])
    assert [type(i).__name__ for i in items] == ["Document", "Rejection"]
    assert items[1].code == "R101" and items[1].source.endswith("weg.txt")


def test_sources_fifo_is_not_a_regular_file(tmp_path):
    fifo = tmp_path / "rohr.txt"
    os.mkfifo(fifo)
    (rej,) = within(20, lambda: read_all([fifo]))  # must not block waiting for a writer
    assert isinstance(rej, Rejection) and rej.code == "R101"


@pytest.mark.skipif(not hasattr(os, "geteuid") or os.geteuid() == 0,
                    reason="root reads files whatever their permissions")
def test_sources_unreadable_file_is_rejected(write):
    path = write("gesperrt.txt", KIEL)
    path.chmod(0)
    try:
        (rej,) = read_all([path])
    finally:
        path.chmod(0o644)
    assert isinstance(rej, Rejection)
    assert rej.code == "R101"
    assert "permission" in rej.detail


def test_sources_permission_error_on_open_is_rejected(write, monkeypatch):
    # the same path as chmod 000, but independent of who runs the tests
    path = write("gesperrt.txt", KIEL)
    real_open = Path.open

    def deny(self, *args, **kwargs):
        if self == path:
            raise PermissionError(13, "Permission denied", str(self))
        return real_open(self, *args, **kwargs)

    monkeypatch.setattr(Path, "open", deny)
    other = write("frei.txt", JENA)
    items = read_all([path, other])
    assert [type(i).__name__ for i in items] == ["Rejection", "Document"]
    assert items[0].code == "R101" and "permission denied" in items[0].detail


# --- globs -------------------------------------------------------------------------------------------

def test_sources_glob_matches_sorted_files(tmp_path, write):
    write("b.txt", JENA)
    write("a.txt", KIEL)
    write("c.jsonl", json.dumps({"text": ERFURT}))
    items = read_all([str(tmp_path / "*.txt")])
    assert [Path(i.source).name for i in items] == ["a.txt", "b.txt"]


def test_sources_recursive_glob(tmp_path, write):
    write("a.txt", KIEL)
    write("unter/b.txt", JENA)
    write("unter/tiefer/c.txt", ERFURT)
    write("unter/tiefer/d.csv", f"text\n{ERFURT}\n")
    items = read_all([str(tmp_path / "**" / "*.txt")])
    assert sorted(Path(i.source).relative_to(tmp_path).as_posix() for i in items) == [
        "a.txt", "unter/b.txt", "unter/tiefer/c.txt"]


def test_sources_glob_matching_a_folder_reads_the_folder(tmp_path, write):
    write("ordner1/a.txt", KIEL)
    write("ordner2/b.txt", JENA)
    items = read_all([str(tmp_path / "ordner?")])
    assert [Path(i.source).name for i in items] == ["a.txt", "b.txt"]


def test_sources_glob_matching_nothing_is_rejected(tmp_path):
    pattern = str(tmp_path / "*.jsonl")
    (rej,) = read_all([pattern])
    assert isinstance(rej, Rejection)
    assert rej.code == "R100"
    assert rej.source == pattern


# --- stdin -------------------------------------------------------------------------------------------

def test_sources_stdin_bytesio(write):
    items = read_all(["-"], stdin=io.BytesIO(KIEL.encode()))
    (doc,) = items
    assert isinstance(doc, Document)
    assert doc.source == "<stdin>"
    assert doc.title == "Landtag"
    assert doc.text == "Der Landtag in Kiel hat am Mittwoch das Schulgesetz beschlossen."


def test_sources_stdin_buffered_reader_jsonl():
    lines = "\n".join(json.dumps({"id": f"st-{i}", "text": t}) for i, t in enumerate([JENA, ERFURT])) + "\n"
    stream = io.BufferedReader(io.BytesIO(lines.encode()))
    docs = read_all(["-"], stdin=stream)
    assert [d.id for d in docs] == ["st-0", "st-1"]
    assert [d.text for d in docs] == [JENA, ERFURT]
    assert all(d.source == "<stdin>" for d in docs)


def test_sources_stdin_from_a_pipe():
    data = make_warc([("https://example.org/a", "text/html", article_page().encode())], gzip=True)
    r, w = os.pipe()
    writer = threading.Thread(target=lambda: (os.write(w, data), os.close(w)))
    writer.start()
    with open(r, "rb") as stdin:  # a BufferedReader that cannot seek
        items = read_all(["-"], stdin=stdin)
    writer.join()
    (doc,) = items
    assert isinstance(doc, Document) and ARTICLE_PARAGRAPHS[0] in doc.text


def test_sources_stdin_between_files_keeps_order(write):
    a, b = write("a.txt", JENA), write("b.txt", ERFURT)
    items = read_all([a, "-", b], stdin=io.BytesIO(KIEL.encode()))
    assert [i.source for i in items] == [str(a), "<stdin>", str(b)]


def test_sources_empty_stdin_is_rejected():
    (rej,) = read_all(["-"], stdin=io.BytesIO(b""))
    assert isinstance(rej, Rejection)
    assert rej.code == "R102" and rej.source == "<stdin>"


def test_sources_stdin_over_the_document_limit_is_rejected():
    ctx = ReadContext(max_document_bytes=100)
    (rej,) = read_all(["-"], ctx, stdin=io.BytesIO(((JENA + " ") * 10).encode()))
    assert isinstance(rej, Rejection)
    assert rej.code == "R105" and rej.source == "<stdin>"


# --- URLs --------------------------------------------------------------------------------------------

class _Handler(http.server.BaseHTTPRequestHandler):
    pages: ClassVar[dict[str, tuple[str, bytes]]] = {}

    def do_GET(self):
        path = self.path.split("?")[0]
        ctype, body = self.pages.get(path, ("text/plain", b""))
        self.send_response(200 if path in self.pages else 404)
        self.send_header("Content-Type", ctype)
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, *args):
        pass


@pytest.fixture
def server():
    httpd = http.server.ThreadingHTTPServer(("127.0.0.1", 0), _Handler)
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{httpd.server_address[1]}", _Handler.pages
    httpd.shutdown()
    _Handler.pages.clear()


def test_sources_url_html_page(server):
    base, pages = server
    pages["/politik/vilnius"] = ("text/html; charset=utf-8", article_page().encode())
    (doc,) = read_all([f"{base}/politik/vilnius"])
    assert isinstance(doc, Document)
    assert doc.source == f"{base}/politik/vilnius"
    assert ARTICLE_PARAGRAPHS[2] in doc.text


def test_sources_url_feed_told_by_content_type(server):
    base, pages = server
    # the <rss> tag comes after the first KiB, so only the Content-Type says this is a feed
    rss = ("<?xml version='1.0' encoding='utf-8'?><!-- " + "Kommentar " * 150 + "-->\n<rss version='2.0'>"
           f"<channel><title>T</title><item><title>Brücke</title><description>{JENA}</description></item>"
           "</channel></rss>")
    pages["/feed"] = ("application/rss+xml; charset=utf-8", rss.encode())
    (doc,) = read_all([f"{base}/feed?format=rss"])
    assert isinstance(doc, Document)
    assert doc.text == JENA and doc.title == "Brücke"


def test_sources_url_that_fails_is_rejected(server):
    base, _ = server
    with socket.socket() as s:  # a port nobody listens on
        s.bind(("127.0.0.1", 0))
        closed = f"http://127.0.0.1:{s.getsockname()[1]}/artikel"
        items = read_all([f"{base}/fehlt", closed], ReadContext(fetch_timeout=5))
    assert [i.code for i in items] == ["R111", "R111"]
    assert [i.source for i in items] == [f"{base}/fehlt", closed]


# --- format detection and override ---------------------------------------------------------------

@pytest.mark.parametrize(
    ("name", "head", "fmt"),
    [
        ("a.txt", b"Der Landtag tagte.", "text"),
        ("a.md", b"# Titel", "text"),
        ("a.jsonl", b'{"text": "x"}', "jsonl"),
        ("a.ndjson", b'{"text": "x"}', "jsonl"),
        ("a.json", b"[{}]", "jsonl"),
        ("a.csv", b"text,title", "csv"),
        ("a.tsv", b"text\ttitle", "csv"),
        ("a.html", b"<html>", "html"),
        ("a.htm", b"<p>", "html"),
        ("a.rss", b"<rss>", "feed"),
        ("a.atom", b"<feed>", "feed"),
        ("a.xml", b"<?xml version='1.0'?><rss>", "feed"),
        ("a.warc", b"WARC/1.0\r\n", "warc"),
        ("a.warc.gz", b"\x1f\x8b\x08", "warc"),
        ("a.arc.gz", b"\x1f\x8b\x08", "warc"),
        ("", b"WARC/1.0\r\n", "warc"),
        ("", b"\x1f\x8b\x08\x00", "warc"),
        ("", b"  <?xml version='1.0'?>\n<feed xmlns='http://www.w3.org/2005/Atom'>", "feed"),
        ("", b"<?xml version='1.0'?><rdf:RDF>", "feed"),
        ("", b"<!DOCTYPE html><html>", "html"),
        ("", b"<?xml version='1.0'?><html>", "html"),
        ("", b'{"text": "x"}', "jsonl"),
        ("", b"Der Landtag tagte.", "text"),
        ("artikel.txt", b"<!DOCTYPE html><html>", "text"),  # the extension wins over an HTML head
        ("artikel.txt", b"<rss version='2.0'>", "feed"),  # ...but not over a feed's
        ("A.JSONL", b"{}", "jsonl"),
    ],
)
def test_sources_detect_format(name, head, fmt):
    assert detect_format(name, head) == fmt


def test_sources_input_format_overrides_detection(write):
    line = json.dumps({"text": JENA})
    path = write("daten.jsonl", line + "\n")
    (doc,) = read_all([path], ReadContext(input_format="text"))
    assert isinstance(doc, Document)
    assert doc.text == line  # read as plain text, JSON and all


def test_sources_unknown_input_format_is_rejected(write):
    path = write("kiel.txt", KIEL)
    (rej,) = read_all([path], ReadContext(input_format="docx"))
    assert isinstance(rej, Rejection) and rej.code == "R112"


# --- size limits ---------------------------------------------------------------------------------

class _CountingFile:
    """A file wrapper that counts the bytes read through it."""

    def __init__(self, f, counter):
        self._f, self._counter = f, counter

    def read(self, n=-1):
        data = self._f.read(n)
        self._counter.append(len(data))
        return data

    def readline(self, n=-1):
        data = self._f.readline(n)
        self._counter.append(len(data))
        return data

    def __getattr__(self, name):
        return getattr(self._f, name)

    def __enter__(self):
        return self

    def __exit__(self, *exc):
        self._f.close()


@pytest.mark.parametrize("name", ["gross.txt", "gross.html"])
def test_sources_file_over_the_document_limit_is_rejected_without_reading_it(write, monkeypatch, name):
    data = ("Der Landtag debattierte lange. " * 40_000).encode()  # ~1.2 MB
    path = write(name, data)
    counted: list[int] = []
    real_open = Path.open
    monkeypatch.setattr(Path, "open", lambda self, *a, **k: _CountingFile(real_open(self, *a, **k), counted))
    (rej,) = read_all([path], ReadContext(max_document_bytes=1000))
    assert isinstance(rej, Rejection)
    assert rej.code == "R105"
    assert rej.source == str(path)
    assert f"{len(data):,}" in rej.detail
    assert sum(counted) <= 4096  # only the head used to tell the format


def test_sources_sparse_huge_file_is_rejected_quickly(tmp_path):
    path = tmp_path / "riesig.txt"
    with path.open("wb") as f:
        f.write(JENA.encode())
        f.truncate(2 * 1024**3)  # 2 GiB, sparse: reading it would take long and need memory
    (rej,) = read_all([path], ReadContext(max_document_bytes=10_000))
    assert isinstance(rej, Rejection) and rej.code == "R105"


def test_sources_streamed_file_over_the_file_limit_is_rejected(write):
    lines = "".join(json.dumps({"text": JENA}) + "\n" for _ in range(20))
    path = write("viel.jsonl", lines)
    (rej,) = read_all([path], ReadContext(max_file_bytes=500))
    assert isinstance(rej, Rejection)
    assert rej.code == "R105" and "max_file_bytes" in rej.detail
    assert len(docs_of(read_all([path]))) == 20
