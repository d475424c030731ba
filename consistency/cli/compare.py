"""``consistency compare A B`` / ``--pairs FILE.jsonl``: one verdict per pair of claims."""

from __future__ import annotations

import json
from pathlib import Path

import click

from .. import api
from ..config import BACKENDS
from ..errors import InputError, UsageError
from .app import EXIT_CONFLICTS, EXIT_OK
from .options import settings_from


@click.command()
@click.argument("claims", nargs=-1)
@click.option("--pairs", "pairs_file", type=click.Path(dir_okay=False), metavar="FILE.jsonl",
              help="Compare the pairs of a JSON Lines file: one {id, premise, hypothesis} object per line.")
@click.option("-f", "--format", "fmt", type=click.Choice(["text", "jsonl"]), default="text", show_default=True,
              help="text: one readable line per pair; jsonl: {id, verdict, rule, explanation, similarity}.")
@click.option("--select", multiple=True, metavar="CODE|GROUP", help="Run only these rules (repeatable).")
@click.option("--ignore", multiple=True, metavar="CODE|GROUP", help="Skip these rules (repeatable).")
@click.option("--threshold", type=click.FloatRange(0.0, 1.0, min_open=True), metavar="FLOAT",
              help="Similarity below which a pair without findings is 'unrelated'. [default: 0.5]")
@click.option("--model", metavar="PATH|NAME", help="Embedding model (default: the bundled all-MiniLM-L6-v2).")
@click.option("--backend", type=click.Choice(BACKENDS), help="Embedding backend. [default: auto]")
@click.option("--nli-model", metavar="PATH", type=click.Path(),
              help="A local CrossEncoder NLI model judging candidate pairs no rule flagged (off by default).")
def compare(claims, pairs_file, fmt, select, ignore, threshold, model, backend, nli_model) -> int:
    """Compare two claims (A B), or every pair of --pairs FILE.jsonl.

    Verdicts: conflict (a rule found one), update (a cumulative count reported later),
    consistent (similar claims, no conflict) or unrelated (not similar enough to compare).
    Exit codes: 0 no conflict, 1 at least one conflict, 2 usage or input error.
    """
    if pairs_file and claims:
        raise UsageError("give either two claims or --pairs FILE, not both")
    if pairs_file:
        pairs = read_pairs(Path(pairs_file))
    elif len(claims) == 2:
        pairs = [("1", claims[0], claims[1])]
    else:
        raise UsageError(f"compare needs two claims, got {len(claims)}",
                         hint="quote each claim: consistency compare \"A\" \"B\", or use --pairs FILE.jsonl")
    settings = settings_from(select=select, ignore=ignore, threshold=threshold, model=model, backend=backend)
    results = api.compare_pairs(pairs, settings, nli_model=nli_model)
    for r in results:
        if fmt == "jsonl":
            click.echo(json.dumps({"id": r.id, "verdict": r.verdict, "rule": r.rule,
                                   "explanation": r.explanation, "similarity": r.similarity}, ensure_ascii=False))
        else:
            rule = f" {r.rule}" if r.rule else ""
            label = f"{r.id}: " if pairs_file else ""
            click.echo(f"{label}{r.verdict}{rule}: {r.explanation}")
    return EXIT_CONFLICTS if any(r.verdict == "conflict" for r in results) else EXIT_OK


def read_pairs(path: Path) -> list[tuple[str, str, str]]:
    """(id, premise, hypothesis) rows of a JSON Lines file; a bad row is an error naming its line."""
    if not path.is_file():
        raise InputError(f"pairs file not found: {path}", hint="give a JSON Lines file with id, premise, hypothesis")
    out = []
    with path.open(encoding="utf-8") as fh:
        for number, line in enumerate(fh, start=1):
            if not line.strip():
                continue
            try:
                row = json.loads(line)
            except json.JSONDecodeError as exc:
                raise InputError(f"{path}:{number}: not valid JSON ({exc.msg})",
                                 hint="write one JSON object per line") from None
            if not isinstance(row, dict) or not all(isinstance(row.get(k), str) for k in ("premise", "hypothesis")):
                raise InputError(f"{path}:{number}: a row needs string fields 'premise' and 'hypothesis'",
                                 hint="write {\"id\": ..., \"premise\": ..., \"hypothesis\": ...} per line")
            out.append((str(row.get("id", number)), row["premise"], row["hypothesis"]))
    if not out:
        raise InputError(f"{path}: no pairs", hint="write one {id, premise, hypothesis} object per line")
    return out
