"""Tolerances and part readings (tests/data/tolerance/pairs.jsonl, written before the code): a part of a
group ("the other five") beside its whole, a looser bound in the second text of a given pair, an
approximate round figure that is itself rounded, "millions of dollars" as money, an estimate named as
replaced ("revised down from +0.5%"); each with a real conflict nearby that must stay flagged.
Checked as the sums pairs are (`tests.cases.assert_expected_rule`)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from tests.cases import assert_expected_rule, expect_param

DATA = Path(__file__).parent / "data" / "tolerance" / "pairs.jsonl"
CASES = [json.loads(line) for line in DATA.read_text(encoding="utf-8").splitlines() if line.strip()]


@pytest.mark.parametrize("row", [expect_param(i, r) for i, r in enumerate(CASES, 1)])
def test_tolerance_case(row, embedder):
    assert_expected_rule(row, embedder)
