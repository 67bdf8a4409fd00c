"""What every reader shares: limits from the config, and decoding bytes with a recorded outcome."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from chronik.document import Issue, Rejection
from chronik.errors import Reject
from chronik.ingest.decode import decode_bytes


@dataclass(slots=True)
class ReadContext:
    """Limits and options every reader obeys (section [ingest] of the config)."""

    max_document_bytes: int = 10_000_000
    max_file_bytes: int = 4_000_000_000
    fallback_encoding: str = "cp1252"
    fetch_timeout: float = 20.0
    min_article_chars: int = 200
    input_format: str = "auto"
    reject: type[Reject] = field(default=Reject)

    @classmethod
    def from_config(cls, cfg: dict[str, Any], input_format: str = "auto") -> ReadContext:
        ing = cfg["ingest"]
        return cls(
            max_document_bytes=int(ing["max_document_bytes"]),
            max_file_bytes=int(ing["max_file_bytes"]),
            fallback_encoding=str(ing["fallback_encoding"]),
            fetch_timeout=float(ing["fetch_timeout"]),
            min_article_chars=int(ing["min_article_chars"]),
            input_format=input_format,
        )


def decoded_or_rejection(data: bytes, source: str, ctx: ReadContext,
                         locator: str | None = None) -> tuple[str, list[Issue]] | Rejection:
    """Decode bytes to text, or a Rejection that says why not (with a sample to find it again)."""
    d = decode_bytes(data, ctx.fallback_encoding)
    if d.text is None:
        assert d.reject is not None
        sample = data[:200].decode("utf-8", errors="backslashreplace") if d.reject is not Reject.BINARY else None
        return Rejection(source, d.reject, d.detail, locator=locator, sample=sample)
    issues = [Issue("encoding-repaired", d.detail)] if d.repaired else []
    return d.text, issues
