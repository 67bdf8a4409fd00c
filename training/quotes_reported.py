"""Train the weights of `chronik.quotes.reported`: which sentences the rules left alone are reported speech,
and who says them.

    python training/quotes_reported.py            # writes src/chronik/quotes/reported.json

Data: our tuning part of SpkAtt-2023 task 2 Wikinews train (training/corpus/spkatt/tune, made by
training/quotes_split.py); the held-out part is never read here. Four-fold cross-validation over the tuning
part (folds by document id) chooses the regularisation and the threshold (scored with the scorer's own
matching, on whole quotations and on quotations with their speakers, by the sum of both F1s); the weights are
then trained on the whole tuning part.
A sentence is a positive example when a gold quotation that no rule found matches it (Dice >= 0.5 on
tokens, as `chronik_eval.py spkatt` counts). For each such sentence, every speaker option
(`reported.speaker_options`) is an example of the second model, positive when the scorer would count it as
that quotation's speaker.
"""

from __future__ import annotations

import datetime as dt
import itertools
import json
import sys
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

from sklearn.feature_extraction import DictVectorizer  # noqa: E402
from sklearn.linear_model import LogisticRegression  # noqa: E402
from spkatt_match import ev, gold_of, match, quote_counts, speaker_ok  # noqa: E402

from chronik.config import load_config  # noqa: E402
from chronik.document import Document  # noqa: E402
from chronik.pipeline import default_pipeline  # noqa: E402
from chronik.quotes.detect import QuoteFinder, find_quotes  # noqa: E402
from chronik.quotes.reported import BUNDLED, ReportedModel, speaker_options  # noqa: E402

TUNE = HERE / "corpus" / "spkatt" / "tune"
FOLDS = 4


Example = tuple[dict[str, float], int]


def examples(d: dict, doc: Document) -> tuple[list[Example], list[Example]]:
    """Features and label of every sentence the rules leave free (1 when it matches a gold quotation no
    rule found), and of every speaker option of those that match one (1 when the option is that quotation's
    speaker)."""
    finder = QuoteFinder(doc)
    cands = finder.run(None)
    view, offs = finder.view, d["_offs"]
    rules = find_quotes(doc, None)  # the same quotations, with their resolved speakers
    gold = gold_of(d)
    g_sets = [ev.tokset(a["Message"]) for a in gold]
    p_sets = [ev.chars_to_tokens(offs, *view.span(*view.trim(*c.msg))) for c in cands]
    found = {i for i, _ in match(g_sets, p_sets)}
    out: list[Example] = []
    speakers: list[Example] = []
    quote_sents = finder.quote_sents()
    for free in finder.free_sentences():
        a, b = view.trim(*view.sent_toks[free.sent])
        toks = ev.chars_to_tokens(offs, *view.span(a, b))
        hit = next((i for i, g in enumerate(g_sets) if i not in found and ev.dice(g, toks) >= 0.5), None)
        out.append((free.features, int(hit is not None)))
        if hit is None:
            continue
        before = [q for q in rules if q["sentence"][1] <= view.sentences[free.sent][0]]
        for o in speaker_options(finder, free.sent, quote_sents):
            if o.inherit:
                sp = before[-1]["speaker"] if before else None
            elif o.span is not None:
                s, e = view.span(*o.span)
                sp = {"start": s, "end": e, "text": view.text[s:e], "name": None}
            else:
                sp = None
            speakers.append((o.features, int(speaker_ok(d, gold[hit], sp))))
    return out, speakers


def score(docs: list[tuple[dict, Document]], model: ReportedModel | None) -> dict[str, float]:
    """Quote and quote+speaker F1 of the whole stage on `docs`, as `chronik_eval.py spkatt` counts them."""
    return f1s(counts(docs, model))


def f1s(c: tuple[int, int, int, int]) -> dict[str, float]:
    n_gold, n_pred, n_match, n_ok = c
    f1 = lambda tp: 2 * tp / (n_pred + n_gold) if n_pred + n_gold else 0.0  # noqa: E731
    return {"quote_f1": round(f1(n_match), 4), "quote_speaker_f1": round(f1(n_ok), 4), "pred": n_pred}


def counts(docs: list[tuple[dict, Document]], model: ReportedModel | None) -> tuple[int, int, int, int]:
    """Gold quotations, predicted ones, matched ones, matched with the right speaker."""
    per_doc = [quote_counts(d, find_quotes(doc, model)) for d, doc in docs]
    return (sum(c[0] for c in per_doc), sum(c[1] for c in per_doc), sum(c[2] for c in per_doc),
            sum(c[3] for c in per_doc))


def fit(data: list[tuple[dict[str, float], int]], c: float) -> dict[str, float]:
    vec = DictVectorizer()
    x = vec.fit_transform([f for f, _ in data])
    y = [label for _, label in data]
    clf = LogisticRegression(C=c, max_iter=2000, fit_intercept=False)  # the "bias" feature is the intercept
    clf.fit(x, y)
    return {name: round(float(w), 4) for name, w in zip(vec.feature_names_, clf.coef_[0], strict=True)
            if abs(w) >= 1e-4}


def main() -> None:
    pipe = default_pipeline(load_config())
    docs = []
    for d in ev.spkatt_docs(TUNE):
        out = pipe.process(Document(text=d["text"], id=d["id"]))
        if isinstance(out, Document):
            docs.append((d, out))
    # four folds by document id: each (C, threshold) is fitted on three and counted on the fourth, the counts
    # of the four folds summed (one split alone chose differently from one refit to the next)
    folds = [[(d, doc) for d, doc in docs if int(d["id"]) % FOLDS == k] for k in range(FOLDS)]
    fold_both = [[examples(d, doc) for d, doc in fold] for fold in folds]
    fold_ex = [[e for sent, _ in both for e in sent] for both in fold_both]
    fold_spk = [[e for _, spk in both for e in spk] for both in fold_both]
    all_ex = [e for ex in fold_ex for e in ex]
    all_spk = [e for ex in fold_spk for e in ex]
    print(f"{len(docs)} documents in {FOLDS} folds; {len(all_ex)} free sentences, "
          f"{sum(label for _, label in all_ex)} of them reported speech; {len(all_spk)} speaker options, "
          f"{sum(label for _, label in all_spk)} of them right")
    base = score(docs, None)
    print(f"rules alone: {base}")
    best: tuple[float, float, tuple[float, float], dict[str, float]] | None = None
    for c in (0.3, 1.0, 3.0, 10.0):
        fold_weights = [fit([e for j, ex in enumerate(fold_ex) if j != k for e in ex], c) for k in range(FOLDS)]
        fold_speakers = [fit([e for j, ex in enumerate(fold_spk) if j != k for e in ex], c) for k in range(FOLDS)]
        for threshold, speaker_threshold in itertools.product((0.3, 0.4, 0.5, 0.6, 0.7, 0.8), (0.0, 0.3, 0.5)):
            total = [0, 0, 0, 0]
            for k, fold in enumerate(folds):
                model = ReportedModel({"weights": fold_weights[k], "threshold": threshold,
                                       "speaker_weights": fold_speakers[k], "speaker_threshold": speaker_threshold})
                total = [a + b for a, b in zip(total, counts(fold, model), strict=True)]
            s = f1s((total[0], total[1], total[2], total[3]))
            print(f"C={c:<4} threshold={threshold} speaker_threshold={speaker_threshold}: {s}")
            key = s["quote_speaker_f1"] + s["quote_f1"]
            if best is None or key > best[0]:
                best = (key, c, (threshold, speaker_threshold), s)
    assert best is not None
    _, c, (threshold, speaker_threshold), chosen = best
    weights = fit(all_ex, c)
    speaker_weights = fit(all_spk, c)
    data: dict[str, Any] = {
        "threshold": threshold,
        "speaker_threshold": speaker_threshold,
        "weights": dict(sorted(weights.items())),
        "speaker_weights": dict(sorted(speaker_weights.items())),
        "meta": {
            "what": "logistic regression: is a sentence that no quotation rule took reported speech? "
                    "speaker_weights: a second one scores who says it (reported.speaker_options)",
            "trained": dt.date.today().isoformat(),
            "data": "SpkAtt-2023 task 2 German Wikinews train, our tuning part (training/quotes_split.py; "
                    "Wikinews text CC BY 2.5/4.0); the held-out part was not read",
            "examples": len(all_ex), "positives": sum(label for _, label in all_ex),
            "speaker_options": len(all_spk), "speaker_options_right": sum(label for _, label in all_spk),
            "C": c, "chosen_on": f"{FOLDS}-fold cross-validation over the tuning documents (folds by id % {FOLDS})",
            "rules_alone": base, "cross_validated_with_model": chosen,
            "command": "python training/quotes_reported.py",
        },
    }
    BUNDLED.write_text(json.dumps(data, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
    print(f"C={c} threshold={threshold} speaker_threshold={speaker_threshold}: {chosen}; {len(weights)} weights "
          f"-> {BUNDLED}")


if __name__ == "__main__":
    main()
