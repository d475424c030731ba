"""Cases of documents checked for the pairs of numbers a check flags: read from tests/data/<folder>/ and
asserted (shared by the test modules of the rules that tell two measures apart)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from consistency import api
from consistency.config import Settings, load_settings


def evidence_pairs(report, *, number_only=False):
    """The evidence pairs of numeric findings, sorted; ``number_only``: the number without its unit
    ("15 points" -> "15")."""
    out = set()
    for f in report.findings:
        if f.rule in ("NUM001", "DUR001"):
            va = f.a.text[f.spans_a[0].start:f.spans_a[0].end]
            vb = f.b.text[f.spans_b[0].start:f.spans_b[0].end]
            if number_only:
                va, vb = va.split()[0], vb.split()[0]
            out.add(tuple(sorted((va, vb))))
    return out


def check_texts(tmp_path, embedder, *texts, number_only=False):
    for n, text in enumerate(texts):
        (tmp_path / f"{n}.txt").write_text(text, encoding="utf-8")
    report = api.check([str(tmp_path)], Settings(min_confidence=0.0), embedder=embedder)
    return evidence_pairs(report, number_only=number_only)


def read_cases(folder: str, name: str) -> list[dict]:
    """The cases of tests/data/<folder>/<name> (JSON Lines)."""
    text = (Path(__file__).parent / "data" / folder / name).read_text(encoding="utf-8")
    return [json.loads(line) for line in text.splitlines() if line.strip()]


def check_rows(tmp_path, embedder, rows, settings=None):
    """The report of ``rows`` (dicts with ``id``, ``text`` and any other field of a row) checked as
    one claims dataset, the way `benchmarks/conflicts.py --pairs` checks a pair; ``settings``
    defaults to no cut-off (whether a rule finds a conflict, not how sure it is)."""
    path = tmp_path / "claims.jsonl"
    path.write_text("".join(json.dumps(row) + "\n" for row in rows), encoding="utf-8")
    return api.check([str(path)], settings or Settings(min_confidence=0.0), embedder=embedder)


def assert_pair_case(case, tmp_path, embedder, request):
    """A labelled pair (``a`` and ``b``: a row's fields each; ``label`` conflict or not; ``why``) checked
    as a two-row claims dataset with no cut-off: a conflict is flagged, anything else is not
    (tests/data/vetoes, parties, times). A case marked ``open`` (with the reason) is a strict expected
    failure."""
    if case.get("open"):
        request.applymarker(pytest.mark.xfail(reason=case["open"], strict=True))
    report = check_rows(tmp_path, embedder, [{"id": side, **case[side]} for side in "ab"],
                        load_settings().replace(min_confidence=0.0))
    flagged = [f.explanation for f in report.findings if f.kind == "conflict"]
    assert bool(flagged) == (case["label"] == "conflict"), (case["why"], flagged)


def assert_case(case, tmp_path, embedder, request=None, *, rows=None, settings=None, number_only=False):
    """A case of documents (``docs``), or of claims-dataset ``rows`` given by the caller: its
    ``apart`` value pairs are not flagged, its ``conflict`` pairs are (tests/data/holders/cases.jsonl,
    tests/data/predicates/pairs.jsonl; rows: tests/data/counts, spans, reworded_counts). A case
    marked ``open`` (with the reason) is a strict expected failure: solving it shows.
    ``number_only``: the pairs are of numbers without their units (`evidence_pairs`:
    tests/data/article_evidence)."""
    if case.get("open") and request is not None:
        request.applymarker(pytest.mark.xfail(reason=case["open"], strict=True))
    if rows is None:
        pairs = check_texts(tmp_path, embedder, *(text + "\n" for text in case["docs"]), number_only=number_only)
    else:
        pairs = evidence_pairs(check_rows(tmp_path, embedder, rows, settings), number_only=number_only)
    for x in case["apart"]:
        assert tuple(sorted(x)) not in pairs, (case["why"], pairs)
    for x in case["conflict"]:
        assert tuple(sorted(x)) in pairs, (case["why"], pairs)


def frame_at(tmp_path, text, number):
    """The one frame of ``number`` in ``text`` read as a one-sentence document."""
    from consistency.rules.frames import frames

    (tmp_path / "a.txt").write_text(text + "\n", encoding="utf-8")
    claims, _ = api.extract([str(tmp_path / "a.txt")])
    [frame] = [f for c in claims for f in frames(c) if f.q.text == number]
    return frame


def slots_at(text: str, number: str):
    """The slots (`consistency.rules.slots.read_slots`) of the first ``number`` written in ``text``."""
    from consistency.parsing import parse
    from consistency.rules.slots import read_slots

    start = text.index(number)
    return read_slots(parse(text), start, start + len(number))


def expect_param(i: int, row: dict):
    """A pytest param of a given-pair case with ``expect`` flag or not (tests/data/sums, tolerance,
    vitaminc_shapes); a case marked ``known`` (with the reason) is a strict expected failure."""
    marks = [pytest.mark.xfail(strict=True, reason=row["known"])] if row.get("known") else []
    return pytest.param(row, marks=marks, id=f"{i}-{row['expect']}")


def assert_expected_rule(row, embedder):
    """The pair checked as `consistency compare` reports it: ``rule`` among its findings when the
    case expects a flag, absent otherwise."""
    from tests.test_rules import findings_for

    rules = {f.rule for f in findings_for(row, embedder=embedder)}
    if row["expect"] == "flag":
        assert row["rule"] in rules, f"should flag: {row['note']} (got {sorted(rules)})"
    else:
        assert row["rule"] not in rules, f"should not flag: {row['note']}"
