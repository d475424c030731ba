"""Positive evidence that two numbers measure different things: a claim of the same check that
reports the two predicates with numbers of their own ("shot six, killing two"), and named
subjects that are different people or teams.

The sentences are ours, written for this test in another voice than the rules' docstrings
(docs/rules.md, "When two numbers are compared")."""

from __future__ import annotations

from consistency import api
from consistency.config import Settings

WAREHOUSE_A = (
    "A former employee opened fire inside a packaging warehouse in Dunmore late on Friday, shooting six of "
    "his co-workers and killing two of them before he was arrested.\n"
)
WAREHOUSE_B = (
    "Three workers were killed in Friday's shooting at the Dunmore packaging warehouse, the county coroner "
    "said on Saturday.\n"
)
WAREHOUSE_C = (
    "Police in Dunmore said five warehouse workers were shot on Friday night.\n"
)
MATCH_A = (
    "Marta Ilves pulled down 12 rebounds for the Harbour City Gulls in Saturday's win over Eastport.\n"
)
MATCH_B = (
    "Jonas Pell pulled down nine rebounds for the Gulls in the win over Eastport on Saturday.\n\n"
    "Ilves pulled down 14 rebounds for the Gulls against Eastport on Saturday, the club said.\n"
)


def _pairs(report):
    out = set()
    for f in report.findings:
        if f.rule == "NUM001":
            va = f.a.text[f.spans_a[0].start:f.spans_a[0].end]
            vb = f.b.text[f.spans_b[0].start:f.spans_b[0].end]
            out.add(tuple(sorted((va, vb))))
    return out


def _check(tmp_path, embedder, *texts):
    for n, text in enumerate(texts):
        (tmp_path / f"{n}.txt").write_text(text, encoding="utf-8")
    return _pairs(api.check([str(tmp_path)], Settings(min_confidence=0.0), embedder=embedder))


def test_a_predicate_the_corpus_reports_apart_is_another_measure(tmp_path, embedder):
    pairs = _check(tmp_path, embedder, WAREHOUSE_A, WAREHOUSE_B, WAREHOUSE_C)
    # the first report shoots six and kills two: shot and killed are two measures, also where a
    # claim gives only one of them
    assert ("Three", "five") not in pairs, pairs
    assert ("Three", "two") in pairs, pairs  # killed two against killed three still conflicts
    assert ("five", "six") in pairs, pairs  # and shot five against shot six


def test_named_subjects_that_differ_are_other_people(tmp_path, embedder):
    pairs = _check(tmp_path, embedder, MATCH_A, MATCH_B)
    assert ("12", "nine") not in pairs, pairs  # Pell's rebounds are not Ilves's
    assert ("12", "14") in pairs, pairs  # "Ilves" is "Marta Ilves"
