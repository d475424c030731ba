"""One act told from its two ends, and a count whose own sentence names what it counts, stay
conflicts: the vetoes "different subjects" and "a count of nothing named" of `compare.apart` need
evidence of a difference (`consistency.rules.parties`), while two deals, two teams' points, rival
bids and a crowd against a capacity stay apart.

Each case of tests/data/parties/cases.jsonl is checked as a two-row claims dataset through
`api.check`, the way `benchmarks/conflicts.py --pairs` checks a pair file, with no cut-off (like
tests/test_vetoes_evidence.py): whether a rule finds the conflict, not how sure it is. The
sentences, names and places are ours, written for this test."""

from __future__ import annotations

import pytest
from cases import assert_pair_case, read_cases

CASES = read_cases("parties", "cases.jsonl")


@pytest.mark.parametrize("case", CASES, ids=[c["id"] for c in CASES])
def test_parties_of_one_act(case, tmp_path, embedder, request):
    assert_pair_case(case, tmp_path, embedder, request)
