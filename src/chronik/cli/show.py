"""`chronik show ID`: one stored document with its sentences, entities, quotes and events."""

from __future__ import annotations

import json

import click

from chronik.cli._common import config_from, db_option, fatal_errors, resolve_db
from chronik.document import Document
from chronik.store import Store


def render_text(doc: Document) -> str:
    """A reader's view of a document: metadata, then every layer with its evidence."""
    t = doc.text
    lines = [f"{doc.title or '(no title)'}",
             f"id {doc.id}  published {doc.published or '-'}  language {doc.language or '-'}",
             f"source {doc.source}"]
    for issue in doc.issues:
        lines.append(f"issue [{issue.code}] {issue.message}")
    lines.append(f"\nsentences ({len(doc.sentences)})")
    for i, s in enumerate(doc.sentences):
        lines.append(f"  {i:3d} [{s.start}:{s.end}] {t[s.start:s.end]}")
    lines.append(f"\nentities ({len(doc.entities)})")
    for e in doc.entities:
        resolved = ", ".join(str(e[k]) for k in ("name", "country", "sector") if e.get(k))
        lines.append(f"  {e.get('label', '?'):5} [{e['start']}:{e['end']}] {e.get('text')}"
                     + (f" -> {resolved}" if resolved else ""))
    lines.append(f"\nquotes ({len(doc.quotes)})")
    for q in doc.quotes:
        sp = q.get("speaker") or {}
        who = sp.get("name") or sp.get("text") or "?"
        cue = (q.get("cue") or {}).get("text") or ""
        lines.append(f"  {q.get('form', '?'):8} {who} ({cue}): {q.get('text')}")
    lines.append(f"\nevents ({len(doc.events)})")
    for ev in doc.events:
        src = "; ".join(a.get("name") or a.get("text") or "?" for a in ev.get("source") or [])
        tgt = "; ".join(a.get("name") or a.get("text") or "?" for a in ev.get("target") or [])
        loc = (ev.get("location") or {}).get("name") or "-"
        lines.append(f"  {ev.get('type')} {ev.get('cameo') or ''} {src or '?'} -> {tgt or '?'} at {loc}, "
                     f"{ev.get('date') or '-'} ({ev.get('modality')}): {(ev.get('trigger') or {}).get('text')}")
    return "\n".join(lines)


@click.command("show")
@click.argument("doc_id")
@db_option
@click.option("--format", "fmt", type=click.Choice(["text", "json"]), default="text", show_default=True)
@click.pass_context
def command(ctx: click.Context, doc_id: str, db_path: str | None, fmt: str) -> None:
    """Show the stored document DOC_ID (a unique prefix of the id is enough).

    \b
    Example:
      chronik show 3f2a9c --db demo.duckdb
    """
    cfg = config_from(ctx)
    with fatal_errors(), Store(resolve_db(cfg, db_path), read_only=True) as store:
        doc = store.get(doc_id)
        if doc is None:
            matches = store.find_ids(doc_id)
            if len(matches) == 1:
                doc = store.get(matches[0])
            elif matches:
                raise click.ClickException(f"{doc_id!r} is ambiguous: {', '.join(matches)}")
        if doc is None:
            raise click.ClickException(f"no document {doc_id!r}; list them with `chronik query documents`")
        if fmt == "json":
            click.echo(json.dumps(doc.to_json(), ensure_ascii=False, indent=2))
        else:
            click.echo(render_text(doc))
