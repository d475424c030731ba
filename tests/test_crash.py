"""Crash safety: kill -9 at every point of a run, and two runs on one store at once.

Runs are forked from the test process, which has the model loaded already, so a
killed run costs a fraction of a second instead of a model load (torch runs
single-threaded in the children: its thread pool does not survive a fork). The
child SIGKILLs itself at the Nth crash point (``CONSISTENCY_TEST_KILL_AT=N``,
see `consistency.store.hooks`): no cleanup runs, exactly as with ``kill -9``.
"""

from __future__ import annotations

import json
import os
import shutil
import signal
import sqlite3
import subprocess
import sys
import threading
import time
from pathlib import Path

import pytest

from consistency import api
from consistency.store import open_store

from conftest import SEEDS
from test_store import BRIDGE_B, integrity, invoke, write_corpus

pytestmark = pytest.mark.skipif(not hasattr(os, "fork"), reason="needs fork")


def forked_run(db, corpus, report, env: dict[str, str]) -> int:
    """`consistency run` in a forked child; its exit code, or -9 when it was killed."""
    argv = ["run", "--store", str(db), str(corpus), "-q", "--batch-size", "1", "-f", f"json:{report}"]
    pid = os.fork()
    if pid == 0:  # the child: never returns into pytest
        code = 99
        try:
            for name in [n for n in os.environ if n.startswith("CONSISTENCY_TEST_")]:
                del os.environ[name]
            os.environ.update(env)
            code = forked_main(argv)
        finally:
            os._exit(code)
    _, status = os.waitpid(pid, 0)
    return os.waitstatus_to_exitcode(status)


def table_rows(db, sql: str) -> list:
    conn = sqlite3.connect(db)
    try:
        return conn.execute(sql).fetchall()
    finally:
        conn.close()


def kill_loop(tmp_path, initial, corpus) -> int:
    """Kill a run at each of its crash points; every time, the store must be sound, keep its
    decisions and finished vectors, and a completed run must report what an uninterrupted one does.
    Returns the number of kill points survived."""
    def fresh(name):
        db = tmp_path / name / "s.db"
        db.parent.mkdir()
        if initial is not None:
            shutil.copy(initial, db)
        return db

    ref_db, trace = fresh("reference"), tmp_path / "trace.txt"
    ref_code = forked_run(ref_db, corpus, tmp_path / "reference.json", {"CONSISTENCY_TEST_TRACE": str(trace)})
    assert ref_code in (0, 1)
    reference = json.loads((tmp_path / "reference.json").read_text())
    points = trace.read_text().splitlines()
    trace.unlink()
    embedded_ref = table_rows(ref_db, "SELECT embedded FROM runs ORDER BY id DESC LIMIT 1")[0][0]
    before = lambda q: table_rows(initial, q) if initial is not None else []  # noqa: E731
    decisions = before("SELECT * FROM decisions ORDER BY id")
    vectors_before = len(before("SELECT text_hash FROM embeddings"))
    assert len(points) >= 8 and points.count("run:embedded-chunk") >= 2, points

    for n, point in enumerate(points, start=1):
        db = fresh(f"kill-{n}")
        killed_report = tmp_path / f"killed-{n}.json"
        assert forked_run(db, corpus, killed_report, {"CONSISTENCY_TEST_KILL_AT": str(n)}) == -signal.SIGKILL
        if db.exists():
            assert integrity(db) == ["ok"], point
            assert table_rows(db, "SELECT * FROM decisions ORDER BY id") == decisions, point
            vectors_kept = len(table_rows(db, "SELECT text_hash FROM embeddings")) - vectors_before
        else:
            assert n <= points.index("run:opened"), point  # killed before the store was created
            vectors_kept = 0
        resumed = tmp_path / f"resumed-{n}.json"
        code = forked_run(db, corpus, resumed, {})
        assert integrity(db) == ["ok"], point
        assert table_rows(db, "SELECT * FROM decisions ORDER BY id") == decisions, point
        if point == "run:reported":  # the killed run had finished and delivered its report
            assert json.loads(killed_report.read_text()) == reference
            assert code == 0 and json.loads(resumed.read_text())["conflicts"] == []
            continue
        assert code == ref_code, point
        assert json.loads(resumed.read_text()) == reference, point
        # finished embedding work is not redone
        resumed_embedded = table_rows(db, "SELECT embedded FROM runs ORDER BY id DESC LIMIT 1")[0][0]
        if points.index("run:committed") >= n:  # killed before the run's final commit
            assert resumed_embedded + vectors_kept == embedded_ref, point
    print(f"{tmp_path.name}: survived kill -9 at {len(points)} points: {', '.join(points)}")
    return len(points)


@pytest.fixture()
def warm(embedder, tmp_path):
    """Import everything a run uses once, so the forked children start warm."""
    corpus = write_corpus(tmp_path / "warm")
    api.check([str(corpus)], embedder=embedder)


def test_kill_9_at_every_point_of_a_first_and_an_incremental_run(tmp_path, warm):
    corpus = write_corpus(tmp_path / "articles")
    for name in ("harbor-ledger.md", "northern-wire.md"):
        shutil.copy(SEEDS / name, corpus / name)
    (tmp_path / "first").mkdir()
    survived = kill_loop(tmp_path / "first", None, corpus)

    # the state after a completed first run, with a review decision in it
    initial = tmp_path / "initial.db"
    assert forked_run(initial, corpus, tmp_path / "initial.json", {}) == 1
    fid = json.loads((tmp_path / "initial.json").read_text())["conflicts"][0]["id"]
    with open_store(initial) as store:
        store.decisions.add(fid, "dismissed", by="ana", note="kept through crashes")
    # an incremental run: a value changed, a file added, a file removed
    (corpus / "bridge-b.md").write_text(BRIDGE_B.replace("180 metres", "210 metres"))
    (corpus / "bridge-c.md").write_text("The Halden bridge is 150 metres long, officials confirmed on Friday.\n\n"
                                        "Engineers said the bridge deck was repainted in 2019.\n\n"
                                        "The ferry to the island runs twice a day in winter.\n\n"
                                        "About 12,000 cars cross the bridge every day, the city said.\n\n"
                                        "Repairs to the railings will cost 300,000 euros.\n")
    (corpus / "weather.md").unlink()
    (tmp_path / "second").mkdir()
    survived += kill_loop(tmp_path / "second", initial, corpus)
    print(f"survived {survived} kill points")
    assert survived >= 35


def test_a_second_run_waits_for_the_lock_then_exits_2(tmp_path, warm):
    corpus = write_corpus(tmp_path / "articles")
    db = tmp_path / "s.db"
    run, go = paused_run(db, corpus, tmp_path, "run:matched", "a")
    try:
        started = time.monotonic()
        blocked = invoke("run", "--store", str(db), str(corpus), "-q", "--lock-timeout", "0.5")
        assert blocked.exit_code == 2 and time.monotonic() - started >= 0.5  # it waited (how long at most
        # is the machine's business: no upper bound on a busy machine)
        line = blocked.stderr.strip()
        assert line.startswith("error[CNS131]") and f"pid {run.pid}" in line and "--lock-timeout" in line
        assert len(line.splitlines()) == 1 and "Traceback" not in line
        # a run that may wait long enough gets the store once the first one is done
        threading.Timer(1.0, go.touch).start()
        waiting = invoke("run", "--store", str(db), str(corpus), "-f", "json", "-q", "--lock-timeout", "60")
        assert waiting.exit_code == 0, waiting.stderr
        assert json.loads(waiting.stdout)["conflicts"] == []  # the first run reported them
    finally:
        code = finish(run, go)
    assert code == 1
    assert json.loads((tmp_path / "a.json").read_text())["conflicts"]
    assert integrity(db) == ["ok"]
    with open_store(db) as store:
        assert [r.counters["claims_added"] > 0 for r in store.runs.all()] == [True, False]


def forked_main(argv: list[str]) -> int:
    """The CLI in a forked child, output discarded (reports go to files)."""
    import torch

    torch.set_num_threads(1)
    from consistency.cli import main
    from consistency.store import hooks

    hooks.restart()

    devnull = os.open(os.devnull, os.O_WRONLY)
    os.dup2(devnull, 1)
    os.dup2(devnull, 2)
    return main(argv)


def paused_run(db, corpus, tmp_path, point: str, name: str) -> tuple[subprocess.Popen, Path]:
    """`consistency run` (the console script, as users start it) paused at crash point ``point``;
    returns (its process, the go file). A process of its own, not a fork of pytest's: a fork copies
    the locks other threads of pytest hold at that moment, and a child that needs one waits forever
    (once in a clean-clone CI run, paused in tests/test_serve.py)."""
    go = tmp_path / f"go-{name}"
    script = Path(sys.executable).with_name("consistency")
    with open(tmp_path / f"{name}.stderr", "w") as err:
        proc = subprocess.Popen(
            [str(script), "run", "--store", str(db), str(corpus), "-q", "-f", f"json:{tmp_path / name}.json"],
            stdout=subprocess.DEVNULL, stderr=err,
            env={**os.environ, "CONSISTENCY_TEST_PAUSE_AT": point, "CONSISTENCY_TEST_PAUSE_FILE": str(go)})
    while not Path(str(go) + ".ready").exists():  # the event, however long a busy machine takes to it
        code = proc.poll()
        assert code is None, (f"the run ended (exit {code}) before its pause point: "
                              f"{(tmp_path / f'{name}.stderr').read_text()}")
        time.sleep(0.05)
    return proc, go


def finish(proc: subprocess.Popen, go: Path) -> int:
    go.touch()
    return proc.wait()
