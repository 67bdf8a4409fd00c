"""The cue finder (quotes/cues.py) on sentences written for these tests."""

from __future__ import annotations

from chronik.document import Document
from chronik.nlp import Segmenter
from chronik.nlp.view import DocView
from chronik.quotes.cues import find_cues
from chronik.quotes.marks import quoted_spans

SEGMENT = Segmenter()


def cues_of(text: str) -> list[tuple[str, str, str]]:
    """(kind, lemma, the cue's words) of the first sentence's cues."""
    view = DocView(SEGMENT(Document(text=text)))
    inside = [-1] * len(view.toks)
    for qi, (o, c) in enumerate(quoted_spans(view)):
        for k in range(o, min(c + 1, len(inside))):
            inside[k] = qi
    return [(c.kind, c.lemma, " ".join(t.text for t in view.toks[c.tok:c.end])) for c in find_cues(view, inside, 0)]


def test_a_split_particle_verb_is_one_cue_with_its_particle() -> None:
    assert cues_of("Die Behörde teilte am Abend mit, dass die Straße gesperrt bleibe.") == [
        ("verb", "mitteilen", "teilte am Abend mit")]


def test_a_particle_verb_without_its_particle_is_no_cue() -> None:
    assert cues_of("Die Behörde teilte das Gelände in drei Zonen.") == []


def test_prepositions_and_so_are_cues() -> None:
    kinds = [k for k, _, _ in cues_of("Laut der Polizei war die Lage ruhig, so ein Sprecher.")]
    assert kinds == ["prep", "so"]
    assert [k for k, _, _ in cues_of("Nach Angaben der Feuerwehr brannte das Dach.")] == ["prep"]
    assert cues_of("Nach dem Spiel fuhren die Fans nach Hause.") == []


def test_an_opinion_phrase_is_a_cue_and_its_words_are_kept() -> None:
    assert cues_of("Die Ärztin ist der Meinung, dass die Klinik schließen müsse.") == [
        ("verb", "meinen", "ist der Meinung")]


def test_nothing_inside_quotation_marks_is_a_cue() -> None:
    assert [k for k, _, _ in cues_of("„Wir sagten es laut“, erklärte die Sprecherin.")] == ["verb"]


def test_nach_with_a_speech_noun_after_a_genitive_name_but_not_after_a_demand() -> None:
    assert [k for k, _, _ in cues_of("Nach Lindners Ansicht kommt die Reform zu spät.")] == ["prep"]
    # "die Forderung nach einem Preisstopp" names what is demanded, not who says something
    assert "nach" not in [w for _, _, w in cues_of("Er wies die Forderung nach einem Preisstopp zurück.")]
