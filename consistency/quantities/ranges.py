"""Join neighbouring numbers: ranges ("between 300 and 400", "25-30", "from X to Y"),
units shared across a coordination
("eight or nine euros", "7- or 8-inch", "45 and 50 mg"), units carried forward to
a number that elides them ("from 208 pounds to 193"), and restatements that share
a change or bound ("lost 240 points, or 0.7%", "more than 100 km (60 miles)").
"""

from __future__ import annotations

import re

from consistency.quantities.draft import Draft
from consistency.quantities.measured import STOP
from consistency.quantities.revisions import revised_from
from consistency.wordnet import past_form

_RANGE_GAP_RE = re.compile(r"[ \u00a0]*(?:-?[ \u00a0]*to[ \u00a0]*-?|through|thru|[-–—]|and)[ \u00a0]*$", re.I)
_TO_END_RE = re.compile(r"(?<![\w])(?:up[ \u00a0]+)?to[ \u00a0]+$", re.I)
_CLAUSE_BREAK_RE = re.compile(r"[,;:()]|\.(?!\d)|(?<![\w])(?:and|but|while|from)(?![\w])", re.I)
_BETWEEN_RE = re.compile(r"(?<![\w])between[ \u00a0]+$", re.I)
_FROM_RE = re.compile(r"(?<![\w])from[ \u00a0]+(?:up[ \u00a0]+to[ \u00a0]+|about[ \u00a0]+|around[ \u00a0]+)?$", re.I)
_SHARE_GAP_RE = re.compile(r"[ \u00a0]*-?[ \u00a0]*(?:,|or|and|,[ \u00a0]*(?:and|or))[ \u00a0]*$", re.I)
_PART_OF_RE = re.compile(r"[ \u00a0]+of[ \u00a0]+(?:the|its|their|a|an)[ \u00a0]+", re.I)
_LEVEL_THEN_CHANGE_RE = re.compile(r"[ \u00a0]*,?[ \u00a0]*(?:up|down|off|higher|lower)[ \u00a0]+", re.I)


def combine(text: str, drafts: list[Draft]) -> list[Draft]:
    """Join ranges, then share units backwards across coordinations and forwards to elided units."""
    out: list[Draft] = []
    i = 0
    while i < len(drafts):
        a = drafts[i]
        b = drafts[i + 1] if i + 1 < len(drafts) else None
        if b is not None and _code(text, a, b):
            i += 2  # "777-200", "15777-200s": a model or part number, not two quantities
            continue
        if b is not None and (_is_range(text, a, b) or _is_from_to(text, a, b)):
            c = drafts[i + 2] if i + 2 < len(drafts) else None
            if _changed_from_to(text, a, b) and not (c is not None and _chains(text, a, b, c)):
                out.extend(_left_and_reached(a, b))
                i += 2
                continue
            out.append(_join(text, a, b))
            i += 2
            if c is not None and out[-1].bound == "range" and _chains(text, a, b, c):
                out.append(_join(text, b, c))  # "from $160 to $180 to $200": the next step is (180, 200)
                i += 1
            continue
        out.append(a)
        i += 1
    _share_units(text, out)
    _carry_units(text, out)
    _share_apposition(text, out)
    return out


def _code(text: str, a: Draft, b: Draft) -> bool:
    """Two plain numbers joined by a bare hyphen, the first larger ("777-200"): a range is stated
    from low to high unless "from" or "between" says otherwise, so this is a designation (a
    model, a part number), not a range of values. Scorelines and votes ("102-98") are read
    before (`scores`)."""
    if text[a.end:b.start] != "-" or a.value is None or b.value is None or a.has_unit or b.has_unit:
        return False
    if a.number.words or b.number.words or a.number.vague or b.number.vague:
        return False
    if _FROM_RE.search(text, max(0, a.start - 20), a.start) or _BETWEEN_RE.search(text, max(0, a.start - 12), a.start):
        return False
    return a.value > b.value


def _is_range(text: str, a: Draft, b: Draft) -> bool:
    gap = text[a.end: b.start]
    m = _RANGE_GAP_RE.match(gap)
    if not m or m.end() != len(gap) or a.number.vague or b.number.vague:
        return False
    if a.number.words and a.number.fraction and not b.number.fraction:
        return False  # "rose by a third to 12,000": a share of change, then the new level
    connector = re.sub(r"[\s\u00a0-]+", "", m.group().lower()) or "-"
    between = _BETWEEN_RE.search(text, max(0, a.start - 12), a.start)
    if connector == "and" and not between:
        return False
    from_before = _FROM_RE.search(text, max(0, a.start - 20), a.start)
    shared_scale = a.number.scale == 1 and b.number.scale > 1 and a.number.raw < b.number.raw
    if connector == "to" and a.kind == "change" and a.has_unit and b.has_unit and not (from_before or between or shared_scale):
        return False  # "rose 12 sen to RM8.40": an amount of change, then the new level
    if a.has_unit and b.has_unit:
        return _same_unit(a, b)
    if a.has_unit and not b.has_unit:
        return connector in ("-", "–", "—") and b.measured is None and _plain_number(b)
    if a.counted and b.counted:
        return a.measured == b.measured
    return not a.counted


def _changed_from_to(text: str, a: Draft, b: Draft) -> bool:
    """"fell from 312 to 290", "doubled from 4 to 8 GB": "from X to Y" after a verb of change
    (the clause's direction) is a figure left and a figure reached, not a range of values; after a
    verb of revision it stays a range `revisions.read_corrections` turns into a correction, and a
    range of ranges ("from 6 to 8 per cent to 2 to 4 per cent") stays two ranges."""
    return (a.clause_direction is not None and b.bound == "exact" and a.bound == "exact"
            and _FROM_RE.search(text, max(0, a.start - 20), a.start) is not None
            and not revised_from(text, a.start) and not _RANGE_START_RE.match(text, b.end))


def _left_and_reached(a: Draft, b: Draft) -> list[Draft]:
    """The figure left (a level, no change) and the figure reached (a level in the verb's direction),
    as "rose to 273 from 240" reads them; the figure left takes the unit, the scale and the counted
    noun the writer gave the figure reached only ("from 4 to 8 GB", "from 1.5 to 2 million")."""
    if not a.has_unit and b.has_unit:
        a.unit, a.currency, a.per = b.unit, b.currency, b.per
    if a.number.scale == 1 and b.number.scale > 1 and a.number.raw < b.number.raw and a.value is not None:
        a.value = a.low = a.high = a.number.raw * b.number.scale * (-1 if a.value < 0 else 1)
    a.measured = a.measured or b.measured
    a.counted = a.counted or b.counted
    a.subject = a.subject or b.subject
    a.change, a.kind = None, "level"
    b.change, b.kind = a.clause_direction, "level"
    return [a, b]


def _same_unit(a: Draft, b: Draft) -> bool:
    if a.currency is not None or b.currency is not None:
        return a.currency is not None and b.currency is not None and a.currency.unit == b.currency.unit
    return a.unit_key == b.unit_key


def _is_from_to(text: str, a: Draft, b: Draft) -> bool:
    """"from $41,210 at 9.30pm on Sunday to $39,870": a range across a short aside."""
    if a.number.vague or b.number.vague or not _FROM_RE.search(text, max(0, a.start - 20), a.start):
        return False
    gap = text[a.end: b.start]
    if len(gap) > 40 or not _TO_END_RE.search(gap) or _CLAUSE_BREAK_RE.search(gap):
        return False
    if b.has_unit:
        return a.has_unit and _same_unit(a, b) or not a.has_unit and not a.counted
    return b.measured is None or (a.counted and a.measured == b.measured)


_CHAIN_GAP_RE = re.compile(r"[ \u00a0]+to[ \u00a0]+", re.I)
_RANGE_START_RE = re.compile(r"[ \u00a0]*(?:[-–—]|to|and)[ \u00a0]*[$£€]?\d", re.I)


def _chains(text: str, a: Draft, b: Draft, c: Draft) -> bool:
    """"from A to B to C": C continues the range A-B, in the same unit, as one more step."""
    if not _FROM_RE.search(text, max(0, a.start - 20), a.start) or not _CHAIN_GAP_RE.fullmatch(text, b.end, c.start):
        return False
    if c.number.vague or c.bound != "exact" or (c.has_unit or b.has_unit) and not (c.has_unit and b.has_unit and _same_unit(b, c)):
        return False
    return not _RANGE_START_RE.match(text, c.end)  # "from 5 to 7% to 3 to 5%" is two ranges


def _plain_number(d: Draft) -> bool:
    return not d.number.words and d.measured is None


def _join(text: str, a: Draft, b: Draft) -> Draft:
    """One range draft spanning ``a`` and ``b``; ``a`` takes ``b``'s unit and, when smaller, its scale."""
    a_value = a.value
    scale_shared = a.number.scale == 1 and b.number.scale > 1 and a.number.raw < b.number.raw and a_value is not None
    if scale_shared and (not a.has_unit or a.currency is not None and b.currency is not None and _same_unit(a, b)):
        a_value = a.number.raw * b.number.scale * (-1 if (a.value or 0) < 0 else 1)
    if b.value is None or a_value is None:
        return a
    joined = Draft(b.number, a.start, b.end, None, low=min(a_value, b.value), high=max(a_value, b.value))
    joined.descending = a_value > b.value  # stated from high to low ("from 208 to 193")
    joined.bound = "range"
    joined.unit = b.unit or a.unit
    joined.currency = b.currency or a.currency
    joined.measured = b.measured or a.measured
    joined.counted = a.counted or b.counted
    joined.subject = b.subject or a.subject
    joined.per = b.per or a.per
    joined.kind = a.kind
    joined.change = a.change
    if _FROM_RE.search(text, max(0, a.start - 20), a.start) and a.clause_direction is not None:
        joined.change, joined.kind = a.clause_direction, "level"  # "rose from 240 to 273": two levels
    return joined


def _share_units(text: str, drafts: list[Draft]) -> None:
    """Give a bare number the unit of the next one across "or"/"and"/"," ("eight or nine euros")."""
    for i in range(len(drafts) - 2, -1, -1):
        a, b = drafts[i], drafts[i + 1]
        if a.has_unit or a.measured is not None or a.number.vague or not b.has_unit:
            continue
        gap = text[a.end: b.start]
        if b.unit is not None and b.unit.dimension == "points" and _LEVEL_THEN_CHANGE_RE.fullmatch(gap):
            a.unit = b.unit  # "16369.03 up 58.06 points": an index level and its change, both in points
            continue
        if b.currency is not None and a.number.scale > 1 and _PART_OF_RE.fullmatch(gap):
            a.currency = b.currency  # "raised 340 million of the 2.5 billion pesos"
            continue
        suspended = gap.lstrip().startswith("-")  # "four-, five- and six-cylinder"
        if b.unit is not None and b.unit.dimension == "multiple" and not suspended:
            continue
        m = _SHARE_GAP_RE.match(gap)
        if not m or m.end() != len(gap):
            continue
        a.unit, a.per = b.unit, b.per
        if b.currency is not None and b.number.scale == a.number.scale:
            a.currency = b.currency


#: What may stand between a quantity and a later bare number that reuses its unit.
_CARRY_GAP_MAX = 60
_BRACKET_RE = re.compile(r"[ \u00a0]*\([ \u00a0]*")
#: Relative units a later level does not share ("rose 0.4 percent to 7,118.35").
_NOT_CARRIED = {"percent", "percentage point", "multiple"}
_CAPITALISED_AFTER_RE = re.compile(r"[ \u00a0]+[A-Z]")
_HYPHEN_AFTER_RE = re.compile(r"-[A-Za-z]")
_TIME_WORDS = frozenset("last next earlier later previously respectively".split())


_WORD_AFTER_RE = re.compile(r"[ \u00a0]+(?P<w>[a-z]+)")
_CARRY_BREAK_RE = re.compile(r"[;:!?]|\.(?![\d])|(?<![\w])(?:because|but|after|before|since|when|which|if)(?![\w])", re.I)


def _carry_units(text: str, drafts: list[Draft]) -> None:
    """Give a bare number the unit of the quantity just before it in the same clause chain.

    "from 208 pounds to 193", "92.40 cents, while the lowest is 81.15", "312 flats
    by ballot and 96 by auction": the unit is written once and elided after.
    """
    for i in range(1, len(drafts)):
        b = drafts[i]
        if b.has_unit or b.counted or b.measured == "age" or b.number.vague or b.number.fraction or b.bound == "range":
            continue
        if _CAPITALISED_AFTER_RE.match(text, b.end) or _HYPHEN_AFTER_RE.match(text, b.end):
            continue  # "63000 Model 3 sedans", "a three-bed flat": not an elided unit
        word = _WORD_AFTER_RE.match(text, b.end)
        if word and word["w"] not in STOP and word["w"] not in _TIME_WORDS and not past_form(word["w"]):
            continue  # "the 50 previous years": a noun phrase of its own follows
        j = i - 1
        if j > 0 and _BRACKET_RE.fullmatch(text[drafts[j - 1].end: drafts[j].start]):
            j -= 1  # "2,435,000 YEN ($22,480) ... and 2,380,000": the unit of the amount, not of its conversion
        a = drafts[j]
        parallel_changes = a.kind == b.kind == "change"  # "exports rose by 3 percent but imports fell by 2"
        if not (a.has_unit or a.counted) or a.unit is not None and a.unit.dimension in _NOT_CARRIED and not parallel_changes:
            continue
        gap = text[max(a.end, a.noun_end): b.start]
        if len(gap) > _CARRY_GAP_MAX or (_CARRY_BREAK_RE.search(gap) and not parallel_changes):
            continue
        b.unit, b.per = a.unit, b.per or a.per
        if a.measured == "age":
            b.measured, b.person = "age", a.person  # "when he was 19 to 24": two ages, not an age and a duration
        if a.currency is not None:
            b.currency = a.currency
        if a.counted:
            b.measured, b.counted = a.measured, True


#: "lost 240 points, or 0.7%", "more than 100 kilometres (60 miles)", "(150 kW / 204 PS)".
_APPOSITION_GAP_RE = re.compile(r"[ \u00a0]*(?:,[ \u00a0]*or|\(|/)[ \u00a0]*", re.I)


_OR_RESTATED_RE = re.compile(r"[ \u00a0]+or[ \u00a0]+", re.I)


def _share_apposition(text: str, drafts: list[Draft]) -> None:
    """The same amount restated in other terms takes the first statement's change and bound."""
    for i in range(1, len(drafts)):
        a, b = drafts[i - 1], drafts[i]
        gap = text[max(a.end, a.noun_end): b.start]
        if _OR_RESTATED_RE.fullmatch(gap) and b.unit is not None and b.unit.dimension == "percent":
            if b.change is None and b.kind == "level" and a.change is not None:
                b.change, b.kind = a.change, a.kind  # "grew by 4,200 nurses or 3 per cent"
            continue
        if not _APPOSITION_GAP_RE.fullmatch(gap):
            continue
        if b.change is None and b.kind == "level" and a.change is not None:
            b.change, b.kind = a.change, a.kind
        if b.bound == "exact" and a.bound in ("lower", "upper", "approx") and b.low is None:
            b.bound, b.bound_phrase = a.bound, a.bound_phrase
