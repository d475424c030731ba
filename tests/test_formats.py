"""`consistency check -f FORMAT[:FILE]` end to end: several formats in one run,
machine output alone on stdout (progress and problems on stderr), gating a
claims dataset (bad rows as path:line: reason, --fail-on, --exit-zero, a
baseline shown as SARIF suppressions)."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
import threading

import pytest
from conftest import DATA, ROOT

EXAMPLE = ROOT / "examples" / "claims.jsonl"


@pytest.fixture()
def stadium(in_tmp):
    """The stadium pair of the fixed corpus (one article, one dataset row): one new conflict."""
    for name in ("stadium.md", "stadium.jsonl"):
        shutil.copy(DATA / "reports" / name, in_tmp / name)
    return in_tmp


def test_every_format_to_its_own_file_and_json_on_stdout(run, stadium):
    result = run("check", ".", "-f", "json", "-f", "sarif:out/report.sarif", "-f", "html:out/report.html",
                 "-f", "jsonl:out/findings.jsonl", "-f", "markdown:out/summary.md", "-f", "github:out/annotations.txt",
                 "-f", "text:out/report.txt")
    assert result.exit_code == 1, result.output
    report = json.loads(result.stdout)
    assert report["summary"]["new"] == 1
    (conflict,) = report["conflicts"]
    out = stadium / "out"
    assert json.loads((out / "report.sarif").read_text())["runs"][0]["results"][0]["partialFingerprints"] == \
        {"consistency/v1": conflict["id"]}
    assert [json.loads(line)["id"] for line in (out / "findings.jsonl").read_text().splitlines()] == [conflict["id"]]
    assert "<mark>25,000</mark>" in (out / "report.html").read_text()
    assert (out / "summary.md").read_text().startswith("## Claim consistency\n\n**1 new conflict**")
    assert (out / "annotations.txt").read_text().startswith("::error file=stadium.jsonl,line=1,")
    assert "«25,000»" in (out / "report.txt").read_text()
    assert sorted(p.name for p in out.iterdir()) == ["annotations.txt", "findings.jsonl", "report.html",
                                                     "report.sarif", "report.txt", "summary.md"]


def test_output_sends_the_stdout_format_to_a_file(run, stadium):
    result = run("check", ".", "-f", "jsonl", "--output", "findings.jsonl", "-f", "markdown:summary.md")
    assert result.exit_code == 1 and result.stdout == ""
    assert len((stadium / "findings.jsonl").read_text().splitlines()) == 1
    assert (stadium / "summary.md").exists()


@pytest.mark.parametrize("args, message", [
    (["-f", "json", "-f", "sarif"], "only one format can go to stdout; give the others a destination"),
    (["-f", "xml"], "unknown format 'xml' in --format xml; use one of text, json, jsonl, sarif,"),
    (["-f", "sarif:out.sarif", "--output", "x.json"], "--output has no format to write; give -f FORMAT"),
])
def test_format_mistakes_are_one_line_usage_errors(run, stadium, args, message):
    result = run("check", ".", *args)
    assert result.exit_code == 2
    (line,) = result.stderr.splitlines()
    assert line.startswith("error[CNS") and message in line
    assert result.stdout == ""


def test_json_on_stdout_parses_while_progress_draws_on_a_terminal(tmp_path):
    """Progress is drawn only when stderr is a terminal: give it a real one (a pty)."""
    shutil.copy(EXAMPLE, tmp_path / "claims.jsonl")
    master, slave = os.openpty()
    env = {k: v for k, v in os.environ.items() if not k.startswith("CONSISTENCY_")}
    proc = subprocess.Popen([sys.executable, "-m", "consistency", "check", "claims.jsonl", "-f", "json"],
                            cwd=tmp_path, stdout=subprocess.PIPE, stderr=slave, env={**env, "COLUMNS": "80"})
    os.close(slave)
    chunks: list[bytes] = []

    def drain() -> None:
        while True:
            try:
                chunk = os.read(master, 65536)
            except OSError:
                return
            if not chunk:
                return
            chunks.append(chunk)

    reader = threading.Thread(target=drain, daemon=True)
    reader.start()
    stdout, _ = proc.communicate(timeout=120)
    reader.join(timeout=5)
    os.close(master)
    stderr = b"".join(chunks).decode("utf-8", "replace")
    assert proc.returncode == 1, stderr
    assert "embed" in stderr and "\x1b[" in stderr  # a progress bar was drawn on the terminal
    report = json.loads(stdout)  # and stdout is still exactly one JSON document
    assert report["summary"]["new"] == 1 and "\x1b" not in stdout.decode()


def test_bad_rows_are_all_reported_and_the_good_rows_still_checked(run, in_tmp):
    rows = (DATA / "reports" / "claims.jsonl").read_text().splitlines()
    (in_tmp / "data.jsonl").write_text("\n".join(rows) + "\n")
    result = run("check", "data.jsonl", "-f", "sarif:out.sarif", "--exit-zero")
    assert result.exit_code == 2  # --exit-zero does not hide bad input
    assert result.stderr.splitlines() == [
        "data.jsonl:8: missing required field 'text'",
        "data.jsonl:9: bad date 'last Tuesday'; use ISO 8601 such as 2026-03-07",
        "data.jsonl:10: duplicate id 'homes-1' (first at data.jsonl:1)",
        "data.jsonl:11: invalid JSON: Expecting value (column 1)",
    ]
    log = json.loads((in_tmp / "out.sarif").read_text())["runs"][0]
    assert len(log["invocations"][0]["toolExecutionNotifications"]) == 4
    assert {r["ruleId"] for r in log["results"]} == {"NUM001", "DIR001"}


def test_fail_on_and_exit_zero_gate_the_exit_code(run, in_tmp):
    shutil.copy(EXAMPLE, in_tmp / "claims.jsonl")
    assert run("check", "claims.jsonl", "-q").exit_code == 1
    assert run("check", "claims.jsonl", "-q", "--fail-on", "error").exit_code == 1
    assert run("check", "claims.jsonl", "-q", "--fail-on", "none").exit_code == 0
    assert run("check", "claims.jsonl", "-q", "--exit-zero").exit_code == 0


def test_a_baseline_turns_findings_into_sarif_suppressions(run, in_tmp):
    shutil.copy(EXAMPLE, in_tmp / "claims.jsonl")
    assert run("baseline", "create", "baseline.json", "claims.jsonl", "-q").exit_code == 0
    result = run("check", "claims.jsonl", "--baseline", "baseline.json", "-f", "sarif:out.sarif", "-f", "markdown")
    assert result.exit_code == 0, result.output
    assert "No new conflicts." in result.stdout and "1 baselined" in result.stdout
    (finding,) = json.loads((in_tmp / "out.sarif").read_text())["runs"][0]["results"]
    assert finding["suppressions"] == [{"kind": "external", "status": "accepted",
                                        "justification": "in the baseline file"}]


def test_report_files_get_ordinary_permissions(run, stadium):
    old = os.umask(0o022)
    try:
        (stadium / "kept.html").write_text("old")
        os.chmod(stadium / "kept.html", 0o640)
        result = run("check", "stadium.md", "stadium.jsonl", "-q", "-f", "html:new.html", "-f", "sarif:kept.html")
        assert result.exit_code == 1, result.output
    finally:
        os.umask(old)
    assert (stadium / "new.html").stat().st_mode & 0o777 == 0o644  # not the 0600 of a temporary file
    assert (stadium / "kept.html").stat().st_mode & 0o777 == 0o640  # a replaced file keeps its mode
    assert not [p.name for p in stadium.iterdir() if p.name.endswith(".tmp")]
