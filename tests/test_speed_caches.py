"""The speed paths give the answers of the plain ones they replace: the JSON writer writes what
``json.dumps`` writes, and phrase similarities shared by all pairs of a check change no verdict."""

from __future__ import annotations

import json
import math

from hypothesis import given, settings
from hypothesis import strategies as st

from consistency import api
from consistency.check import PhraseSimilarity, _copies, prime_frames
from consistency.group import Pair
from consistency.reporters.base import indented_json, report_dict
from consistency.rules import select_rules
from consistency.rules.compare import PairContext

from conftest import SEEDS

_scalars = (st.none() | st.booleans() | st.integers() | st.floats(allow_nan=True, allow_infinity=True)
            | st.text())
_values = st.recursive(_scalars, lambda inner: st.lists(inner, max_size=4) | st.tuples(inner, inner)
                       | st.dictionaries(st.text(), inner, max_size=4), max_leaves=30)


@given(_values)
@settings(max_examples=300, deadline=None)
def test_indented_json_writes_what_json_dumps_writes(value):
    assert indented_json(value) == json.dumps(value, indent=2, ensure_ascii=False)


def test_indented_json_takes_the_standard_path_for_what_it_does_not_write():
    for value in ({1: "a", "b": [math.nan]}, {True: 1}, {2.5: None}, {"x": {None: 0}}):
        assert indented_json(value) == json.dumps(value, indent=2, ensure_ascii=False)


def test_a_report_is_written_as_json_dumps_writes_it(embedder):
    report = api.check(str(SEEDS), embedder=embedder)
    assert report.findings
    data = report_dict(report)
    assert indented_json(data) == json.dumps(data, indent=2, ensure_ascii=False)


def _verdicts(rules, a, b, ctx) -> list[tuple]:
    return [(rule.code, v.key_a, v.key_b, v.explanation, v.confidence, v.spans_a, v.spans_b)
            for rule in rules for v in rule.check(a, b, ctx)]


def test_phrase_similarities_shared_by_all_pairs_change_no_verdict(embedder):
    claims, _ = api.extract([str(SEEDS)])
    pairs = [Pair(i, j, 0.9) for i in range(len(claims)) for j in range(i + 1, len(claims))
             if not _copies(claims[i], claims[j])]
    rules = select_rules()
    similar = PhraseSimilarity(embedder)
    contrasts = prime_frames(claims, pairs, similar)
    shared: dict = {}
    alone, together = [], []
    for p in pairs:
        a, b = claims[p.i], claims[p.j]
        alone.append(_verdicts(rules, a, b, PairContext(similar=similar, contrasts=contrasts)))
        together.append(_verdicts(rules, a, b, PairContext(similar=similar, contrasts=contrasts, sims=shared)))
    assert sum(map(len, alone)) > 10 and len(shared) > 100  # the cache was used, and verdicts were given
    assert together == alone
