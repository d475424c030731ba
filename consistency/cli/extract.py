"""``consistency extract PATH...``: claims with their quantity frames, one per line."""

from __future__ import annotations

from typing import Sequence, TextIO

import click

from .. import api
from ..errors import EmptyInputError
from ..records import Claim, Document, Drop
from ..reporters.base import printable
from ..reporters.jsonl import json_line
from .app import EXIT_ERROR, EXIT_OK
from .output import deliver, output_options, parse_destinations, report_problems


#: What a listing shows, in document order: a claim, or a (document, drop) pair (--explain-drops).
Item = Claim | tuple[Document, Drop]


def _jsonl(items: Sequence[Item], out: TextIO) -> None:
    for item in items:
        if isinstance(item, Claim):
            out.write(json_line(item.to_dict()))
        else:
            doc, drop = item
            out.write(json_line({"path": doc.path, "line": _line(doc, drop), "document": doc.row_id or doc.key,
                                 **drop.to_dict()}))


def _text(items: Sequence[Item], out: TextIO) -> None:
    for claim in items:
        if not isinstance(claim, Claim):
            doc, drop = claim
            text = drop.text if len(drop.text) <= 160 else drop.text[:157] + "..."
            out.write(printable(f"{doc.path}:{_line(doc, drop) or ''} dropped ({drop.reason}): {text}",
                                multiline=False) + "\n")
            continue
        out.write(printable(f"{claim.path}:{claim.line or ''} {claim.text}", multiline=False) + "\n")
        for q in claim.quantities:
            out.write(printable(f"    {q.text!r}: {q.bound} [{q.low:g}, {q.high:g}] {q.unit or ''} "
                                f"{q.dimension or ''} {q.change or ''} {q.kind} measured={q.measured}") + "\n")
        for d in claim.dates:
            out.write(printable(f"    date {d.text!r}: {d.value.isoformat()} ({d.granularity})") + "\n")


#: Output formats: jsonl (the contract, DESIGN section 3) and a readable listing.
CLAIM_FORMATS = {"jsonl": _jsonl, "text": _text}


@click.command()
@click.argument("paths", nargs=-1, required=True, type=click.Path())
@output_options(list(CLAIM_FORMATS), "jsonl",
                "jsonl: one claim per line with its quantities; text: a readable listing. Optionally with a "
                "destination file; repeatable (-f jsonl:claims.jsonl -f text). [default: jsonl]")
@click.option("--all", "include_all", is_flag=True, help="Also list claims with no quantity or date.")
@click.option("--explain-drops", is_flag=True,
              help="Also list what was not read as a claim and why: page furniture (captions, carousels, "
                   "embedded posts, teasers, prompts, bylines, datelines, citation markers...) and documents "
                   "folded into a copy.")
@click.option("-q", "--quiet", is_flag=True,
              help="Accepted as in check (there is no progress to hide); input problems and errors are still shown.")
def extract(paths, formats, output, include_all, explain_drops, quiet) -> int:
    """Extract claims and their quantities (value, interval, unit, change, measured thing).

    A claims-dataset row is one claim; an article is split into sentences first.
    Exit codes: 0 ok, 2 usage or input error (bad rows are listed as path:line: reason;
    the claims of the other rows are still written).
    """
    dests = parse_destinations(formats, output, list(CLAIM_FORMATS), "jsonl")
    extraction, problems = api.explain(paths)
    report_problems(problems)
    if not extraction.claims and not (explain_drops and extraction.dropped):
        raise EmptyInputError("no claims found in the inputs",
                              hint="give article files (.txt/.md/.html) or claim datasets (.jsonl/.csv)")
    shown = _items(extraction, include_all, explain_drops)
    deliver(dests, lambda fmt, out, _stdout: CLAIM_FORMATS[fmt](shown, out))
    return EXIT_ERROR if problems else EXIT_OK


def _items(extraction, include_all: bool, explain_drops: bool) -> list[Item]:
    """The claims to list, each document's drops before its first claim (with --explain-drops)."""
    drops: dict[str, list[tuple[Document, Drop]]] = {}
    if explain_drops:
        for doc, drop in extraction.dropped:
            drops.setdefault(doc.key, []).append((doc, drop))
    items: list[Item] = []
    for claim in extraction.claims:
        items.extend(drops.pop(claim.doc_key, []))
        if include_all or claim.quantities or claim.dates:
            items.append(claim)
    for rest in drops.values():  # documents with no claim left (all furniture, or folded)
        items.extend(rest)
    return items


def _line(doc: Document, drop: Drop) -> int | None:
    if drop.start is None or not doc.text_line:
        return doc.line if doc.row_id is not None else None
    return doc.text_line + doc.text.count("\n", 0, drop.start)
