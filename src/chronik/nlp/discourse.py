"""One person, one label in a document: a surname the entity model labels otherwise after the full name.

A statistical tagger reads one sentence at a time. It finds "Robert Hoyzer" (PER) in the first sentence of an
article, and then calls the bare "Hoyzer" of later sentences an organisation or a place, or nothing — German
surnames look like any other capitalised word. A news article names a person in full once and by surname after,
so the document settles it: after a full name labelled PER (a first name or an initial, then a surname), the
same surname alone, or in the genitive ("Hoyzers Anwalt"), is that person,

- **relabelled** PER where the model gave it another label ("Hoyzer" ORG → PER), unless an organisation noun
  stands before it ("die Firma Conradty");
- **added** as PER where the model found nothing there but the tagger calls it a proper noun and it is not part
  of a longer name ("…, und Helmes traf").

Only surnames: other names repeated in a document were tried as well (the model's label of a name copied to its
unlabelled repeats) and left out, since a wrong label then spreads ("Dengue-Fieber" as a place, four times); so was
a majority vote over the model's labels of the same words (docs/models.md, "Session 17").
Everything works on the spaCy Doc's tokens; nothing is looked up outside the document and the model.
"""

from __future__ import annotations

from typing import Any

Mention = tuple[Any, str]  # a spaCy Span and its label

_NAME_TAGS = frozenset({"NE", "FM"})
# nouns before a name that make it an organisation's ("die Firma Conradty", "beim Konzern Diehl")
_ORGANISATION_NOUNS = frozenset("""
firma firmen unternehmen unternehmens konzern konzerns verlag verlags gruppe marke modehaus autohaus
kanzlei reederei brauerei bank partei verein vereins
""".split())


def _full_name(span: Any, first_name_flag: int) -> bool:
    """Is the span a first name (or an initial) and a surname: its last word a proper noun by the tagger, the word
    before it one too, a known first name (the model's name lexicon, `first_name_flag`) or an initial ("Albert
    G.")? Not "Amtei Solothurn", which the model may call a person."""
    if len(span) < 2 or not span[-1].text[:1].isupper() or span[-1].tag_ not in _NAME_TAGS:
        return False
    first = span[-2]
    return first.tag_ in _NAME_TAGS or bool(first.check_flag(first_name_flag)) or \
        (len(first.text) == 2 and first.text[0].isupper() and first.text[1] == ".")


def _inside_longer_name(doc: Any, i: int) -> bool:
    """Is token i part of a longer name: a proper noun right before or after it in the same sentence ("Peskow"
    in "Dmitri Peskow", "Berlin" in "Hertha BSC Berlin")?"""
    if i > 0 and not doc[i].is_sent_start and doc[i - 1].tag_ in _NAME_TAGS:
        return True
    return i + 1 < len(doc) and not doc[i + 1].is_sent_start and doc[i + 1].tag_ in _NAME_TAGS


def consistent(doc: Any, mentions: list[Mention]) -> list[Mention]:
    """The mentions of `doc` (sorted by start), with the surnames of persons named in full as PER (see the module)."""
    from spacy.attrs import FLAG40  # (spaCy is imported only where a model runs, as in chronik.nlp.analyze)

    surnames = {span[-1].text for span, label in mentions if label == "PER" and _full_name(span, FLAG40)}
    if not surnames:
        return mentions

    def a_surname(i: int) -> bool:
        tok = doc[i]
        before = doc[i - 1].lower_ if i > 0 else ""
        return (tok.text in surnames or (tok.text[-1:] == "s" and tok.text[:-1] in surnames)) and \
            before not in _ORGANISATION_NOUNS

    out = [(span, "PER" if len(span) == 1 and label != "PER" and a_surname(span.start) else label)
           for span, label in mentions]
    taken = [False] * len(doc)
    for span, _ in out:
        for k in range(span.start, span.end):
            taken[k] = True
    added = [(doc[i:i + 1], "PER") for i, tok in enumerate(doc)
             if not taken[i] and tok.tag_ in _NAME_TAGS and a_surname(i) and not _inside_longer_name(doc, i)]
    return sorted(out + added, key=lambda m: m[0].start) if added else out
