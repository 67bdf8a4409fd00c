"""A word-level name lexicon as a feature of the model's encoder: is this word a known first name, surname,
place name or other proper noun — or a common noun?

German capitalises every noun, so a model cannot read a name off its capital letter; a lexicon of names
tells it what the training text never showed, and a list of common nouns which capitalised words are no names.
The lexicon (built by training/name_lexicon.py from PyPI packages: Faker's name lists, GeoNames, CLDR, HanTa's
model, Wiktionary's German nouns) is a lookup table in the model's vocabulary, one small integer of bits per word
form (`FIRST | SURNAME | PLACE | PROPER | COMMON`). spaCy computes each bit once per word form as one of the
lexeme's spare boolean flags (`FLAG40`–`FLAG44`), which the encoder embeds next to the word's norm, prefix, suffix
and shape (`flags = ["FLAG40", …]` in the config; model 0.7 reads the first three, 0.8 four, 0.9 all five). Two
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

from spacy.attrs import FLAG40, FLAG41, FLAG42, FLAG43, FLAG44, FLAG45
from spacy.language import Language
from spacy.ml.featureextractor import FeatureExtractor
from spacy.ml.staticvectors import StaticVectors
from spacy.tokens import Doc
from spacy.util import registry
from thinc.api import HashEmbed, Maxout, Model, chain, concatenate, list2ragged, ragged2list, with_array
from thinc.types import Floats2d, Ints2d, Ragged

TABLE = "chronik_names"
FIRST, SURNAME, PLACE = 1, 2, 4
PROPER = 8  # a proper noun by HanTa's German model (its TIGER lexicon of names and acronyms) or its tags on raw news
COMMON = 16  # a form of a common noun in Wiktionary's German nouns (model 0.9)
# lexeme flag → the lexicon's bit it carries; a model reads the flags its config lists (model 0.7: FLAG40–42, 0.8: –43)
FLAGS = {FLAG40: FIRST, FLAG41: SURNAME, FLAG42: PLACE, FLAG43: PROPER, FLAG44: COMMON}


def name_bits(nlp: Language, word: str) -> int:
    """The lexicon's bits for one word form as written (0 when unknown or when the model has no lexicon)."""
    tables = nlp.vocab.lookups
    return int(tables.get_table(TABLE).get(word, 0)) if tables.has_table(TABLE) else 0


def ends_in_common_noun(nlp: Language, word: str) -> bool:
    """A capitalised word of eight letters or more that is no common noun itself but ends in one, four letters or
    more after at least three ("Innenministeriumssprecher", but also "Hoffmann", "Friedrichshafen")."""
    if len(word) < 8 or not word[0].isupper() or name_bits(nlp, word) & COMMON:
        return False
    return any(name_bits(nlp, word[i].upper() + word[i + 1:]) & COMMON for i in range(3, len(word) - 3))


@registry.callbacks("chronik.name_features.v1")
def name_features() -> Callable[[Language], Language]:
    """Set each new lexeme's flags FLAG40–44 from the name lexicon's bits for its text."""
    return name_features_v2(compound=False)


@registry.callbacks("chronik.name_features.v2")
def name_features_v2(compound: bool = False) -> Callable[[Language], Language]:
    """As v1; with `compound`, also FLAG45: the word ends in a common noun (`ends_in_common_noun`; an experiment,
    docs/models.md, session 18: `--nlp.after_creation.@callbacks chronik.name_features.v2
    --nlp.after_creation.compound true`)."""

    def install(nlp: Language) -> Language:
        getters = nlp.vocab.lex_attr_getters  # type: ignore[attr-defined]  # (not in spaCy's type stubs)
        for flag, bit in FLAGS.items():
            getters[flag] = lambda word, bit=bit: bool(name_bits(nlp, word) & bit)
        if compound:
            getters[FLAG45] = lambda word: ends_in_common_noun(nlp, word)
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


@registry.architectures("chronik.NameHashEmbed.v1")
def name_hash_embed(width: int, attrs: list[str], rows: list[int], flags: list[str], flag_rows: int,
                    include_static_vectors: bool) -> Model[list[Doc], list[Floats2d]]:
    """spaCy's MultiHashEmbed, with the lexicon's flags packed into one feature: the word's bits
    (`FIRST | SURNAME | PLACE | PROPER | COMMON`, 0–31) get one embedding table instead of one table per flag.
    The mixing layer then reads `width × (len(attrs) + 1)` inputs instead of `width × (len(attrs) + len(flags))`:
    less to compute for every token, the same information."""
    if len(rows) != len(attrs):
        raise ValueError(f"Mismatched lengths: {len(rows)} vs {len(attrs)}")
    tables = [*rows, flag_rows]  # the seeds MultiHashEmbed gives its tables: 8, 9, …
    embeddings: list[Model] = [HashEmbed(width, n, column=i, seed=8 + i, dropout=0.0) for i, n in enumerate(tables)]
    concat_size = width * (len(embeddings) + include_static_vectors)
    features: Model[list[Doc], Ragged] = chain(
        FeatureExtractor([*attrs, *flags]), pack_flags(len(attrs)), list2ragged(),
        with_array(concatenate(*embeddings)))
    if include_static_vectors:
        features = concatenate(features, StaticVectors(width, dropout=0.0))
    return chain(features, with_array(Maxout(width, concat_size, nP=3, dropout=0.0, normalize=True)), ragged2list())


def pack_flags(n_attrs: int) -> Model[list[Ints2d], list[Ints2d]]:
    """The columns after the first `n_attrs` (0/1 flags) become one column of their bits."""

    def forward(model: Model, arrays: list[Ints2d], is_train: bool) -> tuple[list[Ints2d], Callable]:
        packed = []
        for array in arrays:
            weights = model.ops.xp.asarray([1 << i for i in range(array.shape[1] - n_attrs)], dtype=array.dtype)
            bits = (array[:, n_attrs:] * weights).sum(axis=1, keepdims=True).astype(array.dtype)
            packed.append(model.ops.xp.ascontiguousarray(model.ops.xp.hstack([array[:, :n_attrs], bits])))
        return packed, lambda d_packed: []

    return Model("pack_flags", forward)
