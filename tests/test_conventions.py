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
