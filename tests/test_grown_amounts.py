"""Amounts that only grow, as counts do (`consistency.quantities.running`): money collected "so far",
"to date" or "since" a launch, an area burnt "risen to" its figure. A larger amount reported on a
later day is an update (UPD001, kind "update"), not a conflict; a smaller one later, or two told on
the same day, still conflict (`consistency.rules.numeric`). Each case of
tests/data/grown_amounts/cases.jsonl is checked as a two-row claims dataset with no cut-off (as
`cases.assert_pair_case` checks one); its label is the kind of finding expected. The sentences,
names and places are ours, written for this test."""

from __future__ import annotations

import pytest
from cases import check_rows, read_cases

from consistency.config import load_settings

CASES = read_cases("grown_amounts", "cases.jsonl")


@pytest.mark.parametrize("case", CASES, ids=[c["id"] for c in CASES])
def test_a_later_larger_amount_that_only_grows_is_an_update(case, tmp_path, embedder, request):
    if case.get("open"):
        request.applymarker(pytest.mark.xfail(reason=case["open"], strict=True))
    report = check_rows(tmp_path, embedder, [{"id": side, **case[side]} for side in "ab"],
                        load_settings().replace(min_confidence=0.0))
    kinds = {f.kind for f in report.findings if f.kind in ("conflict", "update")}
    assert kinds == {case["label"]}, (case["why"], [f.explanation for f in report.findings])
