"""Join neighbouring numbers: ranges ("between 300 and 400", "25-30", "from X to Y"),
scores that are not ranges ("won 3-1"), and units shared across a coordination
("eight or nine euros", "7- or 8-inch", "45 and 50 mg").
"""

from __future__ import annotations

import re

from consistency.quantities.draft import Draft
from consistency.quantities.money import currency_after
from consistency.quantities.units import match_unit

_RANGE_GAP_RE = re.compile(r"[ \u00a0]*(?:-[ \u00a0]*to|to|through|thru|[-–—]|and)[ \u00a0]*$", re.I)
_SCORE_RE = re.compile(r"(?<![\w.,$£€/-])(?P<a>\d{1,3})[ \u00a0]?[-–][ \u00a0]?(?P<b>\d{1,3})(?![\w.,/]|[-–]\d)")
_BETWEEN_RE = re.compile(r"(?<![\w])between[ \u00a0]+$", re.I)
_FROM_RE = re.compile(r"(?<![\w])from[ \u00a0]+(?:up[ \u00a0]+to[ \u00a0]+|about[ \u00a0]+|around[ \u00a0]+)?$", re.I)
_SHARE_GAP_RE = re.compile(r"[ \u00a0]*-?[ \u00a0]*(?:,|or|and|,[ \u00a0]*(?:and|or))[ \u00a0]*$", re.I)
_SPORTS_RE = re.compile(
    r"(?<![\w])(?:won|win|wins|beat|beats|beating|lost|lose|loses|losing|drew|draw|tied|tie|lead|leads|led|"
    r"victory|defeat|defeated|score|scored|scoreline|aggregate|trailing|trailed|at|a|an)[ \u00a0]+$",
    re.I,
)


def combine(text: str, drafts: list[Draft]) -> list[Draft]:
    """Join ranges, then share units backwards across coordinations."""
    out: list[Draft] = []
    i = 0
    while i < len(drafts):
        a = drafts[i]
        b = drafts[i + 1] if i + 1 < len(drafts) else None
        if b is not None and _is_range(text, a, b):
            out.append(_join(text, a, b))
            i += 2
            continue
        out.append(a)
        i += 1
    _share_units(text, out)
    return out


def score_spans(text: str) -> list[tuple[int, int]]:
    """Sports scores ("won 3-1", "2-2 on aggregate", "tied at 89-89"), which are neither ranges nor dates.

    A dash between two small integers with no unit after them is a score when it
    does not ascend, or when a result word ("won", "beat", "lead") comes before it.
    """
    out = []
    for m in _SCORE_RE.finditer(text):
        if match_unit(text, m.end()) or currency_after(text, m.end(), scaled=False, after_symbol=None):
            continue
        if int(m["a"]) >= int(m["b"]) or _SPORTS_RE.search(text, max(0, m.start() - 20), m.start()):
            out.append((m.start(), m.end()))
    return out


def _is_range(text: str, a: Draft, b: Draft) -> bool:
    gap = text[a.end: b.start]
    m = _RANGE_GAP_RE.match(gap)
    if not m or m.end() != len(gap) or a.number.vague or b.number.vague:
        return False
    connector = m.group().strip().lower()
    between = _BETWEEN_RE.search(text, max(0, a.start - 12), a.start)
    if connector == "and" and not between:
        return False
    if a.has_unit and b.has_unit:
        return a.unit_key == b.unit_key or (a.currency is not None and b.currency is not None and a.currency.code == b.currency.code)
    if a.has_unit and not b.has_unit:
        return connector in ("-", "–", "—") and b.measured is None and _plain_number(b)
    if a.measured is not None and b.measured is not None:
        return a.measured == b.measured
    return a.measured is None


def _plain_number(d: Draft) -> bool:
    return not d.number.words and d.measured is None


def _join(text: str, a: Draft, b: Draft) -> Draft:
    """One range draft spanning ``a`` and ``b``; ``a`` takes ``b``'s unit and, when smaller, its scale."""
    a_value = a.value
    if a.number.scale == 1 and b.number.scale > 1 and not a.has_unit and a.number.raw < b.number.raw and a_value is not None:
        a_value = a_value * b.number.scale
    if a.currency is None and a.unit is None and b.currency is not None and a_value is not None and b.number.scale > 1 and a.number.scale == 1 and a.number.raw < b.number.raw:
        a_value = a.number.raw * b.number.scale
    if b.value is None or a_value is None:
        return a
    joined = Draft(b.number, a.start, b.end, None, low=min(a_value, b.value), high=max(a_value, b.value))
    joined.bound = "range"
    joined.unit = b.unit or a.unit
    joined.currency = b.currency or a.currency
    joined.measured = b.measured or a.measured
    joined.subject = b.subject or a.subject
    joined.per = b.per or a.per
    joined.kind = a.kind
    joined.change = a.change
    if _FROM_RE.search(text, max(0, a.start - 20), a.start) and a.clause_direction is not None:
        joined.change, joined.kind = a.clause_direction, "change"
    return joined


def _share_units(text: str, drafts: list[Draft]) -> None:
    """Give a bare number the unit of the next one across "or"/"and"/"," ("eight or nine euros")."""
    for i in range(len(drafts) - 2, -1, -1):
        a, b = drafts[i], drafts[i + 1]
        if a.has_unit or a.measured is not None or a.number.vague or not b.has_unit:
            continue
        if b.unit is not None and b.unit.dimension in ("count", "multiple"):
            continue
        gap = text[a.end: b.start]
        m = _SHARE_GAP_RE.match(gap)
        if not m or m.end() != len(gap):
            continue
        a.unit, a.per = b.unit, b.per
        if b.currency is not None and b.number.scale == a.number.scale:
            a.currency = b.currency
