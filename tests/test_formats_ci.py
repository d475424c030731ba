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
        ["actions/setup-python", "actions/cache", "actions/cache", "github/codeql-action/upload-sarif"]
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


#: ``uses: owner/repo@<40 hex>  # vX`` -- a tag can be moved to other code; a commit cannot.
PINNED = re.compile(r"^[\w.-]+/[\w./-]+@[0-9a-f]{40}$")


@pytest.mark.parametrize("name", ["action.yml", "examples/consistency-workflow.yml", "docs/ci.md", "README.md"])
def test_third_party_actions_are_pinned_to_commit_hashes(name):
    """They were referenced by tag (``@v5``, ``@v3``)."""
    used = re.findall(r"uses:\s*([^\s#]+)", (ROOT / name).read_text(encoding="utf-8"))
    third_party = [u for u in used if not u.startswith("consistency-dev/consistency@")]
    assert third_party or name == "README.md"
    for ref in third_party:
        assert PINNED.match(ref), f"{name}: {ref} is not pinned to a commit"


def test_the_action_installs_a_pinned_cpu_torch_and_caches_pip():
    """torch was installed unpinned, and every run downloaded it again."""
    steps = load("action.yml")["runs"]["steps"]
    install = next(s for s in steps if s.get("name") == "Install consistency")["run"]
    assert re.search(r'"torch==2\.13\.0" --index-url "\$TORCH_INDEX_URL"', install)
    bootstrap = (ROOT / "scripts" / "bootstrap").read_text(encoding="utf-8")
    assert "torch==2.13.0" in bootstrap, "the version the tests run with"
    cache = next(s for s in steps if s.get("uses", "").startswith("actions/cache@"))
    assert cache["with"]["path"] == "${{ steps.pip-cache.outputs.dir }}" and "torch2.13.0" in cache["with"]["key"]
    assert steps.index(cache) < steps.index(next(s for s in steps if s.get("name") == "Install consistency"))


def test_the_action_keeps_the_caches_a_check_reads_between_runs(tmp_path):
    """Every run of the action made the model's ONNX export again (about 20 CPU-s) and parsed and
    embedded every claim's phrases again: the folder it keeps is the one the checker uses."""
    from consistency.runcache import user_folder

    steps = load("action.yml")["runs"]["steps"]
    names = [s.get("name") for s in steps]
    locate = steps[names.index("Locate the caches kept between runs")]
    kept = steps[names.index("Keep the model export, vectors and parses between runs")]
    assert names.index("Install consistency") < steps.index(locate) < steps.index(kept) < names.index("Check claims")
    assert kept["with"]["path"] == "${{ steps.kept.outputs.dir }}"
    assert kept["with"]["key"].endswith("${{ github.run_id }}")
    assert kept["with"]["key"].startswith(kept["with"]["restore-keys"])
    out = tmp_path / "output"
    env = {**os.environ, "GITHUB_OUTPUT": str(out),
           "PATH": f"{Path(sys.executable).parent}{os.pathsep}{os.environ['PATH']}"}
    subprocess.run(["bash", "-e", "-c", locate["run"]], check=True, env=env)
    assert out.read_text(encoding="utf-8").strip() == f"dir={user_folder()}"


def test_the_plain_steps_in_docs_ci_write_the_summary_when_the_check_fails(tmp_path):
    """The documented step ran ``consistency check ...; code=$?`` under GitHub's ``bash -e``: the
    step stopped at the failing check and never wrote the job summary."""
    docs = (ROOT / "docs" / "ci.md").read_text(encoding="utf-8")
    section = docs.split("Without the action, the same in plain steps", 1)[1]
    steps = yaml.safe_load(re.search(r"```yaml\n(.*?)```", section, re.DOTALL).group(1))
    script = next(s["run"] for s in steps if "run" in s and "consistency check" in s["run"])
    (tmp_path / "data").mkdir()
    shutil.copy(ROOT / "examples" / "claims.jsonl", tmp_path / "data" / "claims.jsonl")
    CliRunner().invoke(cli, ["baseline", "create", str(tmp_path / "empty.json"), str(ROOT / "examples")])
    (tmp_path / "consistency-baseline.json").write_text(
        json.dumps({**json.loads((tmp_path / "empty.json").read_text()), "findings": []}))
    env = {k: v for k, v in os.environ.items() if not k.startswith("CONSISTENCY_")}
    env.update(PATH=f"{Path(sys.executable).parent}{os.pathsep}{env['PATH']}",
               GITHUB_STEP_SUMMARY=str(tmp_path / "step-summary.md"))
    done = subprocess.run(["bash", "--noprofile", "--norc", "-eo", "pipefail", "-c", script], cwd=tmp_path, env=env,
                          capture_output=True, text=True, timeout=600, check=False)
    assert done.returncode == 1, done.stderr
    assert "**1 new conflict**" in (tmp_path / "step-summary.md").read_text()


def test_the_pre_commit_hook_checks_the_whole_dataset_not_the_staged_files(tmp_path):
    """It checked only the staged files: a new row contradicting an unchanged file passed. It now
    runs its entry without file names (``pass_filenames: false``) on the ``paths`` setting, and
    installs the CPU build of torch."""
    hooks = load(".pre-commit-hooks.yaml")
    for hook in hooks:
        assert hook["pass_filenames"] is False and hook["require_serial"] is True
    deps = hooks[0]["additional_dependencies"]
    assert "--extra-index-url=https://download.pytorch.org/whl/cpu" in deps and "torch==2.13.0" in deps
    (tmp_path / "data").mkdir()
    (tmp_path / "data" / "old.jsonl").write_text(
        '{"id": "ferry-1", "text": "The ferry carries 1,200 passengers on weekdays."}\n')
    (tmp_path / "data" / "new.jsonl").write_text(  # the staged file
        '{"id": "ferry-2", "text": "The ferry carries 800 passengers on weekdays."}\n')
    (tmp_path / "pyproject.toml").write_text('[tool.consistency]\npaths = ["data/"]\n')
    env = {k: v for k, v in os.environ.items() if not k.startswith("CONSISTENCY_")}
    env["PATH"] = f"{Path(sys.executable).parent}{os.pathsep}{env['PATH']}"
    done = subprocess.run(shlex.split(hooks[0]["entry"]), cwd=tmp_path, env=env, capture_output=True, text=True,
                          timeout=600, check=False)
    assert done.returncode == 1, done.stderr
    assert "data/old.jsonl:1" in done.stdout and "data/new.jsonl:1" in done.stdout
    (tmp_path / "pyproject.toml").write_text('[tool.consistency]\n')
    done = subprocess.run(shlex.split(hooks[0]["entry"]), cwd=tmp_path, env=env, capture_output=True, text=True,
                          timeout=600, check=False)
    assert done.returncode == 2 and "paths" in done.stderr and "Traceback" not in done.stderr


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
