"""SARIF 2.1.0: valid against the official OASIS schema (vendored in tests/data,
see its NOTICE), claim A as the location, claim B as the related location,
our fingerprint, and reviewed/baselined findings as suppressions."""

from __future__ import annotations

import dataclasses
import io
import json
import re

import jsonschema
import pytest
from conftest import DATA, ROOT
from test_reporters import fixed_report

from consistency import api
from consistency.reporters import ReportOptions, sarif
from consistency.rules import all_rules

SCHEMA = json.loads((DATA / "sarif-2.1.0-rtm.5.json").read_text(encoding="utf-8"))


@pytest.fixture(scope="module")
def report(embedder):
    """The fixed corpus with every status (see test_reporters.fixed_report)."""
    return fixed_report(embedder)


def sarif_of(report) -> dict:
    out = io.StringIO()
    sarif.render(report, out, ReportOptions())
    return json.loads(out.getvalue())


def assert_valid(log: dict) -> None:
    validator = jsonschema.Draft4Validator(SCHEMA)
    errors = sorted(validator.iter_errors(log), key=lambda e: list(e.absolute_path))
    assert not errors, "\n".join(f"{'/'.join(map(str, e.absolute_path))}: {e.message}" for e in errors[:10])


def test_sarif_is_valid_against_the_official_schema(report):
    log = sarif_of(report)
    assert_valid(log)
    assert log["version"] == "2.1.0"
    assert len(log["runs"][0]["results"]) == 3


def test_the_schema_check_can_fail(report):
    log = sarif_of(report)
    log["runs"][0]["results"][0]["level"] = "fatal"
    with pytest.raises(AssertionError, match="level"):
        assert_valid(log)


def test_rules_carry_help_and_a_link_into_the_docs(report):
    rules = sarif_of(report)["runs"][0]["tool"]["driver"]["rules"]
    assert [r["id"] for r in rules] == [r.code for r in all_rules()]
    for entry, rule in zip(rules, all_rules()):
        assert entry["name"] == rule.name
        assert entry["shortDescription"]["text"] == rule.summary()
        assert entry["help"]["text"] == rule.doc()
        assert entry["helpUri"].endswith(f"/docs/rules.md#{rule.code.lower()}")


def test_claim_a_is_the_location_and_claim_b_the_related_location(report):
    log = sarif_of(report)
    result = next(r for r in log["runs"][0]["results"] if r["partialFingerprints"]["consistency/v1"]
                  == next(f for f in report.findings if f.status == "new").fingerprint)
    assert result["ruleId"] == "NUM001" and result["level"] == "error"
    a, b = result["locations"][0], result["relatedLocations"][0]
    # A dataset row: the file and the row's line, the row id in the message and properties.
    assert a["physicalLocation"]["artifactLocation"]["uri"] == "tests/data/reports/stadium.jsonl"
    assert a["physicalLocation"]["region"]["startLine"] == 1
    assert a["message"]["text"] == "row stadium-1: The new harbour stadium holds 25,000 fans."
    assert a["properties"]["rowId"] == "stadium-1"
    # An article sentence: its file and line.
    assert b["id"] == 1
    assert b["physicalLocation"]["artifactLocation"]["uri"] == "tests/data/reports/stadium.md"
    assert b["physicalLocation"]["region"]["startLine"] == 8
    assert "[Conflicting claim](1)" in result["message"]["text"]
    assert result["ruleIndex"] == [r["id"] for r in log["runs"][0]["tool"]["driver"]["rules"]].index("NUM001")


def test_reviewed_and_baselined_findings_are_suppressions(report):
    results = sarif_of(report)["runs"][0]["results"]
    by_status = {r["properties"]["status"]: r for r in results}
    assert set(by_status) == {"new", "reviewed", "baselined"}
    assert "suppressions" not in by_status["new"]
    for status in ("reviewed", "baselined"):
        (suppression,) = by_status[status]["suppressions"]
        assert suppression["kind"] == "external" and suppression["status"] == "accepted"
    fingerprints = {r["partialFingerprints"]["consistency/v1"] for r in results}
    assert fingerprints == {f.fingerprint for f in report.findings if f.kind == "conflict"}


def test_bad_rows_are_tool_notifications(report):
    invocation = sarif_of(report)["runs"][0]["invocations"][0]
    lines = sorted(n["locations"][0]["physicalLocation"]["region"]["startLine"]
                   for n in invocation["toolExecutionNotifications"])
    assert lines == [8, 9, 10, 11]


def test_hostile_text_stays_valid_and_brackets_are_escaped(report):
    f = next(f for f in report.findings if f.status == "new")
    odd = dataclasses.replace(f, a=dataclasses.replace(f.a, text='[x](2) "quote" \\ <script>', path="a b/ü#.jsonl"))
    log = sarif_of(dataclasses.replace(report, findings=(odd,), problems=()))
    assert_valid(log)
    result = log["runs"][0]["results"][0]
    assert "\\[x\\](2)" in result["message"]["text"]
    assert result["locations"][0]["physicalLocation"]["artifactLocation"]["uri"] == "a%20b/%C3%BC%23.jsonl"


def test_an_absolute_path_outside_the_working_folder_is_a_file_uri(report, tmp_path):
    f = next(f for f in report.findings if f.status == "new")
    odd = dataclasses.replace(f, a=dataclasses.replace(f.a, path=str(tmp_path.parent / "x.jsonl")))
    with pytest.MonkeyPatch.context() as mp:
        mp.chdir(tmp_path)
        log = sarif_of(dataclasses.replace(report, findings=(odd,), problems=()))
    uri = log["runs"][0]["results"][0]["locations"][0]["physicalLocation"]["artifactLocation"]["uri"]
    assert uri == (tmp_path.parent / "x.jsonl").as_uri()
    assert_valid(log)


def github_anchors(markdown_text: str) -> set[str]:
    """The anchors GitHub gives a Markdown file's headings, plus explicit ``id``/``name`` anchors."""
    anchors = set(re.findall(r"""<a\s+(?:id|name)=["']([^"']+)["']""", markdown_text))
    for heading in re.findall(r"^#{1,6}\s+(.+?)\s*#*$", markdown_text, re.MULTILINE):
        slug = re.sub(r"[^\w\- ]", "", heading.strip().lower()).replace(" ", "-")
        anchors.add(slug)
    return anchors


@pytest.mark.skipif(not (ROOT / "docs" / "rules.md").exists(), reason="docs/rules.md not written yet")
def test_every_help_uri_lands_on_an_anchor_of_docs_rules_md(report):
    anchors = github_anchors((ROOT / "docs" / "rules.md").read_text(encoding="utf-8"))
    for rule in sarif_of(report)["runs"][0]["tool"]["driver"]["rules"]:
        assert rule["helpUri"].rsplit("#", 1)[1] in anchors, (
            f"{rule['id']}: give docs/rules.md a heading '## {rule['id']}' or an <a id=\"{rule['id'].lower()}\">")


def test_csv_rows_are_located_by_their_line(embedder, tmp_path):
    (tmp_path / "claims.csv").write_text(
        "id,text,source\n"
        'c-1,"The council approved 200 new homes on the old dock site.","City\nHerald"\n'
        'c-2,"The council approved 350 new homes on the old dock site.",Times\n', encoding="utf-8")
    with pytest.MonkeyPatch.context() as mp:
        mp.chdir(tmp_path)
        log = sarif_of(api.check(["claims.csv"], embedder=embedder))
    assert_valid(log)
    (result,) = log["runs"][0]["results"]
    where = [(loc["physicalLocation"]["artifactLocation"]["uri"], loc["physicalLocation"]["region"]["startLine"],
              loc["properties"]["rowId"]) for loc in (*result["locations"], *result["relatedLocations"])]
    # A row is located at the line it starts on, after a quoted field that spans two lines too.
    assert sorted(where) == [("claims.csv", 2, "c-1"), ("claims.csv", 4, "c-2")]


def test_execution_is_unsuccessful_exactly_when_the_exit_code_is_2(tmp_path):
    """SARIF said ``executionSuccessful: true`` also when bad rows made the run exit 2."""
    import subprocess
    import sys
    from pathlib import Path

    console = Path(sys.executable).with_name("consistency")
    rows = ['{"id": "a", "text": "The ferry carries 1,200 passengers on weekdays."}',
            '{"id": "b", "text": "The ferry carries 800 passengers on weekdays."}']
    for extra, code in (([], 1), (["not json"], 2)):
        (tmp_path / "c.jsonl").write_text("\n".join(rows + extra) + "\n")
        done = subprocess.run([str(console), "check", "c.jsonl", "-q", "-f", "sarif"], cwd=tmp_path,
                              capture_output=True, text=True, timeout=600)
        assert done.returncode == code, done.stderr
        invocation = json.loads(done.stdout)["runs"][0]["invocations"][0]
        assert invocation["executionSuccessful"] is (code != 2)
        assert len(invocation["toolExecutionNotifications"]) == len(extra)


def test_article_sentences_carry_their_columns(tmp_path):
    """Locations had lines without columns; a sentence of a text or Markdown article now points at
    its own span (columns in code points, as the run's columnKind says)."""
    import subprocess
    import sys
    from pathlib import Path

    console = Path(sys.executable).with_name("consistency")
    (tmp_path / "a.md").write_text("---\nsource: Harbour News\n---\n"
                                   "Storms closed the port. The ferry carries 1,200 passengers on weekdays.\n")
    (tmp_path / "b.md").write_text("The ferry carries 800 passengers on weekdays, the operator said.\n")
    done = subprocess.run([str(console), "check", "a.md", "b.md", "-q", "-f", "sarif"], cwd=tmp_path,
                          capture_output=True, text=True, timeout=600)
    assert done.returncode == 1, done.stderr
    run = json.loads(done.stdout)["runs"][0]
    assert run["columnKind"] == "unicodeCodePoints"
    (result,) = run["results"]
    for location in (result["locations"][0], result["relatedLocations"][0]):
        physical = location["physicalLocation"]
        region = physical["region"]
        line = (tmp_path / physical["artifactLocation"]["uri"]).read_text().splitlines()[region["startLine"] - 1]
        assert line[region["startColumn"] - 1:region["endColumn"] - 1] == region["snippet"]["text"]
    assert {r["physicalLocation"]["region"]["startColumn"] for r in
            (result["locations"][0], result["relatedLocations"][0])} == {1, 25}
