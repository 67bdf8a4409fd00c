"""Stage 4b, actors: what each entity refers to — country, organisation or person with its country
and sector — and descriptions ("der Kremlchef", "die Regierung Österreichs") as actors too.

    lexicon.py   hand-written German vocabulary: adjectives, organisations, institutions, role nouns
    kb.py        the knowledge base (countries, office holders, places; data/kb.json.gz) and its lookups
    resolve.py   in-document resolution of names, titles and descriptions
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from typing import Any

from chronik.actors.kb import DEFAULT_KB, Actor, ActorKB, Place, load_kb
from chronik.actors.resolve import DocumentActors
from chronik.document import Document

__all__ = ["Actor", "ActorKB", "ActorResolver", "Place", "load_kb"]


class ActorResolver:
    """Fills `name`, `country`, `sector`, `kb` of `doc.entities` and adds description entities
    (PER or ORG with `mention: "nominal"`)."""

    name = "actors"
    version = "0.2.1"
    requires: tuple[str, ...] = ("text", "tokens", "sentences")
    assigns: tuple[str, ...] = ("actors",)

    def __init__(self, kb: ActorKB | None = None) -> None:
        self.kb = kb or load_kb()
        self.hashes = {self.kb.path.name: self.kb.sha256}

    @classmethod
    def from_config(cls, cfg: dict[str, Any]) -> ActorResolver:
        path = (cfg.get("actors") or {}).get("kb") or None
        return cls(load_kb(str(path)) if path else load_kb(str(DEFAULT_KB)))

    def __call__(self, doc: Document) -> Document:
        DocumentActors(doc, self.kb).resolve()
        doc.provenance["actors"] = f"{self.name}@{self.version}"
        return doc

    def pipe(self, docs: Iterable[Document], batch_size: int = 64) -> Iterator[Document]:
        for doc in docs:
            yield self(doc)
