"""The speed paths give the answers of the plain ones they replace: the JSON writer writes what
``json.dumps`` writes, and phrase similarities shared by all pairs of a check change no verdict."""

from __future__ import annotations

import json
import math
import os

from pathlib import Path

from hypothesis import given, settings
from hypothesis import strategies as st

from consistency import api
from consistency.check import PhraseSimilarity, _copies, prime_frames
from consistency.group import Pair
from consistency.reporters.base import indented_json, report_dict
from consistency.rules import select_rules
from consistency.rules.compare import PairContext

from conftest import SEEDS

DATA = Path(__file__).parent / "data"

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


def test_phrases_are_embedded_when_a_rule_first_compares_them(embedder):
    """The default backend runs each text through the model alone, so a phrase is embedded when a
    rule first compares it, not when its frame is read: none before the rules run, afterwards only
    some of the frames' phrases, each with the very vector a batch of all of them gives, and the
    same verdicts."""
    import numpy as np

    claims, _ = api.extract([str(SEEDS)])
    pairs = [Pair(i, j, 0.9) for i in range(len(claims)) for j in range(i + 1, len(claims))
             if not _copies(claims[i], claims[j])]
    rules = select_rules()
    eager = PhraseSimilarity(embedder)
    eager.lazy = False  # the torch backend's way: every phrase of the frames read, in one batch
    lazy = PhraseSimilarity(embedder)
    assert lazy.lazy and embedder.backend != "torch"
    contrasts = prime_frames(claims, pairs, eager)
    assert prime_frames(claims, pairs, lazy) == contrasts
    assert eager.vectors and not lazy.vectors
    verdicts = {}
    for name, similar in (("eager", eager), ("lazy", lazy)):
        shared: dict = {}
        verdicts[name] = [_verdicts(rules, claims[p.i], claims[p.j],
                                    PairContext(similar=similar, contrasts=contrasts, sims=shared)) for p in pairs]
    assert sum(map(len, verdicts["lazy"])) > 10 and verdicts["lazy"] == verdicts["eager"]
    assert lazy.vectors and set(lazy.vectors) < set(eager.vectors)
    assert all(np.array_equal(vector, eager.vectors[phrase]) for phrase, vector in lazy.vectors.items())


def _rule_case_claims(run: str) -> tuple[list, list[Pair]]:
    """The claims of the NEG001 and ANT001 rule cases (tests/data/rules), each case's two sides a
    candidate pair, every case given twice (a duplicated input); ids fresh for each ``run``, so no
    statement or frame read cached by an earlier run spares a parse."""
    from consistency.claims import document_claims
    from consistency.records import UNDATED, Document

    claims, pairs = [], []
    for rule in ("NEG001", "ANT001"):
        rows = [json.loads(line) for line in (DATA / "rules" / f"{rule}.jsonl").read_text().splitlines() if line]
        for n, row in enumerate(rows * 2):
            sides = []
            for side in ("a", "b"):
                key = f"{run}-{rule}-{n}-{side}"
                sides.append(len(claims))
                claims.extend(document_claims(Document(key=key, path=f"<{key}>", text=row[side], row_id=key,
                                                       date=UNDATED))[:1])
            pairs.append(Pair(sides[0], sides[1], 0.9))
    return claims, pairs


def _same_findings(findings) -> list[tuple]:
    """What a finding says, without the run's prefix of the claim ids."""
    return [(f.rule, f.a.row_id.split("-", 1)[1], f.b.row_id.split("-", 1)[1], f.explanation, f.confidence,
             f.spans_a, f.spans_b) for f in findings]


def test_statement_rules_parse_in_batches_exactly_the_claims_they_would_parse_one_at_a_time(embedder):
    """NEG001 and ANT001 parse a claim only on cues, some only after the other claim's parse
    (`prime_parses` asks their ``parses`` hooks round by round): the claims are parsed in a few
    batches, each text once, and they are the very texts the rules parse on demand: no more (a
    prefetch of every claim of a pair costs more than it saves on big inputs), no fewer."""
    from consistency import check, parsing

    rules = select_rules()
    parsing.clear()
    claims, pairs = _rule_case_claims("fetched")
    texts0, batches0 = parsing.counts()
    fetched = check.run_rules(claims, pairs, rules, embedder=embedder)
    texts1, batches1 = parsing.counts()
    fetched_texts = {c.text for c in claims if parsing.parsed(c.text)}

    parsing.clear()
    claims, pairs = _rule_case_claims("ondemand")
    original = check.prime_parses
    check.prime_parses = lambda claims, pairs, rules: 0
    try:
        texts2, batches2 = parsing.counts()
        on_demand = check.run_rules(claims, pairs, rules, embedder=embedder)
        texts3, batches3 = parsing.counts()
    finally:
        check.prime_parses = original
    demand_texts = {c.text for c in claims if parsing.parsed(c.text)}
    parsing.clear()

    assert texts3 - texts2 > 40 and batches3 - batches2 > 20  # on demand: mostly one text per batch
    assert fetched_texts == demand_texts and texts1 - texts0 == texts3 - texts2 == len(demand_texts)
    assert batches1 - batches0 <= 4  # frames' batch, then the statement rules' two rounds
    assert _same_findings(fetched) == _same_findings(on_demand)
    assert {f.rule for f in fetched} >= {"NEG001", "ANT001"}


def test_sentences_are_located_as_pysbd_locates_them():
    """`sentences.locate` replaces pysbd's regular-expression search for each sentence's span in
    the text (one new pattern per sentence): the same spans, on the seed articles' lines and on
    sentences that repeat, overlap or occur inside an earlier one."""
    import pysbd

    from consistency.sentences import _segmenter, locate

    theirs = pysbd.Segmenter(language="en", clean=False)
    lines = [line for path in sorted(SEEDS.rglob("*")) if path.is_file() and path.suffix in (".md", ".txt", ".jsonl")
             for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]
    lines += [
        "It rained.  It rained. It rained!   Then it stopped.",
        "No.  No. Yes. No.",
        "The court said no. The court said no to the appeal. The court said no.\u00a0 Done.",
        "Ha. Ha ha. Ha. Ha ha ha.",
    ]
    assert len(lines) > 50
    for line in lines:
        assert _segmenter().segment(line) == theirs.segment(line), line
    # a sentence pysbd's processor changed (not found in the text) is left out, as pysbd does
    assert locate(["Ha.", "missing", "Ha ha."], "Ha. Ha ha.") == [(0, 4), (4, 10)]
    # an occurrence ending before the last span is skipped for the next one after it
    assert locate(["aa aa", "aa"], "aa aa aa") == [(0, 6), (6, 8)]


def test_the_parser_does_not_import_torch():
    """thinc imports torch, when installed, only for PyTorch layers the bundled small pipeline has
    not: a process that parses with it and embeds with ONNX Runtime never loads torch."""
    import subprocess
    import sys

    code = ("import sys; from consistency import parsing; "
            "p = parsing.parse('The bridge did not open on Monday.'); "
            "print(len(p.tokens), 'torch' in sys.modules)")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True,
                         env={k: v for k, v in os.environ.items() if k != "CONSISTENCY_PARSER"})
    assert out.stdout.split() == ["8", "False"]
