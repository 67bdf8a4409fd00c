"""Stage 6, events: who did what to whom, where and when — PLOVER type, mode and CAMEO code, source and
target actors, modality, place and date, with the trigger and the sentence as evidence.

    lexicon.py   German triggers (verbs, nouns, phrases) for the 16 PLOVER types; modality words
    detect.py    triggers in clauses, arguments from word order, place, date; one record per dyad
Places and actors come from the actor stage (chronik.actors), dates from chronik.time.relative.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator

from chronik.document import Document
from chronik.events.detect import find_events

__all__ = ["EventCoder", "find_events"]


class EventCoder:
    """Fills `doc.events`; reads tokens, sentences, resolved entities and quotes."""

    name = "events"
    version = "0.1.0"
    requires: tuple[str, ...] = ("text", "tokens", "sentences", "actors")
    assigns: tuple[str, ...] = ("events",)

    def __call__(self, doc: Document) -> Document:
        doc.events = find_events(doc)
        doc.provenance["events"] = f"{self.name}@{self.version}"
        return doc

    def pipe(self, docs: Iterable[Document], batch_size: int = 64) -> Iterator[Document]:
        for doc in docs:
            yield self(doc)
