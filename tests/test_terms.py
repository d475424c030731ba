"""What a length of time measures (`consistency.rules.terms`): a term a court or a rule sets
against the time its holder's own act or state went on, and the length of one holder's event
against another's. Cases in tests/data/terms/cases.jsonl, written before the code, in other
outlets' words: documents, value pairs that must not be flagged (``apart``) and one term told two
ways that must still be (``conflict``)."""

from __future__ import annotations

import pytest
from cases import assert_case, read_cases

CASES = read_cases("terms", "cases.jsonl")


@pytest.mark.parametrize("case", CASES, ids=[c["id"] for c in CASES])
def test_lengths_of_different_measures_are_refused(case, tmp_path, embedder, request):
    assert_case(case, tmp_path, embedder, request)
