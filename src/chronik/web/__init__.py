"""The web UI: server-rendered pages (Jinja2) over the same store as the JSON API, each page with a link
to its JSON twin under /api. Charts (Chart.js), the map (Leaflet with Natural Earth boundaries, no tile
server) and the network (vis-network) are served from static/vendor (see frontend/vendor.sh).
"""

from __future__ import annotations

from pathlib import Path

from fastapi import FastAPI
from fastapi.staticfiles import StaticFiles

HERE = Path(__file__).resolve().parent


def install(app: FastAPI) -> None:
    from chronik.web.pages import router

    app.mount("/static", StaticFiles(directory=HERE / "static"), name="static")
    app.include_router(router)
