"""A veto of `compare.apart` refuses a pair only on positive evidence of a difference: the
rewording of one conflict (a name written as a subject on one side and as a place on the other,
one act told actively and passively) keeps it a conflict, while pairs that do name two areas or
two parties stay apart.

Each case of tests/data/vetoes/cases.jsonl is checked as a two-row claims dataset through
`api.check`, the way `benchmarks/conflicts.py --pairs` checks a pair file, with no cut-off
(like tests/cases.check_texts): whether a rule finds the conflict, not how sure it is. The sentences, names
and places are ours, written for this test (docs/rules.md, "When two numbers are compared")."""

from __future__ import annotations

import pytest
from cases import assert_pair_case, read_cases

CASES = read_cases("vetoes", "cases.jsonl")


@pytest.mark.parametrize("case", CASES, ids=[c["id"] for c in CASES])
def test_a_veto_needs_evidence(case, tmp_path, embedder, request):
    assert_pair_case(case, tmp_path, embedder, request)
