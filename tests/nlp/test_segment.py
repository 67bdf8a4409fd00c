"""Sentences and tokens of German news, on sentences written for these tests."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from chronik.document import Document
from chronik.nlp.segment import split_sentences


def sents(text: str) -> list[str]:
    return [text[s:e] for s, e in split_sentences(text)]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a quotation of two sentences: split inside, the closing mark stays with its sentence
        ("„Das ist ein guter Tag für beide Länder. Wir haben viel erreicht“, sagte die Ministerin. Dann ging sie.",
         ["„Das ist ein guter Tag für beide Länder.",
          "Wir haben viel erreicht“, sagte die Ministerin.", "Dann ging sie."]),
        # the opening mark belongs to the next sentence, not the end of the previous one
        ("Der Minister reiste ab. „Wir kommen wieder.“ Das sagte er am Flughafen.",
         ["Der Minister reiste ab.", "„Wir kommen wieder.“", "Das sagte er am Flughafen."]),
        # guillemets, both directions
        ("Sie nickte. »Es bleibt dabei.« Dann schwieg sie.",
         ["Sie nickte.", "»Es bleibt dabei.«", "Dann schwieg sie."]),
        # a question inside a quote followed by the cue is one sentence
        ("„Wer soll das bezahlen?“, fragte der Abgeordnete. Niemand antwortete.",
         ["„Wer soll das bezahlen?“, fragte der Abgeordnete.", "Niemand antwortete."]),
        # abbreviations
        ("Dr. Weber und Prof. Lang kamen z. B. aus Nr. 5 bzw. Str. 7. Sie blieben u. a. bis Mitternacht.",
         ["Dr. Weber und Prof. Lang kamen z. B. aus Nr. 5 bzw. Str. 7.", "Sie blieben u. a. bis Mitternacht."]),
        ("Das kostet ca. 5 Mio. Euro. Ca. 300 Menschen kamen.",
         ["Das kostet ca. 5 Mio. Euro.", "Ca. 300 Menschen kamen."]),
        # ordinal dates and ordinals
        ("Am 1. März reiste er ab. Bis zum 15. Juni bleibt er. Zum 25. Mal fand das Treffen statt.",
         ["Am 1. März reiste er ab.", "Bis zum 15. Juni bleibt er.", "Zum 25. Mal fand das Treffen statt."]),
        ("Der 2. Weltkrieg endete 1945. Die 34. Große Strafkammer tagte.",
         ["Der 2. Weltkrieg endete 1945.", "Die 34. Große Strafkammer tagte."]),
        # a year at the end of a sentence is an end
        ("Der Stützpunkt entstand im Jahr 2000. Er wurde später ausgebaut.",
         ["Der Stützpunkt entstand im Jahr 2000.", "Er wurde später ausgebaut."]),
        # initials and Roman numerals
        ("Der Bericht von A. Schmidt erschien gestern. Papst Leo XIV. besuchte Rom. Dann reiste er ab.",
         ["Der Bericht von A. Schmidt erschien gestern.", "Papst Leo XIV. besuchte Rom.", "Dann reiste er ab."]),
        # no boundary at a colon or inside numbers and web addresses
        ("Er sagte: „Wir bleiben.“ Die Quote lag bei 3.5 Prozent, siehe www.example.de für Details.",
         ["Er sagte: „Wir bleiben.“", "Die Quote lag bei 3.5 Prozent, siehe www.example.de für Details."]),
        # blank lines and headlines without a full stop
        ("Gipfel in Astana\n\nDie Staatschefs trafen sich am Montag.",
         ["Gipfel in Astana", "Die Staatschefs trafen sich am Montag."]),
        # a line break inside a sentence (lower case goes on) is not a boundary
        ("Die Delegation reiste\nam Abend weiter. Sie kam spät an.",
         ["Die Delegation reiste\nam Abend weiter.", "Sie kam spät an."]),
        ("Ende?! Nein. Es geht weiter… Morgen mehr.", ["Ende?!", "Nein.", "Es geht weiter…", "Morgen mehr."]),
        # a name in camel case may open a sentence
        ("Der Verkauf lief gut. eBay meldete einen Rekord.", ["Der Verkauf lief gut.", "eBay meldete einen Rekord."]),
        # a heading run into its paragraph on one line; a title after an article is not a heading
        ("Die Wahl ist vorbei. Wahlverlauf und Wahlbeteiligung Wie die Wahlleiterin mitteilte, lag sie bei "
         "60 Prozent.", ["Die Wahl ist vorbei.", "Wahlverlauf und Wahlbeteiligung",
                         "Wie die Wahlleiterin mitteilte, lag sie bei 60 Prozent."]),
        ("Der Film Im Sturm der Zeit läuft ab Montag.", ["Der Film Im Sturm der Zeit läuft ab Montag."]),
    ],
)
def test_segment_sentences(text, expected):
    assert sents(text) == expected


def test_segment_quote_over_three_sentences_keeps_marks_at_its_edges():
    text = ("„Für uns ist das nicht nötig. Wir mischen uns nicht ein. Wir gehen davon aus, dass alles ruhig "
            "bleibt.“ Der Minister lächelte.")
    out = sents(text)
    assert out[0].startswith("„") and out[2].endswith("bleibt.“")
    assert out[3] == "Der Minister lächelte."


def test_segment_segmenter_sets_tokens_and_sentences(segmenter):
    doc = segmenter(Document(text="Der Präsident besuchte Kasachstan. „Das ist ein wichtiges Datum“, sagte er."))
    assert [doc.text[s.start:s.end] for s in doc.sentences] == [
        "Der Präsident besuchte Kasachstan.", "„Das ist ein wichtiges Datum“, sagte er."]
    toks = [doc.text[t.start:t.end] for t in doc.tokens]
    assert toks[:5] == ["Der", "Präsident", "besuchte", "Kasachstan", "."]
    assert "„" in toks and "“" in toks
    assert doc.provenance["sentences"].startswith("segment@")


def test_segment_sentence_edges_are_token_edges(segmenter):
    doc = segmenter(Document(text="Am 3. März kam er. „Gut so.“ Dann z. B. Dr. Kahn. Ende."))
    starts = {t.start for t in doc.tokens}
    ends = {t.end for t in doc.tokens}
    for s in doc.sentences:
        assert s.start in starts and s.end in ends


@settings(max_examples=200, deadline=None)
@given(st.text(alphabet=st.sampled_from(list("ab AÄ.!?…„“»«,:\n\t0123456789z")), max_size=200))
def test_segment_spans_are_ordered_inside_text_and_trimmed(text):
    spans = split_sentences(text)
    prev_end = 0
    for s, e in spans:
        assert 0 <= prev_end <= s < e <= len(text)
        assert not text[s].isspace() and not text[e - 1].isspace()
        prev_end = e
    # nothing but whitespace lies outside the sentences
    covered = set()
    for s, e in spans:
        covered.update(range(s, e))
    assert all(text[i].isspace() for i in range(len(text)) if i not in covered)


def test_segment_closing_quote_before_a_hyphen_is_its_own_token(segmenter):
    # „Eins zu Eins“-Begegnung: without this the quotation would run on to the end of the paragraph
    text = "Man denke nicht an eine „Eins zu Eins“-Begegnung, sagte sie. Das Merkel-Lager schwieg."
    doc = segmenter(Document(text=text))
    words = [text[t.start:t.end] for t in doc.tokens]
    assert words[8:12] == ["Eins", "“", "-Begegnung", ","]
    assert "Merkel-Lager" in words


def test_a_closing_quote_after_a_spaced_full_stop_ends_the_quoted_sentence():
    # tokenised text ("planlos . “") keeps the closing mark with the sentence it closes
    text = "Er sagte: „Wir bleiben . “ Sie widersprach ihm. „Nein“, rief sie. “Open”? Nein."
    assert [text[a:b] for a, b in split_sentences(text)] == [
        "Er sagte: „Wir bleiben . “", "Sie widersprach ihm.", "„Nein“, rief sie.", "“Open”?", "Nein."]
