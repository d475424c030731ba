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
from recorded import scored_features
from test_wordnet import needs_data

CASES = [json.loads(line) for line in
         (Path(__file__).parent / "data" / "reworded" / "features.jsonl").read_text(encoding="utf-8").splitlines() if line]


def _features(tmp_path, a: str, b: str, embedder) -> dict[str, float]:
    return scored_features(tmp_path, a, b, embedder, date="2026-05-01")


@needs_data
@pytest.mark.parametrize("case", CASES, ids=[c["id"] for c in CASES])
def test_features_read_by_meaning(tmp_path, embedder, case):
    x = _features(tmp_path, case["a"], case["b"], embedder)
    assert x[case["feature"]] == case["value"], case["why"]
