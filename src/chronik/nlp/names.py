"""A word-level name lexicon as a feature of the model's encoder: is this word a known first name, surname
or place name?

German capitalises every noun, so a model cannot read a name off its capital letter; a lexicon of names
tells it what the training text never showed. The lexicon (built by training/name_lexicon.py from PyPI
packages: Faker's name lists, GeoNames, CLDR) is a lookup table in the model's vocabulary, one small
integer of bits per word form (`FIRST | SURNAME | PLACE`). spaCy computes each bit once per word form as
one of the lexeme's spare boolean flags (`FLAG40`, `FLAG41`, `FLAG42`), which the encoder embeds next to the
word's norm, prefix, suffix and shape (`attrs = [..., "FLAG40", "FLAG41", "FLAG42"]` in the config). Two
registered callbacks wire it:

    [nlp.after_creation]
    @callbacks = "chronik.name_features.v1"

    [initialize.before_init]
    @callbacks = "chronik.load_name_lexicon.v1"
    path = "training/output/names.json"

The first is needed wherever the model loads (chronik imports this module before `spacy.load`); the
second only when a model is trained: the table then travels inside the model folder (`vocab/lookups.bin`).
"""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path

from spacy.attrs import FLAG40, FLAG41, FLAG42
from spacy.language import Language
from spacy.util import registry

TABLE = "chronik_names"
FIRST, SURNAME, PLACE = 1, 2, 4
FLAGS = {FLAG40: FIRST, FLAG41: SURNAME, FLAG42: PLACE}  # lexeme flag → the lexicon's bit it carries


def name_bits(nlp: Language, word: str) -> int:
    """The lexicon's bits for one word form as written (0 when unknown or when the model has no lexicon)."""
    tables = nlp.vocab.lookups
    return int(tables.get_table(TABLE).get(word, 0)) if tables.has_table(TABLE) else 0


@registry.callbacks("chronik.name_features.v1")
def name_features() -> Callable[[Language], Language]:
    """Set each new lexeme's flags FLAG40–42 from the name lexicon's bits for its text."""

    def install(nlp: Language) -> Language:
        getters = nlp.vocab.lex_attr_getters  # type: ignore[attr-defined]  # (not in spaCy's type stubs)
        for flag, bit in FLAGS.items():
            getters[flag] = lambda word, bit=bit: bool(name_bits(nlp, word) & bit)
        return nlp

    return install


@registry.callbacks("chronik.load_name_lexicon.v1")
def load_name_lexicon(path: str) -> Callable[[Language], None]:
    """Put the lexicon (a JSON object of word form → bits) into the vocabulary before training starts."""

    def load(nlp: Language) -> None:
        entries = json.loads(Path(path).read_text(encoding="utf-8"))
        if nlp.vocab.lookups.has_table(TABLE):
            nlp.vocab.lookups.remove_table(TABLE)
        nlp.vocab.lookups.add_table(TABLE, entries)

    return load
