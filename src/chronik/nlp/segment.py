"""German tokens and sentences that get news right.

Tokens come from spaCy's German tokenizer (rule-based, fast, offsets kept). Sentences come from the
rules below rather than spaCy's sentencizer, which leaves an opening „ at the end of the sentence
before it. The rules:

* a sentence ends after `.`, `!`, `?` or `…`, together with any closing quotation marks and
  brackets that follow (`… Beziehungen.“`), when whitespace and then an upper-case letter, a digit
  or an opening quotation mark follow;
* not after an abbreviation (`Dr.`, `z. B.`, `Nr.`, `bzw.`; a list in resources), an initial
  (`A. Merkel`), an ordinal number (`am 1. März`, `der 2. Weltkrieg`, `zum 25. Mal`) or a
  Roman numeral after a name (`Wilhelm II.`);
* always at a blank line, and at a line break unless the next line goes on in lower case;
* never inside `„Wer?“, fragte er` (a comma after the quote) or at a colon.

A quotation of several sentences is split at its inner sentence ends, as treebanks do; the quote
stage joins them again.
"""

from __future__ import annotations

import itertools
import re
from collections.abc import Iterable, Iterator
from functools import lru_cache
from importlib import resources
from typing import Any

from chronik.document import Document, Span
from chronik.time.partial import MONTHS_DE

TERMINAL = ".!?…"
CLOSERS = "“”\"’'»«)]›‹"
OPENERS = "„“”\"»«‚‘›‹(["
_TERMINAL_RUN = re.compile(r"[.!?…]+")
_QUOTE_BEFORE_HYPHEN = r"(?<=\w)[“”\"»«](?=-\w)"
_LAST_WORD = re.compile(r"(\S+)$")
_NEXT_WORD = re.compile(r"\S+")
_ROMAN = re.compile(r"^(?:I{2,3}|IV|VI{0,3}|IX|XI{0,3}|XI?V|XVI{0,3})$")
ORDINAL_HEADS = {
    "jahrhundert", "jahrhunderts", "jahrtausend", "mal", "platz", "platzes", "liga", "bundesliga",
    "weltkrieg", "weltkriegs", "weltkrieges", "runde", "klasse", "lesung", "stock", "etage", "grad",
    "grades", "jahrestag", "geburtstag", "todestag", "spieltag", "sitzung", "parteitag", "kongress",
    "amendment", "armee", "division", "brigade", "legislaturperiode", "quartal", "halbjahr", "woche",
}
ORDINAL_CUES = {
    "am", "vom", "zum", "im", "bis", "ab", "seit", "der", "die", "das", "den", "dem", "des", "beim",
    "zur", "ihr", "ihre", "ihrem", "ihren", "ihrer", "sein", "seine", "seinem", "seinen", "seiner",
    "dieser", "diesem", "dieses", "jeder", "jedem", "jeden", "einem", "einer", "eines", "vor", "nach",
    "um", "gegen", "zwischen", "und", "oder", "bzw.",
}


@lru_cache(maxsize=1)
def abbreviations() -> frozenset[str]:
    text = resources.files("chronik").joinpath("resources/abbreviations_de.txt").read_text(encoding="utf-8")
    return frozenset(w.strip() for w in text.splitlines() if w.strip() and not w.startswith("#"))


def _is_abbreviation(word: str) -> bool:
    word = word.lstrip("".join(OPENERS))
    if not word:
        return False
    if word in abbreviations() or (word[:1].isupper() and word[:1].lower() + word[1:] in abbreviations()):
        return True  # "Ca." and "Vgl." open sentences too
    if len(word) == 1 and word.isalpha():  # initials (A. Merkel) and parts of z. B., u. a., d. h.
        return True
    # z.B, u.a, e.V, U.S: short, with inner full stops
    return "." in word and len(word) <= 6 and all(p.isalpha() and len(p) <= 3 for p in word.split("."))


def _word_before(text: str, idx: int) -> str:
    """The whitespace-delimited word that ends before `idx` (skipping whitespace)."""
    while idx > 0 and text[idx - 1].isspace():
        idx -= 1
    m = _LAST_WORD.search(text, 0, idx)
    return m.group(1) if m else ""


def _is_ordinal(text: str, number: str, start: int, next_word: str) -> bool:
    """`1.` before `März`, after `am`, before `Mal`: an ordinal, not the end of a sentence."""
    if not number.isdigit() or len(number) > 4:
        return False
    nxt = next_word.strip("".join(OPENERS) + ",;:").lower()
    if nxt in MONTHS_DE or nxt.rstrip(".") in MONTHS_DE or nxt in ORDINAL_HEADS:
        return True
    if len(number) > 3:
        return False
    return _word_before(text, start).lower() in ORDINAL_CUES


def _boundary_after_terminal(text: str, m: re.Match[str]) -> int | None:
    """Where the sentence ends if the terminal punctuation `m` ends it, else None."""
    i, j = m.start(), m.end()
    n = len(text)
    while j < n and text[j] in CLOSERS:
        j += 1
    if j < n and not text[j].isspace():
        return None
    k = j
    while k < n and text[k].isspace():
        k += 1
    if k < n and text[k] == "“" and j == m.end() and text.rfind("„", 0, i) > text.rfind("“", 0, i):
        # text tokenised before it came here ("… planlos . “ Er forderte"): the mark closes the open „
        j = k + 1
        k = j
        while k < n and text[k].isspace():
            k += 1
    if k >= n:
        return j
    nxt = text[k]
    # (a name in camel case may open a sentence: "eBay hält es für möglich", "iPhone-Nutzer berichten")
    camel = nxt.islower() and k + 1 < n and text[k + 1].isupper()
    if not (nxt.isupper() or nxt.isdigit() or nxt in OPENERS or camel):
        return None
    if m.group() == "." and j == m.end():
        word_m = _LAST_WORD.search(text, 0, i)
        word = word_m.group(1) if word_m else ""
        next_word = _NEXT_WORD.match(text, k)
        nw = next_word.group() if next_word else ""
        if word and _is_abbreviation(word):
            return None
        if word and _is_ordinal(text, word.lstrip("".join(OPENERS)), word_m.start() if word_m else i, nw):
            return None
        if word and _ROMAN.match(word) and word_m and _word_before(text, word_m.start())[:1].isupper():
            return None
    return j


def _line_breaks(text: str) -> Iterator[int]:
    """Sentence ends at line breaks: every blank line; a single break unless the text goes on."""
    for m in re.finditer(r"[ \t]*\r?\n\s*", text):
        start, end = m.start(), m.end()
        if end >= len(text):
            continue
        blank = m.group().count("\n") >= 2
        before = text[start - 1] if start > 0 else ""
        after = text[end]
        if blank or not (after.islower() or before in ",-–(" or before.isspace()):
            yield start


# A heading run into the sentence after it, as text flattened onto one line has it ("Wahlbeteiligung Wie der
# Wahlleiter mitteilte, …"): a few capitalised words, then a word that is capitalised only when it opens a sentence.
_OPENS_SENTENCE = frozenset("""
Wie Bereits Auch Im Am Nach Bei Mit In Seit Laut Zudem Für Zu Als Während Vor Unter Nachdem Obwohl Dabei Damit
Heute Gestern Bislang Bisher Erst Schon Noch Inzwischen Mittlerweile Dagegen Trotz Wegen Nun Dort Hier Zuvor
""".split())
_HEADING_LINKS = frozenset("und oder der die das des dem den von vom in im am an auf für mit zu zum zur gegen über "
                           "nach bei aus ohne vor um & – - /".split())
_HEADING_NOT_FIRST = frozenset("Der Die Das Den Dem Des Ein Eine Einer Einen Einem Eines".split())
_WORD = re.compile(r"\S+")


def _heading_end(text: str, a: int, b: int) -> int | None:
    """Where a heading run into the sentence at [a, b) ends (the start of the sentence proper), or None."""
    words: list[str] = []
    for m in _WORD.finditer(text, a, b):
        w = m.group()
        if words and w in _OPENS_SENTENCE:
            last = words[-1]
            if last[:1].isupper() and words[0] not in _HEADING_NOT_FIRST:
                return m.start()
            return None
        if len(words) >= 8 or not (w[:1].isupper() or w[:1].isdigit() or w in _HEADING_LINKS) or \
                any(c in w for c in ".,;:!?\"„“”»«()"):
            return None
        words.append(w)
    return None


def split_sentences(text: str) -> list[tuple[int, int]]:
    """Sentence spans (start, end) of a text, without surrounding whitespace."""
    cuts = {0, len(text)}
    for m in _TERMINAL_RUN.finditer(text):
        b = _boundary_after_terminal(text, m)
        if b is not None:
            cuts.add(b)
    cuts.update(_line_breaks(text))
    for a, b in itertools.pairwise(sorted(cuts)):
        while a < b and text[a].isspace():
            a += 1
        h = _heading_end(text, a, b)
        if h is not None:
            cuts.add(h)
    spans = []
    points = sorted(cuts)
    for a, b in itertools.pairwise(points):
        seg = text[a:b]
        lead = len(seg) - len(seg.lstrip())
        trail = len(seg.rstrip())
        if trail > lead:
            spans.append((a + lead, a + trail))
    return spans


class Segmenter:
    """Tokens (spaCy's German tokenizer) and sentences (rules above) as spans."""

    name = "segment"
    version = "0.2.1"
    requires: tuple[str, ...] = ("text",)
    assigns: tuple[str, ...] = ("tokens", "sentences")

    def __init__(self, nlp: Any = None) -> None:
        """`nlp`: a spaCy pipeline whose tokenizer to use (the model's, so that the analysis stage can
        reuse the tokens); a blank German one by default."""
        import spacy

        self._nlp = nlp if nlp is not None else spacy.blank("de")
        self._nlp.max_length = 50_000_000
        # a closing quotation mark before a hyphen is a token of its own („Eins zu Eins“-Begegnung): added
        # to the tokenizer's own infixes, so a model's tokenizer keeps its rules
        tokenizer: Any = self._nlp.tokenizer
        infix = getattr(tokenizer.infix_finditer, "__self__", None)
        if infix is None or _QUOTE_BEFORE_HYPHEN not in infix.pattern:
            pattern = f"{infix.pattern}|{_QUOTE_BEFORE_HYPHEN}" if infix is not None else _QUOTE_BEFORE_HYPHEN
            tokenizer.infix_finditer = re.compile(pattern).finditer
        self._keep = nlp is not None
        abbreviations()

    def tokenize(self, text: str) -> list[tuple[int, int]]:
        return [(t.idx, t.idx + len(t.text)) for t in self._nlp.make_doc(text) if not t.is_space]

    def __call__(self, doc: Document) -> Document:
        tag = f"{self.name}@{self.version}"
        sdoc = self._nlp.make_doc(doc.text)
        if self._keep:
            doc.analysis = sdoc  # the tokens, for the analysis stage to annotate
        doc.tokens = [Span(t.idx, t.idx + len(t.text), tag) for t in sdoc if not t.is_space]
        doc.sentences = [Span(s, e, tag) for s, e in split_sentences(doc.text)]
        doc.provenance["tokens"] = tag
        doc.provenance["sentences"] = tag
        return doc

    def pipe(self, docs: Iterable[Document], batch_size: int = 64) -> Iterator[Document]:
        for doc in docs:
            yield self(doc)

    def config(self) -> dict[str, Any]:
        return {"tokenizer": "spacy.blank('de')", "abbreviations": len(abbreviations())}
