"""Statement rules (NEG001, ANT001, QNT001) on pairs written before their statement-frame code.

tests/data/statements/*.jsonl were written in another voice than the rule cases
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

DATA = Path(__file__).parent / "data" / "statements"
#: heldout.jsonl: NEG001/ANT001/QNT001 pairs of session 19; quantifiers.jsonl: QNT001 pairs written
#: before QNT001 read statement frames (the group named differently on each side, active/passive).
#: focus.jsonl: pairs whose negation (or "none") is restricted by an adjunct the other side lacks, and
#: dates of utterances (session 34), with cases that must stay conflicts.
ROWS = [(path.stem, number, json.loads(line))
        for path in (DATA / "heldout.jsonl", DATA / "quantifiers.jsonl", DATA / "focus.jsonl", DATA / "shapes.jsonl")
        for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1) if line.strip()]


def _param(number: int, name: str, row: dict):
    marks = [pytest.mark.xfail(strict=True, reason=row["known"])] if row.get("known") else []
    return pytest.param(row, marks=marks, id=f"{name}-{row['rule']}-{number}-{row['expect']}")


@pytest.mark.parametrize("row", [_param(n, name, r) for name, n, r in ROWS])
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


def test_quantified_groups_are_read_from_the_parse():
    (hurt,) = [s for s in _one("None of the climbers was hurt in the fall.") if s.predicate == "hurt"]
    assert hurt.quantity == "none" and hurt.group == "climbers" and hurt.role == "patient"
    (expel,) = [s for s in _one("The school board expelled two pupils.") if s.predicate == "expel"]
    assert expel.quantity == "some" and expel.group == "pupils" and expel.subject == "school board"
    (resign,) = [s for s in _one("All 40 of the fund's managers resigned.") if s.predicate == "resign"]
    assert resign.quantity == "all" and resign.group_head == "manager"
    (beat,) = [s for s in _one("The No. 3 seed beat two rivals.") if s.predicate == "beat"]
    assert beat.quantity == "some" and beat.group == "rivals"  # "No. 3" is a rank, not "no"


def test_a_participle_after_a_copula_is_a_state_that_can_persist():
    (trapped,) = [s for s in _one("Four patients were still trapped inside the clinic.") if s.predicate == "trap"]
    assert trapped.state and trapped.persists and trapped.quantity == "some" and trapped.group == "patients"


def _claim(text: str, key: str) -> Claim:
    return Claim(id=key, doc_key=key, path=f"<{key}>", text=text, start=0, end=len(text))


def test_negation_is_parsed_only_when_a_negation_cue_is_present():
    from consistency.parsing import parsed
    from consistency.rules.statements import NegationConflict

    a = _claim("Another storm reached the northern coast of the island at dawn.", "a")
    b = _claim("A second storm hit the island's northern coast early in the morning.", "b")
    assert not list(NegationConflict().check(a, b))
    assert not parsed(a.text) and not parsed(b.text)  # "another" holds "not", but is no negation


def test_a_denial_is_a_negation_cue():
    rules = {f.rule for f in findings_for({"a": "The company denied that it had paid the fine.",
                                           "b": "The company paid the fine last week."})}
    assert "NEG001" in rules


def test_the_consequent_of_a_condition_is_not_a_statement():
    said = _one("If the board sets the rules for you, you don't have any freedom.")
    assert not [s for s in said if s.predicate == "have"]
    (reopen,) = [s for s in _one("The crossing did not reopen until Friday.") if s.predicate == "reopen"]
    assert reopen.negated  # "until" marks a clause of its own, not a condition on this one


def test_barely_negates_like_hardly():
    (land,) = [s for s in _one("The challenger barely landed a punch in the fight.") if s.predicate == "land"]
    assert land.negated


def test_a_clause_under_a_negated_verb_is_no_statement():
    said = _one("It does not appear that the fire was related to the storm.")
    assert not [s for s in said if s.predicate in ("related", "relate")]
    (provided,) = [s for s in _one("She denied that she had provided the files.") if s.predicate == "provide"]
    assert provided.negated


def test_a_restricting_adjunct_is_read_with_its_head():
    (wear,) = [s for s in _one("The guide was not wearing a helmet when she slipped.") if s.predicate == "wear"]
    assert wear.negated and "when she slipped" in wear.restriction and "slip" in wear.restriction_heads
    (bid,) = [s for s in _one("The club declined to table a bid during the window.") if s.predicate == "table"]
    assert bid.negated and bid.restriction == "during the window" and bid.restriction_heads == ("window",)
    (plain,) = [s for s in _one("The club tabled a bid for the striker on Monday.") if s.predicate == "table"]
    assert not plain.restriction  # a date and an object are no restriction


def test_who_does_the_act_is_read_and_a_passive_may_not_say():
    (hid,) = [s for s in _one("The treasurer insists she never hid the receipts.") if s.predicate == "hide"]
    assert hid.negated and hid.actor and not hid.agentless  # a pronoun subject is still an actor
    (hidden,) = [s for s in _one("The receipts were hidden in a cellar.") if s.predicate == "hide"]
    assert hidden.agentless and not hidden.actor
    (by,) = [s for s in _one("The receipts were hidden by the treasurer.") if s.predicate == "hide"]
    assert by.actor and not by.agentless
    (shut,) = [s for s in _one("The gallery is not open on Mondays.") if s.predicate == "open"]
    assert not shut.actor and not shut.agentless  # a state says of no one who did it


def test_so_far_and_degree_are_read():
    (named,) = [s for s in _one("Rangers did not immediately name the stranded walker.") if s.predicate == "name"]
    assert named.negated and named.yet
    (found,) = [s for s in _one("There were no immediate signs of a leak.") if s.predicate == "be"]
    assert found.negated and found.yet
    (healed,) = [s for s in _one("The goalkeeper has not fully healed.") if s.predicate == "heal"]
    assert healed.negated and healed.restriction == "fully" and healed.restriction_heads == ("fully",)


#: rows.jsonl: statement pairs as two rows of a claims dataset (`consistency check`, the way our pair
#: files are checked), not as a pair given to compare: found pairs of short rows (session 52).
AS_ROWS = [(number, json.loads(line)) for number, line in
           enumerate((DATA / "rows.jsonl").read_text(encoding="utf-8").splitlines(), start=1) if line.strip()]


@pytest.mark.parametrize("row", [_param(n, "rows", r) for n, r in AS_ROWS])
def test_statement_pair_as_dataset_rows(row, embedder, tmp_path):
    from consistency import api
    from consistency.config import load_settings

    path = tmp_path / "pair.jsonl"
    path.write_text("".join(json.dumps({"id": side, **row[side]}) + "\n" for side in ("a", "b")), encoding="utf-8")
    report = api.check([str(path)], load_settings(env={}), embedder=embedder)
    rules = {f.rule for f in report.findings if f.kind == "conflict"}
    if row["expect"] == "flag":
        assert row["rule"] in rules, f"{row['rule']} should flag: {row['note']} (got {sorted(rules)})"
    else:
        assert row["rule"] not in rules, f"{row['rule']} should not flag: {row['note']}"
