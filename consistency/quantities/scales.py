"""Readings on a scale: "a 6.1-magnitude quake", "magnitude 7.6", "five on the Richter scale".

A reading on a scale is a number without a physical unit, but no count of things: its quantity
keeps the ``dimension`` "count" (the rules and the calibrated confidence treat it as the plain
number it is; a ``dimension`` of its own made the rules skip magnitude pairs, tests/test_background.py)
and has the scale as ``unit`` (canonical unit too), so it is compared only with readings on the
same scale ("magnitude 7.3" with "magnitude 7.6", not with "six children" nor with "54
aftershocks" counted in the same sentence, whose canonical unit is "count"). Two syntaxes name the scale:

- "N on the X scale" after the number: the unit is "X scale" (Richter, Saffir-Simpson, ...);
- "magnitude" after the number ("6.1-magnitude", found by `units.match_unit`) or before it, with
  an "of" or a bound between ("magnitude 7.6", "a magnitude of 6.2", "a magnitude over 5.0").
  "magnitude" is the one scale word read before a number: in earthquake reports a magnitude
  beside counts of victims and aftershocks was read as a count and compared with them (2 of 100
  findings read on the news benchmark, session 19).

A mark out of ten, five or a hundred ("7.46/10", "3.5/5") is a reading on that scale too (`marks`):
unit "mark out of 10", compared only with marks out of the same. Read as a share of ten, like a
fraction ("6/10"), it was compared with the approval percentages of its own sentence ("88 % from
52 critics, with a mean mark of 7.46/10") and agreed with none of them.
"""

from __future__ import annotations

import re

from consistency.quantities.draft import Draft
from consistency.quantities.numbers import Number
from consistency.quantities.units import Unit, match_unit

_SPACE = r"[ \u00a0]"
_ON_THE_SCALE_RE = re.compile(
    rf"{_SPACE}+on{_SPACE}+the{_SPACE}+(?P<name>(?:[A-Za-z][\w'’-]*{_SPACE}+){{0,3}}?)scale(?![\w-])", re.I
)
_MAGNITUDE_BEFORE_RE = re.compile(rf"(?<![\w-])magnitude(?:{_SPACE}+of)?(?:{_SPACE}*[-–]{_SPACE}*|{_SPACE}+)$", re.I)
MAGNITUDE = match_unit(" magnitude", 0).unit  # type: ignore[union-attr]


def scale_after(text: str, end: int) -> tuple[Unit, int] | None:
    """"on the Richter scale" right after the number ending at ``end``: (the scale, its end)."""
    m = _ON_THE_SCALE_RE.match(text, end)
    if not m:
        return None
    name = re.sub(rf"{_SPACE}+", " ", m["name"]).strip().lower()
    return Unit(f"{name} scale" if name else "scale", "count"), m.end()


def magnitude_before(text: str, start: int) -> bool:
    """Whether "magnitude" names the scale of the number at ``start`` ("magnitude 7.6", "a magnitude
    of 6.2"); ``start`` is the start of the number or of a bound before it ("magnitude over 5.0")."""
    return bool(_MAGNITUDE_BEFORE_RE.search(text, max(0, start - 16), start))


_MARK_RE = re.compile(
    rf"(?<![\w.,/])(?P<n>\d{{1,3}}(?:\.\d{{1,3}})?){_SPACE}*/{_SPACE}*(?P<of>10|5|100)(?![\w/]|[.,]\d|{_SPACE}+of\b)")


def marks(text: str) -> list[Draft]:
    """Each mark out of ten, five or a hundred of ``text`` ("7.46/10", "3.5/5") as a draft quantity:
    the mark, in the unit "mark out of N", no more than N. A share of something ("1/10 of the
    budget") is no mark."""
    out = []
    for m in _MARK_RE.finditer(text):
        value = float(m["n"])
        if value > int(m["of"]):
            continue
        number = Number(m.start(), m.end(), value, value)
        out.append(Draft(number, m.start(), m.end(), value, unit=Unit(f"mark out of {m['of']}", "count")))
    return out
