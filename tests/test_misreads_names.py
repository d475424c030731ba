"""A number inside a name is no quantity, even when the name's word before it is a function word
capitalised ("the Karo Over It 3 cable": `identifiers._name_word`); the same word in lowercase
running text, or in a title whose every word is capitalised, leaves the number a count. Names and
sentences are ours, made up for these tests."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from consistency.quantities import extract_quantities
from consistency.quantities.identifiers import _FUNCTION_WORDS

_WORDS = sorted(w for w in _FUNCTION_WORDS if w.isalpha() and len(w) > 1)
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
