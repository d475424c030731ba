"""Claims at the level of facts: a short claim meets the clause of a long sentence that states the
same fact. Every sentence here was written for these tests."""

from __future__ import annotations

import json

import numpy as np
import pytest
from terminal import in_terminal

from consistency import api, group
from consistency.clauses import claim_clauses
from consistency.config import Settings
from consistency.store import open_store

#: Three facts in one sentence (a delay, the people and cars aboard, the people taken to hospital).
FERRY = ("The ferry left the port two hours late on Saturday with 180 passengers and 35 cars aboard, "
         "ran aground on a sandbank off the northern lighthouse in heavy fog, and the operator later "
         "confirmed that 14 people had been taken to hospital.")
#: One of them, in other words and with another figure.
HOSPITALS = "Hospitals admitted 20 people."


def write(folder, name, body):
    path = folder / name
    path.write_text(f"# {name}\n\n{body}\n", encoding="utf-8")
    return path


def test_a_short_claim_meets_the_clause_of_a_long_sentence_that_states_the_same_fact(tmp_path, embedder):
    long_doc, short_doc = write(tmp_path, "ferry.md", FERRY), write(tmp_path, "hospitals.md", HOSPITALS)
    sentences = embedder.encode([FERRY, HOSPITALS])
    assert float(sentences[0] @ sentences[1]) < Settings().threshold  # the sentences alone never meet
    report = api.check([str(long_doc), str(short_doc)], Settings(), embedder=embedder)
    [finding] = [f for f in report.findings if f.kind == "conflict"]
    assert finding.rule == "NUM001" and finding.similarity >= Settings().threshold
    assert sorted(s.text for s in finding.spans_a + finding.spans_b) == ["14", "20"]
    # the claim is still the whole sentence, at its place in the article: the report shows it
    ferry = next(c for c in (finding.a, finding.b) if c.doc_key == report.claims[0].doc_key
                 and c.text.startswith("The ferry"))
    assert ferry.text == FERRY
    assert long_doc.read_text(encoding="utf-8")[ferry.start:ferry.end] == FERRY


def test_check_in_a_terminal_flags_the_clause_pair(tmp_path):
    write(tmp_path, "ferry.md", FERRY)
    write(tmp_path, "hospitals.md", HOSPITALS)
    session = in_terminal(["check", "ferry.md", "hospitals.md", "-f", "json", "-q"], columns=100, cwd=tmp_path)
    assert session.exit_code == 1, session.raw
    [conflict] = json.loads(session.raw.replace("\r\n", "\n"))["conflicts"]
    assert sorted(c["text"] for c in conflict["claims"]) == sorted([FERRY, HOSPITALS])


def test_only_long_sentences_of_several_facts_are_split_into_clauses(tmp_path):
    short = "Two buses collided on the bridge, injuring 11 people."
    claims, _ = api.extract([str(write(tmp_path, "a.md", f"{FERRY} {short} {HOSPITALS}"))])
    ferry, bridge, hospitals = claim_clauses(claims)
    assert bridge == () and hospitals == ()
    # each clause holds a fact, and its pieces are where its words stand in the sentence
    assert [c.text for c in ferry] == [
        "The ferry left the port two hours late on Saturday with 180 passengers and 35 cars aboard",
        "that 14 people had been taken to hospital"]
    for clause in ferry:
        assert " ".join(FERRY[a:b] for a, b in clause.pieces) == clause.text


def test_a_nested_clause_is_cut_out_of_the_clause_around_it(tmp_path):
    text = ("The bridge, which carries 40,000 cars a day, was closed for 18 months while engineers "
            "replaced its cables.")
    claims, _ = api.extract([str(write(tmp_path, "a.md", text))])
    [clauses] = claim_clauses(claims)
    outer = next(c for c in clauses if c.text.startswith("The bridge"))
    assert len(outer.pieces) == 2 and "40,000" not in outer.text and "18 months" in outer.text


def test_claim_pairs_keep_each_claims_best_unit_pair():
    # units 0-2 are claims, 3-4 clauses of claim 0, 5 a clause of claim 2
    owner = np.array([0, 1, 2, 0, 0, 2])
    units = group.Pairs(np.array([0, 3, 4, 1, 3]), np.array([1, 1, 2, 5, 4]),
                        np.array([0.55, 0.8, 0.6, 0.7, 0.9], dtype=np.float32))
    pairs = group.claim_pairs(units, owner)
    assert [(p.i, p.j, round(p.similarity, 2)) for p in pairs] == [(0, 1, 0.8), (0, 2, 0.6), (1, 2, 0.7)]


def conflicts(result) -> list:
    return [f for f in result.report.findings if f.kind == "conflict"]


@pytest.mark.parametrize("index", ["exact", "ann"])
def test_a_short_claim_of_a_later_run_meets_the_clause_of_a_stored_sentence(tmp_path, embedder, index):
    # the long sentence is stored by one night's run; the short claim comes the next night
    day1, day2 = tmp_path / "day1", tmp_path / "day2"
    day1.mkdir(), day2.mkdir()
    write(day1, "ferry.md", FERRY)
    write(day1, "weather.md", "Heavy fog closed the harbour for most of the morning.")
    settings = Settings(store=str(tmp_path / "s.db"), index=index)
    assert conflicts(api.run([str(day1)], settings)) == []
    with open_store(settings.store) as store:  # the sentence's clauses are stored, and indexed
        assert store.clauses.count() == 2
        unlisted = store.db.execute("SELECT COUNT(*) FROM clauses WHERE list IS NULL").fetchone()[0]
        assert unlisted == (2 if index == "exact" else 0)
    write(day2, "hospitals.md", HOSPITALS)
    [finding] = conflicts(api.run([str(day2)], settings))
    assert finding.rule == "NUM001" and sorted([finding.a.text, finding.b.text]) == sorted([FERRY, HOSPITALS])
    # `check` over the same articles reports the same finding, by the same id
    report = api.check([str(day1), str(day2)], Settings(index=index), embedder=embedder)
    assert [f.fingerprint for f in report.findings if f.kind == "conflict"] == [finding.fingerprint]


def test_a_run_over_a_store_without_clauses_splits_its_stored_sentences(tmp_path, embedder):
    # a store written before clauses were stored (schema 6: no clause rows, another pipeline
    # signature) gains them with its next run, which matches everything again
    day1, day2 = tmp_path / "day1", tmp_path / "day2"
    day1.mkdir(), day2.mkdir()
    write(day1, "ferry.md", FERRY)
    write(day1, "pier-a.md", "The new pier is 240 metres long, the council said.")
    write(day1, "pier-b.md", "The new pier is 310 metres long, the harbour master said.")
    settings = Settings(store=str(tmp_path / "s.db"))
    [pier] = conflicts(api.run([str(day1)], settings))
    with open_store(settings.store) as store, store.transaction():
        store.decisions.add(pier.fingerprint, "dismissed", by="ana", note="two piers")
        store.db.execute("DELETE FROM clauses")
        store.meta.set("signature", "written by an older consistency")
    write(day2, "hospitals.md", HOSPITALS)
    [found] = conflicts(api.run([str(day2)], settings))
    assert found.rule == "NUM001" and HOSPITALS in (found.a.text, found.b.text)
    with open_store(settings.store) as store:
        assert store.clauses.count() == 2
        # the finding matched again keeps its id, and the decision on it stands
        assert {f.fingerprint for f in store.findings.open()} == {pier.fingerprint, found.fingerprint}
        assert store.decisions.reviews()[pier.fingerprint].decision == "dismissed"
