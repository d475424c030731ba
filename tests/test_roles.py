"""A figure that counts within a role ("six seasons as the club's goalkeeping coach", read from the
parse: `consistency.rules.slots.Slots.role`) against a figure of another role or, when smaller,
of no role: spans of two jobs, or a part of a whole career, not rival counts
(`consistency.rules.compare.apart`, "different roles"). Two spans of one role, a larger part, and
an as-phrase that says what a thing is still compare. Cases in tests/data/roles/cases.jsonl,
written for these tests in our own words."""

from __future__ import annotations

import pytest
from cases import assert_case, read_cases

CASES = read_cases("roles", "cases.jsonl")


@pytest.mark.parametrize("case", CASES, ids=[c["id"] for c in CASES])
def test_spans_of_different_roles_are_not_compared(case, tmp_path, embedder, request):
    assert_case(case, tmp_path, embedder, request)
