"""The `chronik` command line. Each subcommand is a thin module over library functions.

Exit codes: 0 all fine, 1 fatal error, 2 usage error, 3 finished but some inputs were rejected.
"""

from __future__ import annotations

import logging

import click

from chronik import __version__
from chronik.cli import annotate, export, process, query, serve, show


@click.group(context_settings={"help_option_names": ["-h", "--help"], "max_content_width": 100})
@click.version_option(__version__, prog_name="chronik")
@click.option("--config", "config_path", type=click.Path(dir_okay=False), envvar="CHRONIK_CONFIG",
              help="A TOML file overriding the packaged defaults (only the keys it names).")
@click.option("-v", "--verbose", count=True, help="More log output on stderr (-vv for debug).")
@click.pass_context
def main(ctx: click.Context, config_path: str | None, verbose: int) -> None:
    """chronik: German news to structured data: entities, quotations and events, with evidence."""
    logging.basicConfig(level=[logging.WARNING, logging.INFO, logging.DEBUG][min(verbose, 2)],
                        format="%(levelname)s %(name)s: %(message)s")
    ctx.obj = {"config_path": config_path}


for module in (annotate, process, show, query, export, serve):
    main.add_command(module.command)
