"""Builders shared by the ingest tests: every input is made here, from short fictional German snippets."""

from __future__ import annotations

import io
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import TypeVar

from chronik.document import Document, Rejection
from chronik.ingest import ReadContext, read_inputs

T = TypeVar("T")

# Four paragraphs of a fictional report: long enough for trafilatura to take it as an article.
ARTICLE_PARAGRAPHS = (
    "Die Außenministerin ist am Montag zu einem zweitägigen Besuch nach Vilnius gereist. Dort traf sie "
    "ihren litauischen Amtskollegen und den Präsidenten des Landes.",
    "„Wir stehen fest an der Seite unserer Partner im Baltikum“, sagte sie nach dem Gespräch im "
    "Präsidentenpalast. Die Sicherheit Litauens sei auch die Sicherheit Deutschlands.",
    "Im Mittelpunkt der Gespräche standen die geplante Stationierung einer Brigade der Bundeswehr sowie "
    "die Energieversorgung der Region im kommenden Winter.",
    "Der litauische Außenminister dankte für die Unterstützung. Sein Land erwarte jedoch, dass die Zusagen "
    "nun zügig umgesetzt würden, sagte er vor Journalisten.",
)
ARTICLE_TITLE = "Außenministerin besucht Vilnius"
ARTICLE_DATE = "2017-03-06T09:15:00+01:00"

NAV_ONLY_PAGE = """<!DOCTYPE html>
<html lang="de"><head><meta charset="utf-8"><title>Startseite</title></head>
<body>
<nav><ul><li><a href="/politik">Politik</a></li><li><a href="/wirtschaft">Wirtschaft</a></li>
<li><a href="/sport">Sport</a></li><li><a href="/kultur">Kultur</a></li></ul></nav>
<div class="menu"><a href="/login">Anmelden</a> | <a href="/abo">Abo</a></div>
</body></html>
"""


def article_page(paragraphs: Iterable[str] = ARTICLE_PARAGRAPHS, title: str = ARTICLE_TITLE,
                 published: str = ARTICLE_DATE) -> str:
    """A news page: navigation, an <article> with several paragraphs, a footer."""
    body = "\n".join(f"<p>{p}</p>" for p in paragraphs)
    return f"""<!DOCTYPE html>
<html lang="de"><head><meta charset="utf-8"><title>{title}</title>
<meta property="article:published_time" content="{published}">
</head><body>
<nav><ul><li><a href="/politik">Politik</a></li><li><a href="/wirtschaft">Wirtschaft</a></li></ul></nav>
<article><h1>{title}</h1>
{body}
</article>
<footer>Impressum · Datenschutz · Kontakt</footer>
</body></html>
"""


def read_all(inputs: Iterable[str | Path], ctx: ReadContext | None = None,
             stdin: io.IOBase | None = None) -> list[Document | Rejection]:
    """Everything `read_inputs` yields, checking that it is only Documents and Rejections."""
    out = list(read_inputs([str(i) for i in inputs], ctx, stdin=stdin))  # type: ignore[arg-type]
    assert all(isinstance(o, (Document, Rejection)) for o in out), out
    return out


def docs_of(items: list[Document | Rejection]) -> list[Document]:
    return [o for o in items if isinstance(o, Document)]


def rejections_of(items: list[Document | Rejection]) -> list[Rejection]:
    return [o for o in items if isinstance(o, Rejection)]


def make_warc(records: Iterable[tuple[str, str, bytes]], gzip: bool = False, warcinfo: bool = True) -> bytes:
    """A WARC archive built with warcio: one HTTP response record per (uri, content type, body)."""
    from warcio.statusandheaders import StatusAndHeaders
    from warcio.warcwriter import WARCWriter

    buf = io.BytesIO()
    writer = WARCWriter(buf, gzip=gzip)
    if warcinfo:
        writer.write_record(writer.create_warcinfo_record("test.warc", {"software": "chronik-tests"}))
    for uri, ctype, body in records:
        headers = StatusAndHeaders("200 OK", [("Content-Type", ctype)], protocol="HTTP/1.1")
        writer.write_record(writer.create_warc_record(uri, "response", payload=io.BytesIO(body),
                                                      http_headers=headers))
    return buf.getvalue()


def within(seconds: float, fn: Callable[[], T]) -> T:
    """fn() run in a thread: its result, or a test failure (not a hung run) when it takes longer."""
    import threading

    box: dict[str, object] = {}

    def run() -> None:
        try:
            box["value"] = fn()
        except BaseException as e:  # handed back to the test
            box["error"] = e

    thread = threading.Thread(target=run, daemon=True)
    thread.start()
    thread.join(seconds)
    assert not thread.is_alive(), f"still running after {seconds} s (blocked on a FIFO?)"
    if "error" in box:
        raise box["error"]  # type: ignore[misc]
    return box["value"]  # type: ignore[return-value]
