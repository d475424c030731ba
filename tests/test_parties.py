"""One act told from its two ends, and a count whose own sentence names what it counts, stay
conflicts: the vetoes "different subjects" and "a count of nothing named" of `compare.apart` need
evidence of a difference (`consistency.rules.parties`), while two deals, two teams' points, rival
bids and a crowd against a capacity stay apart.

Each case of tests/data/parties/cases.jsonl is checked as a two-row claims dataset through
`api.check`, the way `benchmarks/conflicts.py --pairs` checks a pair file, with no cut-off (like
tests/test_vetoes_evidence.py): whether a rule finds the conflict, not how sure it is. The
sentences, names and places are ours, written for this test. The label of a line (a time-stamped
heading, a transcript's speaker) before a colon is no subject of the clause after it
(`consistency.rules.slots`)."""

from __future__ import annotations

import pytest
from cases import assert_pair_case, read_cases, slots_at

from consistency.rules.names import named_who

CASES = read_cases("parties", "cases.jsonl")


@pytest.mark.parametrize("case", CASES, ids=[c["id"] for c in CASES])
def test_parties_of_one_act(case, tmp_path, embedder, request):
    assert_pair_case(case, tmp_path, embedder, request)


def test_the_heading_of_a_time_stamped_line_is_no_subject():
    s = slots_at("16:20 — Sport Desk: Brackwater Athletic have been hit with a £16,500 penalty for the pitch "
               "invasion.", "£16,500")
    assert named_who(s) == "Brackwater Athletic"


def test_a_speakers_label_is_no_subject_nor_what_the_figure_measures():
    s = slots_at("ANCHOR: ...and the refurbished Pellow arena holds nine thousand now, the council told us.",
               "nine thousand")
    assert "ANCHOR" not in (s.subject, s.measure, named_who(s))
