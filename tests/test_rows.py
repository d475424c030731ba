"""Rows of a claims dataset about different things: with no article around a row, which rows may
be compared is read from the rows themselves (`consistency.stories.Stories.comparable`). Two rows
that share only a name most rows carry (the review site every row names) say nothing about being
one thing, also when their wording puts them in one story; rows that share a rarer name, rows
dated near each other that share any name, and rows of which one names nothing are still compared.

Cases in tests/data/rows/cases.jsonl, written for these tests in our own words: each lists rows,
row pairs that must not be flagged (``apart``) and pairs that must still be (``conflict``); a row
is ``[id, text]`` or ``[id, text, date]``; a ``crowd`` adds rows naming a common name (``count``
rows from ``template``, each about an invented title of its own)."""

from __future__ import annotations

import itertools
import json

import pytest
from cases import read_cases

from consistency import api
from consistency.config import Settings

CASES = read_cases("rows", "cases.jsonl")


def _titles(count: int) -> list[str]:
    """``count`` invented titles of two capitalised words ("Bakor Demi")."""
    syllables = ["ba", "de", "fi", "ko", "lu", "ma", "ne", "pi", "ro", "su", "ta", "vo"]
    words = [(a + b).capitalize() + "r" for a, b in itertools.permutations(syllables, 2)]
    return [f"{words[2 * k]} {words[2 * k + 1][:-1]}" for k in range(count)]


def _rows(case: dict) -> list[dict]:
    rows = [{"id": row[0], "text": row[1], **({"date": row[2]} if len(row) > 2 else {})}
            for row in case["rows"]]
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


UNNAMED = [
    {"id": "lib-1", "text": "The Tarnby branch library lends 3,000 books a month."},
    {"id": "lib-2", "text": "The branch library lends 1,800 books every month."},
    {"id": "pier-1", "text": "The Osterholm pier is 410 metres long."},
    {"id": "pier-2", "text": "At 380 metres, the Osterholm pier is the longest on the coast."},
]


def test_the_summary_counts_conflicts_with_a_row_that_names_nothing(tmp_path):
    """A reviewer cannot tell what a row that names nothing is about ("the library"): the summary
    of the console script says how many conflicts have such a row, and points to docs/ci.md."""
    import os
    import subprocess
    import sys
    from pathlib import Path

    (tmp_path / "rows.jsonl").write_text("".join(json.dumps(r) + "\n" for r in UNNAMED), encoding="utf-8")
    env = {k: v for k, v in os.environ.items() if not k.startswith("CONSISTENCY_")}
    script = str(Path(sys.executable).parent / "consistency")
    done = subprocess.run([script, "check", "rows.jsonl", "--no-color", "-q"], cwd=tmp_path, env=env,
                          capture_output=True, text=True, timeout=600, check=False)
    assert done.returncode == 1, done.stderr
    out = " ".join(done.stdout.split())  # the summary wraps at the terminal's width
    assert "2 conflicts (2 new)" in out, out
    assert "1 conflict with a row that names nothing" in out and "(docs/ci.md)" in out, out
    done = subprocess.run([script, "check", "rows.jsonl", "-f", "json", "-q"], cwd=tmp_path, env=env,
                          capture_output=True, text=True, timeout=600, check=False)
    summary = json.loads(done.stdout)["summary"]
    assert (summary["conflicts"], summary["unnamed"]) == (2, 1), summary
