"""Who a figure is about, where the parse does not say it with a named subject: a club a columnist
reports making an offer, a name a bracketed figure follows, a person told by age, a navy named by
its nation, a pronoun whose name stands in the claim's own earlier sentence or is the reporting
verb's subject (`consistency.rules.slots`), and the vetoes that read them
(`consistency.rules.compare.apart`). Cases in tests/data/holders/owners.jsonl, written for these
tests in our own words: each lists documents, value pairs that must not be flagged (``apart``)
and pairs that must still be (``conflict``)."""

from __future__ import annotations

import pytest

from cases import assert_case, frame_at, read_cases, slots_at

CASES = read_cases("holders", "owners.jsonl")


@pytest.mark.parametrize("case", CASES, ids=[c["id"] for c in CASES])
def test_whose_figure(case, tmp_path, embedder):
    assert_case(case, tmp_path, embedder)


def test_a_reported_clause_without_a_subject_takes_the_reporting_verbs_object():
    # the parse reads "the Gulls team ..." as what Vance reported, and "offered" without a subject
    s = slots_at("Vance reported the Gulls team of owner Ray Dunn and coach Sam Orr offered Lind a nine - year "
               "deal .", "nine - year")
    assert s.actor == "Gulls"


def test_a_figure_in_brackets_after_a_name_is_that_names():
    s = slots_at("The Gulls ( six years , $ 90 million ) and the Foxes ( nine years , $ 130 million ) have "
               "both made offers to Lind .", "nine years")
    assert s.actor == "Foxes"


def test_a_person_told_by_age_and_a_name_with_an_age():
    s = slots_at("The 41 - year - old , who had been staying in Darnby , slipped and fell about 300 metres .",
               "300 metres")
    assert "age:41" in s.traits
    s = slots_at("Ivo Marsh , 29 , fell about 90 metres on his way up to the Tarrel hut .", "90 metres")
    assert "age:29" in s.traits


def test_a_pronoun_names_the_claims_earlier_sentence():
    text = "What would your pension be worth under Karl Brandt? His tax plan would cut pensions by $40bn."
    s = slots_at(text, "$40bn")
    assert (s.pronoun, s.referent) == ("his", "Karl Brandt")


def test_it_in_a_reported_clause_is_the_reporter():
    s = slots_at("A radio station said the Dutch Royal Navy says it has captured nine smugglers .", "nine")
    assert (s.pronoun, s.referent) == ("it", "Dutch Royal Navy")
    # an expletive "it" or one no name reports stays unresolved
    assert slots_at("It is likely that he will get nine carries on Saturday .", "nine").referent == ""
    # the subject of a copula is what is described, not the reporter
    assert slots_at("Radio Varna claims it was nine years and $ 40 million .", "nine years").referent == ""


def test_the_same_name_with_another_age_is_one_person(tmp_path):
    # "31-year-old Ivo Marsh" and "Ivo Marsh, 32" are one man whatever each report says his age is
    a = frame_at(tmp_path, "On Sunday 31 - year - old Ivo Marsh fell 700 metres from the ridge .", "700 metres")
    b = frame_at(tmp_path, "Ivo Marsh , 32 , fell about 2,000 feet on Sunday , police said .", "2,000 feet")
    from consistency.rules.compare import apart

    assert ("age:31" in a.slots.traits, "age:32" in b.slots.traits) == (True, True)
    assert apart(a, b) == ""


def test_a_participle_of_a_noun_is_said_of_the_verb_that_governs_the_noun():
    # "imposed" has no subject; the sentence it qualifies is the one Dorn was serving
    s = slots_at("Mr . Dorn died while serving a nine - year sentence imposed in 2001 .", "nine - year")
    assert s.actor == "Dorn"


def test_a_pronoun_subject_of_an_adverbial_participles_clause():
    s = slots_at("He died after falling 60 metres from the east ridge .", "60 metres")
    assert s.pronoun == "he"


def test_a_pronouns_name_against_another_clauses_named_subject(tmp_path):
    from consistency.rules.compare import apart

    offer = frame_at(tmp_path, "Kestrels general manager Tomas Varn says he would go past nine years for "
                   "Dario Vance .", "nine years")
    other = frame_at(tmp_path, "Omar Lisle is close to finalizing a deal with the Pelicans for the next seven "
                   "years .", "seven years")
    own = frame_at(tmp_path, "The Kestrels have offered Dario Vance seven years .", "seven years")
    assert (offer.slots.pronoun, other.slots.clause_name) == ("he", "Omar Lisle")
    assert apart(offer, other) == "different holders"
    # the manager speaks for his club: a word of one name in the other claim is no evidence of two holders
    assert apart(offer, own) == ""
