"""A claims dataset run night by night (`consistency run`) scores its rows as one `consistency check`
of the same files does.

The rows model weighs a feature of its own, the crowd (`check.run_rules`: log of how many claims
each side is compared with). A nightly run used to count only the pairs it matched that night, so a
stored row was crowded only by the new rows and its findings scored higher than in `check`; now the
crowd is the store's (`incremental._crowds`). Every run here is the installed console script in a
terminal, as users run it; after each night the store's open findings are compared with a `check`
of the files as they then are. Confidences agree to 5e-4: a store keeps vectors as float16
(`consistency.store.embeddings`), which moves a pair's similarity, and so its confidence, in the
fourth digit.
"""

from __future__ import annotations

import json
from pathlib import Path

from terminal import in_terminal

from consistency.store import open_store

#: rows of invented towers, bridges and wind farms, several rows of each worded differently
NIGHT_ONE = [
    ("tw-1", "The Varnholm tower is 120 metres tall."),
    ("tw-2", "At 95 metres, the Varnholm tower rises over the old harbour."),
    ("tw-3", "The Varnholm tower stands 140 metres high."),
    ("br-1", "The Oskel bridge spans 410 metres across the river."),
    ("br-2", "Oskel bridge is 380 metres long."),
    ("wf-1", "The Tessin wind farm has 34 turbines."),
]
NIGHT_TWO = [
    ("tw-4", "Varnholm's tower reaches a height of 128 metres."),
    ("tw-5", "The tower at Varnholm is 101 metres tall."),
    ("br-3", "The bridge at Oskel is 395 metres long."),
    ("br-4", "At 440 metres, the Oskel bridge is the longest in the valley."),
    ("wf-2", "There are 41 turbines at the Tessin wind farm."),
    ("wf-3", "Tessin wind farm operates 29 turbines."),
]
#: the third night edits a row of the first file and removes two rows of the second
EDITED = ("tw-1", "The Varnholm tower is 131 metres tall.")
REMOVED = {"tw-5", "wf-3"}
KINDS = ("conflicts", "updates", "corrections")
TOLERANCE = 5e-4


def write(path: Path, rows) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text("".join(json.dumps({"id": i, "text": t}) + "\n" for i, t in rows), encoding="utf-8")


def console(cwd: Path, *args: str) -> dict:
    """The console script in a terminal, its JSON report read from a file."""
    session = in_terminal([*args, "-f", "text", "-f", "json:out.json"], columns=120, cwd=cwd)
    assert session.exit_code in (0, 1), session.raw[-2000:]
    return json.loads((cwd / "out.json").read_text(encoding="utf-8"))


def confidences(report: dict) -> dict[str, float]:
    return {f["id"]: f["confidence"] for kind in KINDS for f in report[kind]}


def stored(target: str) -> dict[str, float]:
    """The store's open findings: what its review page and later reports show."""
    with open_store(target, create=False) as store:
        return {f.fingerprint: f.confidence for f in store.findings.open()}


def assert_same(run: dict[str, float], check: dict[str, float], when: str) -> None:
    assert run.keys() == check.keys(), (when, sorted(run.keys() - check.keys()), sorted(check.keys() - run.keys()))
    apart = {fp: (run[fp], check[fp]) for fp in run if abs(run[fp] - check[fp]) > TOLERANCE}
    assert not apart, (when, apart)


#: a second sentence for some rows: a row of two sentences and its sentences are scored by the rows
#: model as a row of one is (`check.row_documents`), so their crowd must be the store's too
SECOND_SENTENCE = {"tw-2": " Visitors can climb it in summer.", "br-1": " It opened to traffic last year.",
                   "tw-4": " The lift takes a minute to the top.", "wf-2": " Each turbine feeds the grid.",
                   "br-4": " Cyclists have a lane of their own."}


def nights(tmp_path: Path, target: str, *extra: str, longer: bool = False) -> list[int]:
    """Three nights of `run` into ``target``, each compared with `check` of the same files; returns
    how many findings each night's store holds. ``longer``: some rows get a second sentence."""
    rows = tmp_path / "rows"
    held = []
    more = SECOND_SENTENCE if longer else {}
    first = [(i, t + more.get(i, "")) for i, t in NIGHT_ONE]
    second = [(i, t + more.get(i, "")) for i, t in NIGHT_TWO]
    for night in range(3):
        if night == 0:
            write(rows / "first.jsonl", first)
        elif night == 1:
            write(rows / "second.jsonl", second)
        else:
            write(rows / "first.jsonl", [EDITED if i == EDITED[0] else (i, t) for i, t in first])
            write(rows / "second.jsonl", [(i, t) for i, t in second if i not in REMOVED])
        report = console(tmp_path, "run", "--store", target, "rows", *extra)
        check = confidences(console(tmp_path, "check", "rows", *extra))
        new = confidences(report)
        assert new.keys() <= check.keys(), (night, sorted(new.keys() - check.keys()))
        assert all(abs(new[fp] - check[fp]) <= TOLERANCE for fp in new), (night, new, check)
        assert_same(stored(target), check, f"night {night + 1}")
        held.append(len(check))
    return held


def test_two_nights_and_an_edit_score_the_rows_as_one_check_does(store_target, tmp_path, embedder):
    held = nights(tmp_path, store_target)
    assert held[1] > held[0] and all(held)


def test_rows_of_two_sentences_score_as_one_check_does(tmp_path, embedder):
    held = nights(tmp_path, str(tmp_path / "store.db"), longer=True)
    assert held[1] > held[0] and all(held)


def test_a_removal_that_thins_a_crowd_lifts_a_pair_over_the_cut_off_as_in_check(tmp_path, embedder):
    """At a higher cut-off a pair held back on night two passes on night three, when rows it was
    crowded by are removed: the run checks the stored pairs of the thinned rows again."""
    held = nights(tmp_path, str(tmp_path / "store.db"), "--min-confidence", "0.3")
    assert all(held)


def test_a_store_written_before_pairs_kept_their_copies_flag_scores_as_check(store_target, tmp_path, embedder):
    """Schema 9 added ``pairs.copies``: a store of schema 8 (the column dropped again, its pairs
    unflagged) is migrated when opened, and its next run reads the flags from the claims' words."""
    rows = tmp_path / "rows"
    write(rows / "first.jsonl", NIGHT_ONE + [("tw-6", "The Varnholm tower is 120 metres tall.")])  # a copy of tw-1
    console(tmp_path, "run", "--store", store_target, "rows")
    with open_store(store_target, create=False) as store, store.transaction():
        store.db.execute("ALTER TABLE pairs DROP COLUMN copies")
        store.db.execute("DROP TABLE left_pairs")  # (schema 10)
        store.db.execute("DELETE FROM migrations WHERE version >= 9")
    write(rows / "second.jsonl", NIGHT_TWO)
    console(tmp_path, "run", "--store", store_target, "rows")
    check = confidences(console(tmp_path, "check", "rows"))
    assert_same(stored(store_target), check, "after the migration")
    with open_store(store_target, create=False) as store:
        assert store.db.execute("SELECT COUNT(*) FROM pairs WHERE copies = 1").fetchone()[0] == 1  # read and written




#: a third night's rows of the tower and the bridge: more partners for rows the cap already trims
NIGHT_THREE = [
    ("tw-6", "Varnholm tower, at 115 metres, is the tallest building in the county."),
    ("tw-7", "The height of the Varnholm tower is 136 metres."),
    ("br-5", "Oskel's bridge runs 402 metres from bank to bank."),
]


def test_a_neighbour_cap_that_binds_scores_the_rows_as_one_check_does(store_target, tmp_path, embedder):
    """Under a cap of two neighbours most rows here have more partners than they keep: `check` counts
    the partners the cap left out in a row's crowd (`check.left_out_crowd`), and so does the store
    (``left_pairs``, `incremental._crowds`). One run of every file finds what `check` finds, at its
    scores; on later nights the run has compared some pairs `check` leaves out (a night's cap ranks
    that night's partners: the stored pairs stay), and every finding both hold has one score."""
    (tmp_path / "pyproject.toml").write_text("[tool.consistency]\nmax_neighbors = 2\n", encoding="utf-8")
    rows = tmp_path / "rows"
    write(rows / "first.jsonl", NIGHT_ONE)
    write(rows / "second.jsonl", NIGHT_TWO)
    console(tmp_path, "run", "--store", store_target, "rows")
    check = confidences(console(tmp_path, "check", "rows"))
    assert_same(stored(store_target), check, "one run of every file")
    with open_store(store_target, create=False) as store:
        assert store.db.execute("SELECT COUNT(*) FROM left_pairs").fetchone()[0] > 0  # the cap binds
    for night in ("more rows", "an edit and a removal"):
        if night == "more rows":
            write(rows / "third.jsonl", NIGHT_THREE)
        else:
            write(rows / "first.jsonl", [EDITED if i == EDITED[0] else (i, t) for i, t in NIGHT_ONE])
            write(rows / "second.jsonl", [(i, t) for i, t in NIGHT_TWO if i not in REMOVED])
        console(tmp_path, "run", "--store", store_target, "rows")
        check = confidences(console(tmp_path, "check", "rows"))
        run = stored(store_target)
        if night == "more rows":
            assert check.keys() <= run.keys(), sorted(check.keys() - run.keys())
        both = run.keys() & check.keys()
        assert len(both) > len(check) // 2
        apart = {fp: (run[fp], check[fp]) for fp in both if abs(run[fp] - check[fp]) > TOLERANCE}
        assert not apart, (night, apart)
