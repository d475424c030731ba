"""Whose number, and where: holders and places told apart on positive evidence only
(`consistency.rules.compare.apart`). Cases in tests/data/holders/cases.jsonl, written for these
tests: each lists documents, value pairs that must not be flagged (``apart``) and pairs that must
still be (``conflict``)."""

from __future__ import annotations

import pytest

from cases import assert_case, frame_at, read_cases

CASES = read_cases("holders", "cases.jsonl")


@pytest.mark.parametrize("case", CASES, ids=[c["id"] for c in CASES])
def test_holders_and_levels(case, tmp_path, embedder, request):
    assert_case(case, tmp_path, embedder, request)


SUBJECTS = read_cases("holders", "subjects.jsonl")


@pytest.mark.parametrize("case", SUBJECTS, ids=[c["number"] for c in SUBJECTS])
def test_an_adverbial_participle_is_said_of_its_clause_subject(case, tmp_path):
    frame = frame_at(tmp_path, case["text"], case["number"])
    assert frame.slots.actor == case["subject"]


CLAUSE_NAMES = [
    ("The Harriers are ready to offer Ramon Ortiz a four-year deal, the club's owner said.", "four-year",
     "Harriers"),
    # reported speech: the speaker of 'said' is not whose figure it is
    ("Governor Ilse Marren said 14 people were killed when the dam gave way.", "14", ""),
]


@pytest.mark.parametrize("text,number,name", CLAUSE_NAMES, ids=[n for _, n, _ in CLAUSE_NAMES])
def test_a_verb_without_a_subject_takes_its_clause_name(text, number, name, tmp_path):
    assert frame_at(tmp_path, text, number).slots.clause_name == name


MARKS = read_cases("holders", "marks.jsonl")


@pytest.mark.parametrize("case", MARKS, ids=[c["id"] for c in MARKS])
def test_a_holder_told_apart_by_its_own_marks(case, tmp_path, embedder):
    assert_case(case, tmp_path, embedder)


KINDS = read_cases("holders", "kinds.jsonl")


@pytest.mark.parametrize("case", KINDS, ids=[c["id"] for c in KINDS])
def test_a_figure_of_a_kind_is_no_figure_of_the_event(case, tmp_path, embedder):
    assert_case(case, tmp_path, embedder)


CONJUNCTS = read_cases("holders", "conjuncts.jsonl")


@pytest.mark.parametrize("case", CONJUNCTS, ids=[c["id"] for c in CONJUNCTS])
def test_a_conjoined_verb_is_said_of_its_clause_subject(case, tmp_path, embedder):
    assert_case(case, tmp_path, embedder)


STRANDED = read_cases("holders", "stranded.jsonl")


@pytest.mark.parametrize("case", STRANDED, ids=[c["id"] for c in STRANDED])
def test_a_figure_after_a_stranded_preposition_is_that_verb_subject(case, tmp_path, embedder):
    assert_case(case, tmp_path, embedder)


ROSTERS = [
    # each side names all its members and no name is shared: two groups of one kind
    ("The ward's two Labour councillors , Tamsin Ure and Pavel Orme , spoke against the levy .", "two",
     "The levy was backed by four Labour councillors — Hester Quayle , Bram Ellery , Noor Vance and Luis Pyke — at the vote .", "four", True),
    ("The two Labour councillors, Ada Morrow and Lev Dunn, called on the mayor to drop the depot plan.", "two",
     "The three Labour councillors, Ida Sorrel, Ben Kettle and Noor Pask, called on the mayor to drop the depot plan.",
     "three", True),
    # one name on both sides: the same group, counted two ways
    ("The two Labour councillors, Ada Morrow and Lev Dunn, called on the mayor to drop the depot plan.", "two",
     "The three Labour councillors, Ida Sorrel, Lev Dunn and Noor Pask, called on the mayor to drop the depot plan.",
     "three", False),
    # fewer names than the count: the names are some of the group, not all of it
    ("Five wardens, Ada Morrow and Lev Dunn among them, called on the mayor to drop the depot plan.", "Five",
     "The three Labour councillors, Ida Sorrel, Ben Kettle and Noor Pask, called on the mayor to drop the depot plan.",
     "three", False),
]


@pytest.mark.parametrize("text_a,number_a,text_b,number_b,apart", ROSTERS, ids=[r[1] + "-" + r[3] + "-" + str(r[4]) for r in ROSTERS])
def test_two_named_rosters_that_share_no_name_are_two_groups(text_a, number_a, text_b, number_b, apart, tmp_path):
    from consistency.rules import compare

    (tmp_path / "a").mkdir()
    (tmp_path / "b").mkdir()
    fa, fb = frame_at(tmp_path / "a", text_a, number_a), frame_at(tmp_path / "b", text_b, number_b)
    reasons = [reason for _, reason in compare.vetoes(fa, fb)]
    assert ("different people named" in reasons) == apart, reasons


@pytest.mark.parametrize("text, number, predicate", [
    # a gerund right after a measure's unit says what the measure is, wherever the parse hangs it
    ("Dunmore , who had worked hard on his footwork , showed his pace this autumn , breaking through "
     "tackles and past heavier defenders on his way to 812 yards rushing .", "812 yards", "rush"),
    ("Ortiz led the league with 1,204 yards passing.", "1,204 yards", "pass"),
    # a gerund of its own object is another clause: the figure keeps its verb
    ("The convoy covered 90 kilometres , crossing the river at dawn .", "90 kilometres", "cover"),
])
def test_a_gerund_after_a_unit_names_its_measure(text, number, predicate, tmp_path):
    assert frame_at(tmp_path, text, number).slots.predicate == predicate


LEADER = ("In the survey , former Senator Ada Voss leads the likely field with 24 percent of party voters , "
          "followed by Rolf Brandt and former Governor Ivo Kell at 15 percent each .")
SHARES = [
    # "each" gives the figure to the names joined before it, not to the clause's one subject
    (LEADER, "15 percent", "A second poll put Brandt level with Kell ( Voss leads the pack at 24 percent ) .", "24 percent", True),
    # one of those names on the other side: a rival figure of his
    (LEADER, "15 percent", "Ivo Kell stands second in a rival poll at 19 percent .", "19 percent", False),
    # without "each" the figure is read as before
    ("In the survey , former Senator Ada Voss leads the likely field , with Rolf Brandt at 15 percent .", "15 percent",
     "A second poll put Brandt level with Kell ( Voss leads the pack at 24 percent ) .", "24 percent", False),
]


@pytest.mark.parametrize("text_a,number_a,text_b,number_b,apart", SHARES, ids=[r[3] + "-" + str(r[4]) for r in SHARES])
def test_a_figure_each_of_joined_names_has_is_theirs(text_a, number_a, text_b, number_b, apart, tmp_path):
    assert_veto_both_ways(tmp_path, text_a, number_a, text_b, number_b, "each_of_names", apart)


def assert_veto_both_ways(tmp_path, text_a, number_a, text_b, number_b, veto, holds):
    """The veto named ``veto`` holds (``holds``) of the two figures read each way round."""
    from consistency.rules import compare

    (tmp_path / "a").mkdir()
    (tmp_path / "b").mkdir()
    fa, fb = frame_at(tmp_path / "a", text_a, number_a), frame_at(tmp_path / "b", text_b, number_b)
    for x, y in ((fa, fb), (fb, fa)):
        names = [name for name, _ in compare.vetoes(x, y)]
        assert (veto in names) == holds, names


CREWS = [
    # the name only qualifies another noun on the other side: the head of a crew named after him is not him
    ("Rudd kept command of his crew from his cell while serving a 15 - year term .", "15 - year",
     "Long feared on the docks , the alleged chief of the Rudd crew was serving a 12 - year term at a prison in the north .",
     "12 - year", True),
    # the same man named on both sides still compares
    ("Rudd kept command of his crew from his cell while serving a 15 - year term .", "15 - year",
     "Long feared on the docks , Rudd was serving a 12 - year term at a prison in the north .", "12 - year", False),
    # a name in apposition to the other's subject: that name is the holder, read as before
    ("Rudd kept command of his crew from his cell while serving a 15 - year term .", "15 - year",
     "The chief of the Rudd crew , Ivo Kell , was serving a 12 - year term at a prison in the north .", "12 - year", False),
]


@pytest.mark.parametrize("text_a,number_a,text_b,number_b,apart", CREWS, ids=[r[2][:20] + "-" + str(r[4]) for r in CREWS])
def test_a_name_that_only_qualifies_the_other_subject_is_not_its_holder(text_a, number_a, text_b, number_b, apart, tmp_path):
    assert_veto_both_ways(tmp_path, text_a, number_a, text_b, number_b, "named_modifier", apart)
