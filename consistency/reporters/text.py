"""``--format text`` (the default): a terminal report for a reviewer.

Each conflict shows the two claims side by side with the evidence highlighted
(bold in a colour terminal, «between guillemets» otherwise), where each claim
comes from, and one sentence saying why they conflict. Updates follow in a
short list; the summary line comes last.
"""

from __future__ import annotations

import textwrap
from typing import TextIO

from rich import box
from rich.console import Console
from rich.table import Table
from rich.text import Text

from ..records import Claim, Finding, Report, Span
from .base import ReportOptions, location, review_line, segments, shown_findings, summary_dict, summary_line

OPEN, CLOSE = "«", "»"


def render(report: Report, out: TextIO, options: ReportOptions) -> None:
    console = Console(file=out, width=options.width, color_system="auto" if options.color else None,
                      force_terminal=options.color, no_color=not options.color, highlight=False,
                      emoji=False, soft_wrap=False)
    conflicts, updates = shown_findings(report, options)
    for number, finding in enumerate(conflicts, start=1):
        _conflict(console, number, finding, options)
    if updates:
        console.print(Text("Updates (a later report of a growing total; not conflicts):", style="bold"))
        for finding in updates:
            earlier, later = sorted((finding.a, finding.b), key=lambda c: (c.date is None, c.date or 0))
            lines = textwrap.wrap(f"{finding.rule}  {finding.explanation}", options.width,
                                  initial_indent="  ", subsequent_indent="  ")
            lines += textwrap.wrap(f"{_side_label(earlier)}  ->  {_side_label(later)}", options.width,
                                   initial_indent="      ", subsequent_indent="      ")
            for number, line in enumerate(lines):
                text = Text(line, style="dim" if line.startswith("      ") else "")
                if number == 0:
                    text.stylize("cyan", 2, 2 + len(finding.rule))
                console.print(text)
        console.print()
    console.print(_summary(report))


def _conflict(console: Console, number: int, f: Finding, options: ReportOptions) -> None:
    head = Text.assemble(
        (f"[{number}] ", "bold"),
        (f.rule, "bold red" if f.severity == "error" else "bold yellow"),
        f" {f.name}  ",
        (f"{f.severity} · {f.status} · similarity {f.similarity:.2f} · id {f.fingerprint[:12]}", "dim"),
    )
    console.print(head)
    decided = review_line(f.review)
    if decided:
        console.print(Text(f"    reviewed: {decided}", style="bold magenta" if f.review.disagreement else "bold"))
    console.print(Text(f"    {f.explanation}"))
    table = Table(box=box.SQUARE, show_header=True, header_style="bold", expand=True, padding=(0, 1))
    table.add_column(_side_label(f.a), ratio=1, overflow="fold")
    table.add_column(_side_label(f.b), ratio=1, overflow="fold")
    table.add_row(_highlight(f.a.text, f.spans_a, options.color), _highlight(f.b.text, f.spans_b, options.color))
    console.print(table)
    console.print()


def _side_label(claim: Claim) -> str:
    who = claim.source or "unknown source"
    when = f", {claim.date.isoformat()}" if claim.date else ""
    return f"{who}{when} — {location(claim)}"


def _highlight(text: str, spans: tuple[Span, ...], color: bool) -> Text:
    """The claim text with each evidence span emphasised."""
    out = Text()
    for piece, evidence in segments(text, spans):
        if not evidence:
            out.append(piece)
        elif color:
            out.append(piece, style="bold yellow")
        else:
            out.append(f"{OPEN}{piece}{CLOSE}")
    return out


def _summary(report: Report) -> Text:
    s = summary_dict(report)
    return Text(summary_line(s), style="bold red" if s["new"] else "bold green")
