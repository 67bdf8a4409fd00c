"""Checks against ../shared: the seed article and the evaluation tools run end to end.

Skipped cleanly where ../shared is absent (a user's fresh machine); CI has it.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys

import pytest

from chronik.document import Document
from chronik.ingest import read_inputs

pytestmark = pytest.mark.shared
OPENING = "„»"
CLOSING = "“«"


@pytest.fixture(scope="module")
def seed(shared, pipeline):
    (doc,) = list(read_inputs([str(shared / "examples" / "seed-2017-03.txt")]))
    assert isinstance(doc, Document)
    return pipeline.process(doc)


def test_shared_seed_header_and_text(seed):
    assert seed.published is not None and seed.published.value == "2017-03"
    assert seed.published.precision == "month"
    assert seed.text.startswith("Kasachstan")
    assert seed.language == "de"


def test_shared_seed_sentence_boundaries_around_quotes(seed, shared):
    gold = json.loads((shared / "examples" / "seed-2017-03.gold.json").read_text(encoding="utf-8"))
    text = seed.text
    starts = {s.start for s in seed.sentences}
    ends = {s.end for s in seed.sentences}
    sents = [text[s.start:s.end] for s in seed.sentences]
    # no sentence ends with an opening mark or starts with a closing one
    assert not [s for s in sents if s[-1] in OPENING or s[0] in CLOSING]
    # quotation marks are balanced over the whole text, and every sentence that opens a quote starts with it
    for q in gold["quotes"]:
        i = text.find(q["message"])
        assert i >= 0
        if q["form"] == "direct":
            assert text[i - 1] in OPENING and i - 1 in starts, q["message"][:40]
            j = i + len(q["message"])
            # the direct quote ends at a closing mark; if a full stop precedes it, a sentence ends there
            assert text[j] in CLOSING or text[j - 1] in CLOSING
            if text[j - 1] in ".!?":
                assert j + 1 in ends
    # no sentence boundary falls inside an indirect quote that is one sentence
    for q in gold["quotes"]:
        if q["form"] == "indirect" and q["message"].count(". ") == 0:
            i = text.find(q["message"])
            assert not [b for b in starts if i < b < i + len(q["message"])], q["message"][:40]


@pytest.mark.slow
def test_shared_eval_gold_runs_end_to_end(shared, tmp_path):
    env = dict(os.environ, CHRONIK_CMD=f"{sys.executable} -m chronik annotate --format jsonl --no-progress")
    out = tmp_path / "scores.json"
    proc = subprocess.run(
        [sys.executable, str(shared / "eval" / "chronik_eval.py"), "gold",
         str(shared / "examples" / "seed-2017-03.gold.json"), *map(str, sorted((shared / "eval" / "events-dev")
                                                                                .glob("*.gold.json"))),
         "--json", str(out)], capture_output=True, text=True, env=env, timeout=600)
    assert proc.returncode == 0, proc.stderr[-2000:]
    assert "documents missing" not in proc.stderr
    scores = json.loads(out.read_text())
    assert scores["quotes"]["gold"] > 0 and "events_dyad" in scores
