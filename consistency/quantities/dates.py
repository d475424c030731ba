"""Dates and clock times: found by pattern, resolved by dateparser against the document date.

Only spans our own patterns find are handed to dateparser, so its false
positives on free text ("90% just six days") never become dates. The same spans
tell the quantity extractor which numbers are days of the month, years or times
of day, and so are not counts.
"""

from __future__ import annotations

import datetime as dt
import functools
import re
from dataclasses import dataclass
from typing import Literal

from consistency.records import DateMention

MONTHS = (
    r"(?:January|February|March|April|May|June|July|August|September|October|November|December"
    r"|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept|Sep|Oct|Nov|Dec)\.?"
)
WEEKDAYS = r"(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)"
_DAY = r"(?:[12]\d|3[01]|0?[1-9])(?:st|nd|rd|th)?"
_YEAR = r"(?:1[5-9]\d\d|2[01]\d\d)"
#: Words before a bare number that make it a year ("in 2019", "since 2011").
YEAR_PREPOSITIONS = frozenset(
    "in since by until till from of during before after between through to and or circa early late mid "
    "end start beginning spring summer autumn fall winter season fiscal fy year class".split()
)

_PATTERNS: tuple[tuple[str, str], ...] = (
    ("iso", r"(?<![\d-])\d{4}-[01]\d-[0-3]\d(?:T[\d:.]+Z?)?(?![\d-])"),
    ("numeric", r"(?<![\d/])(?:[0-3]?\d)/(?:[0-3]?\d)/(?:\d{4}|\d{2})(?![\d/])"),
    ("month_day", rf"(?<![\w]){MONTHS}[ \u00a0]+{_DAY}(?:[ \u00a0]*[-–][ \u00a0]*{_DAY})?(?:,?[ \u00a0]+{_YEAR})?(?![\w])"),
    ("day_month", rf"(?<![\w]){_DAY}[ \u00a0]+(?:of[ \u00a0]+)?{MONTHS}(?:,?[ \u00a0]+{_YEAR})?(?![\w])"),
    ("month_year", rf"(?<![\w]){MONTHS}[ \u00a0]+(?:of[ \u00a0]+)?{_YEAR}(?![\w])"),
    ("weekday", rf"(?<![\w])(?:(?:last|next|this)[ \u00a0]+)?{WEEKDAYS}(?![\w])"),
    ("relative", r"(?<![\w])(?:yesterday|today|tomorrow|(?:last|next|this)[ \u00a0]+(?:week|month|year)"
                 r"|(?:a|one|two|three|four|five|six|seven|eight|nine|ten|\d+)[ \u00a0]+(?:days?|weeks?|months?|years?)[ \u00a0]+ago)(?![\w])"),
)
_DATE_RE = re.compile("|".join(f"(?P<{name}>{p})" for name, p in _PATTERNS), re.I)
_CASED_NAMES = ("month_day", "day_month", "month_year", "weekday")
#: Clock times: "11 a.m.", "5:25 a.m.", "10.45pm", "2pm", "17:22", "1:36.6".
TIME_RE = re.compile(
    r"(?<![\w.:])(?:\d{1,2}(?::\d{2}){1,2}(?:\.\d+)?(?:[ \u00a0]*(?:[ap]\.?m\.?|GMT|EDT|EST|PDT|PST|BST|CET|UTC|ET|PT))?"
    r"|\d{1,2}(?:[.:]\d{2})?[ \u00a0]*[ap]\.?m\.?(?=[\W]|$))"
)
_BARE_YEAR_RE = re.compile(rf"(?<![\w.,$£€-]){_YEAR}(?P<s>s|'s|’s)?(?![\w]|[.,]\d)")


@dataclass(frozen=True, slots=True)
class DateSpan:
    """A date-like span found by pattern, before resolution."""

    start: int
    end: int
    kind: str


def date_spans(text: str) -> list[DateSpan]:
    """Spans that are dates by pattern (month names, weekdays, ISO, relative words) and clock times."""
    spans = []
    for m in _DATE_RE.finditer(text):
        kind = m.lastgroup or ""
        if kind in _CASED_NAMES and not m.group()[:1].isupper() and not m.group().lower().startswith(("last", "next", "this")) and kind != "day_month":
            continue
        if kind == "day_month" and not re.search(MONTHS, m.group()):
            continue
        if kind == "month_day" and m.group().startswith("May") and not re.search(r"\d", m.group()[3:]):
            continue
        spans.append(DateSpan(m.start(), m.end(), kind))
    for m in TIME_RE.finditer(text):
        spans.append(DateSpan(m.start(), m.end(), "time"))
    return spans


def is_year(text: str, start: int, end: int) -> bool:
    """Whether the number at [start, end) reads as a year ("in 2019", "the 1970s", "2018's best")."""
    m = _BARE_YEAR_RE.fullmatch(text, start, end) or _BARE_YEAR_RE.match(text, start)
    if not m or m.start() != start or m.end() < end:
        return False
    if m["s"]:
        return True
    before = re.search(r"([A-Za-z]+)[ \u00a0]*[-–]?$", text[max(0, start - 20): start])
    return bool(before and before.group(1).lower() in YEAR_PREPOSITIONS)


@functools.lru_cache(maxsize=1)
def _parser():
    import dateparser

    return dateparser


@functools.lru_cache(maxsize=4096)
def _resolve(phrase: str, base: dt.date | None) -> dt.date | None:
    settings = {"PREFER_DATES_FROM": "past", "REQUIRE_PARTS": [], "RETURN_AS_TIMEZONE_AWARE": False}
    if base is not None:
        settings["RELATIVE_BASE"] = dt.datetime(base.year, base.month, base.day)
    try:
        parsed = _parser().parse(phrase, languages=["en"], settings=settings)
    except (ValueError, OverflowError, TypeError):
        return None
    return parsed.date() if parsed else None


def _granularity(kind: str, phrase: str) -> Literal["day", "month", "year"]:
    if kind == "month_year":
        return "month"
    if kind == "year":
        return "year"
    if kind == "relative" and re.search(r"(month)", phrase, re.I):
        return "month"
    if kind == "relative" and re.search(r"(year)", phrase, re.I):
        return "year"
    return "day"


def _has_year(phrase: str) -> bool:
    return bool(re.search(r"\d{4}", phrase))


def extract_dates(text: str, *, doc_date: dt.date | None = None) -> tuple[DateMention, ...]:
    """Dates a text mentions, resolved against ``doc_date`` when relative.

    Month-and-day dates without a year take the year from ``doc_date`` (the
    most recent such date not after it); without ``doc_date`` they, and
    relative dates ("on Friday", "last year"), are left out rather than
    resolved against the clock. Years ("in 2019") have year granularity.
    Clock times are not dates.
    """
    mentions: list[DateMention] = []
    taken: list[tuple[int, int]] = []
    for span in date_spans(text):
        if span.kind == "time":
            continue
        phrase = re.sub(r"[ \u00a0]*[-–][ \u00a0]*\d+(?:st|nd|rd|th)?(?=,|\s\d|$)", "", text[span.start: span.end])
        relative = span.kind in ("weekday", "relative") or (span.kind in ("month_day", "day_month") and not _has_year(phrase))
        if relative and doc_date is None:
            continue
        when = _resolve(phrase, doc_date)
        if when is None:
            continue
        mentions.append(DateMention(text[span.start: span.end], span.start, span.end, when, _granularity(span.kind, phrase), relative))
        taken.append((span.start, span.end))
    for m in _BARE_YEAR_RE.finditer(text):
        if any(s <= m.start() < e for s, e in taken) or not is_year(text, m.start(), m.start() + 4):
            continue
        year = int(text[m.start(): m.start() + 4])
        mentions.append(DateMention(text[m.start(): m.start() + 4], m.start(), m.start() + 4, dt.date(year, 1, 1), "year", False))
    mentions.sort(key=lambda d: d.start)
    return tuple(mentions)
