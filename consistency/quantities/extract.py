"""Read every quantity in a text: numbers, then what surrounds each of them.

For each number `find_numbers` returns, `_read` decides whether it is a
quantity (not a date, time, year, ordinal, identifier) and collects its
currency, unit, rate, counted noun, bound, change and subject into a `Draft`;
`ranges.combine` then joins ranges and shares units across coordinations, and
each draft is frozen into a `Quantity`.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import re

from consistency.quantities import change as changes
from consistency.quantities import identifiers, measured, money, people, periods, ranges, ranks, revisions, running, scales, scores, units
from consistency import spacing
from consistency.quantities.dates import date_spans, is_year
from consistency.quantities.draft import Draft
from consistency.quantities.numbers import ONES, TEENS, TENS, Number, find_numbers, rescale
from consistency.records import Quantity

#: Units that are durations, for the "an hour and a half" reader.
_DURATIONS = r"(?P<u>second|minute|hour|day|week|fortnight|month|year|decade|century)"
_AND_A_HALF_RE = re.compile(rf"(?<![\w-])(?:an?|one)[ \u00a0]+{_DURATIONS}[ \u00a0]+and[ \u00a0]+a[ \u00a0]+half(?![\w])", re.I)
_HALF_AN_RE = re.compile(rf"(?<![\w-])half[ \u00a0]+an?[ \u00a0]+{_DURATIONS}(?![\w])", re.I)
#: A quarter of a unit of time in words: "an hour and a quarter" (1.25 hours), "an hour and three
#: quarters" (1.75), "a quarter of an hour" (0.25), "three quarters of an hour" (0.75).
_AND_A_QUARTER_RE = re.compile(rf"(?<![\w-])(?:an?|one)[ \u00a0]+{_DURATIONS}[ \u00a0]+and[ \u00a0]+a[ \u00a0]+quarter(?![\w])", re.I)
_AND_THREE_QUARTERS_RE = re.compile(
    rf"(?<![\w-])(?:an?|one)[ \u00a0]+{_DURATIONS}[ \u00a0]+and[ \u00a0]+three[ \u00a0-]quarters(?![\w])", re.I)
_QUARTER_OF_RE = re.compile(rf"(?<![\w-])(?:a|one)[ \u00a0]+quarter[ \u00a0]+of[ \u00a0]+an?[ \u00a0]+{_DURATIONS}(?![\w])", re.I)
_THREE_QUARTERS_OF_RE = re.compile(
    rf"(?<![\w-])three[ \u00a0-]quarters[ \u00a0]+of[ \u00a0]+an?[ \u00a0]+{_DURATIONS}(?![\w])", re.I)
#: A unit of time made an adjective ("a month-long strike", "their fortnight-long stoppage"): one of it.
_UNIT_LONG_RE = re.compile(rf"(?<![\w-]){_DURATIONS}-long(?![\w-])", re.I)
#: One unit of time after "for", "a"/"an" its number ("shut for a fortnight", "jailed for a year"): how
#: long, as "for two weeks" is; or after the verb "last", English's verb of how long a thing goes on
#: ("the strike lasted a week", "talks lasting a day"), whose object is its length as "for"'s is.
#: Not "a second" (an ordinal: "for a second time"), and only where the phrase ends: a mark, or a
#: word that opens another phrase or clause ("for a week while ..."); a noun after it makes the unit
#: a modifier ("for a day pass"), and a comparative a difference ("lasted a week longer").
_FOR_ONE_RE = re.compile(
    r"(?<![\w-])(?:(?<=\bfor[ \u00a0])|(?<=\blast[ \u00a0])|(?<=\blasts[ \u00a0])|(?<=\blasted[ \u00a0])"
    r"|(?<=\blasting[ \u00a0]))an?[ \u00a0]+(?P<u>minute|hour|day|week|fortnight|month|year|decade|century)"
    r"(?![ \u00a0]+and[ \u00a0]+a[ \u00a0]+half)(?=[ \u00a0]*(?:[,.;:!?)\u2014]|$)|[ \u00a0]+(?:and|or|but|while|after|before|from|until|in|at|on|to|during"
    r"|over|because|when|since|as|with|amid|pending|last|this|next)\b)", re.I)
_RATE_RE = re.compile(
    r"(?P<gap>[ \u00a0]*-?(?:(?:per|an?|every|each)(?![A-Za-z])|/)[ \u00a0-]*)"  # "11-person" is no "per son"
    r"(?P<per>(?:square|sq\.?|cubic)[ \u00a0]+[A-Za-z]+|[A-Za-z][A-Za-z]*)(?![\w])",
    re.I,
)
#: Nouns a rate may be "a"/"an" of ("$3,500 a month", "$52 a barrel"); any noun may follow "per" and "/".
_A_RATE_NOUNS = frozenset(
    "second minute hour day night week month quarter year barrel share ounce gallon litre liter pound kilo "
    "kilogram ton tonne head person piece unit game visit trip ride".split()
)
#: "a year earlier", "a week ago": a time reference, not a rate.
_NOT_A_RATE_AFTER_RE = re.compile(r"[ \u00a0]+(?:earlier|ago|before|later|after|prior|since)\b", re.I)
_SIGN_BEFORE_RE = re.compile(r"(?:^|(?<=[\s(\[/:]))(?P<s>[-−–+])$")
_MINUS_WORD_RE = re.compile(r"(?<![\w])minus[ \u00a0-]$", re.I)
_OF_UNIT_RE = re.compile(r"[ \u00a0]+of[ \u00a0]+an?(?:[ \u00a0]+US|[ \u00a0]+U\.S\.)?(?=[ \u00a0])")
_OF_RE = re.compile(r"[ \u00a0]+of(?=[ \u00a0])")
_A_UNIT_RE = re.compile(r"[ \u00a0]+an?(?=[ \u00a0])")
_OPEN_RE = re.compile(r"[ \u00a0]*\([ \u00a0]*")
_CLOSE_RE = re.compile(r"[ \u00a0]*\)")
_OR_MORE_RE = re.compile(r"[ \u00a0]+or[ \u00a0]+(?:more|less|fewer|so)(?=[ \u00a0])", re.I)
_AGE_OF_RE = re.compile(r"(?P<b>under|over|above|below)?[ \u00a0]*(?:the[ \u00a0]+)?(?<![\w])age[ \u00a0]+of[ \u00a0]+$", re.I)
_PRONOUN_ONE_RE = re.compile(r"(?:the|each|this|that|any|every|no|which|same|only|one|someone|anyone|everyone|another)[ \u00a0]+$", re.I)
_RANGE_AFTER_RE = re.compile(r"[ \u00a0]+(?:to|or)[ \u00a0]+(?:\d|two|three|four|five|six|seven|eight|nine|ten)", re.I)
_UNIT_DIMENSIONS_FOR_SIGNED_CHANGE = {"percent", "percentage point", "points"}


def extract_quantities(text: str, *, doc_date: dt.date | None = None) -> tuple[Quantity, ...]:
    """Every quantity in ``text``, sorted by start.

    ``doc_date`` dates a tenure told by the year it began ("has led the firm since 2009",
    `periods.tenures`); no other quantity depends on it. Space-tokenised text ("a 36 - year - old", "Doe , 20 ,") is read as
    written (`spacing.respace`), with spans into ``text`` as given. See docs/quantities.md for the fields and conventions.
    """
    if not text or not any(ch.isdigit() or ch.isalpha() for ch in text):
        return ()
    respaced = spacing.respace(text)
    if respaced.text == text:
        return _extract(text, doc_date)
    out = []
    for q in _extract(respaced.text, doc_date):
        start, end = respaced.span(q.start, q.end)
        out.append(dataclasses.replace(q, start=start, end=end, text=text[start:end]))
    return tuple(out)


def _extract(text: str, doc_date: dt.date | None = None) -> tuple[Quantity, ...]:
    """`extract_quantities` on text as written (not space-tokenised)."""
    spans = date_spans(text)
    dated = [(s.start, s.end) for s in spans]
    # "the first week of March" is days of March (`dates.extract_dates`), not the first of weeks
    weeks_of_months = [(s.start, s.end) for s in spans if s.kind == "month_part"]
    ordinals = [d for d in periods.ordinal_periods(text) if not _overlaps(d.start, d.end, weeks_of_months)]
    extra = scores.scorelines(text) + ordinals + periods.tenures(text, doc_date)
    read = dated + [(d.start, d.end) for d in extra]
    extra += [d for d in ranks.places(text) if not _overlaps(d.start, d.end, read)]  # "the 41st overall pick"
    blocked = dated + identifiers.phone_spans(text) + scores.score_spans(text)
    blocked += identifiers.year_range_spans(text) + identifiers.shirt_number_spans(text)
    blocked += identifiers.citation_spans(text) + [(d.number.start, d.end) for d in extra]
    drafts = _durations_in_words(text) + _folds(text) + _out_of(text)
    marks = [d for d in scales.marks(text) if not _overlaps(d.start, d.end, blocked)]
    for read in periods.clock_durations(text) + marks:  # "won in 2:24:51", "a mean mark of 7.46/10"
        _read_bound_and_change(text, read)
        drafts.append(read)
    taken = [(d.start, d.end) for d in drafts]
    names: list[Number] = []  # numbers that name a thing ("Browser 8"), which a list or range continues
    for number in find_numbers(text):
        if _overlaps(number.start, number.end, blocked) or _overlaps(number.start, number.end, taken):
            continue
        if _damaged(text, number) or _continues_names(text, number, names):
            continue
        draft = _read(text, number)
        if draft is not None:
            drafts.append(draft)
        elif not number.words and (identifiers.attached_to_letters(text, number.start)
                                   or identifiers.named_by_word_before(text, number.start)):
            names.append(number)
    drafts.sort(key=lambda d: d.start)
    combined = ranges.combine(text, drafts)
    _rate_after_parenthesis(text, combined)
    _money_raised(text, combined)
    _fraction_points(text, combined)
    _over_across(text, combined)
    combined = _feet_and_inches(text, combined)
    combined = _lengths_in_two_units(text, combined)
    combined = revisions.read_corrections(text, sorted(combined + extra, key=lambda d: d.start))
    running.mark_running(text, combined)
    return tuple(d.freeze(text) for d in combined)


#: "over" right after a figure's own phrase: the figure, then at most one word ("61% approval
#: over", "19 points a night over"); no clause break, "than" or second verb phrase between.
_OVER_AFTER_FIGURE_RE = re.compile(r"^[ \u00a0]*(?:(?P<w>[A-Za-z'’-]+)[ \u00a0]+)?over[ \u00a0]+$", re.I)
#: "over" right after a clause-opening participle with no auxiliary ("Averaged over 18 critics,",
#: "; measured over 30 days"): a passive participle has no object, so "over N" cannot be the
#: count it governs and is a preposition.
_OVER_AFTER_PARTICIPLE_RE = re.compile(r"(?:^|[,;:(]|--|—)[ \u00a0]*[A-Za-z]+ed[ \u00a0]+over[ \u00a0]+$", re.I)
#: What makes "over N years" an age or a time ago, where "over" stays a bound.
_AGE_AFTER_RE = re.compile(r"[ \u00a0]+(?:old|of[ \u00a0]+age|ago)(?![\w])", re.I)


def _over_across(text: str, drafts: list[Draft]) -> None:
    """Read "over N things" as the things a figure is spread or averaged across, not "more than N".

    "a mean mark of 6.4 over 18 judges", "Averaged over 18 critics, it holds 40%": N counts
    what the figure is taken over, so it is exact. Two readings of the syntax, no word list:
    the "over" follows another figure's own phrase in the same clause (a count has one figure
    of its own; a second one joined by "over" is what the first is spread across), or a
    clause-opening participle that has no object to bound. "over" after a finite verb
    ("sold over 300,000 copies") or opening the clause ("Over 300 people") stays a lower
    bound, and so does "over" after a function word ("72% with over 30 reviewers": a
    preposition before "over" makes it a quantifier). N must count something named after it (a
    noun or unit), and not an age; and the figure before must be a measure, not a count of things
    ("five adults over 65": adults older than 65, an attribute bound of the things counted).
    """
    previous: Draft | None = None
    for draft in drafts:
        prev, previous = previous, draft
        if draft.bound != "lower" or draft.bound_phrase != "over":
            continue
        if not (draft.counted or draft.unit is not None) or _AGE_AFTER_RE.match(text, draft.end):
            continue
        over_start = text.rfind("over", 0, draft.start)
        if over_start < 0:
            continue
        gap = text[prev.end:draft.start] if prev is not None else ""
        counts_things = prev is not None and (prev.counted or bool(prev.measured and prev.measured.lower() in gap.lower()))
        joined = _OVER_AFTER_FIGURE_RE.search(gap)
        # the word between is the figure's own noun, not a function word ("72% with over 30": a
        # preposition before "over" makes "over" a quantifier, since prepositions do not stack)
        after_figure = (joined is not None and not counts_things
                        and not (joined["w"] and joined["w"].lower() in measured.STOP))
        after_participle = _OVER_AFTER_PARTICIPLE_RE.search(text, max(0, over_start - 30), draft.start) is not None
        if after_figure or after_participle:
            draft.bound, draft.bound_phrase = "exact", ""


#: What may join a height's feet to its inches: a comma, "and", or nothing ("six feet, three inches",
#: "5 ft 9 in", "six foot two").
_FEET_INCHES_JOIN_RE = re.compile(r"[ \u00a0]*(?:,[ \u00a0]*)?(?:and[ \u00a0]+)?$", re.I)


def _feet_and_inches(text: str, drafts: list[Draft]) -> list[Draft]:
    """A height in feet and inches is one length: "six feet, three inches" (6.25 ft), "5 ft 9 in",
    "six foot two". Read apart, the feet were compared alone ("six feet" against "over six feet")
    and the inches became a length of their own (VitaminC dev: "six feet, two inches tall" against
    "over six feet"). The second figure joins the first when it follows it directly (a comma or
    "and" between at most), is a whole number under 12 and is in inches or has no unit word of
    its own (a bare "two", or "9" that the unit reader gave the feet's unit; a bare figure only
    right after the feet and at the end of the clause: "8 feet, 3 of them" is two figures); the
    bound of the feet figure ("over six foot two") stays the bound of the whole."""
    out: list[Draft] = []
    for draft in drafts:
        prev = out[-1] if out else None
        if (prev is not None and prev.unit is not None and prev.unit.name == "foot" and prev.kind == "level"
                and prev.bound in ("exact", "lower", "upper", "approx") and prev.value is not None
                and draft.kind == "level" and draft.bound == "exact" and draft.value is not None
                and float(draft.value).is_integer() and 0 <= draft.value < 12 and not draft.per
                and _FEET_INCHES_JOIN_RE.fullmatch(text, prev.end, draft.start)
                and (draft.unit is not None and draft.unit.name == "inch"
                     or draft.number.end == draft.end and not text[prev.end:draft.start].strip()
                     and _BARE_END_RE.match(text, draft.end)
                     or draft.unit is not None and draft.unit.name == "foot"
                     and _BARE_INCH_RE.match(text, draft.number.end))):
            value = prev.value + draft.value / 12
            if prev.low is not None and prev.high is not None:
                prev.low, prev.high = prev.low + draft.value / 12, prev.high + draft.value / 12
            prev.value, prev.end = value, max(draft.end, _inch_end(text, draft))
            continue
        out.append(draft)
    return out


#: What may join the two parts of a length of time ("four hours and ten minutes", "2 hours 40
#: minutes", "three years, six months"): a comma, "and", or nothing.
_TIME_JOIN_RE = re.compile(r"[ \u00a0]*(?:,[ \u00a0]*)?(?:and[ \u00a0]+)?")


def _seconds(unit: units.Unit) -> float | None:
    converted = units.canonical(unit, 1.0, 1.0)
    return converted[1] if converted else None


def _lengths_in_two_units(text: str, drafts: list[Draft]) -> list[Draft]:
    """A length of time told in two units is one length: "four hours and ten minutes" (250
    minutes), "2 hours 40 minutes", "six years and four months". Read apart, each part was compared
    alone ("four hours" against "2 hours", "six months" against "four months") and the two parts
    of one figure were told apart as parts of a whole. Like a height in feet and inches
    (`_feet_and_inches`): the second figure joins the first when it follows it directly (a comma
    or "and" between at most), is exact, in a smaller unit of time, and less than one of the first's
    units (ten minutes, not 90 minutes of an hour); the bound of the first ("about two hours and
    ten minutes") stays the bound of the whole, and so does its unit."""
    out: list[Draft] = []
    for draft in drafts:
        prev = out[-1] if out else None
        big = _seconds(prev.unit) if prev is not None and prev.unit is not None and prev.unit.dimension == "time" else None
        small = _seconds(draft.unit) if draft.unit is not None and draft.unit.dimension == "time" else None
        if (big and small and small < big and prev.kind == draft.kind == "level" and prev.measured != "age"
                and draft.measured != "age" and not prev.per and not draft.per and prev.value is not None
                and prev.bound in ("exact", "lower", "upper", "approx") and draft.bound == "exact"
                and draft.value is not None and 0 < draft.value * small < big
                and _TIME_JOIN_RE.fullmatch(text, prev.end, draft.start)):
            extra = draft.value * small / big
            prev.value += extra
            if prev.low is not None and prev.high is not None:
                prev.low, prev.high = prev.low + extra, prev.high + extra
            prev.end = draft.end
            continue
        out.append(draft)
    return out


#: What follows a bare inches figure ("six foot two."): the end of the clause.
_BARE_END_RE = re.compile(r"[ \u00a0]*(?:[.,;:)!?]|and[ \u00a0]|$)")
#: "in" after the inches of "5 ft 9 in" (the unit reader may give the figure the feet's unit).
_BARE_INCH_RE = re.compile(r"[ \u00a0]*in(?:\.|(?![\w]))", re.I)


def _inch_end(text: str, draft: Draft) -> int:
    m = _BARE_INCH_RE.match(text, draft.number.end)
    return m.end() if m and draft.end < m.end() else draft.end


_RATE_WORDS_RE = re.compile(r"(?<![\w])(?:rates?|yields?)(?![\w])", re.I)


def _fraction_points(text: str, drafts: list[Draft]) -> None:
    """"a quarter point", "half a point" beside a rate or a percentage: percentage points."""
    rate = any(d.dimension == "percent" and not d.number.fraction for d in drafts) or _RATE_WORDS_RE.search(text)
    for d in drafts:
        if rate and d.number.fraction and d.unit is not None and d.unit.name == "point":
            d.unit = _PERCENTAGE_POINT


def _money_raised(text: str, drafts: list[Draft]) -> None:
    """"raised $5 million" (or "raised 340 million of the 2.5 billion pesos") is money collected, not a rise."""
    for d in drafts:
        if d.currency is None or d.kind != "change" or d.verb_start is None or not _FUNDRAISING_RE.match(text, d.verb_start):
            continue
        if "by" not in re.findall(r"[a-z]+", text[d.verb_start: d.start].lower()):
            d.kind, d.change = "level", None


def _rate_after_parenthesis(text: str, drafts: list[Draft]) -> None:
    """"C$8 (US$5.85) per share": the rate after a restatement in brackets applies to both amounts."""
    for a, b in zip(drafts, drafts[1:], strict=False):
        if a.per or b.per or not _OPEN_RE.fullmatch(text[a.end: b.start]):
            continue
        close = _CLOSE_RE.match(text, b.end)
        rate = _rate_at(text, close.end()) if close else None
        if rate is not None:
            a.per = b.per = rate[0]


#: What joins the numbers of a list or range: "8 and 9", "6 to 10", "7, 8 and 9".
_JOIN_RE = re.compile(r"[ \u00a0]*(?:,[ \u00a0]*)?(?:(?:and|or|to|through|thru|&)[ \u00a0]+|[-–,/][ \u00a0]*)", re.I)


def _continues_names(text: str, number: Number, names: list[Number]) -> bool:
    """A bare number listed after or ranging from a number that names a thing ("Browser 8 and 9",
    "IE6 to 10"): a name too (a version), not a count."""
    if number.words or not names or not _JOIN_RE.fullmatch(text, names[-1].end, number.start):
        return False
    names.append(number)
    return not units.match_unit(text, number.end) and not _letters_follow(text, number.end)


def _damaged(text: str, number: Number) -> bool:
    """A number touching U+FFFD, the mark of a character lost in decoding ("4\ufffd months" was
    "4½ months"): its value is not known."""
    return "\ufffd" in text[max(0, number.start - 1): number.end + 1]


def _overlaps(start: int, end: int, spans: list[tuple[int, int]]) -> bool:
    return any(s < end and start < e for s, e in spans)


def _durations_in_words(text: str) -> list[Draft]:
    """"an hour and a half" (1.5 hours), "half an hour" (0.5 hours), "an hour and a quarter" (1.25),
    "three quarters of an hour" (0.75), "a month-long strike" (one month) and "shut for a fortnight"
    (one fortnight)."""
    out = []
    for regex, value in ((_AND_A_HALF_RE, 1.5), (_HALF_AN_RE, 0.5), (_AND_A_QUARTER_RE, 1.25),
                         (_AND_THREE_QUARTERS_RE, 1.75), (_QUARTER_OF_RE, 0.25), (_THREE_QUARTERS_OF_RE, 0.75),
                         (_UNIT_LONG_RE, 1.0), (_FOR_ONE_RE, 1.0)):
        for m in regex.finditer(text):
            number = Number(m.start(), m.end(), value, value, words=True)
            draft = Draft(number, m.start(), m.end(), value, unit=units.match_unit(" " + m["u"], 0).unit)
            _read_bound_and_change(text, draft)
            out.append(draft)
    return out


_YEAR = units.match_unit(" years", 0).unit  # type: ignore[union-attr]
_PERCENTAGE_POINT = units.match_unit(" percentage points", 0).unit  # type: ignore[union-attr]
_SPAN_ADJECTIVE_RE = re.compile(
    r"[ \u00a0]+(?:previous|consecutive|straight|full|successive|additional|more|extra|further|whole|entire)(?=[ \u00a0])",
    re.I,
)
_FUNDRAISING_RE = re.compile(r"rais(?:e|es|ed|ing)\b", re.I)
_AMOUNT_OF_RE = re.compile(r"(?:average|total|sum|maximum|minimum|tally)[ \u00a0]+of[ \u00a0]+$", re.I)
#: A number joined to a year-like one by a range connector ("1000 to 2000 hires", "2000 - 2500 calories").
#: A comma belongs to the number only with digits after it: "from 1988 to 1994, and" ends at 1994.
_RANGE_END_BEFORE_RE = re.compile(r"(?<![\w.,])(?P<n>\d(?:\d|,(?=\d))*(?:\.\d+)?)[ \u00a0]*(?:[-–—]|to)[ \u00a0]*$", re.I)
_RANGE_END_AFTER_RE = re.compile(r"[ \u00a0]*(?:[-–—]|to)[ \u00a0]*(?P<n>\d(?:\d|,(?=\d))*(?:\.\d+)?)(?![\w.,]\d)", re.I)
_YEAR_DIGITS_RE = re.compile(r"(?:1[5-9]|2[01])\d\d")
_TIMES = units.match_unit(" times", 0).unit  # type: ignore[union-attr]
_SMALL_NUMBERS = {**ONES, **TEENS, **TENS, "hundred": 100, "a": 1, "an": 1}
_SMALL = "|".join(sorted((w for w in _SMALL_NUMBERS if len(w) > 2), key=len, reverse=True))
_FOLD_RE = re.compile(rf"(?<![\w-])(?P<n>{_SMALL}|\d+)[ \u00a0-]?fold(?![\w])", re.I)
#: A whole number of a share "N in M": words, or digits with their comma groups ("1 in 2,000"),
#: never digits cut out of a longer number ("81,000 in 2024" is no share "000 in 2024").
_WHOLE = rf"(?<!\d[,.])(?:{_SMALL}|\d{{1,3}}(?:,\d{{3}})+|\d+)(?![,.]\d)"
_OUT_OF_RE = re.compile(
    rf"(?<![\w-])(?P<a>{_WHOLE})(?:[ \u00a0]+(?:out[ \u00a0]+of|(?P<in>in))[ \u00a0]+(?:every[ \u00a0]+)?|(?P<made>-(?:for|of)-|[ \u00a0]+of[ \u00a0]+(?=\d)))"
    rf"(?P<b>{_WHOLE})(?=[ \u00a0]+[A-Za-z]|[.,;:)]|$)",
    re.I,
)


#: A share with its noun between the two numbers ("one voter in five", "two pupils in three"):
#: the share of that noun, as "one in five voters" is (`_out_of`).
_ONE_NOUN_IN_RE = re.compile(
    rf"(?<![\w-])(?P<a>{_WHOLE})[ \u00a0]+(?P<n>[A-Za-z]+)[ \u00a0]+(?:out[ \u00a0]+of|in)[ \u00a0]+(?:every[ \u00a0]+)?"
    rf"(?P<b>{_WHOLE})(?![\w-])",
    re.IGNORECASE,
)


def _word_value(word: str) -> float | None:
    low = word.lower().replace(",", "")
    if low.isdigit():
        return float(low)
    return float(_SMALL_NUMBERS[low]) if low in _SMALL_NUMBERS else None


def _folds(text: str) -> list[Draft]:
    """"sixfold", "a 3-fold rise": a multiple."""
    out = []
    for m in _FOLD_RE.finditer(text):
        value = _word_value(m["n"])
        if value is None:
            continue
        number = Number(m.start(), m.end(), value, value, words=not m["n"].isdigit())
        draft = Draft(number, m.start(), m.end(), value, unit=_TIMES)
        _read_bound_and_change(text, draft)
        out.append(draft)
    return out


def _out_of(text: str) -> list[Draft]:
    """"one out of three Germans", "2 in 5 voters", "1 in 2,000 people": a share (1/3, 2/5) of what follows; "9-for-15",
    "12 of 18 for 200 yards": made of attempted (a share), when no counted noun follows ("4 of 11
    witnesses" keeps the count of witnesses)."""
    out = []
    for m in _OUT_OF_RE.finditer(text):
        part, whole = _word_value(m["a"]), _word_value(m["b"])
        if part is None or not whole or part > whole:
            continue
        if m["in"] and _YEAR_DIGITS_RE.fullmatch(m["b"]) and _counts_nothing(text, m.end()):
            continue  # "approvals numbered 500 in 2024": a count and its year; "one in 2000 births" is a share
        if m["made"] and measured.counted_noun(text, m.end(), singular_count=whole == 1) is not None:
            continue
        number = Number(m.start(), m.end(), part / whole, part / whole, words=True, fraction=True)
        draft = Draft(number, m.start(), m.end(), part / whole)
        draft.measured = measured.share_of(text, m.end(), needs_of=False)[0]
        _read_bound_and_change(text, draft)
        out.append(draft)
    for m in _ONE_NOUN_IN_RE.finditer(text):
        part, whole = _word_value(m["a"]), _word_value(m["b"])
        if part is None or not whole or part >= whole or any(d.start < m.end() and m.start() < d.end for d in out):
            continue
        noun = measured.counted_noun(text, m.end("a"), singular_count=part == 1)
        if noun is None or noun.end != m.end("n") or _YEAR_DIGITS_RE.fullmatch(m["b"]) or units.match_unit(text, m.end()) \
                or measured.counted_noun(text, m.end(), singular_count=whole == 1) and not measured.verb_after(text, m.end()):
            continue  # "one goal in four matches", "one player in 20 years", "140 people in 1990": two counts
        number = Number(m.start(), m.end(), part / whole, part / whole, words=True, fraction=True)
        draft = Draft(number, m.start(), m.end(), part / whole)
        draft.measured = noun.lemma
        _read_bound_and_change(text, draft)
        out.append(draft)
    return out


def _read(text: str, number: Number) -> Draft | None:
    """The draft quantity around ``number``, or None when the number is not a quantity."""
    start = number.start
    currency = None
    signed = False
    prefix = money.currency_before(text, start)
    if prefix is not None:
        currency, start, signed = prefix
        number = rescale(number, text)
    else:
        if _not_a_quantity_before(text, number):
            return None
        sign = _SIGN_BEFORE_RE.search(text, max(0, start - 2), start)
        minus = _MINUS_WORD_RE.search(text, max(0, start - 8), start)
        if sign and not (start >= 2 and text[start - 2].isdigit()):
            signed = True
            start = sign.start()
        elif minus:
            signed = True
            start = minus.start()
    negative = signed and (text[start] != "+")
    value = None if number.value is None else (-number.value if negative else number.value)
    draft = Draft(number, start, number.end, value, signed=signed)
    if number.vague:
        draft.low, draft.high, draft.bound = number.low, number.high, "range"
    draft.currency = currency
    if not _read_unit(text, draft):
        return None
    if not _read_noun(text, draft):
        return None
    _read_bound_and_change(text, draft)
    return draft


def _not_a_quantity_before(text: str, number: Number) -> bool:
    """Ordinals, identifiers, street numbers and the like (checked before units are read)."""
    if number.words:
        return identifiers.capitalised_in_name(text, number.start)
    if identifiers.attached_to_letters(text, number.start):
        return True
    if identifiers.is_ordinal(text, number.end):
        return True
    if identifiers.is_clock_time(text, number.start, number.end) or identifiers.acronym_dash_before(text, number.start, number.end):
        return True
    if identifiers.leading_zero(text, number.start, number.end) or identifiers.is_bare_hour(text, number.start, number.end):
        return True
    if _PER_BEFORE_RE.search(text, max(0, number.start - 5), number.start):
        return True  # "12.6 road deaths per 100,000 people": the denominator of a rate (see `_rate_at`)
    if identifiers.is_block_number(text, number.start, number.end):
        return True
    if identifiers.is_match_minute(text, number.start, number.end):
        return True
    return identifiers.is_street_number(text, number.end) or identifiers.is_zip(text, number.end)


def _read_unit(text: str, draft: Draft) -> bool:
    """Attach a currency word or a unit after the number, and a rate; False when the number is not a quantity."""
    number = draft.number
    end = draft.end
    scaled = number.scale > 1 or bool(number.scale_text)
    after = money.currency_after(text, end, scaled=scaled, after_symbol=draft.currency.code if draft.currency else None)
    if after is None and draft.currency is None and number.vague:
        of = _OF_RE.match(text, end)  # "millions of dollars", "billions of euros": an amount of money
        after = money.currency_after(text, of.end(), scaled=scaled, after_symbol=None) if of else None
    found = units.match_unit(text, end) if draft.currency is None else None
    if found is None and draft.currency is None:
        between = _SPAN_ADJECTIVE_RE.match(text, end)  # "three consecutive years", "50 previous years"
        later = units.match_unit(text, between.end()) if between else None
        found = later if later is not None and later.unit.dimension == "time" else None
    if after is not None and (found is None or after[1] >= found.end):
        currency, end = after
        draft.currency = currency
        found = None
    if found is None and draft.currency is None and after is None:
        _read_scale(text, draft)
        end = draft.end
    rate = units.rate_of(found.unit) if found is not None else None
    if rate is not None:  # "24.7 ppg": points per game, read as "24.7 points a game" is
        draft.unit, end = rate[0], found.end
        draft.per = rate[2]
        if rate[0] is None:
            draft.measured, draft.counted = rate[1], True
    elif found is not None:
        draft.unit = found.unit
        end = found.end
        if found.age:
            draft.measured = "age"
            draft.person = people.person_after(text, draft.start, found.end)
        elif found.unit.dimension == "time" and people.age_word_before(text, draft.start):
            draft.measured = "age"  # "Max Roe, age 2 months"
            draft.person = people.person_before(text, draft.start)
    draft.end = end
    if draft.currency is None and draft.unit is None and not number.words:
        if _letters_follow(text, end):
            return False
        if not _decimal_millions(text, number):
            if identifiers.named_by_word_before(text, number.start) or identifiers.continues_identifier(text, number.start):
                return False
            if _unit_named_before(text, number.start):
                return False
        if _is_bare_year(text, number):
            return False
    elif draft.currency is None and draft.unit is not None and draft.unit.dimension == "generation":
        if number.value is None or not -10 <= number.value <= 10 or number.value != int(number.value):
            return False
    _read_rate(text, draft)
    return True


def _decimal_millions(text: str, number: Number) -> bool:
    """A figure with decimals and a scale ("Turnover 14.3m", "prior year 80.4m", "EBITDA 31.7m"):
    an amount, never a name or a label as "Browser 8", "iPhone 11" or "week 12" are (a name carries
    no scale; "GeForce 9400M" has no decimals and stays a name)."""
    return number.scale > 1 and "." in text[number.start:number.end]


def _read_scale(text: str, draft: Draft) -> None:
    """A reading on a scale (`scales`): "five on the Richter scale", "magnitude 7.6"."""
    after = scales.scale_after(text, draft.end)
    if after is not None:
        draft.unit, draft.end = after
        return
    bound = changes.bound_before(text, draft.start)
    if scales.magnitude_before(text, draft.start) or bound is not None and scales.magnitude_before(text, bound.start):
        draft.unit = scales.MAGNITUDE


_WORD_BEFORE_RE = re.compile(r"(?<![\w-])(?P<w>[a-z]+)[ \u00a0]+$")


def _unit_named_before(text: str, start: int) -> bool:
    """A bare number right after a singular unit of time ("in week 12", "on day 3", "minute 67"):
    a label in a sequence. An amount puts its unit after the number ("12 weeks")."""
    m = _WORD_BEFORE_RE.search(text, max(0, start - 16), start)
    if m is None or measured.is_plural(m["w"]):
        return False
    found = units.match_unit(" " + m["w"], 0)
    return found is not None and found.end == len(m["w"]) + 1 and found.unit.dimension == "time"


def _letters_follow(text: str, end: int) -> bool:
    return end < len(text) and (text[end].isalnum() or text[end] == "_")


def _is_bare_year(text: str, number: Number) -> bool:
    if number.scale != 1 or number.fraction or number.value is None:
        return False
    digits = text[number.start: number.end]
    if not re.fullmatch(r"(?:1[5-9]|2[01])\d\d", digits):
        return False
    if _AMOUNT_OF_RE.search(text, max(0, number.start - 20), number.start):
        return False  # "an average of 1500", "a total of 2000"
    if _range_with_non_year(text, number, int(digits)):
        return False
    if is_year(text, number.start, number.end):
        return True
    return _counts_nothing(text, number.end)


def _counts_nothing(text: str, end: int) -> bool:
    """Whether a year-like number ending at ``end`` counts nothing after it: no plural common noun
    follows ("in 1995.", "the 1995 proposal", "the 1998 Gold Cup"), where "1995 proposals" are counted."""
    noun = measured.counted_noun(text, end, singular_count=False)
    if noun is None:
        return True
    first = text[noun.start: noun.end].split()[0]
    last = text[noun.start: noun.end].split()[-1]
    return first[:1].isupper() or last[:1].isupper() or not measured.is_plural(last.lower())


def _range_with_non_year(text: str, number: Number, year: int) -> bool:
    """An ascending range whose other end is no year: "from 1000 to 2000 hires", "about 2000 - 2500 calories"."""
    before = _RANGE_END_BEFORE_RE.search(text, max(0, number.start - 16), number.start)
    if before is not None and not _YEAR_DIGITS_RE.fullmatch(before["n"]):
        return float(before["n"].replace(",", "")) < year
    after = _RANGE_END_AFTER_RE.match(text, number.end)
    if after is not None and not _YEAR_DIGITS_RE.fullmatch(after["n"]):
        return float(after["n"].replace(",", "")) > year
    return False


def _read_rate(text: str, draft: Draft) -> None:
    if draft.per is not None:
        return
    rate = _rate_at(text, draft.end)
    if rate is not None:
        draft.per, draft.end = rate


#: A rate's denominator with a number: "per 100,000 people" (the number is no quantity of its own).
_PER_NUMBER_RE = re.compile(r"[ \u00a0]+per[ \u00a0]+(?P<n>\d{1,3}(?:,\d{3})+|\d+)[ \u00a0]+(?P<noun>[A-Za-z]+)(?![\w])", re.I)
_PER_BEFORE_RE = re.compile(r"(?<![\w])per[ \u00a0]+$", re.I)


def _rate_at(text: str, pos: int) -> tuple[str, int] | None:
    """A rate's denominator right after ``pos`` ("a month", "per barrel", "/hour", "per 1,000
    residents"): (noun, end)."""
    per_number = _PER_NUMBER_RE.match(text, pos)
    if per_number is not None and per_number["noun"].lower() not in measured.STOP:
        return f"{per_number['n'].replace(',', '')} {measured.singular(per_number['noun'].lower())}", per_number.end()
    m = _RATE_RE.match(text, pos)
    if not m:
        return None
    word = m["per"].lower()
    gap = m["gap"].strip().lower().strip("-").strip()
    if gap in ("a", "an", "every", "each") and word not in _A_RATE_NOUNS:
        return None
    if gap in ("per", "/") and word in measured.STOP and word not in _A_RATE_NOUNS:
        return None
    if _NOT_A_RATE_AFTER_RE.match(text, m.end()):
        return None
    word = re.sub(r"\s+", " ", word.replace("sq.", "square").replace("sq ", "square "))
    return _rate_unit_name(m["per"]) or measured.singular(word), m.end()


def _rate_unit_name(written: str) -> str | None:
    """The unit name of a rate's denominator when it is a unit ("per kg" -> "kilogram", "/min" -> "minute")."""
    for surface in (" " + written, " " + re.sub(r"^sq\.?(?=[ \u00a0])", "square", written)):
        found = units.match_unit(surface, 0)
        if found is not None and found.end == len(surface) and found.unit.dimension not in ("count", "percent", "points"):
            return found.unit.name
    return None


def _read_noun(text: str, draft: Draft) -> bool:
    """The counted noun of a bare count, or what a share is of; False for a pronoun "one"."""
    number = draft.number
    if draft.counted:  # read with its unit ("6.1 apg": assists per game)
        return True
    if draft.has_unit:
        if draft.unit is not None and draft.unit.dimension == "percent" or number.fraction:
            draft.measured = draft.measured or measured.of_phrase(text, draft.end)
        return True
    pos = draft.end
    if number.vague:
        of = _OF_RE.match(text, pos)
        pos = of.end() if of else pos
    or_more = _OR_MORE_RE.match(text, pos)  # "30 or more boats"
    pos = or_more.end() if or_more else pos
    if number.fraction:
        of_unit = _OF_UNIT_RE.match(text, pos) or (_A_UNIT_RE.match(text, pos) if number.words else None)
        found = units.match_unit(text, of_unit.end()) if of_unit else None
        if found is not None and found.unit.dimension not in ("count",):
            # "1/16 of a pint", "half a percentage point", "three quarters of a mile": an amount in that unit
            draft.unit = found.unit
            draft.end = found.end
            return True
        draft.measured = measured.share_of(text, pos, needs_of=not number.words)[0]
        return True
    noun = measured.counted_noun(text, pos, singular_count=number.value == 1)
    if noun is not None and draft.per is None:
        draft.measured = noun.lemma
        draft.counted = True
        draft.noun_end = noun.end
        draft.subject = measured.owner_after(text, noun.end) or measured.owner_before(text, draft.start)
        rate = _rate_at(text, noun.end)
        draft.per = rate[0] if rate else None
    if number.words and number.value == 1 and text[number.start:number.end].lower() == "one":
        if noun is None and not _RANGE_AFTER_RE.match(text, draft.end) or _PRONOUN_ONE_RE.search(text, max(0, number.start - 12), number.start):
            return False
    if noun is None and _is_age(text, draft):
        draft.unit, draft.measured = _YEAR, "age"
    elif noun is not None and draft.unit is None and _is_age(text, draft, listed=True):
        draft.unit, draft.measured, draft.counted, draft.subject = _YEAR, "age", False, None  # "ages 17 and 19"
    compound = _COMPOUND_WORD_RE.match(text, draft.end) if noun is None and draft.measured is None else None
    if compound is not None:
        draft.measured = measured.singular(compound["w"].lower())  # "a 12-gauge shotgun", "a 3-bedroom flat"
    if noun is None and not number.words and measured.names_follow(text, draft.end):
        return False  # "the 787 Dreamliner", "iPhone 11 Pro": a model name, not a count
    return True


#: The word a number is hyphenated to when no unit is ("12-gauge", "3-bedroom"): what it measures.
_COMPOUND_WORD_RE = re.compile(r"[-–](?P<w>[A-Za-z]+)(?![\w-])")


def _is_age(text: str, draft: Draft, *, listed: bool = False) -> bool:
    """A bare whole number that is a person's age (see `people`): "Okafor, 64, said", "aged 22",
    "the boy, 9.", "he will be 35 by then"; sets whose age it is. ``listed``: only the age words
    ("ages 17 and 19"), for a number a noun follows."""
    value = draft.number.value
    if draft.number.words or value is None or not 1 <= value < 120 or value != int(value) or draft.signed:
        return False
    if people.age_word_before(text, draft.start):
        draft.person = people.person_before(text, draft.start)
        return True
    if listed:
        return False
    person = people.appositive_person(text, draft.start, draft.end) or people.fronted_person(text, draft.start, draft.end)
    if person is not None:
        draft.person = person
        return True
    return people.person_is(text, draft.start) and not _letters_follow(text, draft.end)


#: A partitive ("one of the men", "two of them"): a selection from a group, never the amount of
#: a change ("when she refused, one of the men tipped over a chair" is no fall of one man).
_PARTITIVE_RE = re.compile(r"[ \u00a0]+of[ \u00a0]+(?:the|those|these|them|us|his|her|their|its|our|my|your)(?![\w])", re.I)


def _read_bound_and_change(text: str, draft: Draft) -> None:
    """Bound words before/after and the change verb governing the number."""
    start = draft.start
    bound = changes.bound_before(text, start)
    if bound is not None and draft.bound != "range":
        draft.bound, draft.bound_phrase = bound.bound, bound.phrase
        start = bound.start
    after = changes.bound_after(text, draft.end)
    if after is not None and draft.bound == "exact":
        draft.bound = after[0]
    age = _AGE_OF_RE.search(text, max(0, start - 30), start)
    if age is not None:
        draft.measured = "age"
        if age["b"] and draft.bound == "exact":
            draft.bound = "upper" if age["b"].lower() in ("under", "below") else "lower"
        start = age.start()
    found = changes.change_before(text, start)
    if found.direction is not None and _PARTITIVE_RE.match(text, draft.end):
        found = changes.ChangeMatch(None, "level", None, found.level)  # see _PARTITIVE_RE
    if found.direction is None and found.level is None:
        noun = changes.change_after(text, start, draft.end)
        if noun is not None and (draft.unit is None or draft.unit.dimension != "time"):
            found = changes.ChangeMatch(noun.direction, "change", noun.noun_start)
            if draft.measured is None and noun.measured:
                draft.measured = measured.singular(noun.measured.lower())
    draft.verb_start = found.verb_start
    draft.kind = found.kind
    draft.clause_direction = found.direction
    draft.change = found.direction if found.level != "from" else None
    if draft.signed and draft.change is None and draft.unit is not None and draft.unit.dimension in _UNIT_DIMENSIONS_FOR_SIGNED_CHANGE:
        draft.change = "down" if (draft.value or 0) < 0 else "up"
        draft.kind = "change"
    if found.verb_start is not None and draft.measured is None and draft.kind == "change":
        noun, subject = measured.subject_before(text, found.verb_start)
        draft.measured = noun
        draft.subject = draft.subject or subject
