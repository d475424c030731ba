"""Pairs worded apart that count one thing under two names (tests/data/candidacy/cases.jsonl, our
own words and invented names): their sentences' cosine is under the grouping threshold, and the
second route to candidacy (`consistency.group.candidate_pairs` ``keys``: measures that agree by
meaning, `consistency.wordnet.meanings`) still compares them. Each case is two rows of one
claims dataset; ``conflict`` value pairs must be flagged, ``apart`` ones not."""

from __future__ import annotations

import json

import pytest
from cases import assert_case, read_cases

CASES = read_cases("candidacy", "cases.jsonl")


@pytest.mark.parametrize("case", CASES, ids=[c["id"] for c in CASES])
def test_measures_alike_under_the_threshold(case, tmp_path, embedder, request):
    rows = [{"id": f"r{n}", "text": text} for n, text in enumerate(case["docs"])]
    assert_case(case, tmp_path, embedder, request, rows=rows)


CONFLICTS = [c for c in CASES if c["conflict"] and not c.get("open")]


def reported_values(report: dict) -> set[tuple[str, ...]]:
    """The value pairs of a JSON report's numeric conflicts, sorted (as `cases.evidence_pairs`)."""
    out = set()
    for c in report["conflicts"]:
        if c["rule"] in ("NUM001", "DUR001"):
            out.add(tuple(sorted(cl["spans"][0]["text"].split()[0] for cl in c["claims"])))
    return out


@pytest.mark.parametrize("case", CONFLICTS, ids=[c["id"] for c in CONFLICTS])
@pytest.mark.parametrize("nightly", ["one run", "second row a night later", "rematched"])
def test_the_nightly_run_compares_what_check_compares(case, nightly, store_target, tmp_path, embedder):
    """`consistency run` reaches a pair by the second route as `consistency check` does on the same
    rows, whether both rows come in one run, the second row meets the first in the store, or a change
    of settings matches the stored rows again (SQLite or PostgreSQL)."""
    from test_store import invoke

    rows = [{"id": f"r{n}", "text": text} for n, text in enumerate(case["docs"])]
    corpus = tmp_path / "rows"
    corpus.mkdir()

    def write(upto: int) -> None:
        (corpus / "claims.jsonl").write_text("".join(json.dumps(r) + "\n" for r in rows[:upto]), encoding="utf-8")

    write(len(rows))
    checked = invoke("check", str(corpus), "-f", "json", "-q", "--min-confidence", "0")
    assert checked.exit_code == 1, checked.output
    store = store_target
    if nightly == "rematched":  # the first run checks another rule: the second matches everything again
        assert invoke("run", "--store", store, str(corpus), "-q", "--select", "DUR001").exit_code == 0
    if nightly == "second row a night later":
        write(1)
        assert invoke("run", "--store", store, str(corpus), "-f", "json", "-q", "--min-confidence", "0").exit_code == 0
        write(len(rows))
    ran = invoke("run", "--store", store, str(corpus), "-f", "json", "-q", "--min-confidence", "0")
    assert ran.exit_code == 1, ran.output
    for x in case["conflict"]:
        want = tuple(sorted(v.split()[0] for v in x))
        assert want in reported_values(json.loads(checked.stdout)), case["why"]
        assert want in reported_values(json.loads(ran.stdout)), case["why"]


@pytest.mark.parametrize("case", CONFLICTS, ids=[c["id"] for c in CONFLICTS])
def test_a_run_through_the_stores_neighbour_index_compares_them_too(case, store_target, tmp_path, embedder):
    """With the store's neighbour index trained (`Settings.index` ann), the second row of a later run
    meets the stored first through the lists it probes."""
    from consistency import api
    from consistency.config import Settings

    folder = tmp_path / "rows"
    folder.mkdir()
    for n, text in enumerate(case["docs"]):
        (folder / f"{n}.jsonl").write_text(json.dumps({"id": f"r{n}", "text": text}) + "\n", encoding="utf-8")
        if n == 0:
            settings = Settings(store=store_target, index="ann", min_confidence=0.0)
            assert not api.run([str(folder)], settings).report.findings
    found = api.run([str(folder)], settings).report.findings
    assert {f.rule for f in found} & {"NUM001", "DUR001"}, case["why"]
