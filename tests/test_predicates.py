"""Whose number and what happened to what it counts: two numbers of one story are refused as a
conflict on positive evidence that they measure different things (`consistency.rules.compare.apart`):
a holder named only by a pronoun, resolved from the article's preceding sentences, that differs
from the other side's; predicates that differ by meaning. Cases in tests/data/predicates/pairs.jsonl,
written for these tests before the code: documents, value pairs that must not be flagged
(``apart``) and reworded real disputes that must still be (``conflict``). A case marked ``open``
is one no landed mechanism solves yet (its reason says why); it is expected to fail, strictly, so
solving it shows."""

from __future__ import annotations

import pytest

from cases import assert_case, frame_at, read_cases

CASES = read_cases("predicates", "pairs.jsonl")


@pytest.mark.parametrize("case", CASES, ids=[c["id"] for c in CASES])
def test_different_measures_are_refused(case, tmp_path, embedder, request):
    assert_case(case, tmp_path, embedder, request)


PRONOUNS = read_cases("predicates", "pronouns.jsonl")


@pytest.mark.parametrize("case", PRONOUNS, ids=[c["text"][:30] for c in PRONOUNS])
def test_a_pronoun_holder_and_the_name_in_its_sentence(case, tmp_path):
    frame = frame_at(tmp_path, case["text"], case["number"])
    assert (frame.slots.pronoun, frame.slots.referent) == (case["pronoun"], case["referent"])


APPOSED = read_cases("predicates", "appositions.jsonl")


@pytest.mark.parametrize("case", APPOSED, ids=[c["text"][:30] for c in APPOSED])
def test_a_subject_named_by_its_apposition_is_that_person(case, tmp_path):
    """"a hiker, Nils Varga, fell 400 metres": the number is Varga's (`names.named_who`)."""
    from consistency.rules.names import named_who

    frame = frame_at(tmp_path, case["text"], case["number"])
    assert named_who(frame.slots) == case["who"]


RELATIVES = [
    # a relative clause with its own pronoun subject describes an object the main verb counts
    ("The Marenian Coast Guard seized nine smugglers, who were later handed over to port officials.", "nine",
     "seize", "Marenian Coast Guard"),
    # a reduced relative (no subject of its own) is still the predicate
    ("Rescuers reached the 14 miners trapped below the surface.", "14", "trap", ""),
]


@pytest.mark.parametrize("text,number,predicate,subject", RELATIVES, ids=[r[1] for r in RELATIVES])
def test_a_relative_clause_of_a_counted_object_is_not_its_predicate(text, number, predicate, subject,
                                                                     tmp_path):
    slots = frame_at(tmp_path, text, number).slots
    assert (slots.predicate, slots.subject) == (predicate, subject)


LEMMAS = read_cases("predicates", "lemmas.jsonl")


@pytest.mark.parametrize("case", LEMMAS, ids=[c["text"][:30] for c in LEMMAS])
def test_a_participle_of_a_short_stem_keeps_its_e(case, tmp_path):
    """spaCy's rule lemmatizer read "fined" as "fin" and "rated" as "rat" (`parsing.base_form`): the
    predicate of the number is the verb as written."""
    assert frame_at(tmp_path, case["text"], case["number"]).slots.predicate == case["predicate"]
