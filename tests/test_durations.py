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


def test_quarters_of_an_hour_in_words():
    """A quarter or three quarters of a unit of time in words ("an hour and a quarter", "a quarter of
    an hour", "three quarters of an hour") is that length, as "an hour and a half" is."""
    from consistency.quantities.extract import extract_quantities

    def read(text):
        return [(q.text, round(q.value, 3), q.unit) for q in extract_quantities(text)]

    assert read("The Skell crossing will take an hour and a quarter.") == [("an hour and a quarter", 1.25, "hour")]
    assert read("The Skell crossing took an hour and three quarters.") == [("an hour and three quarters", 1.75, "hour")]
    assert read("The queue at Skell moved after a quarter of an hour.") == [("a quarter of an hour", 0.25, "hour")]
    assert read("The queue at Skell took three quarters of an hour.") == [("three quarters of an hour", 0.75, "hour")]
    assert read("The queue at Skell took three-quarters of an hour.") == [("three-quarters of an hour", 0.75, "hour")]
