"""The local engine: read inputs, run the pipeline on each document, hand results to a sink.

The per-document function is `Pipeline.process`; this engine only drives it and counts. Every
document ends as exactly one of: written, or rejected with a code.
"""

from __future__ import annotations

import time
from collections import Counter
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field

from chronik.document import Document, Rejection
from chronik.ingest import ReadContext, read_inputs
from chronik.pipeline import Pipeline


@dataclass(slots=True)
class RunStats:
    counts: Counter[str] = field(default_factory=Counter)  # documents, rejected, new, updated, unchanged
    rejected_by_code: Counter[str] = field(default_factory=Counter)
    tokens: int = 0
    seconds: float = 0.0

    @property
    def rejected(self) -> int:
        return self.counts["rejected"]

    def summary(self, verb: str = "annotated") -> str:
        parts = [f"{self.counts['documents']} documents {verb}"]
        for key in ("new", "updated", "unchanged"):
            if self.counts[key]:
                parts.append(f"{self.counts[key]} {key}")
        rej = f"{self.rejected} rejected"
        if self.rejected:
            rej += " (" + ", ".join(f"{code}: {n}" for code, n in sorted(self.rejected_by_code.items())) + ")"
        parts.append(rej)
        rate = self.tokens / self.seconds if self.seconds else 0.0
        parts.append(f"{self.tokens:,} tokens in {self.seconds:.1f} s ({rate:,.0f} tokens/s)")
        return ", ".join(parts)


def run_local(
    inputs: Iterable[str],
    pipeline: Pipeline,
    ctx: ReadContext,
    on_document: Callable[[Document], str | Rejection | None],
    on_rejection: Callable[[Rejection], None],
    on_progress: Callable[[RunStats], None] | None = None,
) -> RunStats:
    """Process every input. `on_document` may return "new"/"updated"/"unchanged" to be counted, or a
    Rejection when it cannot take the document (then `on_rejection` gets it, like any other)."""
    stats = RunStats()
    t0 = time.perf_counter()
    for item in read_inputs(inputs, ctx):
        result: Document | Rejection | str | None = pipeline.process(item) if isinstance(item, Document) else item
        if isinstance(result, Document):
            tokens = len(result.tokens)
            result = on_document(result)  # the sink may still refuse it (a Rejection)
            if not isinstance(result, Rejection):
                stats.counts["documents"] += 1
                stats.tokens += tokens
                if result:
                    stats.counts[result] += 1
        if isinstance(result, Rejection):
            stats.counts["rejected"] += 1
            stats.rejected_by_code[f"{result.reason.code} {result.reason.slug}"] += 1
            on_rejection(result)
        stats.seconds = time.perf_counter() - t0
        if on_progress:
            on_progress(stats)
    stats.seconds = time.perf_counter() - t0
    return stats
