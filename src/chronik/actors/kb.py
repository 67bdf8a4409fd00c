"""The actor knowledge base: countries (German names and adjectives), organisations and institutions,
office holders with dated roles, and places with coordinates.

The generated part is `data/kb.json.gz` (built by training/actors_kb.py, see KB_CARD.md); the
hand-written German vocabulary is `lexicon.py`. A user can point `actors.kb` in the config to a bigger
file in the same format.

Names in other transliterations match through `translit_key`: "Peskow" and "Peskov", "Atambajew" and
"Atambayev", "Berdymuchamedow" and "Berdimuhamedov", "Rachmon" and "Rahmon" get the same key.
"""

from __future__ import annotations

import gzip
import hashlib
import json
import re
import unicodedata
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Any

from chronik.actors.lexicon import ADJECTIVES, EXTRA_NAMES, ORGANISATIONS, PREFIXES
from chronik.time import PartialDate

DEFAULT_KB = Path(__file__).with_name("data") / "kb.json.gz"
ADJ_ENDINGS = ("", "e", "en", "er", "es", "em")

_TRANSLIT = [("dsch", "j"), ("tsch", "ch"), ("sch", "sh"), ("zh", "j"), ("kh", "h"), ("ch", "h"),
             ("ph", "f"), ("w", "v"), ("dj", "j"), ("j", "y"), ("ie", "i"), ("ij", "i"), ("iy", "i"),
             ("yi", "i"), ("y", "i"), ("ou", "u"), ("oe", "o"), ("ue", "u"), ("ae", "a"), ("ck", "k"),
             ("c", "k"), ("q", "k"), ("z", "s"), ("ß", "ss"), ("x", "ks")]


def fold(s: str) -> str:
    """Lower case without accents: "Ägypten" -> "agypten"."""
    s = unicodedata.normalize("NFKD", s.replace("ß", "ss").lower())
    return "".join(c for c in s if not unicodedata.combining(c))


@lru_cache(maxsize=65536)
def translit_key(name: str) -> str:
    """A key that German and English transliterations of the same name share."""
    s = unicodedata.normalize("NFKD", name.lower().replace("ß", "ss"))
    s = "".join(c for c in s if c.isalpha())
    for a, b in _TRANSLIT:
        s = s.replace(a, b)
    s = re.sub(r"(.)\1+", r"\1", s)  # double letters
    s = re.sub(r"ov$|ova$|ev$|eva$", lambda m: m.group(0)[:2], s)
    return s


@dataclass(frozen=True, slots=True)
class Actor:
    """What a mention refers to. `country` is ISO alpha-3 or an organisation code."""

    name: str
    country: str | None
    sector: str | None = None
    kb: str | None = None
    kind: str = "country"  # country | org | person | place

    def to_json(self) -> dict[str, Any]:
        return {"name": self.name, "country": self.country, "sector": self.sector, "kb": self.kb}


@dataclass(frozen=True, slots=True)
class Place:
    name: str
    country: str
    lat: float
    lon: float
    geonames: int
    population: int

    def to_json(self, written: str | None = None) -> dict[str, Any]:
        return {"name": written or self.name, "canonical": self.name, "country": self.country,
                "lat": self.lat, "lon": self.lon, "geonames": self.geonames}


class ActorKB:
    """Lookups by surface form; loads in about a second and is shared by all documents of a process."""

    def __init__(self, path: Path = DEFAULT_KB) -> None:
        raw = path.read_bytes()
        self.sha256 = hashlib.sha256(raw).hexdigest()
        self.path = path
        data = json.loads(gzip.decompress(raw) if raw[:2] == b"\x1f\x8b" else raw)
        self.countries: dict[str, Actor] = {}
        self.names: dict[str, Actor] = {}  # folded surface form -> actor (countries, organisations)
        self.adjectives: dict[str, str] = {}  # folded adjective stem -> code
        for iso3, c in data["countries"].items():
            actor = Actor(c["name"], iso3, None, f"geonames:{c['geonames']}" if c.get("geonames") else None)
            self.countries[iso3] = actor
            for n in (c["name"], *EXTRA_NAMES.get(iso3, ())):
                self.names.setdefault(fold(n), actor)
        for iso3, extra in EXTRA_NAMES.items():
            if iso3 in self.countries:
                for n in extra:
                    self.names[fold(n)] = self.countries[iso3]
        for iso3, adjs in ADJECTIVES.items():
            for a in adjs:
                self.adjectives[fold(a)] = iso3
        for forms, code, sector, name in ORGANISATIONS:
            actor = Actor(name, code, sector, None, "org")
            for f in forms:
                self.names.setdefault(fold(f), actor)
        self.max_name_tokens = max(len(k.split()) for k in self.names)
        # office holders: translit key of the surname -> entries
        self.persons: dict[str, list[tuple[str, tuple[str, ...], list[list[Any]]]]] = {}
        for name, others, roles in data["persons"]:
            entry = (name, tuple(others), roles)
            surnames = {name.split()[-1]} | {o.split()[-1] for o in others if len(o.split()) <= 3}
            for s in surnames:
                self.persons.setdefault(translit_key(s), []).append(entry)
        # places: folded name -> the most populous place of that name; a place's own name wins over another
        # place's alternate name ("Islamabad" is the capital of Pakistan, not an old name of Chattogram)
        self.places: dict[str, Place] = {}
        self.capitals: dict[str, Place] = {}
        capital_names = {c.get("capital") for c in data["countries"].values()}
        alternates: list[tuple[str, Place]] = []
        for gid, name, iso3, lat, lon, pop, alts in data["places"]:  # sorted by population, largest first
            place = Place(name, iso3, lat, lon, gid, pop)
            self.places.setdefault(fold(name), place)
            alternates.extend((fold(n), place) for n in alts)
            if name in capital_names and iso3 not in self.capitals:
                self.capitals[iso3] = place
        for key, place in alternates:
            self.places.setdefault(key, place)

    # ------------------------------------------------------------------ lookups

    def name(self, text: str) -> Actor | None:
        """A country or organisation by its name, also in the genitive ("Russlands", "des Irans")."""
        key = fold(text)
        hit = self.names.get(key)
        if hit is None and key.endswith("s") and len(key) > 3:
            hit = self.names.get(key[:-1]) or (self.names.get(key[:-2]) if key.endswith("es") else None)
        return hit

    def adjective(self, word: str) -> str | None:
        """The code of a country adjective in any inflection ("russischen" -> RUS), or None."""
        w = fold(word)
        for ending in ADJ_ENDINGS:
            if ending and not w.endswith(ending):
                continue
            stem = w[: len(w) - len(ending)] if ending else w
            if stem in self.adjectives:
                return self.adjectives[stem]
        return None

    def prefix(self, word: str) -> str | None:
        """The code of a compound's first part: "US-Außenministerin" -> USA, "Kremlchef" -> RUS."""
        w = fold(word)
        if "-" in w:
            head = w.split("-")[0]
            if head in PREFIXES:
                return PREFIXES[head]
            hit = self.name(word.split("-")[0])
            if hit:
                return hit.country
            return self.adjective(word.split("-")[0])
        for p in ("kreml", "bundes"):
            if w.startswith(p) and len(w) > len(p) + 3:
                return PREFIXES[p]
        return None

    def place(self, text: str) -> Place | None:
        key = fold(text)
        hit = self.places.get(key)
        if hit is None and key.endswith("s"):
            hit = self.places.get(key[:-1])
        return hit

    def person(self, name: str, when: PartialDate | None = None, country: str | None = None) -> Actor | None:
        """An office holder by name. With several candidates, the first name must agree; `when` prefers
        one in office at that date, `country` one of that country."""
        words = name.split()
        if not words:
            return None
        cands = self.persons.get(translit_key(words[-1]), [])
        if len(words) > 1:
            first = translit_key(words[0])
            cands = [c for c in cands if any(translit_key(n.split()[0]) == first
                                             for n in (c[0], *c[1]) if len(n.split()) > 1)]
        elif len(cands) > 1:
            return None  # a bare surname shared by several office holders
        if country:
            cands = [c for c in cands if any(r[0] == country for r in c[2])]
        best: tuple[int, Actor] | None = None
        for full, _, roles in cands:
            for c, sector, start, end in roles:
                score = 1 + (2 if sector == "GOV" else 0) + (4 if when and _during(when, start, end) else 0)
                if best is None or score > best[0]:
                    best = (score, Actor(full, c, "GOV" if sector in ("GOV", "ELI") else sector,
                                         None, "person"))
        return best[1] if best else None


def _during(when: PartialDate, start: str | None, end: str | None) -> bool:
    lo, hi = when.first_day.isoformat(), when.last_day.isoformat()
    return (start is None or start <= hi) and (end is None or end >= lo)


@lru_cache(maxsize=4)
def load_kb(path: str | None = None) -> ActorKB:
    return ActorKB(Path(path) if path else DEFAULT_KB)
