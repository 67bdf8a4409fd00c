"""Hypothesis strategies for documents with valid spans (shared by the document and store tests)."""

from __future__ import annotations

import itertools

from hypothesis import strategies as st

from chronik.document import Document, Issue, Span
from chronik.time import PartialDate

texts = st.text(alphabet=st.characters(blacklist_categories=("Cs",)), min_size=1, max_size=300)
names = st.none() | st.text(min_size=1, max_size=20)
codes = st.none() | st.sampled_from(["RUS", "KAZ", "DEU", "EU", "NATO"])
published = st.none() | st.sampled_from([PartialDate("2017", "year"), PartialDate("2017-03", "month"),
                                         PartialDate("2024-02-29", "day"),
                                         PartialDate("2024-02-29T10:00:00+01:00", "second")])


@st.composite
def spans_in(draw, text: str) -> tuple[int, int]:
    a = draw(st.integers(0, len(text)))
    b = draw(st.integers(a, len(text)))
    return a, b


@st.composite
def mention(draw, text: str) -> dict:
    a, b = draw(spans_in(text))
    return {"start": a, "end": b, "text": text[a:b], "name": draw(names), "country": draw(codes),
            "sector": draw(st.none() | st.sampled_from(["GOV", "MIL", "IGO"]))}


@st.composite
def documents(draw) -> Document:
    text = draw(texts)
    cuts = sorted(set(draw(st.lists(st.integers(0, len(text)), max_size=6))) | {0, len(text)})
    sentences = [Span(a, b) for a, b in itertools.pairwise(cuts) if b > a]
    entities = []
    for _ in range(draw(st.integers(0, 4))):
        m = draw(mention(text))
        m["label"] = draw(st.sampled_from(["PER", "LOC", "ORG", "MISC"]))
        m["kb"] = draw(st.none() | st.integers(0, 10**9) | st.text(min_size=1, max_size=8))
        if draw(st.booleans()):
            m["confidence"] = draw(st.floats(0, 1))
        entities.append(m)
    quotes = []
    for _ in range(draw(st.integers(0, 3))):
        a, b = draw(spans_in(text))
        quotes.append({"start": a, "end": b, "text": text[a:b],
                       "form": draw(st.sampled_from(["direct", "indirect", "mixed", "reported"])),
                       "cue": draw(st.none() | mention(text)), "speaker": draw(st.none() | mention(text))})
    events = []
    for _ in range(draw(st.integers(0, 3))):
        a, b = draw(spans_in(text))
        events.append({
            "type": draw(st.sampled_from(["CONSULT", "AGREE", "PROTEST"])), "mode": draw(names),
            "cameo": draw(st.none() | st.sampled_from(["042", "057", "141"])),
            "trigger": draw(mention(text)), "sentence": [a, b],
            "source": draw(st.lists(mention(text), max_size=2)), "target": draw(st.lists(mention(text), max_size=2)),
            "location": draw(st.none() | st.fixed_dictionaries(
                {"name": st.text(min_size=1, max_size=10), "country": codes,
                 "lat": st.floats(-90, 90), "lon": st.floats(-180, 180), "geonames": st.integers(1, 10**7)})),
            "date": draw(st.none() | st.sampled_from(["2017", "2017-03", "2017-03-05"])),
            "modality": draw(st.sampled_from(["asserted", "planned", "conditional", "negated", "hypothetical"])),
        })
    return Document(
        text=text, id=draw(st.text(alphabet="abcdef0123456789", min_size=8, max_size=20)),
        source=draw(st.text(max_size=30)), title=draw(names), published=draw(published),
        language=draw(st.none() | st.just("de")),
        metadata=draw(st.dictionaries(st.text(min_size=1, max_size=8),
                                      st.none() | st.integers(-10**6, 10**6) | st.text(max_size=20), max_size=3)),
        sentences=sentences, entities=entities, quotes=quotes, events=events,
        issues=[Issue("bad-date", m) for m in draw(st.lists(st.text(max_size=20), max_size=2))],
    )
