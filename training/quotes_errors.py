"""Read the quote stage's errors on SpkAtt documents: missed gold quotes, false alarms, wrong speakers.

    python training/quotes_errors.py training/corpus/spkatt/tune [--limit 50] [--only missed|false|speaker]
    python training/quotes_errors.py training/corpus/spkatt/tune --rule direct-sentence   # one rule, right or not

Uses the scorer's own reader and matching (../shared/eval/chronik_eval.py), so what is printed is what
the score counts. Run it on the tuning part only.
"""

from __future__ import annotations

import argparse
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
    args = ap.parse_args()
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
                print(f"SPEAKER [{d['id']}] {q['rule']}: gold={toks(gold[i]['Source'])!r} "
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
    print("\nrule            predicted  matched")
    for r, n in rules.most_common():
        print(f"{r:<22} {n:>5} {rules_ok[r]:>7}")


if __name__ == "__main__":
    main()
