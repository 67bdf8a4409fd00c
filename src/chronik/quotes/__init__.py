"""Stage 5, quotations: who said what. Direct, indirect, mixed quotes and their continuations, each
with its cue and its speaker, resolved within the document.

    marks.py     pairs quotation marks („…“, »…«, "…")
    lexicon.py   cue verbs, nouns and prepositions; the Konjunktiv test
    detect.py    the rules that find quotes and their cues
    speakers.py  the speaker mention next to a cue, and what it refers to
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator

from chronik.document import Document
from chronik.quotes.detect import find_quotes

__all__ = ["QuoteExtractor", "find_quotes"]


class QuoteExtractor:
    """Fills `doc.quotes`; reads tokens, sentences and (when a model ran) entities."""

    name = "quotes"
    version = "0.1.0"
    requires: tuple[str, ...] = ("text", "tokens", "sentences")
    assigns: tuple[str, ...] = ("quotes",)

    def __call__(self, doc: Document) -> Document:
        tag = f"{self.name}@{self.version}"
        doc.quotes = find_quotes(doc)
        doc.provenance["quotes"] = tag
        return doc

    def pipe(self, docs: Iterable[Document], batch_size: int = 64) -> Iterator[Document]:
        for doc in docs:
            yield self(doc)
