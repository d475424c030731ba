"""Evidence from the articles themselves: when one outlet's article states the other outlet's
figure too, as a figure of the same kind of measure in another sentence, that outlet does not
dispute it; its own figure is another measure (another victim, another player, a part of the
toll). Two outlets that disagree about one count still conflict, also when one of them mentions
the other's number in a different role.

Each case of tests/data/article_evidence/cases.jsonl is a set of articles checked together
(`cases.assert_case`, numbers compared without their units): its ``apart`` pairs are not
flagged, its ``conflict`` pairs are. The articles are ours, written for this test in another
voice than the rules' docstrings (docs/rules.md, "When two numbers are compared"). Written
first: the shot/killed and the ferry cases, and those whose ``why`` says so (a sentence that
gives the other outlet's figure beside its own, or the sentence next to it; an article that
gives the other outlet's measure a figure of its own, `compare.told_apart`). The restating
sentences of the haul and game cases were reworded after the code was measured (the
restatement must be worded alike, cosine 0.7: "the Pirates guard scored 15 points" does not
restate "Okafor added 15 points", 0.17; a wounded regular "hit two times" did not restate "the
victim was struck two times", 0.35: docs/rules.md, "Known limits")."""

from __future__ import annotations

import pytest
from cases import assert_case, read_cases

CASES = read_cases("article_evidence", "cases.jsonl")


@pytest.mark.parametrize("case", CASES, ids=[c["id"] for c in CASES])
def test_what_the_articles_themselves_state(case, tmp_path, embedder, request):
    assert_case(case, tmp_path, embedder, request, number_only=True)
