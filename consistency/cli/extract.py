"""``consistency extract PATH...``: claims with their quantity frames, one per line."""

from __future__ import annotations

import json
import sys

import click

from .. import api
from ..errors import EmptyInputError
from .app import EXIT_ERROR, EXIT_OK


@click.command()
@click.argument("paths", nargs=-1, required=True, type=click.Path())
@click.option("-f", "--format", "fmt", type=click.Choice(["jsonl", "text"]), default="jsonl", show_default=True,
              help="jsonl: one claim per line with its quantities; text: a readable listing.")
@click.option("--all", "include_all", is_flag=True, help="Also list claims with no quantity or date.")
def extract(paths, fmt, include_all) -> int:
    """Extract claims and their quantities (value, interval, unit, change, measured thing).

    A claims-dataset row is one claim; an article is split into sentences first.
    """
    claims, problems = api.extract(paths)
    for problem in problems:
        click.echo(str(problem), err=True)
    if not claims:
        raise EmptyInputError("no claims found in the inputs",
                              hint="give article files (.txt/.md/.html) or claim datasets (.jsonl/.csv)")
    out = sys.stdout
    for claim in claims:
        if not include_all and not claim.quantities and not claim.dates:
            continue
        if fmt == "jsonl":
            out.write(json.dumps(claim.to_dict(), ensure_ascii=False) + "\n")
        else:
            out.write(f"{claim.path}:{claim.line or ''} {claim.text}\n")
            for q in claim.quantities:
                out.write(f"    {q.text!r}: {q.bound} [{q.low:g}, {q.high:g}] {q.unit or ''} "
                          f"{q.dimension or ''} {q.change or ''} {q.kind} measured={q.measured}\n")
            for d in claim.dates:
                out.write(f"    date {d.text!r}: {d.value.isoformat()} ({d.granularity})\n")
    return EXIT_ERROR if problems else EXIT_OK
