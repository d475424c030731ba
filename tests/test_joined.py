"""Counts of two groups joined into one (`consistency.rules.joined`): a number before a noun
coordinated with a bare noun ("some 212 passengers and crew", "75 pupils and teachers") counts both
groups; against a count of one group alone it is no rival figure. Two counts of the same joined
groups still compare, and a conjunct with a number of its own ("four guards and two drivers")
leaves each count its own. Cases in tests/data/joined/cases.jsonl, written for these tests in our
own words."""

from __future__ import annotations

import pytest
from cases import assert_case, frame_at, read_cases

from consistency.rules.joined import joined

CASES = read_cases("joined", "cases.jsonl")


@pytest.mark.parametrize("case", CASES, ids=[c["id"] for c in CASES])
def test_a_count_of_joined_groups_is_no_rival_for_one_group(case, tmp_path, embedder, request):
    assert_case(case, tmp_path, embedder, request)


JOINED = [
    ("The ferry had some 212 passengers and crew aboard.", "212", "crew"),
    ("About 90 guests and staff members were led out of the hotel.", "90", "member"),
    ("The ferry flew its 180 passengers and half of the officers home.", "180", ""),  # "half of" counts the officers
    ("Officers said four guards and two drivers were hurt.", "four", ""),  # each group its own count
    ("Officers said four guards and a driver were hurt.", "four", ""),
    ("Searchers found nine rifles, 13 magazines, rockets and grenades.", "13", ""),  # a list of items
    ("The quake struck on Sunday, killing 12 people and flattening farms.", "12", ""),  # a second act
]


@pytest.mark.parametrize("text,number,other", JOINED)
def test_which_counts_take_a_joined_group(text, number, other, tmp_path):
    assert joined(frame_at(tmp_path, text, number)) == other
