"""Lemmas of German words (simplemma's dictionary, offline), cached: the quote and event rules ask for
the same few thousand words again and again."""

from __future__ import annotations

from functools import lru_cache

import simplemma


@lru_cache(maxsize=65536)
def lemma(word: str) -> str:
    return simplemma.lemmatize(word, lang="de")
