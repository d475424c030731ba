"""Counts reworded on one side, checked as a two-row claims dataset at the default cut-off (the
CI-gating use, `benchmarks/conflicts.py --pairs`): tests/data/reworded_counts/cases.jsonl, our own
words and invented names. Each case lists value pairs that must not be flagged (``apart``) and
pairs that must be (``conflict``); both kinds are there for each reading.

- "N workers are to lose their jobs" (a be-to future: the predicate is the verb after "are to")
  counts the jobs a firm cuts, told of the people who lose them (`frames.same_kind`).
- A headline in capitals has counts: a capitalised word before a number names it only in running
  text (`quantities.identifiers`).
- In "took 14 of the 40 seats" the 40 is the whole, not what was taken (`slots`).
- "half of the 240 nurses" is 120 nurses (`numeric._share_of_whole`); "a quarter of the 64
  footbridges" is the rival of "40 of the 64 footbridges" (`numeric.share_rivals`), and "the 72 care
  homes" counts homes when the parser hangs the 72 on "care" (`slots._compounded`); "Of 50
  lifeboats checked, 12 had faulty radios" gives 12 of the 50 (`slots._fronted_whole`).
- A toll its source calls final is not updated by a later, larger one: they conflict
  (`numeric._update`).
- A live blog's "67' Attendance ..." opens with a minute of the match, not a length in feet.
"""

from __future__ import annotations

import pytest
from cases import assert_case, read_cases
from hypothesis import given, settings
from hypothesis import strategies as st
from test_quantities_properties import spell

from consistency.config import Settings
from consistency.quantities import extract_quantities

CASES = read_cases("reworded_counts", "cases.jsonl")


@pytest.mark.parametrize("case", CASES, ids=[c["id"] for c in CASES])
def test_reworded_counts(case, tmp_path, embedder, request):
    dates = case.get("dates") or ["2026-03-02"] * len(case["docs"])
    rows = [{"id": f"r{n}", "text": text, "date": date} for n, (text, date) in enumerate(zip(case["docs"], dates))]
    assert_case(case, tmp_path, embedder, request, rows=rows, settings=Settings())


def _read(text: str) -> list[tuple[str, str | None, float | None]]:
    return [(q.text, q.dimension, q.value) for q in extract_quantities(text)]


@pytest.mark.parametrize("text, want", [
    ("TELLROW MILLS TO SHED 430 STAFF AT DENBY PLANT", ("430", "count", 430.0)),
    ("Barely one in four adults in Kelby smokes.", ("one in four", "percent", 0.25)),
    ("Two hundred and ten people are to lose their jobs.", ("Two hundred and ten", "count", 210.0)),
])
def test_numbers_as_people_write_them(text, want):
    assert want in _read(text), _read(text)


@pytest.mark.parametrize("text", [
    "54' Crowd figure just in: 12,310 at Dellmoor Park for the cup tie.",
    "88' GOAL! Teller heads in from the corner.",
])
def test_a_live_blog_minute_is_no_length(text):
    assert all(d != "length" for _, d, _ in _read(text)), _read(text)


@pytest.mark.parametrize("text", ["The wall is 6' high.", "A 12' boat was found on the shore."])
def test_feet_stay_feet(text):
    assert any(d == "length" for _, d, _ in _read(text)), _read(text)



_WORDS = st.sampled_from(["Attendance", "GOAL", "Full", "Teller", "Crowd", "Penalty", "Half"])


@settings(max_examples=60, deadline=None)
@given(st.integers(1, 130), _WORDS)
def test_a_minute_mark_opening_a_line_is_never_a_length(minute, word):
    text = f"{minute}' {word} at Dellmoor Park: 12,310 here tonight."
    assert all(d != "length" for _, d, _ in _read(text)), _read(text)
    assert all(d == "length" for _, d, v in _read(f"The fence is {minute}' high.") if v == minute)


@settings(max_examples=60, deadline=None)
@given(st.integers(2, 99_999), st.sampled_from(["AXE", "SHED", "CREATE", "ADD"]))
def test_a_shouted_headline_keeps_its_count(n, verb):
    text = f"KESTON BREWERY TO {verb} {n:,} JOBS AT MILL ROAD SITE"
    assert (f"{n:,}", "count", float(n)) in _read(text), _read(text)


@settings(max_examples=60, deadline=None)
@given(st.integers(2, 9_999))
def test_a_count_in_words_reads_as_its_digits(n):
    words = spell(n)
    text = f"{words[0].upper()}{words[1:]} workers at the Fenby plant are to lose their jobs."
    assert (text[:len(words)], "count", float(n)) in _read(text), _read(text)
