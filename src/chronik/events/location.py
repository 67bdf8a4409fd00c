"""Where an event happened: a place named in its sentence, the destination of a visit, or the scene the
article set earlier ("Auf der Konferenz in München …" — the following exchanges happen there too).

Every location says how it was found (`basis`: sentence, visit or article), so users can keep only the
places read from the event's own sentence.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from chronik.nlp.view import DocView

# Prepositions that name a scene ("in Wien", "bei Kabul", "nahe der Grenze"); "auf" only before a place
# that is not a country ("auf der Krim"; "Druck auf Russland" is a target, not a scene).
SCENE_PREPS = frozenset({"in", "im", "bei", "beim", "nahe", "auf"})
# Words that may stand between the preposition and the name: "in der Nähe der Ortschaft Ghadschar".
PLACE_NOUNS = frozenset("""region ortschaft stadt hauptstadt dorf provinz nähe gebiet bezirk grenzstadt kleinstadt
küstenstadt hafenstadt metropole umgebung gegend landkreis bundesland teilrepublik republik kanton kreis
grenzregion grenzgebiet unruheprovinz stadtteil vorort""".split())
FILLERS = frozenset({"der", "die", "das", "den", "dem", "des"})


@dataclass(slots=True)
class Scene:
    tok: int  # first token of the name
    sent: int
    ent: dict[str, Any]
    country_level: bool

    def to_json(self, basis: str) -> dict[str, Any]:
        e = self.ent
        if e.get("place"):
            out = dict(e["place"])
        else:
            out = {"name": e["text"], "country": e.get("country")}
            if e.get("kb", "") and str(e.get("kb")).startswith("geonames:"):
                out["geonames"] = int(str(e["kb"]).split(":", 1)[1])
        out["name"] = e["text"]
        out["basis"] = basis
        return out


class Scenes:
    """The places a document names after a scene preposition, in text order."""

    def __init__(self, view: DocView) -> None:
        self.view = view
        self.all: list[Scene] = []
        self.destinations: list[Scene] = []  # "nach Moskau": where a visit goes
        seen: set[int] = set()
        for k in sorted(view.ent_of):
            ent = view.ent_of[k]
            if id(ent) in seen or ent["label"] != "LOC":
                continue
            seen.add(id(ent))
            prep = self._prep(k)
            if prep is None:
                continue
            country_level = not ent.get("place") and bool(ent.get("country"))
            if prep == "auf" and country_level:
                continue
            scene = Scene(k, view.toks[k].sent, ent, country_level)
            (self.destinations if prep == "nach" else self.all).append(scene)

    def _prep(self, k: int) -> str | None:
        v = self.view
        lo = v.sent_toks[v.toks[k].sent][0]
        j = k - 1
        steps = 0
        while j >= lo and steps < 6:
            w = v.toks[j].lower
            if w in SCENE_PREPS or w == "nach":
                return w
            if w in FILLERS or w in PLACE_NOUNS or (not v.toks[j].cap and w.endswith(("e", "en", "er", "em"))
                                                     and w.isalpha() and j > lo
                                                     and v.toks[j - 1].lower in FILLERS | SCENE_PREPS | {"nach"}):
                j -= 1
                steps += 1
                continue
            return None
        return None

    def locate(self, i: int, countries: list[str | None], visit_target: dict[str, Any] | None,
               entities: list[dict[str, Any]]) -> dict[str, Any] | None:
        """The location of an event triggered at token `i` between actors of `countries` (target first)."""
        v = self.view
        sent = v.toks[i].sent
        wanted = [c for c in countries if c]
        here = [s for s in self.all if s.sent == sent]
        if visit_target is not None:
            here += [s for s in self.destinations if s.sent == sent]
        if here:
            return self._best(here, wanted, key=lambda s: abs(s.tok - i)).to_json("sentence")
        if visit_target is not None and visit_target.get("country"):
            code = visit_target["country"]
            for e in entities:
                if e.get("place") and e.get("country") == code and e["label"] == "LOC":
                    return Scene(-1, -1, e, False).to_json("visit")
            country = Scene(-1, -1, visit_target, True).to_json("visit")
            if visit_target.get("name") and visit_target["text"] != visit_target["name"]:
                country["name"] = visit_target["name"]  # "Israelbesuch", "Chinas": the country's name
            return country
        # the scene set last: the places of the latest earlier sentence that named any (known places with
        # coordinates, or a name introduced as a place: "im Bezirk Kupwara")
        before = [s for s in self.all if s.sent < sent and not s.country_level
                  and (s.ent.get("place") or (s.tok > 0 and self.view.toks[s.tok - 1].lower in PLACE_NOUNS))]
        if before:
            last = [s for s in before if s.sent == before[-1].sent]
            return self._best(last, wanted, key=lambda s: -s.tok).to_json("article")
        return None

    @staticmethod
    def _best(cands: list[Scene], wanted: list[str], key: Any) -> Scene:
        for code in wanted:
            hits = [s for s in cands if s.ent.get("country") == code]
            if hits:
                return min(hits, key=key)
        return min(cands, key=key)
