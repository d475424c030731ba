"""Figures that hold at a moment, compared across moments (`consistency.rules.moments`): an
amount of time remaining ("with three minutes left", "28 days remaining in office") reads a clock
at a moment, so it is no rival for a span of time ("a 10-second runoff", "take effect in 45
days"), nor for a reading of another moment of a report that reads the clock at several; a level
told with its change ("fell $1.80 to close at $31.20") implies the level before it, and two levels
whose earlier levels differ are of different periods. One moment told two ways still conflicts.
Cases in tests/data/moments/cases.jsonl, written for these tests in our own words: each lists
documents, value pairs that must not be flagged (``apart``) and pairs that must still be
(``conflict``)."""

from __future__ import annotations

import pytest
from cases import assert_case, read_cases

CASES = read_cases("moments", "cases.jsonl")


@pytest.mark.parametrize("case", CASES, ids=[c["id"] for c in CASES])
def test_figures_of_different_moments(case, tmp_path, embedder, request):
    assert_case(case, tmp_path, embedder, request)


READINGS = [
    ("The winner came with three minutes to go.", "three minutes", True),
    ("Only 45 seconds remained when Lind scored.", "45 seconds", True),
    ("Vance equalised with 2 minutes remaining in the second half.", "2 minutes", True),
    ("She said she had 28 days left in office.", "28 days", True),
    ("The remaining 10 minutes were played in the rain.", "10 minutes", False),
    ("Rescuers waited 20 minutes before the road was cleared.", "20 minutes", False),
    ("The ferry left 40 minutes late.", "40 minutes", False),
]


@pytest.mark.parametrize("text,number,left", READINGS, ids=[t for t, _, _ in READINGS])
def test_an_amount_remaining_is_read_from_the_parse(text, number, left):
    from consistency.parsing import parse
    from consistency.rules.moments import remaining

    start = text.index(number)
    p = parse(text)
    assert remaining(p, p.head_in(start, start + len(number))) is left
