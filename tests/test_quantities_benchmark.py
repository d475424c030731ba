"""How benchmarks/quantities.py maps our quantities to NewsQuant's change labels, on our own sentences.

The cases live in tests/data/quantities/newsquant/*.toml; each names a sentence and
the label expected for some of its quantities (located by span text).
"""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path

import pytest

from test_quantities import toml_cases

from consistency.quantities import extract_quantities

ROOT = Path(__file__).resolve().parents[1]
DATA = Path(__file__).parent / "data" / "quantities" / "newsquant"


def _bench():
    spec = importlib.util.spec_from_file_location("bench_quantities", ROOT / "benchmarks" / "quantities.py")
    module = importlib.util.module_from_spec(spec)
    assert spec.loader is not None
    sys.modules["bench_quantities"] = module  # dataclasses look their module up
    spec.loader.exec_module(module)
    return module


BENCH = _bench()


@pytest.mark.parametrize("case", toml_cases(DATA))
def test_label(case: dict) -> None:
    text = case["text"]
    found = extract_quantities(text)
    tags = BENCH.newsquant_tags(text)
    labels = {q.text: tag["change"] for q, tag in zip(found, tags, strict=True)}
    for span, label in case["labels"].items():
        assert span in labels, (span, labels)
        assert labels[span] == label, (span, labels)


def test_confusion_counts_gold_against_ours() -> None:
    counts = BENCH.Counts()
    gold = [{"value": 5.0, "unit": "percentage", "change": "up"}, {"value": 7.0, "unit": "-", "change": "="}]
    ours = [{"value": 5.0, "unit": "percentage", "change": "="}, {"value": 7.0, "unit": "-", "change": "="}]
    BENCH.score_sentence(counts, gold, ours, with_change=True)
    assert counts.confusion == {("up", "="): 1, ("=", "="): 1}
    assert counts.change == 1
