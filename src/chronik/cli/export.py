"""`chronik export`: the whole store as JSONL (the contract), or tables as Parquet or CSV files."""

from __future__ import annotations

import json
from pathlib import Path
from typing import IO, Any

import click

from chronik.cli._common import config_from, db_option, fatal_errors, resolve_db
from chronik.store import Store

TABLES = ("documents", "sentences", "entities", "quotes", "events", "event_actors", "failures", "runs")


def export_tables(store: Store, out_dir: Path, fmt: str) -> list[Path]:
    """One file per table in `out_dir` (created): documents.parquet, quotes.parquet, ..."""
    out_dir.mkdir(parents=True, exist_ok=True)
    written = []
    for table in TABLES:
        path = out_dir / f"{table}.{fmt}"
        quoted = str(path).replace("'", "''")
        options = "FORMAT parquet, COMPRESSION zstd" if fmt == "parquet" else "FORMAT csv, HEADER true"
        store.con.execute(f"COPY (SELECT * FROM {table}) TO '{quoted}' ({options})")
        written.append(path)
    return written


@click.command("export")
@db_option
@click.option("--format", "fmt", type=click.Choice(["jsonl", "parquet", "csv"]), default="jsonl",
              show_default=True)
@click.option("-o", "--output", type=click.Path(), default=None,
              help="jsonl: a file (default: standard output); parquet/csv: a folder, one file per table.")
@click.pass_context
def command(ctx: click.Context, db_path: str | None, fmt: str, output: str | None) -> None:
    """Export the store.

    \b
    Examples:
      chronik export --format jsonl -o all.jsonl
      chronik export --format parquet -o export/
    """
    cfg = config_from(ctx)
    with fatal_errors(), Store(resolve_db(cfg, db_path), read_only=True) as store:
        if fmt == "jsonl":
            sink: IO[Any]
            with click.open_file(output or "-", "w", encoding="utf-8") as sink:
                n = 0
                for doc in store.iter_documents():
                    sink.write(json.dumps(doc.to_json(), ensure_ascii=False) + "\n")
                    n += 1
            click.echo(f"chronik export: {n} documents", err=True)
            return
        if not output:
            raise click.UsageError(f"--format {fmt} writes one file per table: name a folder with -o")
        paths = export_tables(store, Path(output), fmt)
        click.echo(f"chronik export: {len(paths)} tables to {output}", err=True)
