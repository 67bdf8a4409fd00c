"""`chronik export`: the whole store as JSONL (the contract), tables as Parquet or CSV files, or the events
in GDELT 2.0 event-table columns (TSV) or as PLOVER/POLECAT-style JSON Lines (docs/exports.md)."""

from __future__ import annotations

import csv
import json
from pathlib import Path
from typing import IO, Any

import click

from chronik.cli._common import config_from, db_option, fatal_errors, resolve_db
from chronik.store import Store
from chronik.store.formats import GDELT_COLUMNS, gdelt_rows, plover_records

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
@click.option("--format", "fmt", type=click.Choice(["jsonl", "parquet", "csv", "gdelt", "plover"]), default="jsonl",
              show_default=True, help="jsonl: documents (the contract); parquet/csv: every table; gdelt: events "
                                      "as a GDELT 2.0 event table (TSV); plover: events as PLOVER JSON Lines.")
@click.option("-o", "--output", type=click.Path(), default=None,
              help="jsonl/gdelt/plover: a file (default: standard output); parquet/csv: a folder, one file per table.")
@click.option("--header/--no-header", default=True, show_default=True,
              help="gdelt: a header line with the column names (GDELT's own files have none).")
@click.pass_context
def command(ctx: click.Context, db_path: str | None, fmt: str, output: str | None, header: bool) -> None:
    """Export the store.

    \b
    Examples:
      chronik export --format jsonl -o all.jsonl
      chronik export --format parquet -o export/
      chronik export --format gdelt -o events.tsv
      chronik export --format plover -o events.jsonl
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
        if fmt in ("gdelt", "plover"):
            with click.open_file(output or "-", "w", encoding="utf-8") as sink:
                n = 0
                if fmt == "gdelt":
                    w = csv.writer(sink, delimiter="\t", lineterminator="\n", quoting=csv.QUOTE_MINIMAL)
                    if header:
                        w.writerow(GDELT_COLUMNS)
                    for row in gdelt_rows(store):
                        w.writerow(row)
                        n += 1
                else:
                    for rec in plover_records(store):
                        sink.write(json.dumps(rec, ensure_ascii=False) + "\n")
                        n += 1
            click.echo(f"chronik export: {n} events as {fmt}", err=True)
            return
        if not output:
            raise click.UsageError(f"--format {fmt} writes one file per table: name a folder with -o")
        paths = export_tables(store, Path(output), fmt)
        click.echo(f"chronik export: {len(paths)} tables to {output}", err=True)
