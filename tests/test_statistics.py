"""A figure said to be an average (a mean or median over several occasions or things: "averaged
17.6 points", "an average of 14 goals", "on an average weekday", "the median price") is another
statistic than a count or amount of one occasion ("11 rebounds in Saturday's win"), not a rival
figure for it (`consistency.rules.compare.apart`, "different statistics"). Two averages, or two
counts, still compare. Cases in tests/data/statistics/cases.jsonl, written for these tests in our
own words."""

from __future__ import annotations

import pytest
from cases import assert_case, frame_at, read_cases

CASES = read_cases("statistics", "cases.jsonl")


@pytest.mark.parametrize("case", CASES, ids=[c["id"] for c in CASES])
def test_an_average_is_another_statistic(case, tmp_path, embedder, request):
    assert_case(case, tmp_path, embedder, request)


@pytest.mark.parametrize("text, number, statistic", [
    ("Through 14 games this winter, Okafor averaged 17.6 points to go with 7.4 rebounds.", "7.4", "average"),
    ("Over nine years the striker scored an average of 14 goals each campaign.", "14", "average"),
    ("The Halvik tram line carries 31,000 riders on an average weekday.", "31,000", "average"),
    ("The median of last quarter's home sales in Corwen was $412,000.", "$412,000", "median"),
    ("Critics at Tallis Reviews give the novel an average score of 71.", "71", ""),
    ("Okafor finished with 11 rebounds in Saturday's win over Marston.", "11", ""),
    # the span an average is taken over is no average itself
    ("The catcher has averaged 28 home runs in his seven seasons with the club.", "28", "average"),
    ("The catcher has averaged 28 home runs in his seven seasons with the club.", "seven", ""),
    # "mean" as a verb says what a figure amounts to, not which statistic it is
    ("The cut would mean $800 million less for the county's schools.", "$800 million", ""),
])
def test_the_statistic_a_figure_is(text, number, statistic, tmp_path):
    assert frame_at(tmp_path, text, number).slots.statistic == statistic
