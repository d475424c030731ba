"""``consistency baseline create|update|audit FILE PATH...``: the findings a team accepts, for CI."""

from __future__ import annotations

from pathlib import Path

import click

from .. import api, baseline as baselines
from ..errors import EmptyInputError
from ..reporters.base import plural
from ..store import open_store, resolve_store_path
from .app import EXIT_ERROR, EXIT_OK
from .options import configured_paths, model_options, rule_options, settings_from
from .output import report_problems, write_file
from .progress import progress_bar


@click.group("baseline")
def baseline() -> None:
    """Write a baseline file: the findings `check --baseline FILE` does not fail on.

    The file is sorted JSON of finding ids (fingerprints that ignore positions) with their
    review decision and note; no timestamps, no line numbers, so it diffs cleanly.
    """


def _common(f):
    f = click.option("-q", "--quiet", is_flag=True,
                     help="No progress or summary on stderr; input problems and errors are still shown.")(f)
    f = click.option("--store", type=click.Path(dir_okay=False), metavar="DB",
                     help="Take decisions and notes from this store's review log.")(f)
    f = rule_options(f)
    f = model_options(f)
    f = click.argument("paths", nargs=-1, required=True, type=click.Path())(f)
    return click.argument("file", type=click.Path(dir_okay=False))(f)


def _write(file, paths, store, quiet, previous, **options) -> int:
    settings = settings_from(paths=paths, **options)
    with progress_bar(not quiet) as progress:
        report = api.check(paths, settings, progress=progress)
    report_problems(report.problems)
    if not report.claims:
        raise EmptyInputError("no claims found in the inputs",
                              hint="give article files (.txt/.md/.html) or claim datasets (.jsonl/.csv)")
    decisions = None
    if store:
        with open_store(resolve_store_path(store), create=False, timeout=settings.lock_timeout) as db:
            decisions = db.decisions.latest()
    update = baselines.build(report.findings, previous, decisions)
    write_file(Path(file), baselines.dumps(update.baseline))
    if not quiet:
        click.echo(f"{file}: {plural(len(update.baseline.entries), 'finding')} ({update.added} added, "
                   f"{update.kept} kept, {update.removed} trimmed)", err=True)
    return EXIT_ERROR if report.problems else EXIT_OK  # written from the good rows, as check reports them


@baseline.command("create")
@_common
def create(file, paths, store, quiet, **options) -> int:
    """Write FILE with every finding in PATHS (overwrites FILE)."""
    return _write(file, paths, store, quiet, None, **options)


@baseline.command("update")
@_common
def update(file, paths, store, quiet, **options) -> int:
    """Rebuild FILE from PATHS, keeping the decisions and notes of its entries.

    Findings not in FILE are added; entries whose finding is gone (its claims were removed, or
    a value changed) are trimmed.
    """
    return _write(file, paths, store, quiet, baselines.load(file), **options)


AUDIT_KEYS = {"y": "confirmed", "n": "dismissed"}
AUDIT_HELP = "y real conflict · n not a conflict · e note · s skip · q quit"


@baseline.command("audit")
@click.argument("file", type=click.Path(dir_okay=False))
@click.argument("paths", nargs=-1, type=click.Path())
@model_options
@rule_options
@click.option("--all", "audit_all", is_flag=True, help="Also go through entries already decided.")
def audit(file, paths, audit_all, **options) -> int:
    """Go through FILE's undecided entries one by one, as detect-secrets' audit does.

    Each entry is shown with both claims from PATHS (none: the paths setting) and its explanation;
    answer y (a real conflict: confirmed), n (not a conflict: dismissed), e (add a note), s (skip)
    or q (quit). Every answer is written to FILE at once, so Ctrl-C (exit 130) keeps what was decided.
    """
    from .review import read_key, show_finding

    settings = settings_from(paths=paths, **options)
    paths = configured_paths(paths, settings)
    current = baselines.load(file)
    with progress_bar(True) as progress:
        report = api.check(paths, settings, progress=progress)
    report_problems(report.problems)
    found = {f.fingerprint: f for f in report.findings}
    todo = [e for e in current.entries if (audit_all or e.decision == "open") and e.id in found]
    gone = sum(1 for e in current.entries if e.id not in found)
    if gone:
        click.echo(f"{file}: {plural(gone, 'entry')} no longer found in the inputs "
                   f"(`consistency baseline update` trims them)", err=True)
    decided = 0
    for number, entry in enumerate(todo, start=1):
        show_finding(found[entry.id], number=number)
        if entry.decision != "open" or entry.note:
            click.echo(f"    baseline: {entry.decision}" + (f" · note: {entry.note}" if entry.note else ""))
        note = ""
        while True:
            key = read_key(f"  [{number}/{len(todo)}] {AUDIT_HELP}: ")
            if key == "e":
                note = click.prompt("  note", default="", show_default=False).strip()
                continue
            break
        if key == "q":
            break
        if key in AUDIT_KEYS:
            current = baselines.decide(current, entry.id, AUDIT_KEYS[key], note)
            write_file(Path(file), baselines.dumps(current))
            decided += 1
    still_open = sum(1 for e in current.entries if e.decision == "open")
    click.echo(f"{file}: {decided} decided, {still_open} still open", err=True)
    return EXIT_ERROR if report.problems else EXIT_OK
