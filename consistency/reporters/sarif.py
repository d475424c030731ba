"""``--format sarif``: SARIF 2.1.0 for GitHub code scanning and other SARIF viewers.

One run; ``tool.driver.rules`` lists every rule in the catalogue with its
docstring as help and a ``helpUri`` into docs/rules.md. Each conflict is one
result: claim A is the location, claim B a related location the message links
to (``[...](1)``); article sentences point at their file, line and columns (text and
Markdown; an HTML sentence has no line of its own), dataset rows
at the row's line with the row id in the location's message and properties.
``partialFingerprints`` carry our fingerprint, so an alert keeps its identity
when lines move. Reviewed and baselined conflicts are kept as results with an
accepted external suppression, so viewers show them as dismissed rather than
losing them.

Updates (a later, larger value of a growing total) are not written: they are
not problems, and as results they would open code-scanning alerts that someone
has to dismiss by hand. The json, jsonl, markdown and html formats list them.
Bad input rows appear as error notifications of the run's invocation, which then has
``executionSuccessful: false`` (the exit code is 2).
"""

from __future__ import annotations

from pathlib import PurePath
from typing import TextIO
from urllib.parse import quote

from .. import __version__
from ..triage import needs_attention
from ..records import Claim, Finding, Problem, Report
from ..rules import all_rules
from .base import ReportOptions, display_path, indented_json, repository_url, rule_help_uri, summary_dict

SCHEMA_URI = "https://json.schemastore.org/sarif-2.1.0.json"
LEVELS = {"error": "error", "warning": "warning", "info": "note"}
#: Key of our fingerprint in ``partialFingerprints``; bump the version if the hash changes.
FINGERPRINT_KEY = "consistency/v1"
JUSTIFICATION = {"baselined": "in the baseline file", "reviewed": "reviewed in the consistency store"}


def render(report: Report, out: TextIO, options: ReportOptions) -> None:
    out.write(indented_json(sarif_log(report)) + "\n")


def sarif_log(report: Report) -> dict:
    rules = all_rules()
    index = {rule.code: i for i, rule in enumerate(rules)}
    results = [_result(f, index) for f in report.findings if f.kind == "conflict"]
    return {
        "$schema": SCHEMA_URI,
        "version": "2.1.0",
        "runs": [{
            "tool": {"driver": {
                "name": "consistency",
                "version": __version__,
                "semanticVersion": __version__,
                "informationUri": repository_url(),
                "rules": [_rule(rule) for rule in rules],
            }},
            "columnKind": "unicodeCodePoints",  # columns count characters, as Python does
            "invocations": [{
                # false when input problems make the exit code 2: each is an error notification
                "executionSuccessful": not report.problems,
                "toolExecutionNotifications": [_notification(p) for p in report.problems],
            }],
            "results": results,
            "properties": {"summary": summary_dict(report)},
        }],
    }


def _rule(rule) -> dict:
    doc = rule.doc()
    paragraphs = [" ".join(p.split()) for p in doc.split("\n\n") if p.strip()]
    full = paragraphs[1] if len(paragraphs) > 1 else rule.summary()
    return {
        "id": rule.code,
        "name": rule.name,
        "shortDescription": {"text": rule.summary()},
        "fullDescription": {"text": full},
        "help": {"text": doc, "markdown": doc},
        "helpUri": rule_help_uri(rule.code),
        "defaultConfiguration": {"level": LEVELS[rule.severity]},
        "properties": {"tags": list(rule.groups)},
    }


def _result(f: Finding, index: dict[str, int]) -> dict:
    result = {
        "ruleId": f.rule,
        "level": LEVELS[f.severity],
        "message": {"text": _message(f)},
        "locations": [_location(f.a)],
        "relatedLocations": [{**_location(f.b), "id": 1}],
        "partialFingerprints": {FINGERPRINT_KEY: f.fingerprint},
        "properties": {"status": f.status, "similarity": f.similarity, "confidence": f.confidence, "group": f.group,
                       "claims": [f.a.id, f.b.id], "review": f.review.to_dict() if f.review else None},
    }
    if f.rule in index:
        result["ruleIndex"] = index[f.rule]
    if f.status != "new" and not needs_attention(f.review):  # a confirmed conflict stays an open alert
        result["suppressions"] = [{"kind": "external", "status": "accepted",
                                   "justification": JUSTIFICATION.get(f.status, f.status)}]
    return result


def _message(f: Finding) -> str:
    """One paragraph; ``[...](1)`` links to claim B. Literal brackets are escaped (SARIF 3.11.6)."""
    return (f"{_plain(f.explanation)}. This claim: “{_plain(f.a.text)}” ({_plain(_who(f.a))}). "
            f"[Conflicting claim](1): “{_plain(f.b.text)}” ({_plain(_who(f.b))}).")


def _who(claim: Claim) -> str:
    parts = [claim.source or "unknown source"]
    if claim.date:
        parts.append(claim.date.isoformat())
    parts.append(f"row {claim.row_id}" if claim.row_id else claim.id)
    return ", ".join(parts)


def _plain(text: str) -> str:
    return text.replace("\\", "\\\\").replace("[", "\\[").replace("]", "\\]")


def _location(claim: Claim) -> dict:
    # GitHub code scanning needs a region; a sentence of an HTML article has no
    # line of its own, so it points at the top of the file (the snippet says which).
    region: dict = {"startLine": claim.line or 1}
    if claim.line and claim.column:  # the sentence's own span in a text or Markdown file
        region["startColumn"] = claim.column
        if "\n" not in claim.text:
            region["endColumn"] = claim.column + len(claim.text)
    physical: dict = {"artifactLocation": {"uri": artifact_uri(claim.path)},
                      "region": {**region, "snippet": {"text": claim.text}}}
    what = f"row {claim.row_id}" if claim.row_id else "sentence"
    properties = {"claimId": claim.id, "rowId": claim.row_id, "source": claim.source,
                  "date": claim.date.isoformat() if claim.date else None, "url": claim.url}
    return {
        "physicalLocation": physical,
        "message": {"text": _plain(f"{what}: {claim.text}")},
        "properties": {k: v for k, v in properties.items() if v is not None},
    }


def artifact_uri(path: str) -> str:
    """A relative URI (``seeds/a%20b.md``) for paths under the working folder, else ``file:`` URI."""
    shown = display_path(path)
    pure = PurePath(shown)
    if pure.is_absolute():
        return pure.as_uri()
    return quote(shown, safe="/")


def _notification(problem: Problem) -> dict:
    physical: dict = {"artifactLocation": {"uri": artifact_uri(problem.path)}}
    if problem.line:
        physical["region"] = {"startLine": problem.line}
    return {"level": "error", "message": {"text": _plain(problem.reason)},
            "locations": [{"physicalLocation": physical}]}
