"""Stage 2–3, linguistic analysis: language identification, tokens and sentences (more to come)."""

from chronik.nlp.language import LanguageIdentifier
from chronik.nlp.segment import Segmenter, split_sentences

__all__ = ["LanguageIdentifier", "Segmenter", "split_sentences"]
