"""More NER training data for generalisation: SmartData news with entities, and mention replacement.

* `smartdata_docs`: the DFKI SmartData corpus v1 (German news, 2016) with its person, organisation
  and location mentions mapped to PER, ORG, LOC (no MISC is annotated there).
* `replace_mentions`: a copy of a training document where each PER, LOC and ORG mention is replaced
  by a random name of the same type from gazetteers (German surnames from GermaNER, German company
  names, German state names from the Auswärtiges Amt list and German country names from
  mledoze/countries, German towns), so the model learns what a name looks like in context instead of
  memorising the few thousand names of the training sets.
"""

from __future__ import annotations

import gzip
import json
import random
from pathlib import Path

import spacy
from spacy.tokens import Doc, Span

SMARTDATA_TYPES = {
    "person": "PER", "organization": "ORG", "organization-company": "ORG", "location": "LOC",
    "location-city": "LOC", "location-street": "LOC", "location-stop": "LOC", "location-route": "LOC",
}


def concatenated_json(path: Path) -> list[dict]:
    """A gzipped file of JSON objects written one after another (SmartData's Avro-JSON dump)."""
    with gzip.open(path, "rt", encoding="utf-8") as f:
        s = f.read()
    dec, i, out = json.JSONDecoder(), 0, []
    while i < len(s):
        while i < len(s) and s[i].isspace():
            i += 1
        if i >= len(s):
            break
        obj, i = dec.raw_decode(s, i)
        out.append(obj)
    return out


def _trimmed(span: Span | None) -> Span | None:
    """The span without leading or trailing whitespace and punctuation (spaCy cannot learn those)."""
    if span is None:
        return None
    start, end = span.start, span.end
    doc = span.doc
    while start < end and (doc[start].is_space or doc[start].is_punct):
        start += 1
    while end > start and (doc[end - 1].is_space or doc[end - 1].is_punct):
        end -= 1
    return Span(doc, start, end, label=span.label) if end > start else None


def _clean(tokens: list[str]) -> bool:
    return bool(tokens) and all(t.strip() for t in tokens) and tokens[0][0].isalnum() and tokens[-1][-1].isalnum()


def smartdata_docs(nlp: spacy.Language, data: Path) -> list[Doc]:
    docs = []
    for split in ("train", "test"):
        for obj in concatenated_json(data / "news" / "smartdata-dfki" / "v1_20180119" / f"{split}.json.gz"):
            text = (obj.get("text") or {}).get("string")
            lang = (obj.get("langCode") or {}).get("string")
            if not text or lang != "de":
                continue
            doc = nlp.make_doc(text)
            spans = []
            for m in (obj.get("conceptMentions") or {}).get("array") or []:
                label = SMARTDATA_TYPES.get(m.get("type"))
                if not label:
                    continue
                span = doc.char_span(m["span"]["start"], m["span"]["end"], label=label, alignment_mode="expand")
                span = _trimmed(span)
                if span is not None:
                    spans.append(span)
            spans = spacy.util.filter_spans(spans)
            doc.ents = spans
            docs.append(doc)
    return docs


ORG_MARKERS = ("GmbH", "AG", "KG", "e.V.", "eG", "SE", "Verlag", "Bank", "Werke", "Werk", "Gruppe", "Stiftung",
               "Verband", "Verein", "Institut", "Holding", "Versicherung", "Partner", "Service", "Systems",
               "Technologies", "Group", "Ltd", "Inc", "Co.", "Klinik", "Zentrum", "Agentur", "Bau", "Logistik")


def _org_like(name: str) -> bool:
    words = name.replace(",", " ").split()
    return any(w in ORG_MARKERS for w in words) or (len(words) == 1 and name.isupper() and len(name) >= 2)


def _petrarch_people(data: Path) -> list[list[str]]:
    """Full names of politicians from the PETRARCH2 country actor dictionary (MIT), title-cased."""
    path = next((data / "actors" / "petrarch2-cameo-dictionaries").rglob("Phoenix.Countries.actors.txt"), None)
    if path is None:
        return []
    people = []
    for line in path.read_text(encoding="utf-8", errors="replace").splitlines():
        head = line.split("#")[0].strip()
        if head.endswith("_") and head.count("_") >= 2 and head.replace("_", "").isalpha():
            parts = [p.title() for p in head.strip("_").split("_") if p]
            if 2 <= len(parts) <= 4:
                people.append(parts)
    return sorted({tuple(p): p for p in people}.values())


def load_gazetteers(nlp: spacy.Language, data: Path, train_docs: list[Doc]) -> dict[str, list[list[str]]]:
    """Names by label, each as its tokens."""
    gaz = data / "actors" / "german-gazetteers" / "gazetteers"

    def lines(name: str) -> list[str]:
        return [x.strip() for x in (gaz / name).read_text(encoding="utf-8").splitlines() if x.strip()]

    first_names = sorted({e[0].text for d in train_docs for e in d.ents
                          if e.label_ == "PER" and len(e) >= 2 and e[0].text.isalpha() and e[0].text.istitle()})
    surnames = [s for s in lines("personennamen.list") if s.isalpha() and s.istitle()]
    world_people = _petrarch_people(data)
    countries = lines("laendernamen.list")
    mledoze = json.loads((data / "actors" / "countries-mledoze-german-names" / "countries.json")
                         .read_text(encoding="utf-8"))
    countries += [c["translations"]["deu"]["common"] for c in mledoze if "deu" in c.get("translations", {})]
    countries += [cap for c in mledoze for cap in c.get("capital", [])]
    towns = lines("stadtnamen.list")
    # Company names that say they are organisations; "Anna Schmidt" as a company teaches PER -> ORG.
    companies = [c for c in lines("firmennamen.list") if 2 <= len(c) <= 40 and _org_like(c)]
    seen = {label: [[t.text for t in e] for d in train_docs for e in d.ents if e.label_ == label]
            for label in ("PER", "LOC", "ORG")}
    rng = random.Random(7)
    persons = []
    for _ in range(30000):
        r = rng.random()
        if r < 0.4 and world_people:
            persons.append(rng.choice(world_people))
        elif r < 0.7:
            persons.append([rng.choice(first_names), rng.choice(surnames)])
        else:
            persons.append([rng.choice(surnames if rng.random() < 0.5 else [p[-1] for p in world_people[:5000]])])
    tok = nlp.tokenizer
    gazetteers = {
        "PER": persons + seen["PER"] * 2,
        "LOC": [[t.text for t in tok(x)] for x in countries * 20 + towns] + seen["LOC"] * 3,
        "ORG": [[t.text for t in tok(x)] for x in companies] + seen["ORG"] * 5,
    }
    return {label: [n for n in names if _clean(n)] for label, names in gazetteers.items()}


def replace_mentions(nlp: spacy.Language, doc: Doc, gaz: dict[str, list[list[str]]], rng: random.Random) -> Doc:
    """A copy of `doc` with every PER/LOC/ORG mention replaced by a random gazetteer name."""
    words, spaces, ents, sent_starts = [], [], [], []
    i = 0
    by_start = {e.start: e for e in doc.ents}
    while i < len(doc):
        ent = by_start.get(i)
        if ent is not None and ent.label_ in gaz and gaz[ent.label_]:
            new = rng.choice(gaz[ent.label_])
            start = len(words)
            for k, w in enumerate(new):
                words.append(w)
                spaces.append(True if k < len(new) - 1 else bool(ent[-1].whitespace_))
                sent_starts.append(doc[i].is_sent_start if k == 0 else False)
            ents.append((start, len(words), ent.label_))
            i = ent.end
            continue
        if ent is not None:
            ents.append((len(words), len(words) + len(ent), ent.label_))
        words.append(doc[i].text)
        spaces.append(bool(doc[i].whitespace_))
        sent_starts.append(bool(doc[i].is_sent_start))
        i += 1
    new_doc = Doc(nlp.vocab, words=words, spaces=spaces, sent_starts=sent_starts)
    new_doc.ents = [Span(new_doc, s, e, label=lab) for s, e, lab in ents]
    return new_doc
