"""The span a count is tallied over: a running total ("so far, the coast guard has impounded 27
nets", "has, thus far, seized a total of 64 rifles": a cumulative marker with a perfect) against one
occasion's count ("eleven nets were taken from the skiffs"): a total at least as large is no
rival figure (`consistency.rules.compare.apart`, "a running total against one occasion"), a smaller
one still is. A toll so far of one event (the fire's) and two tallies to date still compare. Counts
of games or seasons that are the spans of other tallies ("31 RBIs in 48 games", "Playing in a
combined 140 games, he had 88 RBIs", "in each of the last four seasons") are the spans of two
different tallies when those tallies differ (`compare._spans_of_other_tallies`); two spans of one
tally still compare. One play ("a 71-yard scoring run") against a larger total of its unit ("ran for
a total of 190 yards") is a part of it (`compare._one_item_of_total`); a longer play still conflicts.
A present tally ("has 48 catches") is no past occasion (tests/test_background.py). Cases in
tests/data/tallies/cases.jsonl, written for these tests in our own words."""

from __future__ import annotations

import pytest
from cases import assert_case, read_cases

CASES = read_cases("tallies", "cases.jsonl")


@pytest.mark.parametrize("case", CASES, ids=[c["id"] for c in CASES])
def test_the_span_a_count_is_tallied_over(case, tmp_path, embedder, request):
    assert_case(case, tmp_path, embedder, request)
