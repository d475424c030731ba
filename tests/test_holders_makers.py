"""Whose figure, where the clause's own subject does not say it (`consistency.rules.makers`): the
maker of an offer named in an earlier sentence of the article, a club written with a clitic a
tokeniser set apart (`consistency.spacing.clitics`), the standard a comparison measures against,
and a group's whole a named player did a part of. Cases in tests/data/holders/makers.jsonl,
written for these tests in our own words: each lists documents, value pairs that must not be
flagged (``apart``) and pairs that must still be (``conflict``)."""

from __future__ import annotations

import pytest
from cases import assert_case, read_cases

from consistency.parsing import parse
from consistency.spacing import clitics

CASES = read_cases("holders", "makers.jsonl")


@pytest.mark.parametrize("case", CASES, ids=[c["id"] for c in CASES])
def test_whose_figure(case, tmp_path, embedder):
    assert_case(case, tmp_path, embedder)


def test_a_split_clitic_is_parsed_as_written_with_offsets_into_the_text():
    text = "and the Q ’ s have offered seven years , but who ’ s counting ? They do n ’ t say ."
    assert clitics(text).text == "and the Q’s have offered seven years , but who’s counting ? They don’t say ."
    p = parse(text)
    q = next(t for t in p.tokens if t.text == "Q")
    assert q.dep == "nsubj" and text[q.start:q.end] == "Q"
    years = next(t for t in p.tokens if t.text == "years")
    assert text[years.start:years.end] == "years"
    # a quote mark between words, or a straight clitic the parser splits itself, is left as it is
    for kept in ("the Ospreys ’ offer", "Doe 's offer", "rock ’ n ’ roll"):
        assert clitics(kept).text == kept


def test_contracts_of_two_receivers_are_two_items(tmp_path):
    from cases import frame_at

    from consistency.rules import makers
    from consistency.rules.compare import apart

    strand = frame_at(tmp_path, "A $ 90 million sum to pitcher Ivo Marsh over five seasons and a four - year , "
                    "$ 60 million contract for Milo Strand .", "four - year")
    quint = frame_at(tmp_path, "Vance is sure to land among the richest paydays of the game , almost certainly "
                   "exceeding the $ 150 million ( over six years ) that fellow free agent Abel Quint received "
                   "from the Ospreys earlier this winter .", "six years")
    again = frame_at(tmp_path, "Last winter the Ospreys offered Milo Strand six years .", "six years")
    assert apart(strand, quint) == "different receivers"
    # one receiver on both sides, told in other words: the lengths still disagree
    assert makers.receiver(again) == "Milo Strand"
    assert apart(strand, again) == ""
