"""JSON Lines: one object per line. A broken line is rejected on its own; the others go on.

A whole-file JSON array of objects is accepted too (for small exports).
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterator
from typing import IO

from chronik.document import Document, Rejection
from chronik.errors import Reject
from chronik.ingest.base import ReadContext, decoded_or_rejection
from chronik.ingest.records import lone_surrogate, record_to_document

# A JSON escape for a surrogate (\ud800-\udfff): only then can a parsed line hold a lone one.
_SURROGATE_ESCAPE = re.compile(r"\\u[dD][89a-fA-F]")
# Nesting deeper than this is refused before the JSON parser sees it (it would recurse that deep).
MAX_NESTING = 200


def _too_deep(line: str) -> bool:
    depth = 0
    for ch in line:
        if ch in "[{":
            depth += 1
            if depth > MAX_NESTING:
                return True
        elif ch in "]}":
            depth -= 1
    return False


def _parse_line(raw: bytes, source: str, n: int, ctx: ReadContext) -> Document | Rejection | None:
    locator = f"line {n}"
    if not raw.strip():
        return None
    decoded = decoded_or_rejection(raw, source, ctx, locator)
    if isinstance(decoded, Rejection):
        return decoded
    line, issues = decoded
    if _too_deep(line):
        return Rejection(source, Reject.PARSE_ERROR, f"JSON nested deeper than {MAX_NESTING} levels",
                         locator=locator, sample=line[:200])
    try:
        obj = json.loads(line)
    except json.JSONDecodeError as e:
        return Rejection(source, Reject.PARSE_ERROR, f"invalid JSON: {e.msg} at column {e.colno}",
                         locator=locator, sample=line[:500])
    except RecursionError:
        return Rejection(source, Reject.PARSE_ERROR, "JSON nested too deeply", locator=locator,
                         sample=line[:200])
    if not isinstance(obj, dict):
        return Rejection(source, Reject.PARSE_ERROR, f"a line must hold a JSON object, not {type(obj).__name__}",
                         locator=locator, sample=line[:500])
    if _SURROGATE_ESCAPE.search(line) and (rej := lone_surrogate(obj, source, locator)):
        return rej
    doc = record_to_document(obj, source=source, locator=locator, max_bytes=ctx.max_document_bytes)
    if isinstance(doc, Document):
        doc.issues[:0] = issues
    return doc


def read_jsonl_stream(stream: IO[bytes], source: str, ctx: ReadContext) -> Iterator[Document | Rejection]:
    """Read line by line with a bounded buffer: a 100 MB line is skipped, not loaded."""
    limit = ctx.max_document_bytes * 2 + 1024  # JSON escaping can double a text's size
    n = 0
    first = True
    while True:
        raw = stream.readline(limit)
        if not raw:
            break
        n += 1
        if first and raw.lstrip().startswith(b"["):
            rest = raw + stream.read(limit)
            yield from _read_array(rest, source, ctx, exhausted=not stream.read(1))
            return
        first = False
        if not raw.endswith(b"\n") and len(raw) >= limit:
            skipped = len(raw)
            while True:
                chunk = stream.readline(1 << 20)
                skipped += len(chunk)
                if not chunk or chunk.endswith(b"\n"):
                    break
            yield Rejection(source, Reject.TOO_LARGE, f"line of {skipped:,} bytes exceeds the limit of "
                            f"{limit:,} (ingest.max_document_bytes)", locator=f"line {n}",
                            sample=raw[:200].decode("utf-8", errors="backslashreplace"))
            continue
        rec = _parse_line(raw, source, n, ctx)
        if rec is not None:
            yield rec


def _read_array(data: bytes, source: str, ctx: ReadContext, exhausted: bool) -> Iterator[Document | Rejection]:
    if not exhausted:
        yield Rejection(source, Reject.TOO_LARGE, "a JSON array this large must be JSON Lines instead")
        return
    decoded = decoded_or_rejection(data, source, ctx)
    if isinstance(decoded, Rejection):
        yield decoded
        return
    if _too_deep(decoded[0]):
        yield Rejection(source, Reject.PARSE_ERROR, f"JSON nested deeper than {MAX_NESTING} levels")
        return
    try:
        arr = json.loads(decoded[0])
    except (json.JSONDecodeError, RecursionError) as e:
        yield Rejection(source, Reject.PARSE_ERROR, f"invalid JSON array: {e}", sample=decoded[0][:300])
        return
    for i, obj in enumerate(arr, 1):
        if not isinstance(obj, dict):
            yield Rejection(source, Reject.PARSE_ERROR, "array items must be JSON objects", locator=f"item {i}")
            continue
        yield lone_surrogate(obj, source, f"item {i}") or record_to_document(
            obj, source=source, locator=f"item {i}", max_bytes=ctx.max_document_bytes)
