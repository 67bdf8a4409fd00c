"""CSV and TSV: one article per row, with a header naming the columns (text, title, date, ...).

Files without a header (e.g. `label;text` corpora) are read too: the column with the longest values
is the text.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Iterator

from chronik.document import Document, Rejection
from chronik.errors import Reject
from chronik.ingest.base import ReadContext, decoded_or_rejection
from chronik.ingest.records import KNOWN, TEXT_FIELDS, record_to_document


def read_csv(data: bytes, source: str, ctx: ReadContext) -> Iterator[Document | Rejection]:
    decoded = decoded_or_rejection(data, source, ctx)
    if isinstance(decoded, Rejection):
        yield decoded
        return
    text, issues = decoded
    head = text[:65536]
    try:
        dialect: type[csv.Dialect] | csv.Dialect = csv.Sniffer().sniff(head, delimiters=",;\t|")
    except csv.Error:
        dialect = csv.excel_tab if source.endswith(".tsv") else csv.excel
    csv.field_size_limit(max(ctx.max_document_bytes * 2, 131072))
    try:
        rows = list(csv.reader(io.StringIO(text, newline=""), dialect))
    except csv.Error as e:
        yield Rejection(source, Reject.PARSE_ERROR, f"CSV could not be parsed: {e}", sample=head[:300])
        return
    rows = [r for r in rows if any(c.strip() for c in r)]
    if not rows:
        yield Rejection(source, Reject.EMPTY, "no rows")
        return
    header = [c.strip().lower() for c in rows[0]]
    if any(h in TEXT_FIELDS for h in header):
        names, body, first_line = rows[0], rows[1:], 2
    else:
        width = max(len(r) for r in rows)
        lengths = [sum(len(r[i]) for r in rows if i < len(r)) for i in range(width)]
        text_col = lengths.index(max(lengths))
        names = [("text" if i == text_col else f"column_{i + 1}") for i in range(width)]
        body, first_line = rows, 1
        if any(h in KNOWN for h in header):  # a header, but without a text column
            names = [("text" if i == text_col else rows[0][i]) for i in range(width)]
            body, first_line = rows[1:], 2
    for n, row in enumerate(body, first_line):
        if len(row) != len(names):
            yield Rejection(source, Reject.PARSE_ERROR, f"row has {len(row)} fields, header has {len(names)}",
                            locator=f"row {n}", sample=str(row)[:300])
            continue
        doc = record_to_document(dict(zip(names, row, strict=True)), source=source, locator=f"row {n}",
                                 max_bytes=ctx.max_document_bytes)
        if isinstance(doc, Document):
            doc.issues[:0] = issues
        yield doc
