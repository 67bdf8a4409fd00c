"""WARC archives (warcio): every HTML response becomes a document via the HTML reader."""

from __future__ import annotations

from collections.abc import Iterator
from typing import IO, Any

from chronik.document import Document, Rejection
from chronik.errors import Reject
from chronik.ingest.base import ReadContext, decoded_or_rejection
from chronik.ingest.html import html_to_document

HTML_TYPES = ("text/html", "application/xhtml+xml")


def read_warc(stream: IO[bytes], source: str, ctx: ReadContext) -> Iterator[Document | Rejection]:
    from warcio.archiveiterator import ArchiveIterator
    from warcio.exceptions import ArchiveLoadFailed

    n = records = 0
    cut_off = False
    last: Any = None
    try:
        archive = ArchiveIterator(stream)
        for record in archive:
            records += 1
            last = record
            if records == 1 and record.format == "arc" and record.rec_type != "arc_header":
                # warcio reads any line of five words as an ARC record header; an ARC file opens with one
                yield Rejection(source, Reject.ARCHIVE_ERROR, "not a WARC archive (no WARC/ARC file header)",
                                sample=str(record.rec_headers)[:200])
                return
            if record.rec_type not in ("response", "resource"):
                continue
            ctype = ""
            if record.http_headers is not None:
                ctype = record.http_headers.get_header("Content-Type") or ""
            else:
                ctype = record.rec_headers.get_header("Content-Type") or ""
            if not any(t in ctype.lower() for t in HTML_TYPES):
                continue
            n += 1
            uri = record.rec_headers.get_header("WARC-Target-URI")
            rid = record.rec_headers.get_header("WARC-Record-ID")
            locator = f"record {rid or n}"
            body = record.content_stream().read(ctx.max_document_bytes + 1)
            if len(body) > ctx.max_document_bytes:
                yield Rejection(source, Reject.TOO_LARGE, f"page {uri} is larger than ingest.max_document_bytes",
                                locator=locator)
                continue
            missing = getattr(record.raw_stream, "limit", 0)  # warcio does not notice a cut-off record
            if missing > 0:
                cut_off = True
                yield Rejection(source, Reject.ARCHIVE_ERROR,
                                f"record of page {uri} is truncated: {missing:,} bytes missing", locator=locator)
                continue
            decoded = decoded_or_rejection(body, source, ctx, locator)
            if isinstance(decoded, Rejection):
                yield decoded
                continue
            doc = html_to_document(decoded[0], source, ctx, locator=locator, url=uri)
            if isinstance(doc, Document):
                doc.metadata["warc"] = source
                doc.metadata["warc_date"] = record.rec_headers.get_header("WARC-Date")
                doc.issues[:0] = decoded[1]
            yield doc
        if records == 0:
            yield Rejection(source, Reject.ARCHIVE_ERROR, "no WARC records found")
        elif not cut_off and (getattr(last.raw_stream, "limit", 0) > 0 or archive.offset < archive.fh.tell() or (
                last.format == "warc" and last.rec_headers.get_header("Content-Length") is None)):
            yield Rejection(source, Reject.ARCHIVE_ERROR, f"the archive ends inside a record (truncated) "
                            f"after {n} pages")
        elif n == 0:
            yield Rejection(source, Reject.NO_ARTICLE, f"the archive's {records} records hold no HTML page")
        elif archive.err_count:
            yield Rejection(source, Reject.ARCHIVE_ERROR, f"{archive.err_count} record(s) not followed by a blank "
                            "line; a Content-Length is wrong or the archive is damaged")
    except ArchiveLoadFailed as e:
        yield Rejection(source, Reject.ARCHIVE_ERROR, f"not a readable WARC archive: {e}"[:500])
    except (OSError, EOFError, ValueError) as e:  # truncated gzip members and broken headers
        yield Rejection(source, Reject.ARCHIVE_ERROR, f"archive broken after {n} pages: {type(e).__name__}: {e}")
    except Exception as e:  # warcio raises others on broken records (AttributeError, header parse errors)
        yield Rejection(source, Reject.ARCHIVE_ERROR,
                        f"archive broken after {n} pages: {type(e).__name__}: {e}"[:500])
