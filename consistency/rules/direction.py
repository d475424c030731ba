"""Direction rules: the same change reported going opposite ways."""

from __future__ import annotations

from typing import Iterable

from ..records import Claim
from .base import Rule, Verdict, register, spans
from .compare import SAME_MEASURE, PairContext, alignment
from .frames import frames, key


@register
class DirectionMismatch(Rule):
    """Two claims report the same measure changing in opposite directions.

    Flags a pair when both claims state a numeric change (kind "change") of the
    same measure of the same subject at compatible times, one up and one down:
    "exports rose 3%" vs "exports fell 2%", "the bank raised rates by 25 basis
    points" vs "the bank cut rates by 25 basis points".

    Example::

        Brent crude rose 4% on Friday as traders weighed the risk to tankers.
        Brent crude fell 2% on Friday after insurers said traffic was resuming.
        -> Brent crude: up 4% vs down 2%

    Not flagged: changes of different things ("exports rose" vs "imports fell"),
    a level and a change, or changes on different explicit dates ("rose on
    Monday" vs "fell on Tuesday"). Changes stated without numbers are left to
    ANT001.
    """

    code = "DIR001"
    name = "direction-mismatch"
    groups = ("numeric", "direction")
    severity = "error"

    def check(self, a: Claim, b: Claim, ctx: PairContext | None = None) -> Iterable[Verdict]:
        ctx = ctx or PairContext()
        for fa in frames(a):
            if fa.q.kind != "change" or not fa.q.change:
                continue
            for fb in frames(b):
                if (fb.q.kind != "change" or not fb.q.change or fb.q.change == fa.q.change
                        or fb.q.dimension != fa.q.dimension):
                    continue
                same = alignment(fa, fb, ctx)
                if same < SAME_MEASURE:
                    continue
                what = fa.slots.measure or fb.slots.measure or "the measure"
                yield Verdict(
                    spans_a=spans((fa.q.start, fa.q.end, fa.q.text, key(fa))),
                    spans_b=spans((fb.q.start, fb.q.end, fb.q.text, key(fb))),
                    explanation=f"{what}: {fa.q.change} {fa.q.text} vs {fb.q.change} {fb.q.text}",
                    key_a=f"{fa.q.dimension}|{fa.q.change}",
                    key_b=f"{fb.q.dimension}|{fb.q.change}",
                    confidence=same,
                )
                return
