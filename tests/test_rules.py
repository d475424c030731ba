"""Every rule against its own pass/fail cases (tests/data/rules/CODE.jsonl), the catalogue and the CLI."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from consistency.api import UNDATED, confident
from consistency.config import load_settings
from consistency.check import run_rules
from consistency.claims import document_claims
from consistency.cli import cli
from consistency.group import Pair
from consistency.records import Document
from consistency.rules import REGISTRY, Rule, all_rules, get_rule, register, select_rules

DATA = Path(__file__).parent / "data" / "rules"
CASES = [(path.stem, number, json.loads(line))
         for path in sorted(DATA.glob("*.jsonl"))
         for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1) if line.strip()]


def _claims(row: dict):
    out = []
    for side in ("a", "b"):
        date = row.get(f"{side}_date")
        doc = Document(key=side, path=f"<{side}>", text=row[side], row_id=side,
                       date=dt.date.fromisoformat(date) if date else UNDATED)
        out += document_claims(doc)
    return out


def findings_for(row: dict, rules=None, embedder=None):
    """What `consistency compare` reports on the pair (a given pair: the two texts are meant to be
    about one thing): its findings at the default confidence cut-off."""
    return confident(rule_findings(row, rules, embedder), load_settings(env={}))


def rule_findings(row: dict, rules=None, embedder=None, *, given: bool = True):
    """Every finding of the rules on the pair's claims, at any confidence; ``given``: as a pair
    given to compare, else as one found among many claims (`check`)."""
    claims = _claims(row)
    n_a = sum(1 for c in claims if c.doc_key == "a")
    pairs = [Pair(i, j, 1.0) for i in range(n_a) for j in range(n_a, len(claims))]
    return run_rules(claims, pairs, rules if rules is not None else select_rules(), embedder=embedder,
                     given=given)


def _case(code: str, number: int, row: dict):
    """A case the rules are known to get wrong carries ``known`` (why): it must still fail, so a
    fix is noticed (and the mark removed) and the known gaps are counted in the suite's summary."""
    marks = [pytest.mark.xfail(strict=True, reason=row["known"])] if row.get("known") else []
    return pytest.param(code, number, row, marks=marks, id=f"{code}-{number}-{row['expect']}")


@pytest.mark.parametrize("code,number,row", [_case(*c) for c in CASES])
def test_rule_case(code, number, row, embedder):
    rules = {f.rule for f in findings_for(row, embedder=embedder)}
    if row["expect"] == "flag":
        assert code in rules, f"{code} should flag: {row['note']} (got {sorted(rules)})"
    else:
        assert code not in rules, f"{code} should not flag: {row['note']}"


def test_every_rule_has_pass_and_fail_cases():
    for rule in all_rules():
        if rule.plugin:
            continue
        expects = {r["expect"] for c, _, r in CASES if c == rule.code}
        assert expects == {"flag", "pass"}, f"{rule.code} needs cases in tests/data/rules/{rule.code}.jsonl"


def test_every_rule_is_documented():
    for rule in all_rules():
        doc = rule.doc()
        assert "Example::" in doc and "Not flagged" in doc, rule.code
        assert rule.code[:3].isalpha() and rule.code[3:].isdigit() and len(rule.code) == 6


def test_duplicate_code_is_rejected():
    with pytest.raises(ValueError, match="duplicate rule code NUM001"):
        @register
        class Again(Rule):
            """A second NUM001."""

            code = "NUM001"
            name = "again"
    assert REGISTRY["NUM001"].name == "numeric-mismatch"


def test_update_is_info_level():
    row = {"a": "Iranian health officials said at least 140 people had been killed since the campaign began.",
           "a_date": "2026-03-07", "b": "The death toll in Iran has risen to 212 since the campaign began.",
           "b_date": "2026-03-08"}
    (finding,) = findings_for(row)
    assert (finding.rule, finding.kind, finding.severity) == ("UPD001", "update", "info")


def test_explanation_names_both_values():
    row = {"a": "Trump said all 32 of Iran's navy ships were at the bottom of the ocean.",
           "b": "Officials said 28 Iranian navy ships had been sunk."}
    (finding,) = findings_for(row)
    assert finding.explanation == "32 ships vs 28 ships: exact counts differ"
    assert finding.spans_a[0].text == "32" and finding.spans_b[0].text == "28"
    assert finding.spans_a[0].normalized and finding.spans_b[0].normalized



@pytest.mark.parametrize("text,number,said", [
    ("All six were carried to the county hospital.", "six", "six carried"),
    ("Four more were released from the clinic on Monday.", "Four", "Four released"),
    ("A truck struck the market stalls, injuring four.", "four", "injuring four"),
    ("The gunman shot three before he fled.", "three", "shot three"),
])
def test_a_count_of_nothing_named_is_told_by_its_verb_as_written(text, number, said, tmp_path):
    # not the verb's lemma ("six carry", "Four release"): the reader sees the claim's own words, in
    # the claim's own order
    from cases import frame_at

    from consistency.rules.frames import describe

    assert describe(frame_at(tmp_path, text, number)) == said

def test_rules_command_lists_catalogue():
    result = CliRunner().invoke(cli, ["rules"])
    assert result.exit_code == 0
    for code in ("NUM001", "NUM002", "DIR001", "DAT001", "DUR001", "QNT001", "NEG001", "ANT001", "UPD001", "NLI001"):
        assert code in result.output


def test_rules_command_shows_one_rule():
    result = CliRunner().invoke(cli, ["rules", "NUM001"])
    assert result.exit_code == 0
    assert get_rule("NUM001").doc() in result.output
    as_json = json.loads(CliRunner().invoke(cli, ["rules", "dat001", "-f", "json"]).output)
    assert as_json["code"] == "DAT001" and "Example::" in as_json["doc"]


def test_rules_command_unknown_code_exits_2():
    result = CliRunner().invoke(cli, ["rules", "XYZ999"])
    assert result.exit_code == 2
    assert "consistency rules" in result.output


def test_select_by_group_and_plugin_not_built():
    codes = {r.code for r in select_rules(["logic"])}
    assert codes == {"QNT001", "NEG001", "ANT001"}
    assert "NLI001" not in {r.code for r in select_rules()}


def test_docs_reference_every_rule():
    text = (Path(__file__).parent.parent / "docs" / "rules.md").read_text(encoding="utf-8")
    for rule in all_rules():
        assert f'<a id="{rule.code.lower()}"></a>' in text and rule.summary() in text, rule.code
