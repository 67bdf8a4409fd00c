"""URLs and very large files, against a real HTTP server on localhost."""

from __future__ import annotations

import socket
import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest

from chronik.document import Document, Rejection
from chronik.ingest import ReadContext

from ._helpers import NAV_ONLY_PAGE, article_page, read_all

FEED = """<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0"><channel><title>Testzeitung</title>
<item><title>Gipfel vertagt</title><link>https://example.org/gipfel</link>
<pubDate>Wed, 12 Mar 2025 18:00:00 +0100</pubDate>
<description>Der geplante Gipfel wird verschoben. Ein neuer Termin stehe noch nicht fest, teilte das
Außenministerium mit.</description></item></channel></rss>"""

PAGES = {
    "/feed": ("application/rss+xml; charset=utf-8", FEED.encode()),
    "/feed-without-name": ("application/rss+xml", FEED.encode()),
    "/artikel": ("text/html; charset=utf-8", article_page().encode()),
    "/menu": ("text/html; charset=utf-8", NAV_ONLY_PAGE.encode()),
}


class Handler(BaseHTTPRequestHandler):
    def do_GET(self) -> None:
        path = self.path.split("?")[0]
        if path not in PAGES:
            self.send_error(404)
            return
        ctype, body = PAGES[path]
        self.send_response(200)
        self.send_header("Content-Type", ctype)
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, *args: object) -> None:
        pass


@pytest.fixture(scope="module")
def server():
    httpd = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{httpd.server_address[1]}"
    httpd.shutdown()


def test_urls_feed_by_content_type(server):
    (doc,) = read_all([f"{server}/feed-without-name"])
    assert isinstance(doc, Document)
    assert doc.title == "Gipfel vertagt" and doc.published.value == "2025-03-12T18:00:00+01:00"


def test_urls_html_article_keeps_url_as_source(server):
    (doc,) = read_all([f"{server}/artikel?x=1"])
    assert isinstance(doc, Document) and doc.source == f"{server}/artikel?x=1"
    assert "Vilnius" in doc.text


@pytest.mark.parametrize(("path", "code"), [("/menu", "R108"), ("/fehlt", "R111")])
def test_urls_failures_are_recorded(server, path, code):
    (rej,) = read_all([f"{server}{path}"])
    assert isinstance(rej, Rejection) and rej.code == code and rej.source == f"{server}{path}"


def test_urls_connection_refused_is_recorded():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]  # closed again when the block ends: nothing listens there
    (rej,) = read_all([f"http://127.0.0.1:{port}/feed"], ReadContext(fetch_timeout=2))
    assert isinstance(rej, Rejection) and rej.code == "R111"


@pytest.mark.parametrize("name", ["riesig.txt", "riesig.html", "riesig.bin"])
def test_urls_200_mb_file_rejected_without_reading_it(tmp_path, name):
    path = tmp_path / name
    with path.open("wb") as f:
        f.write(b"Die Regierung tagte am Montag. ")
        f.truncate(200 * 1024 * 1024)  # sparse: 200 MB on paper, nothing on disk
    (rej,) = read_all([path])
    assert isinstance(rej, Rejection) and rej.code == "R105" and "209,715,200 bytes" in rej.detail
