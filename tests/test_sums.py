"""Totals, parts and figures repeated on the other side (tests/data/sums/pairs.jsonl, written before the code):
sums of parts as intervals must not be flagged, a total the parts cannot make must be. Breakdowns
(tests/data/sums/breakdowns.jsonl, written before the code): a figure of the same value that counts
other people ("four pilots" beside "four firefighters") does not support a rival figure."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from tests.test_rules import findings_for

DATA = Path(__file__).parent / "data" / "sums"
CASES = [json.loads(line) for name in ("pairs.jsonl", "breakdowns.jsonl")
         for line in (DATA / name).read_text(encoding="utf-8").splitlines() if line.strip()]


def _case(i: int, row: dict):
    marks = [pytest.mark.xfail(strict=True, reason=row["known"])] if row.get("known") else []
    return pytest.param(row, marks=marks, id=f"{i}-{row['expect']}")


@pytest.mark.parametrize("row", [_case(i, r) for i, r in enumerate(CASES, 1)])
def test_sums_case(row, embedder):
    rules = {f.rule for f in findings_for(row, embedder=embedder)}
    if row["expect"] == "flag":
        assert row["rule"] in rules, f"should flag: {row['note']} (got {sorted(rules)})"
    else:
        assert row["rule"] not in rules, f"should not flag: {row['note']}"
