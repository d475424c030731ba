"""Whether a figure states a property of a kind in general rather than a figure of one thing or
event, read from the parse: the generic reading of `slots.Slots.mood` ("kind").

A figure is of a kind when its clause says so by English grammar's own marks of genericity:

* an adjective of typicality on the noun the figure measures or on the clause's subject ("the
  typical lifespan of a kettle is about six years", "the usual crossing takes 40 minutes"), or
  an adverb of typicality on its predicate ("kettles typically last six years");
* a modal of capacity ("can") on a predicate whose subject is an indefinite singular ("a magnitude
  6 tremor can flatten a village", "a ferry of that class can carry 900 people"): what any member
  of the kind can do. With a definite subject "can" states one thing's standing capacity ("the
  ferry can carry 1,200 passengers", a fact of the story: `mood._FIGURE_MODALS`).

* a clause that describes a noun (a relative clause: "a Sunday on which seven backs ran for 150
  yards or more", "the first time that a side scored over 120 points") and is told of members of
  a class, its subject a common noun counted by a number or taken by the indefinite article
  ("class"): what any such member did, not what the story's own did. Read so only for a figure
  written as a bound (`compare._no_fact`): the mark that defines the class ("150 yards or more");
  an exact figure there is still one event's.

An adjective or adverb of typicality in a clause that names a time of its own besides the figure
("the typical flat sat unsold for 67 days between April and June") is that span's average, a
figure of the story, not a kind (`_timed`).

Such a figure is no rival for a figure of the story's own thing or event (`compare._no_fact`):
"kettles last about six years" does not contradict "the new kettle lasts ten years". The words are
closed classes of English grammar (adjectives and adverbs of typicality, the capacity modal, the
indefinite article), not a list of topics.
"""

from __future__ import annotations

from ..parsing import Parse, Token
from ..quantities.dates import TIME_NAMES, date_spans

#: Adjectives that make a noun stand for the usual member of its kind ("the typical lifespan").
#: Not "average": a noun of that word is a statistic of some set (`slots._statistic`).
TYPICAL = frozenset({"typical", "usual", "normal", "customary"})
#: Adverbs that make a predicate hold of a kind or of occasions in general ("typically last").
TYPICALLY = frozenset({"typically", "usually", "normally", "generally", "ordinarily", "customarily"})
#: The modal of capacity: with an indefinite singular subject, what any member of a kind can do.
CAPACITY = "can"
INDEFINITE = frozenset({"a", "an"})
_SUBJECTS = ("nsubj", "nsubjpass")
#: `kind_mood`'s reading of a figure in a clause told of members of a class.
CLASS = "class"
#: The dependency labels of a clause that describes a noun.
_DESCRIBING = ("relcl", "acl")


def _path(p: Parse, figure: Token, verb: Token | None) -> list[Token]:
    """The words from the figure's noun up to its predicate (at most six links), the predicate
    excluded."""
    out = []
    for t in (figure, *p.ancestors(figure.i))[:7]:
        if verb is not None and t.i == verb.i:
            break
        out.append(t)
    return out


def _of_a_class(p: Parse, verb: Token, subject: Token | None, number: Token) -> bool:
    """The clause of ``verb`` describes a noun (`_DESCRIBING`) and its subject, not the phrase of
    the figure's ``number``, is a common noun counted by a number ("seven running backs") or taken by the
    indefinite article ("a side"): told of members of a class, not of the story's own thing ("the
    day when the quake killed"). A subject that is the figure itself is counted by the story ("the
    disaster, in which more than 300 people were killed")."""
    if verb.dep not in _DESCRIBING or verb.head == verb.i or subject is None or subject.pos != "NOUN":
        return False
    if number.i in {x.i for x in p.subtree(subject.i)}:
        return False
    return any(k.dep == "nummod" or k.dep == "det" and k.low in INDEFINITE for k in p.children(subject.i))


#: Dependencies of a verb's children that open a clause of their own: a time there is that clause's.
_OTHER_CLAUSES = ("ccomp", "advcl", "relcl", "conj", "parataxis", "csubj", "xcomp")


def _timed(p: Parse, verb: Token | None, figure: Token) -> bool:
    """The clause of ``verb`` names a time of its own besides the figure: a month or a weekday by
    name, or a date (`dates.date_spans`: "between April and June", "in 2024", "last year"): "the
    typical flat sat unsold for 67 days between April and June" is that quarter's average, a figure
    of the story, not a property of flats in general. Genericity is the absence of such a time: a
    sentence anchored to one span of time tells what happened in it. False without a verb."""
    if verb is None:
        return False
    spans = [(d.start, d.end) for d in date_spans(p.text) if d.kind != "time"]
    skip = {figure.i} | {k.i for k in p.children(figure.i) if k.dep == "nummod"}
    for k in p.children(verb.i):
        if k.dep in _OTHER_CLAUSES:
            skip |= {t.i for t in p.subtree(k.i)}
    for t in p.subtree(verb.i):
        if t.i in skip:
            continue
        if t.pos == "PROPN" and t.low in TIME_NAMES or any(lo <= t.start < hi for lo, hi in spans):
            return True
    return False


def kind_mood(p: Parse, verb: Token | None, figure: Token | None, number: Token | None = None) -> str:
    """"kind" when the figure at ``figure`` (its counted noun or its number), under its predicate
    ``verb``, states a property of a kind in general, `CLASS` when the clause of its number
    ``number`` is told of members of a class (module docstring); '' otherwise."""
    if figure is None:
        return ""
    kids = p.children(verb.i) if verb is not None else []
    subject = next((k for k in kids if k.dep in _SUBJECTS), None)
    nouns = _path(p, figure, verb) + ([subject] if subject is not None else [])
    if any(k.dep == "amod" and k.low in TYPICAL for n in nouns for k in p.children(n.i)):
        return "" if _timed(p, verb, figure) else "kind"
    if verb is None:
        return ""
    if number is not None and _of_a_class(p, verb, subject, number):
        return CLASS
    if any(k.dep == "advmod" and k.low in TYPICALLY for k in kids):
        return "" if _timed(p, verb, figure) else "kind"
    if any(k.dep == "neg" for k in kids) or not any(k.dep == "aux" and k.low == CAPACITY for k in kids):
        return ""
    if subject is not None and subject.tag == "NN" \
            and any(k.dep == "det" and k.low in INDEFINITE for k in p.children(subject.i)):
        return "kind"
    return ""
