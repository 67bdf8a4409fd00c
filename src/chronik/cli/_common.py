"""What the subcommands share: configuration, progress on a terminal, summaries and exit codes."""

from __future__ import annotations

import json
import sys
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from typing import Any, TextIO

import click

from chronik.config import Config, load_config
from chronik.document import Rejection
from chronik.engines import RunStats
from chronik.errors import ChronikError
from chronik.ingest import FORMATS

EXIT_OK, EXIT_FATAL, EXIT_USAGE, EXIT_REJECTED = 0, 1, 2, 3

input_format_option = click.option(
    "--input-format", type=click.Choice(["auto", *FORMATS]), default="auto", show_default=True,
    help="Format of the inputs; auto tells it from the file name and first bytes.")
timings_option = click.option("--timings", is_flag=True,
                              help="Also print the seconds each pipeline stage took (summed over workers).")
db_option = click.option("--db", "db_path", type=click.Path(dir_okay=False), default=None,
                         help="The DuckDB store (default: store.path in the config, chronik.duckdb).")


def config_from(ctx: click.Context, overrides: dict[str, Any] | None = None) -> Config:
    try:
        return load_config(ctx.obj.get("config_path") if ctx.obj else None, overrides)
    except ChronikError as e:
        raise click.ClickException(str(e)) from None


def resolve_db(cfg: Config, given: str | None) -> str:
    return given or str(cfg["store"]["path"])


@contextmanager
def fatal_errors() -> Iterator[None]:
    """A ChronikError becomes a one-line message and exit code 1."""
    try:
        yield
    except ChronikError as e:
        raise click.ClickException(str(e)) from None


@contextmanager
def progress(enabled: bool, label: str) -> Iterator[Callable[[RunStats], None]]:
    """A progress display on stderr when it is a terminal; a no-op callback otherwise."""
    if not (enabled and sys.stderr.isatty()):
        yield lambda stats: None
        return
    from rich.console import Console
    from rich.progress import BarColumn, Progress, SpinnerColumn, TextColumn, TimeElapsedColumn

    with Progress(SpinnerColumn(), TextColumn("[bold]{task.description}"), BarColumn(),
                  TextColumn("{task.completed} documents, {task.fields[rejected]} rejected"),
                  TimeElapsedColumn(), console=Console(stderr=True), transient=True) as bar:
        task = bar.add_task(label, total=None, rejected=0)

        def update(stats: RunStats) -> None:
            bar.update(task, completed=stats.counts["documents"], rejected=stats.rejected)

        yield update


def report_rejection(rej: Rejection, sink: TextIO | None) -> None:
    click.echo(f"chronik: rejected {rej}", err=True)
    if sink is not None:
        sink.write(json.dumps(rej.to_json(), ensure_ascii=False) + "\n")


def finish(command: str, stats: RunStats, verb: str, run_id: str | None = None, timings: bool = False) -> None:
    if timings:
        click.echo(stats.timings(), err=True)
    line = f"chronik {command}: {stats.summary(verb)}"
    if run_id:
        line += f" [run {run_id}]"
    click.echo(line, err=True)
    if stats.rejected:
        sys.exit(EXIT_REJECTED)
