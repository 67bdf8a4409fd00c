import pytest

from chronik.document import Document, Rejection
from chronik.errors import PipelineError, Reject
from chronik.pipeline import DocumentRejected, Pipeline


class Fake:
    def __init__(self, name, requires=(), assigns=(), fn=None):
        self.name, self.version, self.requires, self.assigns = name, "1", tuple(requires), tuple(assigns)
        self.fn = fn or (lambda d: d)

    def __call__(self, doc):
        return self.fn(doc)

    def pipe(self, docs, batch_size=64):
        return (self(d) for d in docs)


def test_pipeline_checks_requirements_at_build_time():
    with pytest.raises(PipelineError, match="requires \\['sentences'\\]"):
        Pipeline([Fake("quotes", requires=["sentences"]), Fake("segment", assigns=["sentences"])])
    p = Pipeline([Fake("segment", requires=["text"], assigns=["sentences"]), Fake("quotes", requires=["sentences"])])
    assert p.names == ["segment", "quotes"]


def test_pipeline_rejects_non_stages():
    with pytest.raises(PipelineError, match="not a stage"):
        Pipeline([object()])


def test_pipeline_stage_rejection_becomes_rejection():
    def refuse(doc):
        raise DocumentRejected(Reject.NOT_GERMAN, "identified as 'en'")

    out = Pipeline([Fake("language", fn=refuse)]).process(Document(text="Hello.", source="a.txt"))
    assert isinstance(out, Rejection) and out.code == "R200" and out.source == "a.txt"


def test_pipeline_stage_crash_is_recorded_not_raised():
    def crash(doc):
        raise ZeroDivisionError("boom")

    p = Pipeline([Fake("broken", fn=crash)])
    out = p.process(Document(text="Text."))
    assert isinstance(out, Rejection) and out.code == "R500" and "boom" in out.detail
    assert p.seconds["broken"] >= 0


def test_pipeline_default_annotates(pipeline):
    doc = pipeline.process(Document(text="Der Minister kam am 3. März nach Berlin. Er blieb zwei Tage."))
    assert isinstance(doc, Document)
    assert doc.language == "de" and len(doc.sentences) == 2 and doc.tokens
