"""The confidence of a conflict found between two rows of a claims dataset (docs/rules.md,
"Confidence"): rows are their own population, scored by the rows model (fitted on VitaminC dev pooled
into one dataset, ``benchmarks/rows.py``), not by the found-pair model fitted on news, under whose
odds a clean reworded conflict between two rows fell under the default cut-off. Article sentences
keep the found-pair model.

The dataset (tests/data/rows/catalogue.csv) and what must be reported (catalogue.json) are ours,
written for this test with invented names."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest

from consistency import api
from consistency.config import Settings
from consistency.rules import compare

DATA = Path(__file__).parent / "data" / "rows"
EXPECTED = json.loads((DATA / "catalogue.json").read_text(encoding="utf-8"))


@pytest.fixture(scope="module")
def reported(tmp_path_factory, embedder):
    folder = tmp_path_factory.mktemp("rows")
    shutil.copy(DATA / "catalogue.csv", folder / "catalogue.csv")
    report = api.check([str(folder / "catalogue.csv")], Settings(), embedder=embedder)
    cutoff = api.min_confidence(Settings())
    return {frozenset((f.a.row_id, f.b.row_id)) for f in report.findings
            if f.kind == "conflict" and f.confidence >= cutoff}


def _cases(kind: str) -> list:
    """The cases of one kind; one with a fourth field is open (a strict xfail, the field says why)."""
    return [pytest.param(c, id=c[2], marks=pytest.mark.xfail(strict=True, reason=c[3])) if len(c) > 3
            else pytest.param(c, id=c[2]) for c in EXPECTED[kind]]


@pytest.mark.parametrize("case", _cases("conflict"))
def test_a_reworded_conflict_between_rows_is_reported(case, reported):
    assert frozenset(case[:2]) in reported, (case[2], reported)


@pytest.mark.parametrize("case", _cases("apart"))
def test_consistent_rows_are_not_reported(case, reported):
    assert frozenset(case[:2]) not in reported, (case[2], reported)


ARTICLE_A = "# Hall opens\n\nThe Weyland concert hall, which opened on Friday, seats 2,300 people, its owners said.\n"
ARTICLE_B = "# A new hall\n\nUp to 1,900 listeners can sit in the Weyland concert hall, the city said on Friday.\n"


def _scored(paths, embedder):
    """The one numeric finding's confidence, and the features and population `score` read."""
    compare.RECORD = []
    try:
        report = api.check([str(p) for p in paths], Settings(min_confidence=0.0), embedder=embedder)
        recorded = compare.RECORD
    finally:
        compare.RECORD = None
    found = [f for f in report.findings if f.rule == "NUM001"]
    assert len(found) == 1 and recorded, report.findings
    return found[0].confidence, recorded[0][2]


def test_an_article_pair_keeps_the_found_model_and_a_row_pair_takes_the_rows_model(tmp_path, embedder):
    (tmp_path / "a.md").write_text(ARTICLE_A, encoding="utf-8")
    (tmp_path / "b.md").write_text(ARTICLE_B, encoding="utf-8")
    confidence, x = _scored([tmp_path / "a.md", tmp_path / "b.md"], embedder)
    assert confidence == pytest.approx(compare.model(False).probability(x), abs=1e-4)

    rows = tmp_path / "rows.jsonl"
    rows.write_text("".join(json.dumps({"id": k, "text": t.split("\n\n")[1].strip()}) + "\n"
                            for k, t in (("a", ARTICLE_A), ("b", ARTICLE_B))), encoding="utf-8")
    confidence, x = _scored([rows], embedder)
    assert compare.model(False, rows=True) != compare.model(False)
    assert confidence == pytest.approx(compare.model(False, rows=True).probability(x), abs=1e-4)
