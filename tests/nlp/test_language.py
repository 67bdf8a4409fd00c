import pytest

from chronik.document import Document
from chronik.errors import Reject
from chronik.nlp import LanguageIdentifier
from chronik.pipeline import DocumentRejected


@pytest.fixture(scope="module")
def langid():
    return LanguageIdentifier()


def test_language_german_is_kept(langid):
    doc = langid(Document(text="Die Bundesregierung kündigte am Dienstag neue Hilfen für die Ukraine an."))
    assert doc.language == "de"
    assert doc.metadata["language_guess"]["language"] == "de"


@pytest.mark.parametrize("text", [
    "The government announced new sanctions against the regime on Tuesday, officials said.",
    "Le gouvernement a annoncé mardi de nouvelles sanctions contre le régime, selon des responsables.",
])
def test_language_other_languages_are_rejected(langid, text):
    with pytest.raises(DocumentRejected) as e:
        langid(Document(text=text))
    assert e.value.reason is Reject.NOT_GERMAN


def test_language_given_by_input_is_trusted(langid):
    assert langid(Document(text="Hallo Welt", language="de-AT")).language == "de"
    with pytest.raises(DocumentRejected):
        langid(Document(text="Die Regierung hat heute beschlossen.", language="en"))


def test_language_below_min_confidence_is_kept_with_issue():
    strict = LanguageIdentifier(min_confidence=1.01)  # no guess is ever confident enough to reject
    doc = strict(Document(text="Good morning everyone"))
    assert doc.language == "de"
    assert [i.code for i in doc.issues] == ["language-uncertain"]
    assert doc.metadata["language_guess"]["language"] != "de"
