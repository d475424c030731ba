"""The held-out news-style pairs (tests/data/heldout/pairs.jsonl, written before any rule tuning)
through `consistency check`: precision >= 0.95 and recall >= 0.90 on conflicts.

The evaluation code is benchmarks/conflicts.py (``--heldout`` prints the misses).
"""

from __future__ import annotations

import importlib.util
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def _bench():
    spec = importlib.util.spec_from_file_location("bench_conflicts", ROOT / "benchmarks" / "conflicts.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_heldout_precision_and_recall(embedder):
    bench = _bench()
    predictions = bench.heldout_predictions(embedder=embedder)
    assert len(predictions) >= 60
    labels = {row["label"] for row, *_ in predictions}
    assert {"conflict", "consistent", "update"} <= labels
    m = bench.heldout_scores(predictions)
    assert m["P"] >= 0.95, m
    assert m["R"] >= 0.90, m
    assert m["update_false"] == 0, m


def test_heldout_covers_every_rule():
    import json

    rows = [json.loads(line) for line in (ROOT / "tests/data/heldout/pairs.jsonl").read_text().splitlines() if line]
    from consistency.rules import all_rules

    codes = {r.code for r in all_rules() if not r.plugin}
    assert codes <= {row.get("rule") for row in rows}
