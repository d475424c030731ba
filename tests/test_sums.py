"""Totals, parts and figures repeated on the other side (tests/data/sums/pairs.jsonl, written before the code):
sums of parts as intervals must not be flagged, a total the parts cannot make must be. Breakdowns
(tests/data/sums/breakdowns.jsonl, written before the code): a figure of the same value that counts
other people ("four pilots" beside "four firefighters") does not support a rival figure."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from tests.cases import assert_expected_rule, expect_param

DATA = Path(__file__).parent / "data" / "sums"
CASES = [json.loads(line) for name in ("pairs.jsonl", "breakdowns.jsonl")
         for line in (DATA / name).read_text(encoding="utf-8").splitlines() if line.strip()]


@pytest.mark.parametrize("row", [expect_param(i, r) for i, r in enumerate(CASES, 1)])
def test_sums_case(row, embedder):
    assert_expected_rule(row, embedder)
