"""Figures of something still going on, or marked as an earlier report: the running length of an
event told as going on or just ended ("after nine days of clashes", "so far in the 15 days of the
siege") against another report's length of it is the event's length at another time, not a rival
figure (`consistency.rules.running`); a figure the sentence scopes to early reports ("according to
early reports, ... four had died") is no rival of a later toll. Lengths of finished events told as
wholes, a state up to a fixed moment, and "initially" timing an event (not a report) still
conflict. Cases in tests/data/running/cases.jsonl, written for these tests in our own words."""

from __future__ import annotations

import pytest
from cases import assert_case, read_cases

CASES = read_cases("running", "cases.jsonl")


@pytest.mark.parametrize("case", CASES, ids=[c["id"] for c in CASES])
def test_figures_of_something_still_going_on(case, tmp_path, embedder, request):
    assert_case(case, tmp_path, embedder, request)
