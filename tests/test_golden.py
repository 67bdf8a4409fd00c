"""Whole documents against golden files: tests/golden/<case>/input.* → expected.jsonl.

After an intended change of the output, regenerate with CHRONIK_UPDATE_GOLDEN=1 and read the diff.
"""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest

from chronik.document import Document
from chronik.ingest import read_inputs

GOLDEN = Path(__file__).parent / "golden"
CASES = sorted(p.name for p in GOLDEN.iterdir() if p.is_dir())


def annotate(path: Path, pipeline) -> list[dict]:
    out = []
    for item in read_inputs([str(path)]):
        assert isinstance(item, Document), f"golden input rejected: {item}"
        doc = pipeline.process(item)
        assert isinstance(doc, Document), f"golden input rejected: {doc}"
        obj = doc.to_json(tokens=True)
        obj["source"] = Path(obj["source"]).name if not obj["source"].startswith("http") else obj["source"]
        for key in ("file", "feed", "warc"):
            if key in obj["metadata"]:
                obj["metadata"][key] = Path(obj["metadata"][key]).name
        out.append(obj)
    return out


@pytest.mark.parametrize("case", CASES)
def test_golden_document(case, pipeline):
    folder = GOLDEN / case
    (inp,) = [p for p in folder.iterdir() if p.name.startswith("input.")]
    got = annotate(inp, pipeline)
    expected_path = folder / "expected.jsonl"
    if os.environ.get("CHRONIK_UPDATE_GOLDEN"):
        expected_path.write_text("".join(json.dumps(d, ensure_ascii=False) + "\n" for d in got), encoding="utf-8")
    expected = [json.loads(line) for line in expected_path.read_text(encoding="utf-8").splitlines()]
    assert got == expected


@pytest.mark.parametrize("case", CASES)
def test_golden_spans_hold(case, pipeline):
    folder = GOLDEN / case
    (inp,) = [p for p in folder.iterdir() if p.name.startswith("input.")]
    for d in annotate(inp, pipeline):
        for s, e in d["sentences"] + d["tokens"]:
            assert d["text"][s:e] == d["text"][s:e].strip() and e > s
