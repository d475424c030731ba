"""Figures tallied over a stretch of time reaching back before the story
(`consistency.rules.stretches`): "three times since February", "in the past 20 months", "since
2014", "in a run of trials beginning last April" sum occasions over a stretch the writer chose;
against a figure over no stretch or another one they are no rival figures. Two figures over one
stretch still compare, and so do tolls since a day of the story or over its last 24 hours. Cases
in tests/data/stretches/cases.jsonl, written for these tests in our own words."""

from __future__ import annotations

import pytest
from cases import assert_case, frame_at, read_cases

from consistency.rules.stretches import stretch

CASES = read_cases("stretches", "cases.jsonl")


@pytest.mark.parametrize("case", CASES, ids=[c["id"] for c in CASES])
def test_a_tally_over_an_earlier_stretch_is_no_rival_figure(case, tmp_path, embedder, request):
    assert_case(case, tmp_path, embedder, request)


STRETCHES = [
    ("Harbour police said Tomas Reyl had been detained three times since February.", "three times", "since"),
    ("Since 2014, the county attorney has brought 23 cases over unsecured guns.", "23", "since"),
    ("Eleven toddlers have been hurt by loaded handguns in the past 20 months.", "Eleven", "past"),
    ("The office handled nine cases involving children hurt in the last 18 months.", "nine", "past"),
    ("In a run of trials beginning last April, six members of the ring were convicted.", "six", "since"),
    ("Eleven toddlers have been hurt by loaded handguns in the past 20 months.", "20 months", None),  # the span
    ("Since Sunday, floods in the valley have killed 14 people.", "14", None),  # the story's own day
    ("In the past 24 hours, mudslides have killed 31 people.", "31", None),  # the story's own time
    ("The quake, the strongest in the past ten years, killed 40 people.", "40", None),  # another noun's stretch
]


@pytest.mark.parametrize("text,number,kind", STRETCHES)
def test_which_figures_are_tallied_over_an_earlier_stretch(text, number, kind, tmp_path):
    found = stretch(frame_at(tmp_path, text, number))
    assert (found[0] if found else None) == kind
