"""A number that names which thing is meant: "a 12-year sentence", "the 13-inch laptop", "an 11-yard
pass". When both sides' numbers are such modifiers of one noun, two values are usually two items
(two sentences, two models, two passes), not a dispute (`consistency.rules.compare.apart`,
"different items"); the story's one quake, one report or one person's age still compares.
Cases in tests/data/items/cases.jsonl, written for these tests in our own words: each lists
documents, value pairs that must not be flagged (``apart``) and pairs that must still be
(``conflict``)."""

from __future__ import annotations

import pytest
from cases import assert_case, frame_at, read_cases

CASES = read_cases("items", "cases.jsonl")


@pytest.mark.parametrize("case", CASES, ids=[c["id"] for c in CASES])
def test_a_number_that_names_one_of_several_items(case, tmp_path, embedder, request):
    assert_case(case, tmp_path, embedder, request)


ITEMS = [
    ("The former union boss was serving a 14-year sentence for extortion.", "14-year", "sentence"),
    ("Orchard cut the price of the 15-inch laptop.", "15-inch", "laptop"),
    ("The 11-inch models start at $899.", "11-inch", "model"),
    ("A 5.8-magnitude quake shook Tarsen island before dawn.", "5.8-magnitude", "quake"),
    ("She served a two-term tenure as mayor of Kelby.", "two", "tenure"),
    ("Marco Feld was sentenced to 15 years in prison.", "15 years", ""),
    ("Five people were hurt in the crash.", "Five", ""),
]


@pytest.mark.parametrize("text,number,item", ITEMS, ids=[n for _, n, _ in ITEMS])
def test_the_item_a_number_names_is_read_from_the_parse(text, number, item, tmp_path):
    assert frame_at(tmp_path, text, number).slots.item == item
