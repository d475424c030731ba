"""Comparing quantity frames: when two quantities measure the same thing, and
when their values are incompatible.

Tolerances (documented in docs/rules.md):
- an approximate or bounded quantity already carries its interval (``low``/``high``);
- a number stated with decimals or a scale word ("1.2bn", "3.5%") may be rounded:
  it stands for +/- half a unit of its last stated digit;
- a quantity converted from another unit (13 miles vs 21 km) is compared with the
  rounding tolerance of both statements;
- a relative epsilon of 0.1% absorbs floating-point noise in conversions.
"""

from __future__ import annotations

import math
import re

from ..records import Claim, Quantity

EPSILON = 1e-3
_DECIMALS = re.compile(r"\d[\d,]*\.(\d+)")
_LEADING = re.compile(r"\d[\d,]*(?:\.\d+)?")


def interval(q: Quantity, *, converted: bool) -> tuple[float, float]:
    """The canonical interval of ``q`` widened by its rounding tolerance."""
    low = q.canonical_low if q.canonical_low is not None else q.low
    high = q.canonical_high if q.canonical_high is not None else q.high
    if q.bound == "exact" and q.value not in (None, 0):
        tol = rounding_tolerance(q, converted=converted)
        if tol:
            scale = (high / q.value) if q.value and math.isfinite(high) else 1.0
            low, high = low - tol * abs(scale), high + tol * abs(scale)
    return low, high


def rounding_tolerance(q: Quantity, *, converted: bool) -> float:
    """Half a unit of the last stated digit, in the stated unit; 0 for whole counts."""
    match = _DECIMALS.search(q.text)
    if match:
        return 0.5 * 10 ** -len(match.group(1)) * _scale_factor(q)
    if converted:
        return 0.5 * _scale_factor(q)
    return 0.0


def _scale_factor(q: Quantity) -> float:
    """How much one stated unit is worth in ``value`` ("1.2bn": 1e9)."""
    match = _LEADING.search(q.text)
    if not match or q.value is None:
        return 1.0
    try:
        stated = float(match.group(0).replace(",", ""))
    except ValueError:
        return 1.0
    if stated == 0:
        return 1.0
    ratio = q.value / stated
    return ratio if ratio >= 1 else 1.0


def comparable(qa: Quantity, qb: Quantity, a: Claim | None = None, b: Claim | None = None) -> bool:
    """Same dimension, same kind (level/change), same measured thing and subject."""
    if qa.dimension is None or qa.dimension != qb.dimension:
        return False
    if qa.kind != qb.kind:
        return False
    if qa.dimension in ("percent", "currency") or qa.canonical_unit in (None, "count"):
        if (qa.canonical_unit or qa.unit) != (qb.canonical_unit or qb.unit):
            return False
    if not qa.measured or not qb.measured or qa.measured != qb.measured:
        return False
    subject_a, subject_b = getattr(qa, "subject", None), getattr(qb, "subject", None)
    if subject_a and subject_b and subject_a != subject_b:
        return False
    if qa.kind == "change" and qa.change and qb.change and qa.change != qb.change:
        return False
    return True


def disjoint(qa: Quantity, qb: Quantity) -> bool:
    """True when no value satisfies both statements, after tolerances."""
    converted = qa.unit != qb.unit
    a_low, a_high = interval(qa, converted=converted)
    b_low, b_high = interval(qb, converted=converted)
    scale = max(abs(a_low), abs(a_high), abs(b_low), abs(b_high), 1e-12)
    if not math.isfinite(scale):
        scale = max((abs(x) for x in (a_low, a_high, b_low, b_high) if math.isfinite(x)), default=1.0)
    eps = EPSILON * scale
    return a_high + eps < b_low or b_high + eps < a_low


def describe(q: Quantity) -> str:
    """A short reading of a quantity for explanations: '32 ships', 'about 60%'."""
    text = q.text
    if q.measured and q.measured.split()[-1] not in text.lower():
        text = f"{text} ({q.measured})"
    return text
