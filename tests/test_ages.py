"""Ages of one person told at two moments of a criminal case (`consistency.rules.ages`): the age told
where the person is the one a verdict or sentence is pronounced on ("a jury convicted Dorian Vell,
35", "was sentenced") is of the case's end, and may exceed an age told of an earlier moment (the
arrest, a manhunt, a trial still to come) by the birthdays that can fall between, bounded by the
two stories' dates where both have them. Two ages of one moment, an age that shrinks, and a
victim's age named in a verdict clause still conflict.
Cases in tests/data/ages/cases.jsonl, written for these tests in our own words: each lists
documents, value pairs that must not be flagged (``apart``) and pairs that must still be
(``conflict``)."""

from __future__ import annotations

import pytest
from cases import assert_case, frame_at, read_cases

CASES = read_cases("ages", "cases.jsonl")


@pytest.mark.parametrize("case", CASES, ids=[c["id"] for c in CASES])
def test_ages_of_one_person_at_two_moments(case, tmp_path, embedder, request):
    assert_case(case, tmp_path, embedder, request)


READINGS = [
    ("A Kelby jury convicted Dorian Vell, 35, of murder.", "35", True),
    ("Anselm Roke, aged 43, was sentenced to 30 years in prison.", "43", True),
    ("Jurors found Ilka Vorn, 27, guilty of arson.", "27", True),
    ("Ilka Vorn, 27, pleaded guilty to arson on Monday.", "27", True),
    ("After a day of talks the panel acquitted the 61-year-old Wendel Ash of fraud.", "61-year-old", True),
    ("Detectives arrested 26-year-old Ilka Vorn at her home.", "26-year-old", False),
    ("Ansel Brisk, 39, pleaded not guilty to the robbery.", "39", False),
    ("A jury convicted Tobin Harl of killing 19-year-old Nessa Brandt.", "19-year-old", False),
    ("Prosecutors say 34-year-old Dorian Vell is due to stand trial in March.", "34-year-old", False),
]


@pytest.mark.parametrize("text,number,verdict", READINGS, ids=[n + str(v) for _, n, v in READINGS])
def test_an_age_told_at_the_verdict_is_read_from_the_parse(text, number, verdict, tmp_path):
    from consistency.rules import ages

    assert ages.at_verdict(frame_at(tmp_path, text, number)) is verdict
