"""A verb read with its particle ("lifted off": "lift off"), the one way the statement frames
(`assertions.statements`), a number's slots (`slots.read_slots`, through `frames`) and the dates'
opposite verbs (`shared_time.opposed`) join the two (`consistency.parsing.Parse.with_particle`).
Written before the helper, in wording of our own: the particle after the object ("shut the kiln
down"), a negated one, and a verb taken with its object ("gave way"), which is no particle."""

from __future__ import annotations

import pytest

from consistency import api
from consistency.parsing import parse
from consistency.records import Claim
from consistency.rules import shared_time
from consistency.rules.assertions import statements
from consistency.rules.frames import frames


def _verb(text: str, word: str):
    p = parse(text)
    (verb,) = [t for t in p.tokens if t.text == word]
    return p, verb


@pytest.mark.parametrize("text, word, joined", [
    ("The probe lifted off from the pad at dawn.", "lifted", "lift off"),
    ("Inspectors shut the kiln down last week.", "shut", "shut down"),
    ("The league never called off the final.", "called", "call off"),
    ("Part of the sea wall gave way in the storm.", "gave", "give"),  # "way" is its object, not a particle
])
def test_the_verb_with_its_particle(text, word, joined):
    p, verb = _verb(text, word)
    assert p.with_particle(verb.i) == joined


def test_a_word_read_in_the_verbs_place_keeps_the_particle():
    p, verb = _verb("Inspectors shut the kiln down last week.", "shut")
    assert p.with_particle(verb.i, "still shut") == "still shut down"
    assert p.with_particle(verb.i, "") == "down"


def _statement_predicates(text: str) -> list[tuple[str, bool]]:
    claim = Claim(id="x", doc_key="x", path="<x>", text=text, start=0, end=len(text))
    return [(s.predicate, s.negated) for s in statements(claim)]


@pytest.mark.parametrize("text, predicate", [
    ("Inspectors shut the kiln down last week.", ("shut down", False)),
    ("The league never called off the final.", ("call off", True)),
    ("Part of the sea wall gave way in the storm.", ("give", False)),
])
def test_a_statement_predicate_takes_the_particle(text, predicate):
    assert _statement_predicates(text) == [predicate]


def _frames(tmp_path, text: str) -> list:
    (tmp_path / "a.txt").write_text(text + "\n", encoding="utf-8")
    claims, _ = api.extract([str(tmp_path / "a.txt")])
    return [f for c in claims for f in frames(c)]


@pytest.mark.parametrize("text, number, predicate", [
    ("The probe lifted off with 4 crew aboard.", "4", "lift off"),
    ("Still, 2 of the kilns were shut down.", "2", "still shut down"),
    ("The sea wall gave way in 3 places.", "3", "give"),
])
def test_a_numbers_predicate_takes_the_particle(tmp_path, text, number, predicate):
    (frame,) = [f for f in _frames(tmp_path, text) if f.q.text == number]
    assert frame.slots.predicate == predicate


def test_a_start_with_a_particle_is_opposed_to_an_end(tmp_path):
    """"broke out" is read as "break out", a kind of starting: opposed to "ended", not to "started"
    (the bare "break" would be the other way round)."""
    (out,) = _frames(tmp_path, "A fire broke out at the depot on June 4, 2021.")
    (ended,) = _frames(tmp_path, "The depot fire ended on June 9, 2021.")
    (started,) = _frames(tmp_path, "The depot fire started on June 9, 2021.")
    assert shared_time.opposed(out, ended)
    assert not shared_time.opposed(out, started)
