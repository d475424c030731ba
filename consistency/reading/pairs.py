"""Claim pairs for ``consistency compare --pairs``: JSON Lines, one ``{id, premise, hypothesis}``
object per line.

Read like a claims dataset: every bad row is a `Problem` (``path:line: reason``) and the
good rows are kept; a file that is not UTF-8 JSON Lines at all is one problem.
"""

from __future__ import annotations

from pathlib import Path

from ..errors import InputError
from ..records import Problem
from . import MAX_DATASET_BYTES, read_bytes
from .articles import encoding_problem
from .datasets import jsonl_rows
from .values import display_path, text_problem

Pair = tuple[str, str, str]  # (id, premise, hypothesis)


def read_pairs(path: str | Path) -> tuple[list[Pair], list[Problem]]:
    """The pairs of a JSON Lines file (a row without an id gets its line number) and its bad rows."""
    file = Path(path)
    where = display_path(str(file))
    if not file.exists():
        raise InputError(f"pairs file not found: {where}", hint="give a JSON Lines file with id, premise, hypothesis")
    data, problem = read_bytes(file, limit=MAX_DATASET_BYTES)
    if problem is None:
        problem = encoding_problem(data, where)
    if problem is not None:
        return [], [problem]
    problems: list[Problem] = []
    pairs: list[Pair] = []
    for line, row in jsonl_rows(data, where, problems):
        if not isinstance(row, dict) or not all(isinstance(row.get(k), str) for k in ("premise", "hypothesis")):
            problems.append(Problem(where, line, "a row needs string fields 'premise' and 'hypothesis'; write "
                                                 '{"id": ..., "premise": ..., "hypothesis": ...} per line'))
            continue
        pair_id = str(row.get("id", line))
        why = [f"'{name}' {text_problem(value)}" for name, value in
               (("id", pair_id), ("premise", row["premise"]), ("hypothesis", row["hypothesis"])) if text_problem(value)]
        if why:
            problems.append(Problem(where, line, "; ".join(why)))
            continue
        pairs.append((pair_id, row["premise"], row["hypothesis"]))
    return pairs, problems
