"""The actors the event rules work with (`Mentions`): which words of a document name an actor with a
country, read the way a German news sentence means them. The rules that connect them to triggers are in
detect.py."""

from __future__ import annotations

import bisect
from dataclasses import dataclass
from typing import Any

from chronik.actors.kb import load_kb
from chronik.actors.resolve import role_of
from chronik.document import Document, is_named, is_nominal
from chronik.events.lexicon import NOUNS
from chronik.nlp.view import DocView

OBJECT_ARTICLES = frozenset({"den", "dem", "einem", "einen", "seinem", "seinen", "ihrem", "ihren", "diesem",
                             "diesen", "jenem"})
ARTICLES = frozenset({"der", "die", "das", "den", "dem", "des", "ein", "eine"}) | OBJECT_ARTICLES
VISIT_HEADS = ("besuch", "reise", "visite")
# "beide Seiten", "beide Staaten": the two parties the text spoke of last.
BOTH_NOUNS = frozenset({"seiten", "staaten", "länder", "ländern", "regierungen", "parteien", "nachbarn",
                        "konfliktparteien", "nachbarländer", "nachbarstaaten", "delegationen"})


@dataclass(slots=True)
class Mention:
    a: int  # first token
    b: int  # end token (exclusive)
    ent: dict[str, Any]

    @property
    def country(self) -> str | None:
        return self.ent.get("country")

    @property
    def person(self) -> bool:
        return is_named(self.ent, "PER") or (is_nominal(self.ent) and self.ent.get("sector") != "MIL"
                                              and (self.ent.get("role") or "")[:1].isupper()
                                              and not (self.ent.get("role") or "").lower().endswith(
                                                  ("regierung", "behörden", "ministerium", "führung")))

    def actor(self) -> dict[str, Any]:
        e = self.ent
        return {"text": e["text"], "start": e["start"], "end": e["end"], "name": e.get("name"),
                "country": e.get("country"), "sector": e.get("sector")}


class Mentions:
    """The actors of a document as the event rules see them: entity mentions with a country, country
    adjectives, titles folded into names, "beide Seiten", appositions and relative clauses read past,
    compound visit nouns ("Israelbesuch"), and the quotation each token stands in."""

    def __init__(self, doc: Document, view: DocView | None = None) -> None:
        self.doc = doc
        self.view = view or DocView(doc)
        v = self.view
        self.mentions: list[Mention] = []
        seen: dict[int, Mention] = {}
        for ti in sorted(v.ent_of):
            ent = v.ent_of[ti]
            if not ent.get("country"):
                continue
            m = seen.get(id(ent))
            if m is None or m.b != ti:
                m = Mention(ti, ti + 1, ent)
                seen[id(ent)] = m
                self.mentions.append(m)
            else:
                m.b = ti + 1
        # a country adjective no entity covers stands for its country ("der österreichische Alleingang")
        kb = load_kb()
        for ti, t in enumerate(v.toks):
            if ti not in v.ent_of and t.word and not t.cap and len(t.text) > 5:
                code = kb.adjective(t.text)
                if code:
                    self.mentions.append(Mention(ti, ti + 1, {"text": t.text, "start": t.start, "end": t.end,
                                                              "label": "MISC", "name": None, "country": code,
                                                              "sector": None}))
        self.mentions.sort(key=lambda m: m.a)
        # a country adjective right before another actor belongs to it ("die deutsche Bundeskanzlerin Merkel")
        def adjective(m: Mention) -> bool:
            first = v.toks[m.a].text
            return not is_nominal(m.ent) and (first[:1].islower() or (
                m.ent["label"] == "MISC" and first.lower().endswith(("isch", "ische", "ischen", "ischer"))))

        self.mentions = [m for k, m in enumerate(self.mentions)
                         if not adjective(m) or not any(n.a - m.b <= 2 for n in self.mentions[k + 1:k + 2])]
        # a title right before a name is the person ("UN-Generalsekretär Kofi Annan", "Kremlchef Putin"), also
        # with a genitive in between ("der außenpolitische Sprecher der CDU Friedbert Pflüger")
        titled: set[int] = set()
        merged: list[Mention] = []
        for k, m in enumerate(self.mentions):
            if is_named(m.ent, "PER") or not (is_nominal(m.ent) or role_of(v.toks[m.b - 1].text)):
                continue
            for n in self.mentions[k + 1:k + 4]:
                between = v.toks[m.b:n.a]
                if is_named(n.ent, "PER") and len(between) <= 5 \
                        and (not between or between[0].lower in ("der", "des")) \
                        and all(t.word or t.text in ("/", "-") for t in between) \
                        and all(t.cap or t.lower in ("der", "des", "und", "/", "-") for t in between):
                    titled.add(id(m))
                    titled.update(id(x) for x in self.mentions[k + 1:] if m.b <= x.a and x.b <= n.a)
                    if between:
                        titled.add(id(n))
                        merged.append(Mention(m.a, n.b, n.ent))
                    break
                if is_named(n.ent, "PER"):
                    break
        self.mentions = sorted([m for m in self.mentions if id(m) not in titled] + merged, key=lambda m: m.a)
        self._appositions()
        self._both_parties()
        # "Israelbesuch", "Moskau-Reise": a visit noun whose first part names where the visit goes
        self.visit_to: dict[int, Mention] = {}
        for ti, t in enumerate(v.toks):
            low = t.lower
            head = next((h for h in VISIT_HEADS if low.endswith(h) and len(low) > len(h) + 2), None)
            if not t.cap or head is None or ti in v.ent_of or t.text in NOUNS:
                continue
            prefix = t.text[:len(t.text) - len(head)].rstrip("-")
            hit = kb.name(prefix)
            place = kb.place(prefix) if hit is None else None
            code = hit.country if hit else place.country if place else None
            if code:
                self.visit_to[ti] = Mention(ti, ti + 1, {"text": t.text, "start": t.start, "end": t.end,
                                                         "label": "LOC", "name": hit.name if hit else prefix,
                                                         "country": code, "sector": None})
        self.mention_at = {t: m for m in self.mentions for t in range(m.a, m.b)}
        self.quote_of: dict[int, dict[str, Any]] = {}
        starts = [t.start for t in v.toks]
        for q in doc.quotes:
            for i in range(bisect.bisect_left(starts, q["start"]), bisect.bisect_left(starts, q["end"])):
                self.quote_of[i] = q

    def _both_parties(self) -> None:
        """"beide Seiten", "beide Staaten": the last two countries named before, as one coordinated group."""
        v = self.view
        added: list[Mention] = []
        for k, t in enumerate(v.toks[:-1]):
            if t.lower not in ("beide", "beiden") or v.toks[k + 1].lower not in BOTH_NOUNS or k + 1 in v.ent_of:
                continue
            parties: list[Mention] = []
            for m in reversed(self.mentions):
                if m.a < 0 or v.toks[m.a].sent >= v.toks[k].sent or v.toks[m.a].sent < v.toks[k].sent - 2:
                    continue
                if m.country and m.country not in {p.country for p in parties}:
                    parties.append(m)
                if len(parties) == 2:
                    break
            if len(parties) == 2:
                s, e = t.start, v.toks[k + 1].end
                for p in reversed(parties):
                    added.append(Mention(k, k + 2, {**p.ent, "text": v.text[s:e], "start": s, "end": e}))
        self.mentions = sorted(self.mentions + added, key=lambda m: m.a)

    def _appositions(self) -> None:
        """Appositions are read as one actor: ", der Hohe Vertreter der EU," describes the name before it
        (the mentions inside are attributes, not arguments); ", Michael Griffin," names the description
        before it (the person replaces "Der Chef der NASA")."""
        v = self.view
        inserts = v.inserts(0, len(v.toks))
        self.appos: dict[int, int] = {k: c for k, (c, kind) in inserts.items() if kind == "apposition"}
        brackets = {k: c for k, (c, kind) in inserts.items() if kind == "bracket"}
        self.relative: dict[int, int] = {k: c for k, (c, kind) in inserts.items() if kind == "relative"}
        # comma -> end of a description the writer left open ("…, der Hohe Vertreter der EU will …")
        self.open_appos: dict[int, int] = {}
        for k, t in enumerate(v.toks):
            if t.text == ",":
                end = v.open_apposition(k, role_of)
                if end is not None:
                    self.open_appos[k] = end
        self.appos_close = {c: k for k, c in self.appos.items()}
        self.appos_close.update({end - 1: k for k, end in self.open_appos.items()})
        self.appos_close.update({c: k for k, c in self.relative.items()})
        drop: set[int] = set()
        for k, close in self.appos.items():
            first = v.ent_of.get(k + 1)
            if is_named(first, "PER"):
                j = k - 1
                lo = v.sent_toks[v.toks[k].sent][0]
                while j >= lo and v.toks[j].word and (v.toks[j].cap or v.toks[j].lower in ARTICLES
                                                       or v.toks[j].lower.endswith(("e", "en", "er", "em", "es"))):
                    j -= 1
                described = [m for m in self.mentions if j < m.a and m.b <= k]
                per = next((m for m in self.mentions if m.a == k + 1), None)
                if per is None and described and described[-1].country:
                    per = Mention(k + 1, close, {**first, "country": described[-1].country,
                                                 "sector": described[-1].ent.get("sector") or "GOV"})
                    self.mentions.append(per)
                if per is not None:
                    drop.update(id(m) for m in described)
            else:
                drop.update(id(m) for m in self.mentions if k < m.a and m.b <= close)
        for k, end in self.open_appos.items():
            drop.update(id(m) for m in self.mentions if k < m.a and m.b <= end)
        # a short bracket is read past and its names are attributes: "Franz Josef Jung (CDU) kündigte an"
        for k, close in brackets.items():
            self.appos[k] = close
            self.appos_close[close] = k
            drop.update(id(m) for m in self.mentions if k < m.a and m.b <= close)
        self.mentions = sorted((m for m in self.mentions if id(m) not in drop), key=lambda m: m.a)
