"""`consistency review`: the y/n/s/q loop, `review set` with id prefixes, the log."""

from __future__ import annotations

import json

from consistency.store import open_store

from test_store import invoke, run_json, write_corpus


def stored_run(tmp_path):
    corpus = write_corpus(tmp_path / "articles")
    (corpus / "bridge-c.md").write_text("The Halden bridge is 150 metres long, officials confirmed on Friday.\n")
    db = tmp_path / "s.db"
    _, report = run_json(db, corpus)
    assert len(report["conflicts"]) >= 2
    return db, corpus, report


def open_ids(db) -> list[str]:
    return [row["id"] for row in json.loads(invoke("review", "list", "--store", str(db), "-f", "json").stdout)]


def test_interactive_loop_records_yes_no_skip_and_quits(tmp_path, embedder):
    db, corpus, report = stored_run(tmp_path)
    before = open_ids(db)
    result = invoke("review", "--store", str(db), "--by", "ana", "--note", "night desk", input="y\nn\nq\n")
    assert result.exit_code == 0, result.stderr
    assert "1 confirmed, 1 dismissed, 0 skipped" in result.stdout
    with open_store(db) as store:
        log = store.decisions.history()
    assert [(d.fingerprint, d.decision, d.by, d.note) for d in log] == [
        (before[0], "confirmed", "ana", "night desk"), (before[1], "dismissed", "ana", "night desk")]
    assert all(d.at.endswith("+00:00") for d in log)
    assert open_ids(db) == before[2:]
    # decided conflicts are not new in the next run, and the loop does not ask about them again
    assert run_json(db, corpus)[0] == 0
    skip = invoke("review", "--store", str(db), input="s\n" * len(before))
    assert f"0 confirmed, 0 dismissed, {len(before) - 2} skipped" in skip.stdout


def test_loop_ends_cleanly_at_end_of_input(tmp_path, embedder):
    db, _, _ = stored_run(tmp_path)
    result = invoke("review", "--store", str(db), input="")
    assert result.exit_code == 0 and "0 confirmed" in result.stdout


def test_set_by_prefix_with_note_and_log(tmp_path, embedder):
    db, _, report = stored_run(tmp_path)
    fid = report["conflicts"][0]["id"]
    result = invoke("review", "set", fid[:6], "dismissed", "--note", "rounding in the source", "--by", "ben",
                    "--store", str(db))
    assert result.exit_code == 0 and result.stdout.startswith(fid[:12] + " dismissed by ben")
    assert fid not in open_ids(db)
    listed = json.loads(invoke("review", "list", "--all", "-f", "json", "--store", str(db)).stdout)
    (entry,) = [row for row in listed if row["id"] == fid]
    assert entry["decision"]["decision"] == "dismissed" and entry["decision"]["note"] == "rounding in the source"
    # `open` withdraws the decision; the log keeps both
    assert invoke("review", "set", fid, "open", "--store", str(db)).exit_code == 0
    assert fid in open_ids(db)
    log = invoke("review", "log", fid[:10], "--store", str(db)).stdout.splitlines()
    assert len(log) == 2 and "dismissed" in log[0] and "rounding in the source" in log[0] and "open" in log[1]


def test_bad_ids_and_decisions_are_one_line_errors(tmp_path, embedder):
    db, _, _ = stored_run(tmp_path)
    for args, expected in [(("set", "ffffffffff", "dismissed"), "no finding with id"),
                           (("set", "not-hex!", "dismissed"), "bad finding id"),
                           (("set", "", "dismissed"), "bad finding id")]:
        result = invoke("review", *args, "--store", str(db))
        assert result.exit_code == 2 and expected in result.stderr, result.stderr
        assert "Traceback" not in result.stderr and len(result.stderr.strip().splitlines()) == 1
    bad = invoke("review", "set", "ab", "maybe", "--store", str(db))
    assert bad.exit_code == 2
    with open_store(db) as store:
        assert store.decisions.count() == 0


def test_loop_shows_context_takes_a_note_and_undoes(tmp_path, embedder):
    db, _, _ = stored_run(tmp_path)
    before = open_ids(db)
    # y, undo it, n, a note for the next decision, y
    result = invoke("review", "--store", str(db), "--by", "ana", input="y\nu\nn\ne\nsame bridge, checked\ny\nq\n")
    assert result.exit_code == 0, result.stderr
    out = result.stdout
    assert "Harbor Ledger · 2026-03-07" in out and "Northern Wire · 2026-03-08" in out  # source and date
    assert "«120 metres»" in out  # the evidence, marked
    assert "undone: confirmed" in out
    assert "1 confirmed, 1 dismissed, 0 skipped" in out
    with open_store(db) as store:
        log = [(d.fingerprint, d.decision, d.note) for d in store.decisions.history()]
    assert log == [(before[0], "confirmed", ""), (before[0], "open", "undo"), (before[0], "dismissed", ""),
                   (before[1], "confirmed", "same bridge, checked")]


def test_loop_shows_the_paragraph_around_each_claim(tmp_path, embedder):
    corpus = write_corpus(tmp_path / "articles")
    (corpus / "bridge-c.md").write_text("Crews closed one lane on Friday.\nThe Halden bridge is 150 metres long, "
                                        "officials confirmed.\nThe lane reopens next week.\n\nOther news.\n")
    db = tmp_path / "s.db"
    run_json(db, corpus)
    out = invoke("review", "--store", str(db), input="s\n" * 5).stdout
    shown = " ".join(out.split())
    assert "Crews closed one lane on Friday. >>> The Halden bridge is «150 metres» long, officials confirmed. " \
           "<<< The lane reopens next week." in shown
    assert "Other news." not in shown
