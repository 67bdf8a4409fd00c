"""Stage 1, read: files, folders, globs, stdin and URLs in any supported format → Documents.

`read_inputs(["news/", "feed.xml", "-"], ctx)` yields a `Document` for every article and a
`Rejection` for every input that could not become one; it never raises for bad input.

Formats: plain text with an optional `key value` header (`text`), JSON Lines (`jsonl`), CSV/TSV
(`csv`), HTML pages (`html`), RSS/Atom feeds (`feed`) and WARC archives (`warc`), detected from the
file name and the first bytes, or named with `input_format`.
"""

from __future__ import annotations

import glob
import io
import os
import sys
import urllib.error
import urllib.request
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import IO

from chronik.document import Document, Rejection
from chronik.errors import Reject
from chronik.ingest.base import ReadContext
from chronik.ingest.feed import read_feed
from chronik.ingest.html import read_html
from chronik.ingest.jsonl import read_jsonl_stream
from chronik.ingest.tables import read_csv
from chronik.ingest.text import read_text
from chronik.ingest.warc import read_warc

__all__ = ["FORMATS", "ReadContext", "detect_format", "read_inputs"]

FORMATS = ("text", "jsonl", "csv", "html", "feed", "warc")
STREAMED = ("jsonl", "warc")  # read incrementally; the file may be larger than one document
_EXT = {
    ".txt": "text", ".text": "text", ".md": "text",
    ".jsonl": "jsonl", ".ndjson": "jsonl", ".json": "jsonl",
    ".csv": "csv", ".tsv": "csv",
    ".html": "html", ".htm": "html", ".xhtml": "html",
    ".rss": "feed", ".atom": "feed", ".xml": "feed",
    ".warc": "warc", ".arc": "warc",
}


def detect_format(name: str, head: bytes) -> str:
    """The format of an input from its name and first bytes."""
    lower = name.lower()
    for suffix in (".warc.gz", ".arc.gz"):
        if lower.endswith(suffix):
            return "warc"
    sniff = head.lstrip()[:1024].lower()
    if head.startswith(b"WARC/") or (head[:2] == b"\x1f\x8b" and not lower.endswith(".gz")):
        return "warc"
    if sniff.startswith(b"<?xml") or sniff.startswith(b"<rss") or sniff.startswith(b"<feed"):
        if any(tag in sniff for tag in (b"<rss", b"<feed", b"<rdf:rdf")):
            return "feed"
        if b"<html" in sniff:
            return "html"
    ext = _EXT.get(Path(lower).suffix)
    if ext:
        return ext
    if sniff.startswith((b"<!doctype html", b"<html")):
        return "html"
    if sniff.startswith(b"{"):
        return "jsonl"
    return "text"


def _dispatch(fmt: str, stream: IO[bytes], source: str, ctx: ReadContext, size: int | None,
              url: str | None = None) -> Iterator[Document | Rejection]:
    """Hand a stream to its reader, refusing inputs over the size limits before reading them."""
    if fmt not in FORMATS:
        yield Rejection(source, Reject.UNSUPPORTED, f"unknown input format {fmt!r}; one of {FORMATS}")
        return
    # A text or HTML file is one document; CSV files and feeds hold many, JSONL and WARC are streamed.
    single = fmt in ("text", "html")
    limit, key = ((ctx.max_document_bytes, "ingest.max_document_bytes") if single
                  else (ctx.max_file_bytes, "ingest.max_file_bytes"))
    if size is not None and size > limit:
        yield Rejection(source, Reject.TOO_LARGE, f"{size:,} bytes; limit is {limit:,} ({key})")
        return
    if fmt == "jsonl":
        yield from read_jsonl_stream(stream, source, ctx)
        return
    if fmt == "warc":
        yield from read_warc(stream, source, ctx)
        return
    data = stream.read(limit + 1)
    if len(data) > limit:
        yield Rejection(source, Reject.TOO_LARGE, f"more than {limit:,} bytes ({key})",
                        sample=data[:200].decode("utf-8", errors="backslashreplace"))
        return
    if fmt == "text":
        yield from read_text(data, source, ctx)
    elif fmt == "csv":
        yield from read_csv(data, source, ctx)
    elif fmt == "html":
        yield from read_html(data, source, ctx, url=url)
    else:
        yield from read_feed(data, source, ctx)


def _read_path(path: Path, ctx: ReadContext) -> Iterator[Document | Rejection]:
    source = str(path)
    try:
        size = path.stat().st_size
        if not path.is_file():
            yield Rejection(source, Reject.UNREADABLE, "not a regular file")
            return
        with path.open("rb") as f:
            head = f.read(4096)
            if not head:
                yield Rejection(source, Reject.EMPTY, "the file is empty (0 bytes)")
                return
            f.seek(0)
            fmt = ctx.input_format if ctx.input_format != "auto" else detect_format(path.name, head)
            yield from _dispatch(fmt, f, source, ctx, size)
    except PermissionError as e:
        yield Rejection(source, Reject.UNREADABLE, f"permission denied: {e.strerror}")
    except OSError as e:
        yield Rejection(source, Reject.UNREADABLE, f"{type(e).__name__}: {e}")


def _read_bytes(data: bytes, source: str, ctx: ReadContext, name: str = "",
                url: str | None = None) -> Iterator[Document | Rejection]:
    if not data:
        yield Rejection(source, Reject.EMPTY, "no bytes")
        return
    fmt = ctx.input_format if ctx.input_format != "auto" else detect_format(name, data[:4096])
    yield from _dispatch(fmt, io.BytesIO(data), source, ctx, len(data), url=url)


def _read_stream(stream: IO[bytes], source: str, ctx: ReadContext) -> Iterator[Document | Rejection]:
    """A stream (stdin): peek at its head to tell the format, then read it like a file."""
    buffered = stream if isinstance(stream, io.BufferedReader) else io.BufferedReader(
        stream, buffer_size=65536)  # type: ignore[type-var]
    head = buffered.peek(4096)[:4096]
    if not head:
        yield Rejection(source, Reject.EMPTY, "no bytes")
        return
    fmt = ctx.input_format if ctx.input_format != "auto" else detect_format("", head)
    yield from _dispatch(fmt, buffered, source, ctx, None)


def _read_url(url: str, ctx: ReadContext) -> Iterator[Document | Rejection]:
    req = urllib.request.Request(url, headers={"User-Agent": "chronik/0.1 (+news research)"})
    try:
        with urllib.request.urlopen(req, timeout=ctx.fetch_timeout) as resp:
            data = resp.read(ctx.max_file_bytes + 1)
            ctype = resp.headers.get("Content-Type", "")
    except (urllib.error.URLError, OSError, ValueError) as e:
        yield Rejection(url, Reject.FETCH_FAILED, f"{type(e).__name__}: {getattr(e, 'reason', e)}")
        return
    name = url.split("?")[0]
    if ctx.input_format == "auto" and ("rss" in ctype or "atom" in ctype):
        name += ".rss"
    yield from _read_bytes(data, url, ctx, name=name, url=url)


def _expand(arg: str) -> Iterator[Path | Rejection]:
    """A path, folder (recursively, hidden files skipped) or glob → files, in a stable order."""
    if any(ch in arg for ch in "*?["):
        matches = sorted(glob.glob(arg, recursive=True))
        if not matches:
            yield Rejection(arg, Reject.NOT_FOUND, "the pattern matched no files")
        for m in matches:
            p = Path(m)
            if p.is_dir():
                yield from _expand(m)
            else:
                yield p
        return
    p = Path(arg)
    if p.is_dir():
        for root, dirs, files in os.walk(p):
            dirs[:] = sorted(d for d in dirs if not d.startswith("."))
            for f in sorted(files):
                if not f.startswith("."):
                    yield Path(root) / f
        return
    if not p.exists() and not p.is_symlink():
        yield Rejection(arg, Reject.NOT_FOUND, "no such file or folder")
        return
    yield p


def read_inputs(inputs: Iterable[str], ctx: ReadContext | None = None,
                stdin: IO[bytes] | None = None) -> Iterator[Document | Rejection]:
    """Every document and every rejection from the inputs, in order."""
    ctx = ctx or ReadContext()
    for arg in inputs:
        if arg == "-":
            stream = stdin if stdin is not None else sys.stdin.buffer
            yield from _read_stream(stream, "<stdin>", ctx)
        elif arg.startswith(("http://", "https://")):
            yield from _read_url(arg, ctx)
        else:
            for item in _expand(arg):
                if isinstance(item, Rejection):
                    yield item
                else:
                    yield from _read_path(item, ctx)
