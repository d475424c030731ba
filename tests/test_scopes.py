"""Which occasions a count sums: a count over several named occasions ("in two dawn raids",
"across its three patrols") against a count of one of them (`consistency.rules.compare.apart`,
"a part of the whole"), and an area named by its kind in an apposition ("in Dolan, the worst-hit
district") against the whole event's count.
Cases in tests/data/scopes/cases.jsonl, written for these tests in our own
words: each lists documents, value pairs that must not be flagged (``apart``) and pairs that must
still be (``conflict``)."""

from __future__ import annotations

import pytest
from cases import assert_case, frame_at, read_cases

CASES = read_cases("scopes", "cases.jsonl")


@pytest.mark.parametrize("case", CASES, ids=[c["id"] for c in CASES])
def test_a_sum_over_occasions_and_one_of_them(case, tmp_path, embedder, request):
    assert_case(case, tmp_path, embedder, request)


OCCASIONS = [
    ("Detectives arrested 19 suspects in two dawn raids across the east side.", "19", "in two dawn raids"),
    ("During the five sorties it flew, the squadron downed 12 drones.", "12", "During the five sorties"),
    ("At the Harlow Street warehouse, detectives arrested seven suspects at dawn.", "seven", ""),
    ("The gunman fired 30 shots in two minutes.", "30", "in two minutes"),
    ("Ten of the 40 houses were flattened.", "Ten", ""),
    ("Seven guards, including two drivers, were hurt in the blast at the depot.", "Seven", ""),
    # what a count yielded, the line read the other way round
    ("Ostrander gained just 12 yards on eight carries in the loss.", "eight", "12 yards"),
    ("Ostrander had eight carries for 12 yards.", "eight", "for 12 yards"),
]


@pytest.mark.parametrize("text,number,occasions", OCCASIONS, ids=[n for _, n, _ in OCCASIONS])
def test_the_occasions_a_count_sums_are_read_from_the_parse(text, number, occasions, tmp_path):
    assert frame_at(tmp_path, text, number).slots.occasions == occasions
