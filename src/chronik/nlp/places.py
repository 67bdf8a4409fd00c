"""A spaCy component that marks known place names as LOC where the statistical NER found nothing.

Its list of names (country names from CLDR, big cities with their exonyms from GeoNames; built by
training/gazetteer.py) is saved in the model folder as a JSON list. Matching is a dictionary lookup
of token n-grams: it loads in milliseconds and costs almost nothing per token, unlike spaCy's
EntityRuler, whose phrase patterns are re-tokenised every time the model loads.
"""

from __future__ import annotations

import json
from collections.abc import Iterable
from pathlib import Path
from typing import Any

from spacy.language import Language
from spacy.tokens import Doc, Span
from spacy.util import filter_spans

import chronik.nlp.names  # noqa: F401  (every script that loads a chronik model imports this module)

FACTORY = "chronik_place_ruler"
# After these, a known place name that the NER called ORG is a place ("in Ontario", "nach Moskau").
LOCATIVE = {"in", "nach", "aus", "bei", "nahe", "im", "ins", "vom", "zum", "durch", "über", "gen"}


class PlaceRuler:
    """Adds known places the NER missed; with `relabel`, also corrects a known place the NER called PER
    (always) or ORG (after a locative preposition)."""

    def __init__(self, nlp: Language, name: str = FACTORY, label: str = "LOC", max_tokens: int = 5,
                 relabel: bool = False) -> None:
        self.name = name
        self.label = label
        self.max_tokens = max_tokens
        self.relabel = relabel
        self.names: set[tuple[str, ...]] = set()
        self._tokenizer = nlp.tokenizer

    def add(self, names: Iterable[str]) -> None:
        for n in names:
            key = tuple(t.text for t in self._tokenizer(n) if not t.is_space)
            if 0 < len(key) <= self.max_tokens:
                self.names.add(key)

    def __call__(self, doc: Doc) -> Doc:
        if not self.names:
            return doc
        if self.relabel:
            doc.ents = [span for e in doc.ents for span in self._relabelled(doc, e)]
        taken = {i for e in doc.ents for i in range(e.start, e.end)}
        found = []
        words = [t.text for t in doc]
        for i in range(len(words)):
            if i in taken:
                continue
            for n in range(min(self.max_tokens, len(words) - i), 0, -1):
                if tuple(words[i:i + n]) in self.names and not any(j in taken for j in range(i, i + n)):
                    found.append(Span(doc, i, i + n, label=self.label))
                    break
        if found:
            doc.ents = filter_spans([*doc.ents, *found])
        return doc

    def _relabelled(self, doc: Doc, ent: Span) -> list[Span]:
        if ent.label_ not in ("PER", "ORG"):
            return [ent]
        if tuple(t.text for t in ent) not in self.names:
            # two or more known places run together ("kritisierte Estland Russland") are not one name
            parts = self._places(doc, ent.start, ent.end)
            return parts if len(parts) > 1 else [ent]
        before = doc[ent.start - 1].lower_ if ent.start > 0 else ""
        if ent.label_ == "PER" or before in LOCATIVE:
            return [Span(doc, ent.start, ent.end, label=self.label)]
        return [ent]

    def _places(self, doc: Doc, start: int, end: int) -> list[Span]:
        """[start, end) cut into known place names, longest first; [] when it cannot be."""
        out = []
        i = start
        while i < end:
            n = next((n for n in range(min(self.max_tokens, end - i), 0, -1)
                      if tuple(t.text for t in doc[i:i + n]) in self.names), 0)
            if not n:
                return []
            out.append(Span(doc, i, i + n, label=self.label))
            i += n
        return out

    def to_disk(self, path: str | Path, exclude: Iterable[str] = ()) -> None:
        path = Path(path)
        path.mkdir(parents=True, exist_ok=True)
        data = {"label": self.label, "max_tokens": self.max_tokens, "relabel": self.relabel,
                "names": sorted(" ".join(k) for k in self.names)}
        (path / "names.json").write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")

    def from_disk(self, path: str | Path, exclude: Iterable[str] = ()) -> PlaceRuler:
        data = json.loads((Path(path) / "names.json").read_text(encoding="utf-8"))
        self.label = data["label"]
        self.max_tokens = data["max_tokens"]
        self.relabel = data.get("relabel", self.relabel)
        self.names = {tuple(n.split(" ")) for n in data["names"]}
        return self


@Language.factory(FACTORY, default_config={"label": "LOC", "max_tokens": 5, "relabel": False})
def make_place_ruler(nlp: Language, name: str, label: str, max_tokens: int, relabel: bool) -> PlaceRuler:
    return PlaceRuler(nlp, name, label, max_tokens, relabel)


def config() -> dict[str, Any]:
    return {"factory": FACTORY}
