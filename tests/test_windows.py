"""Numbers that choose a window or a selection rather than measure the event
(`consistency.rules.windows`): a count whose noun a sequence word selects before the number
("14 of their next 19 matches", "nine of their last 12", "in his first three seasons", "in the
past four years") or a superlative ranks ("the nine hardest-hit hamlets") is the frame a writer
chose; against another such frame, or a window against a plain figure, it is no rival figure. A
ranked selection against a plain count still compares, and so does the length of a stay told
"for the past five weeks" and two tolls of "the last 24 hours". Cases in
tests/data/windows/cases.jsonl, written for these tests in our own words."""

from __future__ import annotations

import pytest
from cases import assert_case, frame_at, read_cases

CASES = read_cases("windows", "cases.jsonl")


@pytest.mark.parametrize("case", CASES, ids=[c["id"] for c in CASES])
def test_a_window_the_writer_chose_is_no_figure_of_the_event(case, tmp_path, embedder, request):
    assert_case(case, tmp_path, embedder, request)


WINDOWS = [
    ("The Harriers went on to win 14 of their next 19 games.", "19", "sequence"),
    ("The Harriers went on to win 14 of their next 19 games.", "14", ""),  # the figure the window frames
    ("It was the third outage at the plant in the past four years.", "four years", "sequence"),
    ("Osei led the Lanterns to the finals in his first three seasons.", "three", "sequence"),
    ("Aid convoys reached the nine worst-hit hamlets on Tuesday.", "nine", "ranked"),
    ("The storm flattened 11 hamlets in the valley.", "11", ""),
    ("An estimated 40,000 people marched through the capital.", "40,000", ""),  # one amount
    ("The singer had been hospitalized for the past five weeks.", "five weeks", ""),  # the stay's length
    ("The typical service life of such a pump is about six years.", "six years", ""),  # not the noun's number
    ("The first three were rescued by a trawler before dawn.", "three", "sequence"),  # the noun left out
    ("Three were rescued by a trawler before dawn.", "Three", ""),
    # the span a superlative is ranked within: the range the writer chose, not a length of the event
    ("Critics called it the costliest signing in the 40-year history of the Pell Road club.", "40-year", "sequence"),
    ("The bid was the largest fine in the regulator's 12 - year record, officials said.", "12 - year", "sequence"),
    ("He signed a 12-year deal with the Lanterns.", "12-year", ""),  # the deal's own length
    ("Osei has spent nine years in the longest-serving post at the club.", "nine years", ""),
]


@pytest.mark.parametrize("text,number,kind", WINDOWS)
def test_which_numbers_choose_a_window(text, number, kind, tmp_path):
    assert frame_at(tmp_path, text, number).slots.window == kind
