"""Numeric rules: values of the same measure that cannot both be true."""

from __future__ import annotations

from typing import Iterable

from ..records import Claim, Quantity
from .base import Rule, Verdict, register, spans
from .frames import comparable, describe, disjoint


def _span(q: Quantity, norm: str) -> tuple[int, int, str, str]:
    return (q.start, q.end, q.text, norm)


def _key(q: Quantity) -> str:
    return f"{q.measured}|{q.dimension}|{q.kind}|{q.change}|{q.low:g}..{q.high:g}"


@register
class NumericMismatch(Rule):
    """Two claims give incompatible values for the same measure of the same thing.

    Flags a pair when both claims state a quantity of the same dimension and
    measured thing ("32 ships" / "28 ships", "down 90%" / "down about 60%") and
    the two value intervals are disjoint after the tolerance for approximation
    ("about", "nearly"), bounds ("more than", "up to"), ranges and rounding.

    Example::

        Trump said all 32 of its ships were at the bottom of the ocean.
        Officials said 28 ships had been sunk.
        -> 32 ships vs 28 ships: values differ

    Not flagged: "about 30 ships" vs "32 ships" (within approximation);
    "13 miles" vs "21 km" (equal after conversion); "500 hospital beds" vs
    "320 clinic beds" (different things measured); a claim that also states a
    value consistent with the other side.
    """

    code = "NUM001"
    name = "numeric-mismatch"
    groups = ("numeric",)
    severity = "error"

    def check(self, a: Claim, b: Claim) -> Iterable[Verdict]:
        reported: set[tuple[str, str]] = set()
        for qa in a.quantities:
            partners = [qb for qb in b.quantities if comparable(qa, qb, a, b)]
            if not partners or any(not disjoint(qa, qb) for qb in partners):
                continue
            qb = partners[0]
            if any(not disjoint(qa2, qb) for qa2 in a.quantities if comparable(qa2, qb, b, a)):
                continue
            key = (_key(qa), _key(qb))
            if key in reported:
                continue
            reported.add(key)
            yield Verdict(
                spans_a=spans(_span(qa, _key(qa))),
                spans_b=spans(_span(qb, _key(qb))),
                explanation=f"{describe(qa)} vs {describe(qb)}: the values differ beyond rounding and approximation",
                key_a=key[0],
                key_b=key[1],
            )
