"""A time offset ("eleven days earlier", "thirty minutes after the first shooting", "half a century
ago") says when something happened, counted from another event; it is not how long a state or an
act lasted ("four weeks in a clinic", "a 45-minute rampage"), so the two are no rival figures
(`consistency.rules.compare.apart`, "a time offset against a duration"). Two offsets, or two
durations, still compare. Cases in tests/data/offsets/cases.jsonl, written for these tests in our
own words."""

from __future__ import annotations

import pytest
from cases import assert_case, read_cases

CASES = read_cases("offsets", "cases.jsonl")


@pytest.mark.parametrize("case", CASES, ids=[c["id"] for c in CASES])
def test_a_time_offset_is_no_duration(case, tmp_path, embedder, request):
    assert_case(case, tmp_path, embedder, request)
