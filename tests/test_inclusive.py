"""A count that says it includes one member the other side may leave out ("five people dead,
including the gunman"; "three killed, including himself") against a count one lower ("four people
were killed"): one toll counted with and without the man who fired, not a dispute
(`consistency.rules.compare.apart`, "one counts a member the other leaves out"). A count one
apart from another value, or one that names several members ("including two children"), still
compares. Cases in tests/data/inclusive/cases.jsonl, written for these tests in our own words."""

from __future__ import annotations

import pytest
from cases import assert_case, frame_at, read_cases

CASES = read_cases("inclusive", "cases.jsonl")


@pytest.mark.parametrize("case", CASES, ids=[c["id"] for c in CASES])
def test_a_count_with_one_member_more(case, tmp_path, embedder, request):
    assert_case(case, tmp_path, embedder, request)


MEMBERS = [
    ("The siege ended with five people dead, including the gunman.", "five", True),
    ("Three were killed, including himself, at the depot.", "Three", True),
    ("Seven people were hurt, including two children.", "Seven", False),
    ("Six people were hurt, including a boy of nine.", "Six", False),
    ("Four people were killed in the standoff.", "Four", False),
    ("The winger missed eight games, including the cup final.", "eight", False),
]


@pytest.mark.parametrize("text,number,inclusive", MEMBERS, ids=[t for t, _, _ in MEMBERS])
def test_the_member_a_count_includes_is_read_from_the_parse(text, number, inclusive, tmp_path):
    assert frame_at(tmp_path, text, number).slots.inclusive is inclusive
