"""Figures reported together: one sentence gives one item with several of its figures ("an offer
of nine years and $150 million", "18 home runs and 64 RBIs", "11 rifles, 40 magazines and 600
rounds"). When every figure of one such bundle differs from every figure of the other side's, the
two describe two items (two offers, two seasons, two seizures), and none of their figures is
compared (`consistency.rules.bundles`, `compare.apart` "different items"). One agreeing figure (40
magazines on both sides, nine years at two sums, the same counts swapped between two nouns) makes
them one item told two ways, which still conflicts; so do figures of two predicates (killed and
injured) and a figure restated in another unit. Cases in tests/data/bundles/cases.jsonl, written
for these tests in our own words."""

from __future__ import annotations

import pytest
from cases import assert_case, read_cases

CASES = read_cases("bundles", "cases.jsonl")


@pytest.mark.parametrize("case", CASES, ids=[c["id"] for c in CASES])
def test_figures_reported_together_identify_their_item(case, tmp_path, embedder, request):
    assert_case(case, tmp_path, embedder, request)
