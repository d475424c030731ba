"""Numeric rules: values of the same measure that cannot both be true, and updates.

NUM001, DUR001 and UPD001 share one reading of a pair (`numeric_pairs`): the
comparable frames of both claims, each classified once as a conflict, an update
or agreement, so a pair never gets both a conflict and an update for one value.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from functools import lru_cache
from typing import Iterable

from ..records import Claim
from . import corrections
from .base import Rule, Verdict, register, spans
from .frames import Frame, comparable, describe, disjoint, frames, key, loose, same_measure


@dataclass(frozen=True, slots=True)
class NumericVerdict:
    code: str
    fa: Frame
    fb: Frame
    explanation: str


def _span(f: Frame) -> tuple[int, int, str, str]:
    return (f.q.start, f.q.end, f.q.text, key(f))


def _said(f: Frame) -> str:
    text = describe(f)
    if f.q.kind == "change" and f.q.change and not text.startswith(("up", "down")):
        return f"{f.q.change} {text}"
    return text


def _reason(fa: Frame, fb: Frame) -> str:
    if fa.q.dimension == "age":
        return "the ages of one person differ"
    if fa.q.dimension == "time":
        return "the durations differ"
    exact = fa.q.bound == "exact" and fb.q.bound == "exact"
    if exact and fa.q.dimension in (None, "count") and fb.q.dimension in (None, "count"):
        return "exact counts differ"
    if exact:
        return "the values differ beyond rounding"
    return "the values differ beyond the stated approximation or bound"


@lru_cache(maxsize=4096)
def numeric_pairs(a: Claim, b: Claim) -> tuple[NumericVerdict, ...]:
    """Every numeric conflict, duration conflict and update between two claims."""
    fas, fbs = frames(a), frames(b)
    out: list[NumericVerdict] = []
    seen: set[tuple[int, int]] = set()
    partners = {ia: [ib for ib, fb in enumerate(fbs) if comparable(fa, fb) and not corrections.explains(fa, fb)]
                for ia, fa in enumerate(fas)}  # a corrected figure is COR001's, not a conflict
    # A value of one claim that some value of the other could match (any context), or that a sum
    # of the other's values matches ("11 militants and six soldiers" / "17 people"), is not flagged.
    agreed_a = {ia for ia, fa in enumerate(fas) if _agrees(fa, fbs)}
    agreed_b = {ib for ib, fb in enumerate(fbs) if _agrees(fb, fas)}
    for ia, ibs in partners.items():
        if not ibs:
            continue
        fa = fas[ia]
        for ib in ibs:
            fb = fbs[ib]
            update = _update(fa, fb)
            if update:
                out.append(NumericVerdict("UPD001", fa, fb, update))
                seen.add((ia, ib))
                break
        else:
            if ia in agreed_a:
                continue
            ib = next((ib for ib in ibs if ib not in agreed_b), None)
            if ib is None:
                continue
            fb = fbs[ib]
            code = "DUR001" if fa.q.dimension == "time" else "NUM001"
            reason = _reason(fa, fb)
            if (fa.cumulative or fb.cumulative) and fa.when and fb.when and fa.when != fb.when:
                later = fa if fa.when > fb.when else fb
                earlier = fb if later is fa else fa
                if later.high < earlier.low:
                    reason += " (a running count reported later cannot be smaller)"
            out.append(NumericVerdict(code, fa, fb, f"{_said(fa)} vs {_said(fb)}: {reason}"))
    return tuple(out)


def _agrees(f: Frame, others: tuple[Frame, ...]) -> bool:
    same = [o for o in others if loose(f, o)]
    if any(not disjoint(f, o) for o in same):
        return True
    exact = [o for o in same if o.q.bound == "exact" and o.q.dimension in (None, "count")]
    if len(exact) >= 2:
        total = sum(o.low for o in exact)
        return f.low - 1e-9 <= total <= f.high + 1e-9
    return False


def _update(fa: Frame, fb: Frame) -> str | None:
    """A cumulative measure reported later with a larger value: an update, not a conflict."""
    if not (fa.cumulative or fb.cumulative) or not fa.when or not fb.when or fa.when == fb.when:
        return None
    if fa.q.kind != "level":
        return None
    later, earlier = (fa, fb) if fa.when > fb.when else (fb, fa)
    if not later.low > earlier.low:
        return None
    if not (disjoint(fa, fb) or not math.isfinite(earlier.high) or not math.isfinite(later.high)):
        return None
    what = next((f.head_text for f in (later, earlier) if f.view.text.lower().find(f.head_text.lower()) < f.q.start
                 and f.head_text), None) or later.head_text or earlier.head_text or "count"
    return (f"{what}: {_said(earlier)} ({earlier.when.isoformat()}) then {_said(later)} ({later.when.isoformat()}):"
            " a cumulative count reported later; an update, not a conflict")


def _verdict(v: NumericVerdict, kind=None) -> Verdict:
    return Verdict(spans_a=spans(_span(v.fa)), spans_b=spans(_span(v.fb)), explanation=v.explanation,
                   key_a=key(v.fa), key_b=key(v.fb), kind=kind)


class _NumericRule(Rule):
    """The verdicts of `numeric_pairs` that carry this rule's code."""

    def check(self, a: Claim, b: Claim) -> Iterable[Verdict]:
        for v in numeric_pairs(a, b):
            if v.code == self.code:
                yield _verdict(v, kind=self.kind)


@register
class NumericMismatch(_NumericRule):
    """Two claims give incompatible values for the same measure of the same thing.

    Flags a pair when both claims state a quantity of the same dimension, the same
    counted noun or measure of the same subject at compatible times ("32 ships" /
    "28 ships", "down 90%" / "down about 60%"), and the two value intervals are
    disjoint after the tolerance for approximation ("about", "nearly"), bounds
    ("more than", "at least"), ranges and rounding (see docs/rules.md).

    Example::

        Trump said all 32 of Iran's navy ships were at the bottom of the ocean.
        Officials said 28 Iranian navy ships had been sunk.
        -> 32 ships vs 28 ships: exact counts differ

    Not flagged: "about 30 ships" vs "32 ships" (within approximation); "13 miles"
    vs "21 km" (equal after conversion); "500 beds" at a hospital vs "320 beds" at
    a clinic (different subjects); October vs September figures (different
    times); a claim that also states a value consistent with the other side; a
    larger cumulative count reported later (that is UPD001, an update); figures
    of different events ("kills 12 in Nigeria church" vs "kills 37 at mosque in
    Afghanistan": places, venues, kinds of event or regions differ on both sides;
    per-event counts reported more than a week apart).
    """

    code = "NUM001"
    name = "numeric-mismatch"
    groups = ("numeric",)
    severity = "error"



@register
class DurationMismatch(_NumericRule):
    """Two claims give different durations for the same thing.

    Flags a pair when both claims state how long the same thing took or lasted
    and the durations cannot both be true after conversion to seconds and the
    same tolerances as NUM001 ("an hour and a half" = 90 minutes).

    Example::

        The meeting between the two ministers lasted an hour and a half.
        The two ministers met for two hours.
        -> an hour and a half vs two hours: the durations differ

    Not flagged: "90 minutes" vs "an hour and a half"; "about two hours" vs
    "an hour and 50 minutes"; durations of different things; "six days into the
    campaign" (a point in time, not a measured duration).
    """

    code = "DUR001"
    name = "duration-mismatch"
    groups = ("numeric", "time")
    severity = "error"



@register
class CumulativeUpdate(_NumericRule):
    """A cumulative count reported later with a larger value: an update, not a conflict.

    Reported at info level with kind "update". A count is cumulative when it
    only grows over time, on evidence in its clause: a death toll or a tally,
    "since the campaign began", "so far", "to date", "has risen to", "at least
    N by <date>" ("a total of" alone is none). The claim dated later
    (explicit day in the text, else the document date) must give the larger
    value ("at least 140" then "212" then "passed 300").

    Example::

        (March 7) Health officials said at least 140 people had been killed.
        (March 8) The death toll has risen to 212 since the campaign began.
        -> an update, not a conflict

    Not flagged as an update: two different values for the same day (NUM001
    flags them), a later but smaller cumulative count (NUM001: counts since a
    start cannot fall), non-cumulative measures (prices, rates, distances).
    """

    code = "UPD001"
    name = "cumulative-update"
    groups = ("numeric", "update")
    severity = "info"
    kind = "update"



@register
class PercentPointsMismatch(Rule):
    """A change of a rate given in percentage points on one side and in percent on the other.

    A rate that goes from 40% to 45% rose 5 percentage points (500 basis points)
    but 12.5 percent. Flags a pair when both claims report the same change of the
    same measure, one in points (percentage or basis points) and the other in
    percent, and the two cannot both be true: the numbers are the same (the
    classic confusion), or a stated level makes the percent change impossible.

    Example::

        Inflation climbed to 45% in February, up 5 percentage points from January.
        Inflation rose 5% in February to 45%.
        -> up 5 percentage points vs up 5%: points are not percent

    Not flagged: "up 25 basis points" vs "up 0.25 percentage points" (the same
    change; NUM001 compares points with points); "up 5 points" vs "up 12.5%" at
    a level of 45% (consistent); changes of different measures.
    """

    code = "NUM002"
    name = "percent-vs-points"
    groups = ("numeric",)
    severity = "error"

    def check(self, a: Claim, b: Claim) -> Iterable[Verdict]:
        for fa in frames(a):
            for fb in frames(b):
                pts, pct = _points_and_percent(fa, fb)
                if pts is None or not same_measure(fa, fb):
                    continue
                if pts.q.change and pct.q.change and pts.q.change != pct.q.change:
                    continue
                points = pts.low  # canonical: percentage points
                level = _level(pts) or _level(pct)
                pct_low, pct_high = pct.low, pct.high
                if level is not None and points < level:
                    base = level - points if (pts.q.change or "up") == "up" else level + points
                    implied = 100.0 * points / base
                    bad = not (pct_low * 0.95 <= implied <= pct_high * 1.05)
                    why = f"at a level of {level:g}% a change of {points:g} points is {implied:.3g}%"
                else:
                    bad = abs(points - pct.low) < 1e-9 or abs(pts.q.value - pct.low) < 1e-9
                    why = "points are not percent"
                if bad:
                    expl = f"{_said(pts)} vs {_said(pct)}: {why}"
                    yield Verdict(spans_a=spans(_span(fa)), spans_b=spans(_span(fb)), explanation=expl,
                                  key_a=key(fa), key_b=key(fb))
                    return


def _points_and_percent(fa: Frame, fb: Frame) -> tuple[Frame | None, Frame | None]:
    for x, y in ((fa, fb), (fb, fa)):
        if (x.q.kind == "change" and y.q.kind == "change" and x.q.dimension == "percentage point"
                and y.q.dimension == "percent"):
            return x, y
    return None, None


def _level(f: Frame) -> float | None:
    for q in f.view.claim.quantities:
        if q.kind == "level" and q.dimension == "percent" and q.bound == "exact" and q.value:
            return q.value
    return None
