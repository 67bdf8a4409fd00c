"""Turning a structured record (a JSONL object, a CSV row, a feed item) into a `Document`.

One mapping of field names for every structured reader, so that `published`, `date` and
`pubDate` mean the same wherever they come from.
"""

from __future__ import annotations

import json
from collections.abc import Mapping
from typing import Any

from chronik.document import Document, Rejection
from chronik.errors import Reject
from chronik.time import parse_date

TEXT_FIELDS = ("text", "content", "body", "article", "maintext", "fulltext")
ID_FIELDS = ("id", "doc_id", "document_id", "guid")
TITLE_FIELDS = ("title", "headline")
DATE_FIELDS = ("published", "date", "published_at", "pubdate", "pub_date", "datetime", "date_publish")
SOURCE_FIELDS = ("source", "url", "link")
LANGUAGE_FIELDS = ("language", "lang")
KNOWN = set(TEXT_FIELDS + ID_FIELDS + TITLE_FIELDS + DATE_FIELDS + SOURCE_FIELDS + LANGUAGE_FIELDS)


def _first(rec: Mapping[str, Any], names: tuple[str, ...]) -> tuple[str | None, Any]:
    lowered = {k.lower(): k for k in rec}
    for n in names:
        if n in lowered and rec[lowered[n]] not in (None, ""):
            return lowered[n], rec[lowered[n]]
    return None, None


def lone_surrogate(rec: Mapping[str, Any], source: str, locator: str) -> Rejection | None:
    """A Rejection if any value holds a lone surrogate (JSON can spell one, "\\ud800"; it is not text
    and no store can keep it). Only JSON readers need to ask, and only for lines with such an escape."""
    try:
        json.dumps(rec, ensure_ascii=False, default=str).encode("utf-8")
    except UnicodeEncodeError as e:
        return Rejection(source, Reject.ENCODING, f"the record holds a lone surrogate ({e.object[e.start:e.end]!r})",
                         locator=locator, sample=str(dict(rec))[:200].encode("utf-8", "backslashreplace").decode())
    return None


def record_to_document(
    rec: Mapping[str, Any], *, source: str, locator: str, max_bytes: int
) -> Document | Rejection:
    """Map a record's fields onto a Document; the text comes back unchanged, character for character."""
    text_key, text = _first(rec, TEXT_FIELDS)
    if text_key is None:
        return Rejection(source, Reject.MISSING_TEXT,
                         f"no text field (looked for {', '.join(TEXT_FIELDS)}); fields: {sorted(rec)[:12]}",
                         locator=locator, sample=str(dict(rec))[:500])
    if not isinstance(text, str):
        return Rejection(source, Reject.MISSING_TEXT, f"field {text_key!r} is {type(text).__name__}, not text",
                         locator=locator, sample=str(text)[:500])
    if not text.strip():
        return Rejection(source, Reject.EMPTY, f"field {text_key!r} is blank", locator=locator)
    size = len(text.encode("utf-8"))
    if size > max_bytes:
        return Rejection(source, Reject.TOO_LARGE,
                         f"text is {size:,} bytes; limit is {max_bytes:,} "
                         f"(ingest.max_document_bytes)", locator=locator, sample=text[:500])
    _, doc_id = _first(rec, ID_FIELDS)
    _, title = _first(rec, TITLE_FIELDS)
    date_key, raw_date = _first(rec, DATE_FIELDS)
    src_key, src = _first(rec, SOURCE_FIELDS)
    _, lang = _first(rec, LANGUAGE_FIELDS)
    used = {k for k in rec if k.lower() in KNOWN}
    metadata = {k: v for k, v in rec.items() if k not in used}
    if src_key in ("url", "link"):
        metadata["url"] = src
    metadata["record"] = locator
    doc = Document(
        text=text,
        id=str(doc_id) if doc_id is not None else "",
        source=str(src) if src is not None else source,
        title=str(title) if title is not None else None,
        language=str(lang) if lang is not None else None,
        metadata=metadata,
    )
    if src is not None:
        metadata["file"] = source
    if raw_date is not None:
        doc.published = parse_date(raw_date)
        if doc.published is None:
            metadata["published_raw"] = raw_date
            doc.add_issue("bad-date", f"field {date_key!r} is not a date: {str(raw_date)[:80]!r}")
    return doc
