"""Figures tallied over a stretch of time that reaches back before the story.

A writer often gives, beside the story's own figures, a tally over a stretch of months or years:
"nine boys have drowned in the reservoir in the past 14 months", "has been cited three times since
March", "since 2011, 23 suits have been filed", "in a crackdown beginning last spring, six clerks
were dismissed". Such a figure sums many occasions over the stretch its writer chose; against a
figure with no stretch (one occasion's count, or a count over all time) or over another stretch it
is no rival figure: another measure, even when the words are alike ("three times since March" /
"four times").

Read from the parse (`stretch`): a prepositional phrase of the figure's verb or of a verb above it
in the parse whose preposition is *since* and whose object is a time ("since March", "since
2011"), or whose object is a span counted back from the present ("in the past 14 months", "over the
last two years": a span of time that `windows.window` reads as a sequence window); a participle
*beginning* or *starting* of that phrase's object ("in a crackdown beginning last spring"); and a
span counted back inside the counted noun's own phrase ("cases involving boys who drowned in the
past 14 months": the cases counted are those of the stretch) or nested in a phrase of the figure's verb
(the parser hangs "in the past 14 months" from whatever participle comes last: "were hurt by guns
left in homes in the past 14 months"). Only a stretch that reaches back more
than `frames.PRESENT_DAYS` before its article's date counts: "since Sunday", "in the past 24
hours", "since the quake struck" are the story's own time, its figures the story's. In an undated
article a year, a month or a span of a month or more reaches back.

`compare.apart` asks `apart` for found pairs."""

from __future__ import annotations

import datetime as dt
import re

from ..parsing import Parse, Token, parse
from ..records import UNDATED
from .frames import MONTH_NAME, PRESENT_DAYS, Frame, disjoint, frames, month_number, per_figure
from .windows import SEQUENCE

#: The prepositions that tell the stretch a tally is counted over when their object is a span
#: counted back from the present ("in the past 14 months", "over the last two years").
_OVER = ("in", "over", "during", "within", "across", "throughout")
#: The preposition and the participles that open a stretch at a time ("since March", "beginning
#: last spring", "starting in 2011"): the closed class of words that say where a stretch begins.
_SINCE = ("since",)
_OPENING = ("begin", "start")

_YEAR = re.compile(r"\b(1[89]\d\d|20\d\d)\b")


def stretch(f: Frame) -> tuple | None:
    """The stretch of time reaching back before the story that ``f`` is tallied over, as a key two
    figures share when they are told over one stretch: ("past", days) for a span counted back
    ("in the past 14 months": 425), ("since", year, month) for a stretch opened at a time ("since
    March 2011"); None when the figure is told over no such stretch (the module docstring)."""
    return per_figure(f, "stretch", _read)


def _read(f: Frame) -> tuple | None:
    if f.q.dimension == "date" or f.is_age:
        return None
    p = parse(f.claim.text)
    span = p.tokens_in(f.q.start, f.q.end)
    if not span:
        return None
    inside = {t.i for t in span}
    node = p.head_of(span)
    spans = _spans_back(f)
    if inside & spans.keys():
        return None  # the span itself ("the past 14 months"): a window, `windows`' to compare
    path = [node, *p.ancestors(node.i)]
    for t in path:
        for k in p.children(t.i):
            if k.i in inside or k.dep not in ("prep", "agent"):
                continue
            found = _of_prep(p, f, k, spans) if k.dep == "prep" else None
            for deeper in p.subtree(k.i):  # "hurt by handguns left in homes in the past 20 months"
                if found is None and deeper.i != k.i and deeper.dep == "prep" and deeper.low in _OVER:
                    found = _counted_back(p, deeper, spans)
            if found:
                return found
    noun = p.tokens[node.head] if node.dep == "nummod" and node.head != node.i else node
    if noun.pos in ("NOUN", "PROPN"):
        for t in p.subtree(noun.i):
            if t.i in inside or t.dep != "prep" or t.low not in _OVER:
                continue
            found = _counted_back(p, t, spans)
            if found:
                return found
    return None


def _of_prep(p: Parse, f: Frame, prep: Token, spans: dict[int, float]) -> tuple | None:
    """The stretch a prepositional phrase of the figure's path opens or spans, if it reaches back."""
    if prep.low in _SINCE:
        return _opened(p, f, [k for k in p.children(prep.i) if k.dep == "pobj"])
    if prep.low in _OVER:
        found = _counted_back(p, prep, spans)
        if found:
            return found
        for obj in p.children(prep.i):  # "in a crackdown beginning last spring", "in a run of trials beginning"
            if obj.dep != "pobj":
                continue
            for part in p.subtree(obj.i):
                if part.dep in ("acl", "advcl", "prep") and part.lemma in _OPENING:
                    return _opened(p, f, [k for k in p.children(part.i)])
    return None


def _counted_back(p: Parse, prep: Token, spans: dict[int, float]) -> tuple | None:
    """("past", days) when the object of ``prep`` is a span of time counted back from the present
    (a sequence window, `windows.window`) of a month or more."""
    for obj in p.children(prep.i):
        if obj.dep != "pobj":
            continue
        seconds = spans.get(obj.i)
        if seconds is not None and seconds >= PRESENT_DAYS * 86400:
            return ("past", round(seconds / 86400))
    return None


def _spans_back(f: Frame) -> dict[int, float]:
    """The sequence-window spans of time of ``f``'s claim ("the past 14 months"), by the token of
    their unit noun, in seconds."""
    p = parse(f.claim.text)
    out = {}
    for g in frames(f.claim):
        if g.q.dimension != "time" or g.slots.window != SEQUENCE or g.q.value is None:
            continue
        for t in p.tokens_in(g.q.start, g.q.end):
            if t.pos == "NOUN":
                out[t.i] = g.low
    return out


def _opened(p: Parse, f: Frame, words: list[Token]) -> tuple | None:
    """("since", year, month) when ``words`` (the object of "since", the phrase of "beginning")
    name a time that lies more than `PRESENT_DAYS` before the article's date: a date the claim's
    extractor read, a year, or a month's name (the last such month before the article's date)."""
    if not words:
        return None
    lo = min(t.start for w in words for t in p.subtree(w.i))
    hi = max(t.end for w in words for t in p.subtree(w.i))
    text = f.claim.text[lo:hi]
    today = None if f.claim.date in (None, UNDATED) else f.claim.date
    for d in f.claim.dates:
        if lo <= d.start and d.end <= hi and d.value is not None and d.granularity in ("year", "month", "day"):
            when = d.value
            if d.granularity == "day" and today is None and not _YEAR.search(d.text):
                return None  # an undated article's day without a year: the story's own, for all we know
            if today is None or (today - when).days > PRESENT_DAYS:
                return ("since", when.year, when.month if d.granularity != "year" else 0)
            return None
    year = _YEAR.search(text)
    if year:
        y = int(year.group(1))
        if today is None or today.year > y:
            return ("since", y, 0)
        return None
    month = MONTH_NAME.search(text)
    if month:
        number = month_number(month.group(0))
        if today is None:
            return ("since", 0, number)
        y = today.year if number <= today.month else today.year - 1
        if (today - dt.date(y, number, 1)).days > PRESENT_DAYS:
            return ("since", y, number)
    return None


def apart(fa: Frame, fb: Frame) -> str:
    """Two figures that differ, one tallied over a stretch reaching back before the story
    (`stretch`) and the other over none or another: no rival figures. '' when they may be.

    A stretch is a part of all time: against a running total over all time (a figure whose own verb
    is a perfect with no stretch: "the trust has restored 240 cottages") a larger tally over a
    stretch ("since 2016 it has restored 310") still conflicts; a smaller one is a part of it."""
    sa, sb = stretch(fa), stretch(fb)
    if sa == sb or not disjoint(fa, fb):
        return ""
    if sa and sb and sa[0] == sb[0] == "past" and abs(sa[1] - sb[1]) <= 0.1 * max(sa[1], sb[1]):
        return ""  # "the past 12 months" / "the last year": one stretch
    part, whole = (fa, fb) if sa else (fb, fa)
    if not (sa and sb) and part.low > whole.high and _to_date(whole):
        return ""  # more over a stretch than over all time
    return "tallies over different stretches of time"


#: The roles of a verb's own arguments: the counted noun is what the verb tallies.
_ARGUMENTS = ("nsubj", "nsubjpass", "dobj", "npadvmod", "attr", "oprd")


def _to_date(f: Frame) -> bool:
    """``f``'s number, or the noun it counts, is an argument of a verb in the perfect: a running
    total up to the report ("has restored 240 cottages", "had been detained five times"); not a
    noun of a phrase further down ("charges have been filed in the case of two toddlers")."""
    p = parse(f.claim.text)
    span = p.tokens_in(f.q.start, f.q.end)
    if not span:
        return False
    node = p.head_of(span)
    if node.dep == "nummod" and node.head != node.i:
        node = p.tokens[node.head]
    if node.dep not in _ARGUMENTS or node.head == node.i:
        return False
    verb = p.tokens[node.head]
    return verb.pos in ("VERB", "AUX") and any(k.dep in ("aux", "auxpass") and k.lemma == "have"
                                                for k in p.children(verb.i))
