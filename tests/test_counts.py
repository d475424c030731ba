"""Counts, amounts and durations reworded on one side (tests/data/counts/cases.jsonl, our own
words and invented names): each lists two claims, checked as a two-row claims dataset (the
CI-gating use: `benchmarks/conflicts.py --pairs`), value pairs that must not be flagged
(``apart``) and pairs that must still be (``conflict``).

- A name one side's predicate acts on (its object, or the subject of a passive) that is the
  other side's subject is no rival subject when the two predicates differ or one is passive
  ("fined Corlen Haulage" / "Corlen Haulage was ordered to pay"; "agreed to take over Pellby" /
  "Pellby will be bought by Orvane"); one verb with its roles reversed stays two acts.
- A length told in two units ("three hours and twenty minutes", "1 hour 50 minutes") is one
  length (`consistency.quantities.extract`), not two figures each compared alone.
- A closure that lasts and a road shut for a time are one event: the verb the noun derives from
  and the verb are synonyms (`consistency.rules.terms.apart`).
"""

from __future__ import annotations

import pytest
from cases import assert_case, read_cases

CASES = read_cases("counts", "cases.jsonl")


@pytest.mark.parametrize("case", CASES, ids=[c["id"] for c in CASES])
def test_reworded_counts_and_durations(case, tmp_path, embedder):
    rows = [{"id": f"r{n}", "text": text, "date": case.get("date")} for n, text in enumerate(case["docs"])]
    assert_case(case, tmp_path, embedder, rows=rows)
