"""`chronik process`: annotate and store in DuckDB. Re-processing the same input adds nothing twice."""

from __future__ import annotations

import os

import click

from chronik.cli._common import (
    config_from,
    db_option,
    fatal_errors,
    finish,
    input_format_option,
    progress,
    report_rejection,
    resolve_db,
    timings_option,
)
from chronik.document import Document, Rejection
from chronik.engines import run_local
from chronik.errors import Reject, StoreError
from chronik.ingest import ReadContext
from chronik.pipeline import default_pipeline
from chronik.store import Store


@click.command("process")
@click.argument("inputs", nargs=-1, required=True)
@db_option
@click.option("--progress/--no-progress", "show_progress", default=True, help="Progress bar on a terminal.")
@click.option("--workers", type=click.IntRange(0, 256), default=1, show_default=True,
              help="Processes running the pipeline (0: one per core). Output is the same for any number.")
@click.option("--engine", type=click.Choice(["local", "dask"]), default="local", show_default=True,
              help="local: this machine's processes; dask: a Dask cluster (a LocalCluster unless --scheduler).")
@click.option("--scheduler", default=None, help="With --engine dask: the address of an existing Dask scheduler.")
@click.option("--reprocess", is_flag=True,
              help="Annotate and store again documents the store already holds with the same text.")
@input_format_option
@timings_option
@click.pass_context
def command(ctx: click.Context, inputs: tuple[str, ...], db_path: str | None, show_progress: bool,
            workers: int, engine: str, scheduler: str | None, reprocess: bool, input_format: str,
            timings: bool) -> None:
    """Annotate INPUTS and store documents, annotations, the run and every rejection in the store.

    \b
    Examples:
      chronik process demo/ --db demo.duckdb
      chronik process feed.xml archive.warc.gz --db news.duckdb
      chronik process news/ --workers 0          # one process per core
      chronik process news/ --engine dask --scheduler tcp://10.0.0.5:8786
    """
    cfg = config_from(ctx)
    path = resolve_db(cfg, db_path)
    workers = workers or (os.cpu_count() or 1)
    with fatal_errors(), Store(path) as store:
        # one process builds the pipeline here; workers build their own, and the run is recorded with
        # the versions they report, so this process never loads a model it does not run
        pipeline = default_pipeline(cfg) if engine == "local" and workers <= 1 else None
        run_id: str | None = None

        def start(versions: dict[str, str], model_hashes: dict[str, str]) -> str:
            nonlocal run_id
            run_id = store.begin_run("process", inputs, cfg, versions, model_hashes)
            return run_id

        def reject(rej: Rejection) -> None:
            assert run_id is not None  # rejections come after the start: reading is part of the run
            store.add_failure(rej, run_id)
            report_rejection(rej, None)

        def put(doc: Document) -> str | Rejection:
            assert run_id is not None
            try:
                return store.put(doc, run_id, force=reprocess)
            except StoreError:
                raise
            except Exception as e:  # a document the store cannot hold must not end the batch
                return Rejection(doc.source, Reject.PIPELINE_ERROR, f"could not be stored: {type(e).__name__}: {e}",
                                 locator=doc.metadata.get("record"), sample=doc.text[:200], doc_id=doc.id)

        def put_batch(docs: list[Document]) -> list[str | Rejection | None]:
            assert run_id is not None
            try:
                return list(store.put_many(docs, run_id, force=reprocess))
            except StoreError:
                raise
            except Exception:  # one document the store cannot hold: store the others one by one
                return [put(doc) for doc in docs]

        try:
            with progress(show_progress, "processing") as on_progress:
                if engine == "dask":
                    from chronik.engines.dask import run_dask

                    stats = run_dask(inputs, ReadContext.from_config(cfg, input_format), cfg,
                                     lambda parts: store.merge_parts(parts, force=reprocess), reject, start,
                                     scheduler=scheduler, workers=workers)
                else:
                    stats = run_local(inputs, pipeline, ReadContext.from_config(cfg, input_format),
                                      put, reject, on_progress, workers=workers, config=cfg, on_batch=put_batch,
                                      on_start=start)
        except BaseException:
            if run_id is not None:
                store.finish_run(run_id, {}, 0.0, status="failed")
            raise
        assert run_id is not None
        store.finish_run(run_id, dict(stats.counts), stats.seconds)
        if stats.counts["new"] or stats.counts["updated"]:
            store.rebuild_fts()
    finish("process", stats, f"stored in {path}", run_id, timings=timings)
