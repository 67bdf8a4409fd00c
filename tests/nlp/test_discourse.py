"""One person, one label in a document (chronik.nlp.discourse): a surname after the full name is PER."""

from __future__ import annotations

import spacy
from spacy.tokens import Doc

from chronik.config import load_config
from chronik.document import Document
from chronik.nlp.discourse import consistent
from chronik.pipeline import default_pipeline


def _doc(tokens: list[tuple[str, str, str]]) -> Doc:
    """A tagged Doc from (word, STTS tag, IOB entity) triples; "." ends a sentence."""
    words = [w for w, _, _ in tokens]
    starts = [i == 0 or words[i - 1] == "." for i in range(len(words))]
    return Doc(spacy.blank("de").vocab, words=words, tags=[t for _, t, _ in tokens],
               ents=[e for _, _, e in tokens], sent_starts=starts)


def _mentions(doc: Doc) -> list[tuple[str, str]]:
    return [(span.text, label) for span, label in consistent(doc, [(e, e.label_) for e in doc.ents])]


def test_a_surname_after_the_full_name_is_the_person():
    doc = _doc([("Der", "ART", "O"), ("Trainer", "NN", "O"), ("Jonas", "NE", "B-PER"), ("Wendtland", "NE", "I-PER"),
                ("sprach", "VVFIN", "O"), (".", "$.", "O"),
                ("Wendtland", "NE", "B-ORG"), ("lobte", "VVFIN", "O"), ("Lübeck", "NE", "B-LOC"), (".", "$.", "O"),
                ("Dann", "ADV", "O"), ("ging", "VVFIN", "O"), ("Wendtland", "NE", "O"), (".", "$.", "O"),
                ("Wendtlands", "NE", "B-LOC"), ("Team", "NN", "O"), ("siegte", "VVFIN", "O"), (".", "$.", "O")])
    # relabelled where the model said ORG (or LOC, for the genitive), added where it found nothing; other
    # mentions untouched
    assert _mentions(doc) == [("Jonas Wendtland", "PER"), ("Wendtland", "PER"), ("Lübeck", "LOC"),
                              ("Wendtland", "PER"), ("Wendtlands", "PER")]


def test_no_full_name_no_change():
    # a surname alone never makes a person, and a place-like "Kanton Lübeck" is not a first name and a surname
    doc = _doc([("Kanton", "NN", "B-PER"), ("Lübeck", "NE", "I-PER"), ("und", "KON", "O"), ("Lübeck", "NE", "B-LOC"),
                (".", "$.", "O"), ("Wendtland", "NE", "B-ORG"), ("kam", "VVFIN", "O"), (".", "$.", "O")])
    assert _mentions(doc) == [("Kanton Lübeck", "PER"), ("Lübeck", "LOC"), ("Wendtland", "ORG")]


def test_a_firm_named_after_its_founder_stays_an_organisation():
    doc = _doc([("Gründer", "NN", "O"), ("Karl", "NE", "B-PER"), ("Brenneke", "NE", "I-PER"), (".", "$.", "O"),
                ("Die", "ART", "O"), ("Firma", "NN", "O"), ("Brenneke", "NE", "B-ORG"), ("wuchs", "VVFIN", "O"),
                (".", "$.", "O"),
                ("Anna", "NE", "B-PER"), ("Brenneke", "NE", "I-PER"), ("kam", "VVFIN", "O"), (".", "$.", "O")])
    # and the surname inside a longer name is not a mention of its own
    assert _mentions(doc) == [("Karl Brenneke", "PER"), ("Brenneke", "ORG"), ("Anna Brenneke", "PER")]


def test_the_analysis_stage_applies_it_unless_switched_off():
    tokens = [("Trainerin", "NN", "O"), ("Merle", "NE", "B-PER"), ("Osterkamp", "NE", "I-PER"), ("ging", "VVFIN", "O"),
              (".", "$.", "O"), ("Osterkamp", "NE", "B-LOC"), ("blieb", "VVFIN", "O"), (".", "$.", "O")]
    found = {}
    for switch in (True, False):
        pipeline = default_pipeline(load_config(overrides={"models": {"one_label_per_name": switch}}))
        analyzer = next(s for s in pipeline.stages if s.name == "analyze")
        sdoc = _doc(tokens)
        doc = analyzer._assign(Document(text=sdoc.text), sdoc)
        found[switch] = [(e["text"], e["label"]) for e in doc.entities]
    assert found[True] == [("Merle Osterkamp", "PER"), ("Osterkamp", "PER")]
    assert found[False] == [("Merle Osterkamp", "PER"), ("Osterkamp", "LOC")]
