"""The name lexicon as lexeme flags (chronik.nlp.names): set when a model is created, kept in the saved model."""

from __future__ import annotations

import json
from pathlib import Path

import spacy
from spacy.attrs import FLAG40, FLAG41, FLAG42, FLAG43

from chronik.nlp.names import FIRST, PLACE, PROPER, SURNAME, load_name_lexicon, name_bits

CONFIG = {"nlp": {"after_creation": {"@callbacks": "chronik.name_features.v1"}}}


def _flags(nlp: spacy.Language, text: str) -> list[list[int]]:
    return nlp.make_doc(text).to_array([FLAG40, FLAG41, FLAG42, FLAG43]).tolist()


def _with_lexicon(tmp_path: Path) -> spacy.Language:
    path = tmp_path / "names.json"
    path.write_text(json.dumps({"Jolanda": FIRST, "Brasch": SURNAME, "Kellinghusen": PLACE,
                                "Marlow": SURNAME | PLACE, "Kellco": PROPER}), encoding="utf-8")
    nlp = spacy.blank("de", config=CONFIG)
    load_name_lexicon(str(path))(nlp)
    return nlp


def test_flags_follow_the_lexicon(tmp_path: Path) -> None:
    nlp = _with_lexicon(tmp_path)
    assert _flags(nlp, "Jolanda Brasch fuhr nach Kellinghusen und Marlow zu Kellco") == [
        [1, 0, 0, 0], [0, 1, 0, 0], [0, 0, 0, 0], [0, 0, 0, 0], [0, 0, 1, 0], [0, 0, 0, 0], [0, 1, 1, 0],
        [0, 0, 0, 0], [0, 0, 0, 1]]
    assert name_bits(nlp, "jolanda") == 0  # as written: case counts


def test_the_lexicon_travels_with_the_saved_model(tmp_path: Path) -> None:
    nlp = _with_lexicon(tmp_path)
    nlp.to_disk(tmp_path / "model")
    loaded = spacy.load(tmp_path / "model")
    assert _flags(loaded, "Brasch aus Kellinghusen") == [[0, 1, 0, 0], [0, 0, 0, 0], [0, 0, 1, 0]]


def test_a_model_without_a_lexicon_has_no_flags() -> None:
    nlp = spacy.blank("de", config=CONFIG)
    assert _flags(nlp, "Jolanda Brasch") == [[0, 0, 0, 0], [0, 0, 0, 0]]


def test_packed_flags_are_one_column_of_bits() -> None:
    import numpy

    from chronik.nlp.names import pack_flags

    layer = pack_flags(2)
    rows = numpy.asarray([[11, 12, 1, 0, 0], [21, 22, 0, 1, 1], [31, 32, 1, 1, 1], [41, 42, 0, 0, 0]],
                         dtype="uint64")
    (packed,), _ = layer([rows], is_train=False)
    assert packed.tolist() == [[11, 12, 1], [21, 22, 6], [31, 32, 7], [41, 42, 0]]


def test_a_model_with_packed_name_features_trains_saves_and_reloads(tmp_path: Path) -> None:
    from spacy.training import Example

    nlp = _with_lexicon(tmp_path)
    embed = {"@architectures": "chronik.NameHashEmbed.v1", "width": 16, "attrs": ["NORM", "SHAPE"],
             "rows": [100, 50], "flags": ["FLAG40", "FLAG41", "FLAG42", "FLAG43"], "flag_rows": 16,
             "include_static_vectors": False}
    tok2vec = {"@architectures": "spacy.Tok2Vec.v2", "embed": embed,
               "encode": {"@architectures": "spacy.MaxoutWindowEncoder.v2", "width": 16, "depth": 1,
                          "window_size": 1, "maxout_pieces": 2}}
    nlp.add_pipe("ner", config={"model": {"@architectures": "spacy.TransitionBasedParser.v2",
                                          "state_type": "ner", "extra_state_tokens": False, "hidden_width": 16,
                                          "maxout_pieces": 2, "use_upper": True, "tok2vec": tok2vec}})
    examples = [Example.from_dict(nlp.make_doc(text), {"entities": ents}) for text, ents in [
        ("Jolanda Brasch kam aus Kellinghusen", [(0, 14, "PER"), (23, 35, "LOC")]),
        ("Die Stadt Marlow feierte", [(10, 16, "LOC")])]]
    optimizer = nlp.initialize(lambda: examples)
    for _ in range(5):
        nlp.update(examples, sgd=optimizer)
    text = "Jolanda Brasch fuhr nach Marlow"
    before = nlp.get_pipe("ner").model.get_ref("tok2vec").predict([nlp.make_doc(text)])
    nlp.to_disk(tmp_path / "packed")
    loaded = spacy.load(tmp_path / "packed")
    after = loaded.get_pipe("ner").model.get_ref("tok2vec").predict([loaded.make_doc(text)])
    assert before.shape == (5, 16)
    assert (before == after).all()
    assert _flags(loaded, text)[4] == [0, 1, 1, 0]


def test_common_nouns_and_the_compound_experiment(tmp_path: Path) -> None:
    from spacy.attrs import FLAG44, FLAG45

    from chronik.nlp.names import COMMON, ends_in_common_noun

    path = tmp_path / "names.json"
    path.write_text(json.dumps({"Wetterlage": COMMON, "Sprecher": COMMON, "Brasch": SURNAME}), encoding="utf-8")
    words = "Wetterlage Verbandssprecher Wetterlagen Braschsprecher Sprecher".split()
    for compound, expected in ((False, [[1, 0], [0, 0], [0, 0], [0, 0], [1, 0]]),
                               (True, [[1, 0], [0, 1], [0, 0], [0, 1], [1, 0]])):
        config = {"nlp": {"after_creation": {"@callbacks": "chronik.name_features.v2", "compound": compound}}}
        nlp = spacy.blank("de", config=config)
        load_name_lexicon(str(path))(nlp)
        assert nlp.make_doc(" ".join(words)).to_array([FLAG44, FLAG45]).tolist() == expected
    assert ends_in_common_noun(nlp, "Verbandssprecher") and not ends_in_common_noun(nlp, "Sprecher")
    assert not ends_in_common_noun(nlp, "verbandssprecher")  # lower case: no noun
