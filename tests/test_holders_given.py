"""Given pairs (`consistency compare`) that name one thing two ways: a review site and the film it
scores. Who a figure is about is read there from another clause than the figure's own
(`slots._subject_of`: a participle of a noun takes the subject of the verb that governs the
noun, or the receiver of that noun where the verb gives it). Pairs written for these tests in our
own words."""

from __future__ import annotations

from consistency import api
from consistency.parsing import parse
from consistency.rules.slots import read_slots

def test_a_rating_given_to_a_noun_is_that_nouns():
    # "gave the documentary a 71 % rating based on ...": the rating, and the reviews it rests on,
    # are the documentary's, not the giver's
    text = "The critics ' poll Reelcount gave the documentary a 71 % approval rating based on 52 reviews ."
    start = text.index("52")
    s = read_slots(parse(text), start, start + len("52"))
    assert s.actor == ""


def test_a_rating_given_to_a_noun_conflicts_with_the_named_films(embedder):
    premise = "The critics ' poll Reelcount gave the documentary a 71 % approval rating based on 52 reviews ."
    hypothesis = "Northern Reach scored 71 % from fewer than 45 reviews ."
    (result,) = api.compare_pairs([("1", premise, hypothesis)], embedder=embedder)
    assert result.verdict == "conflict", result.explanation
