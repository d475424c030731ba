"""``--format text`` (the default): a terminal report for a reviewer.

Each conflict shows the two claims side by side with the evidence highlighted
(bold in a colour terminal, «between guillemets» otherwise), where each claim
comes from, and one sentence saying why they conflict, under the heading of
its story (title, names, dates). Updates follow in a short list; the summary
line comes last.
"""

from __future__ import annotations

import re
import textwrap
from typing import TextIO

from rich import box
from rich.console import Console
from rich.table import Table
from rich.text import Text

from ..records import Claim, Fact, Finding, Report, Span
from .base import (ReportOptions, by_fact, by_story, earlier_first, fact_confidence, fact_headline, fact_lines,
                   footer_lines, location, printable, report_summary_line, review_line, segments, shown_findings,
                   story_heading, summary_dict)

OPEN, CLOSE = "«", "»"
#: Most pairwise finding ids a disputed fact lists (all are in the JSON report).
MAX_FACT_IDS = 4


def render(report: Report, out: TextIO, options: ReportOptions) -> None:
    console = Console(file=out, width=options.width, color_system="auto" if options.color else None,
                      force_terminal=options.color, no_color=not options.color, highlight=False,
                      emoji=False, soft_wrap=False)
    conflicts, updates = shown_findings(report, options)
    number = 0
    for story, findings in by_story(report, conflicts):
        if report.stories:
            heading, details = story_heading(story)
            console.print(Text(printable(heading, multiline=False), style="bold underline"), overflow="fold")
            console.print(Text(printable(f"  {details}", multiline=False), style="dim"), overflow="fold")
            console.print()
        for item in by_fact(report, findings):
            number += 1
            if isinstance(item, tuple):
                _fact(console, number, *item, options)
            else:
                _conflict(console, number, item, options)
    if updates:
        console.print(Text("Updates (a later report of a growing total; not conflicts):", style="bold"))
        for finding in updates:
            (earlier, _), (later, _) = earlier_first(finding)
            lines = textwrap.wrap(printable(f"{finding.rule}  {finding.explanation}", multiline=False),
                                  options.width, initial_indent="  ", subsequent_indent="  ")
            lines += [f"      {line}" for line in _wrap_label(
                f"{_side_label(earlier)}  ->  {_side_label(later)}", options.width - 6)]
            for number, line in enumerate(lines):
                text = Text(line, style="dim" if line.startswith("      ") else "")
                if number == 0:
                    text.stylize("cyan", 2, 2 + len(finding.rule))
                console.print(text)
        console.print()
    corrections = [f for f in report.findings if f.kind == "correction" and (options.show_all or f.status == "new")]
    if corrections:
        console.print(Text("Corrections (a figure another report says was revised; not conflicts):", style="bold"))
        for finding in corrections:
            for line in textwrap.wrap(f"{finding.rule}  {finding.explanation}", options.width,
                                      initial_indent="  ", subsequent_indent="  "):
                console.print(Text(line))
            console.print(Text(f"      {_side_label(finding.a)}  /  {_side_label(finding.b)}", style="dim"))
        console.print()
    for line in footer_lines(report):
        for part in textwrap.wrap(line, options.width, subsequent_indent="  "):
            console.print(Text(part, style="dim"))
    console.print(_summary(report))


def _fact(console: Console, number: int, fact: Fact, shown: list[Finding], options: ReportOptions) -> None:
    """A disputed fact: each value once with who reported it, not every pair of claims."""
    first = shown[0]
    console.print(Text.assemble(
        (f"[{number}] ", "bold"),
        (fact.rule, "bold red" if first.severity == "error" else "bold yellow"),
        f" {fact.name}  ",
        (f"{first.severity} · {fact_headline(fact)} · confidence {fact_confidence(shown):.2f}", "dim"),
    ))
    for value, who in fact_lines(fact):
        lines = textwrap.wrap(printable(f"{OPEN}{value}{CLOSE} — {who}", multiline=False), options.width - 4,
                              subsequent_indent="  ")
        for line in lines:
            console.print(Text(f"    {line}"))
    ids = ", ".join(f.fingerprint[:12] for f in shown[:MAX_FACT_IDS]) + (", …" if len(shown) > MAX_FACT_IDS else "")
    for line in textwrap.wrap(printable(f"for example: {first.explanation}; ids {ids}", multiline=False),
                              options.width - 4):
        console.print(Text(f"    {line}", style="dim"))
    console.print()


def _conflict(console: Console, number: int, f: Finding, options: ReportOptions) -> None:
    head = Text.assemble(
        (f"[{number}] ", "bold"),
        (f.rule, "bold red" if f.severity == "error" else "bold yellow"),
        f" {f.name}  ",
        (f"{f.severity} · {f.status} · confidence {f.confidence:.2f} · similarity {f.similarity:.2f} · id {f.fingerprint[:12]}",
         "dim"),
    )
    console.print(head)
    decided = review_line(f.review)
    if decided:
        console.print(Text(printable(f"    reviewed: {decided}", multiline=False),
                           style="bold magenta" if f.review.disagreement else "bold"))
    console.print(Text(printable(f"    {f.explanation}", multiline=False)))
    table = Table(box=box.SQUARE, show_header=True, header_style="bold", expand=True, padding=(0, 1))
    cell = (options.width - 7) // 2  # two columns share the width less 3 borders and 4 padding
    for claim in (f.a, f.b):
        table.add_column(Text("\n".join(_wrap_label(_side_label(claim), cell))), ratio=1, overflow="fold")
    table.add_row(_highlight(f.a.text, f.spans_a, options.color), _highlight(f.b.text, f.spans_b, options.color))
    console.print(table)
    console.print()


def _side_label(claim: Claim) -> str:
    who = claim.source or "unknown source"
    when = f", {claim.date.isoformat()}" if claim.date else ""
    return printable(f"{who}{when} — {location(claim)}", multiline=False)


#: A path cut into the parts a long one may break after: each folder with its ``/``.
_PATH_PARTS = re.compile(r"[^/]*/|[^/]+$")


def _wrap_label(label: str, width: int) -> list[str]:
    """``label`` in lines of at most ``width`` characters, broken at spaces; a path longer than a
    line is broken after a ``/``, and a name longer than a line is cut from its start, so that its
    end stays whole: ``...-file.jsonl:10`` never shows as ``...-file.jso`` and ``nl:10``, nor
    ``...-file.jsonl:1`` and ``0``."""
    width = max(width, 12)
    lines: list[str] = []
    for line in textwrap.wrap(label, width, break_long_words=False, break_on_hyphens=False):
        if len(line) <= width:
            lines.append(line)
            continue
        current = ""
        for part in _PATH_PARTS.findall(line):
            if current and len(current) + len(part) > width:
                lines.append(current)
                current = ""
            current += part
            if len(current) > width:
                ends = range(len(current), 0, -width)
                pieces = [current[max(end - width, 0):end] for end in ends][::-1]
                lines.extend(pieces[:-1])
                current = pieces[-1]
        if current:
            lines.append(current)
    return lines


def _highlight(text: str, spans: tuple[Span, ...], color: bool) -> Text:
    """The claim text with each evidence span emphasised; control characters as visible escapes."""
    out = Text()
    for piece, evidence in segments(text, spans):
        piece = printable(piece)
        if not evidence:
            out.append(piece)
        elif color:
            out.append(piece, style="bold yellow")
        else:
            out.append(f"{OPEN}{piece}{CLOSE}")
    return out


def _summary(report: Report) -> Text:
    s = summary_dict(report)
    return Text(report_summary_line(report), style="bold red" if s["new"] else "bold green")
