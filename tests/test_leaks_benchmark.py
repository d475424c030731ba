"""benchmarks/leaks.py on a data folder and a repository of our own (the real data is not for tests).

The "licensed" rows here are written for the test: a tokenised corpus line, a JSON row with escapes,
and a video player's button labels that the allow-list lets through.
"""

from __future__ import annotations

import json
import subprocess
from pathlib import Path

from benchmark_module import benchmark

ROWS = [
    {"id": "x-1", "text": "Early on Monday , the harbour pilots of Westmere had rescued eleven sailors ,"
                          " officials said .\nThe storm eased by noon ."},
    {"id": "x-2", "premise": "The orchard\u2019s yield fell to 4,120 crates in the dry summer of that year.",
     "hypothesis": "CLOSE Skip in Skip x Embed x Share A mill burned down."},
]


def _repo(tmp_path: Path, files: dict[str, str]) -> Path:
    repo = tmp_path / "repo"
    repo.mkdir()
    for name, text in files.items():
        (repo / name).write_text(text, encoding="utf-8")
    subprocess.run(["git", "init", "-q", str(repo)], check=True)
    subprocess.run(["git", "-C", str(repo), "add", *files], check=True)
    return repo


def _data(tmp_path: Path) -> Path:
    data = tmp_path / "data"
    (data / "news").mkdir(parents=True)
    (data / "news" / "rows.jsonl").write_text("".join(json.dumps(r) + "\n" for r in ROWS), encoding="utf-8")
    return data


def test_skips_cleanly_without_data(tmp_path, capsys) -> None:
    assert benchmark("leaks").main(["--data", str(tmp_path / "absent")]) == 0
    assert "skipped" in capsys.readouterr().out


def test_finds_a_quote_across_lines_punctuation_and_escapes(tmp_path, capsys) -> None:
    repo = _repo(tmp_path, {
        "mod.py": '"""Reads a rescue ("the harbour pilots of Westmere had\n'
                  '    rescued eleven sailors").\n"""\n',
        "cases.jsonl": json.dumps({"a": "The orchard\u2019s yield fell to 4,120 crates in the dry summer."})
        + "\n",
        "ours.md": "Nine sailors were rescued by pilots of the harbour on Tuesday, officials said.\n",
    })
    allow = tmp_path / "allow.txt"
    allow.write_text("", encoding="utf-8")
    assert benchmark("leaks").main(["--data", str(_data(tmp_path)), "--repo", str(repo), "--allow", str(allow)]) == 1
    out = capsys.readouterr().out.splitlines()
    assert "mod.py:1-2: the harbour pilots of westmere had rescued eleven sailors" in out
    assert "cases.jsonl:1: the orchard s yield fell to 4 120 crates in the dry summer" in out
    assert not any(line.startswith("ours.md") for line in out), "our own wording shares no 7 words"


def test_allow_list_lets_page_furniture_through(tmp_path, capsys) -> None:
    line = 'LINE = "CLOSE Skip in Skip x Embed x Share A crash left one hurt."\n'
    repo = _repo(tmp_path, {"test_x.py": line})
    allow = tmp_path / "allow.txt"
    allow.write_text("close skip in skip x embed x share a  # a video player's buttons\n", encoding="utf-8")
    data = _data(tmp_path)
    assert benchmark("leaks").main(["--data", str(data), "--repo", str(repo), "--allow", str(allow)]) == 0
    assert benchmark("leaks").main(["--data", str(data), "--repo", str(repo), "--allow", str(tmp_path / "none")]) == 1
    assert "test_x.py:1: close skip in skip x embed x share a" in capsys.readouterr().out
