"""How sure is a SpkAtt figure? Quote F1 and quote+speaker F1 with a 95 % interval, by resampling documents.

    python training/quotes_interval.py training/corpus/spkatt/heldout [--samples 2000] [--seed 0]

Runs the default pipeline over the documents once, counts per document what the scorer counts (gold, predicted and
matched quotations, matched ones with the right speaker; the scorer's own matching through `spkatt_match`), then
draws the documents with replacement `--samples` times and prints the 2.5th and 97.5th percentiles of both F1s.
Counts only, no text: it may be run on the held-out part. A figure's interval says how far two measurements on
different documents (our tuning and held-out parts, or data we do not have) can differ by chance alone.
"""

from __future__ import annotations

import argparse
import random
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

from spkatt_match import ev, quote_counts  # noqa: E402

from chronik.config import load_config  # noqa: E402
from chronik.document import Document  # noqa: E402
from chronik.pipeline import default_pipeline  # noqa: E402

Counts = tuple[int, int, int, int]  # gold, predicted, matched, matched with the right speaker


def document_counts(folder: Path) -> list[Counts]:
    """Per document: gold quotations, predicted ones, matched pairs, matched pairs whose speaker counts."""
    pipe = default_pipeline(load_config())
    out: list[Counts] = []
    for d in ev.spkatt_docs(folder):
        doc = pipe.process(Document(text=d["text"], id=d["id"]))
        out.append(quote_counts(d, doc.quotes if isinstance(doc, Document) else []))
    return out


def f1s(counts: list[Counts]) -> tuple[float, float]:
    """Quote F1 and quote+speaker F1 over the documents' summed counts (as the scorer sums them)."""
    gold = sum(c[0] for c in counts)
    pred = sum(c[1] for c in counts)
    both = gold + pred
    return (2 * sum(c[2] for c in counts) / both if both else 0.0,
            2 * sum(c[3] for c in counts) / both if both else 0.0)


def interval(counts: list[Counts], samples: int, seed: int) -> list[tuple[float, float]]:
    """(2.5th, 97.5th percentile) of quote F1 and of quote+speaker F1 over `samples` resamplings of documents."""
    rng = random.Random(seed)
    draws = [f1s(rng.choices(counts, k=len(counts))) for _ in range(samples)]
    bounds = []
    for which in (0, 1):
        values = sorted(x[which] for x in draws)
        bounds.append((values[int(0.025 * samples)], values[min(samples - 1, int(0.975 * samples))]))
    return bounds


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("folder", type=Path)
    ap.add_argument("--samples", type=int, default=2000)
    ap.add_argument("--seed", type=int, default=0)
    args = ap.parse_args()
    counts = document_counts(args.folder)
    quote, speaker = f1s(counts)
    (q_lo, q_hi), (s_lo, s_hi) = interval(counts, args.samples, args.seed)
    print(f"{len(counts)} documents, {sum(c[0] for c in counts)} gold quotations, {args.samples} resamplings")
    print(f"quote F1          {quote:.3f}  95 % interval {q_lo:.3f}–{q_hi:.3f}")
    print(f"quote+speaker F1  {speaker:.3f}  95 % interval {s_lo:.3f}–{s_hi:.3f}")


if __name__ == "__main__":
    main()
