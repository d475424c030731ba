"""`consistency serve` through its WSGI app (Flask's test client) and the console script:
the queue, filters, a decision with a note, two reviewers at once, exports, and the safety
rules (CSRF, token, Host header, request sizes, no file paths from the data).

The browser tests (tests/test_serve_browser.py) drive the same pages in Chromium.
"""

from __future__ import annotations

import csv
import io
import json
import os
import re
import subprocess
import sys
import threading
import time
from pathlib import Path

import pytest

from consistency.serve import create_app
from consistency.store import open_store

from test_review import stored_run
from test_store import invoke, run_json

CSRF = re.compile(r'name="csrf_token" value="([^"]+)"')


@pytest.fixture()
def desk(tmp_path, embedder):
    db, corpus, report = stored_run(tmp_path)
    return db, corpus, [c["id"] for c in report["conflicts"]]


def client(db, **options):
    app = create_app(db, **{"reviewer": "ana", **options})
    app.config["TESTING"] = True
    return app.test_client()


def token_of(page) -> str:
    return CSRF.search(page.get_data(as_text=True)).group(1)


def decide(c, fid: str, decision: str, note: str = "", seen: int = 0):
    page = c.get(f"/finding/{fid}")
    assert page.status_code == 200
    return c.post(f"/finding/{fid}/decide", data={"decision": decision, "note": note, "seen": str(seen),
                                                  "csrf_token": token_of(page)})


def test_queue_lists_the_open_conflicts_with_security_headers(desk):
    db, _, ids = desk
    page = client(db).get("/")
    html = page.get_data(as_text=True)
    assert page.status_code == 200 and all(fid in html for fid in ids)
    csp = page.headers["Content-Security-Policy"]
    assert "default-src 'none'" in csp and "script-src 'self'" in csp and "unsafe-inline" not in csp
    assert page.headers["X-Frame-Options"] == "DENY" and page.headers["X-Content-Type-Options"] == "nosniff"


def test_a_decision_is_logged_with_who_when_and_note_and_leaves_the_queue(desk):
    db, corpus, ids = desk
    c = client(db)
    answer = decide(c, ids[0], "dismissed", note="two different bridges")
    assert answer.status_code == 303
    with open_store(db) as store:
        (entry,) = store.decisions.history()
    assert (entry.fingerprint, entry.decision, entry.by, entry.note) == (ids[0], "dismissed", "ana",
                                                                        "two different bridges")
    assert ids[0] not in c.get("/").get_data(as_text=True)  # open ones only by default
    assert ids[0] in c.get("/?status=dismissed").get_data(as_text=True)
    assert "two different bridges" in c.get(f"/finding/{ids[0]}").get_data(as_text=True)  # the log per finding
    # the next run reports none of the decided ones as new
    _, again = run_json(db, corpus)
    assert ids[0] not in [f["id"] for f in again["conflicts"] if f["status"] == "new"]


def test_filters_and_search(desk):
    db, _, ids = desk
    c = client(db)
    assert all(fid in c.get("/?rule=NUM001&q=halden").get_data(as_text=True) for fid in ids)
    assert not any(fid in c.get("/?q=zeppelin").get_data(as_text=True) for fid in ids)
    assert not any(fid in c.get("/?rule=DIR001").get_data(as_text=True) for fid in ids)
    assert not any(fid in c.get("/?source=Valley+Post").get_data(as_text=True) for fid in ids)
    decide(c, ids[1], "confirmed", note="checked with the ministry")
    mine = c.get("/?status=all&reviewer=ana").get_data(as_text=True)
    assert ids[1] in mine and ids[0] not in mine
    assert ids[1] in c.get("/?status=all&q=ministry").get_data(as_text=True)  # notes are searched
    assert not any(fid in c.get("/?until=2020-01-01").get_data(as_text=True) for fid in ids)


def test_two_reviewers_deciding_at_once_both_stay_in_the_log(desk):
    db, _, ids = desk
    ana, ben = client(db, reviewer="ana"), client(db, reviewer="ben")
    ana_page, ben_page = ana.get(f"/finding/{ids[0]}"), ben.get(f"/finding/{ids[0]}")
    ana.post(f"/finding/{ids[0]}/decide", data={"decision": "confirmed", "seen": "0",
                                                "csrf_token": token_of(ana_page)})
    answer = ben.post(f"/finding/{ids[0]}/decide", data={"decision": "dismissed", "seen": "0",
                                                         "csrf_token": token_of(ben_page)}, follow_redirects=True)
    html = answer.get_data(as_text=True)
    assert "Someone else decided meanwhile: ana (confirmed" in html
    assert "disagreement: confirmed by ana" in html  # shown as a disagreement, not last-write-wins
    with open_store(db) as store:
        assert [(d.by, d.decision) for d in store.decisions.history()] == [("ana", "confirmed"), ("ben", "dismissed")]
        review = store.decisions.reviews()[ids[0]]
    assert (review.decision, review.by) == ("dismissed", "ben") and review.disagreement[0].by == "ana"


def test_state_changes_need_a_post_with_a_csrf_token(desk):
    db, _, ids = desk
    c = client(db)
    assert c.get(f"/finding/{ids[0]}/decide").status_code == 405
    refused = c.post(f"/finding/{ids[0]}/decide", data={"decision": "dismissed", "seen": "0"})
    assert refused.status_code == 400 and "CSRF" in refused.get_data(as_text=True)
    forged = c.post(f"/finding/{ids[0]}/decide", data={"decision": "dismissed", "csrf_token": "x" * 40})
    assert forged.status_code == 400
    assert c.post("/reviewer", data={"name": "mallory"}).status_code == 400
    with open_store(db) as store:
        assert store.decisions.count() == 0


def test_a_token_is_required_when_given(desk):
    db, _, ids = desk
    c = client(db, token="s3cret-token-value")
    assert c.get("/").status_code == 401 and c.get(f"/finding/{ids[0]}").status_code == 401
    assert c.get("/export/decisions.jsonl").status_code == 401
    assert c.get("/?token=wrong-token-value").status_code == 401
    assert c.get("/?token=s3cret-token-value").status_code == 302
    assert c.get("/").status_code == 200  # the session remembers it


def test_host_header_must_name_the_server(desk):
    db, _, _ = desk
    c = client(db, hosts=["127.0.0.1", "localhost"])
    assert c.get("/", headers={"Host": "127.0.0.1:8765"}).status_code == 200
    assert c.get("/", headers={"Host": "rebound.example:8765"}).status_code == 400


def test_limits_on_request_sizes_and_ids(desk):
    db, _, ids = desk
    c = client(db)
    page = c.get(f"/finding/{ids[0]}")
    big = c.post(f"/finding/{ids[0]}/decide", data={"decision": "confirmed", "note": "x" * 200_000,
                                                    "csrf_token": token_of(page)})
    assert big.status_code == 413
    for path in ("/finding/..%2F..%2Fetc%2Fpasswd", "/finding/not-hex", "/finding/" + "f" * 40,
                 f"/finding/{ids[0]}/article/..%2Fx", "/static/..%2F..%2Fstore%2F__init__.py"):
        assert c.get(path).status_code == 404, path
    with open_store(db) as store:
        assert store.decisions.count() == 0


def test_exports_match_the_cli(desk):
    db, _, ids = desk
    c = client(db)
    decide(c, ids[0], "dismissed", note="=HYPERLINK(\"http://x\")")
    decide(c, ids[1], "confirmed", note="line one\nline two")
    jsonl = c.get("/export/decisions.jsonl").get_data(as_text=True)
    assert jsonl == invoke("review", "export", "--format", "jsonl", "--store", str(db)).stdout
    rows = [json.loads(line) for line in jsonl.splitlines()]
    assert [(r["fingerprint"], r["decision"], r["by"]) for r in rows] == [(ids[0], "dismissed", "ana"),
                                                                          (ids[1], "confirmed", "ana")]
    text = c.get("/export/decisions.csv").get_data(as_text=True)
    assert text == invoke("review", "export", "--format", "csv", "--store", str(db)).stdout
    table = list(csv.DictReader(io.StringIO(text)))
    assert table[0]["note"].startswith("'=") and table[1]["note"] == "line one\nline two"
    baseline = c.get("/export/baseline.json").get_data(as_text=True)
    assert baseline == invoke("review", "export", "--format", "baseline", "--store", str(db)).stdout
    entries = {e["id"]: e for e in json.loads(baseline)["findings"]}
    assert set(ids) <= entries.keys() and entries[ids[1]]["decision"] == "confirmed"


def serve_process(db, *extra: str, sigint=None, env=None) -> tuple[subprocess.Popen, str]:
    """`consistency serve` as users run it (the console script), on a free port; its URL, once
    it is shown (the event the tests wait on). ``sigint``: the SIGINT disposition the launcher
    hands it (``signal.SIG_IGN`` as a test runner or a script's background job may). The
    disposition is set by a shell that execs the script: no Python runs between fork and exec
    (``preexec_fn`` may deadlock in a process with threads, as pytest's is by then)."""
    import signal

    script = Path(sys.executable).with_name("consistency")
    argv = [str(script), "serve", "--store", str(db), "--port", "0", *extra]
    if sigint is not None:
        trap = 'trap "" INT' if sigint == signal.SIG_IGN else "trap - INT"
        argv = ["sh", "-c", f'{trap}; exec "$0" "$@"', *argv]
    proc = subprocess.Popen(argv, stderr=subprocess.PIPE, stdout=subprocess.DEVNULL, text=True,
                            env={**os.environ, "CONSISTENCY_REVIEWER": "tester", **(env or {})})
    line = proc.stderr.readline()
    match = re.search(r"at (http://\S+)", line)
    if not match:
        proc.kill()
        raise AssertionError(f"serve did not start: {line}{proc.stderr.read()}")
    return proc, match.group(1)


def stopped(proc: subprocess.Popen) -> int:
    """The exit code after Ctrl-C; the timeout only guards against a hang (no speed is asserted)."""
    try:
        code = proc.wait(timeout=600)
    except subprocess.TimeoutExpired:
        proc.kill()  # never left behind serving
        raise
    assert "Traceback" not in proc.stderr.read()
    return code


def test_the_console_script_serves_and_stops_on_ctrl_c(desk):
    import signal
    import urllib.request

    db, _, ids = desk
    proc, url = serve_process(db)
    try:
        assert url.startswith("http://127.0.0.1:") and "token" not in url
        with urllib.request.urlopen(url, timeout=600) as answer:
            assert ids[0] in answer.read().decode()
    finally:
        proc.send_signal(signal.SIGINT)
        assert stopped(proc) == 130


def test_beyond_loopback_a_token_is_generated(desk):
    import signal

    db, _, _ = desk
    proc, url = serve_process(db, "--host", "0.0.0.0")
    try:
        assert re.search(r"\?token=[\w-]{20,}$", url)
    finally:
        proc.send_signal(signal.SIGINT)  # at once, while the server may still be starting
        assert stopped(proc) == 130


@pytest.mark.parametrize("sigint", ["default", "ignored"])
def test_ctrl_c_as_soon_as_the_url_is_shown_stops_serve(desk, tmp_path, sigint):
    """Once serve shows its URL, Ctrl-C stops it: the handler used to be installed after the line,
    so a Ctrl-C in between was lost when the launcher handed SIGINT ignored (the process served on
    and the test waited forever). Paused right after the line, so the Ctrl-C lands there each time."""
    import signal

    db, _, _ = desk
    go = tmp_path / "go"
    proc, _ = serve_process(db, sigint=signal.SIG_IGN if sigint == "ignored" else signal.SIG_DFL,
                            env={"CONSISTENCY_TEST_PAUSE_AT": "serve:ready", "CONSISTENCY_TEST_PAUSE_FILE": str(go)})
    try:
        while not Path(f"{go}.ready").exists():  # the line is out; the pause follows it
            assert proc.poll() is None, proc.stderr.read()
            time.sleep(0.05)
        proc.send_signal(signal.SIGINT)
    finally:
        go.touch()
    assert stopped(proc) == 130


def test_serve_without_a_store_is_a_one_line_error(tmp_path):
    result = invoke("serve", "--store", str(tmp_path / "missing.db"))
    assert result.exit_code == 2 and "no store at" in result.stderr
    assert not (tmp_path / "missing.db").exists()


def test_reviewers_and_a_run_at_once_lose_no_decision_and_never_see_half_a_run(desk, tmp_path):
    """A run paused inside its final transaction: the page shows the store as it was; decisions
    posted meanwhile all land (after the run's commit); then the page shows the whole run."""
    from test_store_hostile import finish, paused_run

    db, corpus, ids = desk
    c = client(db)
    before = c.get("/?status=all").get_data(as_text=True)
    (corpus / "bridge-d.md").write_text("The Halden bridge is 210 metres long, a surveyor said on Friday.\n")
    run, go = paused_run(db, corpus, tmp_path, "run:tx-findings", "nightly")
    try:
        during = c.get("/?status=all").get_data(as_text=True)
        assert set(re.findall(r'data-id="([0-9a-f]+)"', during)) == set(re.findall(r'data-id="([0-9a-f]+)"', before))
        results: list[int] = []
        posting = threading.Semaphore(0)

        failures: list[BaseException] = []
        # one app per reviewer, made here: making apps in several threads at once compiles their URL
        # rules at once, which Python 3.11.7 may fail ("SystemError: AST constructor recursion depth
        # mismatch": the AST conversion of 3.11 is not thread-safe); `consistency serve` makes its one app
        # before any thread.
        # The store's own wait is long: how long a busy machine takes to commit is not the question.
        reviewers = [client(db, reviewer=f"r{n}", timeout=600) for n in range(len(ids))]

        def post(n: int, fid: str) -> None:
            c = reviewers[n]
            try:
                page = c.get(f"/finding/{fid}")
            except BaseException as exc:  # a reviewer that fails must not leave the test waiting for it
                failures.append(exc)
                raise
            finally:
                posting.release()  # the event the test waits on: this reviewer is about to post
            results.append(c.post(f"/finding/{fid}/decide", data={
                "decision": "dismissed", "seen": "0", "csrf_token": token_of(page)}).status_code)

        posts = [threading.Thread(target=post, args=(n, fid)) for n, fid in enumerate(ids)]
        for t in posts:
            t.start()
        for _ in posts:
            posting.acquire()
        assert not failures, failures
        assert results == []  # nothing lands while the run holds the store
        go.touch()  # the run commits while the reviewers wait for the store
        for t in posts:
            t.join()
    finally:
        code = finish(run, go)
    assert code == 1 and results == [303] * len(ids)
    with open_store(db) as store:
        assert sorted(d.fingerprint for d in store.decisions.history()) == sorted(ids)
    after = c.get("/?status=all").get_data(as_text=True)
    assert len(re.findall(r'data-id="', after)) > len(re.findall(r'data-id="', before))


def test_setting_the_reviewer_never_redirects_to_another_site(desk):
    db, _, _ = desk
    c = client(db, reviewer=None)
    token = token_of(c.get("/"))
    for back in ("//evil.example/x", "/\\evil.example", "https://evil.example/", "javascript:alert(1)"):
        answer = c.post("/reviewer", data={"name": "ana", "back": back, "csrf_token": token})
        assert answer.status_code == 303 and answer.headers["Location"] == "/", back
    answer = c.post("/reviewer", data={"name": "ana", "back": "/?status=all", "csrf_token": token})
    assert answer.headers["Location"] == "/?status=all"
    bad = c.post("/reviewer", data={"name": "ana\nboss", "back": "/", "csrf_token": token}, follow_redirects=True)
    assert "bad reviewer name" in bad.get_data(as_text=True)
    with c.session_transaction() as session:
        assert session["reviewer"] == "ana"


def test_a_decision_needs_a_reviewer_name(desk):
    db, _, ids = desk
    c = client(db, reviewer=None)
    answer = decide(c, ids[0], "confirmed")
    assert answer.status_code == 302
    assert "Say who you are first" in c.get(answer.headers["Location"]).get_data(as_text=True)
    with open_store(db) as store:
        assert store.decisions.count() == 0
