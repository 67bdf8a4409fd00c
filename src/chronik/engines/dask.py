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
from chronik.engines.local import RunStats
from chronik.ingest import ReadContext, read_inputs

_PIPELINE: Any = None
_COLUMNS: dict[str, list[str]] = {}


def _batches(items: Iterable[Document | Rejection], size: int) -> Iterator[list[Document | Rejection]]:
    batch: list[Document | Rejection] = []
    for item in items:
        batch.append(item)
        if len(batch) >= size:
            yield batch
            batch = []
    if batch:
        yield batch


def process_batch(docs: list[Document], cfg: dict[str, Any], parts: str, part: int, run_id: str
                  ) -> tuple[int, list[Rejection]]:
    """On a worker: annotate `docs`, write their rows as `<parts>/<table>/part-<part>.parquet`; return the
    number of tokens and the rejections."""
    global _PIPELINE
    import pyarrow as pa
    import pyarrow.parquet as pq

    from chronik.pipeline import default_pipeline
    from chronik.store import Store
    from chronik.store.duck import DOC_TABLES, _rows

    if _PIPELINE is None:
        _PIPELINE = default_pipeline(cfg)
    if not _COLUMNS:
        with Store(":memory:") as schema:
            for table in ("documents", *DOC_TABLES):
                _COLUMNS[table] = [r[0] for r in schema.con.execute(f"DESCRIBE {table}").fetchall()]
    rows: dict[str, list[list[Any]]] = {t: [] for t in _COLUMNS}
    rejections: list[Rejection] = []
    tokens = 0
    for doc in docs:
        result = _PIPELINE.process(doc)
        if isinstance(result, Rejection):
            rejections.append(result)
            continue
        tokens += len(result.tokens)
        for table, table_rows in _rows(result, run_id).items():
            rows[table].extend(table_rows)
    for table, names in _COLUMNS.items():
        if not rows[table]:
            continue
        folder = Path(parts) / table
        folder.mkdir(parents=True, exist_ok=True)
        pq.write_table(pa.table({n: [r[k] for r in rows[table]] for k, n in enumerate(names)}),
                       folder / f"part-{part:06d}.parquet")
    return tokens, rejections


def run_dask(
    inputs: Iterable[str],
    ctx: ReadContext,
    cfg: dict[str, Any],
    merge: Callable[[Path], dict[str, int]],
    on_rejection: Callable[[Rejection], None],
    run_id: str,
    *,
    scheduler: str | None = None,
    workers: int = 2,
    batch_size: int = 64,
    parts_dir: Path | None = None,
) -> RunStats:
    """Process every input on Dask; `merge(parts)` stores the Parquet parts and returns outcome counts."""
    from dask.distributed import Client, LocalCluster

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
            futures = []
            for part, batch in enumerate(_batches(read_inputs(inputs, ctx), batch_size)):
                docs = [x for x in batch if isinstance(x, Document)]
                for rej in (x for x in batch if isinstance(x, Rejection)):
                    stats.counts["rejected"] += 1
                    stats.rejected_by_code[f"{rej.reason.code} {rej.reason.slug}"] += 1
                    on_rejection(rej)
                if docs:
                    futures.append(client.submit(process_batch, docs, cfg, str(tmp), part, run_id, pure=False))
            for tokens, rejections in client.gather(futures):
                stats.tokens += tokens
                for rej in rejections:
                    stats.counts["rejected"] += 1
                    stats.rejected_by_code[f"{rej.reason.code} {rej.reason.slug}"] += 1
                    on_rejection(rej)
        for key, n in merge(tmp).items():
            stats.counts[key] += n
        stats.counts["documents"] = stats.counts["new"] + stats.counts["updated"] + stats.counts["unchanged"]
    finally:
        if cluster is not None:
            cluster.close()
        if parts_dir is None:
            shutil.rmtree(tmp, ignore_errors=True)
    stats.seconds = time.perf_counter() - t0
    return stats
