"""The SQLite store: creation, migrations, foreign files, where the store is (what both backends
share is tested on both in test_store_backends.py).

Also holds the small planted corpus the run, review, baseline and crash tests share
(`write_corpus`): two articles that disagree on a bridge's length, one unrelated.
"""

from __future__ import annotations

import json
import sqlite3
from pathlib import Path

import pytest
from click.testing import CliRunner

from consistency.cli import cli
from consistency.errors import StoreError
from consistency.store import default_store_path, open_store
from consistency.store.schema import LATEST

BRIDGE_A = """---
source: Harbor Ledger
date: 2026-03-07
---
The Halden bridge is 120 metres long, the city engineer said on Monday.

Traffic on the coastal road was diverted for three days while crews inspected the deck.

The council approved 4 million euros for repairs to the old ferry pier.
"""

BRIDGE_B = """---
source: Northern Wire
date: 2026-03-08
---
The Halden bridge is 180 metres long, according to the regional ministry.

The ministry said inspections of the deck would finish before the summer holidays.
"""

WEATHER = """---
source: Valley Post
date: 2026-03-08
---
Heavy rain is expected across the northern valleys on Thursday.

The local football club won its third match in a row on Sunday.
"""


def write_corpus(folder: Path) -> Path:
    """The planted corpus in ``folder``: one numeric conflict (120 vs 180 metres)."""
    folder.mkdir(parents=True, exist_ok=True)
    (folder / "bridge-a.md").write_text(BRIDGE_A, encoding="utf-8")
    (folder / "bridge-b.md").write_text(BRIDGE_B, encoding="utf-8")
    (folder / "weather.md").write_text(WEATHER, encoding="utf-8")
    return folder


def invoke(*args: str, input: str | None = None):
    """Run the CLI in-process; returns click's Result (exit_code, stdout, stderr)."""
    return CliRunner().invoke(cli, list(args), input=input)


def run_json(store: Path, *paths: Path, extra: tuple[str, ...] = ()) -> tuple[int, dict]:
    result = invoke("run", "--store", str(store), *map(str, paths), "-f", "json", "-q", *extra)
    assert result.exit_code in (0, 1), result.output + result.stderr
    return result.exit_code, json.loads(result.stdout)


def integrity(path: Path) -> list:
    conn = sqlite3.connect(path)
    try:
        return [r[0] for r in conn.execute("PRAGMA integrity_check")] + conn.execute(
            "PRAGMA foreign_key_check").fetchall()
    finally:
        conn.close()


def test_new_store_is_created_migrated_and_sound(tmp_path):
    path = tmp_path / "sub" / "news.db"
    with open_store(path) as store:
        rows = store.conn.execute("SELECT version, name, applied_at FROM migrations").fetchall()
        assert [r[0] for r in rows] == list(range(1, LATEST + 1))
        assert all(r[2].endswith("+00:00") for r in rows)
        assert store.integrity_check() == ["ok"]
        assert store.conn.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
    # no temporary files are left next to it
    assert sorted(p.name for p in path.parent.iterdir() if not p.name.startswith("news.db")) == []
    with open_store(path) as store:  # reopening applies nothing twice
        assert store.conn.execute("SELECT COUNT(*) FROM migrations").fetchone()[0] == LATEST


def test_a_file_that_is_not_a_store_is_refused(tmp_path):
    other = tmp_path / "other.db"
    conn = sqlite3.connect(other)
    conn.execute("CREATE TABLE customers (id INTEGER)")
    conn.commit()
    conn.close()
    with pytest.raises(StoreError, match="not a consistency store"):
        open_store(other)
    junk = tmp_path / "junk.db"
    junk.write_text("this is not sqlite at all, just text " * 50)
    with pytest.raises(StoreError, match="not a consistency store"):
        open_store(junk)


def test_review_without_a_store_is_a_one_line_error(tmp_path):
    result = invoke("review", "list", "--store", str(tmp_path / "missing.db"))
    assert result.exit_code == 2
    assert "no store at" in result.stderr and "Traceback" not in result.output + result.stderr
    assert not (tmp_path / "missing.db").exists()


def test_default_store_path_follows_xdg_data_home(tmp_path, monkeypatch):
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "data"))
    assert default_store_path() == tmp_path / "data" / "consistency" / "store.db"


def test_store_path_from_pyproject_env_and_option(in_tmp, monkeypatch):
    corpus = write_corpus(in_tmp / "articles")
    (in_tmp / "pyproject.toml").write_text('[tool.consistency]\nstore = "state/from-config.db"\n')
    assert invoke("run", str(corpus), "-q").exit_code == 1
    assert (in_tmp / "state" / "from-config.db").is_file()
    monkeypatch.setenv("CONSISTENCY_STORE", str(in_tmp / "from-env.db"))
    assert invoke("run", str(corpus), "-q").exit_code == 1  # a new store: the conflict is new there
    assert (in_tmp / "from-env.db").is_file()
    assert invoke("run", "--store", str(in_tmp / "opt.db"), str(corpus), "-q").exit_code == 1
    assert (in_tmp / "opt.db").is_file()
    assert invoke("run", str(corpus), "-q").exit_code == 0  # env store again: nothing new
