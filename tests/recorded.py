"""The features a real check scores a pair of rows by: shared by the tests of `compare.features`."""

from __future__ import annotations

import json

from consistency import api
from consistency.config import Settings
from consistency.rules import compare


def scored_features(tmp_path, a: str, b: str, embedder, *, date: str) -> dict[str, float]:
    """The features a check of rows ``a`` and ``b`` (both dated ``date``) scored the pair's first
    numeric finding by (`compare.RECORD`)."""
    path = tmp_path / "pair.jsonl"
    path.write_text("".join(json.dumps({"id": k, "text": t, "date": date, "source": k}) + "\n"
                            for k, t in (("a", a), ("b", b))), encoding="utf-8")
    compare.RECORD = []
    try:
        api.check(str(path), Settings(min_confidence=0.0), embedder=embedder)
        recorded = compare.RECORD
    finally:
        compare.RECORD = None
    assert recorded, "no numeric pair was scored"
    return dict(zip(compare.FEATURES, recorded[0][2]))
