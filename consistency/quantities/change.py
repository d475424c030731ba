"""Bounds ("more than", "up to", "about") and stated changes ("rose 15%", "down 90%").

`bound_before` / `bound_after` read how an interval is stated around a number;
`change_before` reads the direction of a stated change and whether the number is
the amount of change ("rose 15%", "by 50 basis points") or a level reached or left
("to 5.25%", "from 6.45%").
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Literal

from consistency.records import Bound, Direction, QuantityKind
from consistency.wordnet import noun_not_past, noun_polarity, particle_moves

#: Relative half-width used to widen approximate numbers ("about 30" -> [27, 33]).
APPROX_TOLERANCE = 0.1

_LOWER = (
    "more than", "greater than", "higher than", "larger than", "over", "above", "at least", "in excess of",
    "upwards of", "upward of", "north of", "no fewer than", "no less than", "not less than", "a minimum of",
    "well over", "just over", "well above", "just above", "over than", "exceeding", "beyond", "a record",
    "as many as", "as much as", "more then", ">", "≥", ">=",
)
_UPPER = (
    "less than", "fewer than", "lower than", "under", "below", "up to", "at most", "no more than",
    "not more than", "a maximum of", "just under", "just below", "well under", "well below", "shy of",
    "within", "as little as", "as few as", "maximum", "sub", "<", "≤", "<=",
)
_APPROX = (
    "about", "around", "roughly", "approximately", "approx.", "approx", "some", "nearly", "almost",
    "close to", "circa", "c.", "an estimated", "estimated", "an approximate", "~", "≈", "±", "just about",
    "somewhere around", "more or less", "in the region of", "the equivalent of", "barely", "near", "an average of",
    "averaging", "on average",
)
#: Approximations that stop short of the number ("nearly 60" is a little under 60).
SHORT_OF = {"nearly", "almost", "barely", "close to", "just shy of"}
#: Bound words that are not interval statements in our frame ("as many as 14" is 14; "a record 32").
_NOT_BOUNDS = {"as many as", "as much as", "a record", "an average of", "averaging", "on average", "the equivalent of", "near"}
_KIND: dict[str, Bound] = {
    **{w: "lower" for w in _LOWER},
    **{w: "upper" for w in _UPPER},
    **{w: "approx" for w in _APPROX},
}


def _words_re(words: list[str]) -> str:
    return "|".join(
        (r"(?<![\w])" if w[0].isalnum() else "") + re.escape(w).replace(r"\ ", r"\s+") for w in sorted(words, key=len, reverse=True)
    )


_BOUND_BEFORE_RE = re.compile(
    r"(?P<w>" + _words_re(list(_KIND)) + r")(?:[ \u00a0]+|(?<=[~≈<>≤≥±])|(?<=sub)-|-)?$",
    re.I,
)
_BOUND_AFTER_RE = re.compile(
    r"(?:\s*(?P<w>or\s+so|or\s+more|or\s+higher|or\s+above|or\s+less|or\s+fewer|or\s+lower|or\s+below|plus(?![\w])|\+|-?ish(?![\w])|odd(?![\w])))",
    re.I,
)
_AFTER_KIND: dict[str, Bound] = {
    "or so": "approx", "ish": "approx", "-ish": "approx", "odd": "approx", "or more": "lower", "or higher": "lower",
    "or above": "lower", "plus": "lower", "+": "lower", "or less": "upper", "or fewer": "upper",
    "or lower": "upper", "or below": "upper",
}


@dataclass(frozen=True, slots=True)
class BoundMatch:
    """A bound phrase: its kind, where it starts and the phrase itself (lowercase)."""

    bound: Bound
    start: int
    phrase: str


def bound_before(text: str, start: int) -> BoundMatch | None:
    """The bound phrase ending right before ``start`` ("more than 6,000", "sub-7", "~25")."""
    m = _BOUND_BEFORE_RE.search(text, max(0, start - 24), start)
    if not m:
        return None
    phrase = re.sub(r"\s+", " ", m["w"].lower())
    if phrase == "up to" and _RUN_UP_RE.search(text, max(0, m.start() - 12), m.start()):
        return None  # "the lead up to 3G", "in the run-up to 2,000 entries": a time before, not a bound
    if phrase in _NOT_BOUNDS:
        return BoundMatch("exact", m.start(), phrase)
    if phrase in ("some", "near", "within", "maximum") and not _number_follows_word(text, m.end()):
        return None
    kind = _KIND[phrase]
    if phrase in _COMPARATIVES and _NEGATED_RE.search(text, max(0, m.start() - 30), m.start()):
        kind = "upper" if kind == "lower" else "lower"  # "try not to spend more than 10%": at most 10%
    return BoundMatch(kind, m.start(), phrase)


#: Comparisons a negated verb turns round ("did not kill more than 10" is at most 10).
_COMPARATIVES = frozenset({"more than", "greater than", "higher than", "larger than", "over", "above",
                           "less than", "fewer than", "lower than", "under", "below"})
#: A negation right before the comparison, with at most "to" and one verb between ("not to use",
#: "didn't spend", "never"); not across "whether", "that" or "only" ("not clear whether more than").
_NEGATED_RE = re.compile(
    r"(?:(?<![\w])(?:not|never)|n't)[ \u00a0]+(?:to[ \u00a0]+)?"
    r"(?:(?!(?:whether|if|that|only|just|clear|sure|known|because|when|since|yet|even|all|be|been|being)[ \u00a0])"
    r"[a-z]+[ \u00a0]+)?$",
    re.I,
)


_RUN_UP_RE = re.compile(r"(?<![\w])(?:lead|leading|run|build)[ \u00a0-]?$", re.I)


def _number_follows_word(text: str, end: int) -> bool:
    return end < len(text) and (text[end].isdigit() or text[end] in "$£€")


#: A bound that closes the number's phrase, after "and" or after what the number is of ("4% and
#: less", "ages 18 and up", "4% of cotton or less"): only where the clause ends right after it,
#: so "and more importantly" is no bound.
_BOUND_CLOSING_RE = re.compile(
    r"(?:[ \u00a0]+of[ \u00a0]+[\w'’-]+(?:[ \u00a0]+[\w'’-]+)?)?[ \u00a0]+(?P<c>and|or)[ \u00a0]+"
    r"(?P<w>less|fewer|lower|below|under|more|higher|above|over|up)(?=[ \u00a0]*(?:[,.;:!?)]|--|–|—|$))",
    re.I,
)
_CLOSING_KIND: dict[str, Bound] = {
    **{w: "upper" for w in ("less", "fewer", "lower", "below", "under")},
    **{w: "lower" for w in ("more", "higher", "above", "over", "up")},
}


def bound_after(text: str, end: int) -> tuple[Bound, int] | None:
    """A bound written after the number ("30 or so", "60-plus", "100+", "4% of cotton and less")."""
    m = _BOUND_AFTER_RE.match(text, end)
    if not m:
        closing = _BOUND_CLOSING_RE.match(text, end)
        return (_CLOSING_KIND[closing["w"].lower()], end) if closing else None
    phrase = re.sub(r"\s+", " ", m["w"].lower())
    return _AFTER_KIND[phrase], m.end()


#: The words of change by direction, read on raw text (`change_before` runs before any parse) and
#: by `rules.moves` first. Measured against WordNet (`wordnet.polarity`, session 39): of the
#: verb forms here, WordNet's senses give 117 the same direction, none the other, and none to 28
#: lemmas ("decline", "jump", "slip", "gain", "lose", "rally", "slide", "sink", "tank", ...: their
#: change sense is not among their first three or not below "increase"/"decrease"), among them the
#: verbs of voices3's found DIR001 pairs ("jumped", "declined", "slipped"); so the list stays, and
#: `rules.moves` reads WordNet only for verbs it does not hold ("lengthened", "widened").
_UP = (
    "rose", "rise", "rises", "rising", "risen", "up", "gained", "gain", "gains", "gaining", "jumped", "jump",
    "jumps", "jumping", "climbed", "climb", "climbs", "climbing", "increased", "increase", "increases",
    "increasing", "grew", "grow", "grows", "growing", "grown", "advanced", "advance", "advances", "advancing",
    "added", "adding", "adds", "surged", "surge", "surges", "surging", "soared", "soar", "soars", "soaring",
    "rallied", "rally", "rallies", "rebounded", "rebound", "boosted", "boost", "boosts", "raised", "raise",
    "raises", "raising", "lifted", "lift", "lifts", "hiked", "hike", "hikes", "hiking", "higher", "widened",
    "expanded", "expand", "expands", "accelerated", "spiked", "improved", "improve", "improves", "appreciated",
    "firmed", "swelled", "ballooned", "doubled", "tripled", "trending", "recovered", "upward", "upwards",
    "rebounding", "boosting", "lifting", "widening", "expanding", "accelerating", "spiking", "improving",
    "doubling", "tripling", "recovering", "rallying", "firming", "swelling", "ballooning",
)
_DOWN = (
    "fell", "fall", "falls", "falling", "fallen", "down", "dropped", "drop", "drops", "dropping", "declined",
    "decline", "declines", "declining", "decreased", "decrease", "decreases", "decreasing", "lost", "lose",
    "loses", "losing", "shed", "sheds", "shedding", "slid", "slide", "slides", "sliding", "slipped", "slip",
    "slips", "slumped", "slump", "slumps", "plunged", "plunge", "plunges", "plummeted", "plummet", "tumbled",
    "tumble", "tumbles", "sank", "sink", "sinks", "sunk", "dipped", "dip", "dips", "dived", "dive", "eased",
    "ease", "eases", "cut", "cuts", "cutting", "reduced", "reduce", "reduces", "reducing", "lowered", "lower",
    "contracted", "contract", "contracts", "shrank", "shrink", "shrinks", "shrunk", "narrowed", "retreated",
    "weakened", "slowed", "slow", "tanked", "crashed", "sagged", "shaved", "trimmed", "slashed", "slash",
    "halved", "shaving", "wiping", "wiped", "knocking", "knocked", "downward", "downwards",
    "plummeting", "plummets", "tumbling", "sinking", "dipping", "diving", "slumping", "slipping", "plunging",
    "shrinking", "narrowing", "retreating", "weakening", "slowing", "tanking", "crashing", "sagging",
    "trimming", "slashing", "halving", "contracting", "lowering", "easing",
)
_DIRECTION: dict[str, Direction] = {**{w: "up" for w in _UP}, **{w: "down" for w in _DOWN}}


def direction_of(word: str) -> Direction | None:
    """The direction a change word names ("cut": down, "raised": up), None for any other word."""
    return _DIRECTION.get(word.lower())


#: Words allowed between a change verb and its number ("rose by a further", "fell some").
_FILLER = {
    "further", "another", "additional", "extra", "of", "just", "only", "marginally",
    "sharply", "slightly", "steeply", "modestly", "strongly", "nearly", "almost", "about", "around", "roughly",
    "some", "approximately", "more", "than", "over", "less", "under", "at", "least", "fully", "as", "much",
    "many", "total", "average", "estimated", "well", "close", "edged", "inched", "ticked", "went", "moved",
    "crept", "picked", "shot", "was", "were", "is", "are", "has", "have", "had", "been", "also",
}
_CLAUSE_END = re.compile(r"[.;:!?]\s|[()\[\]]|,\s(?:and|but|while|whereas|with)\b|\b(?:while|whereas|but)\b")
_TOKEN_RE = re.compile(r"[A-Za-z]+|\S")
#: How far left a level ("to 164p") looks for the verb of its clause, in tokens.
_LEVEL_REACH = 12
#: Words of an object between a verb and "by" ("cut interest rates by 50 basis points").
_OBJECT_REACH = 3
LevelMark = Literal["to", "from", "at"]


@dataclass(frozen=True, slots=True)
class ChangeMatch:
    """The change verb governing a number.

    ``direction`` is the verb's direction; ``kind`` is "change" when the number is
    the amount of change and "level" otherwise; ``level`` says how a level is
    introduced ("to", "from", "at"); ``verb_start`` locates the verb (for the subject).
    ``nominal`` is True when the change is a noun followed by "of" ("a combined cut
    of 120,000 tonnes", "an increase of 4,200 nurses") rather than a verb ("cut 120,000").
    """

    direction: Direction | None
    kind: QuantityKind
    verb_start: int | None = None
    level: LevelMark | None = None
    nominal: bool = False


def change_before(text: str, start: int) -> ChangeMatch:
    """Read the change verb governing the number that starts at ``start``.

    Scans left inside the clause: a direction word reached through filler words
    ("rose by a further 2%") makes the number an amount of change; "to"/"at"/"from"
    first make it a level reached or left, and the scan goes on past the amount
    ("rose 6.5% to 164p": 164p is a level reached by a rise).
    """
    left = text[max(0, start - 120): start]
    offset = start - len(left)
    cut = None
    for cut in _CLAUSE_END.finditer(left):
        pass
    if cut is not None:
        offset += cut.end()
        left = left[cut.end():]
    tokens = [(m.group(), offset + m.start()) for m in _TOKEN_RE.finditer(left)]
    level: LevelMark | None = None
    i = len(tokens) - 1
    steps = 0
    object_words = 0
    by = False
    while i >= 0 and steps < _LEVEL_REACH:
        word, pos = tokens[i]
        low = word.lower()
        steps += 1
        if low == "to" and i > 0 and tokens[i - 1][0].lower() == "up":
            i -= 2
            continue
        if low in ("to", "at", "from") and level is None:
            level = low  # type: ignore[assignment]
        elif low in _DIRECTION and not phrasal(text, pos) and not _in_name(tokens, i):
            nominal = i + 1 < len(tokens) and tokens[i + 1][0].lower() == "of"
            return ChangeMatch(_DIRECTION[low], "level" if level else "change", pos, level, nominal)
        elif low == "by":
            by = True
        elif low[0].isalpha() and low not in _FILLER and level is None:
            if not by or object_words >= _OBJECT_REACH:
                break
            object_words += 1
        i -= 1
    return ChangeMatch(None, "level", None, level)


def _in_name(tokens: list[tuple[str, int]], i: int) -> bool:
    """Whether the capitalised word ``tokens[i]`` ends a name of capitalised words that a lowercase
    word opens ("held on to Kestrel Down by", "near Marsh Rise"): part of the name, not a change
    verb; a title-case headline ("Retail Sales Rose 3%") has no lowercase word before its name."""
    return (i >= 2 and tokens[i][0][:1].isupper() and tokens[i - 1][0][:1].isupper() and tokens[i - 1][0].isalpha()
            and tokens[i - 2][0].isalpha() and tokens[i - 2][0].islower())


_MARKET_CLOSE_RE = re.compile(r"(?:close|closed|closes|closing|end|ended|ends|ending|finished|finish)\s+(?:up|down)$", re.I)
_MARKET_MOVE_RE = re.compile(
    r"[ \u00a0]+(?:[$€£¥][ \u00a0]?\d|[-+]?\d[\d.,]*[ \u00a0]?(?:%|per[ \u00a0-]?cent|percent|points?|pts|p\b|cents?|pence))", re.I
)
#: The word before "up" / "down" (the verb they may be the particle of).
_BEFORE_PARTICLE_RE = re.compile(r"([A-Za-z]+)[ \u00a0]+(up|down)$", re.I)


def phrasal(text: str, pos: int) -> bool:
    """"shut down", "set up", "came up": up/down as particles of a verb of another act, not a change.

    Read from WordNet, not a word list (`wordnet.particle_moves`): the verb it lists for the word
    before and the particle together is another act when its first sense is neither a change of
    amount or height ("come down", "go up", "cut down") nor a motion ("picked up", "edged up"); a
    pair WordNet does not list as one verb ("were up", "rents down") is no phrasal verb.
    """
    end = pos + (2 if text[pos: pos + 2].lower() == "up" else 4)
    if _MARKET_CLOSE_RE.search(text, max(0, pos - 12), end) and _MARKET_MOVE_RE.match(text, end):
        return False  # "the index closed down 2%": a market move, not "closed down" a shop
    m = _BEFORE_PARTICLE_RE.search(text, max(0, pos - 20), end)
    return bool(m) and particle_moves(m[1], m[2]) is False


#: A figure in a noun phrase ("a 4% pay cut", "the £3m drop in profits"): an article or possessive
#: right before it, at most one modifier between it and the head noun, then the head and what follows.
_NOUN_PHRASE_BEFORE_RE = re.compile(r"(?<![\w])(?:a|an|the|its|their|his|her|our|this|that|another)[ \u00a0]+$", re.I)
_WORD_AFTER_RE = re.compile(r"[ \u00a0]+([a-z][a-z-]*)")
_IN_AFTER_RE = re.compile(r"[ \u00a0]+in[ \u00a0]+([a-z][a-z-]*)")


@dataclass(frozen=True, slots=True)
class NounChange:
    """A figure that is the amount of a change named by the noun after it ("a 4% pay cut")."""

    direction: Direction
    noun_start: int
    measured: str | None  # the modifier ("pay") or the noun of "in X" ("in visitors"), as written


def change_after(text: str, start: int, end: int) -> NounChange | None:
    """The noun of change a figure modifies: "a 4% pay cut", "a 35% increase in visitors".

    The figure opens a noun phrase (an article or possessive right before it) and its head noun,
    next or after one modifier, names a change: a word of `direction_of` ("cut", "rise", "drop") or a
    noun WordNet reads as one (`wordnet.noun_polarity`: "reduction": reduce, "growth": grow), as
    `rules.moves` reads them, written as a noun (`wordnet.noun_not_past`: not "a 20% stake fell").
    The figure is then the amount of that change, as after a verb ("pay was cut 4%"); a figure
    joined to its noun ("a 10-year decline") is a duration, not an amount.
    """
    if not _NOUN_PHRASE_BEFORE_RE.search(text, max(0, start - 12), start):
        return None
    first = _WORD_AFTER_RE.match(text, end)
    if first is None:
        return None
    second = _WORD_AFTER_RE.match(text, first.end())
    for mod, m in ((None, first), (first[1], second)):
        if m is None or m[1].isalpha() is False:
            continue
        noun = m[1]
        direction = direction_of(noun) or (noun_polarity(noun) if len(noun) > 3 else None)
        if direction is None or not noun_not_past(noun):
            continue
        if mod is not None and direction_of(mod):
            return None
        follows = _IN_AFTER_RE.match(text, m.end())
        return NounChange(direction, m.start(1), mod or (follows[1] if follows else None))
    return None
