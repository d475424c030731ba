"""Figures read from the sentence's parse where a window of words reads them wrongly (issue #11):

- a comparison under a negation is the opposite bound: "no club offered more than nine years" is
  at most nine years, whether the negation is a ``neg`` word of the clause or a negative subject
  ("none", "no club") of the clause that holds the comparison, also through "is thought to" and
  "is said to";
- a particle of a phrasal verb ("hauled down 13 rebounds") is no change of a count, while a
  market move ("closed down 2.7 percent") stays one;
- a figure per occasion is one kind of figure in either wording ("per game", "a game").

The sentences are ours, written for these tests in other words than the code's docstrings."""

from __future__ import annotations

import math

import pytest
from cases import frame_at

from tests.test_rules import rule_findings

YEAR = 31_557_600.0  # the canonical year, in seconds


def _fired(a: str, b: str, embedder) -> set[str]:
    found = rule_findings({"a": a, "b": b}, embedder=embedder, given=False)
    return {f.rule for f in found if f.kind == "conflict"}


AT_MOST = [
    ("None of the rival bidders is thought to exceed nine years for the shortstop.", "nine years", 9),
    ("No club has put more than nine years on the table for the shortstop.", "nine years", 9),
    ("So far none of those proposals is said to run for more than six years.", "six years", 6),
    ("The Gulls' offer was not for more than nine years, his agent said.", "nine years", 9),
    ("Nobody in the league has offered him longer than nine years.", "nine years", 9),
]


@pytest.mark.parametrize("text,number,years", AT_MOST, ids=[n for n, *_ in enumerate(AT_MOST)])
def test_a_negated_comparison_is_an_upper_bound(tmp_path, text, number, years):
    f = frame_at(tmp_path, text, number)
    assert math.isclose(f.high, years * YEAR, rel_tol=1e-3) and f.low <= 0, (f.low, f.high, f.q.bound)
    assert f.q.bound == "upper" and not f.strict_high


AT_LEAST = [
    # no negation: the comparison is a lower bound
    ("The Gulls have put more than nine years on the table for the shortstop.", "nine years", "lower"),
    # the negation belongs to another clause
    ("Nobody was hurt, but more than 40 cars were damaged in the pile-up.", "40", "lower"),
    # the number is in the subject of the negated verb: more than 40 stayed on the ground
    ("More than 40 flights out of Tarrow did not leave on time.", "40", "lower"),
    # the number is inside the negative subject: none of a group of more than 40
    ("None of the more than 40 guests at the lodge was hurt.", "40", "lower"),
    # a span without an event: the negated verb's phrase of time is more than 30 years
    ("The valley has not been shaken by a quake in more than 30 years.", "30 years", "lower"),
    ("Orhan, who has not lost a bout in over five years, retired on Sunday.", "five years", "lower"),
    # "no more than" is the bound itself, read once
    ("No more than 40 guests were let into the lodge.", "40", "upper"),
    # "fewer than" alone is an upper bound
    ("Fewer than 30 runners in the field finished the course.", "30", "upper"),
    # a negated "fewer than" is a lower bound
    ("No runner in the field finished in fewer than three hours.", "three hours", "lower"),
]


@pytest.mark.parametrize("text,number,bound", AT_LEAST, ids=[n for n, *_ in enumerate(AT_LEAST)])
def test_a_comparison_keeps_its_bound_without_a_negation_over_it(tmp_path, text, number, bound):
    f = frame_at(tmp_path, text, number)
    assert f.q.bound == bound, (f.q.bound, f.low, f.high)
    if bound == "lower":
        assert math.isinf(f.high) and f.low > 0
    else:
        assert math.isfinite(f.high) and f.low <= 0


def test_an_offer_of_at_most_eight_years_allows_a_seven_year_deal(embedder):
    a = "No rival club is believed to have offered the shortstop more than eight years."
    b = "Harbour City has made the shortstop a seven-year offer, his agent confirmed."
    assert "DUR001" not in _fired(a, b, embedder)
    # the same bound without the negation still conflicts with the seven years
    plain = "Harbour City offered the shortstop more than eight years, his agent said."
    assert "DUR001" in _fired(plain, b, embedder)


@pytest.mark.parametrize("text,number", [
    ("Ilves hauled down 13 rebounds in the final against Eastport.", "13"),
    ("Against Eastport the rookie picked off four passes and pulled down six rebounds.", "six"),
])
def test_a_verb_particle_before_a_count_is_no_change(tmp_path, text, number):
    f = frame_at(tmp_path, text, number)
    assert f.q.kind == "level" and f.q.change is None, f.q


@pytest.mark.parametrize("text,number", [
    ("Shares in Corvane closed down 2.7 percent on Monday.", "2.7 percent"),
    ("Ferry fares went down 12 percent after the new pier opened.", "12 percent"),
    ("Orders at the mill were down 40 tonnes on the month.", "40 tonnes"),
])
def test_a_move_down_stays_a_change(tmp_path, text, number):
    f = frame_at(tmp_path, text, number)
    assert f.q.kind == "change" and f.q.change == "down", f.q


def test_rebounds_after_a_particle_compare_with_rebounds_had(embedder):
    a = "Ilves hauled down 13 rebounds in the final against Eastport."
    b = "In the final against Eastport, Ilves finished with nine rebounds."
    assert "NUM001" in _fired(a, b, embedder)


def test_points_per_game_and_points_a_game_are_one_figure(tmp_path, embedder):
    a = "Dalby is averaging 24.7 points per game for the Owls this season."
    b = "For the Owls this season Dalby is averaging 19.2 points a game."
    fa = frame_at(tmp_path, a, "24.7 points per game")
    fb = frame_at(tmp_path, b, "19.2 points a game")
    assert fa.family == fb.family and fa.q.per == fb.q.per == "game"
    assert "NUM001" in _fired(a, b, embedder)


def test_a_count_with_a_fraction_is_a_mean_not_one_occasions_count(embedder):
    # a figure of whole things written with decimals is a mean over occasions
    mean = "Across the season the Ravens' centre has taken 9.4 shots on goal."
    once = "The Ravens' centre took 12 shots on goal in Sunday's home game."
    assert "NUM001" not in _fired(mean, once, embedder)
    # a bare decimal against a count: "a mark of 20.2" is no count of eight things
    assert "NUM001" not in _fired("Ilves sits third on the club's career list at 20.2.",
                                  "Ilves began the night with 1,940 points, eight short of the club record.", embedder)
    # two means still compare
    assert "NUM001" in _fired(mean, "Over the season the Ravens' centre has taken 6.1 shots on goal.", embedder)
    # and a decimal before a scale word is a count in thousands or millions
    assert "NUM001" in _fired("The festival drew 1.5 million visitors to Tarrow this summer.",
                              "Some 3 million visitors came to the Tarrow festival this summer.", embedder)
