"""``consistency review``: list open conflicts in a store and record review decisions.

``consistency review`` walks the open, undecided conflicts one by one (y: confirmed,
n: dismissed, s: skip, q: quit); ``review list`` prints them; ``review set ID DECISION``
records a decision without prompting; ``review log`` prints the decision history.
Every decision is appended to the store's log and committed at once.
"""

from __future__ import annotations

import getpass
import json
import os

import click

from ..records import Finding
from ..reporters.base import location
from ..store import open_store, resolve_store_path
from ..triage import CLOSING, DECISIONS, check_decision
from ..config import load_settings

KEYS = {"y": "confirmed", "n": "dismissed", "s": None, "q": None}


def _store_option(f):
    return click.option("--store", "store", type=click.Path(dir_okay=False), metavar="DB",
                        help="The SQLite store. [default: [tool.consistency] store, CONSISTENCY_STORE, or "
                             "$XDG_DATA_HOME/consistency/store.db]")(f)


def _by_option(f):
    return click.option("--by", metavar="NAME",
                        help="Who decides. [default: $CONSISTENCY_REVIEWER, else the login name]")(f)


def _open(ctx: click.Context, store: str | None):
    chosen = store or (ctx.obj or {}).get("store")
    settings = load_settings()
    path = resolve_store_path(chosen or settings.store)
    return open_store(path, create=False, timeout=settings.lock_timeout)


def _who(by: str | None) -> str:
    if by:
        return by
    if os.environ.get("CONSISTENCY_REVIEWER"):
        return os.environ["CONSISTENCY_REVIEWER"]
    try:
        return getpass.getuser()
    except Exception:  # noqa: BLE001 - no login name (containers)
        return "unknown"


def _pending(store, include_decided: bool = False) -> list[tuple[Finding, object]]:
    latest = store.decisions.latest()
    out = []
    for f in store.findings.open():
        if f.kind != "conflict":
            continue
        decision = latest.get(f.fingerprint)
        if decision is not None and decision.decision in CLOSING and not include_decided:
            continue
        out.append((f, decision))
    return out


def _show(f: Finding, decision=None, *, number: int | None = None) -> None:
    state = f"{decision.decision} by {decision.by} {decision.at}" if decision is not None and \
        decision.decision in CLOSING else "open"
    head = f"[{number}] " if number is not None else ""
    click.echo(f"{head}{f.fingerprint[:12]}  {f.rule} {f.name}  {f.severity} · {state}")
    click.echo(f"    {f.explanation}")
    for claim in (f.a, f.b):
        click.echo(f"    - {claim.text}")
        click.echo(f"      {location(claim)}")
    if decision is not None and decision.note:
        click.echo(f"    note: {decision.note}")


@click.group("review", invoke_without_command=True)
@_store_option
@_by_option
@click.option("--note", default="", help="A note recorded with every decision of this session.")
@click.pass_context
def review(ctx: click.Context, store, by, note) -> int | None:
    """Review open conflicts in a store: y confirmed, n dismissed, s skip, q quit.

    Without a subcommand, walks the open conflicts nobody has decided yet and records each
    answer at once. Decisions are kept by finding id (a fingerprint that survives re-ingesting,
    light edits and reordering), so a decided conflict is not reported as new again.
    """
    ctx.obj = {"store": store}
    if ctx.invoked_subcommand is not None:
        return None
    who = _who(by)
    with _open(ctx, store) as db:
        pending = _pending(db)
        if not pending:
            click.echo("no open conflicts to review")
            return 0
        counts = {"confirmed": 0, "dismissed": 0, "skipped": 0}
        for number, (f, decision) in enumerate(pending, start=1):
            _show(f, decision, number=number)
            try:
                key = click.prompt(f"  [{number}/{len(pending)}] real conflict? y confirm, n dismiss, s skip, q quit",
                                   type=click.Choice(list(KEYS), case_sensitive=False), show_choices=False)
            except click.exceptions.Abort:  # end of input
                click.echo()
                break
            key = key.lower()
            if key == "q":
                break
            if key == "s":
                counts["skipped"] += 1
                continue
            db.decisions.add(f.fingerprint, KEYS[key], by=who, note=note)
            counts[KEYS[key]] += 1
        click.echo(f"{counts['confirmed']} confirmed, {counts['dismissed']} dismissed, {counts['skipped']} skipped; "
                   f"{len(_pending(db))} open conflicts left")
    return 0


@review.command("list")
@_store_option
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
        _show(f, decision, number=number)
    click.echo(f"{len(rows)} conflict{'' if len(rows) == 1 else 's'}")
    return 0


@review.command("set")
@click.argument("finding_id", metavar="ID")
@click.argument("decision", type=click.Choice(DECISIONS, case_sensitive=False))
@click.option("--note", default="", help="Why (kept in the log).")
@_by_option
@_store_option
@click.pass_context
def set_(ctx: click.Context, finding_id, decision, note, by, store) -> int:
    """Record DECISION (confirmed, dismissed, resolved, open) for finding ID.

    ID is a finding id from a report or `review list`, or a unique beginning of one.
    `open` withdraws an earlier decision.
    """
    with _open(ctx, store) as db:
        fingerprint = db.findings.resolve(finding_id)
        entry = db.decisions.add(fingerprint, check_decision(decision), by=_who(by), note=note)
    click.echo(f"{fingerprint[:12]} {entry.decision} by {entry.by} at {entry.at}")
    return 0


@review.command("log")
@click.argument("finding_id", metavar="[ID]", required=False)
@_store_option
@click.pass_context
def log(ctx: click.Context, finding_id, store) -> int:
    """Print the review log (append-only), for one finding or all."""
    with _open(ctx, store) as db:
        fingerprint = db.findings.resolve(finding_id) if finding_id else None
        entries = db.decisions.history(fingerprint)
    for e in entries:
        note = f"  {e.note}" if e.note else ""
        click.echo(f"{e.at}  {e.fingerprint[:12]}  {e.decision:<9}  {e.by}{note}")
    return 0
