"""Durations however they are written: a race time in clock notation ("1:04:12", "2:08.41"), a
tenure told by the year it began ("has run the brewery since 2011", read against the claim's own
date). Cases in tests/data/spans/pairs.jsonl, written before the code in our own words: dated rows,
value pairs that must not be flagged (``apart``: the same span in two units or rounded, a term
imposed against the time served, an age against years of service, a time of day) and reworded
disputes that must be (``conflict``)."""

from __future__ import annotations

import pytest
from cases import assert_case, read_cases

CASES = read_cases("spans", "pairs.jsonl")


@pytest.mark.parametrize("case", CASES, ids=[c["id"] for c in CASES])
def test_spans_as_written(case, tmp_path, embedder, request):
    rows = [{"id": f"r{n}", "text": text, "source": f"outlet {n}", "date": date}
            for n, (text, date) in enumerate(case["rows"])]
    assert_case(case, tmp_path, embedder, request, rows=rows)


def test_clock_notation_reads_an_amount_of_time():
    from consistency.quantities import extract_quantities

    [q] = [q for q in extract_quantities("She won in 2:24:51, a course record.") if q.dimension == "time"]
    assert q.text == "2:24:51" and abs(q.canonical_low - (2 * 3600 + 24 * 60 + 51)) < 1e-6
    [q] = [q for q in extract_quantities("He touched in 1:58.07 to win the final.") if q.dimension == "time"]
    assert abs(q.canonical_low - 118.07) < 1e-6
    # a fraction of a second is no time of day, whatever preposition leads it
    [q] = [q for q in extract_quantities("The descent was timed at 3:07.45 by the stewards.") if q.dimension == "time"]
    assert abs(q.canonical_low - 187.45) < 1e-6
    # a time of day, a score or a ratio is no length of time
    for text in ("The alarm sounded at 10:42:05 on Thursday.", "The train left at 7:15 pm.",
                 "They won 3:1 on aggregate.", "Doors opened at 9:30:00 GMT."):
        assert not [q for q in extract_quantities(text) if q.dimension == "time"], text


def test_a_tenure_since_a_year_is_read_against_the_claims_date():
    import datetime as dt

    from consistency.quantities import extract_quantities

    text = "Lind, who has run the brewery since 2011, will retire."
    [q] = [q for q in extract_quantities(text, doc_date=dt.date(2024, 2, 10)) if q.dimension == "time"]
    assert q.text == "since 2011" and 12 < q.low <= 13 < q.high <= 14.2  # a year more: counted inclusively
    assert not [q for q in extract_quantities(text) if q.dimension == "time"]  # no date: no length
    # a tally since a year, a past since, a year not before the claim's: no tenure
    for text in ("Since 2011, 23 suits have been filed.", "He ran the brewery since 2011 until he sold it.",
                 "She has run it since 2031."):
        assert not [q for q in extract_quantities(text, doc_date=dt.date(2024, 2, 10))
                    if q.dimension == "time"], text
