"""The store interface on both backends: every test here runs on an SQLite file and on a real
PostgreSQL 15 server (tests/postgres_server.py), through the same `open_store` and CLI.

SQLite-only matters (the file's creation, its pages, hard links) are in test_store.py and
test_store_hostile.py.
"""

from __future__ import annotations

import json
import os
import re
import signal

import numpy as np
import pytest

from consistency.errors import NotFoundError, StoreError, StoreLockedError, UsageError
from consistency.serve import create_app
from consistency.store import open_store
from consistency.store.embeddings import rounded
from consistency.store.schema import LATEST

from test_crash import forked_run
from test_store import invoke, write_corpus
from test_store_hostile import finish, paused_run


def add_bridge(corpus) -> None:
    (corpus / "bridge-c.md").write_text("The Halden bridge is 150 metres long, officials confirmed on Friday.\n")


def run_report(target: str, corpus, *extra: str) -> tuple[int, dict]:
    result = invoke("run", "--store", target, str(corpus), "-f", "json", "-q", *extra)
    assert result.exit_code in (0, 1), result.stderr
    return result.exit_code, json.loads(result.stdout)


def test_a_new_store_is_migrated_and_sound(store_target):
    with open_store(store_target) as store:
        versions = [r[0] for r in store.db.execute("SELECT version FROM migrations ORDER BY version")]
        assert versions == list(range(1, LATEST + 1))
        assert store.integrity_check() == ["ok"]
    with open_store(store_target, create=False) as store:  # reopening applies nothing twice
        assert store.db.execute("SELECT COUNT(*) FROM migrations").fetchone()[0] == LATEST


def store_of_version(target: str, version: int) -> None:
    """A store at ``target`` as an older consistency left it: migrated up to ``version`` only, with one
    reported run recorded in the columns its runs table had."""
    from pathlib import Path

    from consistency.store import postgres, sqlite
    from consistency.store.migrate import migrate
    from consistency.store.schema import POSTGRESQL, SQLITE

    if target.startswith("postgresql://"):
        import psycopg

        db = postgres.PostgresDatabase(psycopg.connect(target, autocommit=True), target, (psycopg.Error,))
        migrations, is_store = POSTGRESQL, postgres.is_store
    else:
        import sqlite3

        conn = sqlite3.connect(target, isolation_level=None)
        conn.execute("PRAGMA journal_mode = WAL")
        db = sqlite.SQLiteDatabase(conn, Path(target))
        migrations, is_store = SQLITE, sqlite.is_store
    try:
        migrate(db, migrations[:version], is_store=is_store, new=True)
        db.execute("INSERT INTO runs (started_at, finished_at, pid, host, paths, files, files_read, pairs, "
                   "reported_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
                   ("2026-11-30T02:00:00+00:00", "2026-11-30T02:01:00+00:00", 4242, "nightly", "[]", 0, 0, 0,
                    "2026-11-30T02:01:00+00:00"))
    finally:
        db.close()


def test_a_store_made_before_runs_kept_their_below_cutoff_count_opens_and_runs(store_target, tmp_path, embedder):
    """Schema 8 added ``runs.below_cutoff``: a store of schema 7 is migrated when opened, its old runs
    count 0, and the next run records its own count."""
    store_of_version(store_target, 7)
    code, report = run_report(store_target, write_corpus(tmp_path / "articles"), "--min-confidence", "0.99")
    assert code == 0 and report["summary"]["below_cutoff"] >= 1 and report["summary"]["documents"] == 3
    with open_store(store_target, create=False) as store:
        versions = [r[0] for r in store.db.execute("SELECT version FROM migrations ORDER BY version")]
        assert versions == list(range(1, LATEST + 1)) and LATEST >= 8
        assert store.integrity_check() == ["ok"]
        runs = store.runs.all()
        assert [r.id for r in runs] == [1, 2] and runs[1].counters["files_read"] == 3
        assert [r.counters["below_cutoff"] for r in runs] == [0, report["summary"]["below_cutoff"]]


def test_the_review_log_is_append_only(store_target):
    with open_store(store_target) as store:
        store.decisions.add("ab" * 10, "dismissed", by="ana", note="100% sure? yes")
        store.decisions.add("ab" * 10, "confirmed", by="ben")
        for sql in ("UPDATE decisions SET decision = 'open'", "DELETE FROM decisions"):
            with pytest.raises(StoreError, match="append-only"):
                store.db.execute(sql)
        history = store.decisions.history("ab" * 10)
        assert [(d.decision, d.by, d.note) for d in history] == [("dismissed", "ana", "100% sure? yes"),
                                                               ("confirmed", "ben", "")]
        assert history[0].id < history[1].id and store.decisions.history("ab" * 10, after=history[0].id) == history[1:]
        review = store.decisions.reviews()["ab" * 10]
        assert (review.decision, review.by) == ("confirmed", "ben")
        assert [(d.decision, d.by) for d in review.disagreement] == [("dismissed", "ana")]
        store.decisions.add("ab" * 10, "resolved", by="ana")  # resolving ends the disagreement
        assert store.decisions.reviews()["ab" * 10].disagreement == ()


def test_embeddings_cache_round_trips_vectors(store_target):
    with open_store(store_target) as store:
        vector = np.arange(4, dtype=np.float32) / 3
        store.embeddings.put("model-x", {"h1": vector})
        store.embeddings.put("model-x", {"h1": vector * 2})  # the first vector stays
        got = store.embeddings.get("model-x", ["h1", "h2"])
        # stored as float16: the vector comes back rounded to that, as float32
        assert list(got) == ["h1"] and got["h1"].dtype == np.float32 and np.array_equal(got["h1"], rounded(vector))
        assert np.abs(got["h1"] - vector).max() < 1e-3
        assert store.db.execute("SELECT dtype, LENGTH(vector) FROM embeddings").rows == [("float16", 8)]
        # a float32 row written before vectors were stored compactly still reads exactly
        store.db.execute("INSERT INTO embeddings (model_id, text_hash, vector) VALUES (?, ?, ?)",
                         ("model-x", "old", vector.tobytes()))
        assert np.array_equal(store.embeddings.get("model-x", ["old"])["old"], vector)
        assert store.embeddings.missing("model-x", ["h2", "h1", "h2"]) == ["h2"]


def test_finding_ids_resolve_by_unique_prefix(store_target):
    with open_store(store_target) as store:
        with store.transaction():
            run = store.runs.insert("2026-03-08T00:00:00+00:00", ["x"])
            for fp in ("abc1230000", "abc4560000", "def7890000"):
                store.db.execute(
                    "INSERT INTO findings (fingerprint, rule, kind, severity, claim_a, claim_b, similarity, data, "
                    "first_run, opened_run, last_run) VALUES (?, 'NUM001', 'conflict', 'error', 'a', 'b', 0.9, "
                    "'{}', ?, ?, ?)", (fp, run, run, run))
        assert store.findings.resolve("DEF") == "def7890000" and store.findings.resolve("abc4") == "abc4560000"
        with pytest.raises(UsageError, match="ambiguous"):
            store.findings.resolve("abc")
        with pytest.raises(NotFoundError):
            store.findings.resolve("0123")


def test_a_transaction_is_all_or_nothing(store_target):
    with open_store(store_target) as store:
        with pytest.raises(KeyboardInterrupt):
            with store.transaction():
                store.runs.insert("2026-03-08T00:00:00+00:00", ["x"])
                raise KeyboardInterrupt
        assert store.runs.all() == []


def test_run_review_and_the_next_run_through_the_cli(store_target, tmp_path, embedder):
    corpus = write_corpus(tmp_path / "articles")
    add_bridge(corpus)
    code, first = run_report(store_target, corpus)
    ids = [c["id"] for c in first["conflicts"]]
    assert code == 1 and len(ids) >= 3 and all(c["status"] == "new" for c in first["conflicts"])
    assert invoke("review", "set", ids[0][:8], "dismissed", "--by", "ana", "--note", "two bridges",
                  "--store", store_target).exit_code == 0
    assert invoke("review", "--store", store_target, "--by", "ben", input="y\nn\n").exit_code == 0
    code, second = run_report(store_target, corpus)
    assert code == 0 and [c for c in second["conflicts"] if c["status"] == "new"] == []
    (confirmed,) = second["conflicts"]  # still shown, as confirmed, until resolved
    assert confirmed["review"]["decision"] == "confirmed" and confirmed["review"]["by"] == "ben"
    log = invoke("review", "log", "--store", store_target).stdout.splitlines()
    assert len(log) == 3 and "two bridges" in log[0]
    exported = [json.loads(line) for line in invoke("review", "export", "--store", store_target).stdout.splitlines()]
    assert [e["by"] for e in exported] == ["ana", "ben", "ben"]
    checked = invoke("check", str(corpus), "--store", store_target, "-f", "json", "-q")
    statuses = {c["id"]: c["status"] for c in json.loads(checked.stdout)["conflicts"]}
    assert all(statuses[i] == "reviewed" for i in ids)


def test_a_claim_of_a_later_run_meets_the_stored_clause_of_a_long_sentence(store_target, tmp_path, embedder):
    from test_clauses import FERRY, HOSPITALS, write

    day1, day2 = tmp_path / "day1", tmp_path / "day2"
    day1.mkdir(), day2.mkdir()
    write(day1, "ferry.md", FERRY)
    assert run_report(store_target, day1)[1]["conflicts"] == []
    with open_store(store_target) as store:
        assert store.clauses.count() == 2
    write(day2, "hospitals.md", HOSPITALS)
    code, second = run_report(store_target, day2)
    assert code == 1 and [c["rule"] for c in second["conflicts"]] == ["NUM001"]
    write(day1, "ferry.md", "The ferry service resumed on Monday.")  # the long sentence goes, its clauses with it
    run_report(store_target, day1)
    with open_store(store_target) as store:
        assert store.clauses.count() == 0 and store.integrity_check() == ["ok"]


def test_a_second_run_waits_for_the_lock(store_target, tmp_path, embedder):
    corpus = write_corpus(tmp_path / "articles")
    with open_store(store_target) as holder, holder.run_lock(1):
        with open_store(store_target) as other:
            with pytest.raises(StoreLockedError):
                with other.run_lock(0.2):
                    pass
        blocked = invoke("run", "--store", store_target, str(corpus), "-q", "--lock-timeout", "0.2")
        assert blocked.exit_code == 2 and blocked.stderr.startswith("error[CNS131]")
    with open_store(store_target) as store, store.run_lock(0):  # released
        pass


def test_a_killed_run_leaves_the_store_usable(store_target, tmp_path, embedder):
    """kill -9 inside a run's final transaction: nothing of it is stored, its lock is gone,
    and the next run does the whole work."""
    corpus = write_corpus(tmp_path / "articles")
    add_bridge(corpus)
    assert forked_run(store_target, corpus, tmp_path / "killed.json",
                      {"CONSISTENCY_TEST_KILL_AT": "run:tx-findings"}) == -signal.SIGKILL
    with open_store(store_target) as store:
        assert store.runs.all() == [] and store.claims.count() == 0
    code, report = run_report(store_target, corpus, "--lock-timeout", "5")
    assert code == 1 and len(report["conflicts"]) >= 3


def test_a_run_and_reviewers_at_once(store_target, tmp_path, embedder):
    """Reviewers keep deciding while a run is inside its final transaction: no decision is lost,
    and the review page shows the store before the run or after it, never half of it."""
    corpus = write_corpus(tmp_path / "articles")
    add_bridge(corpus)
    _, first = run_report(store_target, corpus)
    ids = [c["id"] for c in first["conflicts"]]
    app = create_app(store_target, reviewer="ana")
    app.config["TESTING"] = True
    app.config["WTF_CSRF_ENABLED"] = False
    web = app.test_client()
    shown = lambda: set(re.findall(r'data-id="([0-9a-f]+)"', web.get("/?status=all").get_data(as_text=True)))  # noqa: E731
    before = shown()
    (corpus / "bridge-d.md").write_text("The Halden bridge is 210 metres long, a surveyor said on Friday.\n")
    run, go = paused_run(store_target, corpus, tmp_path, "run:tx-findings", "nightly")
    try:
        assert shown() == before
        import threading

        codes: list[int] = []
        threads = [threading.Thread(target=lambda fid=fid: codes.append(web.post(
            f"/finding/{fid}/decide", data={"decision": "dismissed", "seen": "0"}).status_code)) for fid in ids]
        for t in threads:
            t.start()
        threading.Timer(1.0, go.touch).start()
        for t in threads:
            t.join(timeout=60)
    finally:
        assert finish(run, go) == 1
    assert codes == [303] * len(ids)
    after = shown()
    assert before < after  # the whole run at once
    with open_store(store_target) as store:
        assert sorted(d.fingerprint for d in store.decisions.history()) == sorted(ids)


def test_a_store_with_a_foreign_trigger_is_refused(store_target):
    with open_store(store_target) as store:
        if store.db.dialect == "sqlite":
            store.conn.execute("CREATE TRIGGER sneaky AFTER INSERT ON runs BEGIN SELECT 1; END")
        else:
            store.conn.execute("CREATE FUNCTION sneaky() RETURNS trigger LANGUAGE plpgsql AS "
                               "$$ BEGIN INSERT INTO decisions (fingerprint, decision, by, at) "
                               "VALUES ('ab', 'dismissed', 'x', 'y'); RETURN NEW; END $$")
            store.conn.execute("CREATE TRIGGER sneaky AFTER INSERT ON runs FOR EACH ROW EXECUTE FUNCTION sneaky()")
    with pytest.raises(StoreError, match="trigger 'sneaky'"):
        open_store(store_target)
    result = invoke("review", "list", "--store", store_target)
    assert result.exit_code == 2 and "refusing the store" in result.stderr


def test_review_on_a_missing_store_is_a_one_line_error(store_target):
    result = invoke("review", "list", "--store", store_target)
    assert result.exit_code == 2 and "no store at" in result.stderr
    assert "Traceback" not in result.stderr


@pytest.mark.skipif(os.environ.get("CI") is None, reason="CI must run the PostgreSQL store tests")
def test_ci_runs_the_postgresql_store_tests():
    """In CI the PostgreSQL half of these tests must run, not skip (.ci/run installs the server)."""
    from postgres_server import binaries

    pytest.importorskip("psycopg")
    assert binaries() is not None, "no PostgreSQL server binaries in CI: .ci/run should install postgresql-15"


def test_a_postgresql_url_in_pyproject_is_kept_as_a_url(postgres_server, in_tmp):
    from consistency.config import load_settings

    url = postgres_server.new_database()
    (in_tmp / "pyproject.toml").write_text(f'[tool.consistency]\nstore = "{url}"\n')
    assert load_settings().store == url
    with open_store(load_settings().store) as store:
        assert store.db.dialect == "postgresql"
