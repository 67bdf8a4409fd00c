"""`chronik query`: documents, entities, quotes, events or failures, filtered."""

from __future__ import annotations

import csv
import json
import sys
from datetime import date, datetime
from typing import Any

import click

from chronik.cli._common import config_from, db_option, fatal_errors, resolve_db
from chronik.store import Store
from chronik.store.queries import KINDS, Filters, query
from chronik.time import PartialDate, parse_date


def _date(ctx: click.Context, param: click.Parameter, value: str | None) -> PartialDate | None:
    if value is None:
        return None
    pd = parse_date(value)
    if pd is None:
        raise click.BadParameter(f"{value!r} is not a date; use 2017, 2017-03 or 2017-03-05")
    return pd


def _plain(v: Any) -> Any:
    return v.isoformat() if isinstance(v, date | datetime) else v


@click.command("query")
@click.argument("kind", type=click.Choice(KINDS), default="documents")
@db_option
@click.option("--from", "date_from", callback=_date, help="From this date on (2017, 2017-03, 2017-03-05).")
@click.option("--to", "date_to", callback=_date, help="Up to this date (inclusive; 2017-03 means to its end).")
@click.option("--actor", help="An actor's name or part of it (entities, event actors, speakers).")
@click.option("--country", help="ISO 3166 alpha-3 country code, or an organisation code (EU, NATO, ...).")
@click.option("--type", "event_type", help="PLOVER event type, e.g. CONSULT, AGREE, PROTEST.")
@click.option("--speaker", help="The speaker of a quote (name or part of it).")
@click.option("--place", help="Where an event happened (events), or a place the document names (documents, quotes, "
                              "entities); as written or its canonical name, e.g. Bischkek.")
@click.option("--source", help="An event's source: a country or organisation code (RUS, EU) or a name.")
@click.option("--target", help="An event's target: a country or organisation code or a name.")
@click.option("--text", help="Full-text search (documents), a word in the quote (quotes), the evidence sentence "
                             "(events).")
@click.option("--limit", type=click.IntRange(1, 100_000), default=50, show_default=True)
@click.option("--offset", type=click.IntRange(0), default=0)
@click.option("--format", "fmt", type=click.Choice(["table", "jsonl", "csv"]), default="table", show_default=True)
@click.pass_context
def command(ctx: click.Context, kind: str, db_path: str | None, fmt: str, **filters: Any) -> None:
    """Query the store for KIND: documents (default), entities, quotes, events or failures.

    \b
    Examples:
      chronik query documents --from 2024-01 --to 2024-06 --text Waffenruhe
      chronik query quotes --speaker Peskow
      chronik query events --country KGZ --type CONSULT --format jsonl
      chronik query events --source RUS --target KGZ --place Bischkek
      chronik query failures
    """
    cfg = config_from(ctx)
    f = Filters(**filters)
    with fatal_errors(), Store(resolve_db(cfg, db_path), read_only=True) as store:
        try:
            names, rows = query(store, kind, f)
        except ValueError as e:
            raise click.UsageError(str(e)) from None
    if fmt == "jsonl":
        for row in rows:
            click.echo(json.dumps({k: _plain(v) for k, v in zip(names, row, strict=True)}, ensure_ascii=False))
    elif fmt == "csv":
        w = csv.writer(sys.stdout)
        w.writerow(names)
        w.writerows([[_plain(v) for v in row] for row in rows])
    else:
        from rich.console import Console
        from rich.table import Table

        table = Table(*names, title=f"{kind}: {len(rows)} rows", title_justify="left")
        for row in rows:
            table.add_row(*["" if v is None else str(_plain(v))[:120] for v in row])
        Console(width=200 if not sys.stdout.isatty() else None).print(table)
