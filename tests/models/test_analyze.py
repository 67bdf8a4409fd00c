"""Loading a spaCy pipeline from disk: a tiny NER model that the test trains itself."""

from __future__ import annotations

import json

import pytest
import spacy
from spacy.language import Language
from spacy.training import Example

from chronik.config import load_config
from chronik.document import Document
from chronik.errors import ConfigError
from chronik.models import model_hashes, resolve_model, verify
from chronik.nlp.analyze import Analyzer
from chronik.pipeline import default_pipeline

TRAIN = [
    ("Gestern sprach Anna Schmidt in Riga.", [(15, 27, "PER"), (31, 35, "LOC")],
     ["ADV", "VVFIN", "NE", "NE", "APPR", "NE", "$."]),
    ("Die Ministerin Anna Schmidt besuchte Riga.", [(15, 27, "PER"), (37, 41, "LOC")],
     ["ART", "NN", "NE", "NE", "VVFIN", "NE", "$."]),
]
# dependency trees for a parser (heads as token indices; a user's bigger model may have one, the bundled one has)
TREES = [([1, 1, 1, 2, 5, 1, 1], ["advmod", "ROOT", "nsubj", "flat", "case", "obl", "punct"]),
         ([1, 4, 1, 2, 4, 4, 4], ["det", "nsubj", "appos", "flat", "ROOT", "obj", "punct"])]
# UD features for the morphologizer (a user's bigger model may have one): the verb's mood matters for quotes
MORPHS = ["Case=Nom", "Case=Nom|Number=Sing", "Case=Nom", "Case=Nom", "Mood=Ind|Person=3|Tense=Past", "Case=Acc", ""]


@pytest.fixture(scope="module")
def tiny_model(tmp_path_factory):
    spacy.util.fix_random_seed(0)
    nlp = spacy.blank("de")
    nlp.add_pipe("tagger")
    nlp.add_pipe("morphologizer")
    nlp.add_pipe("parser", config={"min_action_freq": 1})
    ner = nlp.add_pipe("ner")
    for _, ents, _ in TRAIN:
        for *_, label in ents:
            ner.add_label(label)
    examples = [Example.from_dict(nlp.make_doc(t), {"entities": e, "tags": tags, "morphs": MORPHS,
                                                    "pos": ["X"] * len(tags), "heads": heads, "deps": deps})
                for (t, e, tags), (heads, deps) in zip(TRAIN, TREES, strict=True)]
    nlp.initialize(lambda: examples)
    for _ in range(40):
        nlp.update(examples, drop=0.0)
    path = tmp_path_factory.mktemp("models") / "tiny"
    nlp.meta["name"] = "tiny"
    nlp.to_disk(path)
    return path


def config_with(path) -> dict:
    return load_config(overrides={"models": {"pipeline": str(path)}})


def test_analyze_loads_a_model_from_a_path(tiny_model):
    pipeline = default_pipeline(config_with(tiny_model))
    assert pipeline.names == ["language", "segment", "analyze", "actors", "quotes", "events"]
    doc = pipeline.process(Document(text="Die Ministerin Anna Schmidt besuchte Riga. Sie blieb dort."))
    assert isinstance(doc, Document)
    ents = {(e["text"], e["label"]) for e in doc.entities}
    assert ("Anna Schmidt", "PER") in ents
    for e in doc.entities:
        assert doc.text[e["start"]:e["end"]] == e["text"]
    # the analysis keeps the segmenter's sentences
    assert [s.text for s in doc.analysis.sents] == ["Die Ministerin Anna Schmidt besuchte Riga.", "Sie blieb dort."]
    # the model's tags, one per token, come out with --tokens
    assert len(doc.tags) == len(doc.tokens) and doc.tags[:7] == ["ART", "NN", "NE", "NE", "VVFIN", "NE", "$."]
    out = doc.to_json(tokens=True)
    assert out["tags"] == doc.tags and Document.from_json(out).tags == doc.tags
    assert "tags" not in doc.to_json()
    # and its morphological features, when it has a morphologizer
    assert len(doc.morph) == len(doc.tokens) and doc.morph[4] == "Mood=Ind|Person=3|Tense=Past"
    assert out["morph"] == doc.morph and Document.from_json(out).morph == doc.morph
    # lemmas: this model has no lemmatizer, so simplemma's dictionary gives them
    assert doc.lemmas[:5] == ["der", "Ministerin", "Anna", "Schmidt", "besuchen"]
    assert doc.provenance["lemmas"].startswith("simplemma@")
    assert out["lemmas"] == doc.lemmas and Document.from_json(out).lemmas == doc.lemmas


def test_syntax_comes_from_the_model_parser_when_switched_on(tiny_model):
    text = "Die Ministerin Anna Schmidt besuchte Riga. Sie blieb dort."
    off = default_pipeline(config_with(tiny_model)).process(Document(text=text))
    assert off.heads == [] and off.deps == [] and "heads" not in off.to_json(tokens=True)
    cfg = load_config(overrides={"models": {"pipeline": str(tiny_model), "syntax": True}})
    doc = default_pipeline(cfg).process(Document(text=text))
    words = [doc.text[t.start:t.end] for t in doc.tokens]
    assert len(doc.heads) == len(doc.deps) == len(doc.tokens)
    assert words[doc.heads[1]] == "besuchte" and doc.deps[1] == "nsubj"
    assert doc.heads[4] == 4 and doc.deps[4] == "root"  # a root points to itself
    # the parser keeps the segmenter's sentences: no head outside its own sentence
    sentence_of = [next(k for k, s in enumerate(doc.sentences) if s.start <= t.start < s.end) for t in doc.tokens]
    assert all(sentence_of[h] == sentence_of[i] for i, h in enumerate(doc.heads))
    assert [s.text for s in doc.analysis.sents] == ["Die Ministerin Anna Schmidt besuchte Riga.", "Sie blieb dort."]
    out = doc.to_json(tokens=True)
    back = Document.from_json(out)
    assert (out["heads"], out["deps"]) == (doc.heads, doc.deps) == (back.heads, back.deps)


def test_syntax_needs_a_model_with_a_parser(tmp_path):
    nlp = spacy.blank("de")
    nlp.add_pipe("sentencizer")
    nlp.to_disk(tmp_path / "noparser")
    with pytest.raises(ConfigError, match="has no parser"):
        Analyzer(tmp_path / "noparser", syntax=True)


@Language.component("test_upper_lemmas")
def _upper_lemmas(sdoc):
    for t in sdoc:
        t.lemma_ = t.text.upper()
    return sdoc


def test_a_model_with_lemmas_gives_them(tiny_model):
    analyzer = Analyzer(tiny_model)
    analyzer.nlp.add_pipe("test_upper_lemmas")
    segment = next(s for s in default_pipeline(config_with(tiny_model)).stages if s.name == "segment")
    doc = analyzer(segment(Document(text="Anna Schmidt besuchte Riga.")))
    assert doc.lemmas == ["ANNA", "SCHMIDT", "BESUCHTE", "RIGA", "."]
    assert doc.provenance["lemmas"].startswith("analyze@")


def test_analyze_model_hashes_recorded(tiny_model):
    pipeline = default_pipeline(config_with(tiny_model))
    hashes = pipeline.model_hashes()
    assert "analyze/meta.json" in hashes and all(len(h) == 64 for h in hashes.values())
    assert hashes["analyze/meta.json"] == model_hashes(tiny_model)["meta.json"]


def test_analyze_damaged_model_is_refused(tiny_model, tmp_path):
    import shutil

    copy = tmp_path / "copy"
    shutil.copytree(tiny_model, copy)
    sums = "".join(f"{h}  {name}\n" for name, h in model_hashes(copy).items())
    (copy / "SHA256SUMS").write_text(sums)
    assert verify(copy) == []
    meta = json.loads((copy / "meta.json").read_text())
    meta["version"] = "9.9.9"
    (copy / "meta.json").write_text(json.dumps(meta))
    assert verify(copy) == ["meta.json"]
    with pytest.raises(ConfigError, match="do not match"):
        default_pipeline(config_with(copy))


def test_analyze_missing_model_is_a_clear_error(tmp_path):
    with pytest.raises(ConfigError, match="no spaCy pipeline"):
        resolve_model(str(tmp_path))


def test_analyze_no_model_leaves_entities_empty():
    pipeline = default_pipeline(load_config(overrides={"models": {"pipeline": ""}}))
    doc = pipeline.process(Document(text="Die Ministerin besuchte Riga."))
    assert doc.entities == [] and "analyze" not in pipeline.names


def test_a_lone_small_adjective_is_not_a_name():
    from spacy.tokens import Doc

    from chronik.nlp.analyze import not_a_name

    words = ["Die", "iranische", "Regierung", "zitierte", "dpa", "und", "Iran", "und", "deutsche", "Welle", "."]
    tags = ["ART", "ADJA", "NN", "VVFIN", "NE", "KON", "NE", "KON", "ADJA", "NN", "$."]
    doc = Doc(spacy.blank("de").vocab, words=words, tags=tags,
              ents=["O", "B-LOC", "O", "O", "B-ORG", "O", "B-LOC", "O", "B-ORG", "I-ORG", "O"])
    assert [(e.text, not_a_name(e)) for e in doc.ents] == [
        ("iranische", True), ("dpa", False), ("Iran", False), ("deutsche Welle", False)]


def test_a_mention_loses_the_punctuation_at_its_edges():
    from spacy.tokens import Doc

    from chronik.nlp.analyze import without_edge_punct

    words = ["Laut", "„", "Kellco", "“", "sprach", "das", "Präsidialamt", ".", "Und", "?"]
    doc = Doc(spacy.blank("de").vocab, words=words,
              ents=["O", "B-ORG", "I-ORG", "I-ORG", "O", "O", "B-ORG", "I-ORG", "O", "B-MISC"])
    assert [(e.text, getattr(without_edge_punct(e), "text", None)) for e in doc.ents] == [
        ("„ Kellco “", "Kellco"), ("Präsidialamt .", "Präsidialamt"), ("?", None)]


def test_the_bundled_model_reads_its_name_lexicon():
    from chronik.nlp.names import COMMON, PLACE, name_bits

    pipeline = default_pipeline(load_config())
    analyzer = next(s for s in pipeline.stages if s.name == "analyze")
    assert name_bits(analyzer.nlp, "Bischkek") & PLACE and name_bits(analyzer.nlp, "Rede") == COMMON  # model 0.9
    assert name_bits(analyzer.nlp, "Bischkek") & COMMON == 0 and name_bits(analyzer.nlp, "Xqzwv") == 0
    doc = pipeline.process(Document(text="Zudem diskutierten UN-Mitarbeiter mit den sudanesischen Behörden."))
    # the tagger tells a verb from an adjective: the description is "UN-Mitarbeiter", the staff of the UN
    staff = next(e for e in doc.entities if e["text"].endswith("UN-Mitarbeiter"))
    assert staff["text"] == "UN-Mitarbeiter" and staff["country"] == "UN"
