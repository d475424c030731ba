"""Statement rules (NEG001, ANT001, QNT001) on pairs written before their statement-frame code.

tests/data/statements/heldout.jsonl was written in another voice than the rule cases
(tests/data/rules): each side worded differently, active against passive, negation by "never",
"no" and "refused to", reported speech of one or two speakers. It was not tuned on: a case the
rules get wrong carries ``known`` (why) and must still fail, so a fix is noticed.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from consistency.records import Claim
from consistency.rules.assertions import statements

from test_rules import findings_for

HELDOUT = Path(__file__).parent / "data" / "statements" / "heldout.jsonl"
ROWS = [json.loads(line) for line in HELDOUT.read_text(encoding="utf-8").splitlines() if line.strip()]


def _param(number: int, row: dict):
    marks = [pytest.mark.xfail(strict=True, reason=row["known"])] if row.get("known") else []
    return pytest.param(row, marks=marks, id=f"{row['rule']}-{number}-{row['expect']}")


@pytest.mark.parametrize("row", [_param(n, r) for n, r in enumerate(ROWS, start=1)])
def test_heldout_statement_pair(row, embedder):
    rules = {f.rule for f in findings_for(row, embedder=embedder)}
    if row["expect"] == "flag":
        assert row["rule"] in rules, f"{row['rule']} should flag: {row['note']} (got {sorted(rules)})"
    else:
        assert row["rule"] not in rules, f"{row['rule']} should not flag: {row['note']}"


def _one(text: str) -> list:
    return list(statements(Claim(id="x", doc_key="x", path="<x>", text=text, start=0, end=len(text))))


def test_a_refusal_negates_the_predicate_it_governs():
    (sign,) = [s for s in _one("The union refused to sign the wage deal.") if s.predicate == "sign"]
    assert sign.negated and sign.subject == "union" and "wage deal" in sign.object
    assert not any(s.predicate == "refuse" for s in _one("The union refused to sign the wage deal."))


def test_passive_reads_the_agent_as_subject_and_never_as_negation():
    (cancel,) = [s for s in _one("The match was never cancelled by the league.") if s.predicate == "cancel"]
    assert cancel.negated and cancel.subject == "league" and cancel.object == "match"


def test_no_on_the_object_negates_and_going_to_is_tense():
    (found,) = [s for s in _one("Divers found no wreckage near the reef.") if s.predicate == "find"]
    assert found.negated
    (pay,) = [s for s in _one("The council is not going to pay for the new stadium.") if s.predicate == "pay"]
    assert pay.negated and not any(s.predicate == "go" for s in _one("The council is not going to pay."))


def test_a_noun_complement_is_someones_words():
    said = _one("Despite the owner's pledge that the club would stay in the city, fans were worried.")
    (stay,) = [s for s in said if s.predicate == "stay"]
    assert stay.reported_noun and "owner" in stay.speaker
    (plain,) = [s for s in _one("The club will stay in the city.") if s.predicate == "stay"]
    assert not plain.reported_noun and not plain.speaker
