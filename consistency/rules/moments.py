"""Figures that hold at a moment, and the moment each one holds at.

Some figures describe a state at an instant rather than an amount of something that happened:

- an amount of time **remaining** ("with three minutes left", "28 days remaining in office",
  "eight minutes to go") reads a clock at the moment its sentence names (a play, a point of a
  term). It is a time offset, counted back from the end of what remains (`remaining`, read into
  `slots.Slots.offset`), so it is no rival for a span of time ("a 10-second runoff", "take effect
  in 45 days": `compare.apart`, "a time offset against a duration"); and two readings are rivals
  only when they are of one moment: a report that reads the clock at several moments (another
  reading of another value in its article, `_several_moments`) tells a game play by play, and its
  reading cannot be told to be the one the other outlet gives for its own play;
- a **level told with its change** ("fell $1.80 to close at $31.20") implies the level before the
  change ($33.00, `previous_level`): two such levels (or changes) whose earlier levels differ are
  of different periods, two trading days, and no rivals; the same earlier level with different
  levels is one close told two ways and still conflicts.

`apart` gives the reason, '' when there is none; `compare.apart` calls it for found pairs.
"""

from __future__ import annotations

from ..parsing import Parse, Token, parse

#: `compare.apart`'s reasons.
OTHER_MOMENT = "readings of different moments"
OTHER_PERIOD = "levels of different periods"

#: The verbs that make an amount an amount remaining: "left" ("12 seconds left", "were left"),
#: "remain" ("39 days remaining", "45 seconds remained") and "to go" ("three minutes to go").
#: English's closed class of them, not a tuned list (`remaining`).
_REMAIN = frozenset({"leave", "remain"})


def remaining(p: Parse, anchor: Token) -> bool:
    """The number (``anchor``: the token its phrase hangs from, its unit noun for "12 seconds") is
    an amount remaining at a moment: a participle after it says so ("12 seconds left", "39 days
    remaining in office", "three minutes to go"), or it is the subject of one ("only 45 seconds
    remained when ...", "with 2:30 remaining", "10 seconds were left"). Not a participle before it
    ("the remaining 10 minutes": a span), nor "left" as a verb the number is the object of ("the
    blast left 12 dead")."""
    for k in p.children(anchor.i):
        if k.i < anchor.i or k.dep not in ("acl", "amod", "relcl"):
            continue
        if k.lemma in _REMAIN and k.tag in ("VBN", "VBG") and not (k.lemma == "leave" and k.tag == "VBG"):
            return True
        if k.lemma == "go" and any(c.dep == "aux" and c.low == "to" for c in p.children(k.i)):
            return True
    if anchor.dep in ("nsubj", "nsubjpass") and anchor.head != anchor.i:
        head = p.tokens[anchor.head]
        return head.lemma == "remain" or head.lemma == "leave" and anchor.dep == "nsubjpass"
    return False


def reads_clock(f) -> bool:
    """``f`` (a `frames.Frame`) is an amount of time remaining (`remaining`)."""
    if f.q.dimension != "time" or not f.slots.offset:
        return False
    p = parse(f.claim.text)
    anchor = p.head_in(f.q.start, f.q.end)
    return anchor is not None and remaining(p, anchor)


def _several_moments(f, articles: dict) -> bool:
    """The article of ``f`` (its claims in ``articles``) reads the clock at another moment too:
    another amount remaining (`reads_clock`) of another value."""
    from .frames import disjoint, frames

    for c in articles.get(f.claim.doc_key, ()):
        if not c.quantities:
            continue
        for g in frames(c):
            if (c.id, g.q.start) != (f.claim.id, f.q.start) and reads_clock(g) and disjoint(f, g):
                return True
    return False


def previous_level(f) -> tuple[float, float] | None:
    """The level before the change that ``f``'s claim reports with it, for a level or a change of
    such a pair: "fell $1.80 to close at $31.20", "gained 45 cents to finish at $29.75", "dropped
    $2.10 ..., ending the session at $30.90". The claim holds exactly one change and one level
    of ``f``'s family, the change has a direction, and the level's clause hangs from the change's
    verb (its phrase or a clause of it). The interval is the level's minus the change's, both
    widened by their rounding (`tolerance.interval`); None when the claim does not say."""
    from .frames import frames
    from .tolerance import interval

    if f.q.dimension in (None, "count", "date", "time", "percent", "percentage point"):
        return None  # a count, a share or a time is no price or index level told with its move
    mine = [g for g in frames(f.claim) if g.family == f.family]
    changes = [g for g in mine if g.q.kind == "change"]
    levels = [g for g in mine if g.q.kind == "level"]
    if len(changes) != 1 or len(levels) != 1:
        return None
    change, level = changes[0], levels[0]
    if change.q.change not in ("up", "down") or not _under(change, level):
        return None
    c_low, c_high = interval(change, converted=False)
    l_low, l_high = interval(level, converted=False)
    if change.q.change == "down":
        return l_low + c_low, l_high + c_high
    return l_low - c_high, l_high - c_low


def _under(change, level) -> bool:
    """The level's phrase hangs from the change's verb, within a few steps ("dropped $2.49 to close
    at $46.64": at, close, dropped), or both hang from one verb ("fell 120 points to 9,850")."""
    p = parse(change.claim.text)
    c, lv = p.head_in(change.q.start, change.q.end), p.head_in(level.q.start, level.q.end)
    if c is None or lv is None:
        return False
    verbs = [t for t in [c, *p.ancestors(c.i)][:3] if t.pos in ("VERB", "AUX")][:1]
    return bool(verbs) and any(t.i == verbs[0].i for t in p.ancestors(lv.i)[:5])


def apart(fa, fb, ctx) -> str:
    """The reason two frames of a found pair hold at different moments, '' when nothing says so:
    two amounts remaining of which a side's article reads the clock at several moments
    (`OTHER_MOMENT`), or two levels (or changes) whose claims imply different earlier levels
    (`OTHER_PERIOD`)."""
    from .frames import disjoint

    if fa.q.dimension == "time":
        if ctx is not None and ctx.articles and reads_clock(fa) and reads_clock(fb) and disjoint(fa, fb) and (
                _several_moments(fa, ctx.articles) or _several_moments(fb, ctx.articles)):
            return OTHER_MOMENT
        return ""
    base_a = previous_level(fa)
    base_b = base_a and previous_level(fb)
    if base_a and base_b and (base_a[1] < base_b[0] or base_b[1] < base_a[0]):
        return OTHER_PERIOD
    return ""
