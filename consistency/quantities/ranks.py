"""Places in an order: "finished 9th", "the 41st overall pick", "her sixth novel", "peaked at No. 8".

A place in an order (a league table, a draft, a chart, the books of one writer) says which one of
a row a thing is. It is read as a quantity of the unit "place" (dimension ``rank``) with
``ordinal`` set: compared with another place only (`rules.attributes.compatible`), exactly, like a
count, never with an amount ("13 other films", "a fifth of the budget"). Three ways of writing one:

- an ordinal in digits ("9th", "the 41st overall", "the 7th-largest");
- an ordinal in words after a possessive ("her fourth album", "Quen's sixth novel"), after a verb
  of placing ("came third", "ranks ninth"), or before a noun of place, a superlative or "overall"
  ("in third place", "the third-largest", "picked fifth overall"). Not after an article alone: "a
  fifth victim" is the next one found (tests/data/ordinals), and "the second quake" the next of a
  story's events, no place in an order of its own. Not "first": the first of anything ("for the
  first time", "her first novel") is how most things begin, and its rival is any later one;
- a number sign before a count ("No. 8", "# 44", "number 37") after a word that reaches or
  holds a place ("at", "to", "reached", "ranked", "was").

Left unread: a place another is measured against ("higher than 30th", "below 40th", "in the top
10"), which is a bound with its direction reversed (a higher place has a smaller number); a
place followed by a capitalised word, which names a thing ("5th Avenue", "No. 10 Downing
Street", "the 3rd Battalion"); a place joined by a hyphen to a word that is no superlative, which
names a kind of thing ("a second-round pick" beside "the 26th overall"); a place followed by a unit of time or a part of a game, which is a
time ("the 26th minute", "the 20th century", "the second half") or an age ("her 50th
birthday"). Found on VitaminC dev half a, where revisions of a sentence move a place in an order
("the 36th overall pick" / "the 37th overall pick", "her fourth studio album" / "her fifth").
"""

from __future__ import annotations

import re
from typing import Sequence

from consistency.quantities.draft import Draft
from consistency.quantities.numbers import ONES, ORDINALS, TEENS, Number
from consistency.quantities.units import Unit

#: The unit of a place in an order.
PLACE = Unit("place", "rank")

#: Ordinal words from the second to the twentieth, by their number ("first" is left out: see the module).
_WORDS = {w: n for w, n in ORDINALS.items() if 2 <= n <= 20}
#: Counts in words a number sign may carry ("at number one").
_SIGN_WORDS = {w: n for w, n in (ONES | TEENS).items() if 1 <= n <= 10}

_DIGITS_RE = re.compile(r"(?<![\w.,/#-])(?P<n>\d{1,3})(?:st|nd|rd|th)(?![\w])")
_WORD_RE = re.compile(rf"(?<![\w-])(?P<n>{'|'.join(_WORDS)})(?![\w])", re.I)
_SIGN_RE = re.compile(
    rf"(?<![\w])(?:at|to|reached|hit|ranked|ranks|rank|was|is|as)[ \u00a0]+"
    rf"(?:No\.|no\.|number|#)[ \u00a0]*(?P<n>\d{{1,3}}|{'|'.join(_SIGN_WORDS)})(?![\w.,])")
#: Before an ordinal word: a possessive, or a verb of placing.
_WORD_BEFORE_RE = re.compile(
    r"(?:(?<![\w])(?:its|his|her|their|our|my|your)|['’]s|(?<![\w])(?:came|come|comes|finished|"
    r"finishes|finishing|placed|places|ranked|ranks|ranking|ended|ending|was|were|is|are)"
    r"(?:[ \u00a0]+(?:in|at))?)[ \u00a0]+$", re.I)
#: After an ordinal word, a noun of place ("in third place"), a superlative ("the sixth-most populous",
#: "the third-largest", "the fifth richest") or "overall".
_PLACE_AFTER_RE = re.compile(r"(?:[ \u00a0]+(?:place|position|spot|overall)\b|[ \u00a0-](?:most|least|\w+est)\b)", re.I)
#: Before a place, a word that measures another against it ("higher than 30th", "below 40th").
_AGAINST_RE = re.compile(r"(?<![\w])(?:than|below|above|beyond|outside|inside|within|top|behind|ahead[ \u00a0]+of)"
                         r"(?:[ \u00a0]+the)?[ \u00a0]*$", re.I)
#: After a place, a unit of time, a part of a game or an age: a time or an age, not a place.
_TIME_AFTER_RE = re.compile(
    r"(?:[ \u00a0-]+(?:straight|consecutive|successive|full|long))?[ \u00a0-]+"
    r"(?:seconds?|minutes?|hours?|days?|nights?|weeks?|months?|years?|decades?|century|centuries|millennium|"
    r"seasons?|halfs?|halves|half|quarters?|periods?|innings?|legs?|sets?|anniversary|birthday)(?![\w])", re.I)
#: After a place, a capitalised word: part of a name.
_NAME_AFTER_RE = re.compile(r"[ \u00a0]+[A-Z]")
#: After a place, a hyphen and a word that is no superlative: a kind of thing ("a second-round pick",
#: "the first-team squad"), not the thing's place ("the 7th-largest", "the sixth-most populous").
_KIND_AFTER_RE = re.compile(r"-(?!most\b|least\b|\w+est\b)\w")


def places(text: str) -> list[Draft]:
    """Each place in an order of ``text`` as a draft quantity (value: the place; unit `PLACE`)."""
    out = []
    for rx, words in ((_DIGITS_RE, None), (_WORD_RE, _WORDS), (_SIGN_RE, _SIGN_WORDS)):
        for m in rx.finditer(text):
            word = m["n"].lower()
            if rx is _WORD_RE and not (_WORD_BEFORE_RE.search(text[max(0, m.start() - 24):m.start()])
                                       or _PLACE_AFTER_RE.match(text, m.end())):
                continue
            start = m.start() if rx is not _SIGN_RE else m.start("n") - _sign_length(text, m.start("n"))
            if _AGAINST_RE.search(text[max(0, start - 16):start]):
                continue
            if any(rx.match(text, m.end()) for rx in (_TIME_AFTER_RE, _NAME_AFTER_RE, _KIND_AFTER_RE)):
                continue
            value = float(words[word]) if words and word in words else float(re.match(r"\d+", word).group())
            number = Number(m.start("n"), m.end(), value, value, words=not word[0].isdigit())
            draft = Draft(number, start, m.end(), value, unit=PLACE)
            draft.ordinal = True
            out.append(draft)
    return sorted(out, key=lambda d: d.start)


def _sign_length(text: str, start: int) -> int:
    """How many characters the number sign and its space before ``start`` take ("No. ", "#")."""
    m = re.search(r"(?:No\.|no\.|number|#)[ \u00a0]*$", text[max(0, start - 8):start])
    return len(m.group()) if m else 0


#: Each ordinal word by its number, "first" too (`names_place`).
_ORDINAL_WORDS = {n: w for w, n in ORDINALS.items() if n <= 20}


def names_place(text: str, value: float, read: Sequence[tuple[int, int]]) -> bool:
    """Whether ``text`` names the place ``value`` as an ordinal, in digits or in words, that is read
    as no place (outside the spans ``read``, its places): "her second shop closed, and so did a
    third" names a third one with an article, which `places` leaves unread, as the next of a row."""
    if value != int(value) or value < 1:
        return False
    n = int(value)
    word = f"|{_ORDINAL_WORDS[n]}" if n in _ORDINAL_WORDS else ""
    pattern = re.compile(rf"(?<![\w-])(?:{n}(?:st|nd|rd|th){word})(?![\w])", re.I)
    return any(not any(s <= m.start() < e for s, e in read) for m in pattern.finditer(text))
