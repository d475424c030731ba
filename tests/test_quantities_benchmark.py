"""How benchmarks/quantities.py maps our quantities to NewsQuant's change labels, on our own sentences.

The cases live in tests/data/quantities/newsquant/*.toml; each names a sentence and
the label expected for some of its quantities (located by span text).
"""

from __future__ import annotations

from pathlib import Path

import pytest
from benchmark_module import benchmark
from test_quantities import toml_cases

from consistency.quantities import extract_quantities

DATA = Path(__file__).parent / "data" / "quantities" / "newsquant"


BENCH = benchmark("quantities")


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
