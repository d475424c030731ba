"""Figures that state no fact (`consistency.rules.mood`): a figure in a clause that says what
could or might happen ("a magnitude 7 tremor might flatten", "hoping he could land a 12-year
deal"), under a condition ("if they are pushed to nine years"), the object of "need" ("needed
only six points"), judged by a linking verb ("nine years seems like a fair term") or the
infinitive of an attitude ("keen to seek fifteen years", "want to win a 9 percent raise") asserts
nothing happened, so it is no rival to another figure (`consistency.rules.compare.apart`, "a
figure stated as no fact"). A report beside a possibility ("killed nine ..., and police said
the toll could rise"), a figure agreed to be paid, the subject of "need" ("800 people needed
shelter"), a hedged report ("appears to be eleven", "is expected to cost") and what crews were able
to do still compare; two attitudes of one party do not ("willing to sell for 20 million" and
"for 15 million" do not exclude each other). Cases in
tests/data/wishes/cases.jsonl, written for these tests in our own words."""

from __future__ import annotations

import pytest
from cases import assert_case, read_cases

CASES = read_cases("wishes", "cases.jsonl")


@pytest.mark.parametrize("case", CASES, ids=[c["id"] for c in CASES])
def test_figures_that_state_no_fact(case, tmp_path, embedder, request):
    assert_case(case, tmp_path, embedder, request)
