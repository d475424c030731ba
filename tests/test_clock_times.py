"""Clock times of two events: two figures whose claims time what they report hours apart ("at 6:15
a.m." / "shortly after 11 p.m.") are about two events of a kind, a main shock and a later one, two
blasts (`consistency.rules.compare.apart`, "different times of day"); one event timed a few
minutes apart, or at one moment told in two time zones, still compares. Cases in
tests/data/clock/cases.jsonl, written for these tests in our own words: each lists documents,
value pairs that must not be flagged (``apart``) and pairs that must still be (``conflict``)."""

from __future__ import annotations

import pytest
from cases import assert_case, read_cases

from consistency.quantities.dates import clock_times

CASES = read_cases("clock", "cases.jsonl")


@pytest.mark.parametrize("case", CASES, ids=[c["id"] for c in CASES])
def test_figures_timed_hours_apart_are_of_two_events(case, tmp_path, embedder, request):
    assert_case(case, tmp_path, embedder, request)


CLOCKS = [
    ("The quake struck at 6:15 a.m. on Saturday.", [(375,)], None),
    ("It was felt shortly after 11 p.m.", [(1380,)], None),
    ("The blast came at 14:20 GMT.", [(860,)], 0),
    ("It hit at 9:20 a.m. EST.", [(560,)], -300),
    ("The tremor came at 10:05 CST.", [(605,)], -360),
    ("The ferry left at 7:30 and sank an hour later.", [(450, 1170)], None),
    ("The final score was 3-1.", [], None),
]


@pytest.mark.parametrize("text,minutes,offset", CLOCKS, ids=[t for t, _, _ in CLOCKS])
def test_clock_times_are_read_with_their_zone(text, minutes, offset):
    found = clock_times(text)
    assert [c.minutes for c in found] == minutes
    assert all(c.offset == offset for c in found)
