"""Two members of one kind told apart by opposed modifiers of one noun ("junior schools" /
"senior schools", "the eastern quarter" / "the western quarter": `consistency.rules.members`), and
the pairs whose modifiers are no such evidence (both members named on one side; modifiers that
differ without being opposed). Cases in tests/data/members/cases.jsonl, written for these tests in
our own words, checked as two-row claims datasets with no cut-off."""

from __future__ import annotations

import pytest
from cases import assert_pair_case, read_cases

CASES = read_cases("members", "cases.jsonl")


@pytest.mark.parametrize("case", CASES, ids=[c["id"] for c in CASES])
def test_members_of_one_kind(case, tmp_path, embedder, request):
    assert_pair_case(case, tmp_path, embedder, request)
