"""Stage 5, quotations: who said what. Direct, indirect, mixed quotes and their continuations, each
with its cue and its speaker, resolved within the document.

    marks.py     pairs quotation marks („…“, »…«, "…")
    lexicon.py   cue verbs, nouns and prepositions; the Konjunktiv test
    detect.py    the rules that find quotes and their cues
    speakers.py  the speaker mention next to a cue, and what it refers to
    reported.py  a learned second look at uncued sentences: reported speech or not (reported.json)
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import Any

from chronik.document import Document
from chronik.quotes.detect import find_quotes
from chronik.quotes.reported import ReportedModel, bundled

__all__ = ["QuoteExtractor", "find_quotes"]


class QuoteExtractor:
    """Fills `doc.quotes`; reads tokens, sentences and (when a model ran) entities."""

    name = "quotes"
    version = "0.3.1"
    requires: tuple[str, ...] = ("text", "tokens", "sentences")
    assigns: tuple[str, ...] = ("quotes",)

    def __init__(self, reported: ReportedModel | str | None = "bundled") -> None:
        """`reported`: the weights for uncued reported sentences ("bundled", a model, or None for the
        rules alone)."""
        if reported == "bundled":
            reported = bundled()
        self.reported = reported if isinstance(reported, ReportedModel) else None

    @classmethod
    def from_config(cls, cfg: dict[str, Any]) -> QuoteExtractor:
        """`[quotes] reported`: "bundled", a path to weights, or "" for the rules alone."""
        setting = str((cfg.get("quotes") or {}).get("reported", "bundled"))
        if setting in ("", "bundled"):
            return cls(reported=setting or None)
        return cls(reported=ReportedModel.load(Path(setting).expanduser()))

    def __call__(self, doc: Document) -> Document:
        tag = f"{self.name}@{self.version}"
        doc.quotes = find_quotes(doc, self.reported)
        doc.provenance["quotes"] = tag
        return doc

    def pipe(self, docs: Iterable[Document], batch_size: int = 64) -> Iterator[Document]:
        for doc in docs:
            yield self(doc)
