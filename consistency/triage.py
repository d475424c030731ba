"""Triage: a baseline and review decisions -> each finding's status and review.

A finding is ``reviewed`` when its latest review decision closes it
(confirmed, dismissed or resolved), ``baselined`` when its fingerprint is in the
baseline, and ``new`` otherwise; reviewed wins over baselined. Statuses are
keyed by fingerprint, which ignores positions (DESIGN section 3): a decision
sticks when its article is re-ingested, lightly edited or reordered, and a
changed value (a new fingerprint) is new again.

The status keeps its three values (the JSON report's contract); what was
decided travels beside it as a `Review`: the decision in force with who, when
and the note, and any disagreement. Two reviewers deciding the same finding
differently (one confirmed, the other dismissed) is a disagreement: the later
decision is in force, the earlier is kept and shown beside it, until one of
them changes their mind, or someone resolves or reopens the finding.
A confirmed or disputed conflict stays in front of reviewers (`needs_attention`)
until it is resolved.
"""

from __future__ import annotations

import dataclasses
from typing import Iterable, Mapping, Sequence

from .errors import UsageError
from .records import Decision, Finding, Review, Status

__all__ = ["CLOSING", "DECISIONS", "Decision", "Review", "apply", "check_decision", "check_reviewer",
           "needs_attention", "reviews", "statuses"]

#: What a reviewer can record. ``open`` withdraws an earlier decision.
DECISIONS = ("confirmed", "dismissed", "resolved", "open")
#: The decisions that take a finding out of the new ones.
CLOSING = frozenset({"confirmed", "dismissed", "resolved"})
#: Decisions that are a reviewer's verdict on the finding (and so can contradict another's).
VERDICTS = frozenset({"confirmed", "dismissed"})
#: Longest reviewer name accepted.
MAX_REVIEWER = 100


def check_decision(value: str) -> str:
    word = value.strip().lower()
    if word not in DECISIONS:
        raise UsageError(f"unknown decision {value!r}", hint=f"use one of {', '.join(DECISIONS)}")
    return word


def check_reviewer(name: str) -> str:
    """A reviewer name as the log keeps it: printable, one line, not empty."""
    cleaned = name.strip()
    if not cleaned or len(cleaned) > MAX_REVIEWER or not cleaned.isprintable():
        raise UsageError(f"bad reviewer name {name!r}",
                         hint=f"use a printable name of 1 to {MAX_REVIEWER} characters, without line breaks "
                              "or control characters")
    return cleaned


def reviews(history: Iterable[Decision]) -> dict[str, Review]:
    """Fingerprint -> `Review`, from the review log in the order it was written."""
    log: dict[str, list[Decision]] = {}
    for entry in history:
        log.setdefault(entry.fingerprint, []).append(entry)
    return {fp: _review(entries) for fp, entries in log.items()}


def _review(entries: list[Decision]) -> Review:
    standing: dict[str, Decision] = {}  # each reviewer's latest verdict since the last resolve/reopen
    for entry in entries:
        if entry.decision in VERDICTS:
            standing[entry.by] = entry
        else:
            standing.clear()
    last = entries[-1]
    against = ()
    if last.decision in VERDICTS:
        against = tuple(d for who, d in standing.items() if who != last.by and d.decision != last.decision)
    return Review(last.decision, last.by, last.at, last.note, against)


def needs_attention(review: Review | None) -> bool:
    """A confirmed conflict (until resolved) or a disagreement: shown in every human report."""
    return review is not None and (review.decision == "confirmed" or bool(review.disagreement))


def statuses(*, decisions: Mapping[str, Decision] | None = None,
             baselined: Iterable[str] = ()) -> dict[str, Status]:
    """Fingerprint -> status for every finding that is not new."""
    out: dict[str, Status] = {fp: "baselined" for fp in baselined}
    for fp, decision in (decisions or {}).items():
        if decision.decision in CLOSING:
            out[fp] = "reviewed"
    return out


def apply(findings: Sequence[Finding], status_of: Mapping[str, Status],
          review_of: Mapping[str, Review] | None = None) -> list[Finding]:
    review_of = review_of or {}
    return [dataclasses.replace(f, status=status_of.get(f.fingerprint, "new"), review=review_of.get(f.fingerprint))
            for f in findings]
