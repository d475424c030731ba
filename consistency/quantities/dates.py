"""Dates and clock times: found by pattern, resolved against the document date.

Spans are found by our own patterns, so free text ("90% just six days") never
becomes a date. Each span is resolved by the same pattern's fields (ISO and
numeric dates, month names, weekdays, relative words) with plain calendar
arithmetic; dateparser only reads a span these cannot (cached by phrase and
anchor day). The same spans tell the quantity extractor which numbers are days
of the month, years or times of day, and so are not counts.

Resolving as reporters write (against the document's date, the *anchor*):

- a weekday is the most recent such day *including* the anchor day ("early
  Thursday" in a Thursday article is that Thursday); "last Thursday" the one
  before the anchor day, "next Thursday" the one after it;
- in a future context ("is set for", "will", "would", "scheduled", "next", "upcoming"
  before the date in its clause) a weekday or a month and day without a year
  resolve forward: "sentencing is set for June 28" in a February article is
  this June, not last June; otherwise a yearless month and day is the most
  recent one not after the anchor;
- a bare weekday is approximate: ``earliest``/``latest`` are a day either side
  (a late-night event is reported the next day, a crawl date can be a day off),
  unless the text fixes the day with a date beside it ("Thursday, July 23");
  "last week" means that whole week, "two weeks ago" (or "a fortnight ago") give or take three days;
- a part of a month is its days: "mid-March" the 11th to the 20th, "early"/"late" the ten days
  before and the rest after, "the first week of March" its first seven days; "Saturday week" and
  "a week on Saturday" are a week after the coming Saturday; "on the fourteenth" is "on the 14th";
- a part of a named year is its months: "early 2023" January to April, "mid-2023" April to
  September, "late last year" September to December of the year before the anchor's, "the end of
  2023" its last quarter (`_YEAR_THIRDS`);
- a season recurs yearly: "last season", "this season", "next season" and "two seasons ago"
  are year-long spans (`_season`), "this season" the one around the anchor day.
"""

from __future__ import annotations

import calendar
import datetime as dt
import functools
import re
from dataclasses import dataclass
from typing import Literal

from consistency.quantities.measured import counted_noun, is_plural
from consistency.quantities.numbers import ORDINALS
from consistency.records import DateMention
from consistency.wordnet import past_form

#: A month's name, or its abbreviation with or without its full stop ("Sept.", "Aug"); the stop of a
#: sentence after a full name ("on 4 June.") is not the name's.
MONTHS = (
    r"(?:January|February|March|April|May|June|July|August|September|October|November|December"
    r"|(?:Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept|Sep|Oct|Nov|Dec)\.?)"
)
WEEKDAYS = r"(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)"
_DAY = r"(?:[12]\d|3[01]|0?[1-9])(?:st|nd|rd|th)?"
_YEAR = r"(?:1[5-9]\d\d|2[01]\d\d)"
#: A year named from the article's after a day or a month ("9 August last year", "March next year"):
#: the year before the article's, its own or the one after it (`_YEAR_STEPS`); a day so named is of
#: that year, not the one its day and month alone would be read in (the most recent such day).
_NAMED_YEAR = r"(?:last|this|next)[ \u00a0]+year"
_YEAR_STEPS = {"last": -1, "this": 0, "next": 1}
#: A day's year after it: its number, or a year named from the article's.
_DAY_YEAR = rf"(?:,?[ \u00a0]+{_YEAR}|[ \u00a0]+{_NAMED_YEAR})"
#: Words before a bare number that make it a year ("in 2019", "since 2011").
YEAR_PREPOSITIONS = frozenset(
    "in since by until till from of during before after between through to and or circa early late mid "
    "end start beginning spring summer autumn fall winter season fiscal fy year class".split()
)

#: The last day of a span of days written month first ("March 12-14"), and the two days of one
#: written day first ("12-13 August", "4 and 5 June", "4 to 6 July": the month after the second day
#: closes it; "June 4 and 5" may be a date and a count, "June 4 and 5 others").
_RANGE_AFTER = re.compile(r"[ \u00a0]*[-–][ \u00a0]*(\d+)(?:st|nd|rd|th)?(?=,|\s\d|$)")
#: What joins the two days of a span written day first: a dash, "and", "to", "&".
_DAYS_JOINED = r"(?:[ \u00a0]*[-–][ \u00a0]*|[ \u00a0]+(?:and|to|&)[ \u00a0]+)"
_RANGE_BEFORE = re.compile(rf"(\d+)(?:st|nd|rd|th)?{_DAYS_JOINED}(\d+)", re.IGNORECASE)

#: A bare ordinal day after "on" ("broke out on the 14th"): a day of the month the article's date
#: places, when no noun follows it ("on the 14th floor", "on the 3rd of May" is `day_month`'s). The
#: word after it ends the clause or opens another phrase: a mark, or a preposition or conjunction.
_ORDINAL_DAY = (r"(?<=\bon[ \u00a0])the[ \u00a0]+(?:(?:[12]\d|3[01]|0?[1-9])(?:st|nd|rd|th)"
                r"(?![ \u00a0]+(?:and|or)[ \u00a0]+\d{1,2}(?:st|nd|rd|th)[ \u00a0]+(?!of\b)[a-z])|{words})"
                r"(?=[ \u00a0]*(?:[,.;:!?)\u2014-]|$)|[ \u00a0]+(?:and|or|but|at|in|when|after|before|with|as|from|near|by)\b)")

_ORDINAL_WORD = "(?:" + "|".join(sorted((w.replace(" ", "[ \u00a0]") for w in ORDINALS), key=len, reverse=True)) + ")"
#: The day may be in ordinal words too ("due on the fourteenth", "on the twenty-second"), as a day is said.
#: An ordinal word joined to another by "and"/"or" is more often of a noun after them ("on the first
#: and second floors") than a day; so is a digit ordinal joined to one a noun follows ("on the 1st
#: and 2nd floors"; "on the 1st and 2nd of May" is days).
_ORDINAL_DAY = _ORDINAL_DAY.replace("{words}", rf"{_ORDINAL_WORD}(?![ \u00a0]+(?:and|or)[ \u00a0]+{_ORDINAL_WORD})")
#: A day in ordinal words before its month, with "of" ("the eighth of May", "twenty-first of June"):
#: the way a day is said, written out. Without "of" ("a second May poll") an ordinal word is no day.
_ORDINAL_WORD_RE = re.compile(_ORDINAL_WORD, re.IGNORECASE)
_WORD_DAY_MONTH = rf"(?<![\w])(?:the[ \u00a0]+)?{_ORDINAL_WORD}[ \u00a0]+of[ \u00a0]+{MONTHS}{_DAY_YEAR}?(?![\w])"
#: A weekday with an ordinal day of the month after it ("Wednesday the 22nd", "Friday 3rd"): the day
#: of the month nearest the article's date that falls on that weekday; a month after it is
#: `day_month`'s ("Friday 3rd May").
_WEEKDAY_DAY = (rf"(?<![\w]){WEEKDAYS},?[ \u00a0]+(?:the[ \u00a0]+)?(?:[12]\d|3[01]|0?[1-9])(?:st|nd|rd|th)"
                rf"(?![\w])(?![ \u00a0]*(?:of[ \u00a0]+)?{MONTHS}(?![\w]))")

#: A day of a month named from the article's ("the 21st of this month", "the 15 of the current month",
#: "the tenth of next month", "the 2nd of last month"): that day of the article's month, of the one
#: after it or of the one before it (`_calendar`), in digits or in ordinal words.
_DAY_OF_MONTH_NAMED = (rf"(?<![\w])the[ \u00a0]+(?:{_DAY}|{_ORDINAL_WORD})[ \u00a0]+of[ \u00a0]+"
                       r"(?:this|next|last|the[ \u00a0]+(?:current|coming|following|previous))[ \u00a0]+month(?![\w])")
#: The words of `_DAY_OF_MONTH_NAMED` that name the month after the article's, or the one before it.
_MONTH_STEPS = {"next": 1, "coming": 1, "following": 1, "last": -1, "previous": -1}

#: A half or a quarter of a named calendar year ("the first half of the year", "the third quarter of
#: 2024", "the second half of last year"): the months it spans (`_year_part`). Only with its year
#: named: "the first half" alone is as often a match's.
_YEAR_PART = (r"(?<![\w])(?:(?:the[ \u00a0]+)?(?P<part>first|second|third|fourth|final|last)[ \u00a0-]+(?P<size>half|quarter)"
              rf"[ \u00a0]+of[ \u00a0]+(?:(?:the|this|last|next)[ \u00a0]+(?:calendar[ \u00a0]+|financial[ \u00a0]+)?year|{_YEAR}))(?![\w])")

#: A weekday counted within a named month ("the first Saturday of August", "the last Monday in May
#: 2026"): that day (`_nth_weekday`), in the year named, else the nearest such day on its side of the
#: article's date, like a yearless day of a month.
_WEEKDAY_OF_MONTH = (rf"(?<![\w])(?:the[ \u00a0]+)?(?:first|second|third|fourth|last)[ \u00a0]+{WEEKDAYS}[ \u00a0]+"
                     rf"(?:of|in)[ \u00a0]+{MONTHS}(?:,?[ \u00a0]+{_YEAR})?(?![\w])")
#: The part of a year or the weekday of a month an ordinal names ("the first half", "the third
#: Saturday of May").
_PART_NUMBER = {w: n for w, n in ORDINALS.items() if n <= 4}
_NTH = {**_PART_NUMBER, "last": -1}

#: A part of a named month ("in mid-March", "early April 2024", "the end of June"): its first ten days,
#: its middle ten or the rest (`_MONTH_PARTS`); or a week of it counted from its start or its end
#: ("the first week of March", "the last week in May"): seven days (`_month_span`). A yearless one is
#: the month nearest the article's date on its side, as a yearless day of a month is.
_PART_OF_MONTH = (r"(?<![\w])(?:(?P<third>early|mid|late)[ \u00a0-]+"
                  r"|(?:the[ \u00a0]+)?(?:(?P<edge>start|beginning|middle|end)|(?P<week>first|second|third|fourth|last)[ \u00a0]+week)"
                  r"[ \u00a0]+(?:of|in)[ \u00a0]+)"
                  rf"{MONTHS}{_DAY_YEAR}?(?![\w])")
#: The days of a month each part of `_PART_OF_MONTH` names, first and last (None: the month's last).
_MONTH_PARTS = {"early": (1, 10), "start": (1, 10), "beginning": (1, 10), "mid": (11, 20), "middle": (11, 20),
                "late": (21, None), "end": (21, None)}
#: A weekday and "week" ("Saturday week"), or a week or a fortnight "on" a weekday ("a week on Saturday",
#: "a fortnight on Monday"): that many weeks after the coming such day, as British copy says it.
_WEEKDAY_WEEK = (rf"(?<![\w])(?:{WEEKDAYS}[ \u00a0]+week(?![\w-])"
                 rf"|(?:a|one|two|three)[ \u00a0]+(?:weeks?|fortnight)[ \u00a0]+on[ \u00a0]+{WEEKDAYS}(?![\w]))")
#: A part of a named year ("early 2023", "mid-2024", "late last year", "the end of 2023", "the start
#: of next year"): the months of `_YEAR_THIRDS`, in the year named in digits or from the article's.
_PART_OF_YEAR = (r"(?<![\w])(?:(?P<ythird>early|mid|late)[ \u00a0-]+"
                 r"|(?:the[ \u00a0]+)?(?P<yedge>start|beginning|middle|end|close)[ \u00a0]+of[ \u00a0]+)"
                 rf"(?:{_YEAR}|{_NAMED_YEAR})(?![\w])")
#: The first and last months each part of `_PART_OF_YEAR` names. A writer's "mid-2023" may reach a
#: month into either side of its middle third, so it overlaps "early" and "late" by a month; "the end"
#: and "the start" are its last and first quarters.
_YEAR_THIRDS = {"early": (1, 4), "start": (1, 3), "beginning": (1, 3), "mid": (4, 9), "middle": (4, 9),
                "late": (9, 12), "end": (10, 12), "close": (10, 12)}

_PATTERNS: tuple[tuple[str, str], ...] = (
    ("iso", r"(?<![\d-])\d{4}-[01]\d-[0-3]\d(?:T[\d:.]+Z?)?(?![\d-])"),
    ("numeric", r"(?<![\d/])(?:[0-3]?\d)/(?:[0-3]?\d)/(?:\d{4}|\d{2})(?![\d/])"),
    # a day, month and year with dots between them, each in two digits but the year ("04.02.2025"):
    # day first, as dotted dates are written; "1.2.2025" may be a version number
    ("dotted", rf"(?<![\w.])(?:[0-2]\d|3[01])\.(?:0[1-9]|1[0-2])\.{_YEAR}(?![\w]|\.\d)"),
    ("month_part", _PART_OF_MONTH),
    ("year_third", _PART_OF_YEAR),
    ("month_day", rf"(?<![\w]){MONTHS}[ \u00a0]+{_DAY}(?:[ \u00a0]*[-–][ \u00a0]*{_DAY})?{_DAY_YEAR}?(?![\w])"),
    ("day_month", rf"(?<![\w]){_DAY}(?:{_DAYS_JOINED}{_DAY})?[ \u00a0]+(?:of[ \u00a0]+)?{MONTHS}{_DAY_YEAR}?(?![\w])"),
    ("word_day_month", _WORD_DAY_MONTH),
    ("month_year", rf"(?<![\w]){MONTHS}[ \u00a0]+(?:of[ \u00a0]+)?(?:{_YEAR}|{_NAMED_YEAR})(?![\w])"),
    ("weekday_day", _WEEKDAY_DAY),
    ("weekday_of_month", _WEEKDAY_OF_MONTH),
    ("weekday_week", _WEEKDAY_WEEK),
    ("weekday", rf"(?<![\w])(?:(?:last|next|this)[ \u00a0]+)?{WEEKDAYS}(?![\w])"),
    ("ordinal_day", _ORDINAL_DAY),
    ("day_of_month", _DAY_OF_MONTH_NAMED),
    ("year_part", _YEAR_PART),
    ("relative", r"(?<![\w])(?:(?:a|one|two)[ \u00a0]+weeks?[ \u00a0]+(?:today|tomorrow)|yesterday|today|tomorrow"
                 r"|last[ \u00a0]+night|tonight"
                 r"|(?:last|next|this)[ \u00a0]+(?:week|month|year|season)"
                 r"|(?:a|one|two|three|four|five|six|seven|eight|nine|ten|\d+)[ \u00a0]+"
                 r"(?:days?|weeks?|fortnights?|months?|years?|seasons?)[ \u00a0]+ago"
                 r"|(?:a|one|two|three|four|five|six|seven|eight|nine|ten|\d+)[ \u00a0]+"
                 r"(?:days?|weeks?|fortnights?|months?)[ \u00a0]+from[ \u00a0]+(?:today|now))(?![\w])"),
)
_DATE_RE = re.compile("|".join(f"(?P<{name}>{p})" for name, p in _PATTERNS), re.I)
#: A day in digits without a year after a preposition of time ("reopens on 3/19", "from 5/8", "shut
#: until 8/5"): month or day first, read as the reading nearest the article's date (`_calendar`).
#: Only after these prepositions: elsewhere two numbers with a slash are a fraction, a rating or a
#: score ("1/16 of an inch", "a 4/5 rating", "cut by 1/3", "24/7"); "of" after them makes a fraction.
_DAY_DIGITS_RE = re.compile(
    r"(?<![\w])(?:on|from|until|till|since|before|after)[ \u00a0]+(?P<d>(?:[0-3]?\d)/(?:[0-3]?\d))"
    r"(?![\d/]|[.,]\d|[ \u00a0]+of(?![\w]))", re.IGNORECASE)
#: A month's name written as a name: capitalised, in title case or in capitals ("June", "JUNE").
_MONTH_NAMED = re.compile(rf"(?=[A-Z])(?i:{MONTHS})")
_CASED_NAMES = ("month_day", "day_month", "month_year", "weekday", "weekday_day", "weekday_week")
#: The offsets from UTC, in minutes, of the time zones news copy names after a clock time (standard
#: facts of the zones, not a tuned list; "ET" and "PT" are read as standard time).
ZONE_OFFSETS = {"GMT": 0, "UTC": 0, "BST": 60, "CET": 60, "EST": -300, "EDT": -240, "ET": -300, "CST": -360,
                "CDT": -300, "MST": -420, "MDT": -360, "PST": -480, "PDT": -420, "PT": -480}
#: Clock times: "11 a.m.", "5:25 a.m.", "10.45pm", "2pm", "17:22", "1:36.6"; a zone after one is any of
#: `ZONE_OFFSETS` ("14:20 GMT", "10:05 CST").
TIME_RE = re.compile(
    r"(?<![\w.:])(?:\d{1,2}(?::\d{2}){1,2}(?:\.\d+)?(?:[ \u00a0]*(?:[ap]\.?m\.?|"
    + "|".join(sorted(ZONE_OFFSETS, key=len, reverse=True)) + r"))?"
    r"|\d{1,2}(?:[.:]\d{2})?[ \u00a0]*[ap]\.?m\.?(?=[\W]|$))"
)
_BARE_YEAR_RE = re.compile(rf"(?<![\w.,$£€-]){_YEAR}(?P<s>s|'s|’s)?(?![\w]|[.,]\d)")


_ZONE = re.compile(r"\b(" + "|".join(ZONE_OFFSETS) + r")\b")
_ZONE_AFTER = re.compile(r"[ \u00a0]*\(?(" + "|".join(ZONE_OFFSETS) + r")\b")
#: Month and weekday names (from `calendar`) and the time zones of clock times, lowercased: words
#: of times, never places or names (`rules.slots`, `stories`).
TIME_NAMES = frozenset(n.lower() for n in (*calendar.month_name, *calendar.month_abbr, *calendar.day_name,
                                           *ZONE_OFFSETS) if n)


@dataclass(frozen=True, slots=True)
class ClockTime:
    """A clock time of a text: its possible minutes after midnight (two readings when it has no
    a.m./p.m. and could be either: "at 7:30"), and the offset from UTC of the zone named with it
    (None when it names none: local time)."""

    minutes: tuple[int, ...]
    offset: int | None


@functools.lru_cache(maxsize=4096)
def clock_times(text: str) -> tuple[ClockTime, ...]:
    """The clock times of ``text`` (`TIME_RE`), read as minutes of the day with their zone. A time
    with a fraction ("1:36.6", a race time) is a duration, not a clock time, and is left out.
    Remembered by text: `compare.apart` asks again for each pair of numbers of two claims."""
    out = []
    for m in TIME_RE.finditer(text):
        written = m.group()
        hm = re.match(r"(\d{1,2})(?:[:.](\d{2}))?(?![\d:]*\.\d)", written)
        if hm is None:
            continue
        hour, minute = int(hm.group(1)), int(hm.group(2) or 0)
        if hour > 23 or minute > 59:
            continue
        zone = _ZONE.search(written) or _ZONE_AFTER.match(text, m.end())
        offset = ZONE_OFFSETS[zone.group(1)] if zone else None
        meridiem = re.search(r"([ap])\.?m", written, re.IGNORECASE)
        if meridiem:
            minutes: tuple[int, ...] = (hour % 12 * 60 + (720 if meridiem.group(1).lower() == "p" else 0) + minute,)
        elif hour == 0 or hour > 12 or offset is not None:  # a 24-hour clock, as wire copy with a zone writes
            minutes = (hour * 60 + minute,)
        else:  # "at 7:30": morning or evening
            minutes = (hour * 60 + minute, (hour + 12) % 24 * 60 + minute)
        out.append(ClockTime(minutes, offset))
    return tuple(out)


def clock_gap(x: str, y: str) -> int | None:
    """The least distance, in minutes around the clock, between a clock time of ``x`` and one of
    ``y`` (`clock_times`); None when either names none. Times of a text that names no zone are read
    in the other text's zone (an outlet's local time is usually the event's); when both name
    zones, times are compared in UTC."""
    cx, cy = clock_times(x), clock_times(y)
    if not cx or not cy:
        return None
    zx = next((c.offset for c in cx if c.offset is not None), None)
    zy = next((c.offset for c in cy if c.offset is not None), None)
    shift = zx is not None and zy is not None

    def utc(c: ClockTime, zone: int | None) -> tuple[int, ...]:
        off = c.offset if c.offset is not None else zone
        return tuple((v - off) % 1440 for v in c.minutes) if shift and off is not None else c.minutes

    gaps = (min(abs(a - b), 1440 - abs(a - b))
            for c in cx for a in utc(c, zx) for d in cy for b in utc(d, zy))
    return min(gaps)


@dataclass(frozen=True, slots=True)
class DateSpan:
    """A date-like span found by pattern, before resolution."""

    start: int
    end: int
    kind: str


def date_spans(text: str) -> list[DateSpan]:
    """Spans that are dates by pattern (month names, weekdays, ISO, relative words) and clock times."""
    return list(_date_spans(text))


@functools.lru_cache(maxsize=1024)
def _date_spans(text: str) -> tuple[DateSpan, ...]:
    """`date_spans`, remembered for the last texts: a claim's quantities and its dates both read
    them (`extract_quantities` blocks the dates' numbers, `extract_dates` resolves them), and the
    patterns were about a tenth of extraction when run twice."""
    spans = []
    for m in _DATE_RE.finditer(text):
        kind = m.lastgroup or ""
        if kind in _CASED_NAMES and not m.group()[:1].isupper() and not m.group().lower().startswith(("last", "next", "this")) and kind != "day_month" \
                and not (kind == "weekday_week" and m.group().split()[-1][:1].isupper()):
            continue  # "a week on Saturday": the weekday is the name
        if kind in ("day_month", "word_day_month") and not _MONTH_NAMED.search(m.group()):
            continue  # "4 may": a month is a name, capitalised ("4 May", "4 MAY")
        if kind == "month_part" and not _MONTH_NAMED.search(m.group()):
            continue  # "in mid-may": a month is a name
        if kind == "month_year" and not _MONTH_NAMED.match(m.group()):
            continue  # "prices may this year ...": a month with its year in words is a name too
        if kind == "month_day" and m.group().startswith("May") and not re.search(r"\d", m.group()[3:]):
            continue
        start = m.start()
        if kind == "day_month" and (r := _RANGE_BEFORE.match(m.group())) and int(r.group(1)) >= int(r.group(2)):
            start += r.start(2)  # "won 3-1 May 5": a score before the date, no span of days
        spans.append(DateSpan(start, m.end(), kind))
    for m in _DAY_DIGITS_RE.finditer(text):
        if not any(x.start <= m.start("d") < x.end for x in spans):
            spans.append(DateSpan(m.start("d"), m.end("d"), "day_digits"))
    spans.sort(key=lambda x: x.start)
    for m in TIME_RE.finditer(text):
        spans.append(DateSpan(m.start(), m.end(), "time"))
    return tuple(spans)


def is_year(text: str, start: int, end: int) -> bool:
    """Whether the number at [start, end) reads as a year ("in 2019", "the 1970s", "2018's best")."""
    m = _BARE_YEAR_RE.fullmatch(text, start, end) or _BARE_YEAR_RE.match(text, start)
    if not m or m.start() != start or m.end() < end:
        return False
    if m["s"] or _BRACKETED.search(text[max(0, start - 24): start]) and _BRACKET_SHUT.match(text, end):
        return True
    before = re.search(r"([A-Za-z]+)[ \u00a0]*[-–]?$", text[max(0, start - 20): start])
    return bool(before and before.group(1).lower() in YEAR_PREPOSITIONS)


#: A year after one word of its bracket and closing it ("Tova Lindqvist (born 1979)", "(est. 1850)"):
#: the year of the thing the bracket follows, as "born in 1979" would be. VitaminC dev half a
#: gained 2 refutations, half b 3. A year alone in its bracket ("Salt Harbour (2016)") is left
#: unread: it brought a false alarm on half b and no refutation.
_BRACKETED = re.compile(r"\([ \u00a0]*[A-Za-z]+\.?[ \u00a0]+$")
_BRACKET_SHUT = re.compile(r"[ \u00a0]*\)")


#: What a year before a noun follows when it names that noun by its year ("the 2004 tsunami",
#: "Iran's 2009 election"): a determiner or a possessive.
_YEAR_DETERMINER = re.compile(r"(?:\b(?:the|a|an|its|his|her|their|this|that)|['’]s)[ \u00a0]*$", re.IGNORECASE)


def names_by_year(text: str, start: int, end: int) -> bool:
    """Whether the year at [start, end) names the noun after it by its year: after a determiner or a
    possessive, before a singular or capitalised noun ("the 2004 tsunami", "the 1998 Gold Cup",
    "the club's 2015 season"), as the quantity extractor reads it (`extract._is_bare_year`: not a
    count). "the 2004 victims" counts victims. A year named so dates what the noun is, and the
    figures said of it: the background of another time (`compare._eras_differ`)."""
    if not _YEAR_DETERMINER.search(text, max(0, start - 12), start):
        return False
    noun = counted_noun(text, end, singular_count=False)
    if noun is None:
        return False
    words = text[noun.start: noun.end].split()
    return words[0][:1].isupper() or words[-1][:1].isupper() or not is_plural(words[-1].lower())


@functools.lru_cache(maxsize=1)
def _parser():
    import dateparser

    return dateparser


_MONTH_NUMBER = {name: n for n, names in enumerate(
    ("jan january", "feb february", "mar march", "apr april", "may", "jun june", "jul july", "aug august",
     "sep sept september", "oct october", "nov november", "dec december"), start=1) for name in names.split()}
_WEEKDAY_NUMBER = {name: n for n, name in enumerate(
    ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"))}
_NUMBER_WORDS = {"a": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8,
                 "nine": 9, "ten": 10}
_FIELDS_RE = re.compile(r"(?P<word>[A-Za-z]+)|(?P<num>\d+)")
#: A future context before a date in its clause: the date is ahead of the anchor day. "would" is the
#: future of reported speech ("the mayor said the bridge would be shut Tuesday"): read as a past, a
#: Monday article's Tuesday was the week before and set against another outlet's "will be shut
#: Tuesday" as a date conflict (a held-half news finding, judged a misreading). "until" and "through"
#: only right before the date ("shut through Friday"): a verb's particle is no future ("a flood tore
#: through the village on Tuesday" is last Tuesday). "is to" / "are to" is the future of what is arranged
#: ("tolls are to be cut from 1 March").
FUTURE_RE = re.compile(
    r"\b(?:will|would|shall|won'?t|going\s+to|(?:is|are)\s+to|plans?\s+to|expected\s+to|due\s+to|set\s+(?:for|to)|scheduled|slated"
    r"|due\s+(?:on|in|back|for)|upcoming|next|postponed|rescheduled|adjourned)\b|'ll\b"
    r"|\b(?:until|through)[ \u00a0]+(?:the[ \u00a0]+)?$",
    re.I,
)
_CLAUSE_BREAK_RE = re.compile(r"[;!?]|\.(?!\d)|\b(?:but|after|since|when)\b", re.I)  # "3.8 per cent": a decimal point ends no clause


def _forward(text: str, start: int) -> bool:
    """Whether the clause before a date (up to 80 characters) speaks of the future. A comma ends
    that clause when what follows it up to the date holds a verb in its past (`wordnet.past_form`):
    "rents will rise from April, the cabinet agreed on Thursday" dates the agreement, the Thursday
    before the article.

    A past joined by "and" to the future verb ("will be taken down on Monday, and replaced on
    Friday") is read as a clause of its own too: a list of joining words (and, or, nor, then) that
    kept the future there moved no date of the news tune half (2,803 dates) nor of the writers'
    tuning files (1,009), so it is not kept (open: tests/test_dates.py)."""
    before = text[max(0, start - 80):start]
    breaks = list(_CLAUSE_BREAK_RE.finditer(before))
    if breaks:
        before = before[breaks[-1].end():]
    if "," in before:
        words = re.findall(r"[A-Za-z]+", before[before.rindex(",") + 1:])
        if any(map(past_form, words)):
            before = before[before.rindex(",") + 1:]
    return bool(FUTURE_RE.search(before))


def resolve(phrase: str, kind: str, base: dt.date | None, *, forward: bool = False) -> dt.date | None:
    """The day a date span means, anchored on ``base``: calendar arithmetic on the span's own
    fields (`_calendar`), dateparser only for a span that does not fit them."""
    try:
        when = _calendar(phrase, kind, base, forward)
    except ValueError:  # "February 30": no such day
        return None
    return when if when is not False else _dateparser(phrase, base, forward)


def _calendar(phrase: str, kind: str, base: dt.date | None, forward: bool) -> dt.date | None | bool:
    """The date by the span's fields, None for an impossible one, False when they do not fit."""
    if kind in ("word_day_month", "day_of_month", "ordinal_day"):  # "the eighth of May": the day in digits
        phrase = _ORDINAL_WORD_RE.sub(lambda m: str(ORDINALS[" ".join(m.group().lower().split())]), phrase)
        kind = "day_month" if kind == "word_day_month" else kind
    words = [m["word"].lower() for m in _FIELDS_RE.finditer(phrase) if m["word"]]
    nums = [int(m["num"]) for m in _FIELDS_RE.finditer(phrase) if m["num"]]
    if kind == "iso":
        return dt.date(nums[0], nums[1], nums[2])
    if kind == "dotted":  # "04.02.2025": day first
        return dt.date(nums[2], nums[1], nums[0])
    if kind == "numeric":
        first, second, year = nums
        year += 2000 if year < 100 and year < 50 else 1900 if year < 100 else 0
        if first > 12 or second > 12 or first == second or base is None:
            return dt.date(year, first, second) if first <= 12 else dt.date(year, second, first)
        return _nearer(base, forward, [dt.date(year, m, d) for m, d in ((first, second), (second, first))
                                       if _valid(year, m, d)])
    if kind == "day_digits":  # "on 3/19", "from 5/8": yearless, month or day first
        if base is None:
            return False
        first, second = nums
        readings = [_nearest(base, forward, lambda y, m=m, d=d: dt.date(y, m, d) if _valid(y, m, d) else None)
                    for m, d in {(first, second), (second, first)}]
        return _nearer(base, forward, [r for r in readings if r is not None])
    month = next((_MONTH_NUMBER[w] for w in words if w in _MONTH_NUMBER), None)
    step = _YEAR_STEPS.get(words[-2]) if len(words) > 2 and words[-1] == "year" else None
    if step is not None and kind in ("month_day", "day_month", "month_year", "month_part") and month is not None:
        # "9 August last year", "March next year", "mid-March last year": the year named from the article's
        if base is None:
            return False
        day = next((n for n in nums if n <= 31), 1) if kind in ("month_day", "day_month") else 1
        return dt.date(base.year + step, month, day)
    if kind in ("month_day", "day_month") and month is not None:
        day = next((n for n in nums if n <= 31), None)
        year = next((n for n in nums if n > 31), None)
        if day is None:
            return False
        if year is not None:
            return dt.date(year, month, day)
        if base is None:
            return False
        return _nearest(base, forward, lambda y: dt.date(y, month, day) if _valid(y, month, day) else None)
    if kind == "weekday_of_month" and month is not None:  # "the first Saturday of August"
        target = next((_WEEKDAY_NUMBER[w] for w in words if w in _WEEKDAY_NUMBER), None)
        nth = next((_NTH[w] for w in words if w in _NTH), None)
        if target is None or nth is None:
            return False
        if nums:
            return _nth_weekday(nums[-1], month, target, nth)
        if base is None:
            return False
        return _nearest(base, forward, lambda y: _nth_weekday(y, month, target, nth))
    # a month, or a part of one: its first day (`_month_span` gives a part's days)
    if kind in ("month_year", "month_part") and month is not None and nums:
        return dt.date(nums[-1], month, 1)
    if kind == "month_part" and month is not None:
        return _nearest(base, forward, lambda y: dt.date(y, month, 1)) if base is not None else False
    if kind == "year_part":
        return _year_part(words, nums, base)
    if kind == "year_third":  # "early 2023", "late last year": the first day of its first month
        first = _YEAR_THIRDS[next(w for w in words if w in _YEAR_THIRDS)][0]
        if nums:
            return dt.date(nums[-1], first, 1)
        return dt.date(base.year + _YEAR_STEPS[words[-2]], first, 1) if base is not None else False
    if base is None:
        return False
    if kind == "weekday_week":  # "Saturday week", "a fortnight on Monday": weeks after the coming such day
        target = next(_WEEKDAY_NUMBER[w] for w in words if w in _WEEKDAY_NUMBER)
        weeks = _WEEKS_OF["fortnight"] if "fortnight" in words else _NUMBER_WORDS.get(words[0], 1)
        return base + dt.timedelta(days=(target - base.weekday()) % 7 + 7 * weeks)
    if kind == "weekday":
        target = next((_WEEKDAY_NUMBER[w] for w in words if w in _WEEKDAY_NUMBER), None)
        if target is None:
            return False
        back = (base.weekday() - target) % 7
        ahead = (target - base.weekday()) % 7
        if "last" in words:
            return base - dt.timedelta(days=back or 7)
        if "next" in words:
            return base + dt.timedelta(days=ahead or 7)
        if "this" in words or forward:
            return base + dt.timedelta(days=ahead)
        return base - dt.timedelta(days=back)
    if kind == "relative":
        return _relative(words, nums, base)
    if kind == "weekday_day" and nums:
        target = next((_WEEKDAY_NUMBER[w] for w in words if w in _WEEKDAY_NUMBER), None)
        return _day_on_weekday(base, nums[0], target, forward)
    if kind == "day_of_month" and nums:  # "the 21st of next month": that day of the month after the anchor's
        month = _add_months(base.replace(day=1), sum(_MONTH_STEPS.get(w, 0) for w in words))
        return month.replace(day=nums[0]) if _valid(month.year, month.month, nums[0]) else None
    if kind == "ordinal_day" and nums:
        day, step = nums[0], 1 if forward else -1
        months = (_add_months(base.replace(day=1), step * k) for k in range(13))
        return next((m.replace(day=day) for m in months if _valid(m.year, m.month, day)
                     and (m.replace(day=day) >= base if forward else m.replace(day=day) <= base)), None)
    return False


#: How many months either side of the article's a weekday with an ordinal day is looked for in.
_WEEKDAY_DAY_MONTHS = 12


def _day_on_weekday(base: dt.date, day: int, weekday: int | None, forward: bool) -> dt.date | None:
    """The ``day`` of a month that falls on ``weekday`` ("Wednesday the 22nd"), nearest ``base`` on
    its side (on or after it in a future clause, else on or before it), else nearest on either
    side, within `_WEEKDAY_DAY_MONTHS`; without such a day, the ``day`` of the nearest month on its
    side (as "on the 22nd" reads)."""
    months = [_add_months(base.replace(day=1), k) for k in range(-_WEEKDAY_DAY_MONTHS, _WEEKDAY_DAY_MONTHS + 1)]
    days = [m.replace(day=day) for m in months if _valid(m.year, m.month, day)]
    fits = [d for d in days if d.weekday() == weekday]
    if fits:
        return _nearer(base, forward, fits)
    return _nearer(base, forward, days)


def _nearer(base: dt.date, forward: bool, readings: list[dt.date]) -> dt.date | None:
    """Of the readings of a date in digits that may be day or month first ("12/03/2025": 12 March or
    3 December), the one an outlet writing on ``base`` means: the nearest to it on its side (on or
    after it in a future clause, else on or before it, as a yearless date is read), else the
    nearest. Outlets write day first or month first by their country, which a text does not say;
    the date they give is mostly of the days around the story's."""
    side = [r for r in readings if (r >= base if forward else r <= base)] or readings
    return min(side, key=lambda r: abs((r - base).days), default=None)


#: The weeks of a unit of time counted in weeks: a fortnight is two ("a fortnight ago").
_WEEKS_OF = {"week": 1, "fortnight": 2}


def _relative(words: list[str], nums: list[int], base: dt.date) -> dt.date | bool:
    if words == ["yesterday"]:
        return base - dt.timedelta(days=1)
    if words == ["today"]:
        return base
    if words == ["tomorrow"]:
        return base + dt.timedelta(days=1)
    if words in (["last", "night"], ["tonight"]):  # the night before the article's day; its own night
        return base - dt.timedelta(days=words == ["last", "night"])
    if len(words) == 3 and words[1].startswith("week") and words[2] in ("today", "tomorrow"):
        weeks = nums[0] if nums else _NUMBER_WORDS.get(words[0], 1)  # "a week tomorrow": eight days on
        return base + dt.timedelta(days=7 * weeks + (words[2] == "tomorrow"))
    unit = words[-1].rstrip("s") if words else ""
    if len(words) == 2 and words[0] in ("last", "next", "this"):
        step = {"last": -1, "next": 1, "this": 0}[words[0]]
        if unit == "week":
            return base + dt.timedelta(weeks=step)
        if unit == "month":
            return _add_months(base, step)
        if unit in ("year", "season"):
            return _add_months(base, 12 * step)
    if len(words) >= 3 and words[-2] == "from" and words[-1] in ("today", "now"):  # "two weeks from today"
        count = nums[0] if nums else _NUMBER_WORDS.get(words[0])
        unit = words[-3].rstrip("s")
        if count is None:
            return False
        if unit == "day":
            return base + dt.timedelta(days=count)
        if unit in _WEEKS_OF:
            return base + dt.timedelta(weeks=count * _WEEKS_OF[unit])
        if unit == "month":
            return _add_months(base, count)
    if words and words[-1] == "ago":
        count = nums[0] if nums else _NUMBER_WORDS.get(words[0])
        unit = words[-2].rstrip("s")
        if count is None:
            return False
        if unit == "day":
            return base - dt.timedelta(days=count)
        if unit in _WEEKS_OF:
            return base - dt.timedelta(weeks=count * _WEEKS_OF[unit])
        if unit == "month":
            return _add_months(base, -count)
        if unit in ("year", "season"):
            return _add_months(base, -12 * count)
    return False


def _year_part(words: list[str], nums: list[int], base: dt.date | None) -> dt.date | None | bool:
    """The first day of a half or a quarter of a year ("the first half of the year": 1 January of
    the anchor's year; "of last year", of the year before; "the third quarter of 2024": 1 July 2024);
    "final"/"last" is the last part. False for a year it cannot place (no year named, no anchor)."""
    year = nums[-1] if nums else None
    if year is None:
        if base is None:
            return False
        year = base.year + (_YEAR_STEPS[words[-2]] if len(words) > 1 and words[-1] == "year" and words[-2] in _YEAR_STEPS else 0)
    size = _part_months(words)
    part = next((_PART_NUMBER[w] for w in words if w in _PART_NUMBER), 12 // size if {"final", "last"} & set(words[:3]) else None)
    if part is None or part > 12 // size:
        return None
    return dt.date(year, 1 + size * (part - 1), 1)


def _part_months(words: list[str]) -> int:
    """The months of the half or quarter of a year whose words are ``words`` (`_YEAR_PART`)."""
    return 6 if "half" in words else 3


def _add_months(day: dt.date, months: int) -> dt.date:
    index = day.year * 12 + day.month - 1 + months
    year, month = divmod(index, 12)
    return dt.date(year, month + 1, min(day.day, _month_length(year, month + 1)))


def _month_length(year: int, month: int) -> int:
    nxt = dt.date(year + (month == 12), month % 12 + 1, 1)
    return (nxt - dt.timedelta(days=1)).day


def _valid(year: int, month: int, day: int) -> bool:
    return 1 <= month <= 12 and 1 <= day <= _month_length(year, month)


def _nth_weekday(year: int, month: int, weekday: int, nth: int) -> dt.date:
    """The ``nth`` ``weekday`` (0 Monday) of the month, counted from its end when ``nth`` is -1
    ("the last Monday in May")."""
    if nth < 0:
        last = dt.date(year, month, _month_length(year, month))
        return last - dt.timedelta(days=(last.weekday() - weekday) % 7)
    first = dt.date(year, month, 1)
    return first + dt.timedelta(days=(weekday - first.weekday()) % 7 + 7 * (nth - 1))


def _nearest(base: dt.date, forward: bool, make) -> dt.date | None:
    """The yearless date nearest ``base`` on its side: on or after it when ``forward``, else on or
    before; February 29 may be up to eight years away (1896 and 1904 are the leap years around 1900)."""
    step = 1 if forward else -1
    for year in range(base.year, base.year + 9 * step, step):
        when = make(year)
        if when is not None and (when >= base if forward else when <= base):
            return when
    return None


@functools.lru_cache(maxsize=4096)
def _dateparser(phrase: str, base: dt.date | None, forward: bool) -> dt.date | None:
    settings = {"PREFER_DATES_FROM": "future" if forward else "past", "REQUIRE_PARTS": [],
                "RETURN_AS_TIMEZONE_AWARE": False}
    if base is not None:
        settings["RELATIVE_BASE"] = dt.datetime(base.year, base.month, base.day)
    try:
        parsed = _parser().parse(phrase, languages=["en"], settings=settings)
    except (ValueError, OverflowError, TypeError):
        return None
    return parsed.date() if parsed else None


#: Words before a bare weekday that put its event at night, past the day's end ("late on Wednesday",
#: "overnight Sunday") or before its start ("early Thursday", "in the early hours of Friday",
#: "Saturday into Sunday"); after it, "night" or "evening" ("Friday night") put it late.
_LATE_BEFORE = re.compile(r"\b(?:late|overnight)(?:[ \u00a0]+on)?[ \u00a0]*$", re.I)
_EARLY_BEFORE = re.compile(r"\b(?:early(?:[ \u00a0]+hours[ \u00a0]+of)?|into)(?:[ \u00a0]+on)?[ \u00a0]*$", re.I)
_LATE_AFTER = re.compile(r"[ \u00a0]+(?:night|evening|overnight)\b", re.I)


def _night_reach(text: str, start: int, end: int) -> tuple[int, int]:
    """Days before and after its own day that the bare weekday at [start, end) of ``text`` may be
    told as by another outlet: one night falls on two days, so "late Wednesday night" may be
    another's "early Thursday" (`_LATE_BEFORE`, `_EARLY_BEFORE`, `_LATE_AFTER`); a weekday told
    with no such word is its day."""
    before = text[max(0, start - 25):start]
    late = bool(_LATE_BEFORE.search(before) or _LATE_AFTER.match(text, end))
    return (1 if _EARLY_BEFORE.search(before) else 0), (1 if late else 0)


def reach(mention: DateMention) -> tuple[int, int]:
    """Days before and after its day that a bare weekday (an approximate mention, `extract_dates`)
    may mean, read against another anchor day: a night told as two days (`_night_reach`); (0, 0) for
    any other mention."""
    if not mention.approximate or mention.earliest is None or mention.latest is None:
        return 0, 0
    return (mention.value - mention.earliest).days, (mention.latest - mention.value).days


def _days_meant(kind: str, phrase: str, when: dt.date, night: tuple[int, int] = (0, 0)
                ) -> tuple[dt.date | None, dt.date | None, bool]:
    """(earliest, latest, approximate) of a mention that means more than its day: a bare weekday is
    approximate, a day off on the side of a night it names (``night``, `_night_reach`); "last week"
    is that whole week; "two weeks ago" give or take 3 days."""
    low = phrase.lower()
    if kind == "weekday" and not re.match(r"(?:last|next|this)\b", low):
        return when - dt.timedelta(days=night[0]), when + dt.timedelta(days=night[1]), True
    if kind == "relative" and re.fullmatch(r"(?:last|next|this)[ \u00a0]+week", low):
        monday = when - dt.timedelta(days=when.weekday())
        return monday, monday + dt.timedelta(days=6), False
    if kind == "relative" and re.search(r"(?:weeks?|fortnights?)[ \u00a0]+ago$", low):
        return when - dt.timedelta(days=3), when + dt.timedelta(days=3), False
    if kind == "relative" and re.search(r"season", low):
        return _season(when)
    if kind == "month_part":
        return _month_span(low, when)
    if kind == "year_part":  # the months of the half or quarter (`_year_part`)
        return when, _add_months(when, _part_months(re.findall(r"[a-z]+", low))) - dt.timedelta(days=1), False
    if kind == "year_third":  # the months of a part of a year (`_YEAR_THIRDS`)
        first, last = _YEAR_THIRDS[next(w for w in re.findall(r"[a-z]+", low) if w in _YEAR_THIRDS)]
        return when, dt.date(when.year, last, _month_length(when.year, last)), False
    return None, None, False


def _month_span(phrase: str, first: dt.date) -> tuple[dt.date, dt.date, bool]:
    """The days of the part of a month ``phrase`` names (`_PART_OF_MONTH`), ``first`` being the month's
    first day: a third of it (`_MONTH_PARTS`), or a week counted from its start or, "last", its end."""
    end = _month_length(first.year, first.month)
    m = _PART_OF_MONTH_RE.match(phrase)
    if m and m["week"]:
        nth = _NTH[m["week"].lower()]
        lo = end - 6 if nth < 0 else 7 * (nth - 1) + 1
        return first.replace(day=lo), first.replace(day=lo + 6), False
    lo, hi = _MONTH_PARTS[((m and (m["third"] or m["edge"])) or "mid").lower()]
    return first.replace(day=lo), first.replace(day=hi or end), False


def _season(when: dt.date) -> tuple[dt.date, dt.date, bool]:
    """The days of the season around ``when`` (`_days_meant`): a season (of a sport, a league, a
    show) recurs yearly but starts in no month we know, so it is the twelve whole months centred
    on ``when``'s month, six before it and five after; "last season" / "this season" / "next
    season" are then three spans that abut, and "this season" holds the anchor day (the present:
    `compare._eras_differ`). A season of the calendar ("last summer") is not read: see
    `extract_dates`."""
    first = _add_months(when.replace(day=1), -6)
    return first, _add_months(first, 12) - dt.timedelta(days=1), False


def _granularity(kind: str, phrase: str) -> Literal["day", "month", "year"]:
    if kind in ("month_year", "year_part", "year_third"):
        return "month"
    if kind == "year":
        return "year"
    if kind == "relative" and re.search(r"(month)", phrase, re.I):
        return "month"
    if kind == "relative" and re.search(r"(year|season)", phrase, re.I):
        return "year"
    return "day"


def _fixed_by_date(text: str, spans: list[DateSpan], n: int) -> bool:
    """A weekday right next to a day-of-month date: "Thursday, July 23", "on July 23 (Thursday)"."""
    here = spans[n]
    if re.match(r"(?i)(?:last|next|this)\b", text[here.start:here.end]):
        return False
    for other in spans[max(0, n - 1):n] + spans[n + 1:n + 2]:
        if other.kind not in ("month_day", "day_month", "word_day_month", "iso", "numeric", "dotted"):
            continue
        gap = text[here.end:other.start] if other.start >= here.end else text[other.end:here.start]
        if len(gap) <= 3 and re.fullmatch(r"[\s,(]*|[\s,)]*", gap):
            return True
    return False


def _weekday_beside(text: str, spans: list[DateSpan], n: int) -> int | None:
    """The weekday (0 Monday) written right beside the yearless date ``spans[n]`` ("Thursday 7 May",
    "7 May (Thursday)"), as `_fixed_by_date` reads it from the weekday's side; None when there is none."""
    for m in (n - 1, n + 1):
        if 0 <= m < len(spans) and spans[m].kind == "weekday" and _fixed_by_date(text, spans, m):
            name = text[spans[m].start: spans[m].end].lower()
            return _WEEKDAY_NUMBER.get(name)
    return None


#: How many days from the anchor a yearless date beside a weekday may be moved to: a year, so a
#: weekday written wrong moves the date at most to the year before or after, never years away.
_WEEKDAY_DAYS = 366


def _year_of_weekday(when: dt.date, weekday: int, anchor: dt.date) -> dt.date:
    """``when`` moved to the year nearest the anchor day in which it falls on ``weekday`` ("Thursday
    7 May" in an April 2026 article is 7 May 2026, whatever the tense of its clause); ``when`` as it
    is when it already does, or when no such day lies within `_WEEKDAY_DAYS` of the anchor."""
    if when.weekday() == weekday:
        return when
    found = [d for y in range(anchor.year - 1, anchor.year + 2)
             if _valid(y, when.month, when.day) and (d := dt.date(y, when.month, when.day)).weekday() == weekday
             and abs((d - anchor).days) <= _WEEKDAY_DAYS]
    return min(found, key=lambda d: abs((d - anchor).days), default=when)


_YEAR_NAMED_RE = re.compile(rf"{_NAMED_YEAR}$", re.I)


def _has_year(phrase: str) -> bool:
    return bool(re.search(r"\d{4}", phrase))


def _first_day(phrase: str, kind: str) -> tuple[str, int | None]:
    """A span of days of one month as its first day's phrase and the last day ("March 12-14, 2024":
    "March 12, 2024" and 14; "12-13 August": "12 August" and 13); any other phrase as it is, and
    None."""
    if kind == "month_day" and (m := _RANGE_AFTER.search(phrase)):
        return phrase[:m.start()] + phrase[m.end():], int(m.group(1))
    if kind == "day_month" and (m := _RANGE_BEFORE.match(phrase)):
        return phrase[:m.end(1)] + phrase[m.end(2):], int(m.group(2))
    return phrase, None


def extract_dates(text: str, *, doc_date: dt.date | None = None) -> tuple[DateMention, ...]:
    """Dates a text mentions, resolved against ``doc_date`` when relative (see the module doc).

    Month-and-day dates without a year take the year from ``doc_date``;
    without ``doc_date`` they, and relative dates ("on Friday", "last year"),
    are left out rather than resolved against the clock. Years ("in 2019")
    have year granularity. Clock times are not dates.
    """
    mentions: list[DateMention] = []
    taken: list[tuple[int, int]] = []
    spans = [s for s in date_spans(text) if s.kind != "time"]
    for n, span in enumerate(spans):
        phrase, last = _first_day(text[span.start: span.end], span.kind)
        relative = span.kind in ("weekday", "weekday_day", "weekday_week", "relative", "ordinal_day", "day_of_month", "day_digits") or (
            span.kind in ("month_day", "day_month", "word_day_month", "year_part", "weekday_of_month", "month_year", "month_part",
                          "year_third") and not _has_year(phrase))
        if relative and doc_date is None:
            continue
        if span.kind == "weekday" and _fixed_by_date(text, spans, n):
            continue  # "Thursday, July 23": the date beside it says which Thursday
        forward = (relative or span.kind == "numeric") and _forward(text, span.start)
        when = resolve(phrase, span.kind, doc_date, forward=forward)
        if when is None:
            continue
        if relative and span.kind in ("month_day", "day_month", "word_day_month") and not _YEAR_NAMED_RE.search(phrase) \
                and (day := _weekday_beside(text, spans, n)) is not None:
            when = _year_of_weekday(when, day, doc_date)  # "Thursday 7 May": the year whose 7 May is a Thursday
        earliest, latest, approximate = _days_meant(span.kind, phrase, when, _night_reach(text, span.start, span.end))
        if last is not None and last > when.day:  # "12-13 August": the days from the first to the last
            try:
                earliest, latest = when, when.replace(day=last)
            except ValueError:  # "June 29-31": no such last day
                pass
        mentions.append(DateMention(text[span.start: span.end], span.start, span.end, when,
                                    _granularity(span.kind, phrase), relative, earliest, latest, approximate))
        taken.append((span.start, span.end))
    for m in _BARE_YEAR_RE.finditer(text):
        if any(s <= m.start() < e for s, e in taken) or not (
                is_year(text, m.start(), m.start() + 4) or names_by_year(text, m.start(), m.start() + 4)):
            continue
        year = int(text[m.start(): m.start() + 4])
        mentions.append(DateMention(text[m.start(): m.start() + 4], m.start(), m.start() + 4, dt.date(year, 1, 1), "year", False))
    mentions.sort(key=lambda d: d.start)
    return tuple(mentions)


_YEAR_PART_RE = re.compile(_YEAR_PART, re.I)
_PART_OF_MONTH_RE = re.compile(_PART_OF_MONTH, re.I)


def is_year_part(mention: DateMention) -> bool:
    """Whether ``mention`` (of `extract_dates`) is a half or a quarter of a named year ("the first half
    of the year", "the third quarter of 2024": `_YEAR_PART`), read from its own text."""
    return _YEAR_PART_RE.fullmatch(mention.text) is not None


#: The kinds of date span `read_forward` reads ahead: a weekday, a month and day without a year, a
#: weekday of a month ("weekday_of_month"), a bare ordinal day ("opens on the 14th": this month's
#: 14th or the next one's, not the last), a part of a month ("opens in the first week of April").
_READ_FORWARD = ("weekday", "month_day", "day_month", "word_day_month", "weekday_of_month", "ordinal_day",
                 "month_part")


def read_forward(text: str, mention: DateMention, doc_date: dt.date | None) -> tuple[dt.date, dt.date] | None:
    """The days ``mention`` (of `extract_dates` on ``text``) means read as ahead of the anchor day,
    as a future clause's date is (`_forward`): a weekday, a month and day without a year, a weekday
    of a month, or a bare ordinal day (`_READ_FORWARD`). None when it was already so read, or is no such date (a tense this
    module cannot see, `rules.intervals`)."""
    if doc_date is None or not mention.relative:
        return None
    span = next((s for s in date_spans(text) if s.start == mention.start and s.kind != "time"), None)
    if span is None or span.kind not in _READ_FORWARD or _forward(text, span.start):
        return None
    phrase, _last = _first_day(text[span.start: span.end], span.kind)
    if span.kind == "weekday" and re.match(r"(?i)(?:last|next|this)\b", phrase):
        return None
    when = resolve(phrase, span.kind, doc_date, forward=True)
    if when is None or when == mention.value:
        return None
    earliest, latest, _approximate = _days_meant(span.kind, phrase, when, _night_reach(text, span.start, span.end))
    return (earliest or when, latest or when)
