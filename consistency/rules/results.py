"""Results of games and votes (`quantities.scores`: "beat the Pikes 4-2", "voted 7-4", "by nine
votes to two", a result line "Larks 2-0 Pikes") as figures of one game or vote.

A result has two sides, and either may be told as its subject: "the Larks beat the Pikes 4-2"
and "the Pikes went down to the Larks by three goals to one" are one game (`one_result`: no
rival subjects). Two results each naming a side the other claim never names ("beat the Pikes
4-2" / "lost 3-0 to the Herons") are two games (`apart`).
"""

from __future__ import annotations

import re

from ..parsing import parse
from ..quantities.dates import WEEKDAYS
from ..quantities.scores import is_result, line_sides
from .frames import MONTH_NAME, Frame
from .names import name_in, named_who

#: Dependencies of a result's verb that name a side: its subject, its object, and the object of a
#: preposition or by-phrase ("lost to the Herons", "beaten by the Larks", "won against the Pikes").
_SIDE_DEPS = ("nsubj", "nsubjpass", "dobj")
_PREP_DEPS = ("prep", "agent")


def one_result(fa: Frame, fb: Frame) -> bool:
    """Two results whose named subjects are each named in the other claim: the two sides of one
    game or vote, not rival subjects."""
    if not (is_result(fa.q) and is_result(fb.q)):
        return False
    na, nb = named_who(fa.slots), named_who(fb.slots)
    return bool(na and nb) and name_in(na, fb.claim.text) and name_in(nb, fa.claim.text)


def sides(f: Frame) -> set[str]:
    """The names of the sides a result's own words give: the capitalised nouns heading its verb's
    subject, object and prepositional objects (not the first word of the sentence, not its place
    nor a day or month: "at Orm Park on Sunday"), or the names around a result line's dash. The
    parser tags a team's plural name a common noun as often as a proper one ("the Herons"): the
    capital tells them."""
    line = line_sides(f.claim.text, f.q.start, f.q.end)
    if line:
        return set(line)
    p = parse(f.claim.text)
    head = p.head_in(f.q.start, f.q.end)
    steps = 0
    while head is not None and head.pos not in ("VERB", "AUX") and head.head != head.i and steps < 3:
        head, steps = p.tokens[head.head], steps + 1
    if head is None or head.pos not in ("VERB", "AUX"):
        return set()
    nouns = [t for t in p.children(head.i) if t.dep in _SIDE_DEPS]
    for prep in p.children(head.i):
        if prep.dep in _PREP_DEPS:
            nouns += [t for t in p.children(prep.i) if t.dep == "pobj"]
    return {t.text for t in nouns if t.i > 0 and t.text[:1].isupper() and t.text not in f.slots.place
            and not _WHEN_RE.fullmatch(t.text)}


_WHEN_RE = re.compile(rf"{WEEKDAYS}|{MONTH_NAME.pattern}")


def apart(fa: Frame, fb: Frame) -> str:
    """Two results, each naming a side (`sides`) the other claim never names: two games or votes."""
    if not (is_result(fa.q) and is_result(fb.q)):
        return ""
    mine, theirs = sides(fa), sides(fb)
    if any(not name_in(n, fb.claim.text) for n in mine) and any(not name_in(n, fa.claim.text) for n in theirs):
        return "different games"
    return ""
