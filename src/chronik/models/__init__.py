"""Trained models: the ones shipped with chronik (in this folder, each with a MODEL_CARD.md and a
SHA256SUMS file) and any a user points to on disk.

`resolve_model("bundled")` is the shipped German pipeline; any other value is a path to a spaCy
pipeline folder (for example a bigger model trained with `training/`), checked before loading.
"""

from __future__ import annotations

import hashlib
from importlib import resources
from pathlib import Path

from chronik.errors import ConfigError

BUNDLED = "de_chronik"


def bundled_path(name: str = BUNDLED) -> Path:
    return Path(str(resources.files("chronik").joinpath("models", name)))


def resolve_model(spec: str) -> Path | None:
    """The folder of the model named by `spec` ("bundled", a path, or "" for none)."""
    if not spec:
        return None
    path = bundled_path() if spec == "bundled" else Path(spec).expanduser()
    if not (path / "config.cfg").is_file() or not (path / "meta.json").is_file():
        hint = ("the bundled model is missing from this installation; reinstall chronik or build it with "
                "`python training/build.py`" if spec == "bundled" else
                "point models.pipeline to a folder written by spaCy's nlp.to_disk() or `spacy train`")
        raise ConfigError(f"no spaCy pipeline at {path} (config.cfg and meta.json expected): {hint}")
    return path


def model_hashes(path: Path) -> dict[str, str]:
    """SHA-256 of every file of a model folder, by relative path: stored with each run."""
    out = {}
    for f in sorted(p for p in path.rglob("*") if p.is_file() and "__pycache__" not in p.parts):
        h = hashlib.sha256()
        with f.open("rb") as fh:
            for chunk in iter(lambda: fh.read(1 << 20), b""):
                h.update(chunk)
        out[f.relative_to(path).as_posix()] = h.hexdigest()
    return out


def verify(path: Path) -> list[str]:
    """Files whose SHA-256 differs from the folder's SHA256SUMS (empty: all good or no sums file)."""
    sums = path / "SHA256SUMS"
    if not sums.exists():
        return []
    actual = model_hashes(path)
    bad = []
    for line in sums.read_text(encoding="utf-8").splitlines():
        if not line.strip():
            continue
        digest, _, name = line.partition("  ")
        if actual.get(name) != digest:
            bad.append(name)
    return bad
