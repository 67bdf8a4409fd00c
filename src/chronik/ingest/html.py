"""HTML pages: the article's main text and metadata, extracted by trafilatura."""

from __future__ import annotations

import logging
from collections.abc import Iterator

from chronik.document import Document, Rejection
from chronik.errors import Reject
from chronik.ingest.base import ReadContext, decoded_or_rejection
from chronik.time import parse_date

log = logging.getLogger(__name__)
# Pages nested deeper than this are refused before the parser walks them.
MAX_TAG_DEPTH = 2000


def _too_deep(html: str) -> bool:
    """A cheap over-estimate of tag nesting: opening minus closing tags, running."""
    depth = peak = 0
    i = html.find("<")
    while i != -1:
        nxt = html[i + 1 : i + 2]
        if nxt == "/":
            depth -= 1
        elif nxt.isalpha():
            depth += 1
            peak = max(peak, depth)
            if peak > MAX_TAG_DEPTH:
                return True
        i = html.find("<", i + 1)
    return False


def html_to_document(html: str, source: str, ctx: ReadContext, locator: str | None = None,
                     url: str | None = None) -> Document | Rejection:
    import trafilatura  # heavy import, only when HTML is read

    if _too_deep(html):
        return Rejection(source, Reject.NO_ARTICLE, f"tags nested deeper than {MAX_TAG_DEPTH} levels",
                         locator=locator, sample=html[:200])
    try:
        extracted = trafilatura.bare_extraction(html, url=url, with_metadata=True, include_comments=False,
                                                include_tables=False)
        result = extracted.as_dict() if extracted is not None and not isinstance(extracted, dict) else extracted
    except Exception as e:  # trafilatura raises many kinds on hostile markup; the batch goes on
        log.debug("trafilatura failed on %s: %r", source, e)
        return Rejection(source, Reject.NO_ARTICLE, f"extraction failed: {type(e).__name__}: {e}",
                         locator=locator, sample=html[:200])
    text = (result or {}).get("text") or ""
    if len(text.strip()) < ctx.min_article_chars:
        return Rejection(source, Reject.NO_ARTICLE,
                         f"no article text found ({len(text.strip())} characters extracted; "
                         f"minimum {ctx.min_article_chars}, ingest.min_article_chars)",
                         locator=locator, sample=html[:200])
    assert result is not None
    meta = {k: result[k] for k in ("author", "sitename", "hostname", "description", "categories", "tags")
            if result.get(k)}
    if url:
        meta["url"] = url
    doc = Document(text=text.strip(), source=url or source, title=result.get("title"), metadata=meta)
    if result.get("date"):
        doc.published = parse_date(result["date"])
    return doc


def read_html(data: bytes, source: str, ctx: ReadContext, url: str | None = None) -> Iterator[Document | Rejection]:
    decoded = decoded_or_rejection(data, source, ctx)
    if isinstance(decoded, Rejection):
        yield decoded
        return
    doc = html_to_document(decoded[0], source, ctx, url=url)
    if isinstance(doc, Document):
        doc.issues[:0] = decoded[1]
    yield doc
