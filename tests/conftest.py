"""Shared fixtures. Tests build small documents by hand; nothing here loads a model at import."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
SHARED = Path(os.environ.get("CHRONIK_SHARED", ROOT.parent / "shared"))


@pytest.fixture(scope="session")
def shared() -> Path:
    """../shared (evaluation tools and data); tests that need it skip cleanly where it is absent."""
    if not (SHARED / "eval" / "chronik_eval.py").exists():
        pytest.skip(f"{SHARED} is absent (data and evaluation tools are not part of the project)")
    return SHARED


@pytest.fixture(scope="session")
def config() -> dict:
    from chronik.config import load_config

    return load_config()


@pytest.fixture(scope="session")
def pipeline(config):
    from chronik.pipeline import default_pipeline

    return default_pipeline(config)


@pytest.fixture(scope="session")
def segmenter():
    from chronik.nlp import Segmenter

    return Segmenter()


@pytest.fixture(scope="session")
def demo_db(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A store built by `chronik process` from the demo corpus (fictional articles written for chronik),
    shared by the API, browser and export tests of one session."""
    from click.testing import CliRunner

    from chronik.cli import main

    db = tmp_path_factory.mktemp("demo") / "demo.duckdb"
    r = CliRunner().invoke(main, ["process", str(ROOT / "demo"), "--db", str(db)])
    assert r.exit_code == 0, r.output
    return db
