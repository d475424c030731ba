"""Whose number, and where: holders and places told apart on positive evidence only
(`consistency.rules.compare.apart`). Cases in tests/data/holders/cases.jsonl, written for these
tests: each lists documents, value pairs that must not be flagged (``apart``) and pairs that must
still be (``conflict``)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from consistency import api
from consistency.config import Settings
from test_measures_apart import _pairs

CASES = [json.loads(line) for line in (Path(__file__).parent / "data" / "holders" / "cases.jsonl")
         .read_text(encoding="utf-8").splitlines() if line.strip()]


@pytest.mark.parametrize("case", CASES, ids=[c["id"] for c in CASES])
def test_holders_and_levels(case, tmp_path, embedder):
    for n, text in enumerate(case["docs"]):
        (tmp_path / f"{n}.txt").write_text(text + "\n", encoding="utf-8")
    pairs = _pairs(api.check([str(tmp_path)], Settings(min_confidence=0.0), embedder=embedder))
    for x in case["apart"]:
        assert tuple(sorted(x)) not in pairs, (case["why"], pairs)
    for x in case["conflict"]:
        assert tuple(sorted(x)) in pairs, (case["why"], pairs)


SUBJECTS = [json.loads(line) for line in (Path(__file__).parent / "data" / "holders" / "subjects.jsonl")
            .read_text(encoding="utf-8").splitlines() if line.strip()]


@pytest.mark.parametrize("case", SUBJECTS, ids=[c["number"] for c in SUBJECTS])
def test_an_adverbial_participle_is_said_of_its_clause_subject(case, tmp_path):
    from consistency.rules.frames import frames

    (tmp_path / "a.txt").write_text(case["text"] + "\n", encoding="utf-8")
    claims, _ = api.extract([str(tmp_path / "a.txt")])
    [frame] = [f for c in claims for f in frames(c) if f.q.text == case["number"]]
    assert frame.slots.actor == case["subject"]
