"""Stage 3–4, linguistic analysis with a trained spaCy pipeline: tags, morphology, lemmas, syntax and
named-entity mentions, over chronik's own tokens and sentences. Lemmas come from the model where it has a
lemmatizer, else from simplemma's dictionary.

The pipeline is the bundled German model (`chronik/models/de_chronik`, trained by `training/`) or any
spaCy pipeline folder a user names in the config (`models.pipeline`). Sentence boundaries from the
segmenter are set before the pipeline runs; a parser keeps them.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import Any

from chronik.document import Document
from chronik.errors import ConfigError
from chronik.models import model_hashes, resolve_model, verify
from chronik.nlp.lemmas import SIMPLEMMA_VERSION, lemma, tagged_lemma
from chronik.nlp.titles import work_titles

ENTITY_LABELS = {"PER", "LOC", "ORG", "MISC"}


def not_a_name(ent: Any) -> bool:
    """A mention that is one adjective in lower case ("die iranische Regierung", "der tadschikischen Seite") is a
    derivation of a name, not a name: the contract marks names only, as GermEval 2014 does. Written-small names
    that are not adjectives ("dpa", "amazon.de") stay."""
    return len(ent) == 1 and ent[0].is_lower and ent[0].tag_ in ("ADJA", "ADJD")


def without_edge_punct(ent: Any) -> Any:
    """A mention without the punctuation at its edges ("Präsidialamt." → "Präsidialamt", „Kellco“ → Kellco):
    names are words, as GermEval 2014 marks them; None when nothing is left."""
    start, end = ent.start, ent.end
    while start < end and ent.doc[start].is_punct:
        start += 1
    while end > start and ent.doc[end - 1].is_punct:
        end -= 1
    return ent.doc[start:end] if end > start else None


class Analyzer:
    """Runs a spaCy pipeline; keeps its Doc in `doc.analysis` and its entities in `doc.entities`."""

    name = "analyze"
    version = "0.1.0"
    requires: tuple[str, ...] = ("text", "tokens", "sentences")
    assigns: tuple[str, ...] = ("analysis", "entities")

    def __init__(self, path: Path, syntax: bool = False) -> None:
        import spacy

        import chronik.nlp.names  # registers the name lexicon's callback, for models that read it
        import chronik.nlp.places  # noqa: F401  (registers the place ruler's factory for the bundled model)

        bad = verify(path)
        if bad:
            raise ConfigError(f"model files at {path} do not match their SHA256SUMS: {', '.join(bad)}; "
                              "the model is damaged or was changed without a new card")
        self.path = path
        self.nlp = spacy.load(path)
        parsers = [n for n in self.nlp.component_names
                   if self.nlp.get_pipe_meta(n).factory in ("parser", "beam_parser")]
        if syntax and not parsers:
            raise ConfigError(f"models.syntax is on, but the model at {path} has no parser")
        for name in parsers:  # the bundled model ships its parser disabled: syntax costs speed
            (self.nlp.enable_pipe if syntax else self.nlp.disable_pipe)(name)
        self.syntax = syntax
        self.hashes = model_hashes(path)
        meta = self.nlp.meta
        self.model = f"{meta.get('name', path.name)}-{meta.get('version', '0')}"
        self.version = f"{Analyzer.version}+{self.model}"

    @classmethod
    def from_config(cls, cfg: dict[str, Any]) -> Analyzer | None:
        path = resolve_model(str(cfg["models"]["pipeline"]))
        return cls(path, syntax=bool(cfg["models"]["syntax"])) if path else None

    def _spacy_doc(self, doc: Document) -> Any:
        import numpy
        from spacy.attrs import IDX, IS_SPACE, SENT_START

        # The segmenter tokenised with this model's tokenizer and vocabulary already (see default_pipeline)
        sdoc = doc.analysis if doc.analysis is not None and doc.analysis.vocab is self.nlp.vocab else None
        if sdoc is None:
            sdoc = self.nlp.make_doc(doc.text)
        # chronik's sentences, as one column: 1 starts a sentence, -1 does not; whitespace tokens keep theirs
        # (setting `token.is_sent_start` one token at a time cost 5 % of this stage)
        idx, space, before = sdoc.to_array([IDX, IS_SPACE, SENT_START]).astype("int64").T
        starts = numpy.fromiter((s.start for s in doc.sentences), dtype="int64")
        value = numpy.where(space == 1, before, numpy.where(numpy.isin(idx, starts), 1, -1))
        sdoc.from_array([SENT_START], value.astype("uint64").reshape(-1, 1))  # type: ignore[arg-type]
        return sdoc

    def _assign(self, doc: Document, sdoc: Any) -> Document:
        tag = f"{self.name}@{self.version}"
        doc.analysis = sdoc
        titles = [sdoc[a:b] for a, b in work_titles(sdoc)]  # MISC; they replace what the model found inside
        trimmed = [(t, e.label_) for e in sdoc.ents if (t := without_edge_punct(e)) is not None]
        mentions = [(e, label) for e, label in trimmed
                    if not not_a_name(e) and not any(e.start < t.end and t.start < e.end for t in titles)]
        mentions += [(t, "MISC") for t in titles]
        for ent, label in sorted(mentions, key=lambda m: m[0].start):
            label = label if label in ENTITY_LABELS else "MISC"
            doc.entities.append({"start": ent.start_char, "end": ent.end_char, "text": ent.text, "label": label,
                                 "name": None, "country": None, "sector": None, "kb": None, "stage": tag})
        doc.provenance["entities"] = tag
        doc.provenance["analysis"] = tag
        # the model's token at each of chronik's tokens (both tokenise alike; a token without one gets "")
        by_start = {t.idx: t for t in sdoc}
        at = [by_start.get(t.start) for t in doc.tokens]
        if sdoc.has_annotation("TAG"):  # the model tags: one STTS tag per token of the document
            doc.tags = [t.tag_ if t is not None else "" for t in at]
            doc.provenance["tags"] = tag
        if sdoc.has_annotation("MORPH"):  # UD morphological features, one string per token
            doc.morph = [str(t.morph) if t is not None else "" for t in at]
            doc.provenance["morph"] = tag
        if self.syntax and sdoc.has_annotation("DEP"):  # heads as indices into doc.tokens
            index = {t.start: i for i, t in enumerate(doc.tokens)}
            doc.heads = [index.get(t.head.idx, i) if t is not None else i for i, t in enumerate(at)]
            doc.deps = [t.dep_.lower() if t is not None else "" for t in at]
            doc.provenance["syntax"] = tag
        if sdoc.has_annotation("LEMMA"):  # a model with a lemmatizer
            doc.lemmas = [(t.lemma_ if t is not None else "") or doc.text[s.start:s.end]
                          for s, t in zip(doc.tokens, at, strict=True)]
            doc.provenance["lemmas"] = tag
        else:  # simplemma's dictionary, with the tags where the model tags (docs/models.md)
            words = [doc.text[t.start:t.end] for t in doc.tokens]
            doc.lemmas = [tagged_lemma(w, tg) for w, tg in zip(words, doc.tags, strict=True)] if doc.tags else \
                [lemma(w) for w in words]
            doc.provenance["lemmas"] = f"simplemma@{SIMPLEMMA_VERSION}"
        return doc

    def __call__(self, doc: Document) -> Document:
        sdoc = self._spacy_doc(doc)
        for _, proc in self.nlp.pipeline:
            sdoc = proc(sdoc)
        return self._assign(doc, sdoc)

    def pipe(self, docs: Iterable[Document], batch_size: int = 64) -> Iterator[Document]:
        batch: list[Document] = []
        for doc in docs:
            batch.append(doc)
            if len(batch) >= batch_size:
                yield from self._run(batch, batch_size)
                batch = []
        if batch:
            yield from self._run(batch, batch_size)

    def _run(self, batch: list[Document], batch_size: int) -> Iterator[Document]:
        sdocs = [self._spacy_doc(d) for d in batch]
        for _, proc in self.nlp.pipeline:
            sdocs = list(proc.pipe(sdocs, batch_size=batch_size)) if hasattr(proc, "pipe") else [proc(d) for d in sdocs]
        for doc, sdoc in zip(batch, sdocs, strict=True):
            yield self._assign(doc, sdoc)
