"""RSS and Atom feeds (feedparser): one document per item, from its content or summary."""

from __future__ import annotations

import calendar
import html as htmllib
import io
import re
from collections.abc import Iterator
from datetime import UTC, datetime
from typing import Any

from chronik.document import Document, Rejection
from chronik.errors import Reject
from chronik.ingest.base import ReadContext
from chronik.time import PartialDate, parse_date

_BLOCK = re.compile(r"</?(p|div|br|li|h[1-6]|blockquote|tr)\b[^>]*>", re.I)


def fragment_to_text(fragment: str) -> str:
    """An HTML fragment (a feed item's content) as text, paragraphs kept as blank lines."""
    import lxml.html

    if "<" not in fragment:  # no tags, but maybe character references: `&amp;`, `&#8222;Zitat&#8220;`
        return htmllib.unescape(fragment).strip()
    marked = _BLOCK.sub("\n\n", fragment)
    try:
        text = lxml.html.fromstring(f"<div>{marked}</div>").text_content()
    except Exception:  # lxml raises ParserError and others on junk; fall back to tag stripping
        text = re.sub(r"<[^>]+>", " ", marked)
    paras = [" ".join(p.split()) for p in re.split(r"\n\s*\n", text)]
    return "\n\n".join(p for p in paras if p)


def _entry_date(entry: Any) -> PartialDate | None:
    """The item's date as written (keeping its zone), else feedparser's normalised UTC reading."""
    for key in ("published", "updated"):
        if entry.get(key):
            pd = parse_date(entry[key])
            if pd is not None:
                return pd
    for key in ("published_parsed", "updated_parsed"):
        st = entry.get(key)
        if st:
            return PartialDate.from_datetime(datetime.fromtimestamp(calendar.timegm(st), UTC))
    return None


def read_feed(data: bytes, source: str, ctx: ReadContext) -> Iterator[Document | Rejection]:
    import feedparser

    # A stream, not bytes: feedparser.parse() tries bytes as a file name first and would read that file.
    try:
        parsed = feedparser.parse(io.BytesIO(data))
    except Exception as e:  # its lenient parser raises on hostile input, e.g. &#xD800;
        yield Rejection(source, Reject.FEED_ERROR, f"not a readable feed: {type(e).__name__}: {e}"[:500],
                        sample=data[:200].decode("utf-8", errors="backslashreplace"))
        return
    entries = parsed.get("entries") or []
    if not entries:
        why = f"{parsed.get('bozo_exception')}" if parsed.get("bozo") else "the feed has no items"
        yield Rejection(source, Reject.FEED_ERROR, f"not a readable feed: {why}"[:500],
                        sample=data[:200].decode("utf-8", errors="backslashreplace"))
        return
    feed_title = parsed.get("feed", {}).get("title")
    for i, entry in enumerate(entries, 1):
        locator = f"item {i}"
        html = ""
        if entry.get("content"):
            html = max((c.get("value", "") for c in entry["content"]), key=len)
        html = html or entry.get("summary", "")
        text = fragment_to_text(html)
        link = entry.get("link")
        if not text:
            yield Rejection(source, Reject.MISSING_TEXT, f"item has no content or summary (link: {link})",
                            locator=locator, sample=str(entry.get("title"))[:200])
            continue
        try:
            size = len(text.encode("utf-8"))
        except UnicodeEncodeError as e:  # a character reference to a lone surrogate, e.g. &#xD800;
            yield Rejection(source, Reject.ENCODING,
                            f"item text holds a lone surrogate at character {e.start}", locator=locator,
                            sample=text[:200].encode("utf-8", "backslashreplace").decode())
            continue
        if size > ctx.max_document_bytes:
            yield Rejection(source, Reject.TOO_LARGE, "item text is larger than ingest.max_document_bytes",
                            locator=locator, sample=text[:200])
            continue
        meta: dict[str, Any] = {"feed": source, "item": i}
        if feed_title:
            meta["feed_title"] = feed_title
        if link:
            meta["url"] = link
        if entry.get("author"):
            meta["author"] = entry["author"]
        yield Document(text=text, id=str(entry.get("id") or ""), source=link or f"{source}#{locator}",
                       title=entry.get("title"), published=_entry_date(entry), metadata=meta)
