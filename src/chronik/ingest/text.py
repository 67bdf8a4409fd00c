"""Plain-text articles with an optional header of `key value` lines.

    title Putin reist durch Zentralasien
    date 2017-03
    source chronik-demo

    Kasachstan, Tadschikistan und Kirgistan besuchte der Kremlchef …

The inline form of the example corpus is understood too: a text that opens with ` date 2017-03 `
followed by the article on the same line. The header is not part of the document's text; where the
text starts in the file is kept in `metadata["text_offset"]`.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from chronik.document import Document, Rejection
from chronik.ingest.base import ReadContext, decoded_or_rejection
from chronik.time import parse_date

HEADER_KEYS = ("title", "date", "published", "source", "url", "author", "id", "language", "lang")
_HEADER_LINE = re.compile(rf"^(?P<key>{'|'.join(HEADER_KEYS)})[ \t]+(?P<value>\S.*?)[ \t]*$")
# Not when a time follows: `date 2017-03-05 10:20` is a header line, not a date before the article.
_INLINE_DATE = re.compile(
    r"^\s*(?:date|published)[ \t]+(?P<value>\d{4}(?:-\d{2}){0,2})[ \t]+(?=\S)(?!\d{1,2}:\d{2})"
)


def split_header(raw: str) -> tuple[dict[str, str], int]:
    """Find the header; return its fields and the offset where the article text starts."""
    m = _INLINE_DATE.match(raw)
    if m:
        return {"date": m["value"]}, m.end()
    fields: dict[str, str] = {}
    pos = 0
    for line in raw.splitlines(keepends=True):
        hm = _HEADER_LINE.match(line.rstrip("\r\n"))
        if not hm or hm["key"] in fields:
            break
        fields[hm["key"]] = hm["value"]
        pos += len(line)
    return fields, pos


def text_to_document(raw: str, source: str) -> Document:
    fields, offset = split_header(raw)
    body = raw[offset:]
    lead = len(body) - len(body.lstrip())
    text = body.strip()
    meta: dict[str, object] = {"text_offset": offset + lead}
    for key in ("source", "url", "author"):
        if key in fields:
            meta["outlet" if key == "source" else key] = fields[key]
    doc = Document(text=text, id=fields.get("id", ""), source=source, title=fields.get("title"),
                   language=fields.get("language") or fields.get("lang"), metadata=meta)
    raw_date = fields.get("date") or fields.get("published")
    if raw_date:
        doc.published = parse_date(raw_date)
        if doc.published is None:
            meta["published_raw"] = raw_date
            doc.add_issue("bad-date", f"header date is not a date: {raw_date!r}")
    return doc


def read_text(data: bytes, source: str, ctx: ReadContext) -> Iterator[Document | Rejection]:
    decoded = decoded_or_rejection(data, source, ctx)
    if isinstance(decoded, Rejection):
        yield decoded
        return
    text, issues = decoded
    doc = text_to_document(text, source)
    if not doc.text:
        yield Rejection(source, ctx.reject.EMPTY, "only a header, no article text", sample=text[:200])
        return
    doc.issues[:0] = issues
    yield doc
