"""Figures in game reports that are not a figure of the game: what a writer thought a team would
win (`consistency.rules.mood`, "expectation"); figures told over a part of the game, a scoring
run ("during a 14-3 run", `slots._portion`) or a quarter, against the game's totals or against
another part's (`compare._portions_differ`); a bound that marks a class some members reached
("a Sunday on which seven backs ran for 150 yards or more", `kinds._of_a_class`); a count that
places a moment ("14 games later", `slots._offset`). One game's final total told two ways, one
quarter's told two ways, games played told two ways, a bound on the story's own storms, a toll
in a relative clause and what officials believe a toll is stay conflicts. Cases in
tests/data/games/cases.jsonl, written for these tests in our own words."""

from __future__ import annotations

import pytest
from cases import assert_case, read_cases

CASES = read_cases("games", "cases.jsonl")


@pytest.mark.parametrize("case", CASES, ids=[c["id"] for c in CASES])
def test_a_figure_in_a_game_report_that_is_not_the_games(case, tmp_path, embedder, request):
    assert_case(case, tmp_path, embedder, request)
