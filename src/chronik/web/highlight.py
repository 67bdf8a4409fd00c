"""The text of a document as HTML with its entities, quotations and event triggers marked: every
character span becomes nested <span>s for the annotations that cover it, each with its kind and index so
the page can show the record on click. Text is escaped; nothing from the document is trusted."""

from __future__ import annotations

from html import escape
from itertools import pairwise
from typing import Any


def marks(doc: dict[str, Any]) -> list[tuple[int, int, str, int]]:
    out: list[tuple[int, int, str, int]] = []
    for i, q in enumerate(doc.get("quotes", [])):
        out.append((q["start"], q["end"], "quote", i))
    for i, e in enumerate(doc.get("entities", [])):
        out.append((e["start"], e["end"], "entity", i))
    for i, ev in enumerate(doc.get("events", [])):
        trig = ev.get("trigger") or {}
        if "start" in trig:
            out.append((trig["start"], trig["end"], "event", i))
    return [m for m in out if 0 <= m[0] < m[1] <= len(doc["text"])]


def highlight(doc: dict[str, Any]) -> str:
    """`doc["text"]` as HTML; paragraphs (blank lines) become <p>."""
    text = doc["text"]
    ms = marks(doc)
    cuts = sorted({0, len(text), *(m[0] for m in ms), *(m[1] for m in ms)})
    first: dict[tuple[str, int], bool] = {}
    parts: list[str] = []
    for a, b in pairwise(cuts):
        seg = escape(text[a:b]).replace("\n\n", "</p><p>").replace("\n", "<br>")
        active = sorted((m for m in ms if m[0] <= a and b <= m[1]), key=lambda m: (m[0], -m[1]))
        for start, _, kind, idx in reversed(active):
            label = ""
            if kind == "entity":
                label = f' data-label="{escape(str(doc["entities"][idx].get("label")))}"'
            anchor = ""
            if start == a and kind != "entity" and not first.get((kind, idx)):
                first[(kind, idx)] = True
                anchor = f' id="{kind}-{idx}"'
            seg = f'<span class="mark {kind}" data-kind="{kind}" data-idx="{idx}"{label}{anchor}>{seg}</span>'
        parts.append(seg)
    return "<p>" + "".join(parts) + "</p>"
