"""What a count counts, read from its roles in the clause (`consistency.rules.counted`): a
frequency counts its predicate's occurrences ("detained four times" / "struck eleven times" are
counts of two events), the counted noun of one side may be the doer of the same act on the other
("raiders seized 14 sailors" / "seized 19 raiders"), and shares found by two inquiries of
different named makers are two samples. Two frequencies of one act, two counts of those one act
was done to, one maker's poll told twice and two agencies' tolls still compare. Cases in
tests/data/counted/cases.jsonl, written for these tests in our own words."""

from __future__ import annotations

import pytest
from cases import assert_case, read_cases

CASES = read_cases("counted", "cases.jsonl")


@pytest.mark.parametrize("case", CASES, ids=[c["id"] for c in CASES])
def test_counts_of_different_roles_or_instruments(case, tmp_path, embedder, request):
    assert_case(case, tmp_path, embedder, request)
