"""Stage 2, language identification (py3langid; its model ships inside the wheel)."""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from typing import Any

from chronik.document import Document
from chronik.errors import Reject
from chronik.pipeline import DocumentRejected


class LanguageIdentifier:
    """Sets `doc.language`; a document confidently in another language is rejected (R200).

    A language given by the input (a JSONL `language` field, a `language` header) is trusted.
    Below `min_confidence` the document is kept as German with a `language-uncertain` issue: short
    texts are where identifiers err, and dropping a German headline is worse than keeping it.
    """

    name = "language"
    version = "0.1.0"
    requires: tuple[str, ...] = ("text",)
    assigns: tuple[str, ...] = ("language",)

    def __init__(self, accept: Iterable[str] = ("de",), min_confidence: float = 0.6,
                 sample_chars: int = 5000) -> None:
        from py3langid.langid import MODEL_FILE
        from py3langid.langid import LanguageIdentifier as _LangId

        self._ident = _LangId.from_model_file(MODEL_FILE, norm_probs=True)
        self.accept = tuple(accept)
        self.min_confidence = min_confidence
        self.sample_chars = sample_chars

    @classmethod
    def from_config(cls, cfg: dict[str, Any]) -> LanguageIdentifier:
        lang = cfg["language"]
        return cls(lang["accept"], lang["min_confidence"], lang["sample_chars"])

    def identify(self, text: str) -> tuple[str, float]:
        lang, conf = self._ident.classify(text[: self.sample_chars])
        return str(lang), float(conf)

    def __call__(self, doc: Document) -> Document:
        tag = f"{self.name}@{self.version}"
        if doc.language:
            given = doc.language.lower().split("-")[0].split("_")[0]
            if given not in self.accept:
                raise DocumentRejected(Reject.NOT_GERMAN, f"the input says its language is {doc.language!r}")
            doc.language = given
            doc.provenance["language"] = "input"
            return doc
        lang, conf = self.identify(doc.text)
        doc.metadata["language_guess"] = {"language": lang, "confidence": round(conf, 4)}
        doc.provenance["language"] = tag
        if lang in self.accept:
            doc.language = lang
        elif conf >= self.min_confidence:
            raise DocumentRejected(Reject.NOT_GERMAN, f"identified as {lang!r} (confidence {conf:.2f})")
        else:
            doc.language = self.accept[0]
            doc.add_issue("language-uncertain", f"identified as {lang!r} with confidence {conf:.2f} only; "
                          f"kept as {self.accept[0]!r}", stage=self.name)
        return doc

    def pipe(self, docs: Iterable[Document], batch_size: int = 64) -> Iterator[Document]:
        for doc in docs:
            yield self(doc)
