"""A vague plural magnitude ("dozens of", "hundreds of", "thousands of", "tens of thousands of")
says at least that magnitude and sets no ceiling: 140 people are dozens of people, a crowd of
18,000 is thousands. A smaller count still disagrees ("dozens hurt" / "five hurt"). Cases in
tests/data/vague/cases.jsonl, written for these tests in our own words."""

from __future__ import annotations

import math

import pytest
from cases import assert_case, read_cases

from consistency.quantities.numbers import find_numbers

CASES = read_cases("vague", "cases.jsonl")


@pytest.mark.parametrize("case", CASES, ids=[c["id"] for c in CASES])
def test_a_vague_magnitude_has_no_ceiling(case, tmp_path, embedder, request):
    assert_case(case, tmp_path, embedder, request)


@pytest.mark.parametrize("text, low", [("dozens of", 12.0), ("hundreds of", 100.0), ("tens of thousands of", 1e4)])
def test_a_vague_magnitude_is_read_as_at_least(text, low):
    [n] = find_numbers(f"Officials said {text} people left.")
    assert (n.low, n.high) == (low, math.inf)
