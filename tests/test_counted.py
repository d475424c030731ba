"""What a count counts, read from its roles in the clause (`consistency.rules.counted`): a
frequency counts its predicate's occurrences ("detained four times" / "struck eleven times" are
counts of two events), the counted noun of one side may be the doer of the same act on the other
("raiders seized 14 sailors" / "seized 19 raiders"), and shares found by two inquiries of
different named makers are two samples. Two frequencies of one act, two counts of those one act
was done to, one maker's poll told twice and two agencies' tolls still compare. Cases in
tests/data/counted/cases.jsonl, written for these tests in our own words."""

from __future__ import annotations

import pytest
from cases import assert_case, frame_at, read_cases

CASES = read_cases("counted", "cases.jsonl")


@pytest.mark.parametrize("case", CASES, ids=[c["id"] for c in CASES])
def test_counts_of_different_roles_or_instruments(case, tmp_path, embedder, request):
    assert_case(case, tmp_path, embedder, request)


EPITHETS = [  # (text, number, the noun whose occasions the number counts)
    ("Yet Dorsey coming back to the club where he was a four-time Gold Glove winner should not be a shock .",
     "four", "winner"),
    ("Tamsin Roe, a 6-time All-Star , signed with the Larks .", "6", "star"),
    ("Officers said Reyl had been arrested four times before .", "four times", "arrest"),
]


@pytest.mark.parametrize("text,number,counted", EPITHETS, ids=[c for _, _, c in EPITHETS])
def test_an_n_time_epithet_is_a_frequency_of_its_noun(text, number, counted, tmp_path):
    assert frame_at(tmp_path, text, number).slots.frequency == counted


def test_tallies_of_two_titles_count_different_events(tmp_path):
    from consistency.rules import compare, counted

    a = frame_at(tmp_path, "Yet Dorsey coming back to the club where he was a four-time Gold Glove winner "
                           "should not be a shock .", "four")
    b = frame_at(tmp_path, "Dorsey is also a five-time Silver Bat recipient .", "five")
    assert compare.apart(a, b) == counted.OTHER_EVENTS
