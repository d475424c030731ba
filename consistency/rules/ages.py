"""Ages of one person told at two moments of a criminal case.

A report gives a person's age as of the moment it tells of. The accused of a case is told of at its
start (the crime, the arrest, a manhunt, the charge, a trial still to come) and again at its end,
when a verdict or a sentence is pronounced on him, months or years later: "34-year-old Dorian Vell
is due to stand trial" / "a jury convicted Dorian Vell, 35". Between the two he may have had a
birthday, so the later age may exceed the earlier one, and the two are no rival figures.

`at_verdict` reads from the parse whether an age is told at the case's end: the person the age
belongs to (`_person`: the noun the age modifies or stands in apposition to, or the age itself used
as a noun, "the 61-year-old") undergoes a judgment (he is the object or passive subject of a verb
whose first WordNet sense pronounces one: below "pronounce judgment on", as *convict* and *acquit*
are, or *sentence*, "pronounce a sentence on somebody in a court of law"), or is said guilty ("found
Ilka Vorn, 27, guilty", "pleaded guilty"). Not negated ("pleaded not guilty" is entered at the
start of a case), not told as what will or might be ("will be sentenced", `slots.Slots.mood`). A
victim named in the verdict's clause ("convicted Tobin Harl of killing 19-year-old Nessa Brandt")
undergoes the killing, not the judgment: her age is of her death and still compares.

`apart`: one age told at a verdict, the other not, and the verdict's age exceeds the other by at
most the birthdays that can fall between the two moments (`_growth`): where both stories are dated,
between their dates, the verdict's story the later (two stories of one day, or a verdict story
dated first, leave none); else `UNDATED_YEARS`. Two ages of one moment (both at the arrest, both
at the verdict), or an age that shrinks, still conflict.

Measured on the judged news halves of main 71117a2 (benchmarks/news.py --sample 2000, every finding
judged): tune 194 conflicts, 97 wanted (0.500) -> 190, 97 (0.511), 4 dismissed removed (one man's
age where his trial is set against his age where a jury convicts him); held 133, 79 (0.594) -> 131,
79 (0.603), 2 dismissed removed (an age at the verdict against one at a manhunt two years earlier).
No confirmed finding lost, none added; VitaminC, EQUATE and the voices pairs unchanged.
"""

from __future__ import annotations

import math
from functools import lru_cache

from ..parsing import Parse, Token, parse
from ..records import UNDATED
from .. import wordnet
from .frames import Frame

#: `apart`'s reason.
TWO_MOMENTS = "ages told at two moments of a case"

#: How many birthdays may fall between an undated story of a case's start and one of its verdict:
#: a case comes to its verdict within a few years of the arrest (cold cases aside). On the judged
#: news halves the largest such difference is two years (an age at a manhunt against the age at
#: the jury's verdict).
UNDATED_YEARS = 5

#: Dependencies by which an age hangs from the person it describes ("34-year-old Dorian Vell":
#: amod; "Dorian Vell, 35,": appos; "Anselm Roke, aged 43,": npadvmod under amod; "44-year-old
#: climber Ivo Marsh": compound), climbed from the age to its person.
_TO_PERSON = ("amod", "appos", "npadvmod", "nummod", "compound")
_NOUNS = ("NOUN", "PROPN")


def at_verdict(f: Frame) -> bool:
    """``f`` is an age told of a person a verdict or sentence is pronounced on (module docstring)."""
    if not f.is_age or f.slots.negated or f.slots.mood:
        return False
    p = parse(f.claim.text)
    person = _person(p, f)
    return person is not None and _judged(p, person)


def apart(fa: Frame, fb: Frame) -> str:
    """`TWO_MOMENTS` when one of two exact ages is told at a verdict (`at_verdict`), the other is
    not, and the verdict's exceeds the other's by no more than `_growth` years; '' otherwise."""
    if not (fa.is_age and fb.is_age) or fa.q.value is None or fb.q.value is None:
        return ""
    if fa.q.bound != "exact" or fb.q.bound != "exact":
        return ""
    va, vb = at_verdict(fa), at_verdict(fb)
    if va == vb:
        return ""
    late, early = (fa, fb) if va else (fb, fa)
    grown = late.q.value - early.q.value
    return TWO_MOMENTS if 0 < grown <= _growth(late, early) else ""


def _growth(late: Frame, early: Frame) -> int:
    """The most birthdays that can fall between the moment ``early`` tells of and the verdict
    ``late`` tells of: where both stories are dated, as many as the days from ``early``'s story to
    ``late``'s can hold (none for one day or a verdict story dated first); else `UNDATED_YEARS`."""
    dl, de = late.claim.date, early.claim.date
    if dl is None or de is None or dl == de == UNDATED:
        return UNDATED_YEARS
    days = (dl - de).days
    return math.ceil(days / 365) if days > 0 else 0


def _person(p: Parse, f: Frame) -> Token | None:
    """The token of the person ``f``'s age describes: climbed from the age's head through
    `_TO_PERSON` dependencies (and from a later conjunct to the first, whose role it shares), or the
    age itself when it is used as a noun ("the 61-year-old" as an object)."""
    span = p.tokens_in(f.q.start, f.q.end)
    if not span:
        return None
    inside = {t.i for t in span}
    t = p.head_of(span)
    for _ in range(5):
        if t.dep not in _TO_PERSON or t.head == t.i:
            break
        if t.pos in _NOUNS and p.tokens[t.head].pos not in _NOUNS:
            break  # a name the parser hangs from its predicate as a compound ("found ... Simpson guilty")
        t = p.tokens[t.head]
    while t.dep == "conj" and t.head != t.i and p.tokens[t.head].pos in _NOUNS:
        t = p.tokens[t.head]
    if t.i in inside and t.low != "old":
        return None  # a bare number with nobody to describe
    return t


def _judged(p: Parse, person: Token) -> bool:
    """``person`` undergoes a judgment (`_judgment`: the object or passive subject of its verb, the
    noun a passive relative clause or participle of it describes) or is said guilty, in a clause
    told as done (no modal auxiliary, no negation)."""
    verb = p.tokens[person.head]
    if person.dep in ("nsubjpass", "dobj") and _judgment(verb.lemma) and _done(p, verb):
        return True
    for k in p.children(person.i):
        if k.pos == "VERB" and _judgment(k.lemma) and _done(p, k) and (
                k.dep == "acl" and k.tag == "VBN" or k.dep == "relcl" and any(
                    x.dep == "nsubjpass" and x.tag in ("WP", "WDT") for x in p.children(k.i))):
            return True  # "Dorian Vell, 35, who was convicted on Friday", "Vell, convicted of murder"
        if k.lemma == "guilty" and _done(p, k):
            return True  # "found Ilka Vorn, 27, guilty"
    if person.dep in ("nsubj", "nsubjpass", "dobj", "compound") and person.head != person.i and _done(p, verb):
        # "found Ilka Vorn, 27, guilty" (the person the subject of "guilty"), "Vorn pleaded guilty"
        return verb.lemma == "guilty" or any(k.lemma == "guilty" and _done(p, k) for k in p.children(verb.i))
    return False


def _done(p: Parse, t: Token) -> bool:
    """``t`` is told as done: neither it nor a verb it hangs from within its clause carries a
    negation ("pleaded not guilty") or a modal auxiliary ("will be sentenced", "could be convicted")."""
    chain = [t] + ([p.tokens[t.head]] if t.pos == "ADJ" and t.head != t.i else [])
    return not any(k.dep == "neg" or k.dep in ("aux", "auxpass") and k.tag == "MD"
                   for u in chain for k in p.children(u.i))


def _judgment(lemma: str) -> bool:
    """The first WordNet sense of the verb ``lemma`` pronounces a judgment on a person: it lies below
    "pronounce judgment on" (whose members are *convict* and *acquit*: the verdict), or is *sentence*'s
    "pronounce a sentence on somebody in a court of law" (or lies below it)."""
    verdict, sentence = _anchors()
    first = wordnet.synsets(lemma, "v")[:1]
    if not first:
        return False
    return (first[0] not in verdict and wordnet.below(lemma, verdict, senses=1, steps=2, pos="v")
            or wordnet.below(lemma, sentence, senses=1, steps=2, pos="v"))


@lru_cache(maxsize=1)
def _anchors() -> tuple[frozenset, frozenset]:
    """The WordNet verb synsets of `_judgment`: "pronounce judgment on" (the hypernym of *convict*'s
    first sense) and *sentence*'s first sense."""
    convict = wordnet.synsets("convict", "v")[:1]
    return (frozenset(wordnet.hypernyms(convict[0], "v")) if convict else frozenset(),
            frozenset(wordnet.synsets("sentence", "v")[:1]))
