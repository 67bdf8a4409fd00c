"""Person names across a document (chronik.actors.resolve): what the actor stage spreads after the entity model."""

from __future__ import annotations

import re

from chronik.actors import ActorResolver
from chronik.document import Document
from chronik.nlp import Segmenter

SEGMENT = Segmenter()
ACTORS = ActorResolver()


def resolve(text: str, marks: list[tuple[str, int, str]], proper: tuple[str, ...] = ()) -> list[tuple[str, str]]:
    """The entities after the actor stage, given the model's mentions as (word, occurrence, label) and the words
    the tagger calls proper nouns (every other token a common noun)."""
    doc = SEGMENT(Document(text=text))
    doc.tags = ["NE" if text[t.start:t.end] in proper else "NN" for t in doc.tokens]
    for word, nth, label in marks:
        m = list(re.finditer(rf"\b{re.escape(word)}\b", text))[nth]
        doc.entities.append({"start": m.start(), "end": m.end(), "text": word, "label": label,
                             "name": None, "country": None, "sector": None, "kb": None})
    doc.entities.sort(key=lambda e: e["start"])
    return [(e["text"], e["label"]) for e in ACTORS(doc).entities if e.get("mention") != "nominal"]


def test_a_full_name_spreads_to_the_surname_and_its_genitive():
    text = ("Die Sängerin Merle Osterkamp gab ein Konzert. Osterkamp sang zwei Stunden. "
            "Danach lobten alle Osterkamps Stimme.")
    got = resolve(text, [("Merle Osterkamp", 0, "PER"), ("Osterkamp", 1, "ORG")], proper=("Osterkamps",))
    assert got == [("Merle Osterkamp", "PER"), ("Osterkamp", "PER"), ("Osterkamps", "PER")]


def test_a_word_the_model_called_a_person_once_but_a_firm_more_often_does_not_spread():
    text = ("Der Konzern Solvantek meldete Gewinne. Solvantek wächst seit Jahren. "
            "Die Aktie von Solvantek stieg. Solvantek will Stellen schaffen.")
    got = resolve(text, [("Solvantek", 0, "ORG"), ("Solvantek", 1, "PER"), ("Solvantek", 2, "ORG")],
                  proper=("Solvantek",))
    # before session 17 the one PER made every Solvantek a person
    assert got == [("Solvantek", "ORG"), ("Solvantek", "PER"), ("Solvantek", "ORG")]


def test_a_one_word_name_mostly_a_person_spreads_but_is_added_only_where_it_looks_like_a_name():
    text = "Kipling schrieb viel. Über Kipling wird gestritten. Das Echo war laut. Ein Echo blieb."
    got = resolve(text, [("Kipling", 0, "PER"), ("Kipling", 1, "LOC"), ("Echo", 0, "PER")], proper=("Kipling",))
    # a tie between PER and LOC spreads; "Echo" the tagger calls a common noun is not added a second time
    assert got == [("Kipling", "PER"), ("Kipling", "PER"), ("Echo", "PER")]
