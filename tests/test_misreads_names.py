"""A number inside a name is no quantity, even when the name's word before it is a function word
capitalised ("the Karo Over It 3 cable"); the same word in lowercase
running text, or in a title whose every word is capitalised, leaves the number a count. Names and
sentences are ours, made up for these tests."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from consistency.quantities import extract_quantities

#: Short words of grammar that also stand in names ("Over It", "By Night", "Was Here"): articles and
#: determiners, prepositions, conjunctions, pronouns, auxiliaries, common verbs, bounds and round
#: amounts. Ours, so that the test does not read the rule's own word list.
_WORDS = sorted(set("""
    the an every each all some those these this that another its our their your my his her
    about above after against among around at before below between by down during for from in into near
    of off on onto over per since than through till to toward under until up upon via with within without
    and but or nor so yet if as then when where while why how what which who whom
    it he she they we you me him us them there here
    is are was were be been being am has have had do does did will would can could may might must
    shall should ought get got give take make buy sell pay spend save add cut raise hire fire find see
    say tell go come keep let put run set
    nearly almost roughly approximately exactly only just more less fewer most least top total
    overall estimated former plus minus dozens hundreds thousands millions billions scores tens
""".split()))
_NAMES = st.sampled_from(["Karo", "Vesta", "Nolan", "Tarsen", "Oxley", "Brindle"])


def _values(text: str) -> list[float]:
    return [q.value for q in extract_quantities(text)]


@settings(max_examples=80, deadline=None)
@given(_NAMES, st.sampled_from(_WORDS), st.integers(2, 9))
def test_a_capitalised_function_word_inside_a_name_names_the_number(name, word, n):
    text = f"Last month both the {name} {word.capitalize()} {n} and Vesta cables were cut near the coast."
    assert float(n) not in _values(text), text


@settings(max_examples=80, deadline=None)
@given(_NAMES, st.sampled_from(["with", "and", "at", "over", "about"]), st.integers(2, 90))
def test_the_word_in_lowercase_leaves_a_count(name, word, n):
    text = f"Rescuers in {name} worked {word} {n} volunteers through the night near the coast."
    assert float(n) in _values(text), text


@settings(max_examples=40, deadline=None)
@given(_NAMES, st.sampled_from(["At", "In", "With", "Over"]), st.integers(2, 90))
def test_a_title_in_capitals_leaves_a_count(name, word, n):
    text = f"Storm Leaves Damage {word} {n} Homes Across {name} County"
    assert float(n) in _values(text), text


def test_a_sentence_opening_with_a_function_word_leaves_a_count():
    assert _values("With 12 boats lost, the Oxley fleet stayed in port.") == [12.0]
