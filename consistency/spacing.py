"""Space-tokenised text read as it would be written: "a 36 - year - old", "Doe , 20 ,", "9 a . m .".

Corpora and scraped datasets often come split into tokens joined by spaces (every comma, full
stop, bracket and hyphen set off by spaces). The readers of this package read written text:
"36 - year - old" would be a duration, "Jane Doe , 20 ," no appositive age, "9 a . m ." a count
and "$ 24.13" a number without a currency. `respace` removes the spaces tokenisation put in,
by the syntax of the marks, not by word lists:

- before a closing mark followed by a space or the end (" ,", " .", " )", " %", " ;");
- after an opening bracket and between a currency symbol and digits ("( 25", "$ 24.13");
- around the full stop of a decimal ("25 . 7bn") and inside initialisms ("a . m .", "U . S .");
- before a clitic ("Doe 's", "ca n't");
- around the hyphens of a compound that starts with a number ("36 - year - old", "12 - gauge",
  "6.1 - magnitude"); a dash between words stays (it may be a dash, "fighters - although").

It only removes spaces, so every character of the respaced text is a character of the original
text, and `Respaced.span` maps a span back: evidence still points into the text as given. Text
that shows no tokenisation (no space before a comma or full stop, no spaced bracket or clitic) is
left as it is, so written text never changes.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from .quantities.numbers import ONES, TEENS, TENS

_SPACE = r"[ \u00a0]"
#: Signs that the text is space-tokenised.
_TOKENISED_RE = re.compile(rf"{_SPACE}[,.;:!?](?:{_SPACE}|$)|{_SPACE}(?:'s|n't)\b|[(\[]{_SPACE}|{_SPACE}[)\]]")
_CLOSING_RE = re.compile(rf"(?<=\S){_SPACE}+(?=[,.;:!?%)\]](?:\s|$|[,.;:!?)\]'\"]))")
_OPENING_RE = re.compile(rf"(?<=[(\[]){_SPACE}+(?=\S)")
_CURRENCY_RE = re.compile(rf"(?<=[$£€¥]){_SPACE}+(?=\d)")
_DECIMAL_RE = re.compile(rf"(?<=\d){_SPACE}\.{_SPACE}(?=\d)")
_INITIALISM_RE = re.compile(rf"(?<![\w.])(?:[A-Za-z]{_SPACE}\.{_SPACE})+[A-Za-z]{_SPACE}\.")
_CLITIC_RE = re.compile(rf"(?<=\w){_SPACE}+(?=(?:'s|'re|'ve|'ll|'d|'m|n't)\b)", re.I)
_NUMBER_WORDS = "|".join(sorted({**ONES, **TEENS, **TENS}, key=len, reverse=True))
_COMPOUND_RE = re.compile(
    rf"(?<![\w.,])(?:\d+(?:[.,]\d+)*|(?:{_NUMBER_WORDS})(?![\w-]))(?:{_SPACE}-{_SPACE}[A-Za-z]+)+(?![\w-])", re.I
)
_GAP_RE = re.compile(rf"{_SPACE}+")
#: A clitic whose apostrophe a tokeniser set apart by spaces on both sides ("the Ospreys ’ offer" is
#: no clitic; "the Q ’ s have offered", "who ’ s counting", "do n ’ t"): the spaces around the
#: apostrophe, and before the "n" of "n't".
_SPLIT_CLITIC_RE = re.compile(
    rf"(?<=\w){_SPACE}+(?:n{_SPACE}+['’]{_SPACE}+t|['’]{_SPACE}+(?:s|re|ve|ll|d|m))(?!\w)", re.IGNORECASE
)


@dataclass(frozen=True, slots=True)
class Respaced:
    """``text`` with tokenisation spaces removed; ``source[i]`` is where its character ``i`` is in
    the original text (one entry more, for the end)."""

    text: str
    source: tuple[int, ...]

    def span(self, start: int, end: int) -> tuple[int, int]:
        """The original span of ``text[start:end]``."""
        if end <= start:
            return self.source[start], self.source[start]
        return self.source[start], self.source[end - 1] + 1


def tokenised(text: str) -> bool:
    """Whether ``text`` shows space tokenisation (" ,", " .", "( ", " 's")."""
    return bool(_TOKENISED_RE.search(text))


def clitics(text: str) -> Respaced:
    """``text`` with each clitic a tokeniser split off on both sides of its apostrophe joined to its
    word again ("the Q ’ s have offered" -> "the Q’s have offered", "do n ’ t" -> "don’t"); the
    parser reads "Q ’ s" as three words (a name, a quote mark and a noun "s") and loses the clause's
    subject. Only those spaces are removed; other text is returned as it is."""
    return _without(text, _gaps(text, _SPLIT_CLITIC_RE))


def respace(text: str) -> Respaced:
    """``text`` without the spaces tokenisation put in (see the module); unchanged unless `tokenised`."""
    if not tokenised(text):
        return _without(text, set())
    drop: set[int] = set()
    for regex in (_CLOSING_RE, _OPENING_RE, _CURRENCY_RE, _CLITIC_RE):
        for m in regex.finditer(text):
            drop.update(range(m.start(), m.end()))
    for regex in (_DECIMAL_RE, _INITIALISM_RE, _COMPOUND_RE):
        drop |= _gaps(text, regex)
    return _without(text, drop)


def _gaps(text: str, regex: re.Pattern) -> set[int]:
    """The offsets of the spaces inside each match of ``regex`` in ``text``."""
    return {i for m in regex.finditer(text) for gap in _GAP_RE.finditer(text, m.start(), m.end())
            for i in range(gap.start(), gap.end())}


def _without(text: str, drop: set[int]) -> Respaced:
    """``text`` without its characters at the offsets ``drop``, with the map back (`Respaced`)."""
    if not drop:
        return Respaced(text, tuple(range(len(text) + 1)))
    kept = [i for i in range(len(text)) if i not in drop]
    return Respaced("".join(text[i] for i in kept), tuple(kept) + (len(text),))
