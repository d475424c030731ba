"""A count summed over several events against the count of one of them
(`consistency.rules.totals`): a toll whose event is plural or coordinated ("two raids on the camps
left 30 dead", "the weekend's shootings", "the bombing of the market and of the depot", "when
strikes hit three villages") is a whole, and the smaller toll of one event ("the raid on the
eastern camp killed 12") its part, not a rival figure. Two tolls of one event, two tolls of the
same several events, and a part larger than its whole still conflict. Cases in
tests/data/totals/cases.jsonl, written for these tests in our own words."""

from __future__ import annotations

import pytest
from cases import assert_case, frame_at, read_cases

CASES = read_cases("totals", "cases.jsonl")


@pytest.mark.parametrize("case", CASES, ids=[c["id"] for c in CASES])
def test_a_toll_of_several_events_and_one_of_them(case, tmp_path, embedder, request):
    assert_case(case, tmp_path, embedder, request)


EVENTS = [
    ("Two raids on the camps left 30 dead.", "30", "several"),
    ("Left behind by the raids, 30 bodies lay in the camp.", "30", ""),  # no count of the raids
    ("The raid on the eastern camp killed 12 people.", "12", "one"),
    ("Eleven people died in the raid on the camp.", "Eleven", "one"),
    ("The weekend's shootings left seven people wounded.", "seven", "plural"),
    ("Nine children were shot in separate incidents over the holiday.", "Nine", "plural"),
    ("The bombing of the Sarn market and of the bus depot killed 47 people.", "47", "several"),
    ("Sixty people were killed when strikes hit three villages.", "Sixty", "plural"),
    (("Monday was the siege's deadliest day, when the shelling of clinics being used as shelters and of flats"
      " killed 52 people."), "52", "several"),  # the parse hangs the second of-phrase on the participle
    ("Four separate shootings, which left two men dead, rocked the east side.", "two", "several"),
    ("Police arrested 14 people at the march.", "14", ""),  # no event of the count
    ("A woman of 60 was charged in the 1987 killings of a couple at a roadside diner.", "60", "plural"),  # a year
    ("Investigators looked into 14 shootings last year.", "14", ""),  # the counted noun is the event
]


@pytest.mark.parametrize("text,number,events", EVENTS, ids=[f"{n}-{e or 'none'}" for _, n, e in EVENTS])
def test_the_events_a_count_belongs_to_are_read_from_the_parse(text, number, events, tmp_path):
    assert frame_at(tmp_path, text, number).slots.events == events
