"""How far could a learned choice of speaker go? For each matched quotation, is the gold speaker among the options
the learned chooser of `chronik.quotes.reported` would weigh (`speaker_options`)?

    python training/quotes_oracle.py training/corpus/spkatt/tune

Prints counts only: matched quotations whose speaker the rules got right or wrong, each split by whether some
option names the gold speaker (the scorer's own test, through `spkatt_match`). The wrong ones with the gold speaker
among the options are the most a reranker over those options could mend (docs/quotes.md, session 17).
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
from chronik.quotes.detect import QuoteFinder  # noqa: E402
from chronik.quotes.reported import bundled, speaker_options  # noqa: E402


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("folder", type=Path)
    args = ap.parse_args()
    pipe = default_pipeline(load_config())
    reported = bundled()
    counts: Counter[tuple[str, str]] = Counter()
    for d in ev.spkatt_docs(args.folder):
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
            right = speaker_ok(d, gold[i], quotes[j].get("speaker"))
            found = False
            for option in speaker_options(finder, view.toks[cand.msg[0]].sent, quote_sents):
                if option.span is None:
                    found = found or ("none" in option.kinds and speaker_ok(d, gold[i], None))
                    continue
                s, e = view.span(*option.span)
                found = found or speaker_ok(d, gold[i], {"start": s, "end": e, "text": view.text[s:e]})
            counts[("rules right" if right else "rules wrong", "in the options" if found else "not in them")] += 1
    for key, n in sorted(counts.items()):
        print(f"{key[0]:<12} {key[1]:<16} {n:>6}")


if __name__ == "__main__":
    main()
