"""Which shock a figure is about: in a story of several shocks an undated article times each by
its weekday ("Thursday's tremor", "the first quake hit on Monday"), and figures of events on
weekdays more than a day apart are of different events (`consistency.rules.compare.apart`,
"different days of the week"; `consistency.rules.slots.own_time`). Cases in
tests/data/weekdays/cases.jsonl, written for these tests in our own words: each lists documents,
value pairs that must not be flagged (``apart``) and pairs that must still be (``conflict``)."""

from __future__ import annotations

import pytest
from cases import assert_case, frame_at, read_cases

from consistency.rules.frames import own_weekdays

CASES = read_cases("weekdays", "cases.jsonl")


@pytest.mark.parametrize("case", CASES, ids=[c["id"] for c in CASES])
def test_figures_of_shocks_on_other_weekdays_are_apart(case, tmp_path, embedder, request):
    assert_case(case, tmp_path, embedder, request)


OWN = [
    ("Thursday's milder tremor struck off the coast, roughly 40 kilometres south of the port.", "40 kilometres", {3}),
    ("The quake hit the coast on Monday about 90 kilometres from the port.", "90 kilometres", {0}),
    ("The quake that flattened homes on Saturday had a magnitude of 6.4.", "6.4", {5}),
    ("A quake rocked the valley on Sunday, killing 12 people.", "12", {6}),
    ("A tremor shook the valley on Thursday, days after a quake killed nine people.", "nine", set()),
    ("On Wednesday an inquest heard that the guard had been hit five times.", "five times", set()),
    ("The quake hit the coast last Monday about 90 kilometres from the port.", "90 kilometres", set()),
]


@pytest.mark.parametrize("text,number,days", OWN, ids=[f"{n.split()[0]}-{sorted(d)}" for _, n, d in OWN])
def test_the_weekday_of_a_figures_own_event(text, number, days, tmp_path):
    assert own_weekdays(frame_at(tmp_path, text, number)) == days
