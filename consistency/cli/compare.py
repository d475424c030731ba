"""``consistency compare A B`` / ``--pairs FILE.jsonl``: one verdict per pair of claims."""

from __future__ import annotations

from typing import Sequence, TextIO

import click

from .. import api
from ..config import BACKENDS
from ..errors import InputError, UsageError
from ..reading.pairs import read_pairs
from ..reading.values import text_problem
from ..reporters.base import printable
from ..reporters.jsonl import json_line
from .app import EXIT_CONFLICTS, EXIT_ERROR, EXIT_OK
from .options import confidence_option, config_option, device_option, settings_from
from .output import deliver, output_options, parse_destinations, report_problems


def _text(results: Sequence[api.Comparison], out: TextIO, labelled: bool) -> None:
    for r in results:
        rule = f" {r.rule}" if r.rule else ""
        label = f"{r.id}: " if labelled else ""
        out.write(printable(f"{label}{r.verdict}{rule}: {r.explanation}", multiline=False) + "\n")


def _jsonl(results: Sequence[api.Comparison], out: TextIO, labelled: bool) -> None:
    for r in results:
        out.write(json_line(r.to_dict()))


#: Output formats: a readable line per pair, or {id, verdict, rule, explanation, similarity} per line.
VERDICT_FORMATS = {"text": _text, "jsonl": _jsonl}


@click.command()
@click.argument("claims", nargs=-1)
@click.option("--pairs", "pairs_file", type=click.Path(dir_okay=False), metavar="FILE.jsonl",
              help="Compare the pairs of a JSON Lines file: one {id, premise, hypothesis} object per line.")
@output_options(list(VERDICT_FORMATS), "text",
                "text: one readable line per pair; jsonl: {id, verdict, rule, explanation, similarity}. "
                "Optionally with a destination file; repeatable (-f jsonl:verdicts.jsonl). [default: text]")
@click.option("--select", multiple=True, metavar="CODE|GROUP", help="Run only these rules (a comma list, repeatable).")
@click.option("--ignore", multiple=True, metavar="CODE|GROUP", help="Skip these rules (a comma list, repeatable).")
@click.option("--threshold", type=click.FloatRange(0.0, 1.0, min_open=True), metavar="FLOAT",
              help="Similarity below which a pair without findings is 'unrelated'. [default: 0.5]")
@click.option("--model", metavar="PATH|NAME", help="Embedding model (default: the bundled all-MiniLM-L6-v2).")
@click.option("--backend", type=click.Choice(BACKENDS), help="Embedding backend. [default: auto]")
@device_option
@confidence_option
@config_option
@click.option("--nli-model", metavar="PATH", type=click.Path(),
              help="A local CrossEncoder NLI model judging candidate pairs no rule flagged (off by default).")
@click.option("-q", "--quiet", is_flag=True,
              help="Accepted as in check (there is no progress to hide); input problems and errors are still shown.")
def compare(claims, pairs_file, formats, output, select, ignore, threshold, model, backend, device, min_confidence,
            config_file, nli_model, quiet) -> int:
    """Compare two claims (A B), or every pair of --pairs FILE.jsonl.

    Verdicts: conflict (a rule found one), update (a cumulative count reported later),
    consistent (similar claims, no conflict) or unrelated (not similar enough to compare).
    Exit codes: 0 no conflict, 1 at least one conflict, 2 usage or input error (bad rows of
    --pairs are listed as path:line: reason; the other pairs are still compared).
    """
    if pairs_file and claims:
        raise UsageError("give either two claims or --pairs FILE, not both")
    dests = parse_destinations(formats, output, list(VERDICT_FORMATS), "text")
    problems = []
    if pairs_file:
        pairs, problems = read_pairs(pairs_file)
        report_problems(problems)
        if not pairs:
            raise InputError(f"{pairs_file}: no pairs to compare",
                             hint="write one {\"id\": ..., \"premise\": ..., \"hypothesis\": ...} object per line")
    elif len(claims) == 2:
        for claim in claims:
            if text_problem(claim):
                raise UsageError(f"a claim {text_problem(claim).split(';')[0]}",
                                 hint="give the claims as UTF-8 text")
        pairs = [("1", claims[0], claims[1])]
    else:
        raise UsageError(f"compare needs two claims, got {len(claims)}",
                         hint="quote each claim: consistency compare \"A\" \"B\", or use --pairs FILE.jsonl")
    settings = settings_from(config_file=config_file, select=select, ignore=ignore, threshold=threshold,
                             model=model, backend=backend, device=device, min_confidence=min_confidence)
    results = api.compare_pairs(pairs, settings, nli_model=nli_model)
    deliver(dests, lambda fmt, out, _stdout: VERDICT_FORMATS[fmt](results, out, bool(pairs_file)))
    if problems:
        return EXIT_ERROR
    return EXIT_CONFLICTS if any(r.verdict == "conflict" for r in results) else EXIT_OK
