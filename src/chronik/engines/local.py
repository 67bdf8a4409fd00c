"""The local engine: read inputs, run the pipeline on each document, hand results to a sink.

The per-document function is `Pipeline.process`; this engine only drives it and counts. Every
document ends as exactly one of: written, or rejected with a code.
"""

from __future__ import annotations

import threading
import time
from collections import Counter
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from typing import Any

from chronik.document import Document, Rejection
from chronik.ingest import ReadContext, read_inputs
from chronik.pipeline import Pipeline


@dataclass(slots=True)
class RunStats:
    counts: Counter[str] = field(default_factory=Counter)  # documents, rejected, new, updated, unchanged
    rejected_by_code: Counter[str] = field(default_factory=Counter)
    tokens: int = 0
    seconds: float = 0.0

    @property
    def rejected(self) -> int:
        return self.counts["rejected"]

    def summary(self, verb: str = "annotated") -> str:
        parts = [f"{self.counts['documents']} documents {verb}"]
        for key in ("new", "updated", "unchanged"):
            if self.counts[key]:
                parts.append(f"{self.counts[key]} {key}")
        rej = f"{self.rejected} rejected"
        if self.rejected:
            rej += " (" + ", ".join(f"{code}: {n}" for code, n in sorted(self.rejected_by_code.items())) + ")"
        parts.append(rej)
        rate = self.tokens / self.seconds if self.seconds else 0.0
        parts.append(f"{self.tokens:,} tokens in {self.seconds:.1f} s ({rate:,.0f} tokens/s)")
        return ", ".join(parts)


# ------------------------------------------------------------------ worker processes

_WORKER_PIPELINE: Pipeline | None = None
IN_FLIGHT = 256  # documents read ahead of the results


def _init_worker(cfg: dict[str, Any]) -> None:
    """Each worker process builds the pipeline from the configuration once."""
    global _WORKER_PIPELINE
    from chronik.pipeline import default_pipeline

    _WORKER_PIPELINE = default_pipeline(cfg)


def _process_in_worker(doc: Document | Rejection) -> Document | Rejection:
    if isinstance(doc, Rejection):
        return doc
    assert _WORKER_PIPELINE is not None
    result = _WORKER_PIPELINE.process(doc)
    if isinstance(result, Document):
        result.analysis = None  # the spaCy Doc stays in the worker: it is not part of the result
    return result


def _results(items: Iterable[Document | Rejection], pipeline: Pipeline | None, cfg: dict[str, Any] | None,
             workers: int) -> Iterator[Document | Rejection]:
    """The pipeline's result for every read item, in input order: in this process, or in `workers`
    processes (each with its own pipeline) when workers > 1."""
    if workers <= 1:
        assert pipeline is not None
        for item in items:
            yield pipeline.process(item) if isinstance(item, Document) else item
        return
    import multiprocessing as mp

    ctx = mp.get_context("forkserver" if "forkserver" in mp.get_all_start_methods() else "spawn")
    # imap keeps the workers busy while this process reads the next inputs and stores the results, and
    # returns them in input order (rejections from reading pass through the workers unchanged); the
    # semaphore keeps at most IN_FLIGHT documents read ahead, so memory stays bounded on any input
    in_flight = threading.BoundedSemaphore(IN_FLIGHT)

    def gated() -> Iterator[Document | Rejection]:
        for item in items:
            in_flight.acquire()
            yield item

    with ctx.Pool(workers, initializer=_init_worker, initargs=(cfg,)) as pool:
        for result in pool.imap(_process_in_worker, gated(), chunksize=4):
            in_flight.release()
            yield result


def run_local(
    inputs: Iterable[str],
    pipeline: Pipeline | None,
    ctx: ReadContext,
    on_document: Callable[[Document], str | Rejection | None],
    on_rejection: Callable[[Rejection], None],
    on_progress: Callable[[RunStats], None] | None = None,
    *,
    workers: int = 1,
    config: dict[str, Any] | None = None,
    on_batch: Callable[[list[Document]], list[str | Rejection | None]] | None = None,
    batch_size: int = 64,
) -> RunStats:
    """Process every input. `on_document` may return "new"/"updated"/"unchanged" to be counted, or a
    Rejection when it cannot take the document (then `on_rejection` gets it, like any other).
    With `workers` > 1 the pipeline runs in that many processes, each built from `config`; reading,
    writing and counting stay here, in input order, so the output is the same for any number of workers.
    With `on_batch`, documents go to the sink `batch_size` at a time (one transaction each) instead."""
    stats = RunStats()
    t0 = time.perf_counter()
    pending: list[Document] = []

    def count(doc: Document | None, outcome: str | Rejection | None) -> None:
        if isinstance(outcome, Rejection):
            stats.counts["rejected"] += 1
            stats.rejected_by_code[f"{outcome.reason.code} {outcome.reason.slug}"] += 1
            on_rejection(outcome)
        elif doc is not None:
            stats.counts["documents"] += 1
            stats.tokens += len(doc.tokens)
            if outcome:
                stats.counts[outcome] += 1

    def flush() -> None:
        if pending and on_batch is not None:
            for doc, outcome in zip(pending, on_batch(list(pending)), strict=True):
                count(doc, outcome)
            pending.clear()

    for result in _results(read_inputs(inputs, ctx), pipeline, config, workers):
        if isinstance(result, Rejection):
            count(None, result)
        elif on_batch is not None:
            pending.append(result)
            if len(pending) >= batch_size:
                flush()
        else:
            count(result, on_document(result))  # the sink may still refuse it (a Rejection)
        stats.seconds = time.perf_counter() - t0
        if on_progress:
            on_progress(stats)
    flush()
    stats.seconds = time.perf_counter() - t0
    return stats
