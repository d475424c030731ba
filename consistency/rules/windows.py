"""Numbers that choose a window or a selection, not figures of the event.

A writer frames a figure by choosing the stretch or the subset it is told over: "won 14 of their
next 19 games", "nine losses in their last 12 games", "led them to the finals in his first three
seasons", "the third outage in the past four years", "the nine worst-hit hamlets". The number of
such a phrase says how wide the writer's frame is, not how large something of the event was; two
frames, or a frame against a figure of the event, are no rival figures.

Read from the parse (`window`, kept in `slots.Slots.window`):

- a **sequence window**: the counted noun (or the unit of a span of time) has an adjective that
  stands between its determiner or possessive and the number ("their *next* 19 games", "the
  *past* four years"). English puts descriptive adjectives after a cardinal ("two red cars");
  the place before it belongs to the words that say where in an order the items are taken. An
  indefinite article makes one amount of the phrase instead ("an estimated 100,000 people"). A
  span that is the object of *for* ("hospitalized for the past five weeks") is how long the
  predicate held, the figure itself, not a window of another one. A number that stands for its
  left-out noun is read the same way (`_elided`: "the next two were shot", "the first three were
  rescued"; on the news tune half "the next two" victims against the three students shot was
  dismissed, and the writers' tuning files and the rules' own wording lost false alarms of the
  same shape: voices3 P 0.878 -> 0.896, voices4 0.857 -> 0.900, heldout 0.865 -> 0.889, recall
  unchanged).
- a **ranked selection**: a superlative (tag JJS or RBS) modifies the counted noun, itself or
  through the participle it narrows ("the nine *worst*-hit hamlets", "the three largest towns").

Compared (`windows_apart`, called from `compare.apart`): two figures that are both windows or
selections are not rival figures, nor is a sequence window against a plain figure. A ranked
selection against a plain count still compares: which places were hit hardest is the event's
own measure as often as not ("the four hardest-hit villages" against "flattened seven
villages" was judged a real disagreement on the news tune half)."""

from __future__ import annotations

from ..parsing import Parse, Token

#: The kinds of `window`.
SEQUENCE = "sequence"
RANKED = "ranked"

#: The dependency labels of a determiner or a possessor before the counted noun.
_DETERMINERS = ("det", "poss")

#: The dependency labels of a number that stands in a noun's place in its clause ("the next two
#: were shot": the subject; "freed the first three": the object).
_NOMINAL = ("nsubj", "nsubjpass", "dobj", "pobj", "attr")

#: The indefinite article (the grammar's closed class): before an adjective and a number it makes
#: one amount of the phrase, not a selection ("an estimated 100,000 people", "a combined 140 games").
_INDEFINITE = ("a", "an")


def window(p: Parse, anchor: Token, noun: Token | None, inside: set[int]) -> str:
    """`SEQUENCE`, `RANKED` or '' for the number whose tokens are ``inside``, counting ``noun``
    (else, for a span of time, its unit noun ``anchor``). See the module docstring."""
    if anchor.pos == "NOUN" and anchor.i in inside and _ranked_within(p, anchor):
        return SEQUENCE  # "the richest in the club's 40-year history": the range a superlative ranks in
    head = anchor if anchor.pos == "NOUN" and anchor.i in inside else noun  # a span's unit first
    if head is None and anchor.pos == "NUM" and anchor.dep in _NOMINAL:
        return _elided(p, anchor)  # "the next two were shot": the number stands for its noun
    if head is None or head.pos != "NOUN" or head.tag != "NNS":
        return ""  # a window holds several items or units; a singular noun is what the number sizes
    if head.i not in inside and not any(k.i in inside and k.dep == "nummod" for k in p.children(head.i)):
        return ""  # the number is not in the noun's phrase ("the typical lifespan is three years")
    first = min(inside)
    kids = p.children(head.i)
    for k in kids:
        if k.i in inside or k.dep != "amod":
            continue
        if k.tag in ("JJS", "RBS") or any(c.tag in ("JJS", "RBS") and c.dep == "advmod" for c in p.children(k.i)):
            return RANKED  # "the nine worst-hit hamlets", "the three largest towns"
    for k in kids:
        if k.i in inside or k.dep != "amod" or k.pos != "ADJ" or k.i >= first:
            continue
        if any(d.dep in _DETERMINERS and d.i < k.i and d.low not in _INDEFINITE for d in kids) \
                and not _duration_of_state(p, head):
            return SEQUENCE  # "their next 19 games", "in the past four years"
    return ""


def _elided(p: Parse, number: Token) -> str:
    """`SEQUENCE` or '' for a number that stands for its left-out noun ("the next two were shot",
    "the first three were rescued"): the sequence window's reading with the number as the head (a
    definite determiner, then an adjective, before the number). A number without them is a count
    ("three were rescued")."""
    kids = p.children(number.i)
    for k in kids:
        if k.dep == "amod" and k.pos == "ADJ" and k.i < number.i and any(
                d.dep in _DETERMINERS and d.i < k.i and d.low not in _INDEFINITE for d in kids):
            return SEQUENCE
    return ""


def _ranked_within(p: Parse, unit: Token) -> bool:
    """The span whose unit noun is ``unit`` sizes the object of *in* that a superlative takes, or
    that follows a noun a superlative modifies: "the longest offer in the group's nine-year
    history", "the largest fine in its 12-year record". The span is the range the writer ranks
    within, a window like "the past nine years", not a length of the event (on the news tune half
    the nine-year history of a club's owners was flagged against the length of an offer, judged
    a different measure). A span the noun's own length ("a 12-year deal") or the object of another
    verb ("has spent nine years") is read as before."""
    noun = unit
    while noun.dep in ("compound", "amod", "nummod") and noun.head != noun.i and p.tokens[noun.head].pos == "NOUN":
        noun = p.tokens[noun.head]
    if noun.dep != "pobj" or noun.head == noun.i or p.tokens[noun.head].low != "in":
        return False
    ranked = p.tokens[p.tokens[noun.head].head]
    return ranked.tag in ("JJS", "RBS") or any(k.dep == "amod" and k.tag in ("JJS", "RBS") for k in p.children(ranked.i))


def _duration_of_state(p: Parse, head: Token) -> bool:
    """``head`` is the object of *for*: how long its predicate held ("for the past five weeks")."""
    if head.dep != "pobj" or head.head == head.i:
        return False
    return p.tokens[head.head].low == "for"


def windows_apart(a: str, b: str) -> bool:
    """Two figures whose windows (`window`) are ``a`` and ``b`` are no rival figures: both are
    windows or selections, or one is a sequence window and the other a plain figure. A ranked
    selection against a plain figure still compares (the module docstring). The caller asks that
    the figures be counts or spans of time and differ."""
    if a and b:
        return True
    return SEQUENCE in (a, b)
