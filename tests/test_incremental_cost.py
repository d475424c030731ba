"""A nightly run costs what changed: an unchanged run loads no model, a run with one new claim
embeds one and reads only the stored claims paired with it, and a large store's neighbour index
reads only the lists its new claims probe. Counted, never timed."""

from __future__ import annotations

import json
import os
import subprocess
import sys

from consistency import api
from consistency.config import Settings
from consistency.store import open_store

from test_store import invoke

ROWS = [
    ("m1", "The Ardley museum welcomed 41,000 visitors in its first year, the director said."),
    ("m2", "In its first year the Ardley museum drew 52,000 visitors, according to the city."),
    ("m3", "Visitor numbers at the Ardley museum reached 41,000 in the opening year."),
    ("f1", "The Corran ferry carries 300 passengers on each crossing."),
    ("f2", "Each crossing of the Corran ferry takes up to 300 passengers."),
    ("w1", "Snow closed the mountain pass above Lindow for two days."),
    ("t1", "The new tram line to Pelham opened with twelve stations."),
]


def write_rows(path, rows) -> None:
    path.write_text("".join(json.dumps({"id": i, "text": t}) + "\n" for i, t in rows), encoding="utf-8")


def run(target: str, folder) -> tuple[int, dict, dict]:
    """One run through the CLI: exit code, JSON report, the run's counters."""
    result = invoke("run", "--store", target, str(folder), "-f", "json", "-q")
    assert result.exit_code in (0, 1), result.stderr
    with open_store(target) as store:
        counters = store.runs.all()[-1].counters
    return result.exit_code, json.loads(result.stdout), counters


def test_an_unchanged_run_loads_no_model_and_one_new_claim_is_all_that_is_embedded(tmp_path, embedder):
    folder = tmp_path / "data"
    folder.mkdir()
    write_rows(folder / "a.jsonl", ROWS)
    target = str(tmp_path / "s.db")
    _, first, counters = run(target, folder)
    assert counters["embedded"] == len(ROWS)

    # unchanged, in a fresh process as a user runs it: no model library is even imported
    probe = ("import sys; from consistency.cli import main; "
             "code = main(['run', '--store', sys.argv[1], sys.argv[2], '-q', '-f', 'json:' + sys.argv[3]]); "
             "print(code, *(name in sys.modules for name in ('onnxruntime', 'tokenizers', 'torch', "
             "'sentence_transformers')))")
    out = subprocess.run([sys.executable, "-c", probe, target, str(folder), str(tmp_path / "r.json")],
                         capture_output=True, text=True, timeout=120, env={**os.environ, "CONSISTENCY_STORE": ""})
    assert out.stdout.split() == ["0", "False", "False", "False", "False"], out.stderr
    unchanged = json.loads((tmp_path / "r.json").read_text())
    assert unchanged["conflicts"] == [] and unchanged["summary"]["claims"] == len(ROWS)
    assert {frozenset(g["claims"]) for g in unchanged["groups"]} == {frozenset(g["claims"]) for g in first["groups"]}
    with open_store(target) as store:
        assert store.runs.all()[-1].counters["embedded"] == 0

    # one new claim: one text embedded, and only the stored claims paired with it are read
    write_rows(folder / "b.jsonl", [("m4", "The Ardley museum had 38,000 visitors in its first year.")])
    result = api.run([str(folder)], Settings(store=target))
    counters = result.counters
    assert (counters["claims_added"], counters["embedded"]) == (1, 1)
    with open_store(target) as store:
        (new_n,) = [r.n for r in store.claims.rows() if r.id == "m4"]
        partners = {a if b == new_n else b for a, b in store.claims.all_pairs() if new_n in (a, b)}
        assert 1 <= len(partners) < store.claims.count() - 1
    assert counters["pairs"] == counters["claims_read"] == len(partners)  # no other stored claim was decoded
    assert len(result.report.claims) == len(ROWS) + 1
    assert "m4" in {c.id for f in result.report.findings for c in (f.a, f.b)}


WORDS = ("lantern orchard velvet canyon harbor pepper glacier violin meadow copper tunnel falcon ribbon quarry "
         "saddle thistle beacon marble cobalt hammock walnut furnace lagoon pebble cactus anchor pillow summit "
         "kettle meteor bramble chimney puzzle tundra sparrow ledger mosaic parsley turbine willow compass").split()


def word_rows(count: int, seed: int = 3) -> list[tuple[str, str]]:
    """``count`` unrelated one-line claims: random word strings, so few pairs and many lists."""
    import random

    rng = random.Random(seed)
    return [(f"w{n}", " ".join(rng.sample(WORDS, 5)).capitalize() + f" number {n}.") for n in range(count)]


def test_a_large_store_reads_only_the_lists_its_new_claims_probe(store_target, tmp_path, embedder):
    from consistency.group import NPROBE, list_count

    rows = word_rows(700)
    assert list_count(len(rows)) > NPROBE  # more lists than a claim probes
    folder = tmp_path / "data"
    folder.mkdir()
    write_rows(folder / "a.jsonl", rows)
    settings = Settings(store=store_target, index="ann")
    first = api.run([str(folder)], settings)
    assert first.counters["vectors_read"] == 0  # the first run gathers no stored vector: there are none
    with open_store(settings.store) as store:
        (trained_on,) = store.db.execute("SELECT trained_on FROM neighbour_index").fetchone()
        assert trained_on == len(rows)
        assert store.db.execute("SELECT COUNT(*) FROM neighbour_lists").fetchone()[0] == len(rows)

    near = ("w700", rows[10][1].replace("number 10.", "number ten."))  # a near copy of a stored claim
    write_rows(folder / "b.jsonl", [near])
    second = api.run([str(folder)], settings)
    assert second.counters["embedded"] == 1
    # only the probed lists were read: 16 of the 17 lists of 700 claims (at least 39 claims a list);
    # more claims make more lists but such diffuse neighbourhoods that the recall check below fails
    assert 0 < second.counters["vectors_read"] < len(rows)
    with open_store(settings.store) as store:
        (new_n,) = [r.n for r in store.claims.rows() if r.id == "w700"]
        (old_n,) = [r.n for r in store.claims.rows() if r.id == "w10"]
        assert (old_n, new_n) in store.claims.all_pairs()
        assert store.db.execute("SELECT COUNT(*) FROM neighbour_lists").fetchone()[0] == len(rows) + 1

    # nearly the pairs the exact search finds for that claim, and no other
    exact = Settings(store=str(tmp_path / "exact.db"), index="exact")
    (folder / "b.jsonl").unlink()
    api.run([str(folder)], exact)
    write_rows(folder / "b.jsonl", [near])
    assert api.run([str(folder)], exact).counters["vectors_read"] == len(rows)
    found, everything = partners(settings.store, "w700"), partners(exact.store, "w700")
    assert found <= everything and len(found) >= 0.9 * len(everything)


def partners(target: str, claim_id: str) -> set[str]:
    with open_store(target) as store:
        id_of = {r.n: r.id for r in store.claims.rows()}
        return {id_of[b] if id_of[a] == claim_id else id_of[a] for a, b in store.claims.all_pairs()
                if claim_id in (id_of[a], id_of[b])}


def test_a_store_crossing_exact_up_to_trains_its_index_and_finds_the_exact_pairs(store_target, tmp_path, embedder):
    """``exact_up_to`` is small here so that a few hundred claims cross it: the run that crosses it
    trains the store's neighbour index, the next one searches through it, and both find the pairs
    exact search finds (with no more lists than a claim probes, the index compares every pair)."""
    from consistency.group import NPROBE, list_count

    rows = word_rows(420, seed=5)
    near = [(f"n{k}", rows[k][1].replace(f"number {k}.", f"number {k} again.")) for k in range(0, 420, 60)]
    assert list_count(len(rows) + len(near)) <= NPROBE
    found = {}
    for name, index in (("ann", "auto"), ("exact", "exact")):
        folder = tmp_path / name
        folder.mkdir()
        settings = Settings(store=store_target if name == "ann" else str(tmp_path / "exact.db"), index=index,
                            exact_up_to=400)
        for step, batch in enumerate((rows[:380], rows[380:], near)):
            write_rows(folder / f"{step}.jsonl", batch)
            counters = api.run([str(folder)], settings).counters
            with open_store(settings.store) as store:
                trained = store.db.execute("SELECT trained_on FROM neighbour_index").fetchall()
                listed = store.db.execute("SELECT COUNT(*) FROM neighbour_lists").fetchone()[0]
            if name == "ann":
                # below exact_up_to no index; the crossing run trains it on every claim; the next one uses it
                assert trained == ([] if step == 0 else [(420,)])
                assert listed == (0, 420, 420 + len(near))[step]
                assert counters["vectors_read"] == (0, 380, 420)[step]
        with open_store(settings.store) as store:
            id_of = {r.n: r.id for r in store.claims.rows()}
            found[name] = {(id_of[a], id_of[b]) for a, b in store.claims.all_pairs()}
    assert {(f"w{k}", f"n{k}") for k in range(0, 420, 60)} <= found["exact"]
    assert found["ann"] == found["exact"]
