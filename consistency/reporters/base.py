"""What every reporter shares: options, and the JSON-shaped view of a report
(DESIGN section 3) that the machine formats build on."""

from __future__ import annotations

import functools
import json
import math
import re
from collections import Counter
from dataclasses import dataclass
from pathlib import Path, PurePath
from urllib.parse import urlsplit

from .. import DISTRIBUTION, __version__
from ..records import Claim, Fact, Finding, Report, Review, Span, Story
from ..triage import needs_attention

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
        "date_source": claim.date_source,
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
        "confidence": f.confidence,
        "group": f.group,
        "story": f.story,
        "fact": f.fact,
        "explanation": f.explanation,
        "claims": [claim_dict(f.a, f.spans_a), claim_dict(f.b, f.spans_b)],
        "review": f.review.to_dict() if f.review is not None else None,
    }


def review_line(review: Review | None) -> str | None:
    """``confirmed by ana, 2026-03-08: note; disagrees: dismissed by ben`` (None: not decided)."""
    if review is None or review.decision == "open":
        return None
    text = f"{review.decision} by {review.by}, {review.at[:10]}"
    if review.note:
        text += f": {review.note}"
    if review.disagreement:
        others = ", ".join(f"{d.decision} by {d.by}, {d.at[:10]}" for d in review.disagreement)
        text += f" (disagreement: {others})"
    return text


def summary_dict(report: Report) -> dict:
    conflicts = [f for f in report.findings if f.kind == "conflict"]
    status = Counter(f.status for f in conflicts)
    # conflicts found but under the confidence cut-off: counted, so that a report never hides them
    # silently (a nightly run counts those among the pairs matched by the runs its report covers)
    # and those with a row that names nothing (`stories.Stories.names_nothing`; only when there are some)
    hidden = {k: report.stats[k] for k in ("below_cutoff", "min_confidence", "unnamed") if k in report.stats}
    return {
        "documents": report.documents,
        "claims": len(report.claims),
        "groups": len(report.groups),
        "stories": len(report.stories),
        "conflicts": len(conflicts),
        "new": status.get("new", 0),
        "reviewed": status.get("reviewed", 0),
        "baselined": status.get("baselined", 0),
        "updates": sum(1 for f in report.findings if f.kind == "update"),
        "problems": len(report.problems),
        "by_rule": dict(sorted(Counter(f.rule for f in conflicts).items())),
        "decisions": {
            **{d: sum(1 for f in conflicts if f.review is not None and f.review.decision == d)
               for d in ("confirmed", "dismissed", "resolved")},
            "disputed": sum(1 for f in conflicts if f.review is not None and f.review.disagreement),
        },
        **hidden,
    }


def summary_line(s: dict, *, nightly: bool = False) -> str:
    """The one-line summary of a `summary_dict`: counts of conflicts, updates, claims, problems.

    ``nightly``: the report of a `consistency run`, which matches only what changed, so running it
    again with a lower cut-off shows nothing held back: its hint names `check` instead."""
    parts = [f"{plural(s['conflicts'], 'conflict')} ({s['new']} new"]
    if s["reviewed"]:
        decided = s.get("decisions", {})
        detail = ", ".join(f"{decided[d]} {d}" for d in ("confirmed", "dismissed", "resolved", "disputed")
                           if decided.get(d))
        parts.append(f", {s['reviewed']} reviewed" + (f": {detail}" if detail else ""))
    if s["baselined"]:
        parts.append(f", {s['baselined']} baselined")
    stories = s.get("stories")
    where = f"{stories} {'story' if stories == 1 else 'stories'} and " if stories else ""
    parts.append(f"), {plural(s['updates'], 'update')} — {plural(s['claims'], 'claim')} from "
                 f"{plural(s['documents'], 'document')} in {where}{plural(s['groups'], 'group')}")
    if s["problems"]:
        parts.append(f"; {plural(s['problems'], 'input problem')}")
    if s.get("unnamed"):
        parts.append(f"; {plural(s['unnamed'], 'conflict')} with a row that names nothing, which may be "
                     "about another thing (docs/ci.md)")
    if s.get("below_cutoff"):
        parts.append(f"; {plural(s['below_cutoff'], 'more conflict')} below confidence {s['min_confidence']:.2f} "
                     f"({'consistency check ' if nightly else ''}--min-confidence 0 shows them)")
    return "".join(parts)


def report_summary_line(report: Report) -> str:
    """`summary_line` of ``report`` (with the hint of a nightly run's report when it is one)."""
    return summary_line(summary_dict(report), nightly="run" in report.stats)


def plural(n: int, noun: str) -> str:
    """``1 conflict``, ``2 conflicts``."""
    return f"{n} {noun}{'' if n == 1 else 's'}"


def report_dict(report: Report) -> dict:
    return {
        "version": REPORT_VERSION,
        "tool": {"name": "consistency", "version": __version__},
        "summary": summary_dict(report),
        "conflicts": [finding_dict(f) for f in report.findings if f.kind == "conflict"],
        "updates": [finding_dict(f) for f in report.findings if f.kind == "update"],
        "corrections": [finding_dict(f) for f in report.findings if f.kind == "correction"],
        "groups": [{"id": g.id, "claims": list(g.claim_ids)} for g in report.groups],
        "stories": [s.to_dict() for s in report.stories],
        "facts": [f.to_dict() for f in report.facts],
        "problems": [p.to_dict() for p in report.problems],
        "folded": [f.to_dict() for f in report.folded],
    }


def footer_lines(report: Report) -> list[str]:
    """What a human report says below its findings about how the input was read: near-duplicate
    documents folded into one, and documents dated by the time they were crawled."""
    lines = []
    if report.folded:
        folds = "; ".join(f"{', '.join(d.row_id or d.key for d in f.folded)} into {f.kept.row_id or f.kept.key}"
                          for f in report.folded)
        n = sum(len(f.folded) for f in report.folded)
        lines.append(f"Folded {plural(n, 'near-duplicate document')} into the copy kept: {folds}")
    crawled = sorted({c.row_id or c.doc_key for c in report.claims if c.date_source == "crawl"})
    if crawled:
        lines.append(f"Dated by crawl time, no publication date in the page: {', '.join(crawled)}")
    return lines


def by_story(report: Report, findings: list[Finding]) -> list[tuple[Story | None, list[Finding]]]:
    """``findings`` cut into runs of one story each, stories in the order of their first finding;
    findings across two stories (``story`` None) come last, under None."""
    stories = {s.id: s for s in report.stories}
    runs: dict[int | None, list[Finding]] = {}
    for f in findings:
        runs.setdefault(f.story if f.story in stories else None, []).append(f)
    ordered = [(stories[k], v) for k, v in runs.items() if k is not None]
    return ordered + ([(None, runs[None])] if None in runs else [])


def by_fact(report: Report, findings: list[Finding]) -> list[Finding | tuple[Fact, list[Finding]]]:
    """``findings`` with the conflicts of each disputed fact gathered into one item (the fact and
    its shown conflicts) at the place of its first one."""
    facts = {f.id: f for f in report.facts}
    out: list = []
    at: dict[int, int] = {}
    for f in findings:
        if f.fact not in facts:
            out.append(f)
        elif f.fact in at:
            out[at[f.fact]][1].append(f)
        else:
            at[f.fact] = len(out)
            out.append((facts[f.fact], [f]))
    return out


def fact_lines(fact: Fact) -> list[tuple[str, str]]:
    """(value, who reported it) per value of ``fact``: ``("5", "Outlet A, Outlet B (3 claims)")``."""
    out = []
    for v in fact.values:
        names = list(dict.fromkeys(c.source or location(c) for c in v.claims))
        who = ", ".join(names) + (f" ({len(v.claims)} claims)" if len(v.claims) > len(names) else "")
        out.append((v.value, who))
    return out


def fact_headline(fact: Fact) -> str:
    """``disputed fact 1: 3 conflicts between 4 claims``: what every human format says of a fact."""
    claims = len({c.id for v in fact.values for c in v.claims})
    return f"disputed fact {fact.id}: {plural(len(fact.findings), 'conflict')} between {claims} claims"


def fact_confidence(shown: list[Finding]) -> float:
    """A fact is as probable as its most probable shown conflict."""
    return max(f.confidence for f in shown)


def story_heading(story: Story | None) -> tuple[str, str]:
    """The heading of a story's findings and a line with its names, dates and size."""
    if story is None:
        return "Across stories", ("claims of two stories that name the same people, places or day at compatible times, "
                                  "or that nothing but their wording tells apart")
    details = []
    if story.entities:
        details.append(", ".join(story.entities))
    if story.first:
        span = story.first.isoformat()
        if story.last and story.last != story.first:
            span += f" to {story.last.isoformat()}"
        details.append(span)
    details.append(plural(len(story.documents), "document"))
    return f"Story {story.id}: {story.title}", " · ".join(details)


def shown_findings(report: Report, options: ReportOptions) -> tuple[list[Finding], list[Finding]]:
    """The conflicts and the updates a human format shows: new ones and those reviewers confirmed
    (until resolved) or disagree about, or all with ``show_all``."""
    shown = [f for f in report.findings if options.show_all or f.status == "new" or needs_attention(f.review)]
    return [f for f in shown if f.kind == "conflict"], [f for f in shown if f.kind == "update"]


def rule_statistics(report: Report) -> list[tuple[str, str, int, int]]:
    """``(code, name, conflicts, new)`` per rule with conflicts, most conflicts first (``--statistics``)."""
    counts: dict[tuple[str, str], list[int]] = {}
    for f in report.findings:
        if f.kind == "conflict":
            count = counts.setdefault((f.rule, f.name), [0, 0])
            count[0] += 1
            count[1] += f.status == "new"
    return sorted(((code, name, total, new) for (code, name), (total, new) in counts.items()),
                  key=lambda row: (-row[2], row[0]))


def earlier_first(f: Finding) -> tuple[tuple[Claim, tuple[Span, ...]], tuple[Claim, tuple[Span, ...]]]:
    """An update's two sides as ``(claim, spans)``, the earlier report first (an undated side last):
    the order every report shows them in."""
    sides = [(f.a, f.spans_a), (f.b, f.spans_b)]
    sides.sort(key=lambda side: (side[0].date is None, side[0].date or 0))
    return sides[0], sides[1]


def segments(text: str, spans: tuple[Span, ...]) -> list[tuple[str, bool]]:
    """``text`` cut into ``(piece, is_evidence)`` runs; overlapping or stray spans are skipped."""
    out: list[tuple[str, bool]] = []
    cursor = 0
    for span in sorted(spans, key=lambda s: (s.start, s.end)):
        if span.start < cursor or span.end > len(text) or span.end <= span.start:
            continue
        if span.start > cursor:
            out.append((text[cursor:span.start], False))
        out.append((text[span.start:span.end], True))
        cursor = span.end
    if cursor < len(text):
        out.append((text[cursor:], False))
    return out


def web_url(url: str | None) -> str | None:
    """``url`` when it is an absolute http(s) URL (the only kind a report turns into a link)."""
    if not url:
        return None
    url = url.strip()
    try:
        parts = urlsplit(url)
    except ValueError:
        return None
    if parts.scheme.lower() not in ("http", "https") or not parts.netloc or any(c.isspace() for c in url):
        return None
    return url


def display_path(path: str) -> str:
    """``path`` with forward slashes, relative to the working folder when it lies inside it.

    CI tools (SARIF upload, annotations) resolve paths against the repository root,
    which is where `consistency check` runs in a workflow.
    """
    pure = PurePath(path)
    if pure.is_absolute():
        try:
            pure = Path(path).resolve().relative_to(Path.cwd().resolve())
        except (ValueError, OSError):
            pass
    return pure.as_posix()


#: Where the docs live when the installed metadata does not say (pyproject [project.urls]).
DEFAULT_DOCS_URL = "https://github.com/consistency-dev/consistency/tree/main/docs"


@functools.cache
def docs_url() -> str:
    """The Documentation URL from the installed package metadata, without a trailing slash."""
    try:
        from importlib.metadata import PackageNotFoundError, metadata

        for entry in metadata(DISTRIBUTION).get_all("Project-URL") or []:
            label, _, url = entry.partition(",")
            if label.strip().lower() == "documentation" and url.strip():
                return url.strip().rstrip("/")
    except (PackageNotFoundError, OSError):
        pass
    return DEFAULT_DOCS_URL


def repository_url() -> str:
    """The repository home, derived from the docs URL (``.../tree/main/docs`` -> ``...``)."""
    url = docs_url()
    return url.split("/tree/", 1)[0] if "/tree/" in url else url


def rule_help_uri(code: str) -> str:
    """The rule's section in docs/rules.md (anchors are the lower-cased codes)."""
    return f"{docs_url()}/rules.md#{code.lower()}"


#: What a terminal would act on instead of showing: C0 controls (ESC starts colour, cursor and
#: OSC sequences: window titles, clipboard writes, hyperlinks), DEL, C1 controls (U+0080-U+009F,
#: among them the 8-bit CSI and OSC), the Unicode Bidi_Control characters (they reorder what is
#: shown, hiding text), line and paragraph separators, and lone surrogates (not text at all).
_CONTROLS = "\x00-\x08\x0b-\x1f\x7f-\x9f\u061c\u200e\u200f\u2028\u2029\u202a-\u202e\u2066-\u2069\ud800-\udfff"
_UNPRINTABLE = re.compile(f"[{_CONTROLS}]")
_UNPRINTABLE_LINE = re.compile(f"[{_CONTROLS}\t\n]")


def printable(text: str, *, multiline: bool = True) -> str:
    """``text`` safe to show in a terminal or a log: every control character (see `_CONTROLS`)
    written as a visible escape (``\\x1b``, ``\\u202e``); tabs and newlines kept when ``multiline``."""
    pattern = _UNPRINTABLE if multiline else _UNPRINTABLE_LINE
    return pattern.sub(_escape, text)


def _escape(match: re.Match) -> str:
    code = ord(match.group())
    return f"\\x{code:02x}" if code < 0x100 else f"\\u{code:04x}"


def indented_json(value) -> str:
    """``json.dumps(value, indent=2, ensure_ascii=False)``, character for character, about twice as
    fast: the standard library's encoder runs in C only without ``indent``, and its pure-Python
    path (a generator per container) was a tenth of a 10,000-claim `check`. Anything but dicts,
    lists, tuples, strings, numbers, booleans and None takes the standard path."""
    out: list[str] = []
    try:
        _indent(value, "", out.append)
    except (_Unsupported, RecursionError):
        return json.dumps(value, indent=2, ensure_ascii=False)
    return "".join(out)


class _Unsupported(Exception):
    pass


_string = json.encoder.encode_basestring  # the C escaper when present, as ensure_ascii=False uses


def _scalar(o) -> str:
    if isinstance(o, str):
        return _string(o)
    if o is None:
        return "null"
    if o is True:
        return "true"
    if o is False:
        return "false"
    if isinstance(o, int):
        return int.__repr__(o)
    if isinstance(o, float):
        if o != o:
            return "NaN"
        if o in (math.inf, -math.inf):
            return "Infinity" if o > 0 else "-Infinity"
        return float.__repr__(o)
    raise _Unsupported


def _indent(o, ind: str, put) -> None:
    if isinstance(o, dict):
        if not o:
            put("{}")
            return
        deeper = ind + "  "
        inner = "\n" + deeper
        sep = "{" + inner
        for k, v in o.items():
            if not isinstance(k, str):
                if isinstance(k, float) or k is None or isinstance(k, bool) or not isinstance(k, int):
                    raise _Unsupported  # json's own key conversions
                k = int.__repr__(k)
            if type(v) is str:  # the commonest values are written here, not by another call
                put(sep + _string(k) + ": " + _string(v))
            elif v is None:
                put(sep + _string(k) + ": null")
            else:
                put(sep + _string(k) + ": ")
                _indent(v, deeper, put)
            sep = "," + inner
        put("\n" + ind + "}")
    elif isinstance(o, (list, tuple)):
        if not o:
            put("[]")
            return
        deeper = ind + "  "
        inner = "\n" + deeper
        sep = "[" + inner
        for v in o:
            if type(v) is str:
                put(sep + _string(v))
            else:
                put(sep)
                _indent(v, deeper, put)
            sep = "," + inner
        put("\n" + ind + "]")
    else:
        put(_scalar(o))


def location(claim: Claim) -> str:
    """``path:line`` for an article sentence, ``path:line (id)`` for a dataset row."""
    where = f"{claim.path}:{claim.line}" if claim.line else claim.path
    return f"{where} ({claim.row_id})" if claim.row_id else where
