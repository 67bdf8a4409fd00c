"""The pipeline: stages that each add layers to a Document, checked when the pipeline is built.

A stage is any object with

    name: str, version: str
    requires: tuple[str, ...]   # layers it reads ("text", "language", "sentences", "tokens", ...)
    assigns: tuple[str, ...]    # layers it adds
    __call__(doc) -> doc
    pipe(docs, batch_size) -> docs

It loads its resources in its constructor and does no I/O per document. A stage that finds a
document unusable raises `DocumentRejected`; the pipeline turns that into a `Rejection` and goes on.
"""

from __future__ import annotations

import time
import traceback
from collections import defaultdict
from collections.abc import Iterable, Iterator, Sequence
from typing import Any, Protocol, runtime_checkable

from chronik import __version__
from chronik.document import Document, Rejection
from chronik.errors import PipelineError, Reject

BASE_LAYERS = ("text", "metadata")


@runtime_checkable
class Stage(Protocol):
    name: str
    version: str
    requires: tuple[str, ...]
    assigns: tuple[str, ...]

    def __call__(self, doc: Document) -> Document: ...

    def pipe(self, docs: Iterable[Document], batch_size: int = ...) -> Iterator[Document]: ...


class DocumentRejected(Exception):
    """Raised by a stage for a document that must not go on (e.g. it is not German)."""

    def __init__(self, reason: Reject, detail: str) -> None:
        super().__init__(detail)
        self.reason = reason
        self.detail = detail


class Pipeline:
    """Stages in order. `process(doc)` returns the annotated document or a Rejection, never raises."""

    def __init__(self, stages: Sequence[Stage]) -> None:
        available = set(BASE_LAYERS)
        for stage in stages:
            if not isinstance(stage, Stage):
                raise PipelineError(f"{stage!r} is not a stage (needs name, version, requires, assigns, "
                                    f"__call__ and pipe)")
            missing = [r for r in stage.requires if r not in available]
            if missing:
                raise PipelineError(
                    f"stage {stage.name!r} requires {missing}, which no earlier stage assigns; "
                    f"order the stages so that one assigning {missing} comes first"
                )
            available.update(stage.assigns)
        self.stages = list(stages)
        self.layers = available
        self.seconds: dict[str, float] = defaultdict(float)

    @property
    def names(self) -> list[str]:
        return [s.name for s in self.stages]

    def versions(self) -> dict[str, str]:
        return {"chronik": __version__, **{s.name: s.version for s in self.stages}}

    def model_hashes(self) -> dict[str, str]:
        """SHA-256 of every model file the stages loaded, as `stage/file`: stored with each run."""
        out: dict[str, str] = {}
        for s in self.stages:
            for name, digest in (getattr(s, "hashes", None) or {}).items():
                out[f"{s.name}/{name}"] = digest
        return out

    def process(self, doc: Document) -> Document | Rejection:
        for stage in self.stages:
            t0 = time.perf_counter()
            try:
                doc = stage(doc)
            except DocumentRejected as e:
                return Rejection(doc.source, e.reason, e.detail, locator=doc.metadata.get("record"),
                                 sample=doc.text[:200], doc_id=doc.id)
            except Exception as e:  # a bug or a pathological document: record it, keep the batch going
                where = traceback.extract_tb(e.__traceback__)[-1]
                return Rejection(doc.source, Reject.PIPELINE_ERROR,
                                 f"stage {stage.name!r} failed: {type(e).__name__}: {e} "
                                 f"({where.filename.rsplit('/', 1)[-1]}:{where.lineno})",
                                 locator=doc.metadata.get("record"), sample=doc.text[:200], doc_id=doc.id)
            finally:
                self.seconds[stage.name] += time.perf_counter() - t0
        return doc

    def __call__(self, doc: Document) -> Document | Rejection:
        return self.process(doc)


def default_pipeline(cfg: dict[str, Any]) -> Pipeline:
    """The pipeline `chronik annotate` runs, built from the configuration."""
    from chronik.actors import ActorResolver
    from chronik.events import EventCoder
    from chronik.nlp import LanguageIdentifier, Segmenter
    from chronik.nlp.analyze import Analyzer
    from chronik.quotes import QuoteExtractor

    analyzer = Analyzer.from_config(cfg)
    stages: list[Stage] = [LanguageIdentifier.from_config(cfg), Segmenter(analyzer.nlp if analyzer else None)]
    if analyzer is not None:
        stages.append(analyzer)
    stages.append(ActorResolver.from_config(cfg))
    stages.append(QuoteExtractor.from_config(cfg))
    stages.append(EventCoder())
    return Pipeline(stages)
