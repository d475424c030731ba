"""The review queue: open conflicts of a store, filtered, searched, ordered and grouped.

Ordered by the finding's calibrated ``confidence`` when findings carry one
(highest first), else by severity and then by the newer claim's date; grouped
by group of similar claims (the story), groups in the order of their first
finding. Filters: rule, status, source, date range, reviewer; search over the
claims' text, sources, the explanation and the notes.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

from ..records import SEVERITY_ORDER, Finding, Review
from ..store.findings import confidence
from ..triage import CLOSING, needs_attention

#: Status filter values: open (nobody decided, or reopened), a decision, disputed, or all.
STATUSES = ("open", "attention", "confirmed", "dismissed", "resolved", "disputed", "all")
MAX_SEARCH = 200


@dataclass(frozen=True, slots=True)
class Filters:
    rule: str = ""
    status: str = "open"
    source: str = ""
    since: dt.date | None = None
    until: dt.date | None = None
    reviewer: str = ""
    search: str = ""

    @classmethod
    def from_query(cls, args) -> "Filters":
        def date(name: str) -> dt.date | None:
            try:
                return dt.date.fromisoformat(args.get(name, "")[:10])
            except ValueError:
                return None

        status = args.get("status", "open")
        return cls(rule=args.get("rule", "")[:20], status=status if status in STATUSES else "open",
                   source=args.get("source", "")[:MAX_SEARCH], since=date("since"), until=date("until"),
                   reviewer=args.get("reviewer", "")[:MAX_SEARCH], search=args.get("q", "")[:MAX_SEARCH].strip())

    def query(self) -> dict[str, str]:
        """The filters as query parameters (for links that keep them)."""
        out = {"rule": self.rule, "status": self.status, "source": self.source, "reviewer": self.reviewer,
               "q": self.search, "since": self.since.isoformat() if self.since else "",
               "until": self.until.isoformat() if self.until else ""}
        return {k: v for k, v in out.items() if v and not (k == "status" and v == "open")}


@dataclass(frozen=True, slots=True)
class Item:
    finding: Finding
    review: Review | None
    group: int | None
    reviewers: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class Group:
    id: int | None
    items: list[Item] = field(default_factory=list)


def status_of(review: Review | None) -> str:
    if review is None or review.decision not in CLOSING:
        return "open"
    return review.decision


def _matches(item: Item, f: Filters, notes: str) -> bool:
    finding, review = item.finding, item.review
    if f.rule and finding.rule != f.rule:
        return False
    status = status_of(review)
    if f.status == "attention" and not (status == "open" or needs_attention(review)):
        return False
    if f.status == "disputed" and not (review and review.disagreement):
        return False
    if f.status in ("open", "confirmed", "dismissed", "resolved") and status != f.status:
        return False
    sources = [c.source or "" for c in (finding.a, finding.b)]
    if f.source and not any(f.source.casefold() in s.casefold() for s in sources):
        return False
    dates = [c.date for c in (finding.a, finding.b) if c.date]
    if f.since and not any(d >= f.since for d in dates):
        return False
    if f.until and not any(d <= f.until for d in dates):
        return False
    if f.reviewer and f.reviewer.casefold() not in (r.casefold() for r in item.reviewers):
        return False
    if f.search:
        haystack = " ".join([finding.a.text, finding.b.text, *sources, finding.explanation, finding.rule,
                             finding.fingerprint, notes]).casefold()
        if not all(word in haystack for word in f.search.casefold().split()):
            return False
    return True


def order_key(item: Item):
    """Highest confidence first when findings carry one; else severity, then the newer date."""
    finding = item.finding
    newest = max((c.date for c in (finding.a, finding.b) if c.date), default=dt.date.min)
    score = confidence(finding)
    return (-(score if score is not None else -1.0), -SEVERITY_ORDER.get(finding.severity, 0),
            -newest.toordinal(), finding.fingerprint)


def build(findings: list[Finding], reviews: dict[str, Review], group_of: dict[str, int],
          history: dict[str, list], filters: Filters) -> list[Group]:
    """The queue: ``findings`` (open conflicts) matching ``filters``, ordered, in groups."""
    items = []
    for f in findings:
        if f.kind != "conflict":
            continue
        log = history.get(f.fingerprint, [])
        item = Item(f, reviews.get(f.fingerprint), group_of.get(f.a.id),
                    tuple(dict.fromkeys(d.by for d in log)))
        if _matches(item, filters, " ".join(d.note for d in log)):
            items.append(item)
    items.sort(key=order_key)
    groups: dict[int | None, Group] = {}
    for item in items:
        key = item.group if item.group is not None else -hash(item.finding.fingerprint)
        groups.setdefault(key, Group(item.group)).items.append(item)
    return list(groups.values())
