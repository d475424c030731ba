"""`consistency check` end to end through the CLI, with the real model: exit codes,
the JSON contract, bad rows, and user errors as one-line messages."""

from __future__ import annotations

import json
from importlib.resources import files

import jsonschema
import pytest
from conftest import SEEDS

SCHEMA = json.loads(files("consistency").joinpath("schemas/report.schema.json").read_text(encoding="utf-8"))


def write_jsonl(path, rows):
    path.write_text("".join((r if isinstance(r, str) else json.dumps(r)) + "\n" for r in rows), encoding="utf-8")
    return path


BRIDGE = [
    {"id": "r1", "text": "The new Elbe bridge is 120 metres long, the transport ministry said.", "source": "Wire A"},
    {"id": "r2", "text": "The new Elbe bridge is 180 metres long, the transport ministry said.", "source": "Wire B"},
    {"id": "r3", "text": "The city council approved a budget for three new schools on Tuesday.", "source": "Wire A"},
]


def test_seeds_text_report_shows_both_claims_and_sources(run):
    result = run("check", str(SEEDS), "--no-color", "-q")
    assert result.exit_code == 1, result.output
    out = result.output
    assert "Harbor Ledger" in out and "Northern Wire" in out
    assert "«" in out and "»" in out  # evidence marked without colour
    assert "conflicts" in out and "claims from 5 documents" in out


def test_seeds_json_report_follows_the_contract(run):
    result = run("check", str(SEEDS), "-f", "json", "-q")
    assert result.exit_code == 1
    report = json.loads(result.stdout)
    jsonschema.validate(report, SCHEMA)
    assert report["summary"]["documents"] == 5
    assert report["conflicts"], "the sample corpus has planted conflicts"
    ids = [c["id"] for c in report["conflicts"] + report["updates"]]
    assert len(ids) == len(set(ids))
    claim_ids = {c["id"] for g in report["groups"] for c in [{"id": i} for i in g["claims"]]}
    for conflict in report["conflicts"]:
        a, b = conflict["claims"]
        assert a["id"] != b["id"] and a["path"] != b["path"]  # across documents by default
        assert {a["id"], b["id"]} <= claim_ids
        for claim in (a, b):
            for span in claim["spans"]:
                assert claim["text"][span["start"]:span["end"]] == span["text"]


def test_min_confidence_sets_the_cut_off_and_every_conflict_carries_its_confidence(run, monkeypatch):
    every = json.loads(run("check", str(SEEDS), "-f", "json", "-q", "--min-confidence", "0").stdout)["conflicts"]
    default = json.loads(run("check", str(SEEDS), "-f", "json", "-q").stdout)["conflicts"]
    strict = run("check", str(SEEDS), "-f", "json", "-q", "--min-confidence", "0.5")
    assert all(0.0 <= c["confidence"] <= 1.0 for c in every)
    assert {c["id"] for c in default} == {c["id"] for c in every if c["confidence"] >= 0.1}
    confident = json.loads(strict.stdout)["conflicts"]
    assert confident and {c["id"] for c in confident} == {c["id"] for c in every if c["confidence"] >= 0.5}
    assert len(confident) < len(every)
    monkeypatch.setenv("CONSISTENCY_MIN_CONFIDENCE", "0.5")
    assert json.loads(run("check", str(SEEDS), "-f", "json", "-q").stdout)["conflicts"] == confident


def test_conflicts_below_the_cut_off_are_counted_and_the_text_report_says_how_to_see_them(run):
    """A check that hid findings under the confidence cut-off said "0 conflicts" and nothing else, so a
    user never learnt that a reworded conflict ("412 passengers" / "380 people aboard") was found at a
    confidence under the cut-off."""
    every = json.loads(run("check", str(SEEDS), "-f", "json", "-q", "--min-confidence", "0").stdout)
    strict = json.loads(run("check", str(SEEDS), "-f", "json", "-q", "--min-confidence", "0.5").stdout)
    jsonschema.validate(strict, SCHEMA)
    hidden = len(every["conflicts"]) - len(strict["conflicts"])
    assert hidden > 0
    assert strict["summary"]["below_cutoff"] == hidden and strict["summary"]["min_confidence"] == 0.5
    assert every["summary"]["below_cutoff"] == 0
    text = run("check", str(SEEDS), "--no-color", "-q", "--min-confidence", "0.5").output
    assert f"{hidden} more conflicts below confidence 0.50 (--min-confidence 0 shows them)" in " ".join(text.split())


def test_dataset_conflict_uses_row_ids_and_exit_1(run, in_tmp):
    data = write_jsonl(in_tmp / "claims.jsonl", BRIDGE)
    result = run("check", str(data), "-f", "json", "-q")
    assert result.exit_code == 1, result.output
    report = json.loads(result.stdout)
    jsonschema.validate(report, SCHEMA)
    [conflict] = report["conflicts"]
    assert conflict["rule"] == "NUM001"
    assert sorted(c["id"] for c in conflict["claims"]) == ["r1", "r2"]
    assert [s["text"] for c in conflict["claims"] for s in c["spans"]] in (
        ["120 metres", "180 metres"], ["180 metres", "120 metres"])
    assert conflict["claims"][0]["line"] in (1, 2)


def test_no_conflict_exits_0_and_fail_on_none_and_exit_zero(run, in_tmp):
    data = write_jsonl(in_tmp / "claims.jsonl", [BRIDGE[0], BRIDGE[2]])
    assert run("check", str(data), "-q").exit_code == 0
    conflicting = write_jsonl(in_tmp / "conflict.jsonl", BRIDGE)
    assert run("check", str(conflicting), "-q", "--fail-on", "none").exit_code == 0
    assert run("check", str(conflicting), "-q", "--exit-zero").exit_code == 0
    assert run("check", str(conflicting), "-q", "--ignore", "NUM001").exit_code == 0


def test_output_file_gets_the_report_and_stdout_stays_clean(run, in_tmp):
    data = write_jsonl(in_tmp / "claims.jsonl", BRIDGE)
    result = run("check", str(data), "-f", "json", "--output", "report.json", "-q")
    assert result.exit_code == 1
    assert result.stdout == ""
    jsonschema.validate(json.loads((in_tmp / "report.json").read_text(encoding="utf-8")), SCHEMA)


def test_bad_rows_are_all_named_and_good_rows_still_checked(run, in_tmp):
    data = write_jsonl(in_tmp / "claims.jsonl", [
        BRIDGE[0],
        "{not json",
        {"id": "r9", "source": "Wire C"},
        BRIDGE[1],
        {"id": "r1", "text": "A second row that reuses the id r1."},
        {"id": ["r7"], "text": "An id that is a list, not a string."},
        {"id": "r5", "text": "Dated row.", "date": "next Tuesday"},
    ])
    result = run("check", data.name, "-f", "json")
    assert result.exit_code == 2
    errors = [line for line in result.stderr.splitlines() if line.startswith("claims.jsonl:")]
    assert [e.split(":")[1] for e in errors] == ["2", "3", "5", "6", "7"], result.stderr
    assert "Traceback" not in result.stderr
    report = json.loads(result.stdout)  # the good rows' report is still written
    jsonschema.validate(report, SCHEMA)
    assert [sorted(c["id"] for c in f["claims"]) for f in report["conflicts"]] == [["r1", "r2"]]
    assert [p["line"] for p in report["problems"]] == [2, 3, 5, 6, 7]


def test_csv_bad_row_is_named_by_line(run, in_tmp):
    path = in_tmp / "claims.csv"
    path.write_text("id,text,source\nr1,The new Elbe bridge is 120 metres long.,Wire A\n,missing id,Wire B\n",
                    encoding="utf-8")
    result = run("check", str(path), "-q")
    assert result.exit_code == 2
    result = run("check", str(path))
    assert "claims.csv:3:" in result.stderr


@pytest.mark.parametrize("args, needle", [
    (["check", "no/such/path"], "no/such/path"),
    (["check", "."], "no claims"),
    (["check", "SEEDS", "--threshold", "2"], "--threshold"),
    (["check", "SEEDS", "--min-confidence", "1.5"], "--min-confidence"),
    (["check", "SEEDS", "--select", "XYZ999"], "XYZ999"),
    (["check", "SEEDS", "-f", "yaml"], "yaml"),
    (["check", "SEEDS", "--model", "/nonexistent/model-folder"], "/nonexistent/model-folder"),
    (["check"], "PATHS"),
])
def test_user_errors_are_one_line_exit_2_no_traceback(run, args, needle):
    args = [str(SEEDS) if a == "SEEDS" else a for a in args]
    result = run(*args)
    assert result.exit_code == 2, (args, result.output)
    message = [line for line in result.stderr.splitlines() if line.strip()]
    assert "Traceback" not in result.output
    assert any(needle in line for line in message), result.stderr
    assert len(message) <= 3, result.stderr  # the error, and at most usage / a hint line


def test_unreadable_bytes_are_reported_with_their_line(run, in_tmp):
    (in_tmp / "good.txt").write_text("The new Elbe bridge is 120 metres long, officials said.\n", encoding="utf-8")
    (in_tmp / "bad.txt").write_bytes(b"The first line is fine.\nThe bridge is \xff\xfe 180 metres long.\n")
    result = run("check", ".")
    assert result.exit_code == 2
    assert "bad.txt:2:" in result.stderr


def test_summary_line_counts_one_of_each_in_the_singular(run, tmp_path):
    """A one-row dataset read "1 claims from 1 documents ... 1 groups"."""
    path = write_jsonl(tmp_path / "one.jsonl", BRIDGE[:1])
    result = run("check", str(path), "--no-color", "-q")
    assert result.exit_code == 0, result.output
    assert "— 1 claim from 1 document in 1 story and 0 groups" in result.output
    result = run("check", str(write_jsonl(tmp_path / "two.jsonl", BRIDGE[:2])), "--no-color", "-q")
    assert "— 2 claims from 2 documents in 1 story and 1 group" in result.output
