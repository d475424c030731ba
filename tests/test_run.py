"""`consistency run --store`: incremental runs, what is new since the last run, decisions that stick."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from importlib.resources import files

import jsonschema
from terminal import in_terminal

from consistency import api
from consistency.config import Settings
from consistency.store import open_store

from test_clauses import FERRY, HOSPITALS, write
from test_store import BRIDGE_A, BRIDGE_B, integrity, invoke, run_json, write_corpus

SCHEMA = json.loads(files("consistency").joinpath("schemas/report.schema.json").read_text(encoding="utf-8"))

#: two reports of one coach trip, the count of travellers reworded on one side ("carried 52
#: passengers" / "37 people aboard"): a conflict the rules find at a confidence under the default cut-off
COACH_A = """---
source: Coastal Courier
date: 2026-05-11
---
The Brask coach carried 52 passengers to the coast on Saturday, the operator said.

Roadworks near the harbour slowed traffic for most of the afternoon.
"""

COACH_B = """---
source: Inland Gazette
date: 2026-05-12
---
There were 37 people aboard the Brask coach on its way to the coast, police said.

The driver was praised for stopping safely on the hard shoulder.
"""

#: dataset rows: one pair names its lighthouse on both sides; in the other pair one row names no pool
NAMELESS_ROWS = [
    {"id": "light-1", "text": "The Grenholt lighthouse stands 42 metres tall."},
    {"id": "light-2", "text": "At 36 metres, the Grenholt lighthouse is the tallest on the island."},
    {"id": "pool-1", "text": "The Marsh Lane swimming pool is 50 metres long."},
    {"id": "pool-2", "text": "The swimming pool is 33 metres long."},
]


def last_run(store_path):
    with open_store(store_path) as store:
        return store.runs.all()[-1].counters


def conflict_ids(report: dict) -> list[str]:
    return [c["id"] for c in report["conflicts"]]


def bridge_conflicts(report: dict) -> list[dict]:
    """The conflicts between two "The Halden bridge is N metres long" claims."""
    return [c for c in report["conflicts"] if all("Halden bridge is" in cl["text"] for cl in c["claims"])]


def test_first_run_reports_the_conflict_and_a_second_run_nothing(tmp_path, embedder):
    corpus = write_corpus(tmp_path / "articles")
    db = tmp_path / "news.db"
    code, first = run_json(db, corpus)
    assert code == 1
    planted = bridge_conflicts(first)
    assert len(planted) == 1 and planted[0]["status"] == "new" and planted[0]["rule"] == "NUM001"
    assert first["summary"]["documents"] == 3
    counters = last_run(db)
    assert counters["files_read"] == 3 and counters["embedded"] >= 5

    code, second = run_json(db, corpus)
    assert code == 0 and second["conflicts"] == [] and second["summary"]["new"] == 0
    assert second["summary"]["claims"] == first["summary"]["claims"]
    counters = last_run(db)
    assert (counters["files_read"], counters["claims_added"], counters["embedded"], counters["pairs"]) == (0, 0, 0, 0)
    assert integrity(db) == ["ok"]


def test_run_finds_what_check_finds(tmp_path, embedder):
    corpus = write_corpus(tmp_path / "articles")
    # and a conflict found only through a clause of a long sentence (tests/test_clauses.py)
    write(corpus, "ferry.md", FERRY)
    write(corpus, "hospitals.md", HOSPITALS)
    report = api.check([str(corpus)], Settings(), embedder=embedder)
    _, stored = run_json(tmp_path / "s.db", corpus)
    found = sorted(f.fingerprint for f in report.findings if f.kind == "conflict")
    assert sorted(conflict_ids(stored)) == found
    assert any(FERRY in (f.a.text, f.b.text) for f in report.findings if f.kind == "conflict")


def test_a_run_counts_the_conflicts_it_found_under_the_cut_off(tmp_path, embedder):
    """As `check` does: a nightly run's summary says how many of the conflicts it found this run stay
    out of the report under the confidence cut-off."""
    corpus = write_corpus(tmp_path / "articles")
    _, every = run_json(tmp_path / "all.db", corpus, extra=("--min-confidence", "0"))
    _, strict = run_json(tmp_path / "strict.db", corpus, extra=("--min-confidence", "0.99"))
    hidden = len(every["conflicts"]) - len(strict["conflicts"])
    assert hidden > 0
    assert strict["summary"]["below_cutoff"] == hidden
    assert strict["summary"]["min_confidence"] == 0.99 and every["summary"]["below_cutoff"] == 0
    _, again = run_json(tmp_path / "strict.db", corpus, extra=("--min-confidence", "0.99"))
    assert again["summary"]["below_cutoff"] == 0  # nothing was matched again


def write_coaches(folder):
    folder.mkdir(parents=True, exist_ok=True)
    (folder / "coach-a.md").write_text(COACH_A, encoding="utf-8")
    (folder / "coach-b.md").write_text(COACH_B, encoding="utf-8")
    return folder


def test_a_nightly_run_in_a_terminal_says_what_the_default_cut_off_held_back(tmp_path, embedder):
    """A nightly run at the default cut-off that found only a conflict under it must not just say
    "0 conflicts": its summary counts it, points to a command that shows it, and the store's runs
    table keeps the count. Rerunning `run --min-confidence 0` shows nothing (unchanged input is not
    matched again), so the hint of a run points to `check`."""
    corpus = write_coaches(tmp_path / "articles")
    _, every = run_json(tmp_path / "every.db", corpus, extra=("--min-confidence", "0"))
    _, default = run_json(tmp_path / "probe.db", corpus)
    cut = default["summary"]["min_confidence"]
    hidden = [c for c in every["conflicts"] if c["confidence"] < cut]
    assert len(hidden) == 1 and every["summary"]["below_cutoff"] == 0, every["conflicts"]
    assert default["conflicts"] == [] and default["summary"]["below_cutoff"] == 1

    session = in_terminal(["run", "--store", "news.db", "articles", "-f", "text", "-f", "json:run.json"],
                          columns=120, cwd=tmp_path)
    assert session.exit_code == 0, session.raw
    screen = " ".join(" ".join(session.screen_lines).split())  # the summary wraps at the terminal's width
    assert (f"0 conflicts (0 new), 0 updates — 4 claims from 2 documents in 1 story and 1 group; "
            f"1 more conflict below confidence {cut:.2f} (consistency check --min-confidence 0 shows them)"
            in screen), screen[-600:]
    report = json.loads((tmp_path / "run.json").read_text(encoding="utf-8"))
    jsonschema.validate(report, SCHEMA)
    assert (report["summary"]["below_cutoff"], report["summary"]["min_confidence"]) == (1, cut)
    assert last_run(tmp_path / "news.db")["below_cutoff"] == 1

    # the hint holds: check shows the conflict; a run at 0 over the unchanged input matches nothing again
    shown = invoke("check", str(corpus), "-f", "json", "-q", "--min-confidence", "0")
    assert [c["id"] for c in json.loads(shown.stdout)["conflicts"]] == [hidden[0]["id"]]
    _, again = run_json(tmp_path / "news.db", corpus, extra=("--min-confidence", "0"))
    assert again["conflicts"] == [] and again["summary"]["below_cutoff"] == 0
    assert last_run(tmp_path / "news.db")["below_cutoff"] == 0


def test_the_report_of_a_run_counts_what_the_cut_off_held_back_in_every_run_it_covers(tmp_path, embedder):
    """A run whose report was never written (its delivery failed) is covered by the next run's
    report: its findings and the count of what its cut-off held back both."""
    corpus = tmp_path / "articles"
    corpus.mkdir()
    (corpus / "coach-a.md").write_text(COACH_A, encoding="utf-8")
    (corpus / "coach-b.md").write_text(COACH_B, encoding="utf-8")
    settings = Settings(store=str(tmp_path / "s.db"))
    first = api.run([str(corpus / "coach-a.md"), str(corpus / "coach-b.md")], settings, mark_reported=False)
    assert first.counters["below_cutoff"] == 1
    write_corpus(corpus)
    second = api.run([str(corpus)], settings)
    assert second.since_run == 0 and second.counters["below_cutoff"] == 0
    assert second.report.stats["below_cutoff"] == 1  # the first run's, which this report covers
    with open_store(tmp_path / "s.db") as store:
        assert [r.counters["below_cutoff"] for r in store.runs.all()] == [1, 0]


def test_a_run_over_rows_that_name_nothing_says_so_in_its_summary_and_json(tmp_path, embedder):
    """As `check` does (tests/test_rows.py): a nightly run over a claims dataset says how many of the
    conflicts it reports have a row that names nothing ("The swimming pool is 33 metres long")."""
    (tmp_path / "rows.jsonl").write_text("".join(json.dumps(r) + "\n" for r in NAMELESS_ROWS), encoding="utf-8")
    session = in_terminal(["run", "--store", "rows.db", "rows.jsonl", "-f", "text", "-f", "json:run.json"],
                          columns=120, cwd=tmp_path)
    assert session.exit_code == 1, session.raw
    screen = " ".join(" ".join(session.screen_lines).split())
    assert "2 conflicts (2 new)" in screen, screen[-600:]
    assert "; 1 conflict with a row that names nothing, which may be about another thing (docs/ci.md)" in screen, screen[-600:]
    report = json.loads((tmp_path / "run.json").read_text(encoding="utf-8"))
    jsonschema.validate(report, SCHEMA)
    assert (report["summary"]["conflicts"], report["summary"]["unnamed"]) == (2, 1), report["summary"]
    unnamed = [c for c in report["conflicts"] if NAMELESS_ROWS[3]["text"] in {cl["text"] for cl in c["claims"]}]
    assert len(unnamed) == 1
    # a second run reports nothing new, and so no such conflict
    _, again = run_json(tmp_path / "rows.db", tmp_path / "rows.jsonl")
    assert again["conflicts"] == [] and "unnamed" not in again["summary"]


def test_a_second_run_over_unchanged_input_loads_no_model(tmp_path, embedder):
    corpus = write_corpus(tmp_path / "articles")
    db = tmp_path / "s.db"
    run_json(db, corpus)
    probe = ("import sys; from consistency.cli import main; code = main(['run', '--store', sys.argv[1], sys.argv[2], "
             "'-q', '-f', 'json:' + sys.argv[3]]); "
             "print(code, 'torch' in sys.modules, 'sentence_transformers' in sys.modules)")
    out = subprocess.run([sys.executable, "-c", probe, str(db), str(corpus), str(tmp_path / "r.json")],
                         capture_output=True, text=True, timeout=60, env={**os.environ, "CONSISTENCY_STORE": ""})
    assert out.stdout.split() == ["0", "False", "False"], out.stderr
    assert json.loads((tmp_path / "r.json").read_text())["conflicts"] == []


def test_only_new_files_are_read_and_matched_against_all_stored_claims(tmp_path, embedder):
    corpus = write_corpus(tmp_path / "articles")
    db = tmp_path / "s.db"
    _, first = run_json(db, corpus)
    (corpus / "bridge-c.md").write_text("The Halden bridge is 180 metres long, officials confirmed on Friday.\n")
    code, second = run_json(db, corpus)
    counters = last_run(db)
    assert counters["files_read"] == 1 and counters["claims_added"] == 1 and counters["embedded"] == 1
    assert code == 1
    new = conflict_ids(second)
    assert new and not set(new) & set(conflict_ids(first))
    # the new claim (180 m) conflicts with the stored 120 m claim of bridge-a.md
    paths = {os.path.basename(cl["path"]) for c in second["conflicts"] for cl in c["claims"]}
    assert paths == {"bridge-a.md", "bridge-c.md"}


def test_decisions_stick_through_reingest_edit_and_reorder(tmp_path, embedder):
    corpus = write_corpus(tmp_path / "articles")
    db = tmp_path / "s.db"
    _, first = run_json(db, corpus)
    (fid,) = [c["id"] for c in bridge_conflicts(first)]
    result = invoke("review", "set", fid[:8], "dismissed", "--note", "two different bridges", "--by", "ana",
                    "--store", str(db))
    assert result.exit_code == 0, result.stderr

    # re-ingest: the file is deleted (its findings close), then comes back unchanged
    (corpus / "bridge-b.md").unlink()
    assert run_json(db, corpus)[0] == 0
    (corpus / "bridge-b.md").write_text(BRIDGE_B)
    code, report = run_json(db, corpus, extra=("--show-all",))
    assert code == 0 and [(c["id"], c["status"]) for c in report["conflicts"]] == [(fid, "reviewed")]

    # light edit around the evidence, and reordering the article's paragraphs
    edited = BRIDGE_A.replace("on Monday", "on Monday morning").replace("4 million euros", "4.2 million euros")
    head, body = edited.split("---\n", 2)[1:]
    paragraphs = [p for p in body.split("\n\n") if p.strip()]
    (corpus / "bridge-a.md").write_text("---\n" + head + "---\n" + "\n\n".join(reversed(paragraphs)) + "\n")
    code, report = run_json(db, corpus)
    assert last_run(db)["files_read"] == 1
    assert code == 0 and report["conflicts"] == []
    assert "two different bridges" in invoke("review", "list", "--all", "--store", str(db)).stdout

    # a changed value is a different finding: new again
    (corpus / "bridge-b.md").write_text(BRIDGE_B.replace("180 metres", "210 metres"))
    code, report = run_json(db, corpus)
    assert code == 1
    changed = bridge_conflicts(report)
    assert len(changed) == 1 and changed[0]["id"] != fid and changed[0]["status"] == "new"
    with open_store(db) as store:
        assert [d.note for d in store.decisions.history(fid)] == ["two different bridges"]
    assert integrity(db) == ["ok"]


def test_removed_files_close_their_findings(tmp_path, embedder):
    corpus = write_corpus(tmp_path / "articles")
    db = tmp_path / "s.db"
    run_json(db, corpus)
    (corpus / "bridge-b.md").unlink()
    run_json(db, corpus)
    counters = last_run(db)
    assert counters["findings_closed"] >= 1 and counters["claims_removed"] == 2
    assert "0 conflicts" in invoke("review", "list", "--store", str(db)).stdout


def test_bad_rows_are_reported_once_and_exit_2(tmp_path, embedder):
    corpus = write_corpus(tmp_path / "articles")
    (corpus / "claims.jsonl").write_text('{"id": "c1", "text": "The Halden bridge is 150 metres long."}\n'
                                         '{"text": "no id here"}\n')
    db = tmp_path / "s.db"
    result = invoke("run", "--store", str(db), str(corpus), "-f", "json")
    assert result.exit_code == 2
    assert "claims.jsonl:2: missing required field 'id'" in result.stderr
    assert json.loads(result.stdout)["summary"]["problems"] == 1
    assert invoke("run", "--store", str(db), str(corpus), "-q").exit_code == 0


def test_unknown_rule_fails_before_the_store_is_created(tmp_path):
    corpus = write_corpus(tmp_path / "articles")
    result = invoke("run", "--store", str(tmp_path / "s.db"), str(corpus), "--select", "XYZ999")
    assert result.exit_code == 2 and "XYZ999" in result.stderr
    assert not (tmp_path / "s.db").exists()


def test_changed_settings_rematch_stored_claims_without_embedding_again(tmp_path, embedder):
    corpus = write_corpus(tmp_path / "articles")
    db = tmp_path / "s.db"
    _, first = run_json(db, corpus)
    code, strict = run_json(db, corpus, extra=("--threshold", "0.99"))
    counters = last_run(db)
    assert code == 0 and strict["conflicts"] == []
    assert counters["embedded"] == 0 and counters["files_read"] == 3 and counters["findings_closed"] >= 1
    # back to the default: the same findings come back, reopened, with the same ids
    code, again = run_json(db, corpus)
    assert code == 1 and sorted(conflict_ids(again)) == sorted(conflict_ids(first))
    assert last_run(db)["embedded"] == 0


def test_python_api_run(tmp_path, embedder):
    corpus = write_corpus(tmp_path / "articles")
    settings = Settings(store=str(tmp_path / "api.db"))
    result = api.run([str(corpus)], settings)
    assert result.run_id == 1 and result.since_run == 0 and result.counters["claims_added"] >= 5
    assert [f.rule for f in result.report.findings if f.status == "new"] == ["NUM001"]
    second = api.run([str(corpus)], settings)
    assert second.since_run == 1 and second.report.findings == () and second.counters["embedded"] == 0


def test_missing_path_and_bad_lock_timeout_are_usage_errors(tmp_path, monkeypatch):
    result = invoke("run", "--store", str(tmp_path / "s.db"), str(tmp_path / "nope"))
    assert result.exit_code == 2 and "no such file or folder" in result.stderr
    assert not (tmp_path / "s.db").exists()
    monkeypatch.setenv("CONSISTENCY_LOCK_TIMEOUT", "-1")
    result = invoke("run", "--store", str(tmp_path / "s.db"), str(write_corpus(tmp_path / "a")))
    assert result.exit_code == 2 and "lock_timeout" in result.stderr


def test_dataset_rows_keep_decisions_when_reordered_and_reopen_on_a_changed_value(tmp_path, embedder):
    rows = [{"id": "r1", "text": "The Halden bridge is 120 metres long.", "source": "Ledger"},
            {"id": "r2", "text": "Heavy rain is expected across the northern valleys on Thursday."},
            {"id": "r3", "text": "The Halden bridge is 180 metres long.", "source": "Wire"}]
    data = tmp_path / "data"
    data.mkdir()
    claims = data / "claims.jsonl"

    def write(items):
        claims.write_text("".join(json.dumps(r) + "\n" for r in items))

    write(rows)
    db = tmp_path / "s.db"
    code, first = run_json(db, data)
    (fid,) = conflict_ids(first)
    assert code == 1 and {cl["id"] for cl in first["conflicts"][0]["claims"]} == {"r1", "r3"}
    assert invoke("review", "set", fid, "confirmed", "--store", str(db)).exit_code == 0
    write(list(reversed(rows)))
    code, report = run_json(db, data, extra=("--show-all",))
    assert code == 0 and last_run(db)["claims_added"] == 2  # r2 kept its line
    # a confirmed conflict stays in the report, as confirmed, until someone resolves it
    (shown,) = report["conflicts"]
    assert shown["id"] == fid and shown["status"] == "reviewed" and shown["review"]["decision"] == "confirmed"
    (listed,) = json.loads(invoke("review", "list", "--all", "-f", "json", "--store", str(db)).stdout)
    assert listed["id"] == fid and listed["decision"]["decision"] == "confirmed"
    assert {cl["line"]: cl["id"] for cl in listed["claims"]} == {3: "r1", 1: "r3"}  # the stored evidence moved
    write([*rows[:2], {**rows[2], "text": "The Halden bridge is 240 metres long."}])
    code, report = run_json(db, data)
    assert code == 1 and fid not in conflict_ids(report) and len(report["conflicts"]) == 1
    with open_store(db) as store:
        assert store.embeddings.count() == store.claims.count()  # the 180 m vector was pruned


PAGE_V1 = """---
source: Harbor Ledger
date: 2026-03-07
url: https://ledger.example/halden-bridge
---
The Halden bridge will close for repairs on Monday, the city engineer said.

Three people were hurt when a barrier fell on the deck of the old bridge.
"""
PAGE_V2 = """---
source: Harbor Ledger
date: 2026-03-08
url: https://ledger.example/halden-bridge
---
The Halden bridge will close for repairs on Monday, the city engineer said.

Five people were hurt when a barrier fell on the deck of the old bridge.

The council will meet on Thursday to discuss the cost of the work.
"""


def test_a_new_version_of_a_stored_page_replaces_it(tmp_path, embedder):
    db = tmp_path / "s.db"
    night1, night2 = tmp_path / "crawl-1", tmp_path / "crawl-2"
    night1.mkdir()
    night2.mkdir()
    (night1 / "halden.md").write_text(PAGE_V1, encoding="utf-8")
    run_json(db, night1)
    (night2 / "halden-bridge-0308.md").write_text(PAGE_V2, encoding="utf-8")  # the same URL, crawled again
    code, report = run_json(db, night1, night2)
    assert code == 0 and report["conflicts"] == []  # "three" vs "five hurt": one page's versions, not a conflict
    with open_store(db) as store:
        assert [d.file_key for d in store.documents.stored()] == ["halden-bridge-0308.md"]
        (doc,) = store.documents.load(d.key for d in store.documents.stored())
    assert "Five people were hurt" in doc.text
    assert last_run(db)["documents_removed"] == 1


def test_run_and_check_group_the_seeds_alike(tmp_path):
    """`check` embeds all claims in one call, `run` file by file: the groups and conflicts must be
    the same (they differed when a vector depended on the texts of its batch)."""
    from conftest import SEEDS

    checked = invoke("check", str(SEEDS), "-f", "json", "-q")
    assert checked.exit_code in (0, 1), checked.output + checked.stderr
    checked = json.loads(checked.stdout)
    _, stored = run_json(tmp_path / "s.db", SEEDS)

    def groups(report: dict) -> list:
        return sorted(sorted(g["claims"]) for g in report["groups"])

    assert groups(stored) == groups(checked)
    assert sorted(conflict_ids(stored)) == sorted(conflict_ids(checked))


def test_a_store_of_vectors_made_another_way_is_embedded_again_not_mixed(tmp_path, embedder, monkeypatch):
    """A store whose vectors were made by an older recipe (another vectors tag: texts run in batches,
    8-bit weights) is matched with every text embedded again, as a fresh store would be."""
    from consistency import onnx_backend

    corpus = write_corpus(tmp_path / "articles")
    db = tmp_path / "s.db"
    monkeypatch.setattr(onnx_backend, "RUN", "an-older-recipe")
    _, old = run_json(db, corpus)
    monkeypatch.undo()
    _, again = run_json(db, corpus)
    counters = last_run(db)
    run_json(tmp_path / "fresh.db", corpus)
    assert counters["embedded"] == last_run(tmp_path / "fresh.db")["embedded"] > 0
    assert again["summary"]["claims"] == old["summary"]["claims"]
    with open_store(db) as store, open_store(tmp_path / "fresh.db") as fresh:
        assert store.findings.open_all() == fresh.findings.open_all()
        ids = {r[0] for r in store.embeddings.db.execute("SELECT DISTINCT model_id FROM embeddings")}
    assert len(ids) == 2 and any(i.endswith("an-older-recipe") for i in ids)
