"""What the review page reads from and writes to the store, without any web code.

Every page's reads run in one snapshot, so a nightly run that commits meanwhile
is seen whole or not at all. A decision is appended to the review log; the
entries other reviewers added since the page was shown (``seen``, the newest
log id the page knew) come back with it, so the page can say that someone else
decided meanwhile. Both decisions stay in the log; the later one is in force.
"""

from __future__ import annotations

from dataclasses import dataclass

from ..context import Side, sides
from ..errors import NotFoundError, UsageError
from ..incremental import groups_of
from ..records import Decision, Finding, Review
from ..store import Store
from ..store import export
from ..triage import check_decision, check_reviewer, reviews
from . import queue as queues
from .queue import Filters

#: The decisions the page offers.
PAGE_DECISIONS = ("confirmed", "dismissed", "resolved", "open")


@dataclass(frozen=True, slots=True)
class QueueView:
    groups: list[queues.Group]
    total: int
    rules: list[str]
    open_count: int


@dataclass(frozen=True, slots=True)
class FindingPage:
    finding: Finding
    review: Review | None
    sides: tuple[Side, Side]
    log: list[Decision]
    seen: int
    group: int | None
    same_group: list[queues.Item]
    previous: str | None
    next: str | None
    position: int
    total: int


@dataclass(frozen=True, slots=True)
class Outcome:
    entry: Decision
    meanwhile: list[Decision]


def _state(store: Store):
    findings = [f for f in store.findings.open() if f.kind == "conflict"]
    history: dict[str, list[Decision]] = {}
    for entry in store.decisions.history():
        history.setdefault(entry.fingerprint, []).append(entry)
    review_of = reviews(e for log in history.values() for e in log)
    _, group_of = groups_of(store)
    return findings, history, review_of, group_of


def queue(store: Store, filters: Filters) -> QueueView:
    with store.snapshot():
        findings, history, review_of, group_of = _state(store)
    groups = queues.build(findings, review_of, group_of, history, filters)
    open_count = sum(1 for f in findings if queues.status_of(review_of.get(f.fingerprint)) == "open")
    return QueueView(groups=groups, total=sum(len(g.items) for g in groups),
                     rules=sorted({f.rule for f in findings}), open_count=open_count)


def finding_page(store: Store, fingerprint: str, filters: Filters) -> FindingPage | None:
    with store.snapshot():
        findings, history, review_of, group_of = _state(store)
        found = [f for f in findings if f.fingerprint == fingerprint]
        if not found:
            return None
        f = found[0]
        docs = {d.key: d for d in store.documents.load({f.a.doc_key, f.b.doc_key})}
    order = [i.finding.fingerprint for grp in queues.build(findings, review_of, group_of, history, filters)
             for i in grp.items]
    position = order.index(fingerprint) if fingerprint in order else -1
    log = history.get(fingerprint, [])
    group = group_of.get(f.a.id)
    same = [] if group is None else [
        queues.Item(o, review_of.get(o.fingerprint), group) for o in findings
        if o.fingerprint != fingerprint and group_of.get(o.a.id) == group]
    return FindingPage(
        finding=f, review=review_of.get(fingerprint), sides=sides(f, docs), log=log,
        seen=max((d.id for d in log), default=0), group=group, same_group=same,
        previous=order[position - 1] if position > 0 else None,
        next=order[position + 1] if 0 <= position < len(order) - 1 else (order[0] if position < 0 and order else None),
        position=position + 1, total=len(order))


def article_page(store: Store, fingerprint: str, side: str):
    with store.snapshot():
        found = store.findings.open_of([fingerprint])
        if not found:
            return None
        f = found[0]
        claim = f.a if side == "a" else f.b
        docs = store.documents.load([claim.doc_key])
    if not docs:
        return None
    doc = docs[0]
    ok = doc.text[claim.start:claim.end] == claim.text
    return {"finding": f, "claim": claim, "document": doc,
            "before": doc.text[:claim.start] if ok else doc.text, "claim_text": claim.text if ok else "",
            "after": doc.text[claim.end:] if ok else ""}


def next_after(store: Store, fingerprint: str, filters: Filters) -> str | None:
    """The next finding in the queue after ``fingerprint`` (with the queue as it is now)."""
    page = finding_page(store, fingerprint, filters)
    if page is None:
        order = [i.finding.fingerprint for grp in queue(store, filters).groups for i in grp.items]
        return order[0] if order else None
    return page.next


def decide(store: Store, fingerprint: str, decision: str, *, by: str, note: str, seen: int) -> Outcome:
    decision = check_decision(decision)
    if decision not in PAGE_DECISIONS:
        raise UsageError(f"unknown decision {decision!r}")
    if not store.findings.open_of([fingerprint]):
        raise NotFoundError(f"no open finding {fingerprint} in the store")
    entry = store.decisions.add(fingerprint, decision, by=by, note=note)
    meanwhile = [d for d in store.decisions.history(fingerprint, after=seen) if d.id < entry.id and d.by != by]
    return Outcome(entry, meanwhile)


def check_name(name: str) -> str:
    return check_reviewer(name)


def export_decisions(store: Store, fmt: str) -> tuple[str, str]:
    body = export.EXPORTS[fmt](store.decisions.history())
    return body, "text/csv" if fmt == "csv" else "application/x-ndjson"


def export_baseline(store: Store) -> str:
    return export.store_baseline(store)
