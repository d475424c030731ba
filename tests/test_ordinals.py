"""An ordinal is not a fraction: "a fifth climber" is the fifth one found, "a fifth of the budget" a
share of it. Both are written "a fifth"; the parse tells them apart (the ordinal modifies the noun
after it, the fraction heads its own noun phrase), and only the fraction is a figure to compare
(`consistency.rules.frames`). Cases in tests/data/ordinals/cases.jsonl, written for these tests in
our own words: each lists documents, value pairs that must not be flagged (``apart``) and pairs
that must still be (``conflict``)."""

from __future__ import annotations

import pytest
from cases import assert_case, frame_at, read_cases

CASES = read_cases("ordinals", "cases.jsonl")


@pytest.mark.parametrize("case", CASES, ids=[c["id"] for c in CASES])
def test_an_ordinal_is_no_fraction_to_compare(case, tmp_path, embedder, request):
    assert_case(case, tmp_path, embedder, request)


ORDINALS = [
    ("Rescuers reached a fifth hiker before dark.", "a fifth", False),
    ("A third suspect was charged on Monday.", "A third", False),
    ("The club won a fourth straight title.", "a fourth", False),
    ("A fifth of the hikers were never found.", "A fifth", True),
    ("Turnout fell by a third.", "a third", True),
    ("A third said they would vote again.", "A third", True),
]


@pytest.mark.parametrize("text,number,fraction", ORDINALS, ids=[t for t, _, _ in ORDINALS])
def test_a_fraction_is_framed_and_an_ordinal_is_not(text, number, fraction, tmp_path):
    if fraction:
        assert frame_at(tmp_path, text, number).q.unit == "fraction"
    else:
        with pytest.raises(ValueError):
            frame_at(tmp_path, text, number)
