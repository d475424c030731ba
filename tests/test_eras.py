"""Figures of an earlier event recalled by an explicit time: an undated story recalls earlier events
of its kind by a year, a month or "last year" ("In March, a gale felled eleven lines"), and their
figures are not the story's own (timed by a weekday or not at all), nor each other's when the
years differ (`consistency.rules.compare.apart`, "a figure of another time"; `frames.own_eras`,
`slots.era_time`); a like event placed in another country is recalled too ("different places",
`compare._abroad`). Cases in tests/data/eras/cases.jsonl, written for these tests in our own
words: each lists documents, value pairs that must not be flagged (``apart``) and pairs that must
still be (``conflict``)."""

from __future__ import annotations

import pytest
from cases import assert_case, frame_at, read_cases

from consistency.rules.frames import Era, own_eras

CASES = read_cases("eras", "cases.jsonl")


@pytest.mark.parametrize("case", CASES, ids=[c["id"] for c in CASES])
def test_figures_of_recalled_events_are_apart(case, tmp_path, embedder, request):
    assert_case(case, tmp_path, embedder, request)


OWN = [
    ("In March, eleven power lines were felled by a gale.", "eleven", (Era(month=3),)),
    ("A gale struck the coast in 1994, flattening barns and killing 30 cattle.", "30", (Era(year=1994),)),
    ("The truce collapsed on 12 March 2011, when fighters stormed the post and killed seven guards.", "seven",
     (Era(year=2011, month=3),)),
    ("Last year a 7.1-magnitude quake struck off the coast.", "7.1-magnitude", (Era(back=1),)),
    ("Earlier this year, five ferries were withdrawn from the route.", "five", (Era(back=0),)),
    ("Okafor tore a hamstring in October and missed 11 matches.", "11", ()),
    ("A knee injury in September kept Lorne out of 10 games.", "10", ()),
    ("Nine guards have been killed since the fighting began in June.", "Nine", ()),
    ("Strong winds brought down four power lines on Thursday.", "four", ()),
]


@pytest.mark.parametrize("text,number,eras", OWN, ids=[f"{n.split()[0]}-{len(e)}" for _, n, e in OWN])
def test_the_earlier_time_of_a_figures_own_event(text, number, eras, tmp_path):
    assert own_eras(frame_at(tmp_path, text, number)) == eras


def test_a_like_event_in_another_country_is_recalled(tmp_path):
    from consistency.rules.compare import apart

    story = frame_at(tmp_path, "A powerful earthquake struck central Chile on Saturday, killing 14 people.", "14")
    abroad = frame_at(tmp_path, "On Friday, more than 20 people were killed by an earthquake in northern Peru.",
                    "20")
    assert apart(abroad, story) == apart(story, abroad) == "different places"
    # a figure of the same country keeps comparing, a day apart or not
    home = frame_at(tmp_path, "On Friday, 17 people were killed by an earthquake in central Chile.", "17")
    assert apart(home, story) == ""


def test_a_date_of_the_event_noun_is_read_only_loosely(tmp_path):
    # too loose to place a figure (a misparsed subject can hold a month), enough to tell that a
    # figure is not of the story's present (tests/test_measures_apart.py: two accounts of one cyclone)
    f = frame_at(tmp_path, "A gale in 1991 flattened 70 barns along the Orrin coast.", "70")
    assert own_eras(f) == ()
    assert own_eras(f, adverbial=False) == (Era(year=1991),)
