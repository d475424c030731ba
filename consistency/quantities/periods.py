"""Ordinal periods: "its third week", "the second day", "for a fifth straight year".

An ordinal before a unit of time counts periods: "the strike entered its third
week" says it has lasted into a third week. It is read as a quantity of that
unit with ``ordinal`` set (value 3, unit week), never as a fraction ("a third
straight year" is not a third of a year) and never compared with an amount of
time ("21 days"): only with another ordinal period.
"""

from __future__ import annotations

import re

from consistency.quantities.draft import Draft
from consistency.quantities.numbers import Number
from consistency.quantities.units import match_unit

_ORDINALS = {"first": 1, "second": 2, "third": 3, "fourth": 4, "fifth": 5, "sixth": 6, "seventh": 7, "eighth": 8,
             "ninth": 9, "tenth": 10, "eleventh": 11, "twelfth": 12, "thirteenth": 13, "fourteenth": 14,
             "fifteenth": 15, "twentieth": 20}
_ORDINAL_RE = re.compile(
    rf"(?<![\w-])(?:its|their|his|her|our|my|your|the|a|an|this|that)[ \u00a0]+"
    rf"(?P<n>{'|'.join(_ORDINALS)}|\d{{1,3}}(?:st|nd|rd|th))"
    r"(?:[ \u00a0-]+(?:straight|consecutive|successive|full|long))?[ \u00a0]+"
    r"(?P<u>days?|weeks?|months?|years?|decades?)(?![\w-])",
    re.I,
)


def ordinal_periods(text: str) -> list[Draft]:
    """Each ordinal period of ``text`` as a draft quantity (value: the ordinal; unit: the period)."""
    out = []
    for m in _ORDINAL_RE.finditer(text):
        word = m["n"].lower()
        value = float(_ORDINALS[word]) if word in _ORDINALS else float(re.match(r"\d+", word).group())
        found = match_unit(" " + m["u"], 0)
        if found is None:
            continue
        number = Number(m.start("n"), m.end(), value, value, words=word in _ORDINALS)
        draft = Draft(number, m.start("n"), m.end(), value, unit=found.unit)
        draft.ordinal = True
        out.append(draft)
    return out
