"""Every change the document step `chronik.nlp.discourse` makes to the model's mentions, for reading by hand.

    python training/discourse_audit.py [--folder training/corpus/spkatt/tune] [--limit 300]
    python training/discourse_audit.py --gnad ../shared/data/news/10kGNAD/test.csv --limit 300

Runs the default pipeline over whole news articles (SpkAtt Wikinews documents, read through the scorer's own
reader; or the Austrian articles of 10kGNAD, `category;'text'` per line), and prints each mention the step
relabels or adds with its sentence, then the counts. No NER gold exists for whole articles here, so this is how
the step is checked: read the list and count the right ones (docs/models.md, "Session 17").
"""

from __future__ import annotations

import argparse
import csv
import sys
from collections import Counter
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

from spkatt_match import ev  # noqa: E402

import chronik.nlp.analyze as analyze  # noqa: E402
from chronik.config import load_config  # noqa: E402
from chronik.document import Document  # noqa: E402
from chronik.pipeline import default_pipeline  # noqa: E402


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--folder", type=Path, default=HERE / "corpus" / "spkatt" / "tune")
    ap.add_argument("--limit", type=int, default=300, help="documents (0: all)")
    ap.add_argument("--gnad", type=Path, default=None, help="a 10kGNAD CSV file instead of the SpkAtt folder")
    args = ap.parse_args()
    if args.gnad is not None:
        with args.gnad.open(encoding="utf-8", newline="") as f:
            docs = [{"id": f"gnad-{k}", "text": row[1]} for k, row in
                    enumerate(csv.reader(f, delimiter=";", quotechar="'")) if len(row) == 2]
    else:
        docs = ev.spkatt_docs(args.folder)
    if args.limit:
        docs = docs[: args.limit]
    changes: list[tuple[str, str, str, str, str]] = []
    step = analyze.consistent

    def watched(sdoc: Any, mentions: list[tuple[Any, str]]) -> list[tuple[Any, str]]:
        out = step(sdoc, mentions)
        before = {(span.start, span.end): label for span, label in mentions}
        for span, label in out:
            old = before.get((span.start, span.end))
            if old != label:
                changes.append(("added" if old is None else "relabelled", old or "-", label, span.text,
                                span.sent.text))
        return out

    analyze.consistent = watched  # the analysis stage calls the step through its module
    pipe = default_pipeline(load_config(overrides={"models": {"one_label_per_name": True}}))
    mentions = 0
    for d in docs:
        out = pipe.process(Document(text=d["text"], id=d["id"]))
        if isinstance(out, Document):
            mentions += len(out.entities)
    for kind, old, new, text, sentence in changes:
        print(f"{kind:<10} {old:>4} → {new:<4} {text!r:<24} | {sentence[:140]}")
    counts = Counter(kind for kind, *_ in changes)
    print(f"\n{len(docs)} documents, {mentions:,} mentions; {counts['relabelled']} relabelled, {counts['added']} added")


if __name__ == "__main__":
    main()
