"""``--format markdown``: a summary for a pull request or ``$GITHUB_STEP_SUMMARY``.

A headline, then a table of the new conflicts per story, under the story's
title, names and dates (the two claims with the evidence in bold, where each
comes from, and why they conflict), the updates and, with
``--show-all``, the reviewed and baselined conflicts in collapsed sections, and
the input problems. Every piece of input text is escaped: HTML special
characters become entities and Markdown punctuation is backslash-escaped, so a
claim cannot break the table, start a link, render math or inject HTML.
Long reports are cut (GitHub keeps at most 1 MiB of summary per step) with an
"N more not shown" line.
"""

from __future__ import annotations

import html
import re
from collections.abc import Iterable
from typing import TextIO

from ..records import Claim, Fact, Finding, Report, Span
from .base import (
    ReportOptions,
    by_fact,
    by_story,
    earlier_first,
    fact_confidence,
    fact_headline,
    fact_lines,
    location,
    plural,
    printable,
    report_summary_line,
    review_line,
    rule_help_uri,
    segments,
    shown_findings,
    story_heading,
    summary_dict,
    web_url,
)

#: Rows per table and problems listed; the rest are counted in an "N more not shown" line.
MAX_ROWS = 100
#: Characters of claim text shown per cell.
MAX_TEXT = 600
_ESCAPED = set("\\`*_[]|~$")
#: Characters that start a block (heading, list, quote, rule) at the beginning of a line.
_BLOCK_START = set("#-+=")
_ORDERED = re.compile(r"^(\d{1,9})([.)])")
_SPACES = re.compile(r"\s+")
_ENTITIES = {"&": "&amp;", "<": "&lt;", ">": "&gt;"}
#: The starts of GitHub's extended autolinks (www., a URL scheme, mailto: and xmpp:).
_AUTOLINK = re.compile(r"(?i)\b(www)(\.)|\b([a-z][a-z0-9+.-]{1,31})(:)(?=//)|\b(mailto|xmpp)(:)")


def render(report: Report, out: TextIO, options: ReportOptions) -> None:
    out.write("\n".join(lines(report, options)) + "\n")


def lines(report: Report, options: ReportOptions) -> list[str]:
    conflicts, updates = shown_findings(report, options)
    new = [f for f in conflicts if f.status == "new"]
    settled = [f for f in conflicts if f.status != "new"]
    s = summary_dict(report)
    out = ["## Claim consistency", ""]
    if s["new"]:
        out.append(f"**{plural(s['new'], 'new conflict')}** between claims.")
    else:
        out.append("No new conflicts.")
    out += ["", _text(report_summary_line(report)), ""]
    if new:
        out += _story_tables(report, new)
    if settled:
        out += _details(f"{plural(len(settled), 'reviewed or baselined conflict')}", _table(settled))
    if updates:
        out += _details(f"{plural(len(updates), 'update')} (a later report of a growing total; not a conflict)",
                        _table(updates, ("Earlier", "Later"), sides=earlier_first))
    if report.problems:
        out += [f"### Input problems ({len(report.problems)})", ""]
        out += [f"- {_text(str(p))}" for p in report.problems[:MAX_ROWS]]
        out += _more(len(report.problems), "input problems")
    return out


def _story_tables(report: Report, findings: list[Finding]) -> list[str]:
    """One table per story under the story's heading (title, names, dates), MAX_ROWS rows in all."""
    if not report.stories:
        return _table(by_fact(report, findings))
    out: list[str] = []
    shown = total = 0
    for story, items in by_story(report, findings):
        total += len(by_fact(report, items))
        if shown >= MAX_ROWS:
            continue
        heading, details = story_heading(story)
        rows = by_fact(report, items)[:MAX_ROWS - shown]
        out += [f"### {_text(heading)}", "", f"_{_text(details)}_", "", *_table(rows, start=shown + 1)]
        shown += len(rows)
    return out + _more(total, "rows")


def _sides(f: Finding):
    return (f.a, f.spans_a), (f.b, f.spans_b)


def _table(findings: list, heads: tuple[str, str] = ("Claim", "Conflicting claim"),
           start: int = 1, sides=_sides) -> list[str]:
    """A table of findings numbered from ``start``, and a row per disputed fact (an item ``(fact, its
    findings)`` of `by_fact`); ``sides(finding)`` gives its two ``(claim, spans)`` in column order."""
    rows = [f"| # | Rule | {heads[0]} | {heads[1]} | Why | Confidence |", "| --: | --- | --- | --- | --- | --: |"]
    for number, f in enumerate(findings[:MAX_ROWS], start=start):
        if isinstance(f, tuple):
            rows.append(_fact_row(number, *f))
            continue
        (a, spans_a), (b, spans_b) = sides(f)
        rule = f"[{_text(f.rule)}]({_url(rule_help_uri(f.rule))}) {_text(f.name)}"
        decided = review_line(f.review)
        status = "" if f.status == "new" else f" ({_text(decided or f.status)})"
        rows.append(f"| {number} | {rule}{status} | {_claim(a, spans_a)} | {_claim(b, spans_b)} | "
                    f"{_text(f.explanation)} | {f.confidence:.2f} |")
    return [*rows, "", *_more(len(findings), "rows")]


def _fact_row(number: int, fact: Fact, shown: list[Finding]) -> str:
    """A disputed fact in one row: the most reported value, then the others, each with who reported it."""
    values = [f"**{_text(value)}** — {_text(who)}" for value, who in fact_lines(fact)]
    rule = f"[{_text(fact.rule)}]({_url(rule_help_uri(fact.rule))}) {_text(fact.name)}"
    why = f"{fact_headline(fact)}; for example: {shown[0].explanation}"
    return (f"| {number} | {rule} | {values[0]} | {'<br>'.join(values[1:])} | {_text(why)} "
            f"| {fact_confidence(shown):.2f} |")


def _claim(claim: Claim, spans: tuple[Span, ...]) -> str:
    source = _text(claim.source or "unknown source")
    url = web_url(claim.url)
    if url:
        source = f"[{source}]({_url(url)})"
    when = f", {claim.date.isoformat()}" if claim.date else ""
    return f"{_evidence(claim.text, spans)}<br>— {source}{when}, {_text(location(claim))}"


def _evidence(text: str, spans: tuple[Span, ...]) -> str:
    """The claim text, cut to MAX_TEXT characters, with the evidence in bold."""
    out, used = [], 0
    for piece, evidence in segments(text, spans):
        if used >= MAX_TEXT:
            break
        piece = piece[:MAX_TEXT - used]
        used += len(piece)
        if evidence and piece.strip():
            lead, core, trail = _split_space(piece)
            out.append(f"{_text(lead)}**{_text(core)}**{_text(trail)}")
        else:
            out.append(_text(piece))
    return "".join(out) + ("…" if len(text) > MAX_TEXT else "")


def _split_space(piece: str) -> tuple[str, str, str]:
    core = piece.strip()
    start = piece.index(core)
    return piece[:start], core, piece[start + len(core):]


def _details(summary: str, body: Iterable[str]) -> list[str]:
    return ["<details>", f"<summary>{html.escape(summary)}</summary>", "", *body, "</details>", ""]


def _more(total: int, what: str) -> list[str]:
    hidden = total - MAX_ROWS
    return [f"_{hidden} more {what} not shown; see the full report (`-f json` or `-f html`)._", ""] if hidden > 0 else []


def _text(text: str) -> str:
    """Input text made inert: one line, HTML entities, Markdown punctuation escaped.

    Inline syntax (emphasis, code, links, tables, strikethrough, math) is escaped
    everywhere; block syntax (headings, lists, quotes) only where it could start a
    block, at the beginning. ``@`` gets a zero-width space so a claim cannot
    mention (and notify) a GitHub user or team, and so do the starts of what GitHub
    turns into links by itself (``www.``, ``http://``, ``mailto:``). Control
    characters (terminal escapes, bidi overrides) are written as visible escapes.
    """
    out = []
    for ch in printable(_SPACES.sub(" ", text), multiline=False):
        if ch in _ENTITIES:
            out.append(_ENTITIES[ch])
        elif ch in _ESCAPED:
            out.append("\\" + ch)
        elif ch == "@":
            out.append("@&#8203;")
        else:
            out.append(ch)
    escaped = _AUTOLINK.sub(_unlink, "".join(out))
    if escaped[:1] in _BLOCK_START:
        escaped = "\\" + escaped
    return _ORDERED.sub(r"\1\\\2", escaped, count=1)


def _unlink(match: re.Match) -> str:
    """``www.`` -> ``www&#8203;.``: the same text shown, no longer a link."""
    word, mark = [g for g in match.groups() if g is not None]
    return f"{word}&#8203;{mark}"


def _url(url: str) -> str:
    """An http(s) URL safe inside ``[text](url)`` in a table cell."""
    return "".join(f"%{ord(c):02X}" if c in '()<>"|\\ `' else c for c in url)

