"""`consistency compare`: two claims, or --pairs FILE.jsonl, with verdicts and JSON Lines output."""

from __future__ import annotations

import json

from click.testing import CliRunner

from consistency import api
from consistency.cli import cli


def run(*args):
    return CliRunner().invoke(cli, ["compare", *args])


def test_two_claims_conflict_exits_1_with_explanation():
    result = run("Trump said all 32 of Iran's navy ships were at the bottom of the ocean.",
                 "US officials said 28 Iranian navy ships had been sunk so far.")
    assert result.exit_code == 1
    assert result.output.strip() == "conflict NUM001: 32 ships vs 28 ships: exact counts differ"


def test_consistent_pair_exits_0():
    result = run("A US carrier group was holding position 13 miles off the Iranian coast.",
                 "The carrier group stayed roughly 21 kilometres off the Iranian coast.")
    assert result.exit_code == 0
    assert result.output.startswith("consistent")


def test_pairs_file_jsonl_one_verdict_per_pair(tmp_path):
    rows = [
        {"id": "c", "premise": "Exports rose 3% in October.", "hypothesis": "Exports fell 2% in October."},
        {"id": "s", "premise": "The coastal trail is 13 miles long.", "hypothesis": "The coastal trail runs for 21 kilometres."},
        {"id": "u", "premise": "The cat slept on the mat.", "hypothesis": "Norway's oil exports fell sharply."},
    ]
    path = tmp_path / "pairs.jsonl"
    path.write_text("".join(json.dumps(r) + "\n" for r in rows), encoding="utf-8")
    result = run("--pairs", str(path), "--format", "jsonl")
    assert result.exit_code == 1
    out = [json.loads(line) for line in result.output.splitlines()]
    assert [o["id"] for o in out] == ["c", "s", "u"]
    assert [o["verdict"] for o in out] == ["conflict", "consistent", "unrelated"]
    assert out[0]["rule"] == "DIR001" and out[1]["rule"] is None
    assert set(out[0]) >= {"id", "verdict", "rule", "explanation"}


def test_bad_pairs_row_names_the_line(tmp_path):
    path = tmp_path / "pairs.jsonl"
    path.write_text('{"id": 1, "premise": "a", "hypothesis": "b"}\n{"id": 2, "premise": "a"}\n', encoding="utf-8")
    result = run("--pairs", str(path))
    assert result.exit_code == 2
    assert f"{path}:2:" in result.output and "hypothesis" in result.output


def test_wrong_argument_count_is_usage_error():
    result = run("only one claim")
    assert result.exit_code == 2
    assert "compare needs two claims" in result.output


def test_update_verdict_needs_dates_so_undated_pairs_are_not_updates():
    (c,) = api.compare_pairs([("1", "At least 140 people have been killed since the campaign began.",
                               "The death toll has risen to 212 since the campaign began.")], use_model=False)
    assert c.verdict == "consistent"


def test_compare_texts_returns_findings():
    findings = api.compare_texts("The talks opened on March 12.", "The talks started on March 14.")
    assert [f.rule for f in findings] == ["DAT001"]
    assert "March 12" in findings[0].explanation and "March 14" in findings[0].explanation
