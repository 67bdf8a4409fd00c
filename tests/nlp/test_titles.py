"""Titles of works in quotation marks after a work noun become MISC mentions (chronik.nlp.titles)."""

from __future__ import annotations

import spacy

from chronik.config import load_config
from chronik.document import Document
from chronik.nlp.titles import work_titles
from chronik.pipeline import default_pipeline


def _titles(text: str) -> list[str]:
    doc = spacy.blank("de")(text)
    return [doc[a:b].text for a, b in work_titles(doc)]


def test_a_title_after_a_work_noun_in_any_quotation_marks() -> None:
    assert _titles("Sie las aus ihrem Roman „Die Nacht am Fluss“ vor.") == ["Die Nacht am Fluss"]
    assert _titles("Das Debütalbum »Nordlicht über Kiel« erschien im Mai.") == ["Nordlicht über Kiel"]
    assert _titles('Im Kinofilm "Grenzgänger" spielt sie eine Zöllnerin.') == ["Grenzgänger"]
    assert _titles("Die Ausstellung „1914 – Aufbruch ins Ungewisse“ endet am Sonntag.") == [
        "1914 – Aufbruch ins Ungewisse"]


def test_quotations_and_unclosed_marks_are_not_titles() -> None:
    assert _titles("Er sagte: „Das Buch ist gut.“") == []
    assert _titles("Die Zeitung „Nordkurier“ berichtete.") == []  # newspapers are organisations
    assert _titles("Der Film „ohne Namen“ lief.") == []  # a title starts with a capital or a digit
    assert _titles("Der Film „Ein sehr langer Titel der nie endet und immer weiter geht bis zum Ende aller Tage") == []


def test_the_pipeline_reports_a_title_as_one_misc_mention() -> None:
    pipeline = default_pipeline(load_config())
    doc = pipeline.process(Document(text="Der Regisseur zeigte in Leipzig seinen Film „Berlin – Stadt ohne Schlaf“."))
    misc = [e for e in doc.entities if e["label"] == "MISC"]
    assert [e["text"] for e in misc] == ["Berlin – Stadt ohne Schlaf"]
    assert doc.text[misc[0]["start"]:misc[0]["end"]] == "Berlin – Stadt ohne Schlaf"
    # the place inside the title is not a mention of its own; the one outside is
    assert [e["text"] for e in doc.entities if e["label"] == "LOC"] == ["Leipzig"]
