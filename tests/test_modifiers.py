"""Modifiers of one measure noun that a claim of the check reports with numbers of their own
("152 rushing yards and 61 receiving yards", "two USB ports and four Thunderbolt ports") name
different measures everywhere in the check (`consistency.rules.compare.measure_contrasts`,
"different measures"); the same modifier with another value, or modifiers the check never sets
side by side ("masked men" / "armed men"), still compare. Cases in tests/data/modifiers/cases.jsonl,
written for these tests in our own words: each lists documents, value pairs that must not be
flagged (``apart``) and pairs that must still be (``conflict``)."""

from __future__ import annotations

import pytest
from cases import assert_case, frame_at, read_cases

CASES = read_cases("modifiers", "cases.jsonl")


@pytest.mark.parametrize("case", CASES, ids=[c["id"] for c in CASES])
def test_modifiers_the_check_reports_apart_are_other_measures(case, tmp_path, embedder, request):
    assert_case(case, tmp_path, embedder, request)


MODIFIERS = [
    ("Kinnaird gained 61 receiving yards against the Hawks.", "61", "yard", ("receiving",)),
    ("He finished with 140 yards rushing.", "140 yards", "yard", ("rushing",)),
    ("The notebook has two USB ports.", "two", "port", ("usb",)),
    ("Kinnaird had 95 yards in the game.", "95 yards", "", ()),
    # a count the yards are the yield of: "catches for", "on ... carries"
    ("Marlowe made 45 catches for 390 yards.", "390 yards", "yard", ("catch",)),
    ("She ran for 212 yards on 40 carries.", "212 yards", "yard", ("carry",)),
    ("Marlowe gained 98 rushing yards on 21 carries.", "98", "yard", ("carry", "rushing")),
    ("Marlowe ran for 80 yards on Sunday.", "80 yards", "", ()),
    ("Marlowe had 14 carries for 61 yards.", "14", "", ()),
]


@pytest.mark.parametrize("text,number,noun,modifiers", MODIFIERS, ids=[t for t, *_ in MODIFIERS])
def test_the_modifiers_of_a_measure_are_read_from_the_parse(text, number, noun, modifiers, tmp_path):
    slots = frame_at(tmp_path, text, number).slots
    assert (slots.modified, slots.modifiers) == (noun, modifiers)
