"""Titles of works as MISC mentions: the words in quotation marks right after a noun that names a kind of work.

    der Film „Die bleierne Zeit“ · sein Roman »Unterleuten« · das Album "Stille Wasser"

News names films, books, plays, albums and exhibitions by their title in quotation marks, and a title is a
name (GermEval 2014 marks it `OTH`, chronik's contract `MISC`). A statistical model trained on news and
parliament text rarely sees one and cannot tell a title from a quotation, but the noun before the marks can:
"der Film" introduces a title, "sagte" a quotation. The title replaces any mention the model found inside it
("„Troia – Traum und Wirklichkeit“" is one title, not the place Troia).
"""

from __future__ import annotations

import re
from typing import Any

# Nouns that name a kind of work, as the last part of a compound too ("Kinofilm", "Debütalbum", "Kinderbuch"),
# in all their case forms. Newspapers ("die Zeitung „…“") are organisations, mottos and slogans are not names.
WORK_NOUN = re.compile(
    r"(film|buch|roman|album|lied|song|single|serie|stück|oper|operette|musical|gedicht|ballade|erzählung|novelle"
    r"|ausstellung|sendung|talkshow|show|dokumentation|doku|hörspiel|theaterstück|drama|komödie|werk|titel"
    r"|kantate|sinfonie|symphonie|ballett|videospiel|computerspiel|kinderbuch|essay)(e?s|en|n)?$",
    re.IGNORECASE)
OPENING = {"„": "“", "»": "«", '"': '"', "«": "»", "‚": "‘"}
MAX_TOKENS = 12


def work_titles(doc: Any) -> list[tuple[int, int]]:
    """Token spans (start, end) of the titles in a spaCy Doc: the tokens between the quotation marks that
    follow a work noun, when the marks close within MAX_TOKENS tokens of the same sentence."""
    spans = []
    for i in range(len(doc) - 2):
        closing = OPENING.get(doc[i + 1].text)  # the cheap test first: this runs over every token
        if closing is None:
            continue
        tok = doc[i]
        if not (tok.text[:1].isupper() and WORK_NOUN.search(tok.text)) or tok.tag_ not in ("NN", ""):
            continue
        start = i + 2
        for end in range(start, min(len(doc), start + MAX_TOKENS + 1)):
            if doc[end].text == closing:
                if end > start and (doc[start].text[:1].isupper() or doc[start].text[:1].isdigit()):
                    spans.append((start, end))
                break
            if doc[end].is_sent_start and end > i + 1:
                break
    return spans
