"""COR001: a claim that corrects another claim's figure."""

from __future__ import annotations

import math
from typing import Iterable

from ..records import Claim
from .base import Rule, Verdict, register, spans
from .compare import PairContext, comparable
from .frames import Frame, describe, frames, key, same_kind


def corrected(old: Frame, new: Frame) -> bool:
    """Whether ``new`` states that it replaces the value ``old`` gives ("revised from 8 to 6")."""
    q = new.q
    if q.corrects is None or q.value in (None, 0):
        return False
    ratio = new.low / q.value if math.isfinite(new.low) else 1.0
    earlier = q.corrects * ratio
    tolerance = 1e-9 + 1e-6 * abs(earlier)
    return old.low - tolerance <= earlier <= old.high + tolerance


def explains(fa: Frame, fb: Frame) -> bool:
    """Whether one frame corrects the other's value (the pair is a correction, not a conflict)."""
    return corrected(fa, fb) or corrected(fb, fa)


@register
class Correction(Rule):
    """A figure one claim reports and another claim says was corrected.

    Reported at info level with kind "correction", with both values: a figure
    stated as replacing an earlier one ("revised the toll from eight to six",
    "six, not eight as earlier reported", "corrected to six from eight") and a
    claim that gives the earlier figure for the same measure. The pair is not a
    conflict (NUM001 stays silent on it) and not an update.

    Example::

        Eight people were killed in the fire, police said.
        Police later revised the death toll from eight to six.
        -> death toll: 8 corrected to 6 (a correction, not a conflict)

    Not flagged: a claim giving the corrected value itself (they agree); a
    revision of a different measure; a claim whose figure is neither value
    (NUM001 compares it with the new value).
    """

    code = "COR001"
    name = "correction"
    groups = ("numeric", "correction")
    severity = "info"
    kind = "correction"

    def check(self, a: Claim, b: Claim, ctx: PairContext | None = None) -> Iterable[Verdict]:
        ctx = ctx or PairContext()
        for fa in frames(a):
            for fb in frames(b):
                for old, new, swap in ((fa, fb, False), (fb, fa, True)):
                    if not corrected(old, new) or not same_kind(old, new) or not comparable(old, new, ctx):
                        continue
                    what = new.slots.measure or old.slots.measure or "figure"
                    explanation = (f"{what}: {describe(old)} corrected to {describe(new)} "
                                   f"(a correction, not a conflict)")
                    sa = (old.q.start, old.q.end, old.q.text, key(old))
                    sb = (new.q.start, new.q.end, new.q.text, key(new))
                    if swap:
                        sa, sb = sb, sa
                    yield Verdict(spans_a=spans(sa), spans_b=spans(sb), explanation=explanation,
                                  key_a=sa[3], key_b=sb[3])
                    return
