"""Figures read as a count of something they do not count (issue 11, the "misread" class of the
news findings): a count whose noun is left out ("eleven were rescued") set against a count of
another act, a count that is a part of the group its own sentence counts ("five more shells
struck: two hit the fuel store"), and a number that is part of a name ("the Karo Link 3 cable").
Cases in tests/data/misreads/cases.jsonl, written for these tests in our own words."""

from __future__ import annotations

import pytest
from cases import assert_case, read_cases

CASES = read_cases("misreads", "cases.jsonl")


@pytest.mark.parametrize("case", CASES, ids=[c["id"] for c in CASES])
def test_a_figure_is_read_as_what_it_counts(case, tmp_path, embedder, request):
    assert_case(case, tmp_path, embedder, request)


@pytest.mark.parametrize("text, number, measure, part", [
    # after an elaboration mark, a smaller number without a noun is a part of the earlier group
    ("Five more shells struck the Tarsen depot overnight: two hit the fuel store.", "two", "shells", True),
    # an of-phrase of a pronoun makes it a part too
    ("The quake damaged nine bridges near Oxley, three of which fell.", "three", "bridges", True),
    ("A crew of eleven sailors, four of them cadets, were rescued off Brindle.", "four", "sailors", True),
    # joined by "and", it stays a count of its own, without the other number's noun
    ("Three crew members were killed and five were injured when the crane toppled.", "five", "", False),
    # a larger number after the mark is no part of the group
    ("Two boats sank near Oxley: nine were towed back to port.", "nine", "", False),
])
def test_a_number_without_its_noun(tmp_path, text, number, measure, part):
    from cases import frame_at

    slots = frame_at(tmp_path, text, number).slots
    assert slots.measure == measure, slots
    assert ("part" in slots.qualifiers) == part, slots

