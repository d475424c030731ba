"""Direction rules: the same change reported going opposite ways."""

from __future__ import annotations

from typing import Iterable

from ..records import Claim
from .base import Rule, Verdict, register, spans


@register
class DirectionMismatch(Rule):
    """Two claims report the same measure changing in opposite directions.

    Flags a pair when both claims state a change (kind "change") of the same
    measured thing and dimension, one up and one down: "exports rose 3%" vs
    "exports fell 2%", "the bank raised rates by 25 basis points" vs "the bank
    cut rates by 25 basis points".

    Example::

        Exports rose 3% in October.
        Exports fell 2% in October.
        -> exports: up 3% vs down 2%

    Not flagged: changes of different things ("exports rose" vs "imports fell"),
    a level and a change, or changes over different dates.
    """

    code = "DIR001"
    name = "direction-mismatch"
    groups = ("numeric", "direction")
    severity = "error"

    def check(self, a: Claim, b: Claim) -> Iterable[Verdict]:
        for qa in a.quantities:
            if qa.kind != "change" or not qa.change or not qa.measured:
                continue
            for qb in b.quantities:
                if (qb.kind == "change" and qb.change and qb.change != qa.change
                        and qb.measured == qa.measured and qb.dimension == qa.dimension):
                    ka = f"{qa.measured}|{qa.change}"
                    kb = f"{qb.measured}|{qb.change}"
                    yield Verdict(
                        spans_a=spans((qa.start, qa.end, qa.text, ka)),
                        spans_b=spans((qb.start, qb.end, qb.text, kb)),
                        explanation=f"{qa.measured}: {qa.change} {qa.text} vs {qb.change} {qb.text}",
                        key_a=ka,
                        key_b=kb,
                    )
                    return
