"""``consistency extract PATH...``: claims with their quantity frames, one per line."""

from __future__ import annotations

from typing import Sequence, TextIO

import click

from .. import api
from ..errors import EmptyInputError
from ..records import Claim
from ..reporters.base import printable
from ..reporters.jsonl import json_line
from .app import EXIT_ERROR, EXIT_OK
from .output import deliver, output_options, parse_destinations, report_problems


def _jsonl(claims: Sequence[Claim], out: TextIO) -> None:
    for claim in claims:
        out.write(json_line(claim.to_dict()))


def _text(claims: Sequence[Claim], out: TextIO) -> None:
    for claim in claims:
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
@click.option("-q", "--quiet", is_flag=True, help="No input problems on stderr.")
def extract(paths, formats, output, include_all, quiet) -> int:
    """Extract claims and their quantities (value, interval, unit, change, measured thing).

    A claims-dataset row is one claim; an article is split into sentences first.
    Exit codes: 0 ok, 2 usage or input error (bad rows are listed as path:line: reason;
    the claims of the other rows are still written).
    """
    dests = parse_destinations(formats, output, list(CLAIM_FORMATS), "jsonl")
    claims, problems = api.extract(paths)
    report_problems(problems, quiet=quiet)
    if not claims:
        raise EmptyInputError("no claims found in the inputs",
                              hint="give article files (.txt/.md/.html) or claim datasets (.jsonl/.csv)")
    shown = [c for c in claims if include_all or c.quantities or c.dates]
    deliver(dests, lambda fmt, out, _stdout: CLAIM_FORMATS[fmt](shown, out))
    return EXIT_ERROR if problems else EXIT_OK
