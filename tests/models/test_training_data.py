"""The pure parts of the training scripts: how training labels are made from the shared data's formats."""

from __future__ import annotations

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[2] / "training"))

from convert import drop_derivations, is_derivation
from name_lexicon import (
    COMMON,
    FIRST,
    PLACE,
    PROPER,
    SURNAME,
    _title,
    combine,
    common_nouns,
    german_transliteration,
    tag_majorities,
)
from silver_morph import ud_features


def test_conll_misc_derivations_are_not_names():
    assert is_derivation(["deutschen"], ["ADJA"])
    assert is_derivation(["Frankfurter"], ["ADJA"])
    assert is_derivation(["CDU-Politiker"], ["NN"])
    assert is_derivation(["Palästinenser"], ["NN"]) and is_derivation(["Kurden"], [""])
    # names of events, works and products stay MISC
    assert not is_derivation(["Bundesliga"], ["NN"])
    assert not is_derivation(["Tour", "de", "France"], ["NE", "FM", "NE"])
    assert not is_derivation(["BSE"], ["NN"])
    # IOB1 tags: only the derivation span becomes O
    tags = drop_derivations(["Die", "deutschen", "Fans", "feiern", "die", "Bundesliga"], ["O", "I-MISC", "O", "O", "O",
                            "I-MISC"], ["ART", "ADJA", "NN", "VVFIN", "ART", "NN"])
    assert tags == ["O", "O", "O", "O", "O", "I-MISC"]


def test_rftagger_tags_become_ud_features_in_gsd_conventions():
    assert ud_features("VAFIN", "VFIN.Sein.3.Sg.Pres.Subj") == (
        "AUX", "Mood=Sub|Number=Sing|Person=3|Tense=Pres|VerbForm=Fin")
    assert ud_features("NN", "N.Reg.Dat.Pl.Fem") == ("NOUN", "Case=Dat|Gender=Fem|Number=Plur")
    assert ud_features("ART", "ART.Indef.Nom.Sg.Masc") == (
        "DET", "Case=Nom|Definite=Ind|Gender=Masc|NumType=Card|Number=Sing|PronType=Art")
    assert ud_features("NE", "N.Name.*.Sg.*") == ("PROPN", "Number=Sing")  # "*": RFTagger could not tell
    assert ud_features("APPR", "APPR.Dat") == ("ADP", "")
    # the two taggers disagree, or GSD's features cannot be had: no annotation (missing, not empty)
    assert ud_features("VVFIN", "VINF.Full.-") is None
    assert ud_features("PPOSAT", "PRO.Poss.Attr.-.Nom.Sg.Masc") is None


def test_name_lexicon_has_genitives_and_drops_ordinary_words(tmp_path):
    import spacy
    from spacy.tokens import Doc, DocBin

    vocab = spacy.blank("de").vocab
    words = ["Will", "kam", "nach", "Hause", ".", "Will", "Brasch", "will", "es", "."]
    tags = ["NE", "VVFIN", "APPR", "NN", "$.", "VMFIN", "NE", "VMFIN", "PPER", "$."]
    docs = [Doc(vocab, words=words, tags=tags), Doc(vocab, words=["Will", "sie", "?"], tags=["VMFIN", "PPER", "$."])]
    DocBin(docs=docs, attrs=["ORTH", "TAG"]).to_disk(tmp_path / "tagged.spacy")
    _, ordinary = tag_majorities(tmp_path / "tagged.spacy")
    assert "Will" in ordinary  # a modal verb twice, a name once
    assert "Brasch" not in ordinary and "Hause" not in ordinary  # seen once only: no evidence either way
    lexicon = combine({"Will", "Jolanda"}, {"Brasch", "Fuchs"}, {"Marlow", "Brasch"}, ordinary)
    assert lexicon["Jolanda"] == FIRST and "Will" not in lexicon
    assert lexicon["Brasch"] == SURNAME | PLACE and lexicon["Braschs"] == SURNAME | PLACE
    assert lexicon["Marlows"] == PLACE and "Fuchss" not in lexicon  # no genitive -s after s, ß, x, z
    assert "Jolandas" not in lexicon  # first names stand before the surname, which takes the genitive


def test_other_proper_nouns_are_a_fourth_bit_with_genitives():
    lexicon = combine({"Jolanda"}, {"Brasch"}, set(), {"Will"}, {"Kellco", "Brasch", "Will"})
    assert lexicon["Kellco"] == PROPER and lexicon["Kellcos"] == PROPER
    assert lexicon["Brasch"] == SURNAME | PROPER and "Will" not in lexicon
    assert _title("mecklenburg-vorpommern") == "Mecklenburg-Vorpommern"


def test_common_nouns_are_a_fifth_bit_that_ordinary_words_keep():
    csv_lines = [
        "lemma,pos,genus,nominativ singular,genitiv singular,nominativ plural,dativ plural",
        "Wetterlage,Substantiv,f,Wetterlage,Wetterlage,Wetterlagen,Wetterlagen",
        "Köhler,\"Nachname,Substantiv\",m,Köhler,Köhlers,Köhler,Köhlern",  # a surname: not a common noun here
        "Marlow,\"Substantiv,Toponym\",n,Marlow,Marlows,,",
        "Bäcker,Substantiv,m,Bäcker,Bäckers,Bäcker,Bäckern",
        "Rote Karte,\"Substantiv,Wortverbindung\",f,Rote Karte,Roten Karte,Roten Karten,Roten Karten",
    ]
    common = common_nouns(csv_lines)
    assert {"Wetterlage", "Wetterlagen", "Bäcker", "Bäckers", "Bäckern"} <= common
    assert not {"Köhler", "Köhlers", "Marlow", "Marlows"} & common
    assert not any(" " in w for w in common)  # a multi-word noun has no single form
    lexicon = combine({"Jolanda"}, {"Bäcker"}, set(), {"Wetterlage", "Bäcker"}, None, common)
    assert lexicon["Wetterlage"] == COMMON  # an ordinary word keeps its common-noun bit, loses any name bit
    assert lexicon["Bäckern"] == COMMON and lexicon["Jolanda"] == FIRST
    assert lexicon["Bäckers"] == SURNAME | COMMON  # the genitive of a surname that is also a noun: both


def test_hanta_knows_organisations_and_the_news_adds_its_own_names(tmp_path):
    import pytest

    pytest.importorskip("HanTa")
    import spacy
    from name_lexicon import hanta_proper_nouns
    from spacy.tokens import Doc, DocBin

    vocab = spacy.blank("de").vocab
    words = ["Brixmoor", "und", "Brixmoor", "gegen", "Tolkarev", "."]
    tags = ["NE", "KON", "NE", "APPR", "NE", "$."]
    DocBin(docs=[Doc(vocab, words=words, tags=tags)], attrs=["ORTH", "TAG"]).to_disk(tmp_path / "tagged.spacy")
    proper = hanta_proper_nouns(tag_majorities(tmp_path / "tagged.spacy")[0])
    assert {"Siemens", "Lufthansa", "BMW"} <= proper  # TIGER's names and acronyms, as written in text
    assert "Brixmoor" in proper and "Tolkarev" not in proper  # the news: an NE at least twice
    assert "Präsident" not in proper and "und" not in proper


def test_cyrillic_names_are_written_as_german_newspapers_write_them():
    assert german_transliteration("Песков") == "Peskow" and german_transliteration("Шойгу") == "Schoigu"
    assert german_transliteration("Дмитрий") == "Dmitri" and german_transliteration("Навальный") == "Nawalny"
    assert german_transliteration("Кличко") == "Klitschko" and german_transliteration("Євген") == "Jewgen"
    assert german_transliteration("Рыжков") == "Ryschkow" and german_transliteration("Эрик") == "Erik"
    assert german_transliteration("Іван") == "Iwan" and german_transliteration("Ґонта") == "Gonta"
    assert german_transliteration("Peskow") is None  # already in Latin letters
