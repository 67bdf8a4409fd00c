"""Read the quote stage's errors on SpkAtt documents: missed gold quotes, false alarms, wrong speakers.

    python training/quotes_errors.py training/corpus/spkatt/tune [--limit 50] [--only missed|false|speaker]
    python training/quotes_errors.py training/corpus/spkatt/tune --rule direct-sentence   # one rule, right or not
    python training/quotes_errors.py training/corpus/spkatt/tune --count   # counts by kind, no text

`--count` prints no text, only counts: per rule, what it predicted, matched, and where its false quotations lie
(inside a gold message another prediction matched, over an unmatched one, or outside any); right and wrong speakers
by how each was found (`speaker.via`); recall per gold form;
and for an uncued quotation right after another quotation, whether the two fall in one gold message.

Uses the scorer's own reader and matching (../shared/eval/chronik_eval.py), so what is printed is what
the score counts. Read the tuning part only; `--count` may also be run on the held-out part.
"""

from __future__ import annotations

import argparse
import itertools
import sys
from collections import Counter
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))


from spkatt_match import ev, gold_of, match, speaker_ok  # noqa: E402

from chronik.config import load_config  # noqa: E402
from chronik.document import Document  # noqa: E402
from chronik.pipeline import default_pipeline  # noqa: E402


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("folder")
    ap.add_argument("--limit", type=int, default=0)
    ap.add_argument("--only", choices=["missed", "false", "speaker"], default=None)
    ap.add_argument("--rule", default=None, help="list every prediction of this rule, right or not, and nothing else")
    ap.add_argument("--count", action="store_true", help="counts by kind only, no text")
    args = ap.parse_args()
    counts: Counter[tuple[str, ...]] = Counter()
    docs = ev.spkatt_docs(Path(args.folder))
    if args.limit:
        docs = docs[: args.limit]
    pipe = default_pipeline(load_config())
    rules: Counter[str] = Counter()
    rules_ok: Counter[str] = Counter()
    for d in docs:
        out = pipe.process(Document(text=d["text"], id=d["id"]))
        if not isinstance(out, Document):
            continue
        offs = d["_offs"]
        gold = gold_of(d)
        pred = [q for q in out.quotes if q.get("form") in ("direct", "indirect", "mixed")]
        g_sets = [ev.tokset(a["Message"]) for a in gold]
        p_sets = [ev.chars_to_tokens(offs, q["start"], q["end"]) for q in pred]
        matched = match(g_sets, p_sets)
        ug = {i for i, _ in matched}
        up = {j for _, j in matched}

        def toks(refs: list[str], d: dict = d) -> str:
            return " ".join(ev.d_tok(d, tuple(int(x) for x in r.split(":"))) for r in refs)
        for q in pred:
            rules[q["rule"]] += 1
        if args.count:
            count(counts, d, gold, g_sets, pred, p_sets, matched)
            continue
        if args.rule:
            for j, q in enumerate(pred):
                if q["rule"] == args.rule:
                    mark = "OK   " if j in up else "FALSE"
                    print(f"{mark} [{d['id']}] {len(q['text'].split()):>3} words | {q['text'][:120]}")
            continue
        for i, j in matched:
            q = pred[j]
            sp = q.get("speaker")
            ok = speaker_ok(d, gold[i], sp)
            rules_ok[q["rule"]] += 1
            if not ok and args.only in (None, "speaker"):
                print(f"SPEAKER [{d['id']}] {q['rule']} via {(sp or {}).get('via', 'none')}: "
                      f"gold={toks(gold[i]['Source'])!r} "
                      f"cue={toks(gold[i]['Cue'])!r} "
                      f"pred={sp and (sp['text'], sp.get('name'))}\n"
                      f"    {d['text'][q['sentence'][0]:q['sentence'][1]][:300]}")
        if args.only in (None, "missed"):
            for i, a in enumerate(gold):
                if i not in ug:
                    print(f"MISSED [{d['id']}] {a['Form']}: src={toks(a['Source'])!r} cue={toks(a['Cue'])!r} | "
                          f"{toks(a['Message'])[:160]}")
        if args.only in (None, "false"):
            for j, q in enumerate(pred):
                if j not in up:
                    print(f"FALSE [{d['id']}] {q['rule']}: cue={q['cue'] and q['cue']['text']!r} | {q['text'][:140]}")
    if args.count:
        for key, n in sorted(counts.items()):
            print(f"{' | '.join(key):<70} {n:>5}")
        return
    print("\nrule            predicted  matched")
    for r, n in rules.most_common():
        print(f"{r:<22} {n:>5} {rules_ok[r]:>7}")


def count(counts: Counter[tuple[str, ...]], d: dict, gold: list[dict], g_sets: list[set], pred: list[dict],
          p_sets: list[set], matched: list[tuple[int, int]]) -> None:
    """Add one document's counts by kind (see the module's docstring)."""
    owner = {j: i for i, j in matched}
    found = set(owner.values())
    for i, a in enumerate(gold):
        counts[("gold form", a["Form"], "found" if i in found else "missed")] += 1
        if i not in found:
            # missed outright, or covered in part by a prediction (of another gold message, or too short or
            # too long to match); and by its length in tokens
            best = max((len(g_sets[i] & p) / len(g_sets[i]) for p in p_sets), default=0.0) if g_sets[i] else 0.0
            cover = "not covered" if best == 0 else "covered < half" if best < 0.5 else "covered ≥ half"
            size = len(g_sets[i])
            length = "1-3 tokens" if size <= 3 else "4-10 tokens" if size <= 10 else "11+ tokens"
            counts[("missed", a["Form"], f"{cover}, {length}")] += 1
    for j, q in enumerate(pred):
        if j in owner:
            ok = speaker_ok(d, gold[owner[j]], q.get("speaker"))
            counts[("rule", q["rule"], "matched, speaker right" if ok else "matched, speaker wrong")] += 1
            via = (q.get("speaker") or {}).get("via") or f"none ({q['rule']})"
            counts[("speaker via", via, "right" if ok else "wrong")] += 1
            if not ok:
                counts[("speaker wrong", q["rule"], _speaker_kind(d, gold[owner[j]], q))] += 1
            continue
        over = [i for i, g in enumerate(g_sets) if g & p_sets[j]]
        inside = all(i in found for i in over)
        where = "outside any gold message" if not over else \
            "inside a matched gold message" if inside else "over an unmatched gold message"
        counts[("rule", q["rule"], f"false, {where}")] += 1
    order = sorted(range(len(pred)), key=lambda j: pred[j]["start"])
    for a, b in itertools.pairwise(order):
        if pred[b]["cue"] is not None or d["text"][pred[a]["end"]:pred[b]["start"]].strip(" .,;:„“\"»«") != "":
            continue
        ga = max(range(len(g_sets)), key=lambda i: len(g_sets[i] & p_sets[a]), default=None)
        gb = max(range(len(g_sets)), key=lambda i: len(g_sets[i] & p_sets[b]), default=None)
        if ga is None or gb is None or not g_sets[ga] & p_sets[a] or not g_sets[gb] & p_sets[b]:
            continue
        before = "uncued" if pred[a]["cue"] is None else "cued"
        counts[("uncued after " + before, pred[b]["rule"], "one gold message" if ga == gb else "two")] += 1


def _speaker_kind(d: dict, g: dict, q: dict) -> str:
    """What kind of speaker error (counts only): none where one was, one where none was, or another one —
    and whether the gold source stands in the message's sentence."""
    sp = q.get("speaker")
    src = ev.tokset(g["Source"])
    if not src:
        return "gold has none, predicted one"
    msg_sents = {s for s, _ in ev.tokset(g["Message"])}
    where = "gold in the message's sentence" if {s for s, _ in src} & msg_sents else "gold in another sentence"
    if sp is None:
        return f"predicted none, {where}"
    kind = "a pronoun" if (sp.get("text") or "").lower() in ("er", "sie", "es", "ich", "wir", "dieser", "diese") \
        else "a name" if sp.get("name") else "a phrase"
    return f"predicted {kind}, {where}"


if __name__ == "__main__":
    main()
