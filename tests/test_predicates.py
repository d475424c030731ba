"""Whose number and what happened to what it counts: two numbers of one story are refused as a
conflict on positive evidence that they measure different things (`consistency.rules.compare.apart`):
a holder named only by a pronoun, resolved from the article's preceding sentences, that differs
from the other side's; predicates that differ by meaning. Cases in tests/data/predicates/pairs.jsonl,
written for these tests before the code: documents, value pairs that must not be flagged
(``apart``) and reworded real disputes that must still be (``conflict``)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from consistency import api
from consistency.config import Settings
from test_measures_apart import _pairs

CASES = [json.loads(line) for line in (Path(__file__).parent / "data" / "predicates" / "pairs.jsonl")
         .read_text(encoding="utf-8").splitlines() if line.strip()]


@pytest.mark.parametrize("case", CASES, ids=[c["id"] for c in CASES])
def test_different_measures_are_refused(case, tmp_path, embedder):
    for n, text in enumerate(case["docs"]):
        (tmp_path / f"{n}.txt").write_text(text + "\n", encoding="utf-8")
    pairs = _pairs(api.check([str(tmp_path)], Settings(min_confidence=0.0), embedder=embedder))
    for x in case["apart"]:
        assert tuple(sorted(x)) not in pairs, (case["why"], pairs)
    for x in case["conflict"]:
        assert tuple(sorted(x)) in pairs, (case["why"], pairs)
