"""The resampled interval of the SpkAtt figures (training/quotes_interval.py): counts only, no pipeline run."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
if not (ROOT.parent / "shared" / "eval" / "chronik_eval.py").is_file():
    pytest.skip("needs ../shared/eval (the scorer's matching)", allow_module_level=True)
sys.path.insert(0, str(ROOT / "training"))

from quotes_interval import f1s, interval  # noqa: E402


def test_f1s_sum_counts_over_documents_as_the_scorer_does():
    # (gold, predicted, matched, matched with the right speaker) per document
    counts = [(4, 2, 2, 1), (6, 8, 5, 5)]
    quote, speaker = f1s(counts)
    assert quote == pytest.approx(2 * 7 / 20)
    assert speaker == pytest.approx(2 * 6 / 20)
    assert f1s([(0, 0, 0, 0)]) == (0.0, 0.0)


def test_interval_holds_the_figure_and_narrows_with_more_documents():
    varied = [(3, 3, 3, 3), (3, 3, 1, 0), (5, 4, 4, 2), (2, 3, 2, 2)]
    (q_lo, q_hi), (s_lo, s_hi) = interval(varied, samples=500, seed=1)
    quote, speaker = f1s(varied)
    assert q_lo <= quote <= q_hi and s_lo <= speaker <= s_hi
    assert s_hi - s_lo > 0.05
    (w_lo, w_hi), _ = interval(varied * 25, samples=500, seed=1)
    assert w_hi - w_lo < q_hi - q_lo
    # documents all alike: every resampling gives the same figure
    assert interval([(2, 2, 1, 1)] * 10, samples=50, seed=0) == [(0.5, 0.5), (0.5, 0.5)]
