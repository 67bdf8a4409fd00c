"""A store built from the demo corpus (fictional articles written for chronik), shared by the API and
browser tests of one session."""

from __future__ import annotations

from pathlib import Path

import pytest

from chronik.config import load_config

ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture(scope="session")
def demo_db(tmp_path_factory: pytest.TempPathFactory) -> Path:
    from click.testing import CliRunner

    from chronik.cli import main

    db = tmp_path_factory.mktemp("api") / "demo.duckdb"
    r = CliRunner().invoke(main, ["process", str(ROOT / "demo"), "--db", str(db)])
    assert r.exit_code == 0, r.output
    return db


@pytest.fixture(scope="session")
def config() -> dict:
    return load_config()
