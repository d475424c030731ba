"""Comparing quantity frames: when two quantities measure the same thing, and
when their values are incompatible.

A *frame* is a quantity read in its claim: the counted noun or measure it is of
("ships", "death toll", "inflation rate"), the words that say whose measure it is
(its context: the words before the number in its clause, and the counted phrase),
whether the measure only grows (a cumulative count), and when it was true.

Comparability (all must hold, else the rules stay silent):
- the same dimension and unit family (counts with counts, percent with percent,
  lengths with lengths after conversion, currency with the same currency), the
  same kind (a level with a level, a change with a change) and the same rate
  denominator ("a day" vs "a month");
- the same counted noun or measure ("ships" / "ships"; "toll" / "killed" are both
  deaths) -- or, when neither side names one, at least one shared context word;
- no contrast between the two contexts: a word naming a thing on each side that
  the other claim never mentions ("hospital" / "clinic", "museum" / "zoo") means
  different subjects;
- compatible times: explicit dates or periods that cannot overlap (October vs
  September, Q3 vs Q4) are different measurements;
- the same event: claims whose names/places, venues, kinds of event or compass
  regions differ on both sides are about different events ("kills 12 in Nigeria
  church" / "kills 37 at mosque in Afghanistan"), and so are per-event counts
  (killed, wounded, arrested) dated more than EVENT_WINDOW_DAYS apart
  (`different_events`).

Tolerances by unit kind (`tolerance`, documented in docs/rules.md).
"""

from __future__ import annotations

import datetime as dt
import math
import re
from dataclasses import dataclass
from functools import lru_cache

from ..records import Claim, Quantity
from . import attributes
from . import lexicon as lx
from .text import View, Word, as_of, contrast, mentions, same_word, significant, stem, times_compatible, view
from .tolerance import disjoint, interval, rounding_tolerance  # noqa: F401  (the rules import them from here)

_POINTS = {"percentage point", "basis point"}


@dataclass(frozen=True, slots=True)
class Frame:
    """A quantity read in its claim."""

    q: Quantity
    view: View
    #: stem of the counted noun or measure ("ship", "death", "inflat"), or None.
    head: str | None
    #: the counted phrase as written ("navy ships"), for explanations.
    head_text: str
    #: context words (pre-number clause words and the counted phrase).
    context: tuple[Word, ...]
    cumulative: bool
    when: dt.date | None
    #: a part of a group: "three members of the crew", "two of the ships" (not "all 32 of").
    partitive: bool
    #: "lower bound" verbs the extractor may miss ("passed 300", "topped 300").
    low: float
    high: float
    #: "more than 19" excludes 19; "at least 19" does not.
    strict_low: bool = False
    strict_high: bool = False


def frames(claim: Claim) -> tuple[Frame, ...]:
    return _frames(claim)


@lru_cache(maxsize=8192)
def _frames(claim: Claim) -> tuple[Frame, ...]:
    v = view(claim)
    out = []
    for q in claim.quantities:
        if q.value is None and not (math.isfinite(q.low) or math.isfinite(q.high)):
            continue
        if not attributes.usable(q):
            continue  # a value reported as replaced, a scoreline
        if q.dimension in ("time",) and q.kind == "change":
            continue  # "six days into the campaign": a time reference, not a measure
        first = v.word_at(q.start)
        if first is None or first.index in v.attribution:
            continue
        last = v.word_at(max(q.start, q.end - 1)) or first
        counted = _counted_after(v, last.index, q)
        head, head_text = _head(v, q, first.index, counted)
        context = tuple(_context(v, first.index) + counted)
        low, high = _bounds(v, q, first.index)
        strict_low, strict_high = _strictness(v, q)
        out.append(Frame(q, v, head, head_text, context, _cumulative(v, q, head), as_of(v),
                         _partitive(v, first.index, last.index, counted), low, high,
                         strict_low and math.isinf(high) and q.bound != "range",
                         strict_high and math.isinf(low) and q.bound != "range"))
    return tuple(out)


def _counted_after(v: View, index: int, q: Quantity) -> list[Word]:
    """The counted phrase after a number: "32 of Iran's navy ships" -> Iran, navy, ships."""
    if q.dimension not in (None, "count") or q.unit not in (None, "count"):
        return []
    out: list[Word] = []
    clause = v.clause_of[index]
    for w in v.words[index + 1:index + 7]:
        if v.clause_of[w.index] != clause:
            break
        if w.low in ("of", "the", "its", "their", "his", "her", "our") and not out or w.text.endswith(("'s", "’s")):
            if w.text.endswith(("'s", "’s")):
                out.append(w)
            continue
        if not w.low.isalpha() or w.low in lx.STOP or w.low in lx.VERB_FORMS or w.low in lx.TIME_WORDS:
            break
        out.append(w)
    # keep the noun phrase: stop at an "-ed" participle after a noun ("ships destroyed")
    trimmed: list[Word] = []
    for w in out:
        if trimmed and w.low.endswith("ed") and w.low not in lx.NOUNS_LIKE_ADJECTIVES:
            break
        trimmed.append(w)
    return trimmed


_STRICT_LOW = re.compile(r"(?:\b(?:more|greater|higher|larger|bigger|longer|older)\s+than|\bover|\babove|"
                         r"\bexceed\w*|\btopped|\bpassed|\bsurpassed)\s*(?:of\s+)?\$?\s*$", re.I)
_STRICT_HIGH = re.compile(r"(?:\b(?:less|fewer|lower|smaller|shorter|younger)\s+than|\bunder|\bbelow)"
                          r"\s*(?:of\s+)?\$?\s*$", re.I)


def _strictness(v: View, q: Quantity) -> tuple[bool, bool]:
    """Whether a bound excludes its number: "more than 19", "under $16 million"."""
    if _round(q):
        return False, False  # "more than 2,000" is loose talk in news: 2,000 itself is not excluded
    before = v.text[max(0, q.start - 24):q.start] + q.text[:max(0, _first_digit(q.text))]
    return bool(_STRICT_LOW.search(before)), bool(_STRICT_HIGH.search(before))


def _round(q: Quantity) -> bool:
    """A round figure: a scale word ("328 million") or two trailing zeros ("2,000", "300")."""
    if q.value is None or _SCALE_IN.search(q.text):
        return True
    return float(q.value).is_integer() and abs(q.value) >= 100 and q.value % 100 == 0


def _first_digit(text: str) -> int:
    m = re.search(r"\d", text)
    return m.start() if m else 0


def _partitive(v: View, first: int, last: int, counted: list[Word]) -> bool:
    if first > 0 and v.words[first - 1].low in ("all", "every", "total", "entire"):
        return False
    if first > 0 and v.words[first - 1].low in ("another", "other", "additional", "extra", "further"):
        return True  # "another 1,000": an increment, not the total
    if last + 1 < len(v.words) and v.words[last + 1].low in ("other", "more", "additional", "extra", "further",
                                                             "new"):
        return True  # "the 20 other languages", "5 more ships"
    after = counted[-1].index + 1 if counted else last + 1
    nxt = v.words[after].low if after < len(v.words) else ""
    nxt2 = v.words[after + 1].low if after + 1 < len(v.words) else ""
    if not counted:
        return nxt == "of"
    return nxt == "of" and nxt2 in ("the", "its", "their", "his", "her", "our", "a", "an", "these", "those")


def _head(v: View, q: Quantity, index: int, counted: list[Word]) -> tuple[str | None, str]:
    clause = v.clause_of[index]
    clause_words = [w for w in v.words if v.clause_of[w.index] == clause and w.index not in v.attribution]
    deaths = any(w.stem in ("kill", "die", "death") or w.low in ("dead", "killed", "deaths") for w in clause_words)
    nouns = [w for w in counted if not w.text.endswith(("'s", "’s"))]
    if nouns:
        head = nouns[-1]
        if deaths and head.low in _PEOPLE:
            return "death", " ".join(w.text for w in nouns)
        return _norm_head(head.stem), " ".join(w.text for w in nouns)
    # a measure noun before the number: "the death toll had passed 300", "turnout was 38%"
    before = [w for w in v.words[:index] if w.index not in v.attribution and w.low in lx.MEASURE_NOUNS]
    same_clause = [w for w in before if v.clause_of[w.index] == clause]
    pick = (same_clause or before or [None])[-1]
    if pick is not None:
        if pick.low == "toll" or pick.low in ("casualties", "deaths"):
            return "death", "death toll" if pick.low == "toll" else pick.text
        return _norm_head(pick.stem), pick.text
    if q.measured and (q.dimension in (None, "count")):
        word = q.measured.split()[-1]
        return _norm_head(stem(word)), q.measured
    return None, ""


_PEOPLE = {"people", "person", "persons", "individuals", "civilians", "fatalities", "victims", "lives"}


def _norm_head(h: str) -> str:
    return "death" if h in ("kill", "die", "dead", "fatality", "fatalit", "death") else h


_NAME_CODE = re.compile(r"^[^\W\d_]+-\d+$")  # "TA-35", "F-16": a name, not a number
_LINKS = {"of", "in", "at", "the", "a", "an", "for", "on", "near", "from", "and"}


def _context(v: View, index: int) -> list[Word]:
    """Words that say whose measure this is: the subject phrase of the number's clause (its
    leading run of nouns, "the regional hospital in Bandar Abbas"), and names before the number.

    Verbs ("holds", "has room for") are left out: they say nothing about whose measure it is.
    Without a subject in the number's clause ("..., up 5 points"), the sentence's first clause.
    """
    clause = v.clause_of[index]
    words = [w for w in v.words[:index] if v.clause_of[w.index] == clause and w.index not in v.attribution]
    if not any(w.low.isalpha() and w.low not in lx.STOP and w.low not in lx.VERB_FORMS for w in words):
        first = min((v.clause_of[w.index] for w in v.words if w.index not in v.attribution), default=clause)
        words = [w for w in v.words[:index] if v.clause_of[w.index] == first and w.index not in v.attribution]
    out: list[Word] = []
    running = True
    for pos, w in enumerate(words):
        last = pos == len(words) - 1
        content = (w.low.isalpha() or _NAME_CODE.match(w.low)) and w.low not in lx.STOP and w.low not in lx.TIME_WORDS
        if running:
            if content and not _verbish(w) and not (last and not out == [] and w.low not in lx.MEASURE_NOUNS
                                                         and not w.proper):
                out.append(w)
                continue
            if w.low in _LINKS or not w.low.isalpha() or w.low in lx.TIME_WORDS or (not content and not out):
                continue
            running = False
        if content and w.proper:
            out.append(w)
    return out


def _verbish(w: Word) -> bool:
    low = w.low
    if low in lx.VERB_FORMS or low in lx.AUXILIARIES:
        return True
    return low.endswith("ed") and low not in lx.NOUNS_LIKE_ADJECTIVES and not w.proper


_LOWER_VERBS = {"passed", "topped", "exceeded", "surpassed", "crossed"}
#: Scale words the extractor may leave out of a quantity ("$57 Trillion" in a title-case headline).
_SCALES = {"thousand": 1e3, "k": 1e3, "million": 1e6, "mil": 1e6, "mln": 1e6, "m": 1e6, "mn": 1e6, "billion": 1e9,
           "bn": 1e9, "bln": 1e9, "bil": 1e9, "trillion": 1e12, "tn": 1e12}
_SCALE_AFTER = re.compile(r"\s*(thousand|million|mil|mln|mn|billion|bil|bn|bln|trillion|tn|m|k)\b", re.I)
_SCALE_IN = re.compile(r"(thousand|million|mln|mn|billion|bn|bln|trillion|tn|\d[mk])\b", re.I)
#: Comparisons the extractor may read as exact ("smaller than 170").
_MORE = re.compile(r"\b(?:more|greater|larger|higher|bigger|longer|older)\s+than\s*\$?\s*$|\babove\s*\$?\s*$")
_LESS = re.compile(r"\b(?:less|fewer|smaller|lower|shorter|younger)\s+than\s*\$?\s*$|\bbelow\s*\$?\s*$")


def _bounds(v: View, q: Quantity, index: int) -> tuple[float, float]:
    low = q.canonical_low if q.canonical_low is not None else q.low
    high = q.canonical_high if q.canonical_high is not None else q.high
    prev = [w.low for w in v.words[max(0, index - 2):index]]
    scale = _SCALE_AFTER.match(v.text[q.end:])
    if scale and not _SCALE_IN.search(q.text) and q.dimension in ("currency", None, "count"):
        factor = _SCALES[scale.group(1).lower()]
        low, high = low * factor, high * factor
    if q.bound == "exact":
        before = v.text[max(0, q.start - 20):q.start].lower()
        if any(p in _LOWER_VERBS for p in prev) or _MORE.search(before):
            return low, math.inf
        if _LESS.search(before):
            return -math.inf, high
    if q.dimension == "time" and q.kind == "level":
        # "an hour and 50 minutes": the extractor may read only the last part
        m = _HOURS_AND.search(v.text[:q.start])
        if m and q.canonical_unit == "second" and q.unit in ("minute", "second"):
            hours = _SMALL.get(m.group(1).lower()) or float(m.group(1)) if m.group(1).lower() in _SMALL or \
                m.group(1).replace(".", "", 1).isdigit() else 1.0
            unit = 3600.0 if m.group(2).lower().startswith("hour") else 60.0
            return low + hours * unit, high + hours * unit
    return low, high


_HOURS_AND = re.compile(r"\b(an?|one|two|three|four|five|six|\d+(?:\.\d+)?)\s+(hours?|minutes?)\s+and\s+$", re.I)
_SMALL = {"a": 1.0, "an": 1.0, "one": 1.0, "two": 2.0, "three": 3.0, "four": 4.0, "five": 5.0, "six": 6.0}


def _cumulative(v: View, q: Quantity, head: str | None) -> bool:
    """Counts that only grow, on evidence in the number's clause (`attributes.running`)."""
    if q.kind != "level" or q.dimension not in (None, "count"):
        return False
    return attributes.running(q)


# --- comparability ---------------------------------------------------------------------------

def unit_family(q: Quantity) -> str:
    if q.dimension in ("percent", "currency", "count", None) or q.canonical_unit in (None, "count"):
        return f"{q.dimension}:{q.canonical_unit or q.unit}"
    return f"{q.dimension}:{q.canonical_unit}"


def same_measure(fa: Frame, fb: Frame) -> bool:
    """Same counted noun or measure and no contrast between the two contexts (units aside)."""
    if fa.head and fb.head:
        if not same_word(fa.head, fb.head):
            return False
    elif fa.head or fb.head:
        known, other = (fa, fb) if fa.head else (fb, fa)
        if not mentions(other.view, known.head):
            return False
    elif not _shares(fa, fb):
        return False
    if contrast(list(fa.context), fa.view, list(fb.context), fb.view):
        return False
    qa, qb = fa.q, fb.q
    if qa.per != qb.per:
        return False
    if not times_compatible(fa.view, fb.view):
        return False
    if different_events(fa, fb):
        return False
    return True


# --- events ----------------------------------------------------------------------------------
#
# Two reports of the same *kind* of event ("Suicide bomber kills 12 in Nigeria church" /
# "Suicide bomber kills 37 at mosque in Afghanistan") are about different events when their
# anchors differ: each names a place or name the other never mentions, each names a venue and
# they share none, or each names a kind of event and they share none. Their figures are not
# compared. A one-sided anchor ("in Iraq" / "in Iraq's Kirkuk", "12 killed" / "12 killed in
# Kano") is a more specific report, not a different event.

#: Venues: where an event happened ("in a church", "at a school", "bus crash").
VENUES = frozenset({"church", "mosque", "temple", "shrine", "synagogue", "school", "university", "college",
                    "market", "bazaar", "mall", "hospital", "clinic", "hotel", "motel", "restaurant", "cafe",
                    "bar", "nightclub", "club", "stadium", "mine", "factory", "plant", "refinery", "warehouse",
                    "bus", "train", "plane", "aircraft", "helicopter", "boat", "ferry", "truck",
                    "airport", "station", "prison", "jail", "embassy", "checkpoint", "village",
                    "camp", "funeral", "wedding", "parade", "concert", "festival", "highway", "motorway", "road",
                    "bridge",
                    "apartment", "oceanfront", "coast", "port"})
#: Kinds of event, in classes of words that can name the same event ("crash" / "accident").
EVENT_CLASSES = {
    "accident": {"accident", "crash", "collision", "collide", "mishap", "derail", "derailment", "capsize",
                 "wreck", "pileup", "cave-in"},
    "bombing": {"bomb", "bombing", "bomber", "blast", "explosion", "explode", "suicide", "ied", "grenade"},
    "shooting": {"shooting", "gun", "gunman", "gunmen", "gunfire", "shootout", "sniper"},
    "airstrike": {"airstrike", "air strike", "drone", "missile", "shelling", "rocket"},
    "quake": {"earthquake", "quake", "tremor", "temblor", "tsunami", "aftershock"},
    "storm": {"typhoon", "hurricane", "storm", "cyclone", "tornado"},
    "flood": {"flood", "flooding", "landslide", "mudslide", "downpour", "rain", "rains", "avalanche"},
    "fire": {"fire", "blaze", "wildfire", "bushfire", "inferno"},
    "collapse": {"collapse"},
    "clash": {"clash", "clashes", "riot", "unrest", "protest", "violence", "stampede"},
    "stabbing": {"stabbing", "knife", "stab"},
}
_EVENT_OF = {stem(w): cls for cls, words in EVENT_CLASSES.items() for w in words}
_VENUE_STEMS = frozenset(stem(w) for w in VENUES)


@dataclass(frozen=True, slots=True)
class Anchors:
    """What pins a claim to one event: names and places, venues, kinds of event."""

    #: names as phrases of adjacent capitalised words ("Goldman Sachs", "Iron Dome").
    names: tuple[tuple[Word, ...], ...]
    venues: frozenset[str]
    events: frozenset[str]
    #: compass parts of a region ("northwest Pakistan", "SW China"): {"north", "west"}.
    compass: frozenset[str]
    #: the name phrases after a place preposition ("in Nigeria", "at the Louvre").
    places: tuple[tuple[Word, ...], ...] = ()
    #: the claim reports an event: a kind of event or what it did to people (killed, arrested).
    event: bool = False


def anchors(v: View) -> Anchors:
    return _anchors(v)


@lru_cache(maxsize=8192)
def _anchors(v: View) -> Anchors:
    names: list[Word] = []
    venues: set[str] = set()
    events: set[str] = set()
    compass: set[str] = set()
    spans = [(q.start, q.end) for q in v.claim.quantities] + [(d.start, d.end) for d in v.claim.dates]
    for w in v.words:
        if w.index in v.attribution or not w.low.replace("-", "").isalpha():
            continue
        if any(start < w.end and w.start < end for start, end in spans) or w.low in _SCALES \
                or w.low in ("millon", "billon", "bil"):
            continue  # "Eleven people", "March 12", "$400 Billion": a number or a date, not a name
        if w.low in _EVENT_OF or w.stem in _EVENT_OF:
            events.add(_EVENT_OF.get(w.low) or _EVENT_OF[w.stem])
            continue
        if w.stem in _VENUE_STEMS:
            venues.add(w.stem)
            continue
        parts = _compass(v, w)
        if parts:
            compass |= parts
            continue
        if not (w.proper or _lead_name(v, w)):
            continue
        if ((len(w.low) > 2 or w.text.isupper() and len(w.text) == 2) and w.low not in lx.STOP
                and w.low not in lx.TIME_WORDS and w.low not in lx.VERB_FORMS and w.low not in lx.GENERIC
                and w.low not in lx.MEASURE_NOUNS and not _verbish(w)):
            names.append(w)
    if _title_case(v):
        names = []  # "Goldman to Pay Up to $5 Billion to Settle Claims": capitals do not mark names
    phrases: list[list[Word]] = []
    for w in names:
        if phrases and phrases[-1][-1].index == w.index - 1:
            phrases[-1].append(w)
        else:
            phrases.append([w])
    places = tuple(tuple(p) for p in phrases if _after_place_word(v, p[0]))
    event = bool(events) or any(w.stem.startswith(_EVENT_HEADS + _EVENT_VERBS) or w.low in ("dead", "killed", "died")
                                for w in v.words if w.index not in v.attribution)
    return Anchors(tuple(tuple(p) for p in phrases), frozenset(venues), frozenset(events), frozenset(compass),
                   places, event)


_PLACE_WORDS = frozenset({"in", "at", "near", "off", "outside", "across", "inside", "into"})


def _after_place_word(v: View, w: Word) -> bool:
    before = [x for x in v.words[max(0, w.index - 3):w.index] if x.low not in ("the", "a", "an")]
    return bool(before) and (before[-1].low in _PLACE_WORDS or before[-1].low in _COMPASS)


def _title_case(v: View) -> bool:
    """A headline in title case: most words after the first are capitalised."""
    words = [w for w in v.words[1:] if w.low.isalpha() and len(w.low) > 3 and w.low not in lx.STOP]
    return len(words) >= 3 and sum(w.text[:1].isupper() for w in words) >= 0.7 * len(words)


#: Words of a name that do not tell names apart ("New York" / "New Delhi").
_NAME_FILLERS = frozenset({"new", "united", "san", "santa", "saint", "st", "great", "central", "national",
                           "republic", "state", "states", "city", "north", "south", "east", "west", "the"})


def _lead_name(v: View, w: Word) -> bool:
    """A capitalised first word that may be a name ("Damascus 'suicide bombing' kills 10"): not
    inflected ("Stocks", "Police" are not names) and followed by a lower-case word (a headline
    in sentence case, not title case)."""
    if w.index != 0 or not w.text[:1].isupper() or w.text.isupper() or stem(w.low) != w.low:
        return False
    nxt = v.words[1] if len(v.words) > 1 else None
    return nxt is not None and nxt.text[:1].islower()


_COMPASS = {"north": {"north"}, "south": {"south"}, "east": {"east"}, "west": {"west"},
            "northern": {"north"}, "southern": {"south"}, "eastern": {"east"}, "western": {"west"},
            "northeast": {"north", "east"}, "northwest": {"north", "west"}, "southeast": {"south", "east"},
            "southwest": {"south", "west"}, "northeastern": {"north", "east"}, "northwestern": {"north", "west"},
            "southeastern": {"south", "east"}, "southwestern": {"south", "west"}, "central": {"central"},
            "ne": {"north", "east"}, "nw": {"north", "west"}, "se": {"south", "east"}, "sw": {"south", "west"}}
_COMPASS_LETTER = {"n": {"north"}, "s": {"south"}, "e": {"east"}, "w": {"west"}}


def _compass(v: View, w: Word) -> set[str]:
    """The compass parts of a region word ("southwestern", "SW", "E China"), or an empty set.
    A single letter counts only as an abbreviation before a name ("E China", not "U.S.")."""
    if w.low in _COMPASS and (len(w.low) > 2 or w.text.isupper()):
        return _COMPASS[w.low]
    if w.text in ("N", "S", "E", "W") and not v.text[max(0, w.start - 1):w.start] == ".":
        nxt = v.words[w.index + 1] if w.index + 1 < len(v.words) else None
        if nxt is not None and nxt.text[:1].isupper() and nxt.text[1:2].islower():
            return _COMPASS_LETTER[w.low]
    return set()


def _named_in(w: Word, v: View) -> bool:
    """Whether a claim mentions a name, as written or as its adjective ("Afghan" / "Afghanistan")."""
    if mentions(v, w.stem) or any(x.low == w.low for x in v.words):
        return True
    if len(w.text) == 2 and w.text.isupper() and re.search(rf"\b{w.text[0]}\.\s?{w.text[1]}\b\.?", v.text):
        return True  # "US" / "U.S."
    short = w.low[:5]
    return len(w.low) >= 5 and any(len(s) >= 5 and (s.startswith(short) or w.low.startswith(s[:5]))
                                   for s in v.stems if s[:1] == w.low[:1])


def _phrase_in(phrase: tuple[Word, ...], v: View) -> bool:
    """A name phrase is mentioned when one of its telling words is ("Goldman Sachs" / "Goldman")."""
    telling = [w for w in phrase if w.low not in _NAME_FILLERS] or list(phrase)
    if any(_named_in(w, v) for w in telling):
        return True
    return _initials(phrase, v)


def _initials(phrase: tuple[Word, ...], v: View) -> bool:
    """"US" / "the United States", "UN" / "United Nations": an acronym and the name it abbreviates."""
    def spelled(words) -> str:
        return "".join(w.text[0] for w in words if w.low not in ("of", "the", "and")).upper()
    caps = [w for w in v.words if w.text[:1].isupper()]
    runs: list[list[Word]] = []
    for w in caps:
        if runs and runs[-1][-1].index >= w.index - 2 and all(
                x.low in ("of", "the", "and") for x in v.words[runs[-1][-1].index + 1:w.index]):
            runs[-1].append(w)
        else:
            runs.append([w])
    if len(phrase) == 1 and phrase[0].text.isupper() and 2 <= len(phrase[0].text) <= 5:
        return any(spelled(r) == phrase[0].text for r in runs)
    mine = spelled(phrase)
    return len(phrase) >= 2 and any(len(r) == 1 and r[0].text == mine for r in runs)


def event_contrast(va: View, vb: View) -> tuple[str, str] | None:
    """Two anchors that tell the events apart ("Nigeria" / "Pakistan", "church" / "mosque",
    "shooting" / "crash"), or None when nothing says the claims are about different events."""
    xa, xb = anchors(va), anchors(vb)
    # Names tell events apart in event reports; elsewhere ("On Rotten Tomatoes, the film has
    # 52%" / "The House That Jack Built holds less than 51%") only places do.
    only_a = [p for p in (xa.names if xa.event else xa.places) if not _phrase_in(p, vb)]
    only_b = [p for p in (xb.names if xb.event else xb.places) if not _phrase_in(p, va)]
    if only_a and only_b:
        return " ".join(w.text for w in only_a[0]), " ".join(w.text for w in only_b[0])
    if xa.venues and xb.venues and not (xa.venues & xb.venues) \
            and not any(mentions(vb, x) for x in xa.venues) and not any(mentions(va, x) for x in xb.venues):
        return sorted(xa.venues)[0], sorted(xb.venues)[0]
    if xa.events and xb.events and not (xa.events & xb.events):
        return sorted(xa.events)[0], sorted(xb.events)[0]
    if xa.compass and xb.compass and not (xa.compass & xb.compass):
        return "/".join(sorted(xa.compass)), "/".join(sorted(xb.compass))
    return None


#: Counts of one event (people killed, wounded, missing, arrested): reports further apart than
#: this are about different events, unless the count is a running total ("toll", "since", "so far").
EVENT_WINDOW_DAYS = 7
_EVENT_HEADS = ("death", "wound", "injur", "hurt", "missing", "arrest", "casualt", "victim", "hostag", "kidnap",
                "rescu", "evacu", "displac")
_EVENT_VERBS = ("kill", "die", "arrest", "detain", "abduct", "injur", "wound")


def _running(f: Frame) -> bool:
    return attributes.running(f.q)


def different_events(fa: Frame, fb: Frame) -> bool:
    """True when two frames are figures of different events (see `event_contrast`), or per-event
    counts reported more than EVENT_WINDOW_DAYS apart."""
    if event_contrast(fa.view, fb.view):
        return True
    if fa.when and fb.when and abs((fa.when - fb.when).days) > EVENT_WINDOW_DAYS:
        if _per_event(fa) and _per_event(fb) and not (_running(fa) or _running(fb)):
            return True
    return False


def _per_event(f: Frame) -> bool:
    """A count of what one event did to people: "12 killed", "kills 12 worshippers", "40 protesters
    arrested" (the counted noun or a word of the number's clause says so)."""
    if f.q.dimension not in (None, "count") or f.q.kind != "level":
        return False
    if f.head and f.head.startswith(_EVENT_HEADS):
        return True
    first = f.view.word_at(f.q.start)
    words = f.view.clause_words(first.index) if first is not None else []
    return any(w.stem.startswith(_EVENT_HEADS + _EVENT_VERBS) or w.low in ("dead", "killed", "died")
               for w in words)


def _shares(fa: Frame, fb: Frame) -> bool:
    sa = {w.stem for w in fa.context if significant(w) and w.low not in lx.VERB_FORMS}
    sb = {w.stem for w in fb.context if significant(w) and w.low not in lx.VERB_FORMS}
    return any(same_word(x, y) for x in sa for y in sb)


def loose(fa: Frame, fb: Frame) -> bool:
    """The same kind of number (unit family, kind, compatible head), whatever the context:
    a value that could be the one the other claim talks about."""
    qa, qb = fa.q, fb.q
    if qa.dimension != qb.dimension or unit_family(qa) != unit_family(qb) or qa.kind != qb.kind:
        return False
    if not attributes.compatible(qa, qb):
        return False
    return not (fa.head and fb.head and not same_word(fa.head, fb.head))


def comparable(fa: Frame, fb: Frame) -> bool:
    """Same dimension and unit family, same kind (level/change), same measure of the same subject."""
    qa, qb = fa.q, fb.q
    if qa.dimension != qb.dimension or unit_family(qa) != unit_family(qb):
        return False
    if not attributes.compatible(qa, qb):
        return False  # ages of different people, an ordinal period and an amount of time
    if qa.kind != qb.kind or fa.partitive != fb.partitive:
        return False
    if qa.kind == "change" and qa.change and qb.change and qa.change != qb.change:
        return False
    return same_measure(fa, fb)


# --- values ----------------------------------------------------------------------------------
# Tolerances (interval, rounding_tolerance, disjoint) live in tolerance.py.

_APPROX = ("at least", "more than", "less than", "fewer than", "over", "nearly", "almost", "about", "roughly",
           "around", "approximately", "some", "up to", "at most", "under", "passed", "topped", "exceeded")


def describe(f: Frame) -> str:
    """A short reading of a quantity for explanations: '32 ships', 'about 60%', 'at least 140 people'."""
    q = f.q
    text = q.text
    before = f.view.text[:q.start].lower().rstrip()
    if q.bound != "exact" or math.isinf(f.high) or math.isinf(f.low):
        for word in _APPROX:
            if before.endswith(word) and not text.lower().startswith(word):
                text = f"{word} {text}"
                break
    counted = q.dimension in (None, "count") and q.unit in (None, "count")
    if f.head_text and f.head_text.split()[-1].lower() not in q.text.lower():
        at = f.view.text.lower().find(f.head_text.lower())
        if counted and at > q.start:
            text = f"{text} {f.head_text.split()[-1]}"
        elif not counted:
            text = f"{text} ({f.head_text})"
    return text


def key(f: Frame) -> str:
    q = f.q
    return f"{f.head}|{q.dimension}|{q.kind}|{q.change}|{f.low:g}..{f.high:g}"
