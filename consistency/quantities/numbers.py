"""Numbers as written: digits, number words, fractions, scale words and vague magnitudes.

`find_numbers` returns every number-like mention in a text with its value; deciding
whether a mention is a quantity (and not a year, a time, a model number or a
score) is left to the caller. Scale words are applied here ("1.2bn" -> 1.2e9,
"two point five million" -> 2.5e6, "1,200 million" -> 1.2e9); units are not.
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass

from consistency.wordnet import NOUN_GROUP, NOUN_POSSESSION, VERB_POSSESSION, is_kind, lexicographer_files, past_form

#: Values of the number words, by role in the small grammar of `_parse_words`.
ONES = {
    "zero": 0, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7,
    "eight": 8, "nine": 9,
}
TEENS = {
    "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14, "fifteen": 15,
    "sixteen": 16, "seventeen": 17, "eighteen": 18, "nineteen": 19,
}
TENS = {
    "twenty": 20, "thirty": 30, "forty": 40, "fourty": 40, "fifty": 50, "sixty": 60,
    "seventy": 70, "eighty": 80, "ninety": 90,
}
#: Ordinal words, first to thirty-first, by their number ("the eighth", "twenty-first", "her sixth
#: novel"): the one table the readers of days of a month (`dates`), of periods ("its third year",
#: `periods`) and of places in an order (`ranks`) take their ordinals from.
_FIRST_NINE = ("first", "second", "third", "fourth", "fifth", "sixth", "seventh", "eighth", "ninth")
ORDINALS = {w: n for n, w in enumerate(
    (*_FIRST_NINE, "tenth", "eleventh", "twelfth", "thirteenth", "fourteenth", "fifteenth", "sixteenth",
     "seventeenth", "eighteenth", "nineteenth", "twentieth"), start=1)}
ORDINALS.update({f"twenty{j}{w}": 20 + n for n, w in enumerate(_FIRST_NINE, start=1) for j in ("-", " ")})
ORDINALS.update({"thirtieth": 30, "thirty-first": 31, "thirty first": 31})
SCALES = {"thousand": 1e3, "million": 1e6, "billion": 1e9, "trillion": 1e12}
#: Denominators of spoken fractions ("two-thirds", "nine-tenths", "a quarter").
DENOMINATORS = {
    "half": 2, "halves": 2, "third": 3, "thirds": 3, "quarter": 4, "quarters": 4, "fourth": 4,
    "fourths": 4, "fifth": 5, "fifths": 5, "sixth": 6, "sixths": 6, "seventh": 7, "sevenths": 7,
    "eighth": 8, "eighths": 8, "ninth": 9, "ninths": 9, "tenth": 10, "tenths": 10,
    "hundredth": 100, "hundredths": 100, "thousandth": 1000, "thousandths": 1000,
}
_NUMBER_WORDS = {*ONES, *TEENS, *TENS, *SCALES, *DENOMINATORS, "hundred", "dozen"}

#: Attached or spaced scale suffixes after digits ("1.2bn", "2.4m", "$4.5 billion").
SCALE_SUFFIXES = {
    "hundred": 1e2, "thousand": 1e3, "million": 1e6, "billion": 1e9, "trillion": 1e12,
    "k": 1e3, "mn": 1e6, "mln": 1e6, "mil": 1e6, "mio": 1e6, "m": 1e6, "bn": 1e9, "bln": 1e9,
    "b": 1e9, "tn": 1e12, "trn": 1e12, "t": 1e12,
}
#: Plural magnitudes used vaguely ("thousands of", "tens of millions of"): at least the magnitude, with
#: no ceiling (`find_numbers`).
VAGUE = {"dozens": 12.0, "hundreds": 1e2, "thousands": 1e3, "millions": 1e6, "billions": 1e9, "trillions": 1e12}

VULGAR_FRACTIONS = {
    "½": 0.5, "⅓": 1 / 3, "⅔": 2 / 3, "¼": 0.25, "¾": 0.75, "⅕": 0.2, "⅖": 0.4, "⅗": 0.6,
    "⅘": 0.8, "⅙": 1 / 6, "⅚": 5 / 6, "⅛": 0.125, "⅜": 0.375, "⅝": 0.625, "⅞": 0.875,
}
#: Denominators accepted in digit fractions; others ("9/11", "24/7") are not fractions.
_FRACTION_DENOMINATORS = {2, 3, 4, 5, 6, 8, 10, 12, 16, 20, 25, 32, 40, 50, 64, 100, 128, 1000}

_VF = "".join(VULGAR_FRACTIONS)
_DIGIT_RE = re.compile(
    rf"""
    (?<![\d.])(?<!\d,)
    (?P<int>(?:\d{{1,3}}(?:,\d{{3}})+(?![\d])|\d+)(?:\.\d+)?(?![.,]\d)|\.\d+)
    (?:
        (?P<sci>\s?[x×*]\s?10\s?\^?\s?(?P<exp>[-−–]?\d+))
      | [eE](?P<exp2>[-+−]?\d+)(?![\w])
      | (?:[ \u00a0]|[-–](?=\d+[/⁄]))(?P<mn>\d+)[/⁄](?P<md>\d+)(?![\d/⁄])
      | (?P<vf>[{_VF}])
      | [/⁄](?P<fd>\d+)(?![\d/⁄])
    )?
    """,
    re.X,
)
_LONE_VULGAR_RE = re.compile(rf"(?<![\w\d])[{_VF}]")
_SCALE_RE = re.compile(
    r"(?P<space>[ \u00a0]?)"
    r"(?P<word>(?:hundred[ \u00a0]+)?(?:thousand|million|billion|trillion)|hundred"
    r"|bn|bln|mn|mln|mio|mil|tn|trn|[kKmMbBT])(?![\w])",
)
_WORD_RUN_RE = re.compile(
    r"(?<![\w-])(?:an?|" + "|".join(sorted(_NUMBER_WORDS, key=len, reverse=True)) + r")"
    r"(?:(?:[ \u00a0]+|-)(?:and|an?|point|" + "|".join(sorted(_NUMBER_WORDS, key=len, reverse=True)) + r"))*"
    r"(?![\w])",
    re.I,
)
_VAGUE_RE = re.compile(
    r"(?<![\w-])(?:(?P<mult>tens|hundreds)[ \u00a0]+of[ \u00a0]+)?"
    r"(?P<mag>dozens|hundreds|thousands|millions|billions|trillions)(?=[ \u00a0]+of\b)",
    re.I,
)
_SPLIT_WORDS_RE = re.compile(r"[^\s-]+")


@dataclass(frozen=True, slots=True)
class Number:
    """One number as written, before any unit is attached.

    ``value`` is None for a vague magnitude ("thousands of"), which sets ``low`` and
    ``high`` instead. ``raw`` is the value before the scale word and ``scale`` the
    scale applied, so a range can share a scale ("four to five thousand").
    """

    start: int
    end: int
    value: float | None
    raw: float
    scale: float = 1.0
    low: float | None = None
    high: float | None = None
    words: bool = False
    fraction: bool = False
    scale_text: str = ""

    @property
    def vague(self) -> bool:
        return self.value is None


def _digits_value(m: re.Match[str]) -> tuple[float, bool] | None:
    """The value of a digit match and whether it is a fraction; None when it is not a number."""
    value = float(m["int"].replace(",", ""))
    if m["sci"] or m["exp2"]:
        exp = (m["exp"] or m["exp2"]).replace("−", "-").replace("–", "-")
        sign = -1 if exp.startswith("-") else 1
        digits = exp.lstrip("+-")
        power = sign * 400 if len(digits) > 4 else max(-400, min(400, int(exp)))  # beyond float range either way
        return value * 10.0 ** power if -308 <= power <= 308 else (math.inf if power > 0 and value else 0.0), False
    if m["mn"]:
        num, den = int(m["mn"]), int(m["md"])
        if den in _FRACTION_DENOMINATORS and 0 < num < den:
            return value + num / den, True
        return None
    if m["vf"]:
        return value + VULGAR_FRACTIONS[m["vf"]], True
    if m["fd"]:
        return _slash_value(m["int"], int(m["fd"]))
    return value, False


#: The fractions a vulgar-fraction glyph stands for (numerator, denominator), as "½" reads when
#: flattened to "1/2" and glued to the whole number before it ("41/2 months" for "4½ months").
_GLYPH_FRACTIONS = {(1, 2), (1, 3), (2, 3), (1, 4), (3, 4), (1, 8), (3, 8), (5, 8), (7, 8)}


def _slash_value(written: str, den: int) -> tuple[float, bool] | None:
    """The value of "3/4" (a fraction) or of "41/2" (4½ with its glyph flattened: an improper
    fraction is never how news writes a number); None for a slash pair that is neither ("24/7")."""
    if not written.isdigit() or len(written) > 15:
        return None
    num = int(written)
    if den in _FRACTION_DENOMINATORS and 0 < num < den:
        return num / den, True
    if len(written) > 1 and (int(written[-1]), den) in _GLYPH_FRACTIONS:
        return int(written[:-1]) + int(written[-1]) / den, True
    return None


#: A slash with a space on either side between two whole numbers ("41 / 2" in tokenised text).
_SPACED_SLASH_RE = re.compile(r"[ \u00a0]*[/⁄][ \u00a0]*")
#: The whole part before a spaced fraction: "3 - 1 / 2", "3 1 / 2".
_WHOLE_BEFORE_RE = re.compile(r"(?<![\w.,/])(?P<w>\d+)[ \u00a0]*(?:[-–][ \u00a0]*|[ \u00a0])$")


def _spaced_fractions(text: str, found: list[Number]) -> list[Number]:
    """"1 / 2", "41 / 2", "3 - 1 / 2" as tokenisation spaces them: one number, not two counts."""
    found = sorted(found, key=lambda n: n.start)
    out: list[Number] = []
    i = 0
    while i < len(found):
        a = found[i]
        b = found[i + 1] if i + 1 < len(found) else None
        plain = b is not None and not (a.words or b.words or a.fraction or b.fraction or a.scale != 1 or b.scale != 1)
        gap = text[a.end: b.start] if plain else ""
        spaced = plain and " " in gap.replace("\u00a0", " ") and _SPACED_SLASH_RE.fullmatch(gap) is not None
        den = text[b.start: b.end] if spaced else ""
        parsed = _slash_value(text[a.start: a.end], int(den)) if den.isdigit() and len(den) <= 4 else None
        if parsed is None:
            out.append(a)
            i += 1
            continue
        value, start = parsed[0], a.start
        whole = _WHOLE_BEFORE_RE.search(text, max(0, a.start - 12), a.start)
        if whole is not None and value < 1 and out and out[-1].start == whole.start("w") and not out[-1].words:
            value, start = out.pop().raw + value, whole.start("w")
        out.append(Number(start, b.end, value, value, fraction=True))
        i += 2
    return out


def _scale_after(text: str, end: int, *, attached_only: bool = False) -> tuple[float, int, str] | None:
    """A scale word or suffix right after a number: (factor, new end, scale text).

    Single letters are read as scales only where that is the likely meaning: ``k``
    and ``M`` attached ("25k", "4.3M"), ``bn``/``mn``/``mil`` attached or spaced,
    ``m``/``b``/``T`` only when attached and followed by a word or after a currency
    (decided by the caller through ``attached_only``); metres and bits stay units.
    """
    m = _SCALE_RE.match(text, end)
    if not m:
        return None
    word = m["word"]
    low = word.lower()
    spaced = bool(m["space"])
    then_word = _followed_by_word(text, m.end())
    if len(word) == 1:
        if spaced:
            accepted = word == "B" and then_word
        elif word in "kM":
            accepted = True
        elif word in "KB":
            accepted = attached_only or then_word
        elif word == "m":
            accepted = attached_only or m_is_million(text, end, m.end())
        else:
            accepted = attached_only
        if not accepted:
            return None
    elif spaced and low in {"mil", "mn", "mln", "mio", "tn", "trn"}:
        return None
    factor = 1.0
    for part in low.split():
        factor *= SCALE_SUFFIXES[part]
    return factor, m.end(), word


#: How many words before a figure `told_of_money` reads for the noun the figure is told of.
_TOLD_WORDS = 6
_CLAUSE_WORD_RE = re.compile(r"[A-Za-z][\w'’-]*|\d[\d.,]*\w*")
_SENTENCE_END_RE = re.compile(r"[.!?;](?:\s|$)")


def m_is_million(text: str, end: int, after: int) -> bool:
    """Whether a lowercase "m" (from ``end``, the end of a figure, to ``after``) is a million rather
    than metres, read from the phrase; the one decision both the scale reader and `units.match_unit`
    follow. Before a word it is a million ("2.4m viewers", "12m for the striker") unless the word
    tells a length ("230m long", "90m above the square") or names a contest, a kind of WordNet's
    "contest" ("the 400m freestyle", "the 100m final", "the 400m hurdles"); at the end of a clause it
    is a million when the figure is told of money (`told_of_money`) or is the size of a group
    (`told_of_group`), metres otherwise."""
    if _followed_by_word(text, after):
        if _METRE_CONTEXT_RE.match(text, after):
            return False
        noun = _NEXT_WORD_RE.match(text, after)
        return noun is None or not is_kind(noun["w"], "contest")
    return told_of_money(text, end) or told_of_group(text, end) or money_beside(text, end)


_NEXT_WORD_RE = re.compile(r"[ \u00a0]+(?P<w>[a-z]+)\b")


def told_of_money(text: str, end: int) -> bool:
    """Whether the figure ending at ``end`` is told of money: one of the few words before it in its
    sentence is a noun whose first or second sense lies in WordNet's noun.possession ("Net profit
    rose to 230m", "a fee of 12.5m", "- Quarterly sales: 19.5m"; not "He fell 10m"), or one of the two
    words right before it is a verb in its past whose first or second sense lies in verb.possession
    ("The club paid 12m", "valued at 230m"; only these two and a past form, as a noun, "a rescue
    diver", "the pool", is no verb). A bare
    "m" at the end of such a clause is a million, not metres: pair files and reports tell money that
    way, and reading it as a length lost the conflict between two profits. An article right before
    the figure makes it a noun of its own ("took gold in the 800m": the race), never told of money.
    """
    words = _clause_words(text, end)
    if not words or words[-1].lower() in ("the", "a", "an"):
        return False
    if any(past_form(w) and VERB_POSSESSION in lexicographer_files(w.lower(), "v", 2) for w in words[-2:]):
        return True
    return any(NOUN_POSSESSION in lexicographer_files(w.lower(), "n", 2) for w in words if w[0].isalpha())


#: A bare "m" attached to a figure anywhere in a text (group "n": where the figure ends).
_BARE_M_RE = re.compile(r"(?<![\w.,])(?P<n>\d[\d,]*(?:\.\d+)?)m(?![A-Za-z])")
_BE_RE = re.compile(r"(?:is|are|was|were|be|been|measures|measured|stands|stood|reaches|reached)$", re.I)


def money_beside(text: str, end: int) -> bool:
    """Whether another bare "m" of the text is told of money (`told_of_money`) while the figure
    ending at ``end`` has no verb of its own before it in its clause: a writer gives "m" one sense
    in one text, so in a list of figures ("turnover 88.1m (prior year 80.4m); net profit 9.2m")
    the ones told by a label alone are millions as the profit is. A figure a verb tells ("the diver
    then went down 12m", "the mast is 40m") keeps its own reading."""
    if _clause_words(text, end, verbs_only=True):
        return False
    return any(m.end("n") != end and told_of_money(text, m.end("n")) for m in _BARE_M_RE.finditer(text))


def _clause_words(text: str, end: int, *, verbs_only: bool = False) -> list[str]:
    """The last `_TOLD_WORDS` words before the figure ending at ``end``, in its sentence; with
    ``verbs_only`` those that are a past form or a form of "be" or of measuring (`_BE_RE`)."""
    start = _word_start(text, end)
    before = text[max(0, start - 120):start]
    cut = [m.end() for m in _SENTENCE_END_RE.finditer(before)]
    words = _CLAUSE_WORD_RE.findall(before[cut[-1] if cut else 0:])[-_TOLD_WORDS:]
    if verbs_only:
        return [w for w in words if w[0].isalpha() and (past_form(w) or _BE_RE.fullmatch(w))]
    return words


#: What may stand between a noun and the figure that gives its size ("a population of 1.2m", "the
#: audience was 1.4m", "readership now stands at 2.6m"): a link, never a verb of its own.
_SIZE_LINK_RE = re.compile(r"(?:[ \u00a0]+(?:of|at|is|was|were|are|now|still|some|about|around|nearly|almost|(?:stands|stood)[ \u00a0]+at)"
                           r"|[ \u00a0]*:)*[ \u00a0]*$", re.I)
_LAST_WORD_RE = re.compile(r"(?<![\w'’-])(?P<w>[A-Za-z]+)$")


def told_of_group(text: str, end: int) -> bool:
    """Whether the figure ending at ``end`` gives the size of a group: the noun right before it, with
    only a link between ("of", "at", a form of "be": `_SIZE_LINK_RE`), has its first sense in
    WordNet's noun.group ("a population of 1.2m", "the audience was 1.4m"). A group has no length,
    so a bare "m" after it is a million; a verb between ("the team climbed 300m") leaves a length."""
    start = _word_start(text, end)
    before = text[max(0, start - 80):start]
    link = _SIZE_LINK_RE.search(before)
    noun = _LAST_WORD_RE.search(before, 0, link.start()) if link else None
    return noun is not None and NOUN_GROUP in lexicographer_files(noun["w"].lower(), "n", 1)


def _word_start(text: str, end: int) -> int:
    """Where the word (a run of non-space) that ends at ``end`` starts: the figure with its unit."""
    start = end
    while start > 0 and not text[start - 1].isspace():
        start -= 1
    return start


_METRE_CONTEXT_RE = re.compile(r"[ \u00a0]+(?:long|wide|high|tall|deep|away|above|below|from|in\b|of\s+(?:rope|cable|water))", re.I)
_WORD_AFTER_RE = re.compile(r"[ \u00a0]+(?:of\b|[a-z])")


def _followed_by_word(text: str, pos: int) -> bool:
    return bool(_WORD_AFTER_RE.match(text, pos))


def _parse_words(words: list[str]) -> tuple[float, int, bool] | None:
    """Parse a run of number words; return (value, words used, is_fraction) or None.

    Grammar: ones/teens/tens combine ("thirty-two"), "hundred" multiplies, scale
    words flush ("two million three hundred"), "and" joins inside a number ("a
    hundred and two"), "point" starts spoken decimals ("two point five million"),
    a denominator ends a fraction ("two-thirds", "a quarter"), "and a half" adds
    0.5, "dozen" multiplies by 12. The run stops at the first word that does not fit.
    """
    total = 0.0
    current: float | None = None
    last = ""
    i = 0
    n = len(words)
    while i < n:
        w = words[i].lower()
        nxt = words[i + 1].lower() if i + 1 < n else ""
        if w in ("a", "an"):
            if i != 0 or not (nxt in SCALES or nxt in ("hundred", "dozen") or nxt in DENOMINATORS):
                break
            current, last = 1.0, "a"
        elif w in ONES or w in TEENS:
            v = ONES.get(w, TEENS.get(w))
            if last in ("", "scale", "and", "hundred") or (last == "tens" and w in ONES and v):
                current = (current or 0.0) + v
                last = "ones" if w in ONES else "teens"
            else:
                break
        elif w in TENS:
            if last in ("", "scale", "and", "hundred"):
                current = (current or 0.0) + TENS[w]
                last = "tens"
            else:
                break
        elif w == "hundred":
            if current is None or current >= 100 or last in ("hundred", "point"):
                break
            current *= 100
            last = "hundred"
        elif w in SCALES:
            if current is None or last == "scale":
                break
            total += current * SCALES[w]
            current, last = None, "scale"
        elif w == "dozen":
            if current is None:
                break
            current *= 12
            last = "dozen"
        elif w == "and":
            if nxt in ("a", "an") and i + 2 < n and words[i + 2].lower() in ("half",):
                if current is None and not total:
                    break
                current = (current or 0.0) + 0.5
                i += 3
                last = "half"
                continue
            if last not in ("hundred", "scale") or not (nxt in ONES or nxt in TEENS or nxt in TENS):
                break
            last = "and"
        elif w == "point":
            if last not in ("ones", "teens", "tens") or nxt not in ONES:
                break
            decimals = ""
            j = i + 1
            while j < n and words[j].lower() in ONES:
                decimals += str(ONES[words[j].lower()])
                j += 1
            current = (current or 0.0) + float("0." + decimals)
            last, i = "point", j
            continue
        elif w in DENOMINATORS:
            if current is None or last not in ("ones", "teens", "tens", "a"):
                break
            den = DENOMINATORS[w]
            if current == 1 and w.endswith("s") and w != "halves":
                break
            return total + current / den, i + 1, True
        else:
            break
        i += 1
    if last in ("a", "and", ""):
        return None
    value = total + (current or 0.0)
    return value, i, False


_ORDINAL_COMPOUND_RE = re.compile(r"-[A-Za-z]")


def _word_numbers(text: str) -> list[Number]:
    out: list[Number] = []
    for m in _WORD_RUN_RE.finditer(text):
        parts = [(p.group(), m.start() + p.start(), m.start() + p.end()) for p in _SPLIT_WORDS_RE.finditer(m.group())]
        k = 0
        while k < len(parts):
            parsed = _parse_words([p[0] for p in parts[k:]])
            if parsed is None or parsed[1] == 0:
                k += 1
                continue
            value, used, fraction = parsed
            start, end = parts[k][1], parts[k + used - 1][2]
            last = parts[k + used - 1][0].lower()
            if fraction and _ORDINAL_COMPOUND_RE.match(text, end) and not last.startswith(("half", "quarter")):
                k += used  # "a third-party review", "a fifth-generation jet": an ordinal, not a fraction
                continue
            scale = SCALES.get(last, 1.0) if not fraction else 1.0
            out.append(Number(start, end, value, value / scale, scale, words=True, fraction=fraction))
            k += used
    out.extend(_half_numbers(text, out))
    return _fraction_scales(text, sorted(out, key=lambda n: n.start))


#: A scale word after a spoken fraction: "half a million", "a quarter of a million", "two-thirds of a billion".
_OF_SCALE_RE = re.compile(r"[ \u00a0]+(?:of[ \u00a0]+)?an?[ \u00a0]+(thousand|million|billion|trillion|dozen)\b", re.I)


def _fraction_scales(text: str, found: list[Number]) -> list[Number]:
    """A spoken fraction of a scale word is one number: "half a million" is 500,000 and "a quarter
    of a million" 250,000, not a fraction and a million; "half a dozen" is 6. ``found`` in text order."""
    out: list[Number] = []
    taken_to = -1
    for n in found:
        if n.start < taken_to:
            continue  # the scale word a fraction before it took
        m = _OF_SCALE_RE.match(text, n.end) if n.fraction and n.words else None
        if m is None:
            out.append(n)
            continue
        taken_to = m.end()
        word = m.group(1).lower()
        if word == "dozen":
            out.append(Number(n.start, m.end(), n.value * 12, n.value * 12, words=True))
        else:
            out.append(Number(n.start, m.end(), n.value * SCALES[word], n.value, SCALES[word], words=True))
    return out


_HALF_RE = re.compile(r"(?<![\w-])(?<!first )(?<!second )(?<!last )(?<!other )(?<!back )(?<!front )half(?=[ \u00a0]+(?:of|the|a|an|its|their|his|her|our|my|your|that|those|these)\b)", re.I)


def _half_numbers(text: str, found: list[Number]) -> list[Number]:
    """A lone "half" before a noun phrase ("half the condos", "half an hour")."""
    taken = {(n.start, n.end) for n in found}
    out = []
    for m in _HALF_RE.finditer(text):
        if any(s <= m.start() < e for s, e in taken):
            continue
        out.append(Number(m.start(), m.end(), 0.5, 0.5, words=True, fraction=True))
    return out


def find_numbers(text: str) -> list[Number]:
    """Every number-like mention in ``text``, sorted by start, without overlaps.

    Digits take precedence over words where they overlap; vague magnitudes
    ("millions of") are returned with ``value`` None and a [low, high) interval.
    """
    found: list[Number] = []
    for m in _DIGIT_RE.finditer(text):
        parsed = _digits_value(m)
        if parsed is None:
            continue
        value, fraction = parsed
        end = m.end()
        scale = _scale_after(text, end) if not fraction else None
        if scale:
            factor, end, word = scale
            found.append(Number(m.start(), end, value * factor, value, factor, fraction=fraction, scale_text=word))
        else:
            found.append(Number(m.start(), end, value, value, fraction=fraction))
    for m in _LONE_VULGAR_RE.finditer(text):
        v = VULGAR_FRACTIONS[m.group()]
        found.append(Number(m.start(), m.end(), v, v, fraction=True))
    for word_number in _word_numbers(text):
        scale = _scale_after(text, word_number.end) if not word_number.fraction else None
        if scale and word_number.value is not None:
            factor, end, word = scale
            word_number = Number(
                word_number.start, end, word_number.value * factor, word_number.value, factor,
                words=True, scale_text=word,
            )
        found.append(word_number)
    for m in _VAGUE_RE.finditer(text):
        low = VAGUE[m["mag"].lower()]
        if m["mult"]:
            low *= 10 if m["mult"].lower() == "tens" else 100
        # no ceiling: 140 people hurt are "dozens of people", a crowd of 18,000 or 40,000 is
        # "thousands"; reporters use the word of any larger figure. Read with a ceiling of ten
        # times the magnitude, 7 flagged findings of the judged news (main e73cb74) set such a word
        # against a figure above it, all dismissed ("thousands of Palestinians" / "some 14,000";
        # "dozens of people were injured" / "249 injured"), none confirmed.
        found.append(Number(m.start(), m.end(), None, low, low=low, high=math.inf, words=True))
    return _spaced_fractions(text, _without_overlaps(found))


def rescale(number: Number, text: str) -> Number:
    """Re-read the scale after a number that follows a currency sign ("$4.2b", "$2.174T", "PS2.7m")."""
    if number.scale != 1.0 or number.words or number.fraction:
        return number
    scale = _scale_after(text, number.end, attached_only=True)
    if not scale or text[number.end: number.end + 1] in (" ", "\u00a0"):
        return number
    factor, end, word = scale
    return Number(number.start, end, number.raw * factor, number.raw, factor, scale_text=word)


def _without_overlaps(numbers: list[Number]) -> list[Number]:
    numbers.sort(key=lambda n: (n.start, -(n.end - n.start)))
    out: list[Number] = []
    for n in numbers:
        if out and n.start < out[-1].end:
            continue
        out.append(n)
    return out
