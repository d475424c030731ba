"""A part cannot exceed its whole (`compare.exceeding_part`, `compare._kind_of_whole`): two claims that
count two measures, one a kind of the other's persons ("children" / "people" of one predicate), are
flagged when the part is larger, the explanation naming the part and the whole; a smaller part is not
read as consistent (open: in news the narrower word often rewords the whole group). Unrelated measures are never read so
(``not_part``: no finding says a part exceeds its whole). Cases in tests/data/bounds/cases.jsonl,
written for these tests in our own words."""

from __future__ import annotations

import pytest
from cases import read_cases

from consistency import api
from consistency.config import Settings

CASES = read_cases("bounds", "cases.jsonl")


def _flagged(report) -> dict[tuple[str, str], str]:
    out = {}
    for f in report.findings:
        if f.kind == "conflict":
            va = f.a.text[f.spans_a[0].start:f.spans_a[0].end].split()[0]
            vb = f.b.text[f.spans_b[0].start:f.spans_b[0].end].split()[0]
            out[tuple(sorted((va, vb)))] = f.explanation
    return out


@pytest.mark.parametrize("case", CASES, ids=[c["id"] for c in CASES])
def test_a_part_over_its_whole(case, tmp_path, embedder, request):
    if case.get("open"):
        request.applymarker(pytest.mark.xfail(reason=case["open"], strict=True))
    for n, text in enumerate(case["docs"]):
        (tmp_path / f"{n}.txt").write_text(text + "\n", encoding="utf-8")
    found = _flagged(api.check([str(tmp_path)], Settings(min_confidence=0.0), embedder=embedder))
    for x in case["flagged"]:
        assert "exceeds the whole" in found.get(tuple(sorted(x)), ""), (case["why"], found)
    for x in case["apart"]:
        assert tuple(sorted(x)) not in found, (case["why"], found)
    for x in case.get("not_part", ()):
        assert "exceeds the whole" not in found.get(tuple(sorted(x)), ""), (case["why"], found)
