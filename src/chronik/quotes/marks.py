"""Pairing quotation marks in all German conventions: „…“ (and „…”), »…«, «…» (Swiss), "…", “…”.

Single marks (‚…‘, ›…‹) are quotes inside quotes; they are left inside the outer quote and not paired,
because ‘ doubles as an apostrophe. A quote left open is closed at the end of its paragraph.
"""

from __future__ import annotations

from chronik.nlp.view import DocView

CLOSERS = {"„": {"“", "”", '"'}, "»": {"«"}, "«": {"»"}, '"': {'"'}, "“": {"”", "“"}}


def quoted_spans(view: DocView) -> list[tuple[int, int]]:
    """Token ranges [open, close] (the indices of both marks) of every quotation; an unclosed quote ends
    before the next paragraph break (its close index is then the last token of the paragraph + 1)."""
    toks = view.toks
    text = view.text
    out: list[tuple[int, int]] = []
    i = 0
    n = len(toks)
    while i < n:
        opener = toks[i].text
        if opener not in CLOSERS:
            i += 1
            continue
        closers = CLOSERS[opener]
        nested = _nested_close(view, i) if opener == "„" else None
        if nested is not None:
            # „… „…“ …“: a quote inside a quote written with the same marks; the outer one is the quotation
            out.append((i, nested))
            i = nested + 1
            continue
        j = i + 1
        closed = False
        while j < n:
            if toks[j].text in closers:
                closed = True
                break
            if "\n\n" in text[toks[j - 1].end : toks[j].start] or (toks[j].text in CLOSERS and toks[j].text == opener
                                                                    and opener not in closers):
                break  # paragraph ended, or the same opener again: the first quote was never closed
            j += 1
        if closed:
            out.append((i, j))
            i = j + 1
        else:
            if j - i > 2:
                out.append((i, j))
            i = j if j > i + 1 else i + 1
    return out


def _nested_close(view: DocView, i: int) -> int | None:
    """The closing mark of a „ at token i that holds another „…“ before its own “ in the same paragraph
    („Wir haben „Small-Business“-Kunden gewonnen“), or None when there is no such inner pair or the marks do
    not balance there."""
    toks, text = view.toks, view.text
    depth = 0
    inner = False
    for j in range(i + 1, len(toks)):
        if "\n\n" in text[toks[j - 1].end : toks[j].start]:
            return None
        t = toks[j].text
        if t == "„":
            depth += 1
            inner = True
        elif t in ("“", "”"):
            if depth == 0:
                return j if inner else None
            depth -= 1
    return None
