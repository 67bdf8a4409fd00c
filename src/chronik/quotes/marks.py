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
        j = i + 1
        closed = False
        while j < n:
            if toks[j].text in closers:
                closed = True
                break
            if "\n\n" in text[toks[j - 1].end : toks[j].start]:
                break  # the paragraph ended
            if toks[j].text == opener and opener not in closers:
                # the same opener again: a quote inside the quote written with the same marks („… „…“ …“, the
                # outer one is the quotation), else the first quote was never closed
                nested = _nested_close(view, j) if opener == "„" else None
                if nested is not None:
                    j, closed = nested, True
                break
            j += 1
        if closed:
            out.append((i, j))
            i = j + 1
        else:
            if j - i > 2:
                out.append((i, j))
            i = j if j > i + 1 else i + 1
    return out


def _nested_close(view: DocView, inner: int) -> int | None:
    """The closing mark of an outer „ whose quote holds another „…“ opening at token `inner`, in the same
    paragraph („Wir haben „Small-Business“-Kunden gewonnen“), or None when the marks do not balance there."""
    toks, text = view.toks, view.text
    depth = 1  # the inner quotes open inside the outer one
    for j in range(inner + 1, len(toks)):
        if "\n\n" in text[toks[j - 1].end : toks[j].start]:
            return None
        t = toks[j].text
        if t == "„":
            depth += 1
        elif t in ("“", "”"):
            if depth == 0:
                return j
            depth -= 1
    return None
