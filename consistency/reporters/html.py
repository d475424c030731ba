"""``--format html``: one self-contained, static HTML file (no server, nothing fetched).

Every finding (all statuses) with the two claims side by side and the evidence
highlighted (a disputed fact once, its values and who reported each, its pairs folded
under it), filters by rule and status (a few lines of inline JavaScript), the
groups of similar claims with their numbers marked, and the input problems.

All input text goes through Jinja2 autoescaping; only absolute http(s) URLs
become links. A Content-Security-Policy allows nothing but the report's own
inline style and script (by hash), so even a missed escape could not load or
run anything.
"""

from __future__ import annotations

import base64
import functools
import hashlib
from importlib.resources import files
from typing import TextIO

from jinja2 import Environment, PackageLoader, StrictUndefined
from markupsafe import Markup

from .. import __version__
from ..records import Claim, Fact, Finding, Report, Span
from .base import (
    ReportOptions,
    by_fact,
    by_story,
    fact_confidence,
    fact_headline,
    fact_lines,
    location,
    report_summary_line,
    review_line,
    segments,
    story_heading,
    web_url,
)

#: Most groups, and claims per group, written out; the rest are counted.
MAX_GROUPS = 500
MAX_GROUP_CLAIMS = 50
#: Most pairwise findings written out under one disputed fact; the rest are counted (all are in JSON).
MAX_FACT_PAIRS = 50
STATUSES = ("new", "reviewed", "baselined")


def render(report: Report, out: TextIO, options: ReportOptions) -> None:
    template = _environment().get_template("report.html.jinja")
    style, script = _asset("report.css"), _asset("report.js")
    csp = ("default-src 'none'; img-src 'none'; base-uri 'none'; form-action 'none'; "
           f"style-src '{_sha256(style)}'; script-src '{_sha256(script)}'")
    out.write(template.render(
        csp=csp, style=Markup(style), script=Markup(script), tool=f"consistency {__version__}",
        summary=report_summary_line(report),
        rules=sorted({(f.rule, f.name) for f in report.findings}),
        statuses=STATUSES,
        conflicts=[_finding(f) for f in report.findings if f.kind == "conflict"],
        stories=_stories(report),
        updates=[_finding(f) for f in report.findings if f.kind == "update"],
        **_groups(report),
        problems=[str(p) for p in report.problems],
    ))


@functools.cache
def _environment() -> Environment:
    return Environment(loader=PackageLoader("consistency.reporters", "templates"), autoescape=True,
                       undefined=StrictUndefined, trim_blocks=True, lstrip_blocks=True, keep_trailing_newline=True)


@functools.cache
def _asset(name: str) -> str:
    return files("consistency.reporters").joinpath("templates", name).read_text(encoding="utf-8")


def _sha256(text: str) -> str:
    return "sha256-" + base64.b64encode(hashlib.sha256(text.encode("utf-8")).digest()).decode("ascii")


def _finding(f: Finding) -> dict:
    return {"rule": f.rule, "name": f.name, "severity": f.severity, "status": f.status, "id": f.fingerprint,
            "review": review_line(f.review), "disputed": bool(f.review and f.review.disagreement),
            "similarity": f"{f.similarity:.2f}", "confidence": f"{f.confidence:.2f}", "explanation": f.explanation,
            "claims": [_claim(f.a, f.spans_a), _claim(f.b, f.spans_b)]}


def _stories(report: Report) -> list[dict]:
    """The conflicts under their stories' headings (title; names, dates, documents), each disputed
    fact once (`_fact`)."""
    sections = []
    for story, findings in by_story(report, [f for f in report.findings if f.kind == "conflict"]):
        heading, details = story_heading(story) if report.stories else (None, None)
        items = [_fact(*item) if isinstance(item, tuple) else _finding(item) for item in by_fact(report, findings)]
        sections.append({"heading": heading, "details": details, "entries": items})
    return sections


def _fact(fact: Fact, shown: list[Finding]) -> dict:
    """A disputed fact: each value once with who reported it; its pairwise findings folded under it."""
    return {"fact": True, "rule": fact.rule, "name": fact.name, "severity": shown[0].severity,
            "statuses": " ".join(sorted({f.status for f in shown})), "headline": fact_headline(fact),
            "confidence": f"{fact_confidence(shown):.2f}", "reported": fact_lines(fact),
            "pairs": [_finding(f) for f in shown[:MAX_FACT_PAIRS]], "more": max(0, len(shown) - MAX_FACT_PAIRS)}


def _claim(claim: Claim, spans: tuple[Span, ...]) -> dict:
    return {"id": claim.id, "source": claim.source or "unknown source", "url": web_url(claim.url),
            "date": claim.date.isoformat() if claim.date else None, "location": location(claim),
            "segments": segments(claim.text, spans)}


def _groups(report: Report) -> dict:
    by_id = {c.id: c for c in report.claims}
    findings: dict[int, int] = {}
    for f in report.findings:
        if f.group is not None:
            findings[f.group] = findings.get(f.group, 0) + 1
    ordered = sorted(report.groups, key=lambda g: (-findings.get(g.id, 0), g.id))
    groups = []
    for group in ordered[:MAX_GROUPS]:
        members = [by_id[i] for i in group.claim_ids if i in by_id]
        groups.append({"id": group.id, "size": len(group.claim_ids), "findings": findings.get(group.id, 0),
                       "hidden": max(0, len(members) - MAX_GROUP_CLAIMS),
                       "claims": [_claim(c, _quantity_spans(c)) for c in members[:MAX_GROUP_CLAIMS]]})
    return {"groups": groups, "group_total": len(report.groups),
            "groups_hidden": max(0, len(report.groups) - MAX_GROUPS)}


def _quantity_spans(claim: Claim) -> tuple[Span, ...]:
    return tuple(Span(q.start, q.end, q.text) for q in claim.quantities)
