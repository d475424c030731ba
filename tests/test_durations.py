"""What a duration is of: two lengths of time in one story conflict only when they time the same
thing. Cases in tests/data/durations/pairs.jsonl, written before the code in other outlets' words:
documents, value pairs that must not be flagged (``apart``: spans of different activities) and
reworded real disputes that must still be (``conflict``). Cases marked ``"written": "after"`` were
added after a first attempt's code (the others were written first); a case marked ``open`` is one no landed
mechanism solves yet (its reason says why), expected to fail, strictly."""

from __future__ import annotations

import pytest

from cases import assert_case, read_cases

CASES = read_cases("durations", "pairs.jsonl")


@pytest.mark.parametrize("case", CASES, ids=[c["id"] for c in CASES])
def test_durations_of_different_things_are_refused(case, tmp_path, embedder, request):
    assert_case(case, tmp_path, embedder, request)
