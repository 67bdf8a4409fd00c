"""How far could a learned choice of speaker go? For each matched quotation, is the gold speaker among the options
the learned chooser of `chronik.quotes.reported` would weigh (`speaker_options`)?

    python training/quotes_oracle.py training/corpus/spkatt/tune [--rerank]

Prints counts only: matched quotations whose speaker the rules got right or wrong, each split by whether some
option names the gold speaker (the scorer's own test, through `spkatt_match`). The wrong ones with the gold speaker
among the options are the most a reranker over those options could mend (docs/quotes.md, session 17).

`--rerank` then tries such a reranker: the rules' own speaker is merged into the options as one more sign (which
rule, which way it was found), a logistic regression scores every option (as `reported.py` scores its chooser's),
and the best option of each quotation is its speaker — 4-fold cross-validated by document; printed: right speakers
against the rules' own, per C. Read the tuning part only.
"""

from __future__ import annotations

import argparse
import random
import sys
from collections import Counter
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

from spkatt_match import ev, gold_of, match, speaker_ok  # noqa: E402

from chronik.config import load_config  # noqa: E402
from chronik.document import Document  # noqa: E402
from chronik.pipeline import default_pipeline  # noqa: E402
from chronik.quotes.detect import QuoteFinder  # noqa: E402
from chronik.quotes.reported import bundled, speaker_options  # noqa: E402

Option = tuple[dict[str, float], int]  # an option's signs, and 1 when it names the gold speaker
Group = tuple[int, list[Option], int]  # document index, one matched quotation's options, 1 when the rules were right


def groups(folder: Path) -> tuple[Counter[tuple[str, str]], list[Group]]:
    """The counts (see the module) and, per matched quotation, its options with the rules' speaker merged in."""
    pipe = default_pipeline(load_config())
    reported = bundled()
    counts: Counter[tuple[str, str]] = Counter()
    out: list[Group] = []
    for di, d in enumerate(ev.spkatt_docs(folder)):
        doc = pipe.process(Document(text=d["text"], id=d["id"]))
        if not isinstance(doc, Document):
            continue
        finder = QuoteFinder(doc)  # the stage's own finder, run again to reach its state (same input, same result)
        cands = finder.run(reported)
        quote_sents = finder.quote_sents()
        view = finder.view
        by_start = {view.span(*c.msg)[0]: c for c in cands}
        quotes = [q for q in doc.quotes if q.get("form") in ("direct", "indirect", "mixed")]
        gold = gold_of(d)
        pairs = match([ev.tokset(a["Message"]) for a in gold],
                      [ev.chars_to_tokens(d["_offs"], q["start"], q["end"]) for q in quotes])
        for i, j in pairs:
            cand = by_start.get(quotes[j]["start"])
            if cand is None:
                continue
            spk: dict[str, Any] | None = quotes[j].get("speaker")
            right = int(speaker_ok(d, gold[i], spk))
            rule = {"kind:rule": 1.0, f"rule:{quotes[j]['rule']}": 1.0, f"via:{(spk or {}).get('via', 'none')}": 1.0}
            options: list[Option] = []
            merged = False
            for option in speaker_options(finder, view.toks[cand.msg[0]].sent, quote_sents):
                if option.span is None:
                    if "none" not in option.kinds:
                        continue
                    said = None
                else:
                    s, e = view.span(*option.span)
                    said = {"start": s, "end": e, "text": view.text[s:e]}
                signs = dict(option.features)
                at = None if said is None else (said["start"], said["end"])
                if at == (None if spk is None else (spk.get("start"), spk.get("end"))):
                    signs.update(rule)
                    merged = True
                options.append((signs, int(speaker_ok(d, gold[i], said))))
            found = any(label for _, label in options)
            counts[("rules right" if right else "rules wrong", "in the options" if found else "not in them")] += 1
            if not merged:
                options.append((rule, right))
            out.append((di, options, right))
    return counts, out


def rerank(data: list[Group], c: float, folds: int = 4) -> tuple[int, int]:
    """Right speakers of the reranker, cross-validated by document, and of the rules, over the same quotations."""
    from sklearn.feature_extraction import DictVectorizer
    from sklearn.linear_model import LogisticRegression

    docs = sorted({di for di, _, _ in data})
    random.Random(0).shuffle(docs)
    fold = {di: k % folds for k, di in enumerate(docs)}
    right = rules = 0
    for k in range(folds):
        train = [option for di, options, _ in data if fold[di] != k for option in options]
        vec = DictVectorizer()
        clf = LogisticRegression(C=c, max_iter=3000).fit(vec.fit_transform([f for f, _ in train]),
                                                          [label for _, label in train])
        for di, options, rule_right in data:
            if fold[di] == k:
                p = clf.predict_proba(vec.transform([f for f, _ in options]))[:, 1]
                right += options[max(range(len(options)), key=lambda t: p[t])][1]
                rules += rule_right
    return right, rules


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("folder", type=Path)
    ap.add_argument("--rerank", action="store_true", help="also cross-validate a reranker over the options")
    args = ap.parse_args()
    counts, data = groups(args.folder)
    for key, n in sorted(counts.items()):
        print(f"{key[0]:<12} {key[1]:<16} {n:>6}")
    if args.rerank:
        for c in (0.1, 0.3, 1.0, 3.0):
            right, rules = rerank(data, c)
            print(f"reranker C {c}: {right} right speakers, the rules {rules}, of {len(data)} matched quotations")


if __name__ == "__main__":
    main()
