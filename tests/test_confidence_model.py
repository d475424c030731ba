"""The found-pair confidence as a check computes it, recorded for calibration
(`compare.RECORD`, ``benchmarks/calibrate.py --record``): the features a check scores a finding
by are the ones recorded, so a model refitted on them reproduces the check's confidence."""

from __future__ import annotations

import math
from pathlib import Path

from consistency import api
from consistency.config import Settings
from consistency.rules import compare

DATA = Path(__file__).parent / "data" / "confidence_record"


def _recording(call):
    """``call()``'s result and the (frame a, frame b, features) `compare.score` recorded meanwhile."""
    compare.RECORD = []
    try:
        result = call()
        return result, compare.RECORD
    finally:
        compare.RECORD = None


def _check(path, embedder):
    return _recording(lambda: api.check(str(path), Settings(min_confidence=0.0), embedder=embedder))


def test_a_check_records_the_features_its_confidence_comes_from(embedder):
    report, recorded = _check(DATA, embedder)
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
    findings, recorded = _recording(lambda: api.compare_texts(
        "Four workers were taken to hospital after the warehouse fire.",
        "Six employees needed hospital treatment after the warehouse fire.", embedder=embedder))
    assert any(f.kind == "conflict" for f in findings)
    assert recorded == []


def test_the_value_gap_compares_figures_in_one_unit(tmp_path, embedder):
    """The value gap a finding is scored by reads both figures on their canonical scale: "about one
    minute" against "around 15 seconds" is a gap of log 4, not log 15 (before the fix each figure
    was read in its own unit, so minutes against years looked close and seconds against minutes far)."""
    (tmp_path / "wire.md").write_text(
        "# Quake shakes Port Halden\n\nThe ground in Port Halden shook for about one minute during "
        "Sunday's earthquake, residents said.\n", encoding="utf-8")
    (tmp_path / "local.md").write_text(
        "# Earthquake rattles Port Halden\n\nIn Port Halden the shaking from Sunday's earthquake lasted "
        "around 15 seconds, the mayor's office said.\n", encoding="utf-8")
    _, recorded = _check(tmp_path, embedder)
    gap = compare.FEATURES.index("value_gap")
    gaps = {round(x[gap], 3) for fa, fb, x in recorded
            if {fa.q.text, fb.q.text} == {"one minute", "15 seconds"}}
    assert gaps == {round(math.log(4), 3)}, [(fa.q.text, fb.q.text, x[gap]) for fa, fb, x in recorded]


def test_a_fit_of_one_weight_holds_every_other_weight_where_it_was():
    """``calibrate.py --only``: one weight is fitted with the rest of the model a fixed offset.
    Invented candidates: the feature set on fires only on pairs judged no conflict."""
    import numpy as np
    from benchmark_module import benchmark

    calibrate = benchmark("calibrate")
    names = compare.FEATURES
    centre = np.array(compare.model(False).weights)
    rows = []
    for n in range(40):
        x = np.zeros(len(names))
        x[0] = 1.0
        x[names.index("sentence_sim")] = 0.4 + 0.01 * n
        x[names.index("kinds_differ")] = float(n % 4 == 0)
        rows.append((x, 0.0 if n % 4 == 0 else float(n % 3 == 0)))
    x = np.array([r[0] for r in rows])
    y = np.array([r[1] for r in rows])
    w = calibrate.fit(x, y, l2=1.0, center=centre, only=("kinds_differ",))
    moved = [name for name, a, b in zip(names, w, centre) if abs(a - b) > 1e-9]
    assert moved == ["kinds_differ"]
    assert w[names.index("kinds_differ")] < centre[names.index("kinds_differ")]


def test_a_rows_crowd_does_not_depend_on_the_neighbour_cap(tmp_path, embedder):
    """The rows model's crowd counts every claim a row is over the threshold with, the partners the
    neighbour cap left out too: a pair both checks compare scores the same under any cap."""
    rows = [("kiln-1", "The Brask kiln fires 300 bowls a week."),
            ("kiln-2", "Brask's kiln turns out 340 bowls each week."),
            ("kiln-3", "Each week the Brask kiln fires 280 bowls."),
            ("kiln-4", "The kiln at Brask fires 310 bowls weekly."),
            ("kiln-5", "Some 360 bowls a week come out of the Brask kiln."),
            ("kiln-6", "The Brask kiln fires 295 bowls every week.")]
    path = tmp_path / "kilns.jsonl"
    path.write_text("".join(f'{{"id": "{i}", "text": "{t}"}}\n' for i, t in rows), encoding="utf-8")

    def scores(cap: int) -> dict:
        report = api.check(str(path), Settings(min_confidence=0.0, max_neighbors=cap), embedder=embedder)
        return {f.fingerprint: f.confidence for f in report.findings}

    wide, narrow = scores(50), scores(2)
    both = wide.keys() & narrow.keys()
    assert both and len(narrow) < len(wide)
    assert {k: narrow[k] for k in both} == {k: wide[k] for k in both}
