"""Bytes to text: UTF-8 first, a careful Latin-1/Windows-1252 repair, binary and junk rejected."""

from __future__ import annotations

import unicodedata
from dataclasses import dataclass

from chronik.errors import Reject

_SNIFF = 8192
# Control characters that never occur in text (tab, newline, carriage return, form feed are fine).
_BAD_CONTROLS = {c for c in range(32) if c not in (9, 10, 12, 13)} | {127}


@dataclass(slots=True)
class Decoded:
    text: str | None
    encoding: str | None = None
    repaired: bool = False
    reject: Reject | None = None
    detail: str = ""


def looks_binary(data: bytes) -> bool:
    """NUL bytes or many control characters in the first 8 KiB: not text."""
    head = data[:_SNIFF]
    if not head:
        return False
    if b"\x00" in head:
        return True
    bad = sum(1 for b in head if b in _BAD_CONTROLS)
    return bad / len(head) > 0.01


def _plausible_text(text: str) -> bool:
    """A decoded text reads as text: letters dominate, no C1 controls or replacement characters."""
    if not text.strip():
        return False
    letters = sum(1 for c in text if c.isalpha())
    odd = sum(1 for c in text if unicodedata.category(c) in ("Cc", "Co", "Cs", "Cn") and c not in "\t\n\r\f")
    return odd == 0 and "\ufffd" not in text and letters / max(1, len(text.strip())) > 0.5


def _utf8_evidence(c: str, fallback: str) -> bool:
    """A character from a valid multi-byte UTF-8 sequence that a file in `fallback` would not hold by chance.

    In cp1252 a letter of À-ß followed by „“…– or NBSP is a valid two-byte UTF-8 sequence too: `groß“`
    is DF 93, U+07D3 (N'Ko). Such a character is no evidence of UTF-8; ä (C3 A4), € or an emoji are.
    """
    if ord(c) < 0x80:
        return False
    if ord(c) > 0x7FF:
        return True
    try:
        c.encode(fallback)
    except (UnicodeEncodeError, LookupError):
        return False
    return True


def decode_bytes(data: bytes, fallback: str = "cp1252") -> Decoded:
    """Decode one input's bytes, or say why it cannot be text."""
    if not data.strip():
        return Decoded(None, reject=Reject.EMPTY, detail="no characters besides whitespace")
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        try:
            return Decoded(data.decode("utf-16"), encoding="utf-16")
        except UnicodeDecodeError as e:
            return Decoded(None, reject=Reject.ENCODING, detail=f"invalid UTF-16 at byte {e.start}")
    if looks_binary(data):
        return Decoded(None, reject=Reject.BINARY, detail="NUL bytes or control characters in the first 8 KiB")
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as e:
        first_bad = e.start
    else:
        if not text.strip():
            return Decoded(None, reject=Reject.EMPTY, detail="no characters besides whitespace")
        return Decoded(text, encoding="utf-8")
    # Not UTF-8. A file with valid multi-byte UTF-8 sequences *and* invalid bytes is damaged (mixed
    # encodings, truncation): repairing it would corrupt part of it, so it is rejected.
    utf8_multibyte = data.decode("utf-8", errors="ignore")
    if fallback and not any(_utf8_evidence(c, fallback) for c in utf8_multibyte):
        try:
            text = data.decode(fallback)
        except (UnicodeDecodeError, LookupError):
            text = ""
        if text and _plausible_text(text):
            return Decoded(text, encoding=fallback, repaired=True,
                           detail=f"not UTF-8 (first bad byte at {first_bad}); decoded as {fallback}")
    return Decoded(None, reject=Reject.ENCODING,
                   detail=f"invalid UTF-8 at byte {first_bad} (0x{data[first_bad]:02x}); "
                          f"convert the file to UTF-8, e.g. `iconv -f ENCODING -t UTF-8`")
