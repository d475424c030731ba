"""The same inputs in any order, and at any thread count, give byte-identical reports (issue 10, item 4),
and shuffled dataset rows the same findings and groups (issue 13).

Runs the real console script with the real model on the seed articles, giving the files in shuffled
orders, at 1 and 2 threads, with a neighbour cap of 1 so that the cap decides pairs too; and on the
seeds' claims as a dataset whose rows are shuffled, with `check` and `run --store`.
"""

from __future__ import annotations

import json
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


def _dataset_rows(tmp: Path) -> list[str]:
    """The seed articles as a claim dataset (JSONL, one claim per row: id, text, source, date, url),
    read by the real `consistency extract`."""
    proc = subprocess.run([str(CONSOLE), "extract", str(SEEDS), "--format", "jsonl"], cwd=tmp,
                          env={**os.environ, "NO_COLOR": "1"}, capture_output=True, text=True, timeout=600)
    assert proc.returncode == 0, proc.stderr
    keep = ("id", "text", "source", "date", "url")
    rows = [json.loads(line) for line in proc.stdout.splitlines() if line.strip()]
    return [json.dumps({k: row[k] for k in keep if row.get(k) is not None}) for row in rows]


def _write(path: Path, rows: list[str]) -> None:
    path.write_text("".join(row + "\n" for row in rows), encoding="utf-8")


def _content(report: bytes) -> tuple:
    """What a JSON report says, without where its rows stood in the input: each finding (its id,
    rule, similarity, confidence and claims), the groups as sets of claims, and the summary. A row's
    line number, the numbers of groups and which claim of a finding comes first follow the input
    order by design, so shuffled rows cannot give the same bytes."""
    data = json.loads(report)
    findings = sorted((f["id"], f["rule"], f["similarity"], f["confidence"], sorted(c["id"] for c in f["claims"]))
                      for f in data["conflicts"] + data["updates"] + data["corrections"])
    return data["summary"], findings, sorted(sorted(g["claims"]) for g in data["groups"])


def test_shuffled_rows_give_the_same_findings_groups_and_confidences(tmp_path):
    """Issue 13: the rows of one dataset (the seed articles' claims, one per row) in another order
    give the same findings with the same confidences and the same groups, from `check` and from
    `run --store` (a fresh store each).

    `run` embeds what is new in chunks taken in input order (four batches each; batches of 2 here, so
    the claims span several chunks): while the int8 backend quantised each batch's activations by
    the batch's largest value, a claim's vector depended on its batch mates and shuffled rows gave
    `run` other confidences, findings and groups."""
    rows = _dataset_rows(tmp_path)
    assert len(rows) >= 20
    shuffled = rows[:]
    random.Random(13).shuffle(shuffled)
    assert shuffled != rows
    env = {**os.environ, "CONSISTENCY_BATCH_SIZE": "2", "NO_COLOR": "1"}

    def report(command: list[str], order: list[str]) -> tuple:
        _write(tmp_path / "claims.jsonl", order)
        proc = subprocess.run([str(CONSOLE), *command, "claims.jsonl", "-q", "-f", "json"], cwd=tmp_path,
                              env=env, capture_output=True, timeout=600)
        assert proc.returncode in (0, 1), proc.stderr
        return _content(proc.stdout)

    checked = report(["check"], rows)
    assert checked[1] and len(checked[2]) > 1
    assert report(["check"], shuffled) == checked
    stored = report(["run", "--store", str(tmp_path / "sorted.db")], rows)
    assert stored[1]
    assert report(["run", "--store", str(tmp_path / "shuffled.db")], shuffled) == stored
