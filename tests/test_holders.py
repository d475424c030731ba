"""Whose number, and where: holders and places told apart on positive evidence only
(`consistency.rules.compare.apart`). Cases in tests/data/holders/cases.jsonl, written for these
tests: each lists documents, value pairs that must not be flagged (``apart``) and pairs that must
still be (``conflict``)."""

from __future__ import annotations

import pytest

from test_measures_apart import _assert_case, _cases, _frame

CASES = _cases("holders", "cases.jsonl")


@pytest.mark.parametrize("case", CASES, ids=[c["id"] for c in CASES])
def test_holders_and_levels(case, tmp_path, embedder):
    _assert_case(case, tmp_path, embedder)


SUBJECTS = _cases("holders", "subjects.jsonl")


@pytest.mark.parametrize("case", SUBJECTS, ids=[c["number"] for c in SUBJECTS])
def test_an_adverbial_participle_is_said_of_its_clause_subject(case, tmp_path):
    frame = _frame(tmp_path, case["text"], case["number"])
    assert frame.slots.actor == case["subject"]
