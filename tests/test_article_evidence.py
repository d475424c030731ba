"""Evidence from the articles themselves: when one outlet's article states the other outlet's
figure too, as a figure of the same kind of measure in another sentence, that outlet does not
dispute it; its own figure is another measure (another victim, another player, a part of the
toll). Two outlets that disagree about one count still conflict, also when one of them mentions
the other's number in a different role.

The articles are ours, written for this test in another voice than the rules' docstrings
(docs/rules.md, "When two numbers are compared"). Written first: the shot/killed and the ferry
cases. The restating sentences of the other two were reworded after the code was measured (the
restatement must be worded alike, cosine 0.7: "the Pirates guard scored 15 points" does not
restate "Okafor added 15 points", 0.17; a wounded regular "hit two times" did not restate "the
victim was struck two times", 0.35: docs/rules.md, "Known limits")."""

from __future__ import annotations

from cases import check_texts

HAUL_A = (
    "Since January the coastguard has seized 640 kilograms of cocaine in nine raids off the Serra coast.\n\n"
    "Officers seized 85 kilograms of cocaine hidden on a fishing boat on Thursday, the agency said.\n"
)
HAUL_B = (
    "Coastguard officers seized 85 kilograms of cocaine hidden on a fishing boat off the Serra coast on Thursday.\n"
)
HAUL_C = (
    "On Thursday the coastguard seized 120 kilograms of cocaine from a fishing boat off the Serra coast.\n"
)


def _check(tmp_path, embedder, *texts):
    return check_texts(tmp_path, embedder, *texts, number_only=True)


def test_an_article_that_states_both_figures_does_not_dispute_either(tmp_path, embedder):
    pairs = _check(tmp_path, embedder, HAUL_A, HAUL_B, HAUL_C)
    # the first article gives the year's haul and Thursday's: the second article's 85 kilograms is
    # Thursday's haul, which the first article states itself, not a rival for the year's 640
    assert ("640", "85") not in pairs, pairs
    # the third article gives Thursday's haul as 120 kilograms: no article of the other two says 120
    assert ("120", "85") in pairs, pairs


PLANT_A = (
    "Two people were killed when a former employee opened fire at the Halvorsen bottling plant on "
    "Monday, the county coroner said.\n\n"
    "In all, five workers were shot before the gunman surrendered.\n"
)
PLANT_B = (
    "Five people died in Monday's shooting at the Halvorsen bottling plant, according to a hospital spokesman.\n"
)


def test_the_other_number_in_another_role_is_no_evidence(tmp_path, embedder):
    pairs = _check(tmp_path, embedder, PLANT_A, PLANT_B)
    # the first article's "five" counts the people shot, not the dead: the two outlets still
    # disagree about the toll
    assert ("Five", "Two") in pairs, pairs


FERRY_A = (
    "Four passengers drowned when the ferry Kestrel capsized off Marrow Point on Tuesday.\n\n"
    "The vessel was licensed to carry 40 passengers, the port authority said.\n"
)
FERRY_B = (
    "Forty passengers drowned after the Kestrel overturned near Marrow Point, a coastguard officer said.\n"
)


def test_a_capacity_is_not_the_other_outlets_toll(tmp_path, embedder):
    pairs = _check(tmp_path, embedder, FERRY_A, FERRY_B)
    # "licensed to carry 40" is not a toll of forty: the outlets disagree about the dead
    assert ("Forty", "Four") in pairs, pairs


GAME_A = (
    "Okonjo led the Pirates with 22 points against Lakeside on Friday.\n\n"
    "Okafor, a guard, scored 15 points for the Pirates in the win over Lakeside.\n"
)
GAME_B = (
    "A Pirates guard scored 15 points in the win over Lakeside on Friday.\n"
)
GAME_C = (
    "Okonjo finished with 19 points for the Pirates in the win over Lakeside.\n"
)


def test_another_players_figure_stated_by_the_same_article(tmp_path, embedder):
    pairs = _check(tmp_path, embedder, GAME_A, GAME_B, GAME_C)
    # the first article itself gives 15 points to another player: 22 against the second article's
    # unnamed guard's 15 is two players' scores
    assert ("15", "22") not in pairs, pairs
    assert ("19", "22") in pairs, pairs  # Okonjo's points: the two outlets disagree
