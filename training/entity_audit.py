"""Every entity label the actor stage changes or adds after the entity model, for reading by hand.

    python training/entity_audit.py [--folder training/corpus/spkatt/tune] [--limit 300]
    python training/entity_audit.py --gnad ../shared/data/news/10kGNAD/test.csv --limit 300

The actor stage (`chronik.actors.resolve`) settles names across a document after the model: a person's surname
the model called ORG or LOC becomes PER once the person was named ("Robert Hoyzer" … "Hoyzer"), so do its other
occurrences and its genitive ("Hoyzers"); a country or organisation the model took for a person is relabelled; and
names of its lexicon the model missed are added. Such a mention keeps the model's label in `ner_label`, and an added
one has `stage: "actors"`. This script runs the default pipeline over whole news articles (SpkAtt Wikinews documents,
read through the scorer's own reader; or the Austrian articles of 10kGNAD, `category;'text'` per line) and prints
each of those mentions with its sentence, then the counts. No NER gold exists for whole articles here, so this is
how the document-level step is checked: read the list and count the right ones (docs/models.md, "Session 17").
"""

from __future__ import annotations

import argparse
import csv
import sys
from collections import Counter
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

from spkatt_match import ev  # noqa: E402

from chronik.config import load_config  # noqa: E402
from chronik.document import Document  # noqa: E402
from chronik.pipeline import default_pipeline  # noqa: E402


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--folder", type=Path, default=HERE / "corpus" / "spkatt" / "tune")
    ap.add_argument("--gnad", type=Path, default=None, help="a 10kGNAD CSV file instead of the SpkAtt folder")
    ap.add_argument("--limit", type=int, default=300, help="documents (0: all)")
    args = ap.parse_args()
    if args.gnad is not None:
        with args.gnad.open(encoding="utf-8", newline="") as f:
            docs = [{"id": f"gnad-{k}", "text": row[1]} for k, row in
                    enumerate(csv.reader(f, delimiter=";", quotechar="'")) if len(row) == 2]
    else:
        docs = ev.spkatt_docs(args.folder)
    if args.limit:
        docs = docs[: args.limit]
    pipe = default_pipeline(load_config())
    counts: Counter[str] = Counter()
    mentions = 0
    for d in docs:
        doc = pipe.process(Document(text=d["text"], id=d["id"]))
        if not isinstance(doc, Document):
            continue
        mentions += len(doc.entities)
        for ent in doc.entities:
            if ent.get("mention") == "nominal":
                continue  # descriptions ("der Kremlchef") are another matter (docs/events.md)
            if "ner_label" in ent:
                kind = f"{ent['ner_label']} → {ent['label']}"
            elif ent.get("stage") == "actors":
                kind = f"added {ent['label']}"
            else:
                continue
            counts[kind] += 1
            sentence = next((doc.text[s.start:s.end] for s in doc.sentences if s.start <= ent["start"] < s.end), "")
            print(f"{kind:<12} {ent['text']!r:<28} | {sentence[:140]}")
    print(f"\n{len(docs)} documents, {mentions:,} mentions; " + ", ".join(f"{k}: {n}" for k, n in counts.most_common()))


if __name__ == "__main__":
    main()
