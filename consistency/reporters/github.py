"""``--format github``: GitHub Actions workflow commands that annotate the files.

One ``::error`` / ``::warning`` / ``::notice`` line per new conflict (by the
rule's severity), on claim A's file and line, the message naming both claims;
and one ``::error`` per bad input row. GitHub shows at most 10 error, 10 warning
and 10 notice annotations per step (and 50 per job), so the rest are counted
in plain "N more ... not shown" lines, and the last line is the summary.
Reviewed, baselined and update findings are not annotated.

Escaping follows the runner's rules: in the message ``%``, CR and LF become
``%25``, ``%0D``, ``%0A``; in properties also ``:`` and ``,`` (``%3A``, ``%2C``),
so input text can neither end the command nor start another one. Control
characters of input text (terminal escapes, bidi overrides, CR) are written
as visible escapes first (``\x1b``): the log is shown in a terminal.
"""

from __future__ import annotations

from typing import TextIO

from ..records import Claim, Finding, Problem, Report
from ..triage import needs_attention
from .base import ReportOptions, display_path, location, printable, report_summary_line, review_line

#: Annotations of one level GitHub shows per step.
PER_STEP = 10
COMMANDS = {"error": "error", "warning": "warning", "info": "notice"}


def render(report: Report, out: TextIO, options: ReportOptions) -> None:
    lines, counts = [], {"error": 0, "warning": 0, "notice": 0}
    annotations = [*(_problem(p) for p in report.problems),
                   *(_finding(f) for f in report.findings
                     if f.kind == "conflict" and (f.status == "new" or needs_attention(f.review)))]
    for level, text in annotations:
        counts[level] += 1
        if counts[level] <= PER_STEP:
            lines.append(text)
    for level, n in counts.items():
        if n > PER_STEP:
            lines.append(f"consistency: {n - PER_STEP} more {level} annotations not shown (GitHub shows "
                         f"{PER_STEP} per step); see the SARIF, Markdown or JSON report for all of them")
    lines.append(f"consistency: {report_summary_line(report)}")
    out.write("\n".join(lines) + "\n")


def _finding(f: Finding) -> tuple[str, str]:
    level = COMMANDS[f.severity]
    decided = review_line(f.review)
    message = (f"{printable(f.explanation)}\nThis claim: {printable(f.a.text)} ({_who(f.a)})\n"
               f"Conflicting claim: {printable(f.b.text)} ({_who(f.b)})\nid {f.fingerprint}"
               + (f"\nreviewed: {printable(decided)}" if decided else ""))
    title = f"{f.rule} {f.name}" + (f" ({f.review.decision})" if decided and f.review else "")
    return level, command(level, message, file=_line(display_path(f.a.path)), line=f.a.line, title=title)


def _problem(p: Problem) -> tuple[str, str]:
    return "error", command("error", _line(p.reason), file=_line(display_path(p.path)), line=p.line,
                            title="bad input row")


def _who(claim: Claim) -> str:
    return _line(f"{claim.source or 'unknown source'}, {location(claim)}")


def _line(text: str) -> str:
    """Input text as one line without control characters: the runner's log is a terminal."""
    return printable(text, multiline=False)


def command(level: str, message: str, **properties: object) -> str:
    """``::level k=v,...::message`` with both parts escaped; None properties are left out."""
    props = ",".join(f"{k}={escape_property(str(v))}" for k, v in properties.items() if v not in (None, ""))
    return f"::{level}{' ' + props if props else ''}::{escape_data(message)}"


def escape_data(text: str) -> str:
    return text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def escape_property(text: str) -> str:
    return escape_data(text).replace(":", "%3A").replace(",", "%2C")
