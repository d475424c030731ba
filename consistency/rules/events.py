"""Which event of a kind a figure is of, when its own sentence does not say: the day and size its
article gives that event.

A report of a quake tells its day and magnitude once ("A 5.1-magnitude earthquake shook the
district on Tuesday") and then refers back to it ("The quake was centred 18 kilometres east of the
port"), or tells them after ("Wednesday's tremor was the second to strike the coast in a day"). A
figure of "the quake" is a figure of Tuesday's quake, though its sentence names no day. Two reports of
the same kind of event on different days are reports of different events: a story of several
shocks, or two quakes of one place years apart.

`apart` reads, for the event noun two claims share (a noun naming an event or a phenomenon,
`wordnet.HAPPENINGS`, of one meaning on both sides: "quake" / "earthquake"), which mention of it in
each article it is, following the article's mentions in order (`_events`): a definite mention
("the quake", "Wednesday's tremor") is the event of the nearest earlier mention whose day it
does not contradict; an indefinite one ("earlier, a stronger quake shook the coast") is another event when
its day or its size contradicts the one before. Each event gathers the weekdays its mentions'
clauses give it (`slots.own_time`) and the numbers that name its size ("a 6.3-magnitude tremor", "the
institute set the tremor's magnitude at 6.1"). Undated articles only: a dated article's weekdays are days
(`compare._date_gap`).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import lru_cache

from ..parsing import parse
from ..quantities.dates import WEEKDAYS
from ..quantities.numbers import find_numbers
from .. import wordnet

_WEEKDAY = re.compile(r"\b" + WEEKDAYS + r"\b")
_DAY_INDEX = {name: i for i, name in enumerate(
    ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"))}
#: Determiners that make a mention refer back to an event already told ("the quake").
_DEFINITE = frozenset({"the", "this", "that"})
#: Dependents of an event noun whose numbers are not its size: a relative clause ("the quake, which
#: killed 10"), an apposition, a conjunct noun.
_NOT_SIZE = frozenset({"relcl", "acl:relcl", "appos", "conj", "cc", "punct"})
#: Prepositions after an event noun that give its measure ("a tremor of magnitude 6.3", "with a
#: reading of 6.3"); not its time or place ("on Friday at 4:10 p.m.").
_OF = frozenset({"of", "with"})


@dataclass(frozen=True, slots=True)
class Mention:
    """One mention of an event noun in a sentence of an article."""

    lemma: str
    start: int
    end: int
    definite: bool
    days: frozenset[int]
    sizes: frozenset[float]


@dataclass(slots=True)
class Event:
    """The mentions of an article that tell one event, and what they give it."""

    days: set = field(default_factory=set)
    sizes: set = field(default_factory=set)


@lru_cache(maxsize=4096)
def _mentions(text: str) -> tuple[Mention, ...]:
    """The singular mentions of event nouns (`wordnet.HAPPENINGS`) in a sentence, with the weekdays
    of their clauses and the numbers naming their size."""
    from .slots import own_time

    p = parse(text)
    days = [(m.start(), m.end(), _DAY_INDEX[m.group(0)]) for m in _WEEKDAY.finditer(text)]
    out = []
    for t in p.tokens:
        if t.pos != "NOUN" or t.tag == "NNS" or not t.lemma.isalpha():
            continue
        if not wordnet.lexicographer_files(t.lemma.lower(), "n") & wordnet.HAPPENINGS:
            continue
        own = own_time(p, t.start, t.end, tuple((s, e) for s, e, _ in days)) if days else ()
        mine = frozenset(d for (_, _, d), yes in zip(days, own) if yes)
        out.append(Mention(t.lemma.lower(), t.start, t.end, _definite(p, t), mine, _sizes(p, t)))
    return tuple(out)


def _definite(p, t) -> bool:
    """The mention refers back: a definite or demonstrative determiner, or a possessor ("Wednesday's
    tremor")."""
    return any(c.dep == "poss" or (c.dep == "det" and c.low in _DEFINITE) for c in p.children(t.i))


def _sizes(p, t) -> frozenset[float]:
    """The numbers that name the size of the event ``t`` names: in its own phrase, before it ("a
    6.3-magnitude tremor") or after it in a measure ("a tremor of magnitude 6.3", "a tremor
    measuring 6.3"; not its time, "on Friday at 4:10 p.m.", nor a relative clause), or,
    when ``t`` owns a noun ("the tremor's magnitude"), in that noun's phrase and in the prepositional
    phrases of the verb it is the object of ("the institute set the tremor's magnitude at 6.1"). Years are not sizes."""
    keep: set[int] = {t.i}
    for c in p.children(t.i):
        if (c.i < t.i and c.dep not in _NOT_SIZE) or (c.dep == "prep" and c.low in _OF) or c.dep == "acl":
            keep.update(x.i for x in p.subtree(c.i))
    if t.dep == "poss" and t.head != t.i:
        owned = p.tokens[t.head]
        keep.update(x.i for x in p.subtree(owned.i))
        if owned.dep == "dobj" and owned.head != owned.i:
            for c in p.children(owned.head):
                if c.dep == "prep":
                    keep.update(x.i for x in p.subtree(c.i))
    spans = [(x.start, x.end) for x in p.tokens if x.i in keep]
    out = set()
    for n in find_numbers(p.text):
        if n.value is None or not any(s <= n.start < e for s, e in spans):
            continue
        if float(n.value).is_integer() and 1000 <= n.value <= 2100:
            continue  # a year ("the 2005 quake")
        out.add(float(n.value))
    return frozenset(out)


def _same(a: str, b: str) -> bool:
    return a == b or wordnet.relation(a, b, "n") == wordnet.SAME


def _contradicts(e: Event, m: Mention, *, sizes: bool) -> bool:
    if e.days and m.days and not e.days & m.days:
        return True
    return sizes and bool(e.sizes and m.sizes and not e.sizes & m.sizes)


def _events(claims, lemma: str) -> tuple[list[Event], dict]:
    """The events of one meaning (``lemma`` and its synonyms) an article tells, in its order, and
    the event of each mention (by claim id and start offset)."""
    events: list[Event] = []
    of: dict = {}
    current: Event | None = None
    for c in sorted(claims, key=lambda c: c.start):
        for m in _mentions(c.text):
            if not _same(m.lemma, lemma):
                continue
            if m.definite:
                # the nearest event told before whose day it does not contradict
                event = next((e for e in ([current] if current else []) + events[::-1]
                              if not _contradicts(e, m, sizes=False)), None)
            else:
                event = current if current is not None and not _contradicts(current, m, sizes=True) else None
            if event is None:
                event = Event()
                events.append(event)
            event.days |= m.days
            event.sizes |= m.sizes
            of[(c.id, m.start)] = event
            current = event
    return events, of


def _shared_noun(fa, fb) -> str:
    """The event noun the two figures are of: a singular mention in each claim, one meaning, each
    the only one of that meaning in its claim, in the figure's clause or a clause next to it."""
    ma = [m for m in _mentions(fa.claim.text) if _tied(fa, m)]
    mb = [m for m in _mentions(fb.claim.text) if _tied(fb, m)]
    for x in ma:
        for y in mb:
            if _same(x.lemma, y.lemma):
                alla = [m for m in _mentions(fa.claim.text) if _same(m.lemma, x.lemma)]
                allb = [m for m in _mentions(fb.claim.text) if _same(m.lemma, x.lemma)]
                if len(alla) == 1 and len(allb) == 1:
                    return x.lemma
    return ""


def _tied(f, m: Mention) -> bool:
    """The mention is in the figure's clause, or the two clauses hang one from the other or from one
    clause ("eleven were hurt when an earthquake flattened farms", "the quake, which killed 10",
    "two died and eleven were hurt when ..."). The figure's clause may be a participle that hangs
    from the figure itself ("at least eleven hurt when ..."). A clause that describes another noun
    than the event's ("the island, which is home to 9,000 people, ...") ties no figure of it to the
    event: on the judged tune half, adding to the veto two events a day apart whose sizes differ
    tied such a population figure to a quake and lost a confirmed finding."""
    from .slots import clause_head

    p = parse(f.claim.text)
    qt, mt = p.tokens_in(f.q.start, f.q.end), p.tokens_in(m.start, m.end)
    if not qt or not mt:
        return False

    def near(t) -> set[int]:
        c = clause_head(p, t)
        out = {c.i}
        while c.head != c.i:
            if c.dep in ("relcl", "acl") and c.head != mt[0].i:
                break  # a clause describing another noun than the event's
            up = clause_head(p, p.tokens[c.head])
            out.add(up.i)
            if c.dep != "conj":  # a conjunct shares the clause its first conjunct hangs from
                break
            c = up
        return out

    # the figure's own clause may be a participle hanging from it ("at least eleven hurt when ...")
    mine = near(qt[0]).union(*(near(c) for t in (*qt, p.tokens[qt[-1].head]) for c in p.children(t.i)
                               if c.dep in ("acl", "relcl") and c.pos == "VERB"))
    return bool(mine & near(mt[0]))


def _event_of(f, lemma: str, ctx) -> tuple[Event | None, list[Event]]:
    claims = list(ctx.articles.get(f.claim.doc_key, ()))
    if not any(c.id == f.claim.id for c in claims):
        claims.append(f.claim)
    events, of = _events(claims, lemma)
    m = next((m for m in _mentions(f.claim.text) if _same(m.lemma, lemma)), None)
    return (of.get((f.claim.id, m.start)) if m else None), events


def days_apart(x, y) -> bool:
    """No weekday (0 Monday) of one within a day of a weekday of the other: a day either way is one
    night told from two time zones (`compare._weekdays_differ` reads a claim's own weekdays by it)."""
    return all(min((a - b) % 7, (b - a) % 7) > 1 for a in x for b in y)


def _told_days(f, ctx) -> bool:
    return any(_WEEKDAY.search(c.text) for c in (f.claim, *ctx.articles.get(f.claim.doc_key, ())))


def apart(fa, fb, ctx) -> str:
    """Two figures of one kind of event whose articles place that event on different days: days
    more than a day apart, or a day apart when one article tells another event of the kind on the
    other's day ("Wednesday's tremor was the second to strike the coast; earlier on Tuesday a
    stronger quake shook it" against "an earthquake flattened farms on Tuesday"). '' when there is no such
    evidence: a side without an event noun shared with the other, or without a day."""
    if ctx is None or not ctx.articles or fa.claim.date is not None or fb.claim.date is not None:
        return ""
    if fa.claim.doc_key == fb.claim.doc_key:
        return ""
    if not (_told_days(fa, ctx) and _told_days(fb, ctx)):
        return ""  # cheap: an article naming no weekday places no event on one
    lemma = _shared_noun(fa, fb)
    if not lemma:
        return ""
    (ea, all_a), (eb, all_b) = _event_of(fa, lemma, ctx), _event_of(fb, lemma, ctx)
    if ea is None or eb is None or not ea.days or not eb.days or ea.days & eb.days:
        return ""
    if days_apart(ea.days, eb.days):
        return "events on different days"
    if any(e is not ea and e.days & eb.days for e in all_a) or any(e is not eb and e.days & ea.days for e in all_b):
        return "events on different days"
    return ""

