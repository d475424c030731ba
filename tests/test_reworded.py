"""Features of the found-pair confidence read by meaning, not by shared words
(tests/data/reworded/features.jsonl: pairs in another voice, invented names).

`compare.features` reads whether two sides name different actors (``subject_differs``,
``holder_differs``) as two by meaning: one group named twice in other words ("fire crews" /
"firefighters") is not two actors; "police" / "soldiers" are. A percentage's "of" names its
whole ("48% of voters"), not a part of a group, so it is no ``qualifier_mismatch``; "four of the
guards" against "seven guards" still is. The first of each pair failed before (the features read
shared words only)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from test_wordnet import needs_data

from consistency import api
from consistency.config import Settings
from consistency.rules import compare

CASES = [json.loads(line) for line in
         (Path(__file__).parent / "data" / "reworded" / "features.jsonl").read_text(encoding="utf-8").splitlines() if line]


def _features(tmp_path, a: str, b: str, embedder) -> dict[str, float]:
    """The features a check scored the pair's first numeric finding by (`compare.RECORD`)."""
    path = tmp_path / "pair.jsonl"
    path.write_text("".join(json.dumps({"id": k, "text": t, "date": "2026-05-01", "source": k}) + "\n"
                            for k, t in (("a", a), ("b", b))), encoding="utf-8")
    compare.RECORD = []
    try:
        api.check(str(path), Settings(min_confidence=0.0), embedder=embedder)
        recorded = compare.RECORD
    finally:
        compare.RECORD = None
    assert recorded, "no numeric pair was scored"
    return dict(zip(compare.FEATURES, recorded[0][2]))


@needs_data
@pytest.mark.parametrize("case", CASES, ids=[c["id"] for c in CASES])
def test_features_read_by_meaning(tmp_path, embedder, case):
    x = _features(tmp_path, case["a"], case["b"], embedder)
    assert x[case["feature"]] == case["value"], case["why"]
