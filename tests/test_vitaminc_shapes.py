"""Evidence read as a whole (tests/data/vitaminc_shapes/pairs.jsonl, written before the code): in a
given pair, a claim's figure that another sentence or clause of the evidence states compatibly, as
the same measure, is not in conflict with a rival figure of another sentence; each pass case has
a nearby case that must stay flagged (the agreeing figure counts another thing, or no sentence
agrees). Checked as the sums pairs are (`tests.cases.assert_expected_rule`)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from tests.cases import assert_expected_rule, expect_param

DATA = Path(__file__).parent / "data" / "vitaminc_shapes" / "pairs.jsonl"
CASES = [json.loads(line) for line in DATA.read_text(encoding="utf-8").splitlines() if line.strip()]


@pytest.mark.parametrize("row", [expect_param(i, r) for i, r in enumerate(CASES, 1)])
def test_vitaminc_shape(row, embedder):
    assert_expected_rule(row, embedder)
