"""What every reporter shares: options, and the JSON-shaped view of a report
(DESIGN section 3) that the machine formats build on."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass

from .. import __version__
from ..records import Claim, Finding, Report, Span

#: Version of the JSON report shape; bump on breaking changes only.
REPORT_VERSION = "1.0"


@dataclass(frozen=True, slots=True)
class ReportOptions:
    color: bool = False
    width: int = 100
    #: show reviewed and baselined findings in human formats too.
    show_all: bool = False


def claim_dict(claim: Claim, spans: tuple[Span, ...]) -> dict:
    return {
        "id": claim.id,
        "text": claim.text,
        "source": claim.source,
        "path": claim.path,
        "line": claim.line,
        "url": claim.url,
        "date": claim.date.isoformat() if claim.date else None,
        "speaker": claim.speaker,
        "spans": [s.to_dict() for s in spans],
    }


def finding_dict(f: Finding) -> dict:
    return {
        "id": f.fingerprint,
        "rule": f.rule,
        "name": f.name,
        "severity": f.severity,
        "kind": f.kind,
        "status": f.status,
        "similarity": f.similarity,
        "group": f.group,
        "explanation": f.explanation,
        "claims": [claim_dict(f.a, f.spans_a), claim_dict(f.b, f.spans_b)],
    }


def summary_dict(report: Report) -> dict:
    conflicts = [f for f in report.findings if f.kind == "conflict"]
    status = Counter(f.status for f in conflicts)
    return {
        "documents": report.documents,
        "claims": len(report.claims),
        "groups": len(report.groups),
        "conflicts": len(conflicts),
        "new": status.get("new", 0),
        "reviewed": status.get("reviewed", 0),
        "baselined": status.get("baselined", 0),
        "updates": sum(1 for f in report.findings if f.kind == "update"),
        "problems": len(report.problems),
        "by_rule": dict(sorted(Counter(f.rule for f in conflicts).items())),
    }


def report_dict(report: Report) -> dict:
    return {
        "version": REPORT_VERSION,
        "tool": {"name": "consistency", "version": __version__},
        "summary": summary_dict(report),
        "conflicts": [finding_dict(f) for f in report.findings if f.kind == "conflict"],
        "updates": [finding_dict(f) for f in report.findings if f.kind == "update"],
        "groups": [{"id": g.id, "claims": list(g.claim_ids)} for g in report.groups],
        "problems": [p.to_dict() for p in report.problems],
    }


def location(claim: Claim) -> str:
    """``path:line`` for an article sentence, ``path:line (id)`` for a dataset row."""
    where = f"{claim.path}:{claim.line}" if claim.line else claim.path
    return f"{where} ({claim.row_id})" if claim.row_id else where
