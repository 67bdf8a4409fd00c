"""`chronik annotate`: documents in, the annotation contract out (one JSON object per document)."""

from __future__ import annotations

import json
import sys
from typing import TextIO

import click

from chronik.cli._common import (
    config_from,
    fatal_errors,
    finish,
    input_format_option,
    progress,
    report_rejection,
    timings_option,
)
from chronik.document import Document
from chronik.engines import run_local
from chronik.ingest import ReadContext
from chronik.pipeline import default_pipeline


@click.command("annotate")
@click.argument("inputs", nargs=-1, required=True)
@click.option("--format", "fmt", type=click.Choice(["jsonl", "json"]), default="jsonl", show_default=True,
              help="jsonl: one object per line (the contract); json: one indented array.")
@click.option("-o", "--output", type=click.File("w", encoding="utf-8"), default="-",
              help="Write here instead of standard output.")
@click.option("--tokens", is_flag=True,
              help="Add token offsets (`tokens`), tags, lemmas and features to each document, and their syntax "
                   "(`heads`, `deps`) when models.syntax is on.")
@click.option("--rejected", "rejected_out", type=click.File("w", encoding="utf-8"), default=None,
              help="Also write every rejected input as a JSON line to this file.")
@click.option("--progress/--no-progress", "show_progress", default=True, help="Progress bar on a terminal.")
@input_format_option
@timings_option
@click.pass_context
def command(ctx: click.Context, inputs: tuple[str, ...], fmt: str, output: TextIO, tokens: bool,
            rejected_out: TextIO | None, show_progress: bool, input_format: str, timings: bool) -> None:
    """Annotate INPUTS (files, folders, globs, URLs, or - for stdin) and print the annotations.

    \b
    Examples:
      chronik annotate article.txt
      chronik annotate news/ --format jsonl -o news.annotated.jsonl
      cat articles.jsonl | chronik annotate - > out.jsonl
    """
    cfg = config_from(ctx)
    with fatal_errors():
        pipeline = default_pipeline(cfg)
    first = True

    def write(doc: Document) -> None:
        nonlocal first
        obj = doc.to_json(tokens=tokens)
        if fmt == "jsonl":
            output.write(json.dumps(obj, ensure_ascii=False) + "\n")
        else:
            output.write(("[\n" if first else ",\n") + json.dumps(obj, ensure_ascii=False, indent=2))
        first = False

    with progress(show_progress and output is not sys.stdout, "annotating") as on_progress:
        stats = run_local(inputs, pipeline, ReadContext.from_config(cfg, input_format), write,
                          lambda r: report_rejection(r, rejected_out), on_progress)
    if fmt == "json":
        output.write("[]\n" if first else "\n]\n")
    output.flush()
    finish("annotate", stats, "annotated", timings=timings)
