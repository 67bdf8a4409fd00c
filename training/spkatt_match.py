"""The SpkAtt scorer's matching, for the training and error-reading scripts: which predicted quotation
matches which gold one, and whether its speaker counts. Uses ../shared/eval/chronik_eval.py's own helpers
so that what the scripts count is what `chronik_eval.py spkatt` counts."""

from __future__ import annotations

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent.parent / "shared" / "eval"))

import chronik_eval as ev


def gold_of(d: dict) -> list[dict]:
    """The gold quotations the scorer counts (not nested, of a quotation form)."""
    return [a for a in d["_ann"] if not a.get("IsNested") and a.get("Form") in ev.QUOTE_FORMS]


def match(gold_sets: list[set], pred_sets: list[set]) -> list[tuple[int, int]]:
    """Greedy one-to-one pairs (gold index, prediction index) with token Dice >= 0.5, best first."""
    pairs = sorted(((ev.dice(g, p), i, j) for i, g in enumerate(gold_sets) for j, p in enumerate(pred_sets)),
                   reverse=True)
    ug: set[int] = set()
    up: set[int] = set()
    out = []
    for score, i, j in pairs:
        if score < 0.5 or i in ug or j in up:
            continue
        ug.add(i)
        up.add(j)
        out.append((i, j))
    return out


def speaker_ok(d: dict, gold: dict, sp: dict | None) -> bool:
    """The scorer's test of a predicted speaker against a gold quotation's source."""
    g_src = ev.tokset(gold["Source"])
    if not g_src:
        return sp is None
    words = ev.content_words(" ".join(ev.d_tok(d, t) for t in g_src))
    p_src = ev.chars_to_tokens(d["_offs"], sp["start"], sp["end"]) if ev.has_span(sp) else set()
    return bool(p_src & g_src) or ev.name_overlap(sp, words)


def quote_counts(d: dict, quotes: list[dict]) -> tuple[int, int, int, int]:
    """One document's gold quotations, predicted ones, matched pairs, and matched pairs whose speaker counts —
    what `chronik_eval.py spkatt` sums over the documents."""
    gold = gold_of(d)
    pred = [q for q in quotes if ev.has_span(q) and q.get("form") in ("direct", "indirect", "mixed")]
    pairs = match([ev.tokset(a["Message"]) for a in gold],
                  [ev.chars_to_tokens(d["_offs"], q["start"], q["end"]) for q in pred])
    return len(gold), len(pred), len(pairs), sum(speaker_ok(d, gold[i], pred[j].get("speaker")) for i, j in pairs)
