"""``consistency baseline create|update FILE PATH...``: the findings a team accepts, for CI."""

from __future__ import annotations

from pathlib import Path

import click

from .. import api, baseline as baselines
from ..errors import EmptyInputError
from ..reporters.base import plural
from ..store import open_store, resolve_store_path
from .app import EXIT_ERROR, EXIT_OK
from .options import model_options, rule_options, settings_from
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
