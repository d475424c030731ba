"""Whose number and what happened to what it counts: two numbers of one story are refused as a
conflict on positive evidence that they measure different things (`consistency.rules.compare.apart`):
a holder named only by a pronoun, resolved from the article's preceding sentences, that differs
from the other side's; predicates that differ by meaning. Cases in tests/data/predicates/pairs.jsonl,
written for these tests before the code: documents, value pairs that must not be flagged
(``apart``) and reworded real disputes that must still be (``conflict``). A case marked ``open``
is one no landed mechanism solves yet (its reason says why); it is expected to fail, strictly, so
solving it shows."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from consistency import api
from consistency.config import Settings
from test_measures_apart import _pairs

CASES = [json.loads(line) for line in (Path(__file__).parent / "data" / "predicates" / "pairs.jsonl")
         .read_text(encoding="utf-8").splitlines() if line.strip()]


@pytest.mark.parametrize("case", CASES, ids=[c["id"] for c in CASES])
def test_different_measures_are_refused(case, tmp_path, embedder, request):
    if case.get("open"):
        request.applymarker(pytest.mark.xfail(reason=case["open"], strict=True))
    for n, text in enumerate(case["docs"]):
        (tmp_path / f"{n}.txt").write_text(text + "\n", encoding="utf-8")
    pairs = _pairs(api.check([str(tmp_path)], Settings(min_confidence=0.0), embedder=embedder))
    for x in case["apart"]:
        assert tuple(sorted(x)) not in pairs, (case["why"], pairs)
    for x in case["conflict"]:
        assert tuple(sorted(x)) in pairs, (case["why"], pairs)


PRONOUNS = [json.loads(line) for line in (Path(__file__).parent / "data" / "predicates" / "pronouns.jsonl")
            .read_text(encoding="utf-8").splitlines() if line.strip()]


@pytest.mark.parametrize("case", PRONOUNS, ids=[c["text"][:30] for c in PRONOUNS])
def test_a_pronoun_holder_and_the_name_in_its_sentence(case, tmp_path):
    from consistency.rules.frames import frames

    (tmp_path / "a.txt").write_text(case["text"] + "\n", encoding="utf-8")
    claims, _ = api.extract([str(tmp_path / "a.txt")])
    [frame] = [f for c in claims for f in frames(c) if f.q.text == case["number"]]
    assert (frame.slots.pronoun, frame.slots.referent) == (case["pronoun"], case["referent"])


APPOSED = [json.loads(line) for line in (Path(__file__).parent / "data" / "predicates" / "appositions.jsonl")
           .read_text(encoding="utf-8").splitlines() if line.strip()]


@pytest.mark.parametrize("case", APPOSED, ids=[c["text"][:30] for c in APPOSED])
def test_a_subject_named_by_its_apposition_is_that_person(case, tmp_path):
    """"a hiker, Nils Varga, fell 400 metres": the number is Varga's (`compare._named_who`)."""
    from consistency.rules.compare import _named_who
    from consistency.rules.frames import frames

    (tmp_path / "a.txt").write_text(case["text"] + "\n", encoding="utf-8")
    claims, _ = api.extract([str(tmp_path / "a.txt")])
    [frame] = [f for c in claims for f in frames(c) if f.q.text == case["number"]]
    assert _named_who(frame.slots) == case["who"]
