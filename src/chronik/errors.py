"""Stable error and rejection codes.

Two kinds of problem exist in chronik:

* a *rejection* (`Reject`): one input (a file, a line of JSONL, a feed item) cannot become a document.
  It is recorded with its code and reason (in the store's `failures` table and the run summary) and the
  batch goes on. Codes are stable: scripts and the failures table may rely on them.
* a `ChronikError`: a fatal problem with the run itself (bad config, unreadable database); the CLI
  turns it into exit code 1 with the message, which says how to fix it.

Non-fatal problems inside a document that was kept (an encoding that had to be repaired, a date that
could not be parsed) are `Issue`s on the document (see `chronik.document`).
"""

from __future__ import annotations

from enum import Enum
from typing import Any


class Reject(Enum):
    """Why an input did not become a document. Value: (code, slug, what it means)."""

    NOT_FOUND = ("R100", "not-found", "the path does not exist or the glob matched nothing")
    UNREADABLE = ("R101", "unreadable", "the file could not be opened (permissions, a device, a broken link)")
    EMPTY = ("R102", "empty", "the input holds no text")
    BINARY = ("R103", "binary", "the input is binary data, not text")
    ENCODING = ("R104", "bad-encoding", "the bytes are not valid UTF-8 and no safe repair was possible")
    TOO_LARGE = ("R105", "too-large", "the input is larger than the configured limit")
    PARSE_ERROR = ("R106", "parse-error", "a structured record (JSON, CSV row) could not be parsed")
    MISSING_TEXT = ("R107", "missing-text", "a structured record has no text field")
    NO_ARTICLE = ("R108", "no-article", "no article text could be extracted from the page")
    FEED_ERROR = ("R109", "bad-feed", "the feed could not be parsed or holds no items")
    ARCHIVE_ERROR = ("R110", "bad-archive", "the WARC archive could not be read")
    FETCH_FAILED = ("R111", "fetch-failed", "the URL could not be fetched")
    UNSUPPORTED = ("R112", "unsupported", "the input format is not supported")
    NOT_GERMAN = ("R200", "not-german", "the document is not in German")
    PIPELINE_ERROR = ("R500", "pipeline-error", "a pipeline stage failed on this document")

    @property
    def code(self) -> str:
        return self.value[0]

    @property
    def slug(self) -> str:
        return self.value[1]

    @property
    def meaning(self) -> str:
        return self.value[2]

    @classmethod
    def from_code(cls, code: str) -> Reject:
        for r in cls:
            if r.code == code or r.slug == code:
                return r
        raise KeyError(code)


class ChronikError(Exception):
    """A fatal error of a run, with a stable code. The message should say how to fix it."""

    code = "E000"

    def __init__(self, message: str, *, code: str | None = None) -> None:
        if code:
            self.code = code
        self.message = message
        super().__init__(f"[{self.code}] {message}")

    def __reduce__(self) -> tuple[Any, ...]:
        # raised in a worker process and read back in the main one: rebuilt from the message, not the text
        return _rebuild, (type(self), self.message, self.code)


def _rebuild(cls: type[ChronikError], message: str, code: str) -> ChronikError:
    return cls(message, code=code)


class ConfigError(ChronikError):
    code = "E001"


class StoreError(ChronikError):
    code = "E002"


class PipelineError(ChronikError):
    """The pipeline cannot be built (a stage needs a layer that no earlier stage assigns, ...)."""

    code = "E003"
