"""Immutable records passed between the pipeline stages.

Data flows one way: read -> extract -> embed -> stories -> group -> check -> triage -> report.
Every stage takes and returns these frozen dataclasses, never dicts; `to_dict`
helpers give the JSON shapes that DESIGN section 3 pins.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from typing import Literal

#: How a quantity's interval was stated.
Bound = Literal["exact", "approx", "lower", "upper", "range"]
#: Direction of a stated change ("rose 15%" is up, "down 90%" is down).
Direction = Literal["up", "down"]
#: Whether a number is a level ("to 5.25%") or a change ("by 50 basis points").
QuantityKind = Literal["level", "change"]
Severity = Literal["error", "warning", "info"]
Status = Literal["new", "reviewed", "baselined"]
#: A finding is a conflict, an update (a cumulative count reported later) or a correction
#: (a figure another claim says was revised).
FindingKind = Literal["conflict", "update", "correction"]

SEVERITY_ORDER: dict[str, int] = {"info": 0, "warning": 1, "error": 2}


@dataclass(frozen=True, slots=True)
class Quantity:
    """One number in a claim, normalised into a comparable frame.

    ``start``/``end`` are character offsets into the claim text. ``value`` is the
    stated number with scale words applied ("1.2bn" -> 1.2e9) in the stated
    ``unit``; ``low``/``high`` bound it (equal for an exact number, widened by
    the tolerance of "about", open-ended bounds use +/- inf). ``canonical_*``
    carry the same interval in the dimension's canonical unit (metres, kg,
    seconds, kelvin, ...), so "13 miles" and "21 km" compare directly.

    ``subject`` is whose measure it is, when the text says so ("500 beds at the
    regional hospital" -> "regional hospital"); two frames of different subjects
    are not comparable. ``per`` is the denominator of a rate ("$3,500 a month"
    -> "month", "barrels a day" -> "day"), also appended to ``canonical_unit``.
    Both default to None.
    """

    text: str
    start: int
    end: int
    value: float | None
    low: float
    high: float
    bound: Bound = "exact"
    unit: str | None = None
    dimension: str | None = None
    change: Direction | None = None
    kind: QuantityKind = "level"
    measured: str | None = None
    canonical_unit: str | None = None
    canonical_low: float | None = None
    canonical_high: float | None = None
    subject: str | None = None
    per: str | None = None
    #: A range stated from high to low ("from 208 to 193"); ``low``/``high`` stay ordered.
    descending: bool = False
    #: Whose age an age is (``dimension`` "age"): the name or description of the person
    #: ("Jane Doe" for "Jane Doe, 27,"; "the gunman" for "the 58-year-old gunman").
    person: str | None = None
    #: An ordinal period ("its third week": 3 weeks, ordinal), not an amount of time.
    ordinal: bool = False
    #: A scoreline read as (the subject's points, the other side's points): "won 3-1" and
    #: "lost 1-3" -> (3, 1) and (1, 3); ``outcome`` "won", "lost" or "tied" when the text says,
    #: "voted" for a vote's tally. A score with an outcome is a result, one figure whose ``value``
    #: is the result without its order (`consistency.quantities.scores.result_value`).
    score: tuple[float, float] | None = None
    outcome: str | None = None
    #: The clause gives evidence that the count only grows: a toll, "so far", "to date",
    #: "since ...", "has risen to", "at least N by <date>", a running total.
    cumulative: bool = False
    #: A corrected value: the earlier value this one replaces ("revised from eight to six": 8).
    corrects: float | None = None
    #: An earlier value the claim reports as replaced ("not eight, as earlier reported"): not
    #: the claim's own figure.
    superseded: bool = False

    def to_dict(self) -> dict:
        return {
            "text": self.text,
            "start": self.start,
            "end": self.end,
            "value": _json_number(self.value),
            "low": _json_number(self.low),
            "high": _json_number(self.high),
            "bound": self.bound,
            "unit": self.unit,
            "dimension": self.dimension,
            "change": self.change,
            "kind": self.kind,
            "measured": self.measured,
            "canonical_unit": self.canonical_unit,
            "canonical_low": _json_number(self.canonical_low),
            "canonical_high": _json_number(self.canonical_high),
            "subject": self.subject,
            "per": self.per,
            "person": self.person,
            "ordinal": self.ordinal,
            "score": list(self.score) if self.score else None,
            "outcome": self.outcome,
            "cumulative": self.cumulative,
            "corrects": _json_number(self.corrects),
            "superseded": self.superseded,
        }


@dataclass(frozen=True, slots=True)
class DateMention:
    """A date a claim talks about, resolved against the document date when relative.

    ``earliest``/``latest`` bound the days a mention may mean when that is more than its day
    ("last week": the whole week; a bare weekday: a day either side of ``value``, with
    ``approximate`` set); both None when the mention means ``value`` (its day, month or year).
    """

    text: str
    start: int
    end: int
    value: dt.date
    granularity: Literal["day", "month", "year"] = "day"
    relative: bool = False
    earliest: dt.date | None = None
    latest: dt.date | None = None
    approximate: bool = False

    def to_dict(self) -> dict:
        return {
            "text": self.text,
            "start": self.start,
            "end": self.end,
            "value": self.value.isoformat(),
            "granularity": self.granularity,
            "relative": self.relative,
            "earliest": self.earliest.isoformat() if self.earliest else None,
            "latest": self.latest.isoformat() if self.latest else None,
            "approximate": self.approximate,
        }


@dataclass(frozen=True, slots=True)
class Drop:
    """Text of a document that is not a claim of the article (page furniture), and why.

    ``reason`` is one word (``caption``, ``carousel``, ``embed``, ``teaser``, ``prompt``,
    ``byline``, ``dateline``, ``boilerplate``, ``citation``, ``heading``, ``fragment``,
    ``repeat``, or for HTML the element it came from, such as ``figcaption``); ``start``/``end``
    are offsets into the document's text, None for HTML elements removed before the text was
    extracted.
    """

    reason: str
    text: str
    start: int | None = None
    end: int | None = None

    def to_dict(self) -> dict:
        return {"dropped": self.reason, "text": self.text, "start": self.start, "end": self.end}


#: The reference day of claims compared without a date (`consistency compare`): any fixed day works,
#: so "on March 12" and "on March 14" resolve to one year on both sides. The rules treat it as no
#: date at all where the document's own day matters (`rules.compare`).
UNDATED = dt.date(2000, 12, 31)


@dataclass(frozen=True, slots=True)
class Document:
    """An input unit: an article, or one row of a claims dataset.

    ``key`` is the stable identity used in claim ids and fingerprints: the file
    name for an article file, ``file#row-id`` for a dataset row. ``single_claim``
    is true for dataset rows whose text is one claim (it is not split into
    sentences and the claim keeps the row id).
    """

    key: str
    path: str
    text: str
    line: int | None = None
    row_id: str | None = None
    source: str | None = None
    date: dt.date | None = None
    url: str | None = None
    title: str | None = None
    #: 1-based line in ``path`` where ``text`` starts (front matter skipped).
    text_line: int = 1
    #: where ``date`` comes from: ``article`` (the page, its front matter or the dataset's
    #: ``date``) or ``crawl`` (only when the page gave none: the time it was fetched).
    date_source: str | None = None
    #: page furniture the reader removed before ``text`` (HTML elements), with reasons.
    dropped: tuple[Drop, ...] = ()
    #: rule codes, prefixes, names or groups a dataset row suppresses for its own claims
    #: (``"consistency": {"ignore": ["NUM001"]}``), as a ``# noqa`` comment does in code.
    ignore: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class FoldedDocument:
    """One document of a `Fold`: where it is, and (for a folded one) how much of it the kept one holds."""

    key: str
    path: str
    row_id: str | None = None
    source: str | None = None
    url: str | None = None
    date: dt.date | None = None
    #: share of this document's word 5-grams found in the kept document (None for the kept one).
    containment: float | None = None

    def to_dict(self) -> dict:
        out = {"document": self.row_id or self.key, "path": self.path, "source": self.source, "url": self.url,
               "date": self.date.isoformat() if self.date else None}
        if self.containment is not None:
            out["containment"] = self.containment
        return out


@dataclass(frozen=True, slots=True)
class Fold:
    """Near-duplicate documents read as one: ``kept`` is read, ``folded`` are its copies (see
    `consistency.copies`)."""

    kept: FoldedDocument
    folded: tuple[FoldedDocument, ...]

    def to_dict(self) -> dict:
        return {"kept": self.kept.to_dict(), "folded": [d.to_dict() for d in self.folded]}


@dataclass(frozen=True, slots=True)
class Claim:
    """One claim: a sentence of an article or a row of a claims dataset."""

    id: str
    text: str
    doc_key: str
    path: str
    line: int | None = None
    start: int = 0
    end: int = 0
    source: str | None = None
    date: dt.date | None = None
    url: str | None = None
    row_id: str | None = None
    speaker: str | None = None
    quantities: tuple[Quantity, ...] = ()
    dates: tuple[DateMention, ...] = ()
    #: where ``date`` comes from: ``article`` or ``crawl`` (see `Document.date_source`).
    date_source: str | None = None
    #: rules its row suppresses (see `Document.ignore`): a finding with this claim is not reported.
    ignore: tuple[str, ...] = ()
    #: 1-based column in ``path`` where ``text`` starts, when the file's own text is read (a text
    #: or Markdown article; None for HTML and dataset rows, whose text is not the file's text).
    column: int | None = None

    def __hash__(self) -> int:
        # Equal claims have equal ids and texts. The generated hash reads every quantity and
        # date, and the rules' per-claim caches hash a claim per rule and pair.
        return hash((self.id, self.text, self.doc_key, self.start))

    def to_dict(self) -> dict:
        return {
            "id": self.id,
            "text": self.text,
            "source": self.source,
            "path": self.path,
            "line": self.line,
            "date": self.date.isoformat() if self.date else None,
            "date_source": self.date_source,
            "url": self.url,
            "speaker": self.speaker,
            "quantities": [q.to_dict() for q in self.quantities],
            "dates": [d.to_dict() for d in self.dates],
        }


@dataclass(frozen=True, slots=True)
class Span:
    """Evidence inside one claim's text, with its normalised reading."""

    start: int
    end: int
    text: str
    normalized: str = ""

    def to_dict(self) -> dict:
        return {"start": self.start, "end": self.end, "text": self.text, "normalized": self.normalized}


@dataclass(frozen=True, slots=True)
class Decision:
    """One entry of the append-only review log (``id``: its place in the log, 0 before it is stored)."""

    fingerprint: str
    decision: str
    by: str
    at: str
    note: str = ""
    id: int = 0

    def to_dict(self) -> dict:
        return {"decision": self.decision, "by": self.by, "at": self.at, "note": self.note}


@dataclass(frozen=True, slots=True)
class Review:
    """What reviewers decided about a finding: the decision in force (the latest entry of the log)
    with who, when and the note, and the other reviewers' standing decisions that contradict it
    (one confirmed what another dismissed): a disagreement, shown as such."""

    decision: str
    by: str
    at: str
    note: str = ""
    disagreement: tuple[Decision, ...] = ()

    def to_dict(self) -> dict:
        return {"decision": self.decision, "by": self.by, "at": self.at, "note": self.note,
                "disagreement": [d.to_dict() for d in self.disagreement]}


@dataclass(frozen=True, slots=True)
class Finding:
    """A rule's verdict on a pair of claims: a conflict or an update."""

    rule: str
    name: str
    severity: Severity
    kind: FindingKind
    a: Claim
    b: Claim
    spans_a: tuple[Span, ...]
    spans_b: tuple[Span, ...]
    explanation: str
    fingerprint: str
    similarity: float = 0.0
    status: Status = "new"
    group: int | None = None
    #: the review decision in force, when reviewers decided (a store's log or a baseline entry).
    review: Review | None = None
    #: the story both claims belong to; None when they come from different stories.
    story: int | None = None
    #: the disputed fact this conflict is one pair of (`consistency.facts`); None when it stands alone.
    fact: int | None = None
    #: calibrated probability that a reviewer confirms the finding (docs/rules.md, "Confidence").
    confidence: float = 0.5


@dataclass(frozen=True, slots=True)
class Group:
    """A connected component of similar claims."""

    id: int
    claim_ids: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class Reported:
    """One value of a disputed fact: the evidence as written, and the claims giving it."""

    value: str
    claims: tuple[Claim, ...]

    def to_dict(self) -> dict:
        return {"value": self.value, "claims": [c.id for c in self.claims],
                "sources": list(dict.fromkeys(c.source for c in self.claims if c.source))}


@dataclass(frozen=True, slots=True)
class Fact:
    """Conflicts of one rule about one measure of one story, as values and who reported each
    (`consistency.facts`); ``findings`` are the fingerprints of its pairwise conflicts."""

    id: int
    story: int | None
    rule: str
    name: str
    values: tuple[Reported, ...]
    findings: tuple[str, ...]

    def to_dict(self) -> dict:
        return {"id": self.id, "story": self.story, "rule": self.rule, "name": self.name,
                "values": [v.to_dict() for v in self.values], "findings": list(self.findings)}


@dataclass(frozen=True, slots=True)
class Story:
    """One real-world event and its follow-ups: the documents that report it (`consistency.stories`).

    ``title`` is the title (or first claim) of its most central document, ``entities`` the names
    it mentions most, ``first``/``last`` the range of its documents' dates, ``documents`` their keys.
    """

    id: int
    title: str
    entities: tuple[str, ...]
    first: dt.date | None
    last: dt.date | None
    documents: tuple[str, ...]

    def to_dict(self) -> dict:
        return {
            "id": self.id,
            "title": self.title,
            "entities": list(self.entities),
            "first_date": self.first.isoformat() if self.first else None,
            "last_date": self.last.isoformat() if self.last else None,
            "documents": list(self.documents),
        }


@dataclass(frozen=True, slots=True)
class Problem:
    """Something wrong with the input that did not stop the run: ``path:line: reason``."""

    path: str
    line: int | None
    reason: str

    def __str__(self) -> str:
        return f"{self.path}:{self.line}: {self.reason}" if self.line else f"{self.path}: {self.reason}"

    def to_dict(self) -> dict:
        return {"path": self.path, "line": self.line, "reason": self.reason}


@dataclass(frozen=True, slots=True)
class Report:
    """Everything a reporter needs; built by `consistency.api.check`."""

    claims: tuple[Claim, ...]
    findings: tuple[Finding, ...]
    groups: tuple[Group, ...]
    problems: tuple[Problem, ...] = ()
    documents: int = 0
    stats: dict = field(default_factory=dict)
    #: near-duplicate documents folded into one before extraction.
    folded: tuple[Fold, ...] = ()
    stories: tuple[Story, ...] = ()
    facts: tuple[Fact, ...] = ()

    def to_pandas(self):
        """The findings as a pandas DataFrame, one row per finding with both claims (``a_*``,
        ``b_*`` columns); see `consistency.dataframes.findings_frame`. Needs pandas."""
        from .dataframes import findings_frame

        return findings_frame(self)


def _json_number(x: float | None) -> float | None | str:
    """JSON has no infinity: open bounds are written as null."""
    if x is None or x != x or x in (float("inf"), float("-inf")):
        return None
    return x
