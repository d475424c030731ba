"""Rows of a claims dataset about different things: with no article around a row, which rows may
be compared is read from the rows themselves (`consistency.stories.Stories.comparable`). Two rows
that share only a name most rows carry (the review site every row names) say nothing about being
one thing, also when their wording puts them in one story; rows that share a rarer name, or of
which one names nothing, are still compared.

Cases in tests/data/rows/cases.jsonl, written for these tests in our own words: each lists rows,
row pairs that must not be flagged (``apart``) and pairs that must still be (``conflict``); a
``crowd`` adds rows naming a common name (``count`` rows from ``template``, each about an
invented title of its own)."""

from __future__ import annotations

import itertools
import json

import pytest
from test_measures_apart import _cases

from consistency import api
from consistency.config import Settings

CASES = _cases("rows", "cases.jsonl")


def _titles(count: int) -> list[str]:
    """``count`` invented titles of two capitalised words ("Bakor Demi")."""
    syllables = ["ba", "de", "fi", "ko", "lu", "ma", "ne", "pi", "ro", "su", "ta", "vo"]
    words = [(a + b).capitalize() + "r" for a, b in itertools.permutations(syllables, 2)]
    return [f"{words[2 * k]} {words[2 * k + 1][:-1]}" for k in range(count)]


def _rows(case: dict) -> list[dict]:
    rows = [{"id": i, "text": t} for i, t in case["rows"]]
    crowd = case.get("crowd")
    if crowd:
        rows += [{"id": f"crowd-{k}", "text": crowd["template"].format(name=name, n=20 + 7 * k)}
                 for k, name in enumerate(_titles(crowd["count"]))]
    return rows


@pytest.mark.parametrize("case", CASES, ids=[c["id"] for c in CASES])
def test_rows_about_different_things(case, tmp_path, embedder):
    path = tmp_path / "rows.jsonl"
    path.write_text("".join(json.dumps(r) + "\n" for r in _rows(case)), encoding="utf-8")
    report = api.check([str(path)], Settings(min_confidence=0.0), embedder=embedder)
    flagged = {tuple(sorted((f.a.row_id, f.b.row_id))) for f in report.findings if f.kind == "conflict"}
    for x in case["apart"]:
        assert tuple(sorted(x)) not in flagged, (case["why"], flagged)
    for x in case["conflict"]:
        assert tuple(sorted(x)) in flagged, (case["why"], flagged)
