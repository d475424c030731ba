"""Stores under hostile conditions (issue 10, items 9-11): concurrent runs and hard-linked
names, damaged pages and rows, crafted triggers and views, empty and foreign files,
Ctrl-C at the review prompt, and reviewer names that would forge log lines.

Every case must end in a one-line ``error[CNS...]`` with exit code 2 (or 130 for
Ctrl-C), never a traceback or exit 3, and must not change the file it refused.
"""

from __future__ import annotations

import json
import os
import shutil
import sqlite3
import subprocess
import sys
import threading
from pathlib import Path

import pytest

from consistency.store import open_store

from test_crash import finish, paused_run
from test_review import stored_run
from test_store import invoke, run_json, write_corpus

pytestmark = pytest.mark.skipif(not hasattr(os, "fork"), reason="needs fork")


def stored(tmp_path) -> tuple[Path, Path, dict]:
    db, corpus, report = stored_run(tmp_path)
    return db, corpus, report


def one_line_error(result, *words: str) -> str:
    line = result.stderr.strip()
    assert result.exit_code == 2, (result.exit_code, result.stdout, result.stderr)
    assert line.startswith("error[CNS1") and len(line.splitlines()) == 1 and "Traceback" not in line, line
    for word in words:
        assert word in line, line
    return line


# -- item 9: concurrent runs ---------------------------------------------------------------------
def test_a_run_holds_the_store_until_its_report_is_marked(tmp_path, embedder):
    """Two runs at once never report the same findings: the second waits until the first has
    written and marked its report (it used to start as soon as the first had committed)."""
    corpus = write_corpus(tmp_path / "articles")
    db = tmp_path / "s.db"
    run, go = paused_run(db, corpus, tmp_path, "run:report-written", "first")
    try:
        blocked = invoke("run", "--store", str(db), str(corpus), "-q", "--lock-timeout", "0.3")
        one_line_error(blocked, "in use by another run", f"pid {run.pid}")
        threading.Timer(1.0, go.touch).start()
        second = invoke("run", "--store", str(db), str(corpus), "-q", "-f", "json", "--lock-timeout", "60")
        assert second.exit_code == 0, second.stderr
        assert json.loads(second.stdout)["conflicts"] == []
    finally:
        code = finish(run, go)
    assert code == 1 and json.loads((tmp_path / "first.json").read_text())["conflicts"]


def test_a_hard_linked_store_name_shares_the_lock(tmp_path, embedder):
    corpus = write_corpus(tmp_path / "articles")
    db = tmp_path / "s.db"
    run_json(db, corpus)
    other = tmp_path / "elsewhere" / "same-store.db"
    other.parent.mkdir()
    os.link(db, other)
    (corpus / "bridge-c.md").write_text("The Halden bridge is 150 metres long, officials confirmed on Friday.\n")
    run, go = paused_run(db, corpus, tmp_path, "run:matched", "first")
    try:
        blocked = invoke("run", "--store", str(other), str(corpus), "-q", "--lock-timeout", "0.3")
        one_line_error(blocked, "in use by another run")
    finally:
        assert finish(run, go) == 1


# -- item 10: damaged and crafted stores -----------------------------------------------------------
def test_page_level_corruption_is_a_one_line_error(tmp_path, embedder):
    db, corpus, _ = stored(tmp_path)
    page = sqlite3.connect(db).execute("PRAGMA page_size").fetchone()[0]
    data = bytearray(db.read_bytes())
    assert len(data) > 4 * page
    for offset in range(2 * page, len(data), page):  # every b-tree page but the first two
        data[offset:offset + page] = bytes([0xA5]) * page
    db.write_bytes(bytes(data))
    for args in (("review", "list"), ("review", "log"), ("run", str(corpus), "-q")):
        one_line_error(invoke(*args, "--store", str(db)), "damaged")


def test_a_row_that_is_not_json_is_a_one_line_error(tmp_path, embedder):
    db, corpus, _ = stored(tmp_path)
    conn = sqlite3.connect(db)
    conn.execute("UPDATE findings SET data = 'this is {not json'")
    conn.commit()
    conn.close()
    one_line_error(invoke("review", "list", "--store", str(db)), "damaged")
    one_line_error(invoke("review", "--store", str(db), input="y\n"), "damaged")


@pytest.mark.parametrize("crafted", [
    "CREATE TRIGGER sneaky AFTER INSERT ON runs BEGIN "
    "INSERT INTO decisions (fingerprint, decision, by, at, note) "
    "SELECT fingerprint, 'dismissed', 'nobody', '2026-01-01', '' FROM findings; END",
    "CREATE VIEW open_findings AS SELECT * FROM findings",
    "DROP TRIGGER decisions_no_delete",
    "DROP TRIGGER decisions_no_update; CREATE TRIGGER decisions_no_update BEFORE UPDATE ON decisions "
    "BEGIN SELECT 1; END",
], ids=["trigger-appending-decisions", "view", "append-only-guard-dropped", "append-only-guard-replaced"])
def test_a_crafted_store_is_refused_and_left_alone(tmp_path, embedder, crafted):
    db, corpus, _ = stored(tmp_path)
    conn = sqlite3.connect(db)
    conn.executescript(crafted)
    conn.close()
    before = db.read_bytes()
    (corpus / "bridge-d.md").write_text("The Halden bridge is 210 metres long, a surveyor said on Friday.\n")
    line = one_line_error(invoke("run", "--store", str(db), str(corpus), "-q"))
    assert "refusing the store" in line or "is missing" in line
    one_line_error(invoke("review", "list", "--store", str(db)))
    assert db.read_bytes() == before
    assert sqlite3.connect(db).execute("SELECT COUNT(*) FROM decisions").fetchone()[0] == 0


def foreign_files(tmp_path: Path) -> dict[str, Path]:
    empty = tmp_path / "empty.db"
    empty.write_bytes(b"")
    blank = tmp_path / "blank.db"  # an SQLite database with no tables at all
    conn = sqlite3.connect(blank)
    conn.execute("PRAGMA user_version = 7")
    conn.close()
    other = tmp_path / "other.db"
    conn = sqlite3.connect(other)
    conn.execute("CREATE TABLE customers (id INTEGER)")
    conn.commit()
    conn.close()
    text = tmp_path / "notes.db"
    text.write_text("shopping list\n")
    return {"empty": empty, "blank": blank, "other": other, "text": text}


@pytest.mark.parametrize("command", [("review", "list"), ("review", "set", "abcdef", "dismissed"),
                                     ("check", "ARTICLES", "-q")])
def test_an_empty_or_foreign_file_never_becomes_a_store(tmp_path, embedder, command):
    corpus = write_corpus(tmp_path / "articles")
    for name, path in foreign_files(tmp_path).items():
        before = path.read_bytes()
        args = [str(corpus) if a == "ARTICLES" else a for a in command]
        one_line_error(invoke(*args, "--store", str(path)), "not a consistency store")
        assert path.read_bytes() == before, name
        assert not [p for p in tmp_path.iterdir() if p.name.startswith(path.name + "-")], name  # no -wal, -shm


# -- item 11: the review prompt and the review log ------------------------------------------------
def test_ctrl_c_at_the_review_prompt_exits_130_in_a_terminal(tmp_path, embedder):
    pexpect = pytest.importorskip("pexpect")
    db, _, _ = stored(tmp_path)
    script = shutil.which("consistency", path=str(Path(sys.executable).parent)) or "consistency"
    child = pexpect.spawn(script, ["review", "--store", str(db), "--by", "ana"], dimensions=(40, 120),
                          env={**os.environ, "NO_COLOR": "1"}, encoding="utf-8", timeout=60)
    child.expect(r"real conflict\?")
    child.send("y")  # a single key, no Enter
    child.expect(r"\[2/\d+\] real conflict\?")
    child.sendintr()
    child.expect(pexpect.EOF)
    child.close()
    assert child.exitstatus == 130, child.before
    with open_store(db) as store:  # the decision made before Ctrl-C is kept
        assert [(d.decision, d.by) for d in store.decisions.history()] == [("confirmed", "ana")]


@pytest.mark.parametrize("name", ["ana\n2026-03-09T00:00:00+00:00  ffffffffffff  dismissed  boss",
                                  "ana\rboss", "ana\x1b[2J", "", "   "])
def test_a_reviewer_name_cannot_forge_log_lines(tmp_path, embedder, name):
    db, _, report = stored(tmp_path)
    fid = report["conflicts"][0]["id"]
    one_line_error(invoke("review", "set", fid, "dismissed", "--by", name, "--store", str(db)), "reviewer name")
    with open_store(db) as store:
        assert store.decisions.count() == 0


def test_the_review_log_prints_one_line_per_entry(tmp_path, embedder):
    db, _, report = stored(tmp_path)
    fid = report["conflicts"][0]["id"]
    note = "first line\n2026-03-09T00:00:00+00:00  ffffffffffff  confirmed  boss\x1b]52;c;aGk=\x07"
    assert invoke("review", "set", fid, "dismissed", "--by", "ana", "--note", note, "--store", str(db)).exit_code == 0
    lines = invoke("review", "log", "--store", str(db)).stdout.splitlines()
    assert len(lines) == 1 and "\\n2026" in lines[0] and "\x1b" not in lines[0] and "\\x1b" in lines[0]


def test_opening_the_store_again_keeps_the_locks_of_connections_already_open(tmp_path):
    """`consistency serve` opens one connection per thread while a nightly run works in another
    process. Opening the store used to read its header through a descriptor it then closed, and
    closing any descriptor of a file drops all of a process's POSIX locks on it, SQLite's included:
    the run, closing last as far as the file's locks said, checkpointed and deleted the write-ahead
    log under the open connections, which then failed with "disk I/O error"."""
    db = tmp_path / "s.db"
    with open_store(db):
        pass
    first = open_store(db, create=False)
    try:
        assert first.decisions.history() == []  # a read: the connection now holds its locks
        open_store(db, create=False).close()  # a second thread's connection, opened and closed
        other = "import sys; from consistency.store import open_store; open_store(sys.argv[1], create=False).close()"
        subprocess.run([sys.executable, "-c", other, str(db)], check=True)  # another process, as a run
        assert first.decisions.history() == []
        assert db.with_name(db.name + "-wal").exists()  # still the log of a connection that is open
    finally:
        first.close()
