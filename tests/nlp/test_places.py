import spacy
from spacy.tokens import Span

from chronik.nlp.places import PlaceRuler


def make(relabel=True):
    nlp = spacy.blank("de")
    ruler = PlaceRuler(nlp, relabel=relabel)
    ruler.add(["Moskau", "Hong Kong", "Duschanbe"])
    return nlp, ruler


def ents(doc):
    return [(e.text, e.label_) for e in doc.ents]


def test_places_adds_known_places_the_ner_missed():
    nlp, ruler = make()
    doc = ruler(nlp("Der Präsident flog von Moskau nach Duschanbe."))
    assert ents(doc) == [("Moskau", "LOC"), ("Duschanbe", "LOC")]


def test_places_keeps_ner_entities_and_relabels_known_places():
    nlp, ruler = make()
    doc = nlp("Die Regierung von Hong Kong traf Moskau in Hong Kong.")
    doc.ents = [Span(doc, 3, 5, "ORG"), Span(doc, 6, 7, "PER"), Span(doc, 8, 10, "ORG")]
    out = ents(ruler(doc))
    # ORG after "von" may be the government: kept; PER "Moskau" is a place; ORG after "in" is a place
    assert out == [("Hong Kong", "ORG"), ("Moskau", "LOC"), ("Hong Kong", "LOC")]


def test_places_without_relabel_leaves_ner_labels():
    nlp, ruler = make(relabel=False)
    doc = nlp("Er traf Moskau.")
    doc.ents = [Span(doc, 2, 3, "PER")]
    assert ents(ruler(doc)) == [("Moskau", "PER")]


def test_places_round_trip_on_disk(tmp_path):
    nlp, ruler = make()
    ruler.to_disk(tmp_path / "r")
    again = PlaceRuler(nlp).from_disk(tmp_path / "r")
    assert again.names == ruler.names and again.relabel is True


def test_places_split_known_places_the_ner_ran_together():
    nlp, ruler = make()
    doc = nlp("Dort kritisierte Moskau Duschanbe scharf, und Moskau Anders sagte nichts.")
    doc.ents = [Span(doc, 2, 4, "PER"), Span(doc, 7, 9, "PER")]
    # two known places are two places; a name that is not all places stays as it was
    assert ents(ruler(doc)) == [("Moskau", "LOC"), ("Duschanbe", "LOC"), ("Moskau Anders", "PER")]
