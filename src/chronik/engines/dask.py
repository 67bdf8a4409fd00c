"""The Dask engine: the same per-document function (`Pipeline.process`) on a Dask cluster — an existing
one (`scheduler` address) or a LocalCluster of worker processes. Workers write their results as
partitioned Parquet (one file per table and batch); the store then merges the parts (`Store.merge_parts`),
deciding new, updated or unchanged exactly as a local run does.
"""

from __future__ import annotations

import logging
import shutil
import tempfile
import time
from collections.abc import Callable, Iterable, Iterator
from pathlib import Path
from typing import Any

from chronik.document import Document, Rejection
from chronik.engines.local import RunStats, add_seconds, stage_delta, timed
from chronik.ingest import ReadContext, read_inputs

_PIPELINE: Any = None
_COLUMNS: dict[str, list[str]] = {}
IN_FLIGHT_PER_WORKER = 4  # batches submitted ahead of the results, per worker


def _batches(items: Iterable[Document | Rejection], size: int) -> Iterator[list[Document | Rejection]]:
    batch: list[Document | Rejection] = []
    for item in items:
        batch.append(item)
        if len(batch) >= size:
            yield batch
            batch = []
    if batch:
        yield batch


def _pipeline(cfg: dict[str, Any]) -> Any:
    global _PIPELINE
    if _PIPELINE is None:
        from chronik.pipeline import default_pipeline

        _PIPELINE = default_pipeline(cfg)
    return _PIPELINE


def describe(cfg: dict[str, Any]) -> tuple[dict[str, str], dict[str, str]]:
    """On a worker: the stage versions and model hashes of the pipeline built from `cfg`."""
    pipeline = _pipeline(cfg)
    return pipeline.versions(), pipeline.model_hashes()


def process_batch(docs: list[Document], cfg: dict[str, Any], parts: str, part: int, run_id: str
                  ) -> tuple[int, list[Rejection], dict[str, float]]:
    """On a worker: annotate `docs`, write their rows as `<parts>/<table>/part-<part>.parquet`; return the
    number of tokens, the rejections and the seconds per stage."""
    import pyarrow as pa
    import pyarrow.parquet as pq

    from chronik.store import Store
    from chronik.store.duck import DOC_TABLES, _rows

    pipeline = _pipeline(cfg)
    if not _COLUMNS:
        with Store(":memory:") as schema:
            for table in ("documents", *DOC_TABLES):
                _COLUMNS[table] = [r[0] for r in schema.con.execute(f"DESCRIBE {table}").fetchall()]
    rows: dict[str, list[list[Any]]] = {t: [] for t in _COLUMNS}
    rejections: list[Rejection] = []
    tokens = 0
    before = dict(pipeline.seconds)
    results: list[Document] = []
    for doc in docs:
        result = pipeline.process(doc)
        if isinstance(result, Rejection):
            rejections.append(result)
            continue
        tokens += len(result.tokens)
        results.append(result)
    last = {doc.id: k for k, doc in enumerate(results)}
    for k, result in enumerate(results):
        # every version gets its documents row (the store counts each, as a local run does); the other
        # tables hold only the last version of an id in this part, the one the store may keep
        for table, table_rows in _rows(result, run_id).items():
            if table == "documents" or last[result.id] == k:
                rows[table].extend(table_rows)
    for table, names in _COLUMNS.items():
        if not rows[table]:
            continue
        folder = Path(parts) / table
        folder.mkdir(parents=True, exist_ok=True)
        pq.write_table(pa.table({n: [r[k] for r in rows[table]] for k, n in enumerate(names)}),
                       folder / f"part-{part:06d}.parquet")
    return tokens, rejections, stage_delta(pipeline.seconds, before)


def run_dask(
    inputs: Iterable[str],
    ctx: ReadContext,
    cfg: dict[str, Any],
    merge: Callable[[Path], dict[str, int]],
    on_rejection: Callable[[Rejection], None],
    run_id: str | Callable[[dict[str, str], dict[str, str]], str],
    *,
    scheduler: str | None = None,
    workers: int = 2,
    batch_size: int = 64,
    parts_dir: Path | None = None,
) -> RunStats:
    """Process every input on Dask; `merge(parts)` stores the Parquet parts and returns outcome counts.
    `run_id` is the run's id, or a function that records the run from the pipeline's versions and model
    hashes (asked of a worker: this process builds no pipeline) and returns its id.
    At most `IN_FLIGHT_PER_WORKER` batches per worker wait on the cluster, so memory here stays bounded."""
    from dask.distributed import Client, LocalCluster, as_completed

    stats = RunStats()
    t0 = time.perf_counter()
    tmp = Path(tempfile.mkdtemp(prefix="chronik-parts-")) if parts_dir is None else parts_dir
    cluster = None
    try:
        if scheduler:
            client = Client(scheduler)
        else:
            cluster = LocalCluster(n_workers=max(1, workers), threads_per_worker=1, processes=True,
                                   dashboard_address=None, silence_logs=logging.ERROR)
            client = Client(cluster)
        with client:
            if callable(run_id):
                run_id = run_id(*client.submit(describe, cfg, pure=False).result())
            # the cluster's workers (a new LocalCluster may not have registered them yet: then as asked)
            limit = IN_FLIGHT_PER_WORKER * max(1, len(client.scheduler_info().get("workers", {})) or workers)
            pending = as_completed()

            def reject(rej: Rejection) -> None:
                stats.counts["rejected"] += 1
                stats.rejected_by_code[f"{rej.reason.code} {rej.reason.slug}"] += 1
                on_rejection(rej)

            def collect(future: Any) -> None:
                tokens, rejections, seconds = future.result()
                stats.tokens += tokens
                add_seconds(stats.stage_seconds, seconds)
                for rej in rejections:
                    reject(rej)
                future.release()

            stats.stage_seconds["read"] = 0.0
            for part, batch in enumerate(_batches(timed(read_inputs(inputs, ctx), stats.stage_seconds, "read"),
                                                  batch_size)):
                docs = [x for x in batch if isinstance(x, Document)]
                for rej in (x for x in batch if isinstance(x, Rejection)):
                    reject(rej)
                if docs:
                    pending.add(client.submit(process_batch, docs, cfg, str(tmp), part, run_id, pure=False))
                while pending.count() >= limit:
                    collect(next(pending))
            for future in pending:
                collect(future)
        t = time.perf_counter()
        for key, n in merge(tmp).items():
            stats.counts[key] += n
        add_seconds(stats.stage_seconds, {"output": time.perf_counter() - t})
        stats.counts["documents"] = stats.counts["new"] + stats.counts["updated"] + stats.counts["unchanged"]
    finally:
        if cluster is not None:
            cluster.close()
        if parts_dir is None:
            shutil.rmtree(tmp, ignore_errors=True)
    stats.seconds = time.perf_counter() - t0
    return stats
