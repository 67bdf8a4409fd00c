"""The web UI in a real headless Chromium (Debian's package, driven by Playwright; no browser download)
against a real uvicorn server on localhost over the demo store: every page loads without script errors,
and a click on a map point, a timeline bar or a network edge leads to the evidence sentence.

Screenshots go to $CHRONIK_SCREENSHOTS (default: a temporary folder)."""

from __future__ import annotations

import os
import shutil
import socket
import threading
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser")
playwright = pytest.importorskip("playwright.sync_api", reason="playwright is not installed")
pytestmark = [pytest.mark.slow, pytest.mark.skipif(CHROMIUM is None, reason="Debian's chromium is not installed "
                                                   "(apt-get install chromium)")]
ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
        "--disable-background-networking", "--disable-component-update", "--disable-sync"]


@pytest.fixture(scope="module")
def server(demo_db: Path, config: dict) -> Iterator[str]:
    import uvicorn

    from chronik.api import create_app

    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    srv = uvicorn.Server(uvicorn.Config(create_app(demo_db, config), host="127.0.0.1", port=port, log_level="warning"))
    thread = threading.Thread(target=srv.run, daemon=True)
    thread.start()
    deadline = time.time() + 20
    while not srv.started and time.time() < deadline:
        time.sleep(0.05)
    assert srv.started, "the server did not start"
    yield f"http://127.0.0.1:{port}"
    srv.should_exit = True
    thread.join(10)


@pytest.fixture(scope="module")
def shots(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = Path(os.environ.get("CHRONIK_SCREENSHOTS") or tmp_path_factory.mktemp("screenshots"))
    out.mkdir(parents=True, exist_ok=True)
    return out


@pytest.fixture(scope="module")
def browser() -> Iterator[object]:
    with playwright.sync_playwright() as p:
        b = p.chromium.launch(executable_path=CHROMIUM, args=ARGS)
        yield b
        b.close()


@pytest.fixture
def page(browser):
    ctx = browser.new_context(viewport={"width": 1300, "height": 900})
    pg = ctx.new_page()
    pg.errors = []
    pg.on("pageerror", lambda e: pg.errors.append(str(e)))
    pg.on("console", lambda m: pg.errors.append(m.text) if m.type == "error" else None)
    yield pg
    ctx.close()


def selected_event_sentence(page) -> str:
    """On a document page: the selected event's sentence, read from its record."""
    page.wait_for_selector(".mark.event.selected")
    details = page.inner_text("#details")
    assert details.startswith("event "), details
    import json

    record = json.loads(details.split("\n", 1)[1])
    text = page.inner_text("#text")
    assert record["evidence"].split()[0] in text
    return record["evidence"]


@pytest.mark.parametrize("path", ["/", "/events?interval=month", "/actors", "/quotes", "/map", "/network"])
def test_every_page_loads_without_script_errors(server: str, page, shots: Path, path: str) -> None:
    page.goto(server + path)
    page.wait_for_load_state("networkidle")
    page.wait_for_timeout(300)
    name = path.strip("/").split("?")[0] or "search"
    page.screenshot(path=str(shots / f"{name}.png"))
    assert page.errors == []
    assert page.locator("header .json").count() == 1  # the JSON twin


def test_a_document_highlights_entities_quotes_and_events(server: str, page, shots: Path) -> None:
    page.goto(server + "/")
    page.click("#documents tbody tr:first-child a")
    page.wait_for_selector("#text .mark.entity")
    assert page.locator("#text .mark.quote").count() > 0
    page.locator("#text .mark.entity").first.click()
    assert page.inner_text("#details").startswith("entity ")
    page.screenshot(path=str(shots / "document.png"), full_page=True)
    assert page.errors == []


def test_from_a_map_point_to_the_evidence_sentence(server: str, page) -> None:
    page.goto(server + "/map")
    page.wait_for_selector("#map[data-points]")  # markers placed and the view fitted to them
    page.wait_for_timeout(300)
    box = page.locator("path.event-point").last.bounding_box()
    page.mouse.click(box["x"] + box["width"] / 2, box["y"] + box["height"] / 2)
    link = page.wait_for_selector(".leaflet-popup a.evidence")
    popup = page.inner_text(".leaflet-popup-content")
    link.click()
    page.wait_for_url("**/documents/**#event-*")
    evidence = selected_event_sentence(page)
    assert evidence[:40] in popup.replace("\n", " ")
    assert page.errors == []


def test_from_a_timeline_bar_to_the_evidence_sentence(server: str, page) -> None:
    page.goto(server + "/events?interval=month")
    page.wait_for_function("document.getElementById('timeline').chart !== undefined")
    x, y, typ = page.evaluate("""() => {
        const c = document.getElementById('timeline').chart;
        for (let d = 0; d < c.data.datasets.length; d++) {
            const meta = c.getDatasetMeta(d);
            for (let i = 0; i < meta.data.length; i++) {
                if (c.data.datasets[d].data[i] > 0) {
                    const r = c.canvas.getBoundingClientRect(), bar = meta.data[i];
                    return [r.left + bar.x, r.top + (bar.y + bar.base) / 2, c.data.datasets[d].label];
                }
            }
        }
    }""")
    page.mouse.click(x, y)
    page.wait_for_url("**/events?*type=*")
    types = page.locator("#events tbody td:nth-child(2)").all_inner_texts()
    assert types and set(types) == {typ}
    page.click("#events tbody tr:first-child a")
    selected_event_sentence(page)
    assert page.errors == []


def test_from_a_network_edge_to_the_dyad_and_its_evidence(server: str, page) -> None:
    page.goto(server + "/network")
    page.wait_for_function("document.getElementById('network').network !== undefined")
    page.wait_for_timeout(1500)  # let the layout settle
    # the middle of the edge that lies farthest from every node (a click near a node would open the node)
    x, y = page.evaluate("""() => {
        const el = document.getElementById('network'), net = el.network;
        net.stopSimulation();
        const pos = net.getPositions(), nodes = Object.values(pos).map(q => net.canvasToDOM(q));
        let best = null, clearance = -1;
        for (const id of net.body.data.edges.getIds()) {
            const e = net.body.data.edges.get(id);
            if (e.from === e.to) continue;
            const mid = net.canvasToDOM({x: (pos[e.from].x + pos[e.to].x) / 2, y: (pos[e.from].y + pos[e.to].y) / 2});
            const d = Math.min(...nodes.map(n => Math.hypot(n.x - mid.x, n.y - mid.y)));
            if (d > clearance) { clearance = d; best = mid; }
        }
        const r = el.getBoundingClientRect();
        return [r.left + best.x, r.top + best.y];
    }""")
    page.mouse.click(x, y)
    page.wait_for_url("**/events?source=*")
    assert page.locator("#events tbody tr").count() >= 1
    page.click("#events tbody tr:first-child a")
    selected_event_sentence(page)
    assert page.errors == []
