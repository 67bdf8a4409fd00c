"""Lemmas from simplemma's dictionary, with the model's STTS tags where there are tags."""

from __future__ import annotations

from chronik.nlp.lemmas import lemma, tagged_lemma


def test_lemmas_of_verbs_nouns_and_articles():
    assert lemma("sagte") == "sagen"
    assert lemma("Verhandlungen") == "Verhandlung"


def test_tags_decide_the_case_of_a_lemma():
    # a capitalised adverb or article at the start of a sentence is looked up in lower case
    assert lemma("Rund") == "Rund" and tagged_lemma("Rund", "ADV") == "rund"
    assert tagged_lemma("Die", "ART") == "der"
    # only nouns and names get a capitalised lemma
    assert lemma("geplante") == "Geplante" and tagged_lemma("geplante", "ADJA") == "geplante"
    assert tagged_lemma("Verhandlungen", "NN") == "Verhandlung"
