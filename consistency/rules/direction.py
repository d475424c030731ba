"""Direction rules: the same change reported going opposite ways."""

from __future__ import annotations

from typing import Iterable, Iterator, Sequence

from ..parsing import parsed
from ..records import Claim
from ..wordnet import SAME, next_to, relation
from .base import Rule, Verdict, register, spans
from .compare import SAME_MEASURE, PairContext, alignment
from .frames import Frame, frames, key
from .moves import SAME_WHAT_SIM, base_at, members_differ, moves, opposed, same_move, written_alike


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

    Moves read from the parse with or without a number (`consistency.rules.moves`)
    are compared too: "house prices slipped in October" vs "house prices increased
    in October", "shares fell 12%" vs "the stock jumped 12%" (or "rose 5%": heads one step apart in
    WordNet, `wordnet.next_to`, whose phrases agree), "dropped 8%" vs "handled
    8% more passengers than the year before", what moved compared by meaning;
    a verb's direction from WordNet when it is no change word ("waits lengthened"),
    and a count of people doing a thing as a move of that activity ("fewer households
    applied for grants than in May" vs "the number of households applying rose").

    Not flagged: changes of different things ("exports rose" vs "imports fell"; two named
    measures of other heads, each with its own amount: "house prices rose 4%" vs "home sales fell
    by a fifth"; one head narrowed by two members of one family: "salmon landings" vs "trout
    landings"),
    changes on different explicit dates ("rose on Monday" vs "fell on Tuesday") or
    against different bases ("down on the month" vs "up on the year"), a part
    against the whole ("prices in one district fell" vs "prices across the country
    rose"), moves that are negated or forecast ("is expected to fall").
    """

    code = "DIR001"
    name = "direction-mismatch"
    groups = ("numeric", "direction")
    severity = "error"

    def parses(self, pairs: Sequence[tuple[Claim, Claim]]) -> Iterator[Claim]:
        """The claims `check` will parse for ``pairs``: the first claim of a pair when one has a
        word that can name a move up and the other one down (`moves.opposed`), the second once the
        first, parsed, holds a move."""
        for a, b in pairs:
            if opposed(a, b):
                yield a
                if parsed(a.text) and moves(a):
                    yield b

    def check(self, a: Claim, b: Claim, ctx: PairContext | None = None) -> Iterable[Verdict]:
        ctx = ctx or PairContext()
        if (found := self._numeric(a, b, ctx)) is not None:
            yield found
            return
        if not opposed(a, b) or not moves(a):
            return
        best = None
        for x in moves(a):
            for y in moves(b):
                if x.direction == y.direction:
                    continue
                same = same_move(x, y, ctx)
                if same and (best is None or same > best[0]):
                    best = (same, x, y)
        if best is not None:
            same, x, y = best
            yield Verdict(
                spans_a=spans((x.start, x.end, x.text, f"moved {x.direction}")),
                spans_b=spans((y.start, y.end, y.text, f"moved {y.direction}")),
                explanation=f"{x.what}: {x.direction} ({x.text}) vs {y.direction} ({y.text})",
                key_a=f"direction|{x.direction}",
                key_b=f"direction|{y.direction}",
                confidence=same,
            )

    def _numeric(self, a: Claim, b: Claim, ctx: PairContext) -> Verdict | None:
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
                if _other_heads(fa, fb, ctx):
                    continue  # "house prices rose 4%" / "home sales fell a fifth": other measures
                if (base_a := base_at(a, fa.q.start)) and (base_b := base_at(b, fb.q.start)) and base_a != base_b:
                    continue  # "fell 0.4% on the month" / "up 2% on the year": both hold
                what = fa.slots.measure or fb.slots.measure or "the measure"
                return Verdict(
                    spans_a=spans((fa.q.start, fa.q.end, fa.q.text, key(fa))),
                    spans_b=spans((fb.q.start, fb.q.end, fb.q.text, key(fb))),
                    explanation=f"{what}: {fa.q.change} {fa.q.text} vs {fb.q.change} {fb.q.text}",
                    key_a=f"{fa.q.dimension}|{fa.q.change}",
                    key_b=f"{fb.q.dimension}|{fb.q.change}",
                    confidence=same,
                )
        return None


def _other_heads(fa: Frame, fb: Frame, ctx: PairContext) -> bool:
    """Both frames name their measure, WordNet does not make their heads one (`wordnet.relation`) nor
    put them one step apart with the rest of the phrases alike (`wordnet.next_to`, `moves.written_alike`), and
    no equal amount of measures at least `moves.SAME_WHAT_SIM` alike ties them: the test
    `moves.same_move` makes of moves, for numeric changes ("house prices rose 4%" / "sales of homes
    fell by a fifth"; "visitor numbers rose 6%" / "freight tonnages fell 6%"); or one head narrowed
    by different members of one family (`moves.members_differ`: "barley yields" / "wheat yields"),
    whatever the amounts."""
    ma, mb = fa.slots.measure, fb.slots.measure
    sa, sb = fa.slots, fb.slots
    if sa.modified and sa.modified == sb.modified and members_differ(sa.modifiers, sb.modifiers):
        return True  # "barley yields rose 4%" / "wheat yields were down 4 per cent": two crops
    if not ma or not mb or relation(ma, mb, "n") == SAME:
        return False
    if next_to(ma, mb) and written_alike(ma, ma.split()[-1], mb, mb.split()[-1], ctx) >= SAME_WHAT_SIM:
        return False  # "Vornak Energy stock" / "Vornak Energy shares": heads one step apart, as `moves.same_move` reads them
    return (fa.q.value, fa.q.dimension) != (fb.q.value, fb.q.dimension) or ctx.sim(ma, mb) < SAME_WHAT_SIM
