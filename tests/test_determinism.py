"""The same inputs in any order, and at any thread count, give byte-identical reports (issue 10, item 4).

Runs the real console script with the real model on the seed articles, giving the files in shuffled
orders, at 1 and 2 threads, with a neighbour cap of 1 so that the cap decides pairs too.
"""

from __future__ import annotations

import os
import random
import shutil
import subprocess
import sys
from pathlib import Path

from conftest import SEEDS

CONSOLE = Path(sys.executable).with_name("consistency")


def reports(tmp: Path, files: list[str], threads: int, name: str) -> dict[str, bytes]:
    out = tmp / name
    out.mkdir()
    env = {**os.environ, "CONSISTENCY_THREADS": str(threads), "CONSISTENCY_MAX_NEIGHBORS": "1", "NO_COLOR": "1"}
    proc = subprocess.run([str(CONSOLE), "check", *files, "-q", "-f", f"json:{out / 'r.json'}",
                           "-f", f"sarif:{out / 'r.sarif'}", "-f", f"text:{out / 'r.txt'}"],
                          cwd=tmp, env=env, capture_output=True, text=True, timeout=600)
    assert proc.returncode in (0, 1), proc.stderr
    return {p.name: p.read_bytes() for p in sorted(out.iterdir())}


def test_shuffled_inputs_and_thread_counts_give_identical_reports(tmp_path):
    inputs = tmp_path / "in"
    shutil.copytree(SEEDS, inputs)
    files = sorted(str(p) for p in inputs.iterdir() if p.is_file())
    assert len(files) >= 4
    first = reports(tmp_path, files, 1, "sorted-1")
    assert b'"conflicts"' in first["r.json"] and len(first) == 3
    shuffled = files[:]
    random.Random(13).shuffle(shuffled)
    assert shuffled != files
    assert reports(tmp_path, shuffled, 2, "shuffled-2") == first
    assert reports(tmp_path, files[::-1], 2, "reversed-2") == first
