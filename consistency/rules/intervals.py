"""Times as intervals anchored on the claim's date, for `compare.apart`'s vetoes of another time.

A veto of "different dates" or "a figure of another time" needs evidence that the two figures'
times cannot overlap. Read as days, not as words:

- a date that opens a running span ("since the storm struck on 2 December", "since monitoring began
  in 1998") times a figure told as of the day the claim was written (`text.opens_span`,
  `text.as_of`), so another report's count of that day ("passed 3,000, it said on Friday") is the
  same running count, and one of an earlier day within the span ("45 cases on 9 April") is not;
- a figure the claim times in the past (`compare._past`) is of the same time as the other claim's
  figure when the other claim names a time that overlaps it ("during 2023" / "last year" in a 2024
  article, `names_time`), though its parse hangs that time from no figure (a headline);
- a time offset from an event ("restored 11 hours after the fire") and a duration from the same
  event ("without power for a day and a half after the fire") are one length measured two ways: the
  offset ends what the duration lasts (`from_one_event`);
- a weekday or a yearless date whose clause the parse puts in the present ("a strike begins on
  Monday": a timetable's present, news's way of telling what is planned) is the day ahead of the
  claim's date (`dates.read_forward`); one a noun holds with no verb ("a closure from 3 March") may
  be either, and so may one the parse hangs from a verb that decides or tells, after the verb's
  object naming an act ("have approved a closure of the tunnel from 3 March": `_act_decided`).
  Only a veto is lifted: the day behind still counts for `tolerance.dates_overlap`.
  DAT001 reads a date in the present both ways too (`days_ahead`, `tolerance.disjoint`): measured
  in session 43, a noun's date read ahead as well lost a held writer's conflict, so only a verb
  in the present does.
"""

from __future__ import annotations

import datetime as dt

from .. import wordnet
from ..parsing import parse
from ..quantities.dates import reach, read_forward
from ..records import UNDATED
from .frames import PRESENT_DAYS, Frame
from .text import opens_span, view


def spans(claim) -> tuple[tuple[dt.date, dt.date, tuple[int, int]], ...]:
    """The claim's explicit dates as day intervals (`text.View.dates`) with the days a bare weekday
    may be off before and after its day against another anchor (`dates.reach`: a night it names,
    `tolerance.dates_overlap`), read on the
    claim's own date (see the module doc): a date that opens a running span ("since ...") adds the
    claim's day, the day the running figure is told at; a weekday or a yearless date whose clause is
    in the present is the day ahead (`dates.read_forward`); one that a noun holds, with no verb, may
    be either."""
    v = view(claim)
    anchor = claim.date if claim.date not in (None, UNDATED) else None
    out = []
    for d, lo, hi in v.dates:
        ahead = read_forward(claim.text, d, anchor) if anchor is not None else None
        tense = _date_tense(claim.text, d) if ahead is not None else "past"
        if tense != "present":
            out.append((lo, hi, reach(d)))
        if ahead is not None and tense != "past":
            out.append((*ahead, reach(d)))
        if anchor is not None and anchor > hi and opens_span(claim.text, d):
            out.append((anchor, anchor, (0, 0)))
    return tuple(out)


def days_ahead(f: Frame) -> tuple[int, int, bool] | None:
    """The days of ``f``'s date read ahead of its claim's date, as day numbers, when its clause is a
    timetable's present (as `spans` reads it: "the reopening date is May 3" in an April article is
    this May 3, not last year's; `dates.read_forward`), with whether it is a bare weekday (its exact
    day here: the day of slack is the caller's, as in `tolerance.dates_overlap`); None for a date in
    a past clause, one a noun holds with no verb (which `spans` reads both ways: read ahead here too
    it lost a held writer's conflict, the module doc), one already read ahead, or no weekday or
    yearless day."""
    claim = f.claim
    if f.q.dimension != "date" or claim.date in (None, UNDATED):
        return None
    for d, _lo, _hi in view(claim).dates:
        if d.start == f.q.start:
            ahead = read_forward(claim.text, d, claim.date)
            if ahead is None or _date_tense(claim.text, d) != "present":
                return None
            before, after = reach(d)
            return ahead[0].toordinal() + before, ahead[1].toordinal() - after, d.approximate
    return None


def _date_tense(text: str, d) -> str:
    """How the parse times the date's event: "present" when the date hangs from a verb in the
    present with no auxiliary ("a strike begins on Monday", "voters go to the polls on the eighth
    of May": a timetable's present, news's way of telling what is planned), in the present
    progressive ("is holding a vote on Monday") or the present passive ("the bridge is shut from 6
    January"; not "has been shut"); "noun" when it hangs from a noun with no verb
    between ("a closure of the tunnel from 3 March"): no tense; else "past".

    Not `slots._tense`, which asks another question of another word: whether a figure's predicate
    tells a tally reached by a time (a perfect anywhere up its clauses) or one past occasion (a simple
    past). This one climbs from the date to the verb it hangs from and asks only whether that verb is
    a present, the one tense that may put the date ahead; the two share no test."""

    p = parse(text)
    first = next((t for t in p.tokens if t.start <= d.start < t.end), None)
    if first is None:
        return "past"
    inside = {t.i for t in p.tokens if d.start <= t.start < d.end}
    t, steps = first, 0
    while t.i in inside and t.head != t.i and steps < 8:
        t, steps = p.tokens[t.head], steps + 1
    prep = None
    while t.pos == "ADP" and t.head != t.i and steps < 8:  # "on", "from"
        prep, t, steps = t, p.tokens[t.head], steps + 1
    if t.pos == "NOUN" and t.i not in inside:
        return "noun"
    if prep is not None and _act_decided(p, t, prep):
        return "noun"
    if t.pos not in ("VERB", "AUX"):
        return "past"
    aux = [k for k in p.children(t.i) if k.dep in ("aux", "auxpass")]
    if t.tag in ("VBZ", "VBP") and not aux:
        return "present"
    if t.tag in ("VBG", "VBN") and aux and all(k.tag in ("VBZ", "VBP") and k.lemma == "be" for k in aux):
        return "present"  # "is holding a vote on Monday", "the bridge is shut from 6 January"
    return "past"


def _act_decided(p, verb, prep) -> bool:
    """The date's preposition hangs from a verb that decides or tells (WordNet's cognition or
    communication verbs, first sense: "approved", "has signed off", "announced") after that verb's
    object, a noun naming an act or event ("a 12-week closure of the tunnel from 3 March"): the
    parse's attachment of the date to the verb is a guess, and the date may as well be the time of
    the act the object names, which the deciding need not share. Read as a date a noun holds
    (both ways). A verb that tells the act itself ("staged a walkout on 3 March") keeps its tense.
    Found on the tuning writers (tests/data/voices5): a closure approved "from 3 March" read as
    last March, set apart by "different dates" from the other report's coming 3 March."""
    if verb.pos != "VERB" or not wordnet.lexicographer_files(verb.lemma, "v") & {
            wordnet.VERB_COGNITION, wordnet.VERB_COMMUNICATION}:
        return False
    return any(k.dep == "dobj" and k.pos == "NOUN" and k.i < prep.i
               and wordnet.lexicographer_files(k.lemma, "n") & wordnet.ACTS_AND_EVENTS
               for k in p.children(verb.i))


def _meet(a, b, slack: dt.timedelta) -> bool:
    return a[0] - slack <= b[1] and b[0] - slack <= a[1]


def _widened(span, same: bool) -> tuple[dt.date, dt.date]:
    """The days of a `spans` interval with a bare weekday's night on either side (`dates.reach`)
    when it is read against another anchor day (``same`` false; `tolerance.dates_overlap`)."""
    before, after = (0, 0) if same else span[2]
    return span[0] - dt.timedelta(days=before), span[1] + dt.timedelta(days=after)


def spans_overlap(ca, cb) -> bool:
    """Whether some interval of one claim (`spans`) meets some of the other's, with a bare weekday's
    night on its side when it is read against another anchor (`tolerance.dates_overlap`)."""
    same = ca.date == cb.date
    theirs = [_widened(b, same) for b in spans(cb)]  # once, not once per interval of ``ca``
    return any(_meet(_widened(a, same), b, dt.timedelta(0)) for a in spans(ca) for b in theirs)


def names_time(past: Frame, other: Frame) -> bool:
    """The other frame's claim names dates or periods (`spans`) that meet every time the claim of
    ``past`` names (a figure `compare._past` reads as of another time): its figure is of that time
    too ("during 2023" / "last year" in a 2024 article), and a time in the past of the other's own
    article (more than `frames.PRESENT_DAYS` before its date), as the past figure's is: the two
    tell one earlier time. Not when the past claim names a time the other does not, nor when the
    other's time is its own present ("up on last year's field" of a 2025 article / "drew 15,000
    this year" of a 2024 one: a figure misread as last year's against this year's), nor for an
    undated claim, whose present is not known (news of an undated story: "a 6.1 quake on Tuesday in
    the region the tsunami of 2004 devastated" / "the 2004 tsunami was set off by a 9.1 quake")."""
    day = other.claim.date if other.claim.date not in (None, UNDATED) else None
    if day is None or past.claim.date in (None, UNDATED):
        return False  # an undated story's present is unknown: "a quake on Tuesday, in a region the tsunami of 2004 hit"
    mine = spans(past.claim)
    theirs = tuple(t for t in spans(other.claim) if (day - t[1]).days > PRESENT_DAYS)
    return bool(mine and theirs) and all(any(_meet(m, t, dt.timedelta(0)) for t in theirs) for m in mine)


#: The words after which a noun names the event a time is measured from ("11 hours after the fire").
_FROM = frozenset({"after", "following", "since"})


def _anchors(p, tokens) -> set[str]:
    """Lemmas of the objects of "after"/"following"/"since" among ``tokens``, or of the subject of the
    clause one introduces ("after the storm brought down lines"): the events a time is measured from."""
    out = set()
    for t in tokens:
        if t.low not in _FROM:
            continue
        if t.dep == "mark" and t.head != t.i:
            out |= {k.lemma for k in p.children(t.head) if k.dep in ("nsubj", "nsubjpass") and k.pos in ("NOUN", "PROPN")}
        else:
            out |= {k.lemma for k in p.children(t.i) if k.dep == "pobj" and k.pos in ("NOUN", "PROPN")}
    return out


def from_one_event(fa: Frame, fb: Frame) -> bool:
    """One frame is a time offset (`slots.Slots.offset`) and the other a duration, and the event the
    offset is measured from is the event the other claim measures its duration from: the same noun
    after "after"/"following"/"since" in both ("power was back 11 hours after the fire" /
    "homes were without power for a day and a half after the fire")."""
    if fa.q.dimension != "time" or fb.q.dimension != "time" or fa.slots.offset == fb.slots.offset:
        return False

    pa, pb = parse(fa.claim.text), parse(fb.claim.text)
    return bool(_anchors(pa, pa.tokens) & _anchors(pb, pb.tokens))
