"""Tolerances and part readings (tests/data/tolerance/pairs.jsonl, written before the code): a part of a
group ("the other five") beside its whole, a looser bound in the second text of a given pair, an
approximate round figure that is itself rounded, "millions of dollars" as money, an estimate named as
replaced ("revised down from +0.5%"); each with a real conflict nearby that must stay flagged."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from tests.test_rules import findings_for

DATA = Path(__file__).parent / "data" / "tolerance" / "pairs.jsonl"
CASES = [json.loads(line) for line in DATA.read_text(encoding="utf-8").splitlines() if line.strip()]


def _case(i: int, row: dict):
    marks = [pytest.mark.xfail(strict=True, reason=row["known"])] if row.get("known") else []
    return pytest.param(row, marks=marks, id=f"{i}-{row['expect']}")


@pytest.mark.parametrize("row", [_case(i, r) for i, r in enumerate(CASES, 1)])
def test_tolerance_case(row, embedder):
    rules = {f.rule for f in findings_for(row, embedder=embedder)}
    if row["expect"] == "flag":
        assert row["rule"] in rules, f"should flag: {row['note']} (got {sorted(rules)})"
    else:
        assert row["rule"] not in rules, f"should not flag: {row['note']}"
