"""Lemmas of German words (simplemma's dictionary, offline), cached: every token is looked up, and the
quote and event rules ask for the same few thousand words again and again."""

from __future__ import annotations

from functools import lru_cache
from importlib.metadata import version

import simplemma

SIMPLEMMA_VERSION = version("simplemma")


@lru_cache(maxsize=65536)
def lemma(word: str) -> str:
    return simplemma.lemmatize(word, lang="de")


_AS_WRITTEN = frozenset({"NN", "NE", "TRUNC", "FM", "XY"})  # nouns, names and foreign words keep their case


def tagged_lemma(word: str, tag: str) -> str:
    """The lemma of a word with its STTS tag: a capitalised word that is not a noun ("Rund", "Die" at the
    start of a sentence) is looked up in lower case, and only nouns and names get a capitalised lemma
    ("geplante" is not "Geplante"). UD German GSD test: 0.973 of lemmas right with the bundled model's tags,
    0.971 without them (`python training/build.py lemmas`)."""
    out = lemma(word) if tag in _AS_WRITTEN or not word[:1].isupper() else lemma(word.lower())
    if out[:1].isupper() and word[:1].islower() and tag not in ("NN", "NE"):
        out = out.lower()
    return out
