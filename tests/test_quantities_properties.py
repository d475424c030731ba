"""Property tests: extraction never crashes, and digits and words agree."""

from __future__ import annotations

import datetime as dt
import json
import math

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from consistency.quantities import extract_dates, extract_quantities

_ONES = "zero one two three four five six seven eight nine ten eleven twelve thirteen fourteen fifteen sixteen seventeen eighteen nineteen".split()
_TENS = "_ _ twenty thirty forty fifty sixty seventy eighty ninety".split()


def spell(n: int) -> str:
    """English words for 1 <= n < 1,000,000 ("four hundred and twelve", "thirty-two thousand")."""
    if n >= 1000:
        head, rest = divmod(n, 1000)
        return spell(head) + " thousand" + ("" if rest == 0 else (" and " if rest < 100 else " ") + spell(rest))
    if n >= 100:
        head, rest = divmod(n, 100)
        return _ONES[head] + " hundred" + ("" if rest == 0 else " and " + spell(rest))
    if n >= 20:
        tens, ones = divmod(n, 10)
        return _TENS[tens] + ("" if ones == 0 else "-" + _ONES[ones])
    return _ONES[n]


def _check(text: str) -> None:
    for q in extract_quantities(text):
        assert text[q.start:q.end] == q.text
        assert not (math.isnan(q.low) or math.isnan(q.high))
        assert q.low <= q.high
        json.dumps(q.to_dict(), allow_nan=False)
    extract_dates(text)


_ANY_CHAR = st.characters(codec=None, exclude_categories=())  # every code point, lone surrogates included
_NUMBERISH = st.sampled_from(list("0123456789.,-–/%$€£ kmbnKMB") + ["million", " billion", "bn", " per cent", " to ", " and ", "half", "a third"])


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.text(alphabet=_ANY_CHAR, max_size=200))
def test_never_crashes_on_any_text(text: str) -> None:
    _check(text)


@settings(max_examples=300, deadline=None)
@given(st.lists(st.one_of(_NUMBERISH, st.sampled_from(["\x00", "\x1b", "\u200b", "\ud800", "\udfff", "\n", "\t", " "])), max_size=60))
def test_never_crashes_on_number_like_text(parts: list[str]) -> None:
    _check("".join(parts))


@settings(max_examples=50, deadline=None)
@given(st.integers(min_value=1, max_value=5000), st.sampled_from(["", ",", ".", " "]))
def test_never_crashes_on_very_long_numbers(digits: int, separator: str) -> None:
    number = separator.join(["9" * 3] * max(1, digits // 3))
    _check(f"The debt reached ${number} billion, up {number}% from {number}.")
    _check(f"A mass of 3x10^{digits} kg, 2e-{digits} m and 7E{number} stars.")


@settings(max_examples=200, deadline=None)
@given(st.integers(min_value=2, max_value=999_999), st.sampled_from(["houses", "ships", "votes", "kilometres", "euros"]))
def test_digits_and_words_give_the_same_value(n: int, noun: str) -> None:
    as_digits = extract_quantities(f"The report counted {n:,} {noun} in the region.")
    as_words = extract_quantities(f"The report counted {spell(n)} {noun} in the region.")
    assert len(as_digits) == len(as_words) == 1, (as_digits, as_words)
    assert as_digits[0].value == as_words[0].value == n
    assert as_digits[0].unit == as_words[0].unit
    assert as_digits[0].measured == as_words[0].measured


def test_spell_matches_known_words() -> None:
    assert spell(32) == "thirty-two"
    assert spell(412) == "four hundred and twelve"
    assert spell(28_642) == "twenty-eight thousand six hundred and forty-two"


_GLYPHS = [(1, 2), (1, 3), (2, 3), (1, 4), (3, 4), (1, 8), (3, 8), (5, 8), (7, 8)]


@settings(max_examples=60, deadline=None)
@given(whole=st.integers(1, 999), glyph=st.sampled_from(_GLYPHS),
       written=st.sampled_from(["{w} {n}/{d}", "{w}-{n}/{d}", "{w}{n}/{d}", "{w}{n} / {d}", "{w} - {n} / {d}"]))
def test_mixed_numbers_read_as_one_amount(whole: int, glyph: tuple[int, int], written: str) -> None:
    """However a mixed number is written (a space, a dash, its "½" flattened and glued to the
    whole part, tokenised spaces), it is one amount with its unit: never a count and a second amount."""
    n, d = glyph
    number = written.format(w=whole, n=n, d=d)
    found = extract_quantities(f"The crew worked {number} weeks on the bridge.")
    assert len(found) == 1, found
    assert found[0].unit == "week" and math.isclose(found[0].value, whole + n / d), found[0]


@settings(max_examples=200, deadline=None)
@given(day=st.dates(min_value=dt.date(1901, 1, 1), max_value=dt.date(2098, 12, 31)),
       back=st.integers(1, 12))
def test_seasons_are_consecutive_years_around_the_anchor(day: dt.date, back: int) -> None:
    """A season recurs yearly: "last season", "this season" and "next season" are year-long spans
    that abut, "this season" holds the anchor day (the present), and "N seasons ago" is the span
    N years before this season's."""
    from consistency.rules.text import date_interval

    text = (f"Kestrel Rovers drew 12 games last season, lost 3 this season and play 38 next season "
            f"({back} seasons ago: 40).")
    found = {d.text.lower(): date_interval(d) for d in extract_dates(text, doc_date=day)}
    last, this, nxt = found["last season"], found["this season"], found["next season"]
    assert this[0] <= day <= this[1]
    for earlier, later in ((last, this), (this, nxt)):
        assert earlier[1] + dt.timedelta(days=1) == later[0]
    for lo, hi in (last, this, nxt):
        assert 365 <= (hi - lo).days + 1 <= 366
    ago = found[f"{back} seasons ago"]
    assert ago[0].year == this[0].year - back and ago[1].year == this[1].year - back


def test_calendar_seasons_are_not_dates() -> None:
    """A season of the calendar ("last summer", "this winter") is left unread: measured on the news
    tune half, one contract told twice ("worth $40 million last summer" / "a $41 million deal") is
    a confirmed finding that a summer read as a time would set apart (docs/quantities.md)."""
    text = "The pier closed last summer and reopens this winter, the harbour board said."
    assert extract_dates(text, doc_date=dt.date(2021, 5, 6)) == ()


_ORDINAL_SUFFIX = {1: "st", 2: "nd", 3: "rd", 21: "st", 22: "nd", 23: "rd", 31: "st"}


def _written(day: dt.date, form: str, abbreviated: bool, year: bool) -> str:
    """``day`` as a reporter writes it: day first or month first, a bare or ordinal day, "of"."""
    month = day.strftime("%b") + ("." if day.month != 5 else "") if abbreviated else day.strftime("%B")
    nth = f"{day.day}{_ORDINAL_SUFFIX.get(day.day, 'th')}"
    text = {"day month": f"{day.day} {month}", "nth of month": f"the {nth} of {month}",
            "nth month": f"{nth} {month}", "month day": f"{month} {day.day}", "month nth": f"{month} {nth}"}[form]
    if year:
        text += (", " if form.startswith("month") else " ") + str(day.year)
    return text


@settings(max_examples=300, deadline=None)
@given(day=st.dates(min_value=dt.date(1901, 1, 1), max_value=dt.date(2098, 12, 31)),
       ahead=st.integers(0, 700),
       form=st.sampled_from(["day month", "nth of month", "nth month", "month day", "month nth"]),
       abbreviated=st.booleans(), year=st.booleans(), stop=st.booleans())
def test_written_dates_read_as_their_day(day: dt.date, ahead: int, form: str, abbreviated: bool, year: bool,
                                         stop: bool) -> None:
    """A day of a month, day first or month first, ordinal or not, with or without its year, reads
    as that day; without a year, in the year of the nearest such day not after the document's date
    (`dates._nearest`). The mention's span is the date's words, never the sentence's full stop."""
    written = _written(day, form, abbreviated, year)
    text = f"The Quenby viaduct was opened to trains on {written}" + ("." if stop else ", officials said.")
    anchor = day + dt.timedelta(days=ahead)
    found = [d for d in extract_dates(text, doc_date=anchor) if d.granularity == "day"]
    assert len(found) == 1, (text, found)
    d = found[0]
    expected = day if year or ahead < 365 else None
    if expected is not None:
        assert d.value == expected, (text, anchor, d)
    assert d.value <= anchor and (d.value.month, d.value.day) == (day.month, day.day)
    assert text[d.start:d.end] == d.text == written.removeprefix("the "), d
    assert d.relative is not year


@settings(max_examples=200, deadline=None)
@given(first=st.dates(min_value=dt.date(1901, 1, 1), max_value=dt.date(2098, 12, 31)), days=st.integers(1, 5),
       day_first=st.booleans(), dash=st.sampled_from(["-", "–", " - ", " and ", " to "]))
def test_spans_of_days_cover_their_days(first: dt.date, days: int, day_first: bool, dash: str) -> None:
    """A span of days of one month ("12-13 August", "August 12-14, 2019") means every day from its
    first to its last, not only one of them; day first, "and" and "to" join the days too ("4 and 5
    June", the month after them closes the span)."""
    last = first + dt.timedelta(days=days)
    if last.month != first.month or not day_first and dash.strip() in ("and", "to"):
        return
    month = first.strftime("%B")
    written = (f"{first.day}{dash}{last.day} {month} {first.year}" if day_first
               else f"{month} {first.day}{dash}{last.day}, {first.year}")
    from consistency.rules.text import date_interval

    found = extract_dates(f"The Quenby regatta was held on {written}.", doc_date=last)
    assert [date_interval(d) for d in found] == [(first, last)], (written, found)
