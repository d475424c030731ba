"""A figure against a strict bound at that very figure ("30 hours" / "more than 30 hours"):
between independent outlets (found pairs) the same figure, between the two texts of a given pair
a conflict (tests/data/tolerance/found_bounds.jsonl, written before the code). Each case also has
a bound well past the other figure nearby, which stays a conflict either way."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from tests.test_rules import rule_findings

DATA = Path(__file__).parent / "data" / "tolerance" / "found_bounds.jsonl"
CASES = [json.loads(line) for line in DATA.read_text(encoding="utf-8").splitlines() if line.strip()]


def _rules_firing(row: dict, embedder, given: bool) -> set[str]:
    return {f.rule for f in rule_findings(row, embedder=embedder, given=given) if f.kind == "conflict"}


@pytest.mark.parametrize("row", CASES, ids=[f"{i}-{r['found']}" for i, r in enumerate(CASES, 1)])
@pytest.mark.parametrize("given", [False, True], ids=["found", "given"])
def test_a_strict_bound_at_the_other_figure(row, given, embedder):
    fired = _rules_firing(row, embedder, given)
    expect = row["given" if given else "found"]
    assert (row["rule"] in fired) == (expect == "flag"), f"{row['note']} (given={given}, got {sorted(fired)})"
