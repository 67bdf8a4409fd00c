"""The HTTP side of chronik: a JSON API (`routes.py`, OpenAPI at /api/openapi.json and /api/docs) and the
web UI (`chronik.web`) served by one ASGI app over the DuckDB store.

    app = create_app("chronik.duckdb")          # read-only; POST /api/documents needs --writable and a key
    uvicorn.run(app, host="127.0.0.1", port=8000)
"""

from __future__ import annotations

import threading
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from pathlib import Path
from typing import Any

from fastapi import FastAPI

from chronik import __version__
from chronik.api import errors
from chronik.api.routes import router
from chronik.store import Store


def create_app(db_path: str | Path, config: dict[str, Any] | None = None, *, writable: bool = False) -> FastAPI:
    """The ASGI app over the store at `db_path`. Queries use a cursor per request; the store is opened
    read-only unless `writable` (then POST /api/documents can add documents, with the configured key)."""
    from chronik.config import load_config

    cfg = config if config is not None else load_config()
    api_cfg = cfg.get("api", {})
    store = Store(db_path, read_only=not writable)
    @asynccontextmanager
    async def lifespan(app: FastAPI) -> AsyncIterator[None]:
        yield
        store.close()

    app = FastAPI(title="chronik", version=__version__, lifespan=lifespan,
                  description="German news as structured data: documents, actors, quotes and events, "
                              "each with its evidence.",
                  openapi_url="/api/openapi.json", docs_url="/api/docs", redoc_url=None)
    app.state.store = store
    app.state.api_key = str(api_cfg.get("key", "") or "")
    app.state.max_page = int(api_cfg.get("max_page_size", 500))
    app.state.write_lock = threading.Lock()
    app.state.pipeline = None
    if writable:
        from chronik.pipeline import default_pipeline

        app.state.pipeline = default_pipeline(cfg)
    errors.install(app)
    app.include_router(router)
    from chronik.web import install as install_web

    install_web(app)

    return app


__all__ = ["create_app"]
