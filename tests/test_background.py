"""Background figures: a number a story dates in the past (another, earlier event) is not set
against the story's own undated figures, in crawls without publication dates too.

The sentences are ours, written for this test (docs/rules.md, "When two numbers are compared")."""

from __future__ import annotations

import json

import pytest

from consistency import api
from consistency.config import Settings

FIRST = (
    # The story's own figure, a clear conflict with SECOND's 5.6 (confidence ~0.28 where the floor is 0.05):
    # worded 'A magnitude 6.2 earthquake shook the hill district of Korvan', it scored 0.05-0.07, on the
    # floor, so whether it was flagged at all followed vector noise rather than the background rule.
    "An earthquake of magnitude 6.2 struck the Korvan district on Tuesday, the national seismology office said, "
    "cutting power to thousands of homes.\n\n"
    "In 2009 an earthquake that hit the Korvan district had a magnitude of 7.8 and killed 80 people.\n\n"
    "Four years ago an earthquake in the Korvan district had a magnitude of 7.1, the seismology office said.\n"
)
SECOND = (
    "The earthquake that hit the Korvan district had a magnitude of 5.6, according to the national seismology office.\n\n"
    "Officials said nobody died in the tremor, which damaged the district hospital.\n"
)


def _values(report):
    return {tuple(sorted((f.a.text[f.spans_a[0].start:f.spans_a[0].end], f.b.text[f.spans_b[0].start:f.spans_b[0].end])))
            for f in report.findings if f.rule == "NUM001"}


def test_background_figures_of_an_undated_crawl_are_not_compared(tmp_path, embedder):
    (tmp_path / "first.txt").write_text(FIRST, encoding="utf-8")
    (tmp_path / "second.txt").write_text(SECOND, encoding="utf-8")
    report = api.check([str(tmp_path)], Settings(min_confidence=0.0), embedder=embedder)
    values = _values(report)
    assert all(f.a.date is None and f.b.date is None for f in report.findings)  # no publication dates
    assert not any("7.8" in pair or "7.1" in pair for pair in values), values
    assert any("6.2" in pair and "5.6" in pair for pair in values), values  # the story's own figures still are



NAMED_BY_YEAR = (
    ("A 6.2-magnitude earthquake that struck the Korvan district on Tuesday left one child dead and dozens "
     "hurt in a region still scarred by the tsunami of 2011.\n"),
    ("The 2011 tsunami that killed about 9,000 people along the coast was triggered by a massive "
     "8.9-magnitude quake off Korvan.\n"),
    "A powerful 5.8 magnitude earthquake hit the Korvan district early on Tuesday, officials said.\n",
)


def test_a_figure_of_an_event_named_by_its_year_is_background(tmp_path, embedder):
    """"The 2011 tsunami ... triggered by a massive 8.9-magnitude quake": the year names the event
    ("the 2004 tsunami" in the news corpus) and dates its figures, as "In 2011, ..." does; read as
    neither a number nor a date, the old quake's magnitude was set against the story's own."""
    for n, text in enumerate(NAMED_BY_YEAR):
        (tmp_path / f"{n}.txt").write_text(text, encoding="utf-8")
    values = _values(api.check([str(tmp_path)], Settings(min_confidence=0.0), embedder=embedder))
    assert not any("8.9-magnitude" in pair for pair in values), values
    assert ("5.8 magnitude", "6.2-magnitude") in values, values  # the story's own figures still are


SEASONS = (
    ("Tillbury Hawks receiver Oren Vasko pulled in 71 catches last season, his best year since the club "
     "drafted him out of Glenmoor State.\n\n"
     "Vasko, 27, signed a new deal with the Hawks in March.\n"),
    ("The Hawks will be without Oren Vasko against Brackley on Sunday: the receiver hurt his knee at "
     "practice.\n\n"
     "Vasko has 48 catches in the Hawks' first eleven games this season.\n"),
)


def _write(folder, texts, date: str | None) -> None:
    """The texts as articles: plain files (no publication date), or rows of a JSONL file dated ``date``."""
    if date is None:
        for n, text in enumerate(texts):
            (folder / f"{n}.txt").write_text(text, encoding="utf-8")
        return
    rows = [{"id": f"r{n}", "text": text, "source": f"outlet {n}", "date": date}
            for n, text in enumerate(texts)]
    (folder / "rows.jsonl").write_text("".join(json.dumps(r) + "\n" for r in rows), encoding="utf-8")


@pytest.mark.parametrize("date", [None, "2025-11-20"])
def test_a_last_season_figure_is_background_to_this_seasons(tmp_path, embedder, date):
    """"71 catches last season" / "48 catches this season": a season recurs yearly, and the last one
    is another time than the story's own (`dates`: a relative date of year length), so its figure
    is no rival for this season's, in a crawl without dates and in dated articles."""
    _write(tmp_path, SEASONS, date)
    values = _values(api.check([str(tmp_path)], Settings(min_confidence=0.0), embedder=embedder))
    assert not any("71" in pair for pair in values), values


@pytest.mark.parametrize("date", [None, "2025-11-20"])
def test_this_seasons_figure_told_two_ways_is_a_conflict(tmp_path, embedder, date):
    """The same season told two ways by two outlets ("48 catches this season" / "this season he has
    caught 53 passes") is still one figure: "this season" is the story's present."""
    other = ("Oren Vasko of the Tillbury Hawks, out Sunday with a knee injury, has caught 53 passes so far "
             "this season.\n")
    texts = (SEASONS[1], other)
    _write(tmp_path, texts, date)
    values = _values(api.check([str(tmp_path)], Settings(min_confidence=0.0), embedder=embedder))
    assert ("48", "53") in values, values


OFF_SEASON = (
    ("The Fenwick Larks want to keep striker Nadia Orlov, who had 29 goals and 7 assists last season. With "
     "Fenwick she had 11 goals in 20 games after her move from Ashby in January.\n"),
    ("Nadia Orlov, the striker the Fenwick Larks hope to keep, had 29 goals and 7 assists. Orlov joined the "
     "Larks from Ashby in January.\n"),
)


@pytest.mark.parametrize("date", [None, "2025-12-02"])
def test_a_figure_dated_last_season_still_restates_an_undated_one(tmp_path, embedder, date):
    """Between seasons a story's figures are the last season's: one outlet dates "29 goals ... last
    season", another gives "29 goals" undated. The first article states the second's figure
    itself (`compare.restated`), so its own "11 goals in 20 games" (a part of that season) is
    not a rival for it; that its figure is dated and the other's is not is no evidence of two
    figures when the values and the measure are one."""
    _write(tmp_path, OFF_SEASON, date)
    values = _values(api.check([str(tmp_path)], Settings(min_confidence=0.0), embedder=embedder))
    assert ("11", "29") not in values, values
