"""Stories stage: documents -> stories, each one real-world event and its follow-ups.

Claims are compared within a story; across stories only when the two claims themselves
name the same people, places or organisations at compatible times, or when one of their
documents names nothing, so that only wording told the stories apart, and their dates (both
absent, or within the window) do not tell them apart either (`comparable`). Two
shootings in one city, months apart, are two stories: their death tolls are never compared.

What is read of a document (`profile`):

* **vector**: the mean of its claims' vectors (already computed by the embed stage);
* **names**: words the document itself writes with a capital inside its sentences more often
  than without one ("Detroit", "Reid", "FBI"; not "Police" when the text says "police"
  elsewhere); a sentence's first word counts only when the document shows it is a name
  elsewhere; numbers and dates (weekdays, months) are not names. Each name is weighted by its
  rarity over the input (IDF), so "Detroit" in a crawl of Detroit news says little and a
  victim's name says much;
* **date**: the document's date (a dataset row's ``date``, an article's front matter).

Two documents score (`Scorer`)::

    cosine(vectors) + NAME_WEIGHT * (cosine(name weights) - NAME_NEUTRAL)  when both have names
    cosine(vectors)                                                         otherwise
    - LATE_PENALTY                      when both are dated more than ``window_days`` apart

and a set of documents scores against another set with the mean over their document pairs
(average linkage). Stories grow by agglomeration (`cluster`): the two adjacent clusters with the
highest score merge while it is at least THRESHOLD. Clusters are adjacent when one of their
documents has a claim similar to a claim of the other (a candidate pair of the group stage),
so documents whose claims would never be compared are never joined; two clusters that each have
an own name (one most of its documents mention) that no document of the other mentions never
merge (`apart`). The mean over document
pairs is computed from per-story sums (`Summary`). An incremental run keeps each document's
`Profile` in the store (`Placed`); `build` with ``stored`` attaches new documents to the stored
stories with the same score, and never merges two stored stories.

The constants are calibrated on the tuning half of real news clusters (benchmarks/stories.py,
which prints the figures for both halves). Dataset rows without an article (of one
sentence or several, `dataset_rows`) are documents of their own: they form stories from their own vectors, names and dates, and two of them that both name
something are compared within their story only when they share a name at most NAME_PAIRS_UP_TO
documents name (`Stories.one_thing`).
"""

from __future__ import annotations

import bisect
import calendar
import datetime as dt
import heapq
import itertools
import math
import re
from collections import Counter
from dataclasses import dataclass, field
from typing import Iterable, Iterator, Mapping, Sequence

import numpy as np

from .quantities.dates import TIME_NAMES
from .records import Claim, Document, Story

#: Weight of the name overlap against the vector cosine (calibrated on the tuning half).
NAME_WEIGHT = 2.0
#: Name overlap (IDF-weighted cosine) that neither raises nor lowers the score: below it, two
#: named documents are less alike than their vectors say; above, more.
NAME_NEUTRAL = 0.3
#: Score at or above which two stories merge (calibrated on the tuning half).
THRESHOLD = 0.8
#: Score taken off a pair of documents dated more than the window apart.
LATE_PENALTY = 0.2
#: Score added to a pair of documents dated within the window of each other.
NEAR_BONUS = 0.4
#: Default of the ``story_window_days`` setting.
WINDOW_DAYS = 30
#: Documents naming the same name may share a story when at most this many documents name it; a
#: name tells stories apart when, besides, at most half of the documents name it: claims of two
#: stories that name it may be compared. A commoner name ("Washington", "Street") does neither.
NAME_PAIRS_UP_TO = 50
#: A story's own names (`Summary.own_names`): names at least OWN_NAME_DOCUMENTS of its documents,
#: and more than OWN_NAME_SHARE of them, mention. Two stories that each have an own name the
#: other's documents never mention are two events and never merge (`apart`). Calibrated on the
#: tuning half (benchmarks/stories.py): from two documents, GVA B-cubed recall fell (0.788 to
#: 0.765); with a share of one half or two thirds, ECB+ recall fell (0.835 to 0.804 / 0.810).
OWN_NAME_DOCUMENTS = 3
OWN_NAME_SHARE = 0.8
#: Most entities shown for a story.
SHOWN_ENTITIES = 5

#: A word: starts with a letter; may hold apostrophes, dots and hyphens inside ("O'Brien", "U.S", "al-Sadr").
_WORD = re.compile(r"[^\W\d_](?:[\w'’.-]*[^\W_])?")


@dataclass(frozen=True, slots=True)
class Profile:
    """What the stories stage reads of one document."""

    key: str
    vector: np.ndarray
    #: name -> occurrences in the document.
    names: Mapping[str, int]
    date: dt.date | None
    title: str
    #: the names each claim of the document mentions, by claim id.
    claim_names: Mapping[str, frozenset[str]] = field(default_factory=dict)
    #: how each name is written, for display ("detroit" -> "Detroit").
    spelled: Mapping[str, str] = field(default_factory=dict)
    #: names of several words as the document writes them ("Dalia Okafor", "Gov. Ana Reyes"), with
    #: how often (`name_phrases`): a story shows these rather than their single words.
    phrases: Mapping[str, int] = field(default_factory=dict)


#: An English clitic at a word's end: a possessive or a contracted verb or "not" ("Solberg's",
#: "I'm", "we've", "isn't"). It is not part of a name, and what is left of "I'm" is the pronoun
#: "I", capitalised by grammar (one letter: never a name). Grammar, not a list of names: without
#: it "I'm" and "I've" were shown as a political story's entities.
_CLITIC = re.compile(r"(?:['’](?:s|m|re|ve|d|ll)|n['’]t)$", re.IGNORECASE)


#: Marks that open a quotation when written right before a word.
_OPENING_QUOTES = "\"“‘'«"


def _strip_clitic(word: str) -> str:
    return _CLITIC.sub("", word) if "'" in word or "’" in word else word


def _blank(text: str, spans: list[tuple[int, int]]) -> str:
    """``text`` with the ``spans`` (numbers, dates) written over by spaces, so offsets stay put."""
    for start, end in spans:
        text = text[:start] + " " * (end - start) + text[end:]
    return text


def _words(text: str, skip: list[tuple[int, int]]) -> list[tuple[str, str, bool, bool]]:
    """(key, word, capitalised, sentence-initial) for each word outside the ``skip`` spans. A word
    right after an opening quote mark starts the quoted sentence (`"We're done," she said`)."""
    text = _blank(text, skip)
    out = []
    for m in _WORD.finditer(text):
        w = _strip_clitic(m.group())
        quoted = m.start() > 0 and text[m.start() - 1] in _OPENING_QUOTES
        first = not out or quoted
        for part in _joined_names(w):
            out.append((part.lower(), part, part[:1].isupper(), first))
            first = False
    return out


def _joined_names(word: str) -> list[str]:
    """A word of names joined by hyphens, each capitalised ("Orrin-Castlegate": a merger of two
    firms, as "Orrin–Castlegate" with a dash already reads) as its names; any other word as it is."""
    parts = word.split("-")
    if len(parts) > 1 and all(p[:1].isupper() and p[1:2].islower() for p in parts):
        return parts
    return [word]


#: Month and weekday names and their abbreviations, from the calendar module (English unless a
#: program sets another LC_TIME locale), and the time zones of clock times ("at 14:20 GMT"):
#: `dates.TIME_NAMES` with the weekdays' abbreviations, times, not names.
_CALENDAR = TIME_NAMES | {w.lower() for w in calendar.day_abbr if w}


def _not_names(claim: Claim) -> list[tuple[int, int]]:
    """Spans of a claim that hold numbers and dates."""
    return [(q.start, q.end) for q in claim.quantities] + [(d.start, d.end) for d in claim.dates]


@dataclass(slots=True)
class _Casing:
    """How often each word (lower-cased) is written with a capital inside a sentence, and without one."""

    capital: Counter = field(default_factory=Counter)
    lower: Counter = field(default_factory=Counter)

    def add(self, words: Iterable[tuple[str, str, bool, bool]]) -> None:
        for key, _, cap, initial in words:
            if not cap:
                self.lower[key] += 1
            elif not initial:
                self.capital[key] += 1

    def update(self, other: "_Casing") -> None:
        self.capital.update(other.capital)
        self.lower.update(other.lower)

    def says(self, key: str) -> bool | None:
        """Whether ``key`` is a name here; None when there is no evidence either way."""
        cap, low = self.capital.get(key, 0), self.lower.get(key, 0)
        return None if cap + low == 0 else cap > low


def read_names(claims: Sequence[Claim], title: str | None = None, *, casing: _Casing | None = None,
               words: list | None = None) -> tuple[Counter, dict[str, frozenset[str]], dict[str, str]]:
    """The names a document mentions (with counts), the names of each claim, and how each is spelled.

    A word is a name when, in this document, it is written with a capital inside sentences more
    often than without one anywhere ("Detroit", "Reid", "FBI"); when the document never writes
    it inside a sentence (a sentence's first word, a title in title case), ``casing`` (the whole
    input's evidence) decides, and without any evidence it is not a name. Numbers and dates are
    not names. Capitalised names joined by hyphens ("Orrin-Castlegate", a deal of two firms) are
    read as those names, as names joined by a dash are.
    """
    read = words if words is not None else [_words(c.text, _not_names(c)) for c in claims]
    mine = _Casing()
    for found in read:
        mine.add(found)

    def is_name(key: str) -> bool:
        if len(key) < 2 or key in _CALENDAR:
            return False
        verdict = mine.says(key)
        if verdict is None and casing is not None:
            verdict = casing.says(key)
        return bool(verdict)

    names: Counter = Counter()
    spelled: dict[str, str] = {}
    per_claim: dict[str, frozenset[str]] = {}
    for claim, found in zip(claims, read):
        keys = []
        for key, word, cap, _ in found:
            if cap and is_name(key):
                keys.append(key)
                spelled.setdefault(key, word)
        names.update(keys)
        per_claim[claim.id] = frozenset(keys)
    if title:
        names.update(key for key, _, cap, _ in _words(title, []) if cap and is_name(key))
    return names, per_claim, spelled


#: A title before its name, written short with a dot ("Gov. Ana Reyes", "Sgt. Ole Berg"): a word of
#: a capital and at most three small letters; the dot does not end the name.
_TITLE_DOT = re.compile(r"[A-Z][a-z]{0,3}")


def name_phrases(claims: Sequence[Claim], names: Iterable[str]) -> Counter:
    """Runs of two or more words that are all ``names`` (lowercased keys, `read_names`), written
    next to each other (only spaces between, or a short title's dot: "Gov. Ana Reyes"), as the
    claims write them, with how often: "Dalia Okafor", "Carver Street". For display only; the
    stories are scored on single names."""
    known = set(names)
    out: Counter = Counter()
    for claim in claims:
        out.update(_runs(_blank(claim.text, _not_names(claim)), known))
    return out


def _runs(text: str, known: set[str]) -> Iterator[str]:
    run: list[tuple[int, int, str]] = []  # (start, end, word) of the names read so far
    for m in _WORD.finditer(text):
        word = _strip_clitic(m.group())
        if not (word[:1].isupper() and word.lower() in known):
            yield from _written(text, run)
            run = []
            continue
        if run:
            gap = text[run[-1][1]:m.start()]
            if gap.strip() and not (gap.startswith(".") and gap.strip() == "."
                                    and _TITLE_DOT.fullmatch(run[-1][2]) is not None):
                yield from _written(text, run)
                run = []
        run.append((m.start(), m.start() + len(word), word))
        if len(word) != len(m.group()):  # "Okafor's": a clitic ends the name
            yield from _written(text, run)
            run = []
    yield from _written(text, run)


def _written(text: str, run: list[tuple[int, int, str]]) -> Iterator[str]:
    if len(run) > 1:
        yield " ".join(text[run[0][0]:run[-1][1]].split())


def profiles(documents: Sequence[Document], claims: Sequence[Claim], vectors: np.ndarray) -> list[Profile]:
    """One `Profile` per document that has claims, in the order of ``documents``."""
    rows: dict[str, list[int]] = {}
    for i, claim in enumerate(claims):
        rows.setdefault(claim.doc_key, []).append(i)
    words = [_words(c.text, _not_names(c)) for c in claims]
    casing = _Casing()
    for found in words:
        casing.add(found)
    out = []
    for doc in documents:
        mine = rows.get(doc.key)
        if not mine:
            continue
        vector = np.asarray(vectors[mine], dtype=np.float32).mean(axis=0)
        vector /= max(float(np.linalg.norm(vector)), 1e-12)
        doc_claims = [claims[i] for i in mine]
        names, per_claim, spelled = read_names(doc_claims, doc.title, casing=casing, words=[words[i] for i in mine])
        out.append(Profile(key=doc.key, vector=vector, names=names, date=doc.date,
                           title=_title(doc, doc_claims), claim_names=per_claim, spelled=spelled,
                           phrases=name_phrases(doc_claims, names)))
    return out


def _title(doc: Document, claims: Sequence[Claim]) -> str:
    text = (doc.title or claims[0].text).strip()
    return text if len(text) <= 120 else text[:119].rstrip() + "…"


# --- scores ----------------------------------------------------------------------------------

def telling(df: int, n: int) -> bool:
    """Whether a name found in ``df`` of ``n`` documents tells stories apart (NAME_PAIRS_UP_TO)."""
    return df <= NAME_PAIRS_UP_TO and 2 * df <= n


def idf(df: int, n: int) -> float:
    """Rarity of a name found in ``df`` of ``n`` documents (smoothed, at least 1)."""
    return math.log((1 + n) / (1 + df)) + 1.0


@dataclass(slots=True)
class Summary:
    """What a story keeps of its documents: enough to score it against any document or story.

    ``vector`` and ``names`` are sums over the documents (unit vectors, unit name-weight
    vectors), so the mean score over all document pairs of two stories is a dot product.
    """

    keys: list[str]
    vector: np.ndarray
    names: dict[str, float]
    named: int
    days: list[int]
    #: documents mentioning each name (the input's document frequencies are their sum).
    df: Counter
    title: str = ""
    titles: list[tuple[float, str]] = field(default_factory=list)

    @property
    def size(self) -> int:
        return len(self.keys)

    def own_names(self, other: "Summary") -> list[str]:
        """Names most of this story's documents mention (OWN_NAME_DOCUMENTS, OWN_NAME_SHARE) and
        none of ``other``'s."""
        if self.size < OWN_NAME_DOCUMENTS:
            return []
        least = max(OWN_NAME_DOCUMENTS, math.floor(OWN_NAME_SHARE * self.size) + 1)
        return sorted(k for k, n in self.df.items() if n >= least and k not in other.df)

    def merged(self, other: "Summary") -> "Summary":
        names = dict(self.names)
        for k, v in other.names.items():
            names[k] = names.get(k, 0.0) + v
        return Summary(keys=sorted(self.keys + other.keys), vector=self.vector + other.vector, names=names,
                       named=self.named + other.named, days=sorted(self.days + other.days),
                       df=self.df + other.df, titles=self.titles + other.titles)


class Scorer:
    """The score of two stories (or documents): the mean over their document pairs."""

    def __init__(self, window_days: int = WINDOW_DAYS) -> None:
        self.window = window_days

    def score(self, a: Summary, b: Summary) -> float:
        pairs = a.size * b.size
        total = float(a.vector @ b.vector)
        small, large = (a.names, b.names) if len(a.names) <= len(b.names) else (b.names, a.names)
        overlap = sum(v * large[k] for k, v in small.items() if k in large)
        total += NAME_WEIGHT * (overlap - NAME_NEUTRAL * a.named * b.named)
        near = self.near_pairs(a.days, b.days)
        total += NEAR_BONUS * near - LATE_PENALTY * (len(a.days) * len(b.days) - near)
        return total / pairs

    def scores(self, items: Sequence[Summary], pairs: Sequence[tuple[int, int]]) -> np.ndarray:
        """`score` of many pairs of items at once (vectorised for single documents)."""
        if not pairs:
            return np.zeros(0)
        i = np.fromiter((p[0] for p in pairs), dtype=np.int64, count=len(pairs))
        j = np.fromiter((p[1] for p in pairs), dtype=np.int64, count=len(pairs))
        vectors = np.stack([it.vector for it in items]).astype(np.float32)
        total = np.concatenate([np.einsum("ij,ij->i", vectors[i[k:k + 8192]], vectors[j[k:k + 8192]])
                                for k in range(0, len(pairs), 8192)]).astype(np.float64)
        names = _name_matrix(items)
        overlap = np.asarray(names[i].multiply(names[j]).sum(axis=1)).ravel()
        named = np.array([it.named for it in items], dtype=np.float64)
        total += NAME_WEIGHT * (overlap - NAME_NEUTRAL * named[i] * named[j])
        size = np.array([it.size for it in items], dtype=np.float64)
        single = np.array([len(it.days) == 1 for it in items])
        day = np.array([it.days[0] if len(it.days) == 1 else 0 for it in items], dtype=np.int64)
        both = single[i] & single[j]
        near = both & (np.abs(day[i] - day[j]) <= self.window)
        total += np.where(near, NEAR_BONUS, np.where(both, -LATE_PENALTY, 0.0))
        dated = np.array([len(it.days) > 0 for it in items])
        for k in np.nonzero(~both & dated[i] & dated[j])[0]:
            a, b = items[i[k]], items[j[k]]
            n = self.near_pairs(a.days, b.days)
            total[k] += NEAR_BONUS * n - LATE_PENALTY * (len(a.days) * len(b.days) - n)
        return total / (size[i] * size[j])

    def near_pairs(self, a: list[int], b: list[int]) -> int:
        """Pairs of dated documents at most the window apart (``a`` and ``b`` sorted)."""
        if len(a) > len(b):
            a, b = b, a
        near = 0
        for day in a:
            near += bisect.bisect_right(b, day + self.window) - bisect.bisect_left(b, day - self.window)
        return near


def _name_matrix(items: Sequence[Summary]):
    """The items' name weights as a sparse matrix (one row per item)."""
    from scipy.sparse import csr_matrix

    vocabulary: dict[str, int] = {}
    rows, cols, values = [], [], []
    for r, it in enumerate(items):
        for k, v in it.names.items():
            rows.append(r)
            cols.append(vocabulary.setdefault(k, len(vocabulary)))
            values.append(v)
    return csr_matrix((values, (rows, cols)), shape=(len(items), max(1, len(vocabulary))))


def summaries(items: Sequence[Profile], df: Mapping[str, int], n: int) -> list[Summary]:
    """One single-document `Summary` per profile, names weighted with the given document frequencies."""
    out = []
    for p in items:
        weights = {k: (1 + math.log(c)) * idf(df.get(k, 0), n) for k, c in p.names.items()}
        norm = math.sqrt(sum(w * w for w in weights.values())) or 1.0
        out.append(Summary(keys=[p.key], vector=np.asarray(p.vector, dtype=np.float64),
                           names={k: w / norm for k, w in weights.items()}, named=int(bool(weights)),
                           days=[p.date.toordinal()] if p.date else [], df=Counter(set(p.names)),
                           titles=[(0.0, p.title)]))
    return out


# --- clustering ------------------------------------------------------------------------------

def document_pairs(claim_pairs: Iterable, item_of_claim: Sequence[int],
                   names: Sequence[tuple[int, Mapping[str, int]]] = ()) -> set[tuple[int, int]]:
    """Pairs of items (indexes: documents, or stored stories) that may share a story: with at least
    one candidate claim pair between them, or with documents naming the same name when at most
    NAME_PAIRS_UP_TO documents name it. ``names`` are (item, names) of each document."""
    out = set()
    for p in claim_pairs:
        a, b = item_of_claim[p.i], item_of_claim[p.j]
        if a != b and a >= 0 and b >= 0:
            out.add((min(a, b), max(a, b)))
    holders: dict[str, list[int]] = {}
    for item, found in names:
        for k in found:
            holders.setdefault(k, []).append(item)
    for items in holders.values():
        if 1 < len(items) <= NAME_PAIRS_UP_TO:
            out.update((a, b) for a, b in itertools.combinations(sorted(set(items)), 2))
    return out


def cluster(items: Sequence[Summary], adjacent: Iterable[tuple[int, int]], *, window_days: int = WINDOW_DAYS,
            fixed: int = 0) -> list[list[int]]:
    """Average-linkage agglomeration: members (indexes into ``items``) of each final cluster.

    ``adjacent`` are the pairs of items that may merge (and, through merges, their clusters).
    The first ``fixed`` items are stored stories: new items join them, but two of them never merge.
    The result does not depend on the order of ``items`` beyond ``fixed``: ties are broken by
    the items' keys.
    """
    scorer = Scorer(window_days)
    clusters: dict[int, Summary] = dict(enumerate(items))
    members: dict[int, list[int]] = {i: [i] for i in range(len(items))}
    stored: set[int] = set(range(fixed))
    neighbours: dict[int, set[int]] = {i: set() for i in range(len(items))}
    heap: list[tuple[float, str, str, int, int]] = []
    #: sum of the document-pair scores of two adjacent clusters (average linkage: Lance-Williams).
    totals: dict[tuple[int, int], float] = {}

    def push(a: int, b: int, total: float) -> None:
        totals[(a, b) if a < b else (b, a)] = total
        s = total / (clusters[a].size * clusters[b].size)
        if s >= THRESHOLD and not (a in stored and b in stored) and not apart(clusters[a], clusters[b]):
            ka, kb = sorted((clusters[a].keys[0], clusters[b].keys[0]))
            heapq.heappush(heap, (-round(s, 9), ka, kb, a, b))

    def total(a: int, x: int) -> float:
        known = totals.pop((a, x) if a < x else (x, a), None)
        if known is None:
            known = scorer.score(clusters[a], clusters[x]) * clusters[a].size * clusters[x].size
        return known

    first = sorted({(min(a, b), max(a, b)) for a, b in adjacent if a != b})
    for (a, b), s in zip(first, scorer.scores(items, first)):
        neighbours[a].add(b)
        neighbours[b].add(a)
        push(a, b, float(s) * items[a].size * items[b].size)  # a mean score; push takes the sum
    next_id = len(items)
    while heap:
        _, _, _, a, b = heapq.heappop(heap)
        if a not in clusters or b not in clusters:
            continue
        c = next_id
        next_id += 1
        near = (neighbours.pop(a) | neighbours.pop(b)) - {a, b}
        sums = {x: total(a, x) + total(b, x) for x in sorted(near)}
        totals.pop((a, b), None)
        clusters[c] = clusters.pop(a).merged(clusters.pop(b))
        members[c] = members.pop(a) + members.pop(b)
        if a in stored or b in stored:
            stored.add(c)
        neighbours[c] = near
        for x in sorted(near):
            neighbours[x] -= {a, b}
            neighbours[x].add(c)
            push(c, x, sums[x])
    return [sorted(m) for m in members.values()]


def apart(a: Summary, b: Summary) -> bool:
    """Whether two stories are two events whatever their score: each has an own name (`Summary.own_names`)
    that no document of the other mentions.

    Articles of one event name what they report on; two events of one kind share their people,
    maker or place, and the score, a mean over document pairs, is carried by those shared names.
    What the score averages away is a name nearly all of one story's documents carry and the other
    story never does: on real news, two launches of one laptop line three years apart in undated
    pages ("Macworld" in 9 of 10 write-ups of one, "Ivy Bridge" in all 10 of the other, every page
    naming the maker and the line). On the tuning half (benchmarks/stories.py) this keeps apart
    the 54 document pairs of those launches that had joined, and two BASIL stories of three
    articles each; no GVA incident is split, and ECB+ B-cubed recall rises (0.835 to 0.841): the
    documents of each event join their own story instead. One side's own name is not enough (a
    story's follow-ups name what its first reports could not): asked of one side only, it cut GVA
    B-cubed recall from 0.788 to 0.711 and ECB+ recall to 0.401. Two events that every
    document of both tells alike (one player's offers from two teams in one winter, each page
    naming both teams) stay joined."""
    return (a.size >= OWN_NAME_DOCUMENTS and b.size >= OWN_NAME_DOCUMENTS
            and bool(a.own_names(b)) and bool(b.own_names(a)))


# --- the stage -------------------------------------------------------------------------------

@dataclass(frozen=True, slots=True)
class Placed:
    """A document in its story: what an incremental run keeps of it in the store."""

    profile: Profile
    story: int


@dataclass(frozen=True, slots=True)
class Stories:
    """The stories of an input: each document's story id, and what a claim pair may be compared."""

    stories: tuple[Story, ...]
    story_of: Mapping[str, int]
    #: names of each claim (by claim id), and the names that tell documents apart (`telling`).
    claim_names: Mapping[str, frozenset[str]]
    telling: frozenset[str]
    dates: Mapping[str, dt.date | None]
    window_days: int
    #: whether each document (by key) names anything.
    named: Mapping[str, bool] = field(default_factory=dict)
    #: the names of each document of one claim (a dataset row without an article; by key), and the
    #: names more than NAME_PAIRS_UP_TO documents name (`one_thing`).
    row_names: Mapping[str, frozenset[str]] = field(default_factory=dict)
    common: frozenset[str] = frozenset()
    #: the dataset rows of several sentences (`dataset_rows`), by key.
    long_rows: frozenset[str] = frozenset()
    #: the documents this build placed (not those it was given as stored), to keep in a store.
    placed: tuple[Placed, ...] = ()

    def story(self, claim: Claim) -> int | None:
        return self.story_of.get(claim.doc_key)

    def shared(self, a: Claim, b: Claim) -> int | None:
        """The story of both claims, or None when they belong to different stories."""
        sa = self.story(a)
        return sa if sa == self.story(b) else None

    def comparable(self, a: Claim, b: Claim) -> bool:
        """Whether two claims may be compared: one story (two rows of it: `one_thing`); or two
        stories when

        * one of the two documents names nothing, and both are undated or both dated within the
          window of each other: nothing but wording told the stories apart, and the group stage
          already judged the claims similar (two undated one-line rows about a night bus);
        * both documents are dated within the window of each other and the claims name the same
          day ("on March 6" / "on Friday") or the same name that not most documents mention.

        Two documents of which exactly one is dated are not compared across stories: the
        clustering split them, and there is no time to show they meet (a dated crawl's shooting
        and an undated page of one sentence about another shooting's arrests)."""
        sa, sb = self.story(a), self.story(b)
        if sa is None or sb is None:
            return True
        if sa == sb:
            return self.one_thing(a, b)
        da, db = self.dates.get(a.doc_key), self.dates.get(b.doc_key)
        if (da is None) != (db is None):
            return False
        if da is not None and not self._dated_near(a, b):
            return False
        if not (self.named.get(a.doc_key) and self.named.get(b.doc_key)):
            return True
        if da is None:
            return False
        if _days(a) & _days(b):
            return True
        shared = self.claim_names.get(a.id, frozenset()) & self.claim_names.get(b.id, frozenset())
        return bool(shared & self.telling)

    def one_thing(self, a: Claim, b: Claim) -> bool:
        """Whether two claims of one story may be compared: always, unless both are documents of one
        claim (dataset rows without an article) that both name something and share no name that at
        most NAME_PAIRS_UP_TO documents name; a commoner name they share is enough when both are
        dated within the window of each other (time is evidence of one event, as in the score).

        An article's story is an event its claims report; a story of rows is only rows alike in
        wording and names, and a name many of them carry joins rows about different things:
        Wikipedia sentences checked as one dataset (`benchmarks/conflicts.py --as-dataset`, half a)
        put 233 of 1,461 rows naming only "Rotten Tomatoes", each "the film" of another page, in one
        story, and 3,559 of its 4,890 flagged pairs of two pages were such rows. A row that names
        nothing may be about the other's name, and is still compared (as across stories). On news
        claims checked as rows (`benchmarks/news.py --as-rows`) the rule removes 86 conflicts of the
        tuning half and 6 of the held half, 4 of them wanted (undated rows sharing only the event's
        much-cited name: "southern Iran", "Gray"); without the date clause, 6 wanted. A row of several
        sentences (`dataset_rows`) is read the same way, and an undated pair with one such row that
        shares only commoner names is still compared when the name is both figures' subject (`_about`)."""
        na, nb = self.row_names.get(a.doc_key), self.row_names.get(b.doc_key)
        if na is None or nb is None or not (na and nb):
            return True
        shared = na & nb
        if shared - self.common:
            return True
        if not shared:
            return False
        if self._dated_near(a, b):
            return True
        return ((a.doc_key in self.long_rows or b.doc_key in self.long_rows)
                and self.dates.get(a.doc_key) is None and self.dates.get(b.doc_key) is None
                and _about(a, shared) and _about(b, shared))

    def _dated_near(self, a: Claim, b: Claim) -> bool:
        """Both documents are dated, within the window of each other."""
        da, db = self.dates.get(a.doc_key), self.dates.get(b.doc_key)
        return da is not None and db is not None and abs((da - db).days) <= self.window_days

    def names_nothing(self, claim: Claim) -> bool:
        """Whether ``claim`` is a document of one claim (a dataset row) that names nothing: what it is
        about ("the library", "the film") is read only from its wording (docs/ci.md)."""
        return claim.doc_key in self.row_names and not self.row_names[claim.doc_key]


def _about(claim: Claim, names: frozenset[str]) -> bool:
    """Whether one of ``names`` (name keys) is what a figure of ``claim`` is about: a word of the
    subject or holder its parse reads for the figure (`rules.slots.Slots`: "The Quenby library
    holds 48,000 books"), not a name beside it ("On Quillmark, the film holds 91 %": the site
    where the figure is given; the film is the subject).

    A name most rows carry is the site every review row names, or the one thing a dataset holds
    many rows about: on VitaminC dev pooled as one dataset (`benchmarks/rows.py`, half b) a film
    named in 106 rows. Undated rows sharing only such names are compared when the name is both
    figures' subject, which tells the two apart: the film's rows stay compared with each other,
    the site's rows of two films do not.

    Asked only where a row of several sentences is one side (`dataset_rows`): rows of several
    sentences were compared with every row of their story before, and without it 4 labelled
    conflicts of half b were lost (the film's figures, the film named in 106 rows). Asked of rows
    of one sentence as well, half b reported 394 more pairs of one page and, through the rows
    model's ``crowd`` feature, 2 labelled conflicts fell under the cut-off (3 gained)."""
    from .rules.frames import frames

    for f in frames(claim):
        words = {_strip_clitic(w).lower() for w in _WORD.findall(f"{f.slots.subject} {f.slots.holder}")}
        if words & names:
            return True
    return False


def _days(claim: Claim) -> frozenset[dt.date]:
    """The days a claim names (day granularity)."""
    return frozenset(d.value for d in claim.dates if d.granularity == "day")


def build(documents: Sequence[Document], claims: Sequence[Claim], vectors: np.ndarray, claim_pairs: Iterable, *,
          window_days: int = WINDOW_DAYS, stored: Sequence[Placed] = (),
          pair_docs: Sequence[str] | None = None) -> Stories:
    """Cluster ``documents`` into stories, using their claims' ``vectors`` and the candidate
    ``claim_pairs`` of the group stage (which documents may share a story).

    ``stored``: documents already in stories (an incremental run's store). The new documents join
    those stories or form new ones; stored stories keep their ids and never merge with each
    other. ``pair_docs`` then gives the document key of each index the claim pairs use (by
    default the documents of ``claims``).
    """
    new = sorted(profiles(documents, claims, vectors), key=lambda p: p.key)
    rows = dataset_rows(claims)
    fresh = {p.key for p in new}
    stored = [s for s in stored if s.profile.key not in fresh]
    everyone = [s.profile for s in stored] + new
    df = Counter(k for p in everyone for k in p.names)
    singles = summaries(everyone, df, len(everyone))
    story_ids = sorted({s.story for s in stored})
    slot = {sid: k for k, sid in enumerate(story_ids)}
    merged: list[Summary | None] = [None] * len(story_ids)
    item_of_doc: dict[str, int] = {}
    for s, single in zip(stored, singles):
        k = slot[s.story]
        merged[k] = single if merged[k] is None else merged[k].merged(single)  # type: ignore[union-attr]
        item_of_doc[s.profile.key] = k
    items: list[Summary] = [m for m in merged if m is not None] + singles[len(stored):]
    for k, p in enumerate(new):
        item_of_doc[p.key] = len(story_ids) + k
    keys = pair_docs if pair_docs is not None else [c.doc_key for c in claims]
    adjacent = document_pairs(claim_pairs, [item_of_doc.get(k, -1) for k in keys],
                              [(item_of_doc[p.key], p.names) for p in everyone])
    groups = cluster(items, adjacent, window_days=window_days, fixed=len(story_ids))
    members = {p.key: p for p in everyone}
    story_of: dict[str, int] = {s.profile.key: s.story for s in stored}
    next_id = max(story_ids, default=0) + 1
    for group in sorted((g for g in groups if g[0] >= len(story_ids)),
                        key=lambda g: (-len(g), new[g[0] - len(story_ids)].key)):
        for i in group:
            story_of[new[i - len(story_ids)].key] = next_id
        next_id += 1
    for group in groups:
        if group[0] < len(story_ids):
            for i in group[1:]:
                story_of[new[i - len(story_ids)].key] = story_ids[group[0]]
    n = len(everyone)
    return Stories(stories=records([Placed(members[k], sid) for k, sid in story_of.items()], df),
                   story_of=story_of,
                   claim_names={cid: names for p in everyone for cid, names in p.claim_names.items()},
                   telling=frozenset(k for k, v in df.items() if telling(v, n)),
                   dates={p.key: p.date for p in everyone}, window_days=window_days,
                   named={p.key: bool(p.names) for p in everyone},
                   row_names={p.key: frozenset(p.names) for p in everyone
                              if len(p.claim_names) == 1 or p.key in rows},
                   common=frozenset(k for k, v in df.items() if v > NAME_PAIRS_UP_TO),
                   long_rows=frozenset(p.key for p in new if p.key in rows and len(p.claim_names) > 1),
                   placed=tuple(Placed(p, story_of[p.key]) for p in new))


def dataset_rows(claims: Sequence[Claim]) -> set[str]:
    """The documents (keys) that are rows of a claims dataset: the short rows `check.row_documents`
    has the rows model score (at most `group.ROW_SENTENCES` claims, in a file most of whose rows are
    that short), whatever the number of sentences of each: a row of two sentences ("The film opened
    on a streaming service in May. On the review site, the film holds 10 %.") has no article around
    it either, and is read for what it names as a row of one is (`Stories.one_thing`). One decision
    for both: before, a file of two-sentence rows was scored as rows but grouped as articles (files
    most of whose rows were one claim were datasets here).

    Before, only documents of one claim were: on VitaminC dev pooled as one dataset
    (`benchmarks/rows.py`, half a) one row of two sentences naming the review site every film row
    names was compared with every such row of its story, 61 of the 139 flagged pairs of two pages."""
    from .check import row_documents

    articles: dict[str, list[Claim]] = {}
    for c in claims:
        articles.setdefault(c.doc_key, []).append(c)
    return row_documents(articles)


def records(placed: Sequence[Placed], df: Mapping[str, int] | None = None) -> tuple[Story, ...]:
    """The `Story` of each story id among ``placed`` documents: largest first, then by first
    document key; ``df`` (documents naming each name) defaults to the counts over ``placed``."""
    if df is None:
        df = Counter(k for s in placed for k in s.profile.names)
    spelled: dict[str, str] = {}
    by_story: dict[int, list[Profile]] = {}
    for s in sorted(placed, key=lambda s: s.profile.key):
        by_story.setdefault(s.story, []).append(s.profile)
        for k, w in s.profile.spelled.items():
            spelled.setdefault(k, w)
    ordered = sorted(by_story.items(), key=lambda item: (-len(item[1]), item[1][0].key))
    return tuple(story_record(sid, docs, df, len(placed), spelled) for sid, docs in ordered)


def _shown(ranked: Sequence[str], docs: Sequence[Profile], spelled: Mapping[str, str]) -> tuple[str, ...]:
    """The story's entities: its `SHOWN_ENTITIES` best-ranked names, each as the name of several
    words it is most often part of ("Okafor" -> "Dalia Okafor"; the longest of those written as
    often: "Gov. Ana Reyes" within "Gov. Ana Reyes" and "Delmar Gov. Ana Reyes") when the story
    writes it so at least half the times it writes the name, else as the single word; a word
    already shown within a longer name is not shown again."""
    total = Counter()
    for d in docs:
        total.update(d.names)
    phrases: Counter = Counter()  # every run of two or more words within a written name, counted
    for d in docs:
        for phrase, times in d.phrases.items():
            words = phrase.split()
            for i, j in itertools.combinations(range(len(words) + 1), 2):
                if j - i > 1:
                    phrases[" ".join(words[i:j])] += times
    holding: dict[str, list[str]] = {}
    for phrase in sorted(phrases, key=lambda x: (-phrases[x], -len(x.split()), x)):
        for key in _keys(phrase):
            holding.setdefault(key, []).append(phrase)
    shown: list[str] = []
    covered: set[str] = set()
    for k in ranked:
        if len(shown) == SHOWN_ENTITIES:
            break
        if k in covered:
            continue
        best = next((x for x in holding.get(k, ()) if 2 * phrases[x] >= total[k]), None)
        words = _keys(best) if best else {k}
        inside = [i for i, x in enumerate(shown) if best and _keys(x) <= words]
        if inside:  # a longer name around one shown: "East" of "East Palo Alto" around "Palo Alto"
            shown[inside[0]] = best
            shown = [x for i, x in enumerate(shown) if i not in inside[1:]]
        elif best and words & covered:
            continue  # a word of a name already shown, in another of its spellings
        else:
            shown.append(best or spelled.get(k, k))
        covered |= words
    return tuple(shown)


def _keys(name: str) -> set[str]:
    """The name keys (`read_names`) of a shown name's words."""
    return {_strip_clitic(w.rstrip(".")).lower() for w in name.split()}


def story_record(number: int, docs: Sequence[Profile], df: Mapping[str, int], n: int,
                 spelled: Mapping[str, str]) -> Story:
    """A `Story`: its title is the title of the document closest to the story's mean vector;
    its entities the names most documents of the story mention, rarest first on ties."""
    centre = np.sum([d.vector for d in docs], axis=0)
    central = max(docs, key=lambda d: (float(d.vector @ centre), d.key))
    mentions = Counter(k for d in docs for k in d.names)
    ranked = sorted(mentions, key=lambda k: (-mentions[k] * idf(df.get(k, 0), n), k))
    dates = sorted(d.date for d in docs if d.date)
    return Story(id=number, title=central.title, entities=_shown(ranked, docs, spelled),
                 first=dates[0] if dates else None, last=dates[-1] if dates else None,
                 documents=tuple(sorted(d.key for d in docs)))
