"""Scorelines: "won 3-1", "lost 1-3", "a 9-2 lead", "tied 89-89".

A dash between two small integers with no unit after them is a score when it
does not ascend, or when a result word ("won", "beat", "lead") comes before it, or when
nothing is counted after it and no range word ("between", "about") comes before it (a
win-loss record: "slipped to 3-9", "the Herons (4-7)");
it is neither a range nor a date. Each is read as a quantity of ``dimension``
"score" whose ``score`` is (the subject's points, the other side's points),
read with the result word: the winner of "won 3-1" and of "won 1-3" scored 3,
the loser of "lost 1-3" and of "lost 3-1" scored 1. ``outcome`` is "won",
"lost" or "tied" when a result word says so. Scores carry no interval the
numeric rules compare (``value`` None, open bounds): the statement rules read
them.
"""

from __future__ import annotations

import math
import re

from consistency.quantities.draft import Draft
from consistency.quantities.measured import counted_noun
from consistency.quantities.money import currency_after
from consistency.quantities.numbers import Number
from consistency.quantities.units import Unit, match_unit

SCORE = Unit("score", "score")
_SCORE_RE = re.compile(
    r"(?<![\w.,$£€/-])(?P<a>\d{1,3})[ \u00a0]?[-–][ \u00a0]?(?P<b>\d{1,3})(?![\w,/]|[ \u00a0]?[/⁄]|\.\d|[-–]\d)"
)
_SPORTS_RE = re.compile(
    r"(?<![\w])(?P<w>won|win|wins|beat|beats|beating|lost|lose|loses|losing|drew|draw|tied|tie|lead|leads|led|"
    r"leading|victory|defeat|defeated|score|scored|scoreline|aggregate|trailing|trailed|down|at|a|an)"
    r"(?:[ \u00a0]+(?:the[ \u00a0]+)?[A-Z][\w'’.-]*(?:[ \u00a0]+[A-Z][\w'’.-]*){0,2})?[ \u00a0]+$",
    re.I,
)
_RESULT_AFTER_RE = re.compile(r"[ \u00a0]+(?P<w>lead|win|victory|defeat|loss|draw|tie)\b", re.I)
#: Result words: (which side the subject is on: the higher score, the lower, or level; the outcome).
_RESULTS: dict[str, tuple[str, str | None]] = {
    **{w: ("high", "won") for w in "won win wins beat beats beating victory defeated".split()},
    **{w: ("low", "lost") for w in "lost lose loses losing defeat loss".split()},
    **{w: ("tie", "tied") for w in "drew draw tied tie".split()},
    **{w: ("high", None) for w in "lead leads led leading".split()},
    **{w: ("low", None) for w in "trailing trailed down".split()},
}


#: A win-loss-tie record ("a record of 13-17-2"): three small integers joined by dashes.
_RECORD_RE = re.compile(r"(?<![\w.,$£€/(-])\d{1,3}[-–]\d{1,3}[-–]\d{1,3}(?![\w,/)]|\.\d|[-–])")


def score_spans(text: str) -> list[tuple[int, int]]:
    """Spans of scorelines (see the module doc) and of win-loss-tie records ("13-17-2"): neither
    is a range or a count."""
    return [(m.start(), m.end()) for m, _ in _scores(text)] + [(m.start(), m.end()) for m in _RECORD_RE.finditer(text)]


def scorelines(text: str) -> list[Draft]:
    """Each scoreline of ``text`` a result word reads ("won 3-1", "a 9-2 lead", "tied 2-2") as a
    draft quantity with its ``score`` and ``outcome``; a bare descending pair ("16-18 Main St",
    "at 89-89") stays only blocked as a score."""
    out = []
    for m, word in _scores(text):
        after = _RESULT_AFTER_RE.match(text, m.end())
        word = word if word in _RESULTS else after["w"].lower() if after else ""
        if not word:
            continue
        side, outcome = _RESULTS[word]
        a, b = float(m["a"]), float(m["b"])
        score = (max(a, b), min(a, b)) if side == "high" else (min(a, b), max(a, b)) if side == "low" else (a, b)
        number = Number(m.start(), m.end(), None, 0.0)
        draft = Draft(number, m.start(), m.end(), None, low=-math.inf, high=math.inf, bound="range", unit=SCORE)
        draft.score, draft.outcome = score, outcome
        out.append(draft)
    return out


def _scores(text: str):
    for m in _SCORE_RE.finditer(text):
        if match_unit(text, m.end()) or currency_after(text, m.end(), scaled=False, after_symbol=None):
            continue
        sports = _SPORTS_RE.search(text, max(0, m.start() - 40), m.start())
        if int(m["a"]) >= int(m["b"]) or sports or _bare_record(text, m):
            yield m, (sports["w"].lower() if sports else "")


#: Words that make a dash pair a range of an amount: "between 3-5", "about 10-12", "ages 4-7".
_RANGE_CUE_RE = re.compile(
    r"(?<![\w])(?:between|from|about|around|roughly|approximately|nearly|some|estimated|perhaps|maybe|"
    r"aged?|ages|of|for|by|in|within|than)[ \u00a0]+$",
    re.I,
)


def _bare_record(text: str, m: re.Match[str]) -> bool:
    """An ascending dash pair that counts nothing: no noun follows it and no range word comes
    before ("the Hawks slipped to 3-9", "the Herons (4-7)"): a win-loss record, not a range."""
    if counted_noun(text, m.end(), singular_count=False) is not None or _NUMBER_AFTER_RE.match(text, m.end()):
        return False
    return not _RANGE_CUE_RE.search(text, max(0, m.start() - 16), m.start())


_NUMBER_AFTER_RE = re.compile(r"[ \u00a0]*(?:[%$£€]|percent|per|times|of\b|or\b|more\b|million|billion|thousand|hundred|dozen)", re.I)
