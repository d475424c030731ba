"""``consistency review``: list open conflicts in a store and record review decisions.

``consistency review`` walks the open, undecided conflicts one by one, each with its
sources, dates, links, the evidence highlighted and the paragraph around each claim,
answered by single keys: y confirmed, n dismissed, s skip, e note, u undo, q quit
(Ctrl-C stops with exit code 130; what was decided is kept). ``review list`` prints them;
``review set ID DECISION`` records a decision without prompting; ``review log`` prints
the decision history. Every decision is appended to the store's log and committed at once.
"""

from __future__ import annotations

import getpass
import json
import os
import shutil
import sys

import click

from ..context import Side, sides
from ..records import Finding, Review
from ..reporters.base import location, segments
from ..store import open_store, resolve_store_path
from ..triage import CLOSING, DECISIONS, check_decision, check_reviewer
from ..config import load_settings
from .run import store_option

KEYS = {"y": "confirmed", "n": "dismissed"}
HELP = "y confirm · n dismiss · s skip · e note · u undo · q quit"


def _by_option(f):
    return click.option("--by", metavar="NAME",
                        help="Who decides. [default: $CONSISTENCY_REVIEWER, else the login name]")(f)


def _open(ctx: click.Context, store: str | None):
    chosen = store or (ctx.obj or {}).get("store")
    settings = load_settings()
    path = resolve_store_path(chosen or settings.store)
    return open_store(path, create=False, timeout=settings.lock_timeout)


def who(by: str | None) -> str:
    """The reviewer: ``--by``, else $CONSISTENCY_REVIEWER, else the login name (checked: one printable line)."""
    if by is not None:
        return check_reviewer(by)
    if os.environ.get("CONSISTENCY_REVIEWER"):
        return check_reviewer(os.environ["CONSISTENCY_REVIEWER"])
    try:
        return check_reviewer(getpass.getuser())
    except Exception:  # noqa: BLE001 - no login name (containers)
        return "unknown"


def _pending(store, include_decided: bool = False) -> list[tuple[Finding, Review | None]]:
    review_of = store.decisions.reviews()
    out = []
    for f in store.findings.open():
        if f.kind != "conflict":
            continue
        review = review_of.get(f.fingerprint)
        if review is not None and review.decision in CLOSING and not include_decided:
            continue
        out.append((f, review))
    return out


def printable(text: str) -> str:
    """``text`` on one line: control characters (line breaks, escapes) shown as ``\\n``, ``\\x1b``."""
    return "".join(c if c.isprintable() else c.encode("unicode_escape").decode("ascii") for c in text)


def _state(review: Review | None) -> str:
    if review is None or review.decision not in CLOSING:
        return "open"
    text = f"{review.decision} by {printable(review.by)} {review.at}"
    for other in review.disagreement:
        text += f"; disagrees: {other.decision} by {printable(other.by)}"
    return text


def show_finding(f: Finding, review: Review | None = None, *, number: int | None = None, context=None) -> None:
    head = f"[{number}] " if number is not None else ""
    click.echo(f"{head}{f.fingerprint[:12]}  {f.rule} {f.name}  {f.severity} · {_state(review)}")
    click.echo(f"    {printable(f.explanation)}")
    for claim, side in zip((f.a, f.b), context or (None, None)):
        if side is None:
            click.echo(f"    - {printable(claim.text)}")
            click.echo(f"      {printable(location(claim))}")
            continue
        _show_side(side)
    if review is not None and review.note:
        click.echo(f"    note: {printable(review.note)}")


def _show_side(side: Side) -> None:
    color = sys.stdout.isatty() and not os.environ.get("NO_COLOR")
    where = " · ".join(printable(x) for x in (side.source or "unknown source", side.date, side.title) if x)
    click.echo(f"    - {where}")
    click.echo(f"      {printable(side.url or location(side.claim))}")
    text = []
    for piece, evidence in segments(side.claim.text, side.spans):
        piece = printable(piece)
        text.append(click.style(piece, bold=True, fg="yellow") if evidence and color else
                    f"«{piece}»" if evidence else piece)
    claim = "".join(text)
    if side.before or side.after:
        before, after = (printable(" ".join(part.split())) for part in (side.before, side.after))
        claim = f"{before} >>> {claim} <<< {after}".strip()
    width = min(100, shutil.get_terminal_size((100, 24)).columns)
    click.echo(click.wrap_text(claim, width=width, initial_indent="      ", subsequent_indent="      "))


def read_key(prompt: str) -> str:
    """One key: read raw from a terminal; from piped input, the first character of a line.
    Ctrl-C raises KeyboardInterrupt (exit 130); end of input returns "q"."""
    click.echo(prompt, nl=False)
    if sys.stdin.isatty():
        try:
            key = click.getchar()
        except EOFError:
            key = "q"
    else:
        line = sys.stdin.readline()
        key = line.strip()[:1] if line else "q"
    click.echo(key if key.isprintable() else "")
    return key.lower()


@click.group("review", invoke_without_command=True)
@store_option
@_by_option
@click.option("--note", default="", help="A note recorded with every decision of this session.")
@click.pass_context
def review(ctx: click.Context, store, by, note) -> int | None:
    """Review open conflicts in a store: y confirmed, n dismissed, s skip, e note, u undo, q quit.

    Without a subcommand, walks the open conflicts nobody has decided yet, showing each claim
    in its paragraph with its source, date and link, and records each answer at once. Decisions
    are kept by finding id (a fingerprint that survives re-ingesting, light edits and
    reordering), so a decided conflict is not reported as new again. Ctrl-C exits 130.
    """
    ctx.obj = {"store": store}
    if ctx.invoked_subcommand is not None:
        return None
    reviewer = who(by)
    with _open(ctx, store) as db:
        pending = _pending(db)
        if not pending:
            click.echo("no open conflicts to review")
            return 0
        counts = {"confirmed": 0, "dismissed": 0, "skipped": 0}
        done: list[tuple[int, str]] = []  # (position, decision) of this session's answers, for undo
        position, extra_note = 0, ""
        while position < len(pending):
            f, current = pending[position]
            docs = {d.key: d for d in db.documents.load({f.a.doc_key, f.b.doc_key})}
            show_finding(f, current, number=position + 1, context=sides(f, docs))
            key = read_key(f"  [{position + 1}/{len(pending)}] real conflict? {HELP}: ")
            if key == "q":
                break
            if key == "e":
                extra_note = printable(click.prompt("  note", default="", show_default=False))
                continue
            if key == "u":
                if not done:
                    click.echo("  nothing to undo")
                    continue
                position, undone = done.pop()
                if undone == "skipped":
                    counts["skipped"] -= 1
                else:
                    db.decisions.add(pending[position][0].fingerprint, "open", by=reviewer, note="undo")
                    counts[undone] -= 1
                click.echo(f"  undone: {undone}")
                continue
            if key == "s":
                counts["skipped"] += 1
                done.append((position, "skipped"))
            elif key in KEYS:
                text = " ".join(x for x in (note, extra_note) if x)
                db.decisions.add(f.fingerprint, KEYS[key], by=reviewer, note=text)
                counts[KEYS[key]] += 1
                done.append((position, KEYS[key]))
                extra_note = ""
            else:
                click.echo(f"  {HELP}")
                continue
            position += 1
        click.echo(f"{counts['confirmed']} confirmed, {counts['dismissed']} dismissed, {counts['skipped']} skipped; "
                   f"{len(_pending(db))} open conflicts left")
    return 0


@review.command("list")
@store_option
@click.option("--all", "include_all", is_flag=True, help="Also list decided conflicts with their decision.")
@click.option("-f", "--format", "fmt", type=click.Choice(["text", "json"]), default="text", show_default=True)
@click.pass_context
def list_(ctx: click.Context, store, include_all, fmt) -> int:
    """List the open conflicts nobody has decided yet (--all: with the decided ones)."""
    with _open(ctx, store) as db:
        rows = _pending(db, include_decided=include_all)
    if fmt == "json":
        click.echo(json.dumps([{
            "id": f.fingerprint, "rule": f.rule, "severity": f.severity, "explanation": f.explanation,
            "decision": d.to_dict() if d is not None else None,
            "claims": [{"id": c.id, "text": c.text, "path": c.path, "line": c.line} for c in (f.a, f.b)],
        } for f, d in rows], indent=2, ensure_ascii=False))
        return 0
    for number, (f, decision) in enumerate(rows, start=1):
        show_finding(f, decision, number=number)
    click.echo(f"{len(rows)} conflict{'' if len(rows) == 1 else 's'}")
    return 0


@review.command("set")
@click.argument("finding_id", metavar="ID")
@click.argument("decision", type=click.Choice(DECISIONS, case_sensitive=False))
@click.option("--note", default="", help="Why (kept in the log).")
@_by_option
@store_option
@click.pass_context
def set_(ctx: click.Context, finding_id, decision, note, by, store) -> int:
    """Record DECISION (confirmed, dismissed, resolved, open) for finding ID.

    ID is a finding id from a report or `review list`, or a unique beginning of one.
    `open` withdraws an earlier decision.
    """
    with _open(ctx, store) as db:
        fingerprint = db.findings.resolve(finding_id)
        entry = db.decisions.add(fingerprint, check_decision(decision), by=who(by), note=note)
    click.echo(f"{fingerprint[:12]} {entry.decision} by {entry.by} at {entry.at}")
    return 0


@review.command("export")
@click.option("-f", "--format", "fmt", type=click.Choice(["jsonl", "csv", "baseline"]), default="jsonl",
              show_default=True, help="jsonl or csv: the whole review log; baseline: a baseline file of the open "
                                      "findings with their decisions (`check --baseline`).")
@store_option
@click.pass_context
def export_(ctx: click.Context, fmt, store) -> int:
    """Print the review decisions (JSONL or CSV), or a baseline of the store's open findings."""
    from ..store import export

    with _open(ctx, store) as db:
        text = export.store_baseline(db) if fmt == "baseline" else export.EXPORTS[fmt](db.decisions.history())
    click.echo(text, nl=False)
    return 0


@review.command("log")
@click.argument("finding_id", metavar="[ID]", required=False)
@store_option
@click.pass_context
def log(ctx: click.Context, finding_id, store) -> int:
    """Print the review log (append-only), for one finding or all."""
    with _open(ctx, store) as db:
        fingerprint = db.findings.resolve(finding_id) if finding_id else None
        entries = db.decisions.history(fingerprint)
    for e in entries:
        note = f"  {printable(e.note)}" if e.note else ""
        click.echo(f"{e.at}  {e.fingerprint[:12]}  {e.decision:<9}  {printable(e.by)}{note}")
    return 0
