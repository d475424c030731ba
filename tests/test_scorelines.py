"""Scorelines and tallies read as one figure, the result of one game or vote
(`consistency.quantities.scores`): "4-2" and "four goals to two", "voted 8-3" and "by eight votes
to three" are one result told two ways; two different results of one game or vote conflict; the
results of two games do not. Cases in tests/data/scorelines/cases.jsonl, written for these tests
in our own words."""

from __future__ import annotations

import pytest
from cases import assert_case, read_cases

CASES = read_cases("scorelines", "cases.jsonl")


@pytest.mark.parametrize("case", CASES, ids=[c["id"] for c in CASES])
def test_a_result_of_one_game_or_vote(case, tmp_path, embedder, request):
    assert_case(case, tmp_path, embedder, request)
