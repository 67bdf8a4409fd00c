"""The data model every stage reads and extends.

A `Document` carries the unchanged text of one article. Every layer a stage adds (sentences, tokens,
entities, quotes, events) is made of spans: character offsets into that text, end exclusive, so
`doc.text[span.start:span.end]` is always the span's text. Stages add layers; they never rewrite the
text or another stage's layer. `to_json()` gives the annotation contract of DESIGN.md.
"""

from __future__ import annotations

import hashlib
import unicodedata
from dataclasses import dataclass, field
from typing import Any, TypeGuard

from chronik.errors import Reject
from chronik.time import PartialDate, parse_date

NOMINAL = "nominal"  # an entity's `mention` when it is a description ("der Kremlchef"), not a name


def is_nominal(ent: dict[str, Any] | None) -> TypeGuard[dict[str, Any]]:
    """A description entity: labelled PER or ORG like a name (as the contract labels "der Kremlchef"),
    with `mention: "nominal"` and, where known, the `name` it refers to."""
    return ent is not None and ent.get("mention") == NOMINAL


def is_named(ent: dict[str, Any] | None, label: str) -> TypeGuard[dict[str, Any]]:
    """An entity with `label` that is a name ("Putin"), not a description ("der Kremlchef")."""
    return ent is not None and ent.get("label") == label and ent.get("mention") != NOMINAL


CONTRACT_KEYS = ("id", "source", "title", "published", "language", "text", "sentences", "entities",
                 "quotes", "events")


def normalise_text(text: str) -> str:
    """The form of a text its id is computed from: NFC, whitespace runs collapsed, trimmed."""
    return " ".join(unicodedata.normalize("NFC", text).split())


def content_id(text: str) -> str:
    """A stable id from the normalised text: the same article gets the same id wherever it comes from."""
    return hashlib.sha256(normalise_text(text).encode("utf-8")).hexdigest()[:20]


@dataclass(frozen=True, slots=True)
class Span:
    """Character offsets into a document's text, end exclusive, with where they came from."""

    start: int
    end: int
    stage: str = ""

    def text_of(self, text: str) -> str:
        return text[self.start : self.end]

    def __reduce__(self) -> tuple[type[Span], tuple[int, int, str]]:
        # a plain tuple: a document's hundreds of spans cross to and from worker processes 2-3x faster
        return (Span, (self.start, self.end, self.stage))


@dataclass(frozen=True, slots=True)
class Issue:
    """A non-fatal problem with a document that was kept (e.g. `encoding-repaired`)."""

    code: str
    message: str
    stage: str = "ingest"

    def to_json(self) -> dict[str, str]:
        return {"code": self.code, "message": self.message, "stage": self.stage}


@dataclass(slots=True)
class Document:
    """One article flowing through the pipeline."""

    text: str
    id: str = ""
    source: str = ""
    title: str | None = None
    published: PartialDate | None = None
    language: str | None = None
    metadata: dict[str, Any] = field(default_factory=dict)
    sentences: list[Span] = field(default_factory=list)
    tokens: list[Span] = field(default_factory=list)
    tags: list[str] = field(default_factory=list)  # a part-of-speech tag (STTS) per token, when a model tags
    morph: list[str] = field(default_factory=list)  # UD features per token ("Mood=Sub|Person=3"), from a model
    lemmas: list[str] = field(default_factory=list)  # a lemma per token ("sagte" -> "sagen"), when analysed
    # Syntax, when the model parses (config models.syntax): for each token the index of its head token in
    # `tokens` (a sentence's root points to itself) and its UD relation to it ("nsubj", "obj", "root")
    heads: list[int] = field(default_factory=list)
    deps: list[str] = field(default_factory=list)
    entities: list[dict[str, Any]] = field(default_factory=list)
    quotes: list[dict[str, Any]] = field(default_factory=list)
    events: list[dict[str, Any]] = field(default_factory=list)
    issues: list[Issue] = field(default_factory=list)
    provenance: dict[str, str] = field(default_factory=dict)  # layer -> "stage@version"
    # The linguistic analysis (a spaCy Doc over the same text: tags, morphology, lemmas, syntax) for
    # later stages to read. In memory only: it is not part of the contract and not stored.
    analysis: Any = field(default=None, repr=False, compare=False)

    def __post_init__(self) -> None:
        if not self.id:
            self.id = content_id(self.text)

    @property
    def content_hash(self) -> str:
        return content_id(self.text)

    def add_issue(self, code: str, message: str, stage: str = "ingest") -> None:
        self.issues.append(Issue(code, message, stage))

    def sentence_texts(self) -> list[str]:
        return [s.text_of(self.text) for s in self.sentences]

    def to_json(self, *, tokens: bool = False) -> dict[str, Any]:
        """The annotation contract (DESIGN.md), plus `published_precision`, `metadata`, `issues`."""
        out: dict[str, Any] = {
            "id": self.id,
            "source": self.source,
            "title": self.title,
            "published": self.published.value if self.published else None,
            "published_precision": self.published.precision if self.published else None,
            "language": self.language,
            "text": self.text,
            "sentences": [[s.start, s.end] for s in self.sentences],
            "entities": self.entities,
            "quotes": self.quotes,
            "events": self.events,
            "content_hash": self.content_hash,
            "metadata": self.metadata,
            "issues": [i.to_json() for i in self.issues],
            "provenance": self.provenance,
        }
        if tokens:
            out["tokens"] = [[t.start, t.end] for t in self.tokens]
            if self.tags:
                out["tags"] = self.tags
            if self.morph:
                out["morph"] = self.morph
            if self.lemmas:
                out["lemmas"] = self.lemmas
            if self.deps:
                out["heads"] = self.heads
                out["deps"] = self.deps
        return out

    @classmethod
    def from_json(cls, obj: dict[str, Any]) -> Document:
        """Inverse of `to_json`: what `to_json` wrote comes back equal."""
        published = obj.get("published")
        pd = None
        if published is not None:
            precision = obj.get("published_precision")
            pd = PartialDate(published, precision) if precision else parse_date(published)
        return cls(
            text=obj["text"],
            id=obj.get("id") or "",
            source=obj.get("source") or "",
            title=obj.get("title"),
            published=pd,
            language=obj.get("language"),
            metadata=dict(obj.get("metadata") or {}),
            sentences=[Span(s, e, "") for s, e in obj.get("sentences", [])],
            tokens=[Span(s, e, "") for s, e in obj.get("tokens", [])],
            tags=list(obj.get("tags", [])),
            morph=list(obj.get("morph", [])),
            lemmas=list(obj.get("lemmas", [])),
            heads=list(obj.get("heads", [])),
            deps=list(obj.get("deps", [])),
            entities=list(obj.get("entities", [])),
            quotes=list(obj.get("quotes", [])),
            events=list(obj.get("events", [])),
            issues=[Issue(i["code"], i["message"], i.get("stage", "ingest")) for i in obj.get("issues", [])],
            provenance=dict(obj.get("provenance") or {}),
        )


@dataclass(slots=True)
class Rejection:
    """An input that did not become a document, and why. Recorded, never dropped silently."""

    source: str
    reason: Reject
    detail: str
    locator: str | None = None  # where inside the source: "line 17", "item 3", a WARC record id
    sample: str | None = None  # the first characters of what was rejected, to find and fix it
    doc_id: str | None = None

    @property
    def code(self) -> str:
        return self.reason.code

    def to_json(self) -> dict[str, Any]:
        return {
            "source": self.source,
            "locator": self.locator,
            "code": self.reason.code,
            "reason": self.reason.slug,
            "detail": self.detail,
            "sample": self.sample,
            "doc_id": self.doc_id,
        }

    def __str__(self) -> str:
        where = f"{self.source}" + (f" ({self.locator})" if self.locator else "")
        return f"[{self.reason.code} {self.reason.slug}] {where}: {self.detail}"
