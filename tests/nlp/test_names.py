"""The name lexicon as lexeme flags (chronik.nlp.names): set when a model is created, kept in the saved model."""

from __future__ import annotations

import json
from pathlib import Path

import spacy
from spacy.attrs import FLAG40, FLAG41, FLAG42

from chronik.nlp.names import FIRST, PLACE, SURNAME, load_name_lexicon, name_bits

CONFIG = {"nlp": {"after_creation": {"@callbacks": "chronik.name_features.v1"}}}


def _flags(nlp: spacy.Language, text: str) -> list[list[int]]:
    return nlp.make_doc(text).to_array([FLAG40, FLAG41, FLAG42]).tolist()


def _with_lexicon(tmp_path: Path) -> spacy.Language:
    path = tmp_path / "names.json"
    path.write_text(json.dumps({"Jolanda": FIRST, "Brasch": SURNAME, "Kellinghusen": PLACE,
                                "Marlow": SURNAME | PLACE}), encoding="utf-8")
    nlp = spacy.blank("de", config=CONFIG)
    load_name_lexicon(str(path))(nlp)
    return nlp


def test_flags_follow_the_lexicon(tmp_path: Path) -> None:
    nlp = _with_lexicon(tmp_path)
    assert _flags(nlp, "Jolanda Brasch fuhr nach Kellinghusen und Marlow") == [
        [1, 0, 0], [0, 1, 0], [0, 0, 0], [0, 0, 0], [0, 0, 1], [0, 0, 0], [0, 1, 1]]
    assert name_bits(nlp, "jolanda") == 0  # as written: case counts


def test_the_lexicon_travels_with_the_saved_model(tmp_path: Path) -> None:
    nlp = _with_lexicon(tmp_path)
    nlp.to_disk(tmp_path / "model")
    loaded = spacy.load(tmp_path / "model")
    assert _flags(loaded, "Brasch aus Kellinghusen") == [[0, 1, 0], [0, 0, 0], [0, 0, 1]]


def test_a_model_without_a_lexicon_has_no_flags() -> None:
    nlp = spacy.blank("de", config=CONFIG)
    assert _flags(nlp, "Jolanda Brasch") == [[0, 0, 0], [0, 0, 0]]
