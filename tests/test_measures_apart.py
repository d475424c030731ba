"""Positive evidence that two numbers measure different things: a claim of the same check that
reports the two predicates with numbers of their own ("shot six, killing two"), named
subjects that are different people or teams (also one family name with two given names), a
count of one named part of the place the other counts as a whole, and background figures of
an earlier time counted over different areas.

The sentences are ours, written for this test in another voice than the rules' docstrings
(docs/rules.md, "When two numbers are compared")."""

from __future__ import annotations

from cases import check_texts

WAREHOUSE_A = (
    "A former employee opened fire inside a packaging warehouse in Dunmore late on Friday, shooting six of "
    "his co-workers and killing two of them before he was arrested.\n"
)
WAREHOUSE_B = (
    "Three workers were killed in Friday's shooting at the Dunmore packaging warehouse, the county coroner "
    "said on Saturday.\n"
)
WAREHOUSE_C = (
    "Police in Dunmore said five warehouse workers were shot on Friday night.\n"
)
MATCH_A = (
    "Marta Ilves pulled down 12 rebounds for the Harbour City Gulls in Saturday's win over Eastport.\n"
)
MATCH_B = (
    "Jonas Pell pulled down nine rebounds for the Gulls in the win over Eastport on Saturday.\n\n"
    "Ilves pulled down 14 rebounds for the Gulls against Eastport on Saturday, the club said.\n"
)


def test_a_predicate_the_corpus_reports_apart_is_another_measure(tmp_path, embedder):
    pairs = check_texts(tmp_path, embedder, WAREHOUSE_A, WAREHOUSE_B, WAREHOUSE_C)
    # the first report shoots six and kills two: shot and killed are two measures, also where a
    # claim gives only one of them
    assert ("Three", "five") not in pairs, pairs
    assert ("Three", "two") in pairs, pairs  # killed two against killed three still conflicts
    assert ("five", "six") in pairs, pairs  # and shot five against shot six


def test_named_subjects_that_differ_are_other_people(tmp_path, embedder):
    pairs = check_texts(tmp_path, embedder, MATCH_A, MATCH_B)
    assert ("12", "nine") not in pairs, pairs  # Pell's rebounds are not Ilves's
    assert ("12", "14") in pairs, pairs  # "Ilves" is "Marta Ilves"


FLOOD_WHOLE = (
    "The flooding killed at least 31 people across the region, the civil defence agency said.\n"
)
FLOOD_PART = (
    "In the Korvana mountain district, the flooding killed nine people, local officials said.\n"
)
FLOOD_OTHER_WHOLE = (
    "The flooding killed 26 people, a government spokesman told reporters.\n"
)
FLOOD_PART_TOO_BIG = (
    "In Korvana alone, 40 people were killed by the flooding.\n"
)


def test_a_named_part_may_count_fewer_than_the_whole(tmp_path, embedder):
    pairs = check_texts(tmp_path, embedder, FLOOD_WHOLE, FLOOD_PART, FLOOD_OTHER_WHOLE)
    # nine dead in one district is a part of the region's toll, not a rival figure for it
    assert ("31", "nine") not in pairs, pairs
    assert ("26", "nine") not in pairs, pairs
    assert ("26", "31") in pairs, pairs  # two tolls of the whole still disagree


def test_a_named_part_cannot_count_more_than_the_whole(tmp_path, embedder):
    pairs = check_texts(tmp_path, embedder, FLOOD_OTHER_WHOLE, FLOOD_PART_TOO_BIG)
    assert ("26", "40") in pairs, pairs


SENTENCE_A = "Tomas Varga was sentenced to six years in prison for the fraud.\n"
SENTENCE_B = (
    "Ilona Varga was sentenced to 14 months in prison for her part in the scheme.\n\n"
    "Tomas Varga was sentenced to eight years in prison, the court said.\n"
)


def test_one_family_name_with_two_given_names_is_two_people(tmp_path, embedder):
    pairs = check_texts(tmp_path, embedder, SENTENCE_A, SENTENCE_B)
    assert ("14 months", "six years") not in pairs, pairs  # Ilona's sentence is not Tomas's
    assert ("eight years", "six years") in pairs, pairs


CYCLONE_PROVINCE = (
    "The new storm brought back memories of 1998, when a cyclone drowned 4,100 people in the delta "
    "province.\n"
)
CYCLONE_COUNTRIES = (
    "In 1998 a cyclone pushed a surge ashore that drowned 6,300 people across South Asia.\n"
)
CYCLONE_PROVINCE_AGAIN = (
    "A cyclone in 1998 drowned 5,200 people in the delta province, officials recalled.\n"
)


def test_background_figures_of_different_areas_do_not_conflict(tmp_path, embedder):
    pairs = check_texts(tmp_path, embedder, CYCLONE_PROVINCE, CYCLONE_COUNTRIES, CYCLONE_PROVINCE_AGAIN)
    assert ("4,100", "6,300") not in pairs, pairs  # the province's toll is a part of the region's
    assert ("5,200", "6,300") not in pairs, pairs
    assert ("4,100", "5,200") in pairs, pairs  # one area, one year: the two accounts disagree
