"""Evidence from the articles themselves: when one outlet's article states the other outlet's
figure too, as a figure of the same kind of measure in another sentence, that outlet does not
dispute it; its own figure is another measure (another victim, another player, a part of the
toll). Two outlets that disagree about one count still conflict, also when one of them mentions
the other's number in a different role.

The articles are ours, written for this test in another voice than the rules' docstrings
(docs/rules.md, "When two numbers are compared")."""

from __future__ import annotations

from consistency import api
from consistency.config import Settings

TAVERN_A = (
    "A gunman fired at a bartender outside the Red Anchor tavern late on Saturday, hitting her three times.\n\n"
    "A regular who tried to wrestle the weapon away was hit two times and is recovering at Mercy General, "
    "investigators said.\n"
)
TAVERN_B = (
    "The victim was struck two times outside the tavern, a sheriff's spokeswoman said on Sunday.\n"
)
TAVERN_C = (
    "Investigators said the bartender at the Red Anchor tavern was hit five times.\n"
)


def _pairs(report):
    out = set()
    for f in report.findings:
        if f.rule in ("NUM001", "DUR001"):
            # the number itself, without its unit ("15 points", "three times")
            va = f.a.text[f.spans_a[0].start:f.spans_a[0].end].split()[0]
            vb = f.b.text[f.spans_b[0].start:f.spans_b[0].end].split()[0]
            out.add(tuple(sorted((va, vb))))
    return out


def _check(tmp_path, embedder, *texts):
    for n, text in enumerate(texts):
        (tmp_path / f"{n}.txt").write_text(text, encoding="utf-8")
    return _pairs(api.check([str(tmp_path)], Settings(min_confidence=0.0), embedder=embedder))


def test_an_article_that_states_both_figures_does_not_dispute_either(tmp_path, embedder):
    pairs = _check(tmp_path, embedder, TAVERN_A, TAVERN_B, TAVERN_C)
    # the first article says "three times" of the bartender and "two times" of the regular: the second
    # article's "two times" is the figure the first one gives the regular, not a rival for the bartender's
    assert ("three", "two") not in pairs, pairs
    # the third article gives the bartender five: the first article never says five
    assert ("five", "three") in pairs, pairs


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
    "Dembele added 15 points and eight rebounds for the Pirates.\n"
)
GAME_B = (
    "The Pirates guard scored 15 points in Friday's win over Lakeside.\n"
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
