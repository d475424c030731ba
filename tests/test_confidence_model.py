"""The found-pair confidence as a check computes it, recorded for calibration
(`compare.RECORD`, ``benchmarks/calibrate.py --record``): the features a check scores a finding
by are the ones recorded, so a model refitted on them reproduces the check's confidence."""

from __future__ import annotations

from pathlib import Path

from consistency import api
from consistency.config import Settings
from consistency.rules import compare

DATA = Path(__file__).parent / "data" / "confidence_record"


def test_a_check_records_the_features_its_confidence_comes_from(embedder):
    compare.RECORD = []
    try:
        report = api.check(str(DATA), Settings(min_confidence=0.0), embedder=embedder)
        recorded = compare.RECORD
    finally:
        compare.RECORD = None
    conflicts = [f for f in report.findings if f.kind == "conflict" and f.rule == "NUM001"]
    assert conflicts, [f.explanation for f in report.findings]
    found = conflicts[0]
    mine = [x for fa, fb, x in recorded
            if {(fa.claim.id, fa.q.text), (fb.claim.id, fb.q.text)}
            == {(found.a.id, found.spans_a[0].text), (found.b.id, found.spans_b[0].text)}]
    assert mine, "the flagged pair was not recorded"
    assert all(len(x) == len(compare.FEATURES) for x in mine)
    assert round(compare.model(False).probability(mine[0]), 4) == found.confidence


def test_given_pairs_and_an_unset_recorder_record_nothing(embedder):
    assert compare.RECORD is None
    compare.RECORD = []
    try:
        findings = api.compare_texts("Four workers were taken to hospital after the warehouse fire.",
                                     "Six employees needed hospital treatment after the warehouse fire.",
                                     embedder=embedder)
        recorded = compare.RECORD
    finally:
        compare.RECORD = None
    assert any(f.kind == "conflict" for f in findings)
    assert recorded == []
