"""Gating in CI as documented: the README section "Gate a claims dataset in CI"
runs as written, and action.yml, the example workflow and .pre-commit-hooks.yaml
are well formed and do what docs/ci.md says."""

from __future__ import annotations

import json
import os
import re
import shlex
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
import yaml
from click.testing import CliRunner
from conftest import ROOT

from consistency.cli import cli

SECTION = "## Gate a claims dataset in CI"


def readme_session() -> list[tuple[str, list[str]]]:
    """(command, expected output lines) for each ``$ consistency ...`` in the section's console block."""
    text = (ROOT / "README.md").read_text(encoding="utf-8")
    assert SECTION in text
    block = re.search(r"```console\n(.*?)```", text.split(SECTION, 1)[1], re.DOTALL).group(1)
    steps: list[tuple[str, list[str]]] = []
    lines = block.splitlines()
    i = 0
    while i < len(lines):
        line = lines[i]
        if line.startswith("$ "):
            command = line[2:]
            while command.endswith("\\"):
                i += 1
                command = command[:-1] + lines[i].strip()
            steps.append((command, []))
        else:
            steps[-1][1].append(line)
        i += 1
    return steps


def test_the_readme_section_runs_as_written(embedder, in_tmp):
    shutil.copytree(ROOT / "examples", in_tmp / "examples")
    steps = readme_session()
    assert steps[0][0].startswith("scripts/bootstrap")  # the set-up; the tests run in that environment
    runner = CliRunner()
    ran = 0
    for command, expected in steps[1:]:
        command, _, echo = command.partition("; ")
        argv = shlex.split(command)
        assert argv[0] == "consistency", command
        result = runner.invoke(cli, argv[1:], catch_exceptions=False)
        output = result.stdout + result.stderr
        if echo:
            assert echo == 'echo "exit $?"'
            assert expected[-1] == f"exit {result.exit_code}", (command, output)
            expected = expected[:-1]
        else:
            assert result.exit_code == 0, (command, output)
        shown = [line for line in expected if line != "..."]
        for line in shown:
            assert line in output.splitlines(), (command, line, output)
        ran += 1
    assert ran == 3
    assert json.loads((in_tmp / "consistency.sarif").read_text())["runs"][0]["results"][0]["suppressions"]
    assert (in_tmp / "report.html").read_text().startswith("<!DOCTYPE html>")
    assert json.loads((in_tmp / "consistency-baseline.json").read_text())["findings"][0]["claims"] == \
        ["ferry-001", "ferry-002"]


def load(name: str) -> dict | list:
    return yaml.safe_load((ROOT / name).read_text(encoding="utf-8"))


def test_the_action_declares_what_it_uses():
    action = load("action.yml")
    assert action["runs"]["using"] == "composite"
    text = (ROOT / "action.yml").read_text(encoding="utf-8")
    used = set(re.findall(r"inputs\.([a-z-]+)", text))
    assert used == set(action["inputs"]), "every input is used and every used input is declared"
    assert [s["uses"].split("@")[0] for s in action["runs"]["steps"] if "uses" in s] == \
        ["actions/setup-python", "github/codeql-action/upload-sarif"]
    for step in action["runs"]["steps"]:
        # Inputs reach scripts through env, never pasted into the script (script injection).
        assert "${{" not in step.get("run", "")


def test_the_example_workflow_uses_the_action_with_its_inputs():
    workflow = load("examples/consistency-workflow.yml")
    inputs = set(load("action.yml")["inputs"])
    (job,) = workflow["jobs"].values()
    step = next(s for s in job["steps"] if s.get("uses", "").startswith("consistency-dev/consistency@"))
    assert set(step["with"]) <= inputs and "paths" in step["with"]
    assert workflow["permissions"]["security-events"] == "write"
    docs = (ROOT / "docs" / "ci.md").read_text(encoding="utf-8")
    body = (ROOT / "examples/consistency-workflow.yml").read_text(encoding="utf-8")
    assert yaml.safe_load(re.search(r"```yaml\n(name: claims.*?)```", docs, re.DOTALL).group(1)) == workflow, \
        "docs/ci.md shows the example workflow"
    assert "consistency-dev/consistency@" in body


def test_the_pre_commit_hooks_run_the_check():
    hooks = load(".pre-commit-hooks.yaml")
    assert [h["id"] for h in hooks] == ["consistency", "consistency-system"]
    for hook in hooks:
        assert hook["entry"].split()[:2] == ["consistency", "check"]
        assert re.search(hook["files"], "data/claims.jsonl") and re.search(hook["files"], "x.csv")
        assert not re.search(hook["files"], "README.md")
    result = CliRunner().invoke(cli, [*hooks[0]["entry"].split()[1:], "--help"])
    assert result.exit_code == 0 and "--quiet" in result.output and "--baseline" in result.output


def test_the_action_check_step_gates_and_writes_the_summary(tmp_path):
    """Run the action's own "Check claims" and final steps in bash, as the runner would."""
    steps = {s.get("name"): s for s in load("action.yml")["runs"]["steps"]}
    shutil.copy(ROOT / "examples" / "claims.jsonl", tmp_path / "claims.jsonl")
    (tmp_path / "summary.md").write_text("earlier step\n")
    env = {k: v for k, v in os.environ.items() if not k.startswith("CONSISTENCY_")}
    env.update(PATH=f"{Path(sys.executable).parent}{os.pathsep}{env['PATH']}", PATHS="claims.jsonl", BASELINE="",
               FAIL_ON="warning", ARGS="--threshold 0.5", SARIF="out/consistency.sarif",
               GITHUB_STEP_SUMMARY=str(tmp_path / "summary.md"), GITHUB_OUTPUT=str(tmp_path / "output.txt"))
    check = subprocess.run(["bash", "--noprofile", "--norc", "-eo", "pipefail", "-c", steps["Check claims"]["run"]],
                           cwd=tmp_path, env=env, capture_output=True, text=True, timeout=120, check=False)
    assert check.returncode == 0, check.stderr  # the step records the code; the last step fails
    assert (tmp_path / "output.txt").read_text() == "exit-code=1\n"
    assert check.stdout.startswith("::error file=claims.jsonl,line=1,title=NUM001 numeric-mismatch::")
    summary = (tmp_path / "summary.md").read_text()
    assert summary.startswith("earlier step\n## Claim consistency\n\n**1 new conflict**")
    assert json.loads((tmp_path / "out" / "consistency.sarif").read_text())["runs"][0]["results"]
    final = steps["Fail on new conflicts or bad input"]["run"]
    for code, expected in (("0", 0), ("1", 1), ("2", 2)):
        done = subprocess.run(["bash", "-eo", "pipefail", "-c", final], env={**env, "CODE": code},
                              capture_output=True, text=True, check=False)
        assert done.returncode == expected


@pytest.mark.parametrize("name", ["docs/ci.md", "docs/reports.md"])
def test_docs_link_to_files_that_exist(name):
    text = (ROOT / name).read_text(encoding="utf-8")
    for target in re.findall(r"\]\(([a-z][\w./-]*\.md)\)", text):
        if target == "rules.md":
            continue  # the rule catalogue, written with the rules (SARIF helpUri points into it)
        assert (ROOT / name).parent.joinpath(target).exists(), target
    for path in re.findall(r"`((?:examples|tests|consistency)/[\w./-]+)`", text):
        assert (ROOT / path).exists(), path
