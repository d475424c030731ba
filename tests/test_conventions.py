"""The CLI behaves like the tools users already know (issue 15): ruff's ``--quiet``, ``--select``
and ``--statistics``, configuration found the way ruff finds it. Through the console script, as
a user or a CI job runs it."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

CONSOLE = Path(sys.executable).with_name("consistency")
GOOD = {"id": "ferry", "text": "The ferry carries 1,200 passengers on weekdays."}
OTHER = {"id": "ferry-2", "text": "The ferry carries 800 passengers on weekdays."}


def jsonl(path: Path, *rows) -> Path:
    path.write_text("".join((r if isinstance(r, str) else json.dumps(r)) + "\n" for r in rows), encoding="utf-8")
    return path


def console(*args: str, cwd: Path, env: dict[str, str] | None = None) -> subprocess.CompletedProcess:
    clean = {k: v for k, v in os.environ.items() if not k.startswith("CONSISTENCY_") and k != "NO_COLOR"}
    return subprocess.run([str(CONSOLE), *args], cwd=cwd, env={**clean, **(env or {})}, capture_output=True,
                          text=True, timeout=600)


# -- --quiet drops chatter, never findings or errors ------------------------------------------------
@pytest.mark.parametrize("command", [
    ["check", "c.jsonl", "-f", "json:r.json"],
    ["extract", "c.jsonl"],
    ["run", "--store", "s.db", "c.jsonl", "-f", "json:r.json"],
    ["baseline", "create", "b.json", "c.jsonl"],
], ids=lambda c: c[0])
def test_quiet_still_lists_every_bad_row(tmp_path, command):
    """It used to hide them: exit 2, "N input problems" at most, and no ``path:line: reason``."""
    jsonl(tmp_path / "c.jsonl", GOOD, "not json", OTHER, {"id": "  ", "text": "The bridge is 180 metres long."})
    done = console(*command, "--quiet", cwd=tmp_path)
    assert done.returncode == 2, done.stderr
    assert done.stderr.splitlines() == ["c.jsonl:2: invalid JSON: Expecting value (column 1)",
                                        "c.jsonl:4: 'id' is blank"], done.stderr


def test_quiet_still_prints_the_findings_and_errors(tmp_path):
    jsonl(tmp_path / "c.jsonl", GOOD, OTHER)
    done = console("check", "c.jsonl", "-q", cwd=tmp_path)
    assert done.returncode == 1 and "1 conflict" in done.stdout
    done = console("check", "missing.jsonl", "-q", cwd=tmp_path)
    assert done.returncode == 2 and done.stderr.startswith("error[CNS1")


# -- --select / --ignore: comma lists, prefixes and groups, as in ruff --------------------------------
@pytest.mark.parametrize("args,conflicts", [
    (["--select", "DIR001,NUM001"], 1),
    (["--select", "DIR001,DAT001"], 0),
    (["--select", "NUM,time"], 1),  # a code prefix and a group
    (["--ignore", "numeric,logic"], 0),
    (["--ignore", "DIR001, NUM001", "--ignore", "QNT001"], 0),
])
def test_select_and_ignore_take_comma_lists(run, args, conflicts):
    jsonl(Path("c.jsonl"), GOOD, OTHER)
    result = run("check", "c.jsonl", "-q", "-f", "json", *args)
    assert result.exit_code == (1 if conflicts else 0), result.stderr
    assert len(json.loads(result.stdout)["conflicts"]) == conflicts


def test_an_unknown_code_in_a_comma_list_is_named(tmp_path):
    jsonl(tmp_path / "c.jsonl", GOOD, OTHER)
    done = console("check", "c.jsonl", "--select", "NUM001,XYZ999", cwd=tmp_path)
    assert done.returncode == 2 and done.stderr.startswith("error[CNS1") and "'XYZ999'" in done.stderr
    assert "NUM001,XYZ999" not in done.stderr


# -- --statistics, and json-lines as a format name ----------------------------------------------------
def test_statistics_count_conflicts_by_rule_and_files_are_still_written(tmp_path):
    jsonl(tmp_path / "c.jsonl", GOOD, OTHER, {"id": "ferry-3", "text": "The ferry carries 950 passengers on weekdays."})
    done = console("check", "c.jsonl", "-q", "--statistics", "-f", "json:r.json", cwd=tmp_path)
    assert done.returncode == 1, done.stderr
    report = json.loads((tmp_path / "r.json").read_text())
    assert done.stdout.splitlines() == [f"{len(report['conflicts']):>5}\tNUM001\tnumeric-mismatch\t"
                                        f"({len(report['conflicts'])} new)"]
    assert len(report["conflicts"]) == 3


def test_json_lines_is_an_alias_of_jsonl(run):
    jsonl(Path("c.jsonl"), GOOD, OTHER)
    plain = run("check", "c.jsonl", "-q", "-f", "jsonl")
    for alias in ("json-lines", "JSON-Lines"):
        result = run("check", "c.jsonl", "-q", "-f", alias)
        assert result.exit_code == 1 and result.stdout == plain.stdout
    assert run("extract", "c.jsonl", "-f", "json-lines").stdout == run("extract", "c.jsonl").stdout


# -- configuration: --config FILE, and discovery upward from the inputs -------------------------------
def test_settings_are_found_upward_from_the_inputs_not_only_the_working_folder(tmp_path):
    """Run from outside the project (a CI step, a notebook): the project's pyproject.toml applies."""
    project = tmp_path / "project"
    (project / "data").mkdir(parents=True)
    (project / "pyproject.toml").write_text('[tool.consistency]\nfail_on = "none"\n')
    # a pyproject.toml without our table on the way up is not the one
    (project / "data" / "pyproject.toml").write_text('[project]\nname = "claims"\n')
    jsonl(project / "data" / "c.jsonl", GOOD, OTHER)
    assert console("check", "project/data/c.jsonl", "-q", cwd=tmp_path).returncode == 0
    assert console("check", "project/data", "-q", cwd=tmp_path).returncode == 0
    # a command-line option still wins
    assert console("check", "project/data/c.jsonl", "-q", "--fail-on", "warning", cwd=tmp_path).returncode == 1


def test_config_file_replaces_discovery(tmp_path):
    (tmp_path / "pyproject.toml").write_text('[tool.consistency]\nignore = ["NUM001"]\n')
    jsonl(tmp_path / "c.jsonl", GOOD, OTHER)
    (tmp_path / "strict.toml").write_text('fail_on = "info"\n')
    (tmp_path / "other.toml").write_text('[tool.consistency]\nselect = ["DAT001"]\n')
    assert console("check", "c.jsonl", "-q", cwd=tmp_path).returncode == 0
    assert console("check", "c.jsonl", "-q", "--config", "strict.toml", cwd=tmp_path).returncode == 1
    assert console("check", "c.jsonl", "-q", "--config", "other.toml", cwd=tmp_path).returncode == 0
    done = console("check", "c.jsonl", "-q", "--config", "missing.toml", cwd=tmp_path)
    assert done.returncode == 2 and done.stderr.startswith("error[CNS1") and "missing.toml" in done.stderr
    (tmp_path / "bad.toml").write_text("threshold = true\n")
    done = console("check", "c.jsonl", "-q", "--config", "bad.toml", cwd=tmp_path)
    assert done.returncode == 2 and done.stderr.startswith("error[CNS102]") and "bad.toml" in done.stderr


# -- baseline: entries say what was accepted; an audit loop over them (detect-secrets) ---------------
def test_baseline_entries_carry_the_explanation_and_audit_records_decisions(tmp_path):
    jsonl(tmp_path / "c.jsonl", GOOD, OTHER, {"id": "ferry-3", "text": "The ferry carries 950 passengers on weekdays."})
    assert console("baseline", "create", "b.json", "c.jsonl", "-q", cwd=tmp_path).returncode == 0
    entries = json.loads((tmp_path / "b.json").read_text())["findings"]
    assert len(entries) == 3 and all(e["decision"] == "open" for e in entries)
    assert all("passengers" in e["explanation"] for e in entries), "a reviewer of the diff sees what is accepted"
    done = subprocess.run([str(CONSOLE), "baseline", "audit", "b.json", "c.jsonl"], cwd=tmp_path,
                          input="y\ne\ntwo different ferries\nn\ns\n", capture_output=True, text=True, timeout=600)
    assert done.returncode == 0, done.stderr
    assert done.stdout.count("passengers") >= 6 and "[3/3]" in done.stdout
    assert done.stderr.splitlines()[-1] == "b.json: 2 decided, 1 still open"
    after = {e["id"]: e for e in json.loads((tmp_path / "b.json").read_text())["findings"]}
    order = [e["id"] for e in entries]
    assert [after[i]["decision"] for i in order] == ["confirmed", "dismissed", "open"]
    assert after[order[1]]["note"] == "two different ferries"
    # the next audit shows only what is still open; check --baseline still accepts every entry
    again = subprocess.run([str(CONSOLE), "baseline", "audit", "b.json", "c.jsonl"], cwd=tmp_path, input="q\n",
                           capture_output=True, text=True, timeout=600)
    assert again.returncode == 0 and "[1/1]" in again.stdout
    assert console("check", "c.jsonl", "--baseline", "b.json", "-q", cwd=tmp_path).returncode == 0


# -- inline suppression in a curated dataset (a row's own "# noqa") ----------------------------------
@pytest.mark.parametrize("ignore,conflicts", [(["NUM001"], 0), (["numeric"], 0), (["NUM"], 0), (["DIR001"], 1)])
def test_a_row_suppresses_rules_for_its_own_claims(run, ignore, conflicts):
    jsonl(Path("c.jsonl"), {**GOOD, "consistency": {"ignore": ignore}}, OTHER,
          {"id": "ferry-3", "text": "The ferry carries 950 passengers on weekdays."})
    result = run("check", "c.jsonl", "-q", "-f", "json")
    report = json.loads(result.stdout)
    # the other two rows still conflict with each other
    assert len(report["conflicts"]) == 1 + 2 * conflicts, result.stderr
    assert all("ferry" in c["claims"][0]["id"] for c in report["conflicts"])
    if conflicts == 0:
        assert {c["claims"][0]["id"] for c in report["conflicts"]} | {c["claims"][1]["id"] for c in report["conflicts"]} \
            == {"ferry-2", "ferry-3"}


def test_run_store_honours_inline_suppression_and_closes_what_a_row_suppresses_later(tmp_path):
    """`run --store` ignored the row field that `check` honours: a suppressed conflict was stored,
    reported and kept open night after night. Now the run stores and reports what `check` reports;
    a row that suppresses a rule later closes the finding it had."""
    third = {"id": "ferry-3", "text": "The ferry carries 950 passengers on weekdays."}
    jsonl(tmp_path / "c.jsonl", {**GOOD, "consistency": {"ignore": ["NUM001"]}}, OTHER, third)
    first = console("run", "--store", "s.db", "c.jsonl", "-f", "json", cwd=tmp_path)
    assert first.returncode == 1, first.stderr
    pairs = [{c["claims"][0]["id"], c["claims"][1]["id"]} for c in json.loads(first.stdout)["conflicts"]]
    assert pairs == [{"ferry-2", "ferry-3"}]  # as `check` reports it
    checked = console("check", "c.jsonl", "-q", "-f", "json", cwd=tmp_path)
    assert [{c["claims"][0]["id"], c["claims"][1]["id"]} for c in json.loads(checked.stdout)["conflicts"]] == pairs
    assert "2 suppressed;" in first.stderr
    stored = json.loads(console("review", "list", "--store", "s.db", "-f", "json", cwd=tmp_path).stdout)
    assert [{f["claims"][0]["id"], f["claims"][1]["id"]} for f in stored] == pairs  # stored as reported

    # the curator suppresses the remaining conflict on a row: the next run closes it
    jsonl(tmp_path / "c.jsonl", {**GOOD, "consistency": {"ignore": ["NUM001"]}}, OTHER,
          {**third, "consistency": {"ignore": ["numeric"]}})
    second = console("run", "--store", "s.db", "c.jsonl", "-f", "json", cwd=tmp_path)
    assert second.returncode == 0, second.stderr
    assert json.loads(second.stdout)["conflicts"] == []
    assert "1 closed, 2 suppressed;" in second.stderr  # only the edited row was matched again
    assert json.loads(console("review", "list", "--store", "s.db", "-f", "json", cwd=tmp_path).stdout) == []


def test_inline_suppression_in_csv_and_bad_suppressions_are_bad_rows(tmp_path):
    (tmp_path / "c.csv").write_text(
        "id,text,consistency.ignore\n"
        f'ferry,"{GOOD["text"]}","NUM001, DIR001"\n'
        f'ferry-2,"{OTHER["text"]}",\n'
        "bridge,The bridge is 180 metres long.,XYZ999\n")
    jsonl(tmp_path / "d.jsonl", {**GOOD, "id": "ferry-4", "text": "The ferry carries 700 passengers on weekdays.",
                                 "consistency": "NUM001"})
    done = console("check", "c.csv", "d.jsonl", "-q", "-f", "json", cwd=tmp_path)
    assert done.returncode == 2
    assert done.stderr.splitlines() == [
        "c.csv:4: unknown rule or group 'XYZ999' in consistency.ignore",
        "d.jsonl:1: 'consistency' must be {\"ignore\": [rule codes or groups]}"], done.stderr
    assert json.loads(done.stdout)["conflicts"] == []


# -- per-file ignores, as ruff's per-file-ignores --------------------------------------------------------
def _legacy_dataset(root: Path) -> Path:
    """A project whose data/legacy/ holds an old export that disagrees with everything newer."""
    (root / "data" / "legacy").mkdir(parents=True)
    jsonl(root / "data" / "legacy" / "old.jsonl", GOOD)
    jsonl(root / "data" / "new.jsonl", OTHER, {"id": "ferry-3", "text": "The ferry carries 950 passengers on weekdays."})
    return root / "data"


def _pairs(report_json: str) -> list[set[str]]:
    return sorted(({c["claims"][0]["id"], c["claims"][1]["id"]} for c in json.loads(report_json)["conflicts"]),
                  key=sorted)


@pytest.mark.parametrize("given", ["pyproject", "option", "environment"])
def test_per_file_ignores_skip_rules_for_the_claims_of_matching_files(tmp_path, given):
    """From the pyproject.toml of the project (globs anchored at its folder, whatever the working
    folder), from --per-file-ignores, or from CONSISTENCY_PER_FILE_IGNORES (anchored at the working
    folder); a glob without a folder matches the file's name anywhere."""
    data = _legacy_dataset(tmp_path / "project")
    args, env, cwd = [], {}, tmp_path
    if given == "pyproject":
        (tmp_path / "project" / "pyproject.toml").write_text(
            '[tool.consistency.per-file-ignores]\n"data/legacy/*" = ["numeric"]\n')
    elif given == "option":
        args, cwd = ["--per-file-ignores", "data/legacy/*.jsonl:NUM001,DIR001"], tmp_path / "project"
    else:
        env = {"CONSISTENCY_PER_FILE_IGNORES": "old.jsonl:NUM;README.md:DIR001"}
    done = console("check", str(data), "-q", "-f", "json", *args, cwd=cwd, env=env)
    assert done.returncode == 1, done.stderr
    assert _pairs(done.stdout) == [{"ferry-2", "ferry-3"}]  # the legacy row's two conflicts are not reported


def test_run_store_follows_per_file_ignores_and_rematches_when_they_change(tmp_path):
    data = _legacy_dataset(tmp_path)
    first = console("run", "--store", "s.db", str(data), "-f", "json", "--per-file-ignores", "old.jsonl:NUM001",
                    cwd=tmp_path)
    assert first.returncode == 1 and _pairs(first.stdout) == [{"ferry-2", "ferry-3"}], first.stderr
    assert "2 suppressed;" in first.stderr
    # the setting dropped: what it suppressed is matched again and reported now
    second = console("run", "--store", "s.db", str(data), "-f", "json", cwd=tmp_path)
    assert second.returncode == 1, second.stderr
    assert _pairs(second.stdout) == [{"ferry", "ferry-2"}, {"ferry", "ferry-3"}]


@pytest.mark.parametrize("args,env,message", [
    (["--per-file-ignores", "old.jsonl:XYZ999"], {},
     "error[CNS102]: unknown rule or group 'XYZ999' in per_file_ignores for 'old.jsonl'"),
    (["--per-file-ignores", "old.jsonl"], {}, "error[CNS102]: bad value 'old.jsonl' for per_file_ignores in "
                                               "--per-file-ignores: must be GLOB:CODES"),
    ([], {"CONSISTENCY_PER_FILE_IGNORES": ":NUM001"}, "error[CNS102]: bad value ':NUM001' for per_file_ignores"),
])
def test_bad_per_file_ignores_are_one_line_errors(tmp_path, args, env, message):
    data = _legacy_dataset(tmp_path)
    done = console("check", str(data), *args, cwd=tmp_path, env=env)
    assert done.returncode == 2 and done.stderr.startswith(message) and len(done.stderr.splitlines()) == 1, \
        done.stderr
