"""A token-level view of a Document for the quotation rules: tokens with their sentence, the entity
each token belongs to, and clause boundaries."""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass, field
from typing import Any

from chronik.document import Document, is_named, is_nominal

QUOTE_CHARS = frozenset("„“”\"»«‚‘›‹")
CLAUSE_BREAKS = frozenset({",", ";", ":", "–", "—", "(", ")"})
END_PUNCT = frozenset({".", "!", "?", "…"})
# nouns and names that start with a small letter: "dpa-Meldung", "ai-Bericht", "eBay", "iPhone"
_SMALL_NOUN = re.compile(r"^[a-zäöü]+(?:-[A-ZÄÖÜ]|[A-ZÄÖÜ])\w")


@dataclass(slots=True)
class Tok:
    i: int
    text: str
    start: int
    end: int
    sent: int
    tag: str = ""  # STTS tag from the model, "" without one
    # written as a noun or name: a capital first letter, or a noun such as "dpa-Meldung", "eBay" (set once:
    # the rules ask for it again and again)
    cap: bool = field(init=False)

    def __post_init__(self) -> None:
        self.cap = self.text[:1].isupper() or bool(_SMALL_NOUN.match(self.text))

    @property
    def lower(self) -> str:
        return self.text.lower()

    @property
    def word(self) -> bool:
        return self.text[:1].isalnum()


class DocView:
    def __init__(self, doc: Document) -> None:
        self.doc = doc
        self.text = doc.text
        sent_starts = [s.start for s in doc.sentences]
        self.sentences = [(s.start, s.end) for s in doc.sentences]
        self.toks: list[Tok] = []
        tags = doc.tags if len(doc.tags) == len(doc.tokens) else [""] * len(doc.tokens)
        for i, t in enumerate(doc.tokens):
            si = max(bisect.bisect_right(sent_starts, t.start) - 1, 0)
            self.toks.append(Tok(i, doc.text[t.start : t.end], t.start, t.end, si, tags[i]))
        # token range of each sentence
        self.sent_toks: list[tuple[int, int]] = [(0, 0)] * len(self.sentences)
        lo = 0
        for si in range(len(self.sentences)):
            hi = lo
            while hi < len(self.toks) and self.toks[hi].sent == si:
                hi += 1
            self.sent_toks[si] = (lo, hi)
            lo = hi
        # entity of each token
        self.ent_of: dict[int, dict[str, Any]] = {}
        starts = [t.start for t in self.toks]
        for ent in doc.entities:
            a = bisect.bisect_left(starts, ent["start"])
            b = a
            while b < len(self.toks) and self.toks[b].end <= ent["end"]:
                outer = self.ent_of.get(b)
                if outer is None or not (outer["start"] <= ent["start"] and ent["end"] <= outer["end"]):
                    self.ent_of[b] = ent  # an entity inside a longer one ("armenische" in "die armenische
                b += 1                    # Opposition") leaves the longer one in place

    def clause(self, tok: int) -> tuple[int, int]:
        """Token range [a, b) of the clause around `tok`, between commas, semicolons, colons, dashes and brackets."""
        lo, hi = self.sent_toks[self.toks[tok].sent]
        a = tok
        while a > lo and self.toks[a - 1].text not in CLAUSE_BREAKS:
            a -= 1
        b = tok
        while b < hi and self.toks[b].text not in CLAUSE_BREAKS and self.toks[b].text not in END_PUNCT:
            b += 1
        return a, b

    def span(self, a: int, b: int) -> tuple[int, int]:
        """Character offsets of tokens [a, b)."""
        return self.toks[a].start, self.toks[b - 1].end

    def trim(self, a: int, b: int) -> tuple[int, int]:
        """Token range without leading/trailing punctuation, but with the closing mark of a quotation that
        opens inside it ("… in der Zeitschrift „Nature“")."""
        while a < b and not self.toks[a].word:
            a += 1
        while b > a and not self.toks[b - 1].word:
            b -= 1
        if b < len(self.toks) and self.toks[b].text in QUOTE_CHARS and \
                sum(self.toks[k].text in QUOTE_CHARS for k in range(a, b)) % 2 == 1:
            b += 1
        return a, b

    def extended_clause(self, tok: int) -> tuple[int, int]:
        """Like `clause`, but read past what only describes a noun: appositions (", der Chef der NASA,"),
        short brackets ("(CDU)") and relative clauses (", die … geführt wird,") before and after `tok`."""
        lo, hi = self.sent_toks[self.toks[tok].sent]
        toks = self.toks
        opening = {k: close for k, (close, _) in self.inserts(lo, hi).items()}
        closing = {c: k for k, c in opening.items()}
        a = tok
        while a > lo:
            if a - 1 in closing and closing[a - 1] < tok:
                a = closing[a - 1]
                continue
            if toks[a - 1].text in CLAUSE_BREAKS:
                break
            a -= 1
        b = tok
        while b < hi:
            if b in opening and b > tok:
                b = opening[b] + 1
                continue
            if toks[b].text in CLAUSE_BREAKS or toks[b].text in END_PUNCT:
                break
            b += 1
        return a, b

    def bracket_end(self, opening: int, stop: int) -> int | None:
        """The token after the ")" that closes the "(" at `opening`, looking before `stop`; None if none."""
        return next((m + 1 for m in range(opening + 1, stop) if self.toks[m].text == ")"), None)

    def bracket_start(self, close: int, lowest: int) -> int | None:
        """The "(" that opens the ")" at `close`, looking back as far as `lowest`; None if none."""
        return next((m for m in range(close - 1, lowest - 1, -1) if self.toks[m].text == "("), None)

    def inserts(self, lo: int, hi: int) -> dict[int, tuple[int, str]]:
        """Opening token -> (closing token, kind) of what is inserted into a clause in tokens [lo, hi):
        "apposition" (", der Chef der NASA,"), "bracket" ("(CDU)", up to 8 tokens) and "relative"
        (", die … geführt wird,")."""
        out: dict[int, tuple[int, str]] = {}
        for k in range(lo, hi):
            t = self.toks[k].text
            sent_hi = self.sent_toks[self.toks[k].sent][1]
            if t == "(":
                close = next((j for j in range(k + 1, min(k + 10, sent_hi)) if self.toks[j].text == ")"), None)
                if close is not None:
                    out[k] = (close, "bracket")
            elif t == ",":
                close = self.apposition(k)
                if close is not None:
                    out[k] = (close, "apposition")
                    continue
                close = self.relative_clause(k)
                if close is not None:
                    out[k] = (close, "relative")
        return out

    def apposition(self, comma: int) -> int | None:
        """The closing comma of an apposition opened by the comma at token `comma`, or None.

        An apposition names again what stands before it: a name (", Michael Griffin,") or a description
        with its article (", der Hohe Vertreter der EU,", ", dem Chef der Raumfahrtbehörde,"). A relative
        or subordinate clause ends with its verb, in lower case; an apposition ends with a noun or name.
        A list item ("Russland, die EU, China") is an entity of its own, not a description.
        """
        toks = self.toks
        if comma <= 0 or toks[comma].text != ",":
            return None
        hi = self.sent_toks[toks[comma].sent][1]
        before = toks[comma - 1]
        if not (before.cap or before.text == ")"):
            return None
        close = comma + 1
        while close < hi and toks[close].text not in CLAUSE_BREAKS and toks[close].text not in END_PUNCT:
            close += 1
        if close >= hi - 1 or toks[close].text != "," or close - comma < 2 or close - comma > 20:
            return None
        last = toks[close - 1]
        if not (last.cap and last.word):
            return None
        first = self.ent_of.get(comma + 1)
        if is_named(first, "PER"):
            return close if all(self.ent_of.get(j) is first for j in range(comma + 1, close)) else None
        if toks[comma + 1].lower not in APPOSITION_ARTICLES:
            return None
        j = comma + 2
        while j < close and not toks[j].cap:
            j += 1  # adjectives
        head = self.ent_of.get(j)
        if j >= close or (head is not None and not is_nominal(head)):
            return None
        return close


    def open_apposition(self, comma: int, is_role: Any) -> int | None:
        """The end (exclusive) of an apposition the writer did not close: "Javier Solana, der Hohe Vertreter
        der EU will nach Kinshasa reisen" — a name, a comma, an article and a role noun (`is_role`), then the
        noun phrase up to the first word that is not part of it (the verb)."""
        toks = self.toks
        if comma <= 0 or toks[comma].text != "," or self.apposition(comma) is not None:
            return None
        ent = self.ent_of.get(comma - 1)
        hi = self.sent_toks[toks[comma].sent][1]
        if not is_named(ent, "PER") or comma + 2 >= hi or toks[comma + 1].lower not in ("der", "die"):
            return None
        if not any(toks[k].cap and is_role(toks[k].text) for k in range(comma + 2, min(comma + 4, hi))):
            return None
        k = comma + 2
        while k < hi:
            t = toks[k]
            if t.cap or t.lower in APPOSITION_ARTICLES or t.lower in NP_WORDS or t.text.endswith("-") or (
                    t.word and t.lower.endswith(("e", "en", "er", "em", "es")) and k + 1 < hi and toks[k + 1].cap):
                k += 1
                continue
            break
        if k >= hi or not toks[k].word or toks[k].cap:
            return None
        return k

    def relative_clause(self, comma: int) -> int | None:
        """The closing comma of a relative clause opened by the comma at token `comma` after a noun
        ("Schweden, das die Grenze geschlossen hatte, …"): a relative pronoun, perhaps after a preposition,
        and a verb in lower case before the closing comma."""
        toks = self.toks
        if comma <= 0 or toks[comma].text != "," or not toks[comma - 1].cap:
            return None
        hi = self.sent_toks[toks[comma].sent][1]
        k = comma + 1
        if k < hi and toks[k].lower in RELATIVE_PREPS:
            k += 1
        if k >= hi or toks[k].lower not in RELATIVE_PRONOUNS:
            return None
        close = k + 1
        while close < hi and toks[close].text not in CLAUSE_BREAKS and toks[close].text not in END_PUNCT:
            close += 1
        if close >= hi - 1 or toks[close].text != "," or close - comma > 25:
            return None
        last = toks[close - 1]
        return close if last.word and not last.cap else None


NP_WORDS = frozenset("für von vom des der und im in zur zum".split())
RELATIVE_PRONOUNS = frozenset("der die das dem den deren dessen denen welcher welche welches welchem welchen".split())
RELATIVE_PREPS = frozenset("mit von bei in an auf für gegen über unter zu nach aus durch um".split())
APPOSITION_ARTICLES = frozenset({"der", "die", "das", "dem", "den", "des", "ein", "eine", "einem", "einer"})
