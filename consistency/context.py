"""What a reviewer sees around a finding: each claim's paragraph and its article.

The stored document holds the whole text, so the paragraph around a claim (the
text between the blank lines before and after it) is cut from it at review
time; the article's title, outlet, date and link come from the document too.
Used by the terminal loop (`consistency review`) and the review page
(`consistency serve`).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

from .records import Claim, Document, Finding, Span
from .reporters.base import web_url

#: The most characters of a paragraph shown on each side of the claim.
MAX_AROUND = 1200
_BREAK = re.compile(r"\n[ \t]*\n")


@dataclass(frozen=True, slots=True)
class Side:
    """One claim of a finding in its context."""

    claim: Claim
    spans: tuple[Span, ...]
    before: str  # the paragraph's text before the claim
    after: str  # and after it
    title: str | None
    source: str | None
    date: str | None
    url: str | None  # an absolute http(s) URL, or None
    path: str  # where the article was read from (shown, never opened by a server)


def paragraph(text: str, start: int, end: int) -> tuple[str, str]:
    """The text of the paragraph around ``text[start:end]`` before and after it (at most
    `MAX_AROUND` characters each way, cut at a word)."""
    if not 0 <= start <= end <= len(text):
        return "", ""
    begin = max((m.end() for m in _BREAK.finditer(text, 0, start)), default=0)
    stop = next((m.start() for m in _BREAK.finditer(text, end)), len(text))
    before, after = text[begin:start].lstrip(), text[end:stop].rstrip()
    if len(before) > MAX_AROUND:
        before = "… " + before[-MAX_AROUND:].split(" ", 1)[-1]
    if len(after) > MAX_AROUND:
        after = after[:MAX_AROUND].rsplit(" ", 1)[0] + " …"
    return before, after


def sides(finding: Finding, documents: dict[str, Document]) -> tuple[Side, Side]:
    """Both claims of ``finding`` in context; ``documents`` by key (those of its two claims)."""
    return (_side(finding.a, finding.spans_a, documents.get(finding.a.doc_key)),
            _side(finding.b, finding.spans_b, documents.get(finding.b.doc_key)))


def _side(claim: Claim, spans: tuple[Span, ...], doc: Document | None) -> Side:
    before = after = ""
    if doc is not None and doc.text[claim.start:claim.end] == claim.text:
        before, after = paragraph(doc.text, claim.start, claim.end)
    date = claim.date.isoformat() if claim.date else None
    return Side(claim=claim, spans=spans, before=before, after=after, title=doc.title if doc else None,
                source=claim.source, date=date, url=web_url(claim.url), path=Path(claim.path).as_posix())
