"""Cheap, rule-based reading of a claim for the rules: words, stems, clauses,
attribution, negation and the time a claim is about.

Everything here is regular expressions and small word lists (no parser, no model),
computed once per claim (`view` is cached) so that checking a pair costs only set
operations. The readings are deliberately conservative: where the text is unclear,
the rules that use them stay silent rather than guess.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field
from functools import lru_cache
from itertools import islice

from ..records import Claim, DateMention
from . import lexicon as lx
from .tolerance import dates_overlap

_WORD_RE = re.compile(r"[^\W\d_]+-\d+\b|[^\W\d_][^\W\d_'’]*(?:['’][^\W\d_]+)*(?:-[^\W\d_]+)*|\d[\d,.]*\d|\d")


@dataclass(frozen=True, slots=True)
class Word:
    """One word of a claim: as written, lowercased, stemmed, with its offsets."""

    text: str
    low: str
    stem: str
    start: int
    end: int
    index: int
    #: capitalised where a sentence does not start: a name ("Narva", "Riksbank").
    proper: bool


@dataclass(frozen=True, slots=True)
class View:
    """A claim read once for every rule: words, clauses, attribution, negation, dates."""

    claim: Claim
    words: tuple[Word, ...]
    #: word index -> clause number (clauses split at , ; : and at while/but/whereas).
    clause_of: tuple[int, ...]
    #: word indexes inside an attribution ("the coastguard said", "according to X").
    attribution: frozenset[int]
    #: word indexes whose verb is negated ("did not attend": the index of "attend").
    negated: frozenset[int]
    #: stems of every content word outside attribution (for "is this word in the other claim").
    stems: frozenset[str]
    #: explicit dates outside attribution, as day intervals.
    dates: tuple[tuple[DateMention, dt.date, dt.date], ...]
    #: period words that pin a time inside a year ("first half", "third quarter").
    periods: frozenset[str]
    #: per-claim readings the rules derive from this view, computed on first use and kept
    #: (rule name -> value): a pair check then costs lookups, not scans of both claims.
    memo: dict = field(default_factory=dict, compare=False, hash=False, repr=False)

    @property
    def text(self) -> str:
        return self.claim.text

    def clause_words(self, index: int) -> list[Word]:
        clause = self.clause_of[index]
        return [w for w in self.words if self.clause_of[w.index] == clause]

    def word_at(self, offset: int) -> Word | None:
        """The word covering (or starting right after) a character offset."""
        for w in self.words:
            if w.end > offset:
                return w
        return None


#: id(claim) -> (claim, view): the rules ask for the same claim's view once per pair and
#: rule, and hashing a frozen Claim (all its fields) for the lru_cache costs more than the
#: lookup. The entry holds the claim, so its id cannot be reused while the entry lives.
_BY_ID: dict[int, tuple[Claim, View]] = {}


def view(claim: Claim) -> View:
    entry = _BY_ID.get(id(claim))
    if entry is not None and entry[0] is claim:
        return entry[1]
    v = _view(claim)
    if len(_BY_ID) >= _KEEP:
        for key in list(islice(_BY_ID, _KEEP // 2)):  # forget the older half (first in, first out)
            del _BY_ID[key]
    _BY_ID[id(claim)] = (claim, v)
    return v


_KEEP = 8192


def clear_caches() -> None:
    """Forget every cached view (benchmarks time the rules from cold)."""
    _BY_ID.clear()
    _view.cache_clear()


@lru_cache(maxsize=8192)
def _view(claim: Claim) -> View:
    text = claim.text
    words = tuple(_words(text))
    clause_of = tuple(_clauses(text, words))
    attribution = frozenset(_attribution(text, words))
    negated = frozenset(_negated(words))
    stems = frozenset(w.stem for w in words if w.index not in attribution and w.low not in lx.STOP)
    dates = tuple(
        (d, *date_interval(d)) for d in claim.dates
        if not _inside(d.start, d.end, words, attribution)
    )
    periods = frozenset(_periods(text))
    return View(claim, words, clause_of, attribution, negated, stems, dates, periods)


# --- words and stems -------------------------------------------------------------------------

def _words(text: str) -> list[Word]:
    out: list[Word] = []
    sentence_start = True
    for m in _WORD_RE.finditer(text):
        raw = m.group()
        low = raw.lower().replace("’", "'")
        if low.endswith("'s"):
            low = low[:-2]
        elif low.endswith("'"):
            low = low[:-1]
        proper = raw[0].isupper() and not sentence_start and low not in lx.STOP
        out.append(Word(raw, low, stem(low), m.start(), m.end(), len(out), proper))
        sentence_start = False
        follow = text[m.end():m.end() + 2]
        if follow[:1] in ".!?:" and not raw[0].isupper():
            sentence_start = True
    return out


@lru_cache(maxsize=65536)
def stem(word: str) -> str:
    """A crude, symmetric stem: "provided"/"provide"/"provides" -> "provid"; irregular forms mapped.

    Good enough to tell whether two words are the same lexeme; not a linguistic lemma.
    """
    word = word.lower().replace("’", "'")
    if word in lx.IRREGULAR:
        return lx.IRREGULAR[word]
    if len(word) <= 3 or not word.isalpha():
        return word
    for suffix, repl in (("ies", "y"), ("ied", "y"), ("ing", ""), ("ed", ""), ("es", ""), ("s", "")):
        if word.endswith(suffix) and len(word) - len(suffix) >= 3:
            if suffix == "s" and word.endswith(("ss", "us", "is")):
                continue
            if suffix == "es" and not word.endswith(("sses", "shes", "ches", "xes", "zes")):
                word = word[:-1]  # "ticket sales" -> "sale"; "rates" -> "rate"
                break
            word = word[: len(word) - len(suffix)] + repl
            break
    if len(word) > 4 and word[-1] == word[-2] and word[-1] not in "ls":
        word = word[:-1]  # "stopped" -> "stopp" -> "stop"
    return word.rstrip("e") if len(word) > 4 else word


def same_word(a: str, b: str) -> bool:
    """Same stem, or one a prefix of the other ("iran"/"iranian", "russia"/"russian")."""
    if a == b:
        return True
    short, long_ = sorted((a, b), key=len)
    return len(short) >= 4 and long_.startswith(short) and len(long_) - len(short) <= 3


def mentions(v: View, word_stem: str) -> bool:
    """Whether any stem of ``v`` is `same_word` as ``word_stem`` (answers kept per claim)."""
    known = v.memo.get("mentioned")
    if known is None:
        known = v.memo["mentioned"] = {}
    found = known.get(word_stem)
    if found is None:
        found = known[word_stem] = _mentions(v, word_stem)
    return found


def _mentions(v: View, word_stem: str) -> bool:
    index = v.memo.get("mentions")
    if index is None:
        index = v.memo["mentions"] = _mention_index(v.stems)
    if word_stem in v.stems:
        return True
    n = len(word_stem)
    # a stem of v that is a prefix of word_stem (4+ letters, at most 3 shorter) ...
    if n > 4 and any(word_stem[:k] in v.stems for k in range(max(4, n - 3), n)):
        return True
    # ... or word_stem a prefix of a stem of v
    return n >= 4 and word_stem in index


def _mention_index(stems: frozenset[str]) -> frozenset[str]:
    """Every prefix p of a stem s with len(p) >= 4 and len(s) - len(p) <= 3 (p != s)."""
    return frozenset(s[:k] for s in stems for k in range(max(4, len(s) - 3), len(s)))


# --- clauses, attribution, negation ----------------------------------------------------------

_CLAUSE_BREAK = re.compile(r"[,;:()]|—|–\s|\s-\s")


def _clauses(text: str, words: tuple[Word, ...]) -> list[int]:
    clause, out, last_end = 0, [], 0
    for w in words:
        gap = text[last_end:w.start]
        if out and (_CLAUSE_BREAK.search(gap) or w.low in lx.CLAUSE_WORDS):
            clause += 1
        out.append(clause)
        last_end = w.end
    return out


_SPEECH = (r"said|says|say|told(?:\s+(?:reporters|journalists|lawmakers|parliament|the\s+\w+|\w+))?|added|claimed|"
           r"stated|announced|reported|estimated|warned|insisted|noted|wrote|argued|confirmed|acknowledged|"
           r"insists|claims|reports|estimates|believes|believed|suggested|suggests|tweeted")
_LEADING = re.compile(rf"^(?P<a>(?:[^,;\d%]{{0,90}}?)\b(?:{_SPEECH})(?:\s+on\s+\w+)?(?:\s+that)?)\s", re.I)
_TRAILING = re.compile(rf",\s*(?P<a>[^,;]{{0,80}}?\b(?:{_SPEECH})(?:\s+on\s+\w+)?)\s*[.!?]?\s*$", re.I)
_TRAILING_INVERTED = re.compile(rf",\s*(?P<a>(?:{_SPEECH})\s+[^,;]{{0,60}}?)\s*[.!?]?\s*$", re.I)
_ACCORDING = re.compile(r"(?P<a>\baccording\s+to\s+[^,;.]{1,80})", re.I)
#: "confirmed the breach" is the claim, "confirmed that ..." is attribution.
_OBJECT_VERBS = {"confirmed", "acknowledged", "announced", "reported", "estimated", "claimed", "warned", "noted"}


def _attribution(text: str, words: tuple[Word, ...]) -> set[int]:
    spans: list[tuple[int, int]] = []
    lead = _LEADING.match(text)
    if lead and not _object_verb(lead.group("a")) and not _clause_inside(lead.group("a")):
        spans.append((lead.start("a"), lead.end("a")))
    for pattern in (_TRAILING, _TRAILING_INVERTED):
        trail = pattern.search(text)
        if trail:
            spans.append((trail.start("a"), trail.end("a")))
    for m in _ACCORDING.finditer(text):
        spans.append((m.start("a"), m.end("a")))
    return {w.index for w in words if any(s <= w.start and w.end <= e for s, e in spans)}


def _clause_inside(lead: str) -> bool:
    """ "Brent fell after insurers said": a clause before the speech verb, not a speaker."""
    return any(w.lower() in lx.CLAUSE_WORDS - {"and"} for w in lead.split()[1:])


def _object_verb(lead: str) -> bool:
    last = lead.split()[-1].lower()
    return last in _OBJECT_VERBS


def _inside(start: int, end: int, words: tuple[Word, ...], indexes: frozenset[int] | set[int]) -> bool:
    covered = [w for w in words if w.start < end and w.end > start]
    return bool(covered) and all(w.index in indexes for w in covered)


def _negated(words: tuple[Word, ...]) -> set[int]:
    """Indexes of words in the scope of a negation: the verb after "not", "never", "no longer"."""
    out: set[int] = set()
    for i, w in enumerate(words):
        if w.low in lx.NEGATORS or w.low.endswith("n't"):
            # the negated verb: skip auxiliaries and adverbs ("has not yet given")
            j = i + 1
            while j < len(words) and (words[j].low in lx.AUXILIARIES or words[j].low in lx.NEGATION_FILLER):
                j += 1
            if j < len(words):
                out.add(j)
                if j + 1 < len(words) and words[j].low in lx.COPULAS_LIKE:
                    out.add(j + 1)  # "was not found guilty", "is not open"
        elif w.low == "no" and i + 1 < len(words) and words[i + 1].low == "longer":
            if i + 2 < len(words):
                out.add(i + 2)
        elif (w.low in ("failed", "refused", "declined", "unable", "fails", "refuses", "declines")
              and i + 2 < len(words) and words[i + 1].low == "to"):
            out.add(i + 2)
    return out


def has_yet(v: View, index: int) -> bool:
    """ "has not yet published": a negation that a later report may overtake."""
    lo = max(0, index - 4)
    return any(w.low in ("yet", "still", "so far") for w in v.words[lo:index])


# --- time ------------------------------------------------------------------------------------

def date_interval(d: DateMention) -> tuple[dt.date, dt.date]:
    """The days a date mention covers: one day, a month, a year, or the span it means ("last week");
    a bare weekday's day either side is `tolerance.dates_overlap`'s to allow."""
    if d.earliest is not None and d.latest is not None and not d.approximate:
        return d.earliest, d.latest
    if d.granularity == "year":
        return dt.date(d.value.year, 1, 1), dt.date(d.value.year, 12, 31)
    if d.granularity == "month":
        nxt = dt.date(d.value.year + (d.value.month == 12), d.value.month % 12 + 1, 1)
        return dt.date(d.value.year, d.value.month, 1), nxt - dt.timedelta(days=1)
    return d.value, d.value


_PERIOD_RE = re.compile(
    r"\b(?P<ord>first|second|third|fourth|final|last|1st|2nd|3rd|4th|q[1-4]|h[12])"
    r"(?:[\s-]+(?P<unit>half|quarter|week|month|day|round|leg|innings|period|term|season))?\b",
    re.I,
)
_ORDINAL = {"1st": "first", "2nd": "second", "3rd": "third", "4th": "fourth", "q1": "first quarter",
            "q2": "second quarter", "q3": "third quarter", "q4": "fourth quarter", "h1": "first half",
            "h2": "second half"}


_MONTH_RE = re.compile(r"\b(january|february|march|april|may|june|july|august|september|october|november|"
                       r"december|jan|feb|mar|apr|jun|jul|aug|sep|sept|oct|nov|dec)\b\.?", re.I)
_MONTH_ABBR = {"jan": "january", "feb": "february", "mar": "march", "apr": "april", "jun": "june", "jul": "july",
               "aug": "august", "sep": "september", "sept": "september", "oct": "october", "nov": "november",
               "dec": "december"}


def _periods(text: str) -> set[str]:
    out = set()
    for m in _MONTH_RE.finditer(text):
        word = m.group(1)
        if word.lower() == "may" and not word[0].isupper() or word.lower() in ("mar", "may") and word.islower():
            continue  # "may" the verb
        if text[max(0, m.start() - 6):m.start()].lower().strip() in ("since", "from", "until", "by"):
            continue
        out.add(f"{_MONTH_ABBR.get(word.lower(), word.lower())} month")
    for m in _PERIOD_RE.finditer(text):
        ordinal = m.group("ord").lower()
        if m.group("unit"):
            out.add(f"{_ORDINAL.get(ordinal, ordinal)} {m.group('unit').lower()}")
        elif ordinal in _ORDINAL and ordinal.startswith(("q", "h")):
            out.add(_ORDINAL[ordinal])
    return out


def times_compatible(a: View, b: View) -> bool:
    """False when both claims pin times that cannot overlap (October vs September, Q3 vs Q4)."""
    if a.dates and b.dates and not dates_overlap(a, b):  # a bare weekday is a day either side
        return False
    if a.periods and b.periods and not (a.periods & b.periods):
        kinds_a = {p.split()[-1] for p in a.periods}
        kinds_b = {p.split()[-1] for p in b.periods}
        if kinds_a & kinds_b:
            return False
    return True


def as_of(v: View) -> dt.date | None:
    """When a claim's figures were true: its latest explicit day, else the document date. A day
    that opens a running span (`opens_span`: "640 claims since the river burst its banks on 3
    March") is not when its figure was true: that is the day the claim tells it."""
    days = [hi for d, lo, hi in v.dates if d.granularity == "day" and not opens_span(v.claim.text, d)]
    return max(days) if days else v.claim.date


#: "since" before a date in its clause (no clause mark between): the date opens a span running to
#: the claim's day ("since the storm struck on 2 December", "since 2019"), looked for over a short
#: clause ("since monitoring began in").
_SINCE = re.compile(r"\bsince\b[^,;:.!?()]*$", re.IGNORECASE)
_SINCE_REACH = 50


def opens_span(text: str, d: DateMention) -> bool:
    """Whether the date opens a running span: "since" before it in its clause (`_SINCE`)."""
    return bool(_SINCE.search(text[max(0, d.start - _SINCE_REACH):d.start]))


# --- subjects and contrast -------------------------------------------------------------------

def content(words: list[Word] | tuple[Word, ...], v: View) -> list[Word]:
    """Content words: not stop words, not numbers, not attribution."""
    return [w for w in words if w.low not in lx.STOP and w.low.isalpha() and w.index not in v.attribution
            and w.low not in lx.TIME_WORDS]


def significant(w: Word) -> bool:
    """A word that names a thing (a noun or a name), not a modifier or a verb."""
    return w.proper or _significant(w.low)


@lru_cache(maxsize=65536)
def _significant(low: str) -> bool:
    if low in lx.CONTRAST:
        return True
    if low in lx.GENERIC or low in lx.VERB_FORMS:
        return False
    if low.endswith(lx.ADJECTIVE_SUFFIXES) and low not in lx.NOUNS_LIKE_ADJECTIVES:
        return False
    if low.endswith(("ed", "ing")) and low not in lx.NOUNS_LIKE_ADJECTIVES:
        return False
    return True


def contrast(words_a: list[Word], va: View, words_b: list[Word], vb: View) -> tuple[str, str] | None:
    """Two words that tell the phrases apart ("hospital" / "clinic"), or None when they agree.

    A word of phrase A that the whole other claim never mentions, and one of phrase B
    that claim A never mentions, both naming things, mean the phrases are about
    different things. Contrast words ("first"/"second", "half", "senate") count on
    their own: "the half marathon" is not "the marathon".
    """
    only_a = [w for w in words_a if significant(w) and not mentions(vb, w.stem)]
    only_b = [w for w in words_b if significant(w) and not mentions(va, w.stem)]
    if only_a and only_b:
        return only_a[0].low, only_b[0].low
    for w in only_a + only_b:
        if w.low in lx.CONTRAST:
            return (w.low, "") if w in only_a else ("", w.low)
    return None
