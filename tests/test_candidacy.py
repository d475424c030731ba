"""Pairs worded apart that count one thing under two names (tests/data/candidacy/cases.jsonl, our
own words and invented names): their sentences' cosine is under the grouping threshold, and the
second route to candidacy (`consistency.group.candidate_pairs` ``keys``: measures that agree by
meaning, `consistency.rules.wordnet.meanings`) still compares them. Each case is two rows of one
claims dataset; ``conflict`` value pairs must be flagged, ``apart`` ones not."""

from __future__ import annotations

import pytest
from cases import assert_case, read_cases

CASES = read_cases("candidacy", "cases.jsonl")


@pytest.mark.parametrize("case", CASES, ids=[c["id"] for c in CASES])
def test_measures_alike_under_the_threshold(case, tmp_path, embedder, request):
    rows = [{"id": f"r{n}", "text": text} for n, text in enumerate(case["docs"])]
    assert_case(case, tmp_path, embedder, request, rows=rows)
