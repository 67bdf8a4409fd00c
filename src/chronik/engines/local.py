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
    stage_seconds: dict[str, float] = field(default_factory=dict)  # per pipeline stage, summed over workers

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

    def timings(self) -> str:
        """Seconds per step, one per line: reading the inputs, each pipeline stage (summed over all workers),
        writing the output (storing), and each one's share."""
        total = sum(self.stage_seconds.values()) or 1.0
        lines = [f"{'stage':<10} {'seconds':>8} {'share':>6}"]
        lines += [f"{name:<10} {s:>8.2f} {s / total:>6.1%}" for name, s in self.stage_seconds.items()]
        return "\n".join(lines)


def stage_delta(after: dict[str, float], before: dict[str, float]) -> dict[str, float]:
    """What a pipeline's per-stage seconds grew by between two snapshots."""
    return {name: s - before.get(name, 0.0) for name, s in after.items()}


def add_seconds(into: dict[str, float], seconds: dict[str, float]) -> None:
    for name, s in seconds.items():
        into[name] = into.get(name, 0.0) + s


def timed(items: Iterable[Any], into: dict[str, float], name: str) -> Iterator[Any]:
    """`items`, adding the time spent producing each to `into[name]` (e.g. reading the inputs)."""
    it = iter(items)
    while True:
        t0 = time.perf_counter()
        try:
            item = next(it)
        except StopIteration:
            return
        finally:
            into[name] = into.get(name, 0.0) + time.perf_counter() - t0
        yield item


# ------------------------------------------------------------------ worker processes

_WORKER_PIPELINE: Pipeline | None = None
_WORKER_ERROR: BaseException | None = None
IN_FLIGHT = 256  # documents read ahead of the results
OnStart = Callable[[dict[str, str], dict[str, str]], object]  # (stage versions, model hashes) of the pipeline


def _init_worker(cfg: dict[str, Any]) -> None:
    """Each worker process builds the pipeline from the configuration once. A failure is kept and raised
    by the worker's first task (a failing initializer would make the pool restart workers forever)."""
    global _WORKER_PIPELINE, _WORKER_ERROR
    from chronik.pipeline import default_pipeline

    try:
        _WORKER_PIPELINE = default_pipeline(cfg)
    except BaseException as e:
        _WORKER_ERROR = e


def _worker_pipeline() -> Pipeline:
    if _WORKER_PIPELINE is None:
        raise _WORKER_ERROR or RuntimeError("the worker has no pipeline")
    return _WORKER_PIPELINE


def describe_pipeline() -> tuple[dict[str, str], dict[str, str]]:
    """In a worker: the stage versions and model hashes of its pipeline (recorded with the run)."""
    pipeline = _worker_pipeline()
    return pipeline.versions(), pipeline.model_hashes()


def _process_in_worker(doc: Document | Rejection) -> tuple[Document | Rejection, dict[str, float]]:
    if isinstance(doc, Rejection):
        return doc, {}
    pipeline = _worker_pipeline()
    before = dict(pipeline.seconds)
    result = pipeline.process(doc)
    if isinstance(result, Document):
        result.analysis = None  # the spaCy Doc stays in the worker: it is not part of the result
    return result, stage_delta(pipeline.seconds, before)


def _results(items: Iterable[Document | Rejection], pipeline: Pipeline | None, cfg: dict[str, Any] | None,
             workers: int, stage_seconds: dict[str, float], on_start: OnStart | None
             ) -> Iterator[Document | Rejection]:
    """The pipeline's result for every read item, in input order: in this process (with `pipeline`, or one
    built from `cfg`), or in `workers` processes that each build their own from `cfg` when workers > 1.
    Calls `on_start` with the pipeline's versions once it is built; adds the time per stage to
    `stage_seconds`."""
    if workers <= 1:
        if pipeline is None:
            from chronik.pipeline import default_pipeline

            pipeline = default_pipeline(cfg or {})
        if on_start:
            on_start(pipeline.versions(), pipeline.model_hashes())
        for item in items:
            if isinstance(item, Document):
                before = dict(pipeline.seconds)
                item = pipeline.process(item)
                add_seconds(stage_seconds, stage_delta(pipeline.seconds, before))
            yield item
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
        versions, hashes = pool.apply(describe_pipeline)  # raises here if the workers cannot build it
        if on_start:
            on_start(versions, hashes)
        for result, seconds in pool.imap(_process_in_worker, gated(), chunksize=4):
            in_flight.release()
            add_seconds(stage_seconds, seconds)
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
    on_start: OnStart | None = None,
) -> RunStats:
    """Process every input. `on_document` may return "new"/"updated"/"unchanged" to be counted, or a
    Rejection when it cannot take the document (then `on_rejection` gets it, like any other).
    With `workers` > 1 the pipeline runs in that many processes, each built from `config` (`pipeline` may
    then be None: this process does not need one); reading, writing and counting stay here, in input order,
    so the output is the same for any number of workers. `on_start(versions, model_hashes)` is called once
    the pipeline is built, before the first result.
    With `on_batch`, documents go to the sink `batch_size` at a time (one transaction each) instead."""
    stats = RunStats()
    t0 = time.perf_counter()
    pending: list[Document] = []
    seconds = stats.stage_seconds

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
            t = time.perf_counter()
            outcomes = on_batch(list(pending))
            add_seconds(seconds, {"output": time.perf_counter() - t})
            for doc, outcome in zip(pending, outcomes, strict=True):
                count(doc, outcome)
            pending.clear()

    seconds["read"] = 0.0
    for result in _results(timed(read_inputs(inputs, ctx), seconds, "read"), pipeline, config, workers, seconds,
                           on_start):
        if isinstance(result, Rejection):
            count(None, result)
        elif on_batch is not None:
            pending.append(result)
            if len(pending) >= batch_size:
                flush()
        else:
            t = time.perf_counter()
            outcome = on_document(result)  # the sink may still refuse it (a Rejection)
            add_seconds(seconds, {"output": time.perf_counter() - t})
            count(result, outcome)
        stats.seconds = time.perf_counter() - t0
        if on_progress:
            on_progress(stats)
    flush()
    stats.seconds = time.perf_counter() - t0
    return stats
