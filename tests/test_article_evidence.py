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


# One sentence that gives the other outlet's figure itself, of the other outlet's own noun (or of
# no noun: "another 1,500", "11 others"), beside a figure of its own: written before the code, in
# a radio bulletin's voice against a wire report's.
DEPOT_A = (
    "At the Korvel fuel depot the fire chief says three workers are dead and 11 others are hurt.\n"
)
DEPOT_B = (
    "Eleven workers were taken to hospital on Sunday after the blast at the Korvel fuel depot.\n"
)
VALLEY_A = (
    "Some 900 flood victims in the Lerran valley are sleeping in church halls, while another 1,500 still "
    "wait for a roof, the mayor told us.\n"
)
VALLEY_B = (
    "In the Lerran valley 1,500 flood victims needed a roof over their heads on Tuesday, officials said.\n"
)


def test_a_sentence_that_gives_the_other_figure_beside_its_own(tmp_path, embedder):
    pairs = _check(tmp_path, embedder, DEPOT_A, DEPOT_B)
    # the bulletin's sentence gives eleven too (the hurt, the wire's hospital cases): its three
    # dead are another measure, not a rival count of the workers taken to hospital
    assert ("Eleven", "three") not in pairs, pairs
    pairs = _check(tmp_path, embedder, VALLEY_A, VALLEY_B)
    # "another 1,500" still waiting are the other outlet's 1,500 in need: the 900 in the halls
    # are another measure
    assert ("1,500", "900") not in pairs, pairs


CRASH_A = (
    "The coach crash near Tollby injured four girls and two boys from the Brennic school, the driver said.\n"
)
CRASH_B = (
    "Two girls and two boys from the Brennic school were injured when their coach crashed near Tollby.\n"
)
STORM_A = (
    "Sunday's storm in Dorrow county killed 6 people and hurt 14, the sheriff said.\n"
)
STORM_B = (
    "Fourteen people were killed in Dorrow county by the storm on Sunday, according to the coroner.\n"
)


def test_the_same_number_of_another_noun_or_act_in_the_sentence_is_no_evidence(tmp_path, embedder):
    pairs = _check(tmp_path, embedder, CRASH_A, CRASH_B)
    # the first sentence's "two" counts boys, not girls: the outlets disagree about the girls
    assert ("Two", "four") in pairs, pairs
    pairs = _check(tmp_path, embedder, STORM_A, STORM_B)
    # the first sentence's 14 are hurt, the second's dead: both toll counts still disagree
    assert ("6", "Fourteen") in pairs, pairs


# The sentence next to one's own that gives the other outlet's figure, of that outlet's noun:
# written before the code, a harbour log's voice against a wire's.
COVE_A = (
    "The cutter Ilse stopped two speedboats off Cape Morra late on Saturday.\n\n"
    "Four smuggling speedboats tried to reach the cape on Saturday night but were turned back by the cutter Ilse.\n"
)
COVE_B = (
    "On Saturday night the cutter Ilse intercepted two speedboats with smugglers off Cape Morra.\n"
)
CLIMB_A = (
    "Two riders were hurt in the crash on the Ledra climb on Sunday.\n\n"
    "Five riders were killed in the crash, the race doctor said.\n"
)
CLIMB_B = (
    "Two riders were killed when the peloton crashed on the Ledra climb on Sunday.\n"
)


def test_the_next_sentence_that_gives_the_other_figure(tmp_path, embedder):
    pairs = _check(tmp_path, embedder, COVE_A, COVE_B)
    # the log's sentence next to its four gives the wire's two stopped speedboats: the four that
    # tried to reach the cape are another measure
    assert ("Four", "two") not in pairs, pairs
    pairs = _check(tmp_path, embedder, CLIMB_A, CLIMB_B)
    # the two next to the five are hurt, not killed: the tolls still disagree
    assert ("Five", "Two") in pairs, pairs
