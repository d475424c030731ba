"""Given pairs (`consistency compare`) that name one thing two ways: a birth name and the name the
claim itself says the person is known by, an album and the artist it is by, a review site and
the film it scores, a record and the board that certified it. Who a figure is about is read there
from another clause than the figure's own
(`slots._subject_of`: a participle of a noun takes the subject of the verb that governs the
noun, or the receiver of that noun where the verb gives it), and that reading must not make the
pair two subjects (`compare._named_elsewhere`). Pairs written for these tests in our own words."""

from __future__ import annotations

import pytest

from consistency import api
from consistency.parsing import parse
from consistency.rules.slots import read_slots

#: (premise, hypothesis, verdict): one thing named two ways, and two things that stay two.
PAIRS = [
    # a birth name and the stage name the claim gives it
    (("Marta Velloso Quint ( born 3 April 1971 ) , known professionally as Kestrel , is a Chilean "
      "drummer and record producer ."), "Kestrel was born some years after 1975 .", "conflict"),
    (("Oskar Lyle ( born 9 October 1983 ) , better known by his stage name Tidewater , is a Welsh "
      "grime artist ."), "Tidewater was born on 2 October 1983 .", "conflict"),
    # an album and the artist it is by
    ("Salt Meridian is the second studio album by Corvin , released on May 3 , 2016 .",
     "Corvin released his Salt Meridian album after June 20 .", "conflict"),
    # a review site's score and the film the other side says it scores
    ("The review site Critiqo shows an 82 % score based on 64 reviews .",
     "On Critiqo , Varto Kell has a score of less than 60 % .", "conflict"),
    # a claim whose subject acted on the other side's: a singer and the album he released, a
    # board and the record it certified
    ("Tal Brenner released his second solo album , Driftwood , in 2016 .",
     "The album Driftwood was released before 2013 .", "conflict"),
    (("The Nordic Recording Industry Board ( NRIB ) certified The Harbour Tapes EP sextuple platinum for "
      "sales of over 210,000 units in Norway ."), "The Harbour Tapes EP sold fewer than 150,000 units in Norway .",
     "conflict"),
    # two people: neither claim names the other's name
    ("Edda Lorn ( born 2 May 1980 ) is a Danish rower and coach .",
     "Sigrun Holt was born in 1984 .", "no conflict"),
    # one claim names both, but each name is its own clause's subject: two players
    ("Marta Ilves pulled down 12 rebounds while Jonas Pell sat on the bench .",
     "Jonas Pell pulled down 14 rebounds .", "no conflict"),
    # the name apposed to the figure's own subject: two albums of one singer
    ("In 2015 , Nadia Fell released her first live album , Quiet Rooms .",
     "Nadia Fell 's fifth studio album , Blue Acre , was released in May 2017 .", "no conflict"),
]


@pytest.mark.parametrize("premise,hypothesis,verdict", PAIRS, ids=[p[1][:28] for p in PAIRS])
def test_one_thing_named_two_ways(premise, hypothesis, verdict, embedder):
    (result,) = api.compare_pairs([("1", premise, hypothesis)], embedder=embedder)
    assert (result.verdict == "conflict") == (verdict == "conflict"), result.explanation


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
