"""Directions: one measure said to go up on one side and down on the other, however it is worded.

tests/data/directions/pairs.jsonl holds pairs in the pair-file format (each checked as a two-row
claims dataset through `api.check`, as ``benchmarks/conflicts.py --pairs`` does), written in session
38 before `consistency.rules.moves` in another voice than the rule cases: a number on neither side,
on one side, or the same amount on both; the measure named differently ("shares" / "stock",
"ticket sales" / "more tickets ... than the year before"). The consistent pairs must stay so:
different measures (imports / exports, profit / revenue), different months, different bases ("on
the month" / "on the year"), a district against its country, different companies, a forecast, a
negated rise. On main b623c19 none of the six conflicts was found and the pair of bases was flagged.
A pair the rules are known to get wrong carries ``known`` (why) and must still fail.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from benchmark_module import benchmark

from consistency.claims import document_claims
from consistency.records import Document
from consistency.rules.moves import moves

PAIRS = Path(__file__).parent / "data" / "directions" / "pairs.jsonl"


@pytest.fixture(scope="module")
def verdicts(embedder):
    return {row["id"]: (row, verdict, rule) for row, verdict, rule, _ in
            benchmark("conflicts").heldout_predictions(PAIRS, embedder=embedder)}


def _rows():
    import json

    rows = [json.loads(line) for line in PAIRS.read_text(encoding="utf-8").splitlines() if line.strip()]
    return [pytest.param(r["id"], marks=[pytest.mark.xfail(strict=True, reason=r["known"])] if r.get("known") else [],
                         id=f"{r['id']}-{r['label']}") for r in rows]


@pytest.mark.parametrize("pair_id", _rows())
def test_direction_pair(pair_id, verdicts):
    row, verdict, rule = verdicts[pair_id]
    if row["label"] == "conflict":
        assert verdict == "conflict" and rule == "DIR001", (row["note"], verdict, rule)
    else:  # (other rules are not this test's: "closed on Monday" / "on Thursday" is a DAT001 finding)
        assert not (verdict == "conflict" and rule == "DIR001"), (row["note"], rule)


def _moves(text: str):
    (claim,) = document_claims(Document(key="x", path="<x>", text=text, row_id="x"))  # a row: one claim, whole
    return moves(claim)


def test_a_move_is_read_with_or_without_a_number():
    (up,) = _moves("Rents in Corvell climbed in the first quarter.")
    assert up.direction == "up" and up.what == "Rents in Corvell" and up.amount is None
    (down,) = _moves("Ticket sales were down 11 per cent in 2025.")
    assert down.direction == "down" and down.amount == (11.0, "percent")
    (more,) = _moves("The cinema sold 11% more tickets in 2025 than the year before.")
    assert more.direction == "up" and "tickets" in more.what and more.base == "year"


def test_bases_hedges_and_transitive_acts():
    first, second = _moves("Retail sales fell 0.4% on the month but were up 2% on the year.")
    assert (first.direction, first.base, second.direction, second.base) == ("down", "month", "up", "year")
    assert not _moves("Unemployment is expected to fall next year.")
    assert not _moves("Bus ridership did not rise in 2025.")
    assert not _moves("The club lost the final on Sunday.")  # a transitive act, not a level's move
    assert not _moves("The firm will cut its prices.")


def test_a_verb_of_change_outside_the_change_words_is_read_from_wordnet():
    from consistency.wordnet import available, polarity

    if not available():
        pytest.skip("no WordNet data")
    assert (polarity("lengthened"), polarity("shortened")) == ("up", "down")
    assert (polarity("slumped"), polarity("climbed"), polarity("dipped")) == ("down", "up", "down")
    assert polarity("waited") is None and polarity("travelled") is None and polarity("claimed") is None
    (up,) = _moves("Delivery times for Tarsk parcels lengthened in May.")
    assert up.direction == "up" and "Delivery times" in up.what


def test_up_on_a_verb_of_motion_and_on_a_noun_with_its_amount():
    (up,) = _moves("Grain stocks at the Vellmoor silos crept up in May.")
    assert up.direction == "up" and "Grain stocks" in up.what
    (up,) = _moves("Shoppers came back, with footfall in Dunmere up 5% in May.")
    assert up.direction == "up" and up.what.startswith("footfall") and up.amount == (5.0, "percent")
    assert not _moves("The council set up a fund in May.")  # a particle of another verb
    assert not _moves("Officers tracked down the van in May.")  # an object: an act, not a move


def test_a_count_of_people_doing_a_thing_is_a_move_of_that_activity():
    (down,) = _moves("Fewer Talbrook households applied for hardship grants in June than in May.")
    assert down.direction == "down" and "apply" in down.acts
    (up,) = _moves("The number of households applying for hardship grants in Talbrook rose in June.")
    assert up.direction == "up" and "apply" in up.acts
    assert {m.direction for m in _moves("Card spending in Varrow grew by less in June than in May.")} == {"up"}


def test_a_state_is_one_meaning_as_a_noun_and_as_its_adjective():
    from consistency.wordnet import available, state_of

    if not available():
        pytest.skip("no WordNet data")
    assert state_of("jobless") & state_of("unemployment")  # the adjective's cluster; the noun's gloss
    assert state_of("joblessness") & state_of("unemployment")  # a noun WordNet lacks, by its adjective
    assert state_of("homeless") & state_of("homelessness")  # the adjective's derived noun
    assert not state_of("employment") & state_of("unemployment")  # opposite states
    assert not state_of("claims")


def test_a_particle_moves_a_level_by_the_verb_wordnet_lists_for_the_two():
    from consistency.quantities.change import change_before
    from consistency.wordnet import available, particle_moves

    if not available():
        pytest.skip("no WordNet data")
    # a change or a motion in the first sense of the phrasal verb; another act; no such verb
    assert (particle_moves("came", "down"), particle_moves("picked", "up"), particle_moves("edged", "up")) == (True, True, True)
    assert (particle_moves("shut", "down"), particle_moves("set", "up"), particle_moves("came", "up")) == (False, False, False)
    assert particle_moves("were", "up") is None

    def at(text, number):
        m = change_before(text, text.index(number))
        return m.direction, m.kind

    assert at("Peak fares are to come down by 3.8 per cent from 6 April.", "3.8") == ("down", "change")
    assert at("Bookings picked up 4% in October.", "4%") == ("up", "change")
    assert at("The firm shut down 3 plants.", "3") == (None, "level")
    assert at("The council set up 4 new wards.", "4") == (None, "level")
    assert at("Shares closed down 2.7 percent.", "2.7") == ("down", "change")


def test_a_head_joined_by_a_hyphen_is_one_word():
    (up,) = _moves("Home break-ins climbed in Selwick last year.")
    assert up.heads == frozenset({"break-in"}) and "break" not in up.kinds
    (fell,) = _moves("House prices in Orlen fell by 2.3% in June.")
    assert fell.amount == (2.3, "percent")  # the amount after "by"
