"""Triage: a baseline and review decisions -> each finding's status.

A finding is ``reviewed`` when its latest review decision closes it
(confirmed, dismissed or resolved), ``baselined`` when its fingerprint is in the
baseline, and ``new`` otherwise; reviewed wins over baselined. Statuses are
keyed by fingerprint, which ignores positions (DESIGN section 3): a decision
sticks when its article is re-ingested, lightly edited or reordered, and a
changed value (a new fingerprint) is new again.
"""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass
from typing import Iterable, Mapping, Sequence

from .errors import UsageError
from .records import Finding, Status

#: What a reviewer can record. ``open`` withdraws an earlier decision.
DECISIONS = ("confirmed", "dismissed", "resolved", "open")
#: The decisions that take a finding out of the new ones.
CLOSING = frozenset({"confirmed", "dismissed", "resolved"})


@dataclass(frozen=True, slots=True)
class Decision:
    """One entry of the append-only review log."""

    fingerprint: str
    decision: str
    by: str
    at: str
    note: str = ""

    def to_dict(self) -> dict:
        return {"decision": self.decision, "by": self.by, "at": self.at, "note": self.note}


def check_decision(value: str) -> str:
    word = value.strip().lower()
    if word not in DECISIONS:
        raise UsageError(f"unknown decision {value!r}", hint=f"use one of {', '.join(DECISIONS)}")
    return word


def statuses(*, decisions: Mapping[str, Decision] | None = None,
             baselined: Iterable[str] = ()) -> dict[str, Status]:
    """Fingerprint -> status for every finding that is not new."""
    out: dict[str, Status] = {fp: "baselined" for fp in baselined}
    for fp, decision in (decisions or {}).items():
        if decision.decision in CLOSING:
            out[fp] = "reviewed"
    return out


def apply(findings: Sequence[Finding], status_of: Mapping[str, Status]) -> list[Finding]:
    return [dataclasses.replace(f, status=status_of.get(f.fingerprint, "new")) for f in findings]
