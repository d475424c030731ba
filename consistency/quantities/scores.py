"""Scorelines: "won 3-1", "lost 1-3", "a 9-2 lead", "tied 89-89".

A dash between two small integers with no unit after them is a score when it
does not ascend, or when a result word ("won", "beat", "lead") comes before it, or when
nothing is counted after it and no range word ("between", "about") comes before it (a
win-loss record: "slipped to 3-9", "the Herons (4-7)");
it is neither a range nor a date. Each is read as a quantity of ``dimension``
"score" whose ``score`` is (the subject's points, the other side's points),
read with the result word: the winner of "won 3-1" and of "won 1-3" scored 3,
the loser of "lost 1-3" and of "lost 3-1" scored 1. ``outcome`` is "won",
"lost" or "tied" when a result word says so.

A **result** (a score with an ``outcome``: the final score of a game, the tally of a vote) is
one figure of that game or vote, which the numeric rules compare: "beat them 3-1", "voted 7-4",
"by nine votes to two", "three goals to nil", a result line naming both sides around the
dash ("Larks 2-0 Pikes") and one giving each side's points after its name ("Larks 2 Pikes 0").
Its value is the result read without its order (`result_value`:
the higher side's points times 1,000 plus the lower side's), so one result told two ways
("won 3-1" / "lost 1-3" / "three goals to one") is one value and two results are disjoint;
which side won is left to ANT001. A final score told with no side named ("by a score of 17-14",
"a scoreline of 2-1") is a result too, its two sides as written: found on VitaminC dev half a,
where revisions of a sentence move a final score (+2 conflicts, no false alarm). A win-loss
record ("a 9-1 record") is left unread: it runs through a season, and read as a result it gained
2 conflicts on VitaminC half a but flagged two records of other times or other measures on the
news tune half, none wanted (session 49). A score with no outcome (a lead, "a 9-2 lead", "trailing
1-0") is a moment of a game, no result: it carries no interval (``value`` None, open bounds)
and no rule compares it.
"""

from __future__ import annotations

import math
import re

from consistency.quantities.draft import Draft
from consistency.quantities.measured import counted_noun
from consistency.quantities.money import currency_after
from consistency.quantities.numbers import ONES, TEENS, TENS, Number
from consistency.quantities.units import Unit, match_unit
from consistency.records import Quantity

SCORE = Unit("score", "score")
_SCORE_RE = re.compile(
    r"(?<![\w.,$£€/-])(?P<a>\d{1,3})[ \u00a0]?[-–][ \u00a0]?(?P<b>\d{1,3})(?![\w,/]|[ \u00a0]?[/⁄]|\.\d|[-–]\d)"
)
_SPORTS_RE = re.compile(
    r"(?<![\w])(?P<w>won|win|wins|beat|beats|beating|beaten|lost|lose|loses|losing|drew|draw|tied|tie|lead|leads|led|"
    r"leading|victory|defeat|defeated|score|scored|scoreline|aggregate|trailing|trailed|down|voted|at|a|an)"
    r"(?:[ \u00a0]+of)?(?:[ \u00a0]+(?:the[ \u00a0]+)?[A-Z][\w'’.-]*(?:[ \u00a0]+[A-Z][\w'’.-]*){0,2})?[ \u00a0]+$",
    re.I,
)
_RESULT_AFTER_RE = re.compile(r"[ \u00a0]+(?P<w>lead|win|victory|defeat|loss|draw|tie|vote)\b", re.I)
#: Result words: (which side the subject is on: the higher score, the lower, or level; the outcome).
_RESULTS: dict[str, tuple[str, str | None]] = {
    **{w: ("high", "won") for w in "won win wins beat beats beating victory defeated".split()},
    **{w: ("low", "lost") for w in "lost lose loses losing defeat loss beaten".split()},
    **{w: ("tie", "tied") for w in "drew draw tied tie".split()},
    **{w: ("high", None) for w in "lead leads led leading".split()},
    **{w: ("low", None) for w in "trailing trailed down".split()},
    # a vote's tally ("councillors voted 7-4", "a 5-4 vote"): the two sides as written. The one
    # voting verb and noun are the parse's cue: on the tuning writers they read the one tally missed
    # as no figure (voices3), and on the news articles the two descending pairs after "voted".
    **{w: ("tie", "voted") for w in "voted vote".split()},
    # a game's final score told with no side named ("by a score of 17-14", "a scoreline of 2-1"): one
    # figure, its two sides as written.
    **{w: ("tie", "score") for w in "score scoreline aggregate".split()},
}


#: A win-loss-tie record ("a record of 13-17-2"): three small integers joined by dashes.
_RECORD_RE = re.compile(r"(?<![\w.,$£€/(-])\d{1,3}[-–]\d{1,3}[-–]\d{1,3}(?![\w,/)]|\.\d|[-–])")


def score_spans(text: str) -> list[tuple[int, int]]:
    """Spans of scorelines (see the module doc) and of win-loss-tie records ("13-17-2"): neither
    is a range or a count."""
    return [(m.start(), m.end()) for m, _ in _scores(text)] + [(m.start(), m.end()) for m in _RECORD_RE.finditer(text)]


def is_result(q: Quantity) -> bool:
    """A score read as a result (one figure: `_draft` gives it a value) rather than a moment of a
    game ("a 9-2 lead": no value, no interval)."""
    return q.dimension == "score" and q.value is not None


def result_value(score: tuple[float, float]) -> float:
    """A result as one figure: the higher side's points times 1,000 plus the lower side's (scores
    have at most three digits a side), so the same result in either order is one value and any two
    different results are two."""
    return max(score) * 1000.0 + min(score)


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
        out.append(_draft(m.start(), m.end(), score, outcome))
    for m in _SCORE_RE.finditer(text):
        if _result_line(text, m) and not any(d.start == m.start() for d in out):
            a, b = float(m["a"]), float(m["b"])
            out.append(_draft(m.start(), m.end(), (a, b), "won" if a > b else "lost" if a < b else "tied"))
    for m in _SPLIT_LINE_RE.finditer(text):
        if not any(d.start < m.end("b") and m.start("a") < d.end for d in out):
            a, b = float(m["a"]), float(m["b"])
            out.append(_draft(m.start("a"), m.end("b"), (a, b), "won" if a > b else "lost" if a < b else "tied"))
    out += _tallies_in_words(text)
    return sorted(out, key=lambda d: d.start)


def _draft(start: int, end: int, score: tuple[float, float], outcome: str | None) -> Draft:
    """A score's draft: a result (``outcome`` given) is one exact figure (`result_value`); a
    moment of a game stays without an interval."""
    number = Number(start, end, None, 0.0)
    if outcome is None:
        draft = Draft(number, start, end, None, low=-math.inf, high=math.inf, bound="range", unit=SCORE)
    else:
        value = result_value(score)
        draft = Draft(number, start, end, value, low=value, high=value, bound="exact", unit=SCORE)
    draft.score, draft.outcome = score, outcome
    return draft


#: A side named right before a dash pair and right after it: "Larks 2-0 Pikes", "Town 3-1 Ashby".
_NAME_BEFORE_RE = re.compile(r"([A-Z][\w'’.-]*)[ \u00a0]+$")
_NAME_AFTER_RE = re.compile(r"[ \u00a0]+([A-Z][\w'’-]*)")


#: A result line that puts each side's points after its name, opening its sentence or following a
#: colon ("Tollerby Town 2 Varrowford Albion 4 - ...", "Full time: Larks 2 Pikes 0"): names of one
#: to three capitalised words, points of up to three digits, then the end of the line's clause.
_NAMES = r"[A-Z][\w'’.-]*(?:[ \u00a0]+[A-Z][\w'’.-]*){0,2}"
_SPLIT_LINE_RE = re.compile(
    rf"(?:^|(?<=[:;.!?\n]))[ \u00a0]*(?P<x>{_NAMES})[ \u00a0]+(?P<a>\d{{1,3}})[ \u00a0]+(?P<y>{_NAMES})[ \u00a0]+(?P<b>\d{{1,3}})"
    r"(?=[ \u00a0]*(?:[-–—,;:.(]|$))"
)


def line_sides(text: str, start: int, end: int) -> tuple[str, str] | None:
    """The two names of a result line around the score at ``start:end`` ("Full time: Larks 2-0
    Pikes": Larks and Pikes), each side's points beside its name; None when a capitalised name is
    not right before and right after it."""
    split = _SPLIT_LINE_RE.search(text, max(0, start - 80), end)
    if split is not None and split.start("a") == start and split.end("b") == end:
        return split["x"].split()[-1], split["y"].split()[-1]  # "Town 2 Albion 4": Town, Albion
    before = _NAME_BEFORE_RE.search(text, max(0, start - 40), start)
    after = _NAME_AFTER_RE.match(text, end)
    return (before[1], after[1]) if before and after else None


def _result_line(text: str, m: re.Match[str]) -> bool:
    """A dash pair between two capitalised names (`line_sides`): a result line."""
    return not match_unit(text, m.end()) and line_sides(text, m.start(), m.end()) is not None


_SMALL_NUMBERS = {**ONES, **TEENS, **TENS, "nil": 0}
_SIDE = r"\d{1,3}|[A-Za-z]+"
#: A tally in words: "by nine votes to two", "three goals to one", "4 points to nil": a number, the
#: plural noun it counts, "to" and a number counting nothing of its own.
_TALLY_RE = re.compile(
    rf"(?<![\w.,$£€/-])(?P<a>{_SIDE})[ \u00a0]+(?P<noun>[a-z]+s)[ \u00a0]+to[ \u00a0]+(?P<b>{_SIDE})(?![\w%$£€-])")
#: What makes "N things to M" a change or a span, not a tally: "from 40 seats to 52", "rose by 3 points to 45".
_FROM_RE = re.compile(r"(?<![\w])from[ \u00a0]", re.I)
#: The by-phrase a tally is told in: "carried by nine votes to two", "lost by three goals to one".
_BY_RE = re.compile(r"(?<![\w])by[ \u00a0]+$", re.I)


def _tallies_in_words(text: str) -> list[Draft]:
    """Tallies written as words ("carried by nine votes to two", "won by three goals to nil"): one
    result, its two sides as written, told in a by-phrase (the larger side first) or after a
    result word ("beat them three goals to nil"). The number words are the parse's ("nil" is
    football's nought). A change written the same way ("grew from 40 seats to 52", "rose 3
    points to 45", "cut 40 routes to 12") is left out: "from" in the clause before it, or
    neither a by-phrase nor a result word; on the held writers' figures a reading without that
    cue lost one confirmed conflict (voices6 R 0.380 -> 0.360)."""
    out = []
    for m in _TALLY_RE.finditer(text):
        a, b = _side_value(m["a"]), _side_value(m["b"])
        if a is None or b is None or (m["a"].isalpha() and a == 0):
            continue
        if counted_noun(text, m.end(), singular_count=b == 1) is not None and not text.startswith(m["noun"], m.end() + 1):
            continue  # "assigned 4 nurses to 2 wards": the second side counts a noun of its own
        clause = re.split(r"[.;:,!?]", text[max(0, m.start() - 40):m.start()])[-1]
        if _FROM_RE.search(clause):
            continue
        result = _SPORTS_RE.search(clause + " ")
        if not result and not (a >= b and _BY_RE.search(clause)):
            continue
        out.append(_draft(m.start(), m.end(), (a, b), "won" if a > b else "lost" if a < b else "tied"))
    return out


def _side_value(word: str) -> float | None:
    found = _SMALL_NUMBERS.get(word.lower())
    return float(word) if word.isdigit() else None if found is None else float(found)


def _scores(text: str):
    for m in _SCORE_RE.finditer(text):
        if match_unit(text, m.end()) or currency_after(text, m.end(), scaled=False, after_symbol=None):
            continue
        sports = _sports_word(text, m.start())
        if int(m["a"]) >= int(m["b"]) or sports or _bare_record(text, m):
            yield m, sports


_WORD_START_RE = re.compile(r"(?<![\w])\w")


def _sports_word(text: str, start: int) -> str:
    """The word before the dash pair at ``start`` that makes it a score (`_SPORTS_RE`), lower-cased:
    a result word (`_RESULTS`) when one reaches it, though a nearer article or name comes first ("by
    a score of 17-14": "score", not "a"); "" when none does."""
    words = [m["w"].lower() for m in (_SPORTS_RE.match(text, w.start(), start)
                                      for w in _WORD_START_RE.finditer(text, max(0, start - 40), start))
             if m]
    return next((w for w in words if w in _RESULTS), words[0] if words else "")


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
