"""A figure whose claim names a part of it ("$412 million, including $260 million in cash"; "six
shells, including one that struck the clinic") against another report of that part: the other
outlet reports the part the first claim names itself, not a rival figure
(`consistency.rules.compare.apart`, "a part the claim names"). Against another whole it still
compares. Also a figure restricted to a part of the event's time or of the amount ("nine points in
the first half", "$210 million in cash and the rest in shares") against the whole's larger figure
(`compare._portion_of`, "a part of the whole"); a larger part, a toll said of the event itself
("killed five in the attack") and the total an of-phrase counts still compare. So is a count
whose predicate is narrowed (`compare._narrowed_of`: "two were critically wounded", "one was shot
in the shoulder") against a larger plain one; a count of those a with-phrase puts in a condition
("35 people with injuries", or "received treatment after being hurt": the state of a participle
clause) is no rival for a count of another predicate of its family ("eight were killed",
`compare._condition_differs`). A larger narrowed count, and two narrowed alike, still
compare. A state phrase narrows a count too ("two suspects in custody", "in critical condition"),
and so does a passive verb of perception of happenings ("three aftershocks were felt"),
and so does a part of the body a participle clause names ("went home after being shot in the arm");
those who were shot are some of those a shooting involved (`compare._took_part_in`), and those who
fired are not those shot (`compare._did_what_other_underwent`), but those who flew are those one
carrier flew (`slots.Slots.done_by_one`, `slots.Slots.objectless`). A site or an event named by its
name ("at its Halbeck plant", "in the Kessel coastal cycle race") is no area a part of a larger
whole is counted in, nor is an area the other sentence names itself; jobs cut are counted alike
in either voice (`frames._cut_alike`), not against a headcount or jobs added; the raiders who
killed and those they killed make no sum (`numeric._roles_mixed`). Cases in
tests/data/parts/cases.jsonl, written for these tests in our own words."""

from __future__ import annotations

import pytest
from cases import assert_case, read_cases

CASES = read_cases("parts", "cases.jsonl")


@pytest.mark.parametrize("case", CASES, ids=[c["id"] for c in CASES])
def test_a_part_the_claim_names_itself(case, tmp_path, embedder, request):
    assert_case(case, tmp_path, embedder, request)
