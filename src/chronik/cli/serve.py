"""`chronik serve`: the JSON API and the web UI over a store, with uvicorn."""

from __future__ import annotations

import click

from chronik.cli._common import config_from, db_option, fatal_errors, resolve_db


@click.command("serve")
@db_option
@click.option("--host", default="127.0.0.1", show_default=True, help="Address to listen on.")
@click.option("--port", type=click.IntRange(0, 65535), default=8000, show_default=True)
@click.option("--writable", is_flag=True,
              help="Open the store for writing, so that POST /api/documents (with the api.key) can add documents.")
@click.pass_context
def command(ctx: click.Context, db_path: str | None, host: str, port: int, writable: bool) -> None:
    """Serve the store: the web UI at /, the JSON API at /api (OpenAPI at /api/docs).

    \b
    Examples:
      chronik serve --db chronik.duckdb
      CHRONIK_API__KEY=secret chronik serve --writable --port 8080
    """
    import uvicorn

    from chronik.api import create_app

    cfg = config_from(ctx)
    with fatal_errors():
        app = create_app(resolve_db(cfg, db_path), cfg, writable=writable)
    click.echo(f"chronik serve: http://{host}:{port}/ (API docs at /api/docs)", err=True)
    uvicorn.run(app, host=host, port=port, log_level="warning")
