"""Which event of a kind a figure is about when its own sentence does not say: its article tells
the event's day in another sentence ("A magnitude 5.1 earthquake shook the district on Tuesday.
The quake was centred 18 kilometres east of the town"), and figures of events the articles place on
days more than a day apart, or a day apart when an article tells another event of the kind on the
other's day, are of different events (`consistency.rules.events`). One quake whose magnitude or
toll outlets dispute stays a conflict. Cases in tests/data/events/cases.jsonl, written for these
tests in our own words: each lists documents, value pairs that must not be flagged (``apart``) and
pairs that must still be (``conflict``)."""

from __future__ import annotations

import pytest
from cases import assert_case, read_cases

CASES = read_cases("events", "cases.jsonl")


@pytest.mark.parametrize("case", CASES, ids=[c["id"] for c in CASES])
def test_figures_of_events_an_article_places_on_other_days(case, tmp_path, embedder, request):
    assert_case(case, tmp_path, embedder, request)
