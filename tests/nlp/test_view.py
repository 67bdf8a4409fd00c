"""DocView: what is inserted into a clause (appositions, brackets, relative clauses) and read past."""

from __future__ import annotations

from chronik.document import Document
from chronik.nlp import Segmenter
from chronik.nlp.view import DocView

SEGMENT = Segmenter()


def view(text: str, persons: tuple[str, ...] = ()) -> DocView:
    doc = SEGMENT(Document(text=text))
    for name in persons:
        i = text.index(name)
        doc.entities.append({"start": i, "end": i + len(name), "text": name, "label": "PER"})
    return DocView(doc)


def words(v: DocView, a: int, b: int) -> str:
    s, e = v.span(a, b)
    return v.text[s:e]


def test_inserts_are_appositions_brackets_and_relative_clauses() -> None:
    v = view("Der Chef der Behörde, Jan Kowal, hat (nach Angaben der Agentur) gestern, wie erwartet, "
             "die Reform, die seit Jahren diskutiert wird, gestoppt.", persons=("Jan Kowal",))
    kinds = {words(v, k + 1, c): kind for k, (c, kind) in v.inserts(0, len(v.toks)).items()}
    assert kinds == {"Jan Kowal": "apposition", "nach Angaben der Agentur": "bracket",
                     "die seit Jahren diskutiert wird": "relative"}


def test_extended_clause_reads_past_inserts_but_not_past_a_plain_comma() -> None:
    v = view("Der Chef der Behörde, Jan Kowal, hat die Reform, die seit Jahren diskutiert wird, gestoppt, "
             "sagte ein Sprecher.", persons=("Jan Kowal",))
    cue = next(t.i for t in v.toks if t.text == "gestoppt")
    a, b = v.extended_clause(cue)
    assert words(v, a, b) == ("Der Chef der Behörde, Jan Kowal, hat die Reform, die seit Jahren diskutiert "
                              "wird, gestoppt")
    assert words(v, *v.clause(cue)) == "gestoppt"  # the plain clause stops at every comma
