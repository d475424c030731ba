"""Ordinal periods: "its third week", "the second day", "for a fifth straight year".

An ordinal before a unit of time counts periods: "the strike entered its third
week" says it has lasted into a third week. It is read as a quantity of that
unit with ``ordinal`` set (value 3, unit week), never as a fraction ("a third
straight year" is not a third of a year) and never compared with an amount of
time ("21 days"): only with another ordinal period.
"""

from __future__ import annotations

import calendar
import datetime as dt
import re

from consistency.parsing import parse
from consistency.quantities.draft import Draft
from consistency.quantities.numbers import ORDINALS, Number
from consistency.quantities.units import match_unit
from consistency.records import UNDATED

#: Ordinal words up to the twentieth ("its sixteenth year").
_ORDINALS = {w: n for w, n in ORDINALS.items() if n <= 20}
_ORDINAL_RE = re.compile(
    rf"(?<![\w-])(?:its|their|his|her|our|my|your|the|a|an|this|that)[ \u00a0]+"
    rf"(?P<n>{'|'.join(_ORDINALS)}|\d{{1,3}}(?:st|nd|rd|th))"
    r"(?:[ \u00a0-]+(?:straight|consecutive|successive|full|long))?[ \u00a0]+"
    r"(?P<u>days?|weeks?|months?|years?|decades?)(?![\w-])",
    re.IGNORECASE,
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


# Durations written as a clock ("2:24:51", "2:08.41") ------------------------------------------

#: Hours, minutes and seconds ("2:24:51", "1:04:12.3") or minutes, seconds and a fraction of a
#: second ("2:08.41"): the notation of a finishing time. Hours and minutes without seconds ("7:15")
#: are left alone: as often a time of day as a length.
_CLOCK_RE = re.compile(
    r"(?<![\w:.,/-])(?:(?P<h>\d{1,2}):(?P<m>[0-5]\d):(?P<s>[0-5]\d(?:\.\d{1,3})?)"
    r"|(?P<m2>\d{1,2}):(?P<s2>[0-5]\d\.\d{1,3}))(?![\w:]|[.,]\d)"
)
#: Before a clock reading, the preposition of a moment ("at 10:42:05", "until 9:30:00"); after it,
#: a half of the day or a time zone ("10:42:05 pm", "9:30:00 GMT"): a time of day, no length.
_MOMENT_BEFORE_RE = re.compile(r"(?:\b(?:at|until|till|from|by|before|after|since|around)|@)[ \u00a0]*$", re.IGNORECASE)
_MOMENT_AFTER_RE = re.compile(
    r"[ \u00a0]*(?:[ap]\.?m\b\.?|o'clock|(?:GMT|UTC|BST|CET|CEST|[ECMP][SD]?T|local\b|hrs\b))", re.IGNORECASE)


def clock_durations(text: str) -> list[Draft]:
    """Each length of time of ``text`` written as a clock ("won in 2:24:51": 2 h 24 min 51 s, in
    hours; "touched in 2:08.41", in minutes), as a draft quantity. A reading of hours, minutes and
    seconds after a preposition of a moment or before a half of the day or a time zone is a time of
    day, not a length ("at 10:42:05"); one of minutes, seconds and a fraction of a second is never a
    time of day (a clock reads hours first, `dates.clock_times` leaves it out), so it stays a length
    whatever leads it ("timed at 1:32.118")."""
    out = []
    for m in _CLOCK_RE.finditer(text):
        if m["h"] is not None and (_MOMENT_BEFORE_RE.search(text[max(0, m.start() - 12):m.start()])
                                   or _MOMENT_AFTER_RE.match(text, m.end())):
            continue
        if m["h"] is not None:
            value, unit = int(m["h"]) + int(m["m"]) / 60 + float(m["s"]) / 3600, " hours"
        else:
            value, unit = int(m["m2"]) + float(m["s2"]) / 60, " minutes"
        found = match_unit(unit, 0)
        if found is None:
            continue
        number = Number(m.start(), m.end(), value, value)
        out.append(Draft(number, m.start(), m.end(), value, unit=found.unit))
    return out


# Tenures told by the year they began ("has run the brewery since 2011") -------------------------

_SINCE_YEAR_RE = re.compile(
    r"(?<![\w-])since[ \u00a0]+(?:(?:the[ \u00a0]+)?(?:early|mid|late)[ \u00a0-]+)?"
    r"(?:(?P<month>January|February|March|April|May|June|July|August|September|October|November|December)"
    r"[ \u00a0]+)?(?P<y>(?:1[89]|20)\d\d)(?![\w-])", re.IGNORECASE)
_MONTHS = ("january", "february", "march", "april", "may", "june", "july", "august", "september", "october",
           "november", "december")
#: The roles of a verb's own arguments: a number among them makes the clause a tally over the
#: stretch ("since 2011, 23 suits have been filed", "has been cited three times since 2019"), not
#: how long a state has held.
_ARGUMENTS = ("nsubj", "nsubjpass", "dobj", "npadvmod", "attr", "oprd", "dative")
#: A year's length in days (the Gregorian mean).
_YEAR_DAYS = 365.2425
#: Shortest tenure read, in whole years between the start year and the claim's: "since 2024" in a
#: 2025 story is the story's own time, not a tenure.
MIN_TENURE_YEARS = 2


def tenures(text: str, doc_date) -> list[Draft]:
    """Each tenure of ``text`` told by the year it began, as a length of time in years up to
    ``doc_date`` (the claim's date; none for an undated one, `records.UNDATED`): "Pike, who has led the firm since 2009" in a story of March
    2025 held 15.2 to 16.2 years (from the year's last day to its first), and up to a year more, as
    writers who count the years inclusively say 17. Read from the parse: *since* is a preposition
    of a verb in the present perfect (an auxiliary *have* in the present: "has led", "has been led",
    "have lived"), whose own arguments hold no number (a tally over the stretch: "since 2011, 23
    suits have been filed", "has been fined three times since 2019"). None without a date, for a
    year later than `MIN_TENURE_YEARS` before the claim's, or for *since* of another verb form
    ("ran it since 2011 until", "had lived there since 1990": a past state, not the claim's
    present)."""
    if doc_date is None or doc_date == UNDATED or "since" not in text.lower():
        return []
    if isinstance(doc_date, dt.datetime):
        doc_date = doc_date.date()
    out = []
    for m in _SINCE_YEAR_RE.finditer(text):
        year = int(m["y"])
        if doc_date.year - year < MIN_TENURE_YEARS or not _perfect_state(text, m.start()):
            continue
        month = _MONTHS.index(m["month"].lower()) + 1 if m["month"] else None
        first = dt.date(year, month or 1, 1)
        last = dt.date(year, 12, 31) if month is None else dt.date(year, month, calendar.monthrange(year, month)[1])
        low, high = (doc_date - last).days / _YEAR_DAYS, (doc_date - first).days / _YEAR_DAYS
        found = match_unit(" years", 0)
        if found is None:
            continue
        value = float(doc_date.year - year)
        number = Number(m.start("y"), m.end("y"), value, value)
        draft = Draft(number, m.start(), m.end(), value, low=round(low, 3), high=round(high + 1.0, 3),
                      bound="approx", unit=found.unit)
        out.append(draft)
    return out


def _perfect_state(text: str, since: int) -> bool:
    """The *since* at ``since`` hangs from a verb in the present perfect whose arguments hold no
    number (`tenures`)."""
    p = parse(text)
    prep = next((t for t in p.tokens if t.start == since), None)
    if prep is None or prep.dep != "prep" or prep.head == prep.i:
        return False
    verb = p.tokens[prep.head]
    if verb.pos not in ("VERB", "AUX") or verb.tag != "VBN":
        return False
    kids = p.children(verb.i)
    if not any(k.dep == "aux" and k.lemma == "have" and k.tag in ("VBZ", "VBP") for k in kids):
        return False
    # a count among the verb's arguments ("23 suits", "three times"): a tally, not a state
    return not any(k.dep in _ARGUMENTS and (k.pos == "NUM" or any(c.dep == "nummod" for c in p.children(k.i)))
                   for k in kids)
