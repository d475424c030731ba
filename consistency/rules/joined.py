"""Counts of two groups joined into one: "some 212 passengers and crew".

A number before a noun coordinated with a bare noun, one with no number, determiner or possessive
of its own ("212 passengers and crew", "60 pupils and teachers", "about 90 guests and staff
members"), counts the members of both groups: the bare noun takes the number too. Against a count
of one of the groups alone ("its 180 passengers and half of the officers", "180 passengers") it is
another measure, a whole against its part, and no rival figure. Two counts of the same joined groups
still compare, and so does a count whose noun names persons in general ("people", "individuals":
WordNet's person, or the group it is the member of) against joined groups that are each of persons
(`wordnet.counts_persons`: "riders and staff", "passengers and crew"): it counts their whole
(`covers`).

Read from the parse (`joined`): the counted noun has exactly one conjunct, joined by "and", itself
not a member of a longer list and not a conjunct of another noun (a list "seven rifles, 13
magazines, rockets and grenades" is a haul of several items, each its own count), and that conjunct
has no dependents but nouns and adjectives that narrow it (no verb, number, determiner, possessive, quantifier or
of-phrase: "and four civilians", "and a driver", "and half of the officers" are counts of their own).

`compare.apart` asks `apart` for found pairs."""

from __future__ import annotations

from ..parsing import parse
from .. import wordnet
from .frames import Frame, disjoint, per_figure

#: The dependents a bare conjunct may have: words that narrow the noun ("crew members", "other
#: staff"), not ones that count or hold it.
_BARE = ("compound", "amod")
#: The parts of speech of those words: nouns and adjectives, not a verb's participle.
_NAMING = ("NOUN", "PROPN", "ADJ")


def joined(f: Frame) -> str:
    """The lemma of the bare noun coordinated with ``f``'s counted noun, which the number counts too
    (the module docstring); '' when the number counts its own noun alone."""
    return per_figure(f, "joined", _read)


def _read(f: Frame) -> str:
    if f.q.dimension not in (None, "count") or f.is_age:
        return ""
    p = parse(f.claim.text)
    span = p.tokens_in(f.q.start, f.q.end)
    if not span:
        return ""
    node = p.head_of(span)
    if node.dep != "nummod" or node.head == node.i:
        return ""
    noun = p.tokens[node.head]
    if noun.pos != "NOUN" or noun.dep == "conj" or noun.i < node.i:
        return ""
    kids = p.children(noun.i)
    conjuncts = [k for k in kids if k.dep == "conj"]
    if len(conjuncts) != 1 or not any(k.dep == "cc" and k.low == "and" for k in kids):
        return ""
    other = conjuncts[0]
    if other.pos != "NOUN" or other.i < noun.i:
        return ""
    if any(k.dep not in _BARE or k.pos not in _NAMING for k in p.children(other.i)):
        return ""  # "and four civilians", "and a driver", "and half of the officers": counts of their own;
        # "killing 12 people and flattening farms": a second act the parser read as a noun's modifier
    return other.lemma.lower()


def apart(fa: Frame, fb: Frame) -> str:
    """Two counts that differ, one of joined groups (`joined`) and the other of one group alone or of
    other joined groups: no rival figures. '' when they may be."""
    if fa.q.dimension not in (None, "count") or joined(fa) == joined(fb) or not disjoint(fa, fb):
        return ""
    if covers(fa, fb) or covers(fb, fa):
        return ""
    return "a count of joined groups against one group"


#: The kind whose general noun counts the whole of joined groups of that kind (`covers`).
_PERSON = "person"


def covers(whole: Frame, parts: Frame) -> bool:
    """``whole`` counts persons in general (its noun one meaning with WordNet's person, as "people",
    "persons", "individuals" are: `wordnet.relation` SAME) and ``parts`` counts joined groups
    (`joined`) each of persons (`wordnet.counts_persons`: "riders and staff"): the same whole
    counted twice, as "186 people on board" / "142 passengers and crew aboard" are (a conflict of
    the tuning writers this veto refused). A count of one kind ("30 workers") does not cover
    both groups. False without WordNet's data."""
    other = joined(parts)
    if joined(whole) or not other or not whole.slots.head:
        return False
    return wordnet.relation(whole.slots.head.split()[-1].lower(), _PERSON, "n") == wordnet.SAME and all(
        wordnet.counts_persons(g) for g in (parts.slots.head, other))
