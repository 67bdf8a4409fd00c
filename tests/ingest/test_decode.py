"""Bytes to text: UTF-8, a careful cp1252 repair, and rejections for empty, binary and damaged input."""

from __future__ import annotations

import pytest

from chronik.document import Document, Rejection
from chronik.errors import Reject
from chronik.ingest import ReadContext
from chronik.ingest.decode import decode_bytes, looks_binary

from ._helpers import read_all

GERMAN = ("Die Außenministerin reiste am Montag nach Vilnius. „Wir stehen an der Seite unserer Partner“, "
          "sagte sie. Über die Größe der Brigade wurde noch nicht entschieden – das Ministerium prüft.")
LATIN1 = "Der Bürgermeister von Görlitz äußerte sich am Dienstag zur Lage der Straßenbahn. Über Zölle sprach er nicht."


# --- decode_bytes ------------------------------------------------------------------------------------

def test_decode_utf8_is_taken_as_is():
    d = decode_bytes(GERMAN.encode("utf-8"))
    assert d.text == GERMAN
    assert d.encoding == "utf-8"
    assert not d.repaired and d.reject is None


def test_decode_utf8_bom_is_removed():
    d = decode_bytes(b"\xef\xbb\xbf" + GERMAN.encode("utf-8"))
    assert d.text == GERMAN


@pytest.mark.parametrize("codec", ["utf-16-le", "utf-16-be"])
def test_decode_utf16_with_bom(codec):
    bom = b"\xff\xfe" if codec.endswith("le") else b"\xfe\xff"
    d = decode_bytes(bom + GERMAN.encode(codec))
    assert d.text == GERMAN
    assert d.encoding == "utf-16"


@pytest.mark.parametrize("codec", ["cp1252", "latin-1"])
def test_decode_latin1_and_cp1252_are_repaired(codec):
    d = decode_bytes(LATIN1.encode(codec))
    assert d.text == LATIN1
    assert d.repaired
    assert d.encoding == "cp1252"
    assert "not UTF-8" in d.detail


def test_decode_cp1252_quotes_and_dashes_are_repaired():
    d = decode_bytes(GERMAN.encode("cp1252"))
    assert d.text == GERMAN
    assert d.repaired


def test_decode_without_fallback_non_utf8_is_rejected():
    d = decode_bytes(LATIN1.encode("cp1252"), fallback="")
    assert d.text is None
    assert d.reject is Reject.ENCODING
    assert "byte 5 (0xfc)" in d.detail  # the first bad byte: the ü of "Der Bürgermeister"


def test_decode_valid_multibyte_and_invalid_bytes_is_rejected():
    # valid UTF-8 (ä, „“) followed by Latin-1 bytes: a mixed, damaged file; repairing would corrupt half
    data = "Die Sitzung „läuft“ noch.".encode() + " Später äußerte sich der Bürgermeister.".encode("latin-1")
    d = decode_bytes(data)
    assert d.text is None
    assert d.reject is Reject.ENCODING


@pytest.mark.parametrize(
    "text",
    [
        "Der Bürgermeister sagte: „Die Freude ist groß“, und verließ den Saal.",  # ß“ = DF 93
        "Das Maß… ist voll, sagte die Ministerin über die Straßenbahn.",  # ß… = DF 85
        "Die Kundgebung blieb friedlich. „Wir sind bloß” wenige, hieß es.",  # ß” = DF 94
    ],
)
def test_decode_cp1252_with_accidental_utf8_pairs_is_still_repaired(text):
    # these cp1252 bytes happen to form valid two-byte UTF-8 sequences (U+07xx), which are no sign of UTF-8
    data = text.encode("cp1252")
    assert any(ord(c) > 127 for c in data.decode("utf-8", errors="ignore"))
    d = decode_bytes(data)
    assert d.text == text
    assert d.repaired


def test_decode_emoji_and_invalid_bytes_is_rejected():
    data = "Die EU 🇪🇺 tagt in Brüssel.".encode() + " Später äußerte sich der Kommissar.".encode("latin-1")
    assert decode_bytes(data).reject is Reject.ENCODING


def test_decode_truncated_utf8_sequence_is_rejected():
    data = "Die Außenministerin reiste nach Vilnius. Grö".encode()[:-1]  # the ö cut in half
    d = decode_bytes(data)
    assert d.reject is Reject.ENCODING


@pytest.mark.parametrize("data", [b"", b"   ", b"\n\r\n\t \x0c", "\ufeff".encode()])
def test_decode_empty_or_whitespace_is_rejected(data):
    d = decode_bytes(data)
    assert d.text is None
    assert d.reject is Reject.EMPTY


@pytest.mark.parametrize(
    "data",
    [
        b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)),
        b"PK\x03\x04\x14\x00\x00\x00\x08\x00" + b"\x00" * 40,
        b"Text mit einem NUL\x00 in der Mitte",
        bytes([1, 2, 3, 4, 5, 6, 7, 8]) * 30,
    ],
)
def test_decode_binary_is_rejected(data):
    assert looks_binary(data)
    d = decode_bytes(data)
    assert d.text is None
    assert d.reject is Reject.BINARY


def test_decode_few_control_characters_are_not_binary():
    text = ("Absatz eins.\n" * 200).encode() + b"\x1b"  # one stray ESC in 2.6 KB
    assert not looks_binary(text)


def test_decode_cp1252_that_does_not_read_as_text_is_rejected():
    # high bytes that decode under cp1252 but make no letters: not a text to repair
    data = bytes([0x80, 0x85, 0x91, 0x92, 0x93, 0x94, 0x95, 0x96, 0x97, 0x99, 0xA9, 0xAE]) * 10
    d = decode_bytes(data)
    assert d.text is None
    assert d.reject is Reject.ENCODING


# --- through read_inputs --------------------------------------------------------------------------

def test_decode_zero_byte_file_is_rejected_as_empty(write):
    path = write("leer.txt", b"")
    (rej,) = read_all([path])
    assert isinstance(rej, Rejection)
    assert rej.code == "R102"
    assert rej.source == str(path)


@pytest.mark.parametrize("name", ["muell.txt", "muell.html", "muell.csv", "muell.bin"])
def test_decode_binary_junk_is_rejected(write, name):
    junk = bytes((i * 37 + 11) % 256 for i in range(2048)) + b"\x00" * 16
    path = write(name, junk)
    (rej,) = read_all([path])
    assert isinstance(rej, Rejection)
    assert rej.code == "R103"
    assert rej.sample is None  # no binary junk copied into the record


def test_decode_latin1_file_is_decoded_with_an_issue(write):
    (doc,) = read_all([write("ansi.txt", ("title Straßenbahn\n\n" + LATIN1).encode("cp1252"))])
    assert isinstance(doc, Document)
    assert doc.text == LATIN1
    assert doc.title == "Straßenbahn"
    assert [i.code for i in doc.issues] == ["encoding-repaired"]
    assert doc.issues[0].stage == "ingest"


def test_decode_latin1_file_is_rejected_without_fallback(write):
    path = write("ansi.txt", LATIN1.encode("latin-1"))
    (rej,) = read_all([path], ReadContext(fallback_encoding=""))
    assert isinstance(rej, Rejection)
    assert rej.code == "R104"
    assert "iconv" in rej.detail
    assert rej.sample.startswith("Der B\\xfcrgermeister")


def test_decode_mixed_utf8_and_invalid_bytes_file_is_rejected(write):
    data = GERMAN.encode("utf-8") + b" Sp\xe4ter \xe4u\xdferte sich der B\xfcrgermeister."
    (rej,) = read_all([write("gemischt.txt", data)])
    assert isinstance(rej, Rejection)
    assert rej.code == "R104"


def test_decode_non_utf8_jsonl_line_is_repaired_or_rejected_alone(write):
    good = b'{"text": "Der Kreistag tagte am Montag."}\n'
    bad = '{"text": "Der Bürgermeister äußerte sich zur Straßenbahn."}\n'.encode("cp1252")
    path = write("zeilen.jsonl", good + bad + good)
    repaired = read_all([path])
    assert [type(i).__name__ for i in repaired] == ["Document"] * 3
    assert repaired[1].text == "Der Bürgermeister äußerte sich zur Straßenbahn."
    assert [i.code for i in repaired[1].issues] == ["encoding-repaired"]
    rejected = read_all([path], ReadContext(fallback_encoding=""))
    assert [type(i).__name__ for i in rejected] == ["Document", "Rejection", "Document"]
    assert rejected[1].code == "R104" and rejected[1].locator == "line 2"


def test_decode_utf16_file(write):
    (doc,) = read_all([write("utf16.txt", "\ufeff".encode("utf-16-le") + GERMAN.encode("utf-16-le"))])
    assert isinstance(doc, Document)
    assert doc.text == GERMAN
    assert doc.issues == []
