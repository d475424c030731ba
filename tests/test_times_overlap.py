"""A veto of another time (`compare.apart`: "different dates", "a figure of another time", "a time
offset against a duration") holds only when the two times cannot overlap, read as intervals anchored
on each claim's date (`rules.intervals`, `dates.extract_dates`): a past weekday after a verb's
particle, a timetable's present ("starts on Monday"), a running count since an earlier day told on
the other report's day, a half of the year, an offset and a duration from one event. Two years, two
quarters, a running count against an earlier day's count and times after two events stay apart.

Each case of tests/data/times/cases.jsonl is checked as a two-row claims dataset through `api.check`
with no cut-off, as tests/test_vetoes_evidence.py checks its cases. The sentences, names and places
are ours, written for this test (docs/rules.md, "Times as intervals")."""

from __future__ import annotations

import pytest
from cases import assert_pair_case, read_cases

CASES = read_cases("times", "cases.jsonl")


@pytest.mark.parametrize("case", CASES, ids=[c["id"] for c in CASES])
def test_times_apart_only_when_they_cannot_overlap(case, tmp_path, embedder, request):
    assert_pair_case(case, tmp_path, embedder, request)


def test_dates_read_as_intervals():
    import datetime as dt

    from consistency.quantities.dates import extract_dates

    def days(text, written):
        return [(str(d.earliest or d.value), str(d.latest or d.value))
                for d in extract_dates(text, doc_date=dt.date.fromisoformat(written))]

    # a verb's particle is no future: last Tuesday, not next Tuesday
    assert days("A gale tore through Mossley on Tuesday.", "2025-10-15") == [("2025-10-14", "2025-10-14")]
    # a night named with a weekday reaches into the day after it, or the day before it
    assert days("A gale tore through Mossley late on Tuesday.", "2025-10-15") == [("2025-10-14", "2025-10-15")]
    assert days("The gale hit Mossley on Tuesday night.", "2025-10-15") == [("2025-10-14", "2025-10-15")]
    assert days("The gale hit Mossley in the early hours of Tuesday.", "2025-10-15") == [("2025-10-13", "2025-10-14")]
    # "through" right before the date bounds a span ahead: this coming Friday
    assert days("The ring road stays shut through Friday.", "2025-10-15") == [("2025-10-17", "2025-10-17")]
    assert days("Sales rose in the first half of the year.", "2025-09-04") == [("2025-01-01", "2025-06-30")]
    assert days("Output fell in the third quarter of 2024.", "2025-01-10") == [("2024-07-01", "2024-09-30")]
    assert days("Fees rose in the final quarter of last year.", "2025-03-01") == [("2024-10-01", "2024-12-31")]
    assert days("Ilsby led 2-0 in the first half.", "2025-03-01") == []  # a match's half names no year



def test_a_part_of_a_year_is_told_from_its_mention():
    """`dates.is_year_part`: a half or a quarter of a named year, asked of the mention itself (the time a
    figure accrued over, `frames._date_quantities`); a month, a day or a year alone is none."""
    import datetime as dt

    from consistency.quantities.dates import extract_dates, is_year_part

    said = extract_dates("The Varrow co-op shipped 4,100 crates over the second half of 2023 and cut 30 jobs "
                         "on 9 March, its worst week since June 2021.", doc_date=dt.date(2024, 4, 2))
    assert [(d.text, is_year_part(d)) for d in said] == [
        ("the second half of 2023", True), ("9 March", False), ("June 2021", False)]
