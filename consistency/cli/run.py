"""``consistency run --store DB PATH...``: an incremental run into a store (nightly jobs)."""

from __future__ import annotations

import click

from .. import incremental
from ..reporters import FORMATS
from ..store.postgres import display_url
from .app import EXIT_ERROR, EXIT_OK
from .check import exit_code
from .options import confidence_option, configured_paths, fail_on_option, model_options, rule_options, settings_from
from .output import FORMAT_HELP, output_options, parse_destinations, report_problems, write_reports
from .progress import progress_bar


def store_options(f):
    f = click.option("--lock-timeout", type=click.FloatRange(min=0), metavar="SECONDS",
                     help="How long to wait for another run on the same store before exiting 2. [default: 10]")(f)
    return store_option(f)


def store_option(f):
    return click.option("--store", "store", metavar="DB",
                        help="The store: an SQLite file, or a postgresql:// URL. [default: [tool.consistency] "
                             "store, CONSISTENCY_STORE, or $XDG_DATA_HOME/consistency/store.db]")(f)


def store_name(where) -> str:
    """A store's path, or its URL without the password, for messages."""
    return display_url(where) if isinstance(where, str) else str(where)


@click.command("run")
@click.argument("paths", nargs=-1, type=click.Path())
@store_options
@output_options(list(FORMATS), "text", FORMAT_HELP)
@model_options
@rule_options
@confidence_option
@fail_on_option
@click.option("--exit-zero", is_flag=True, help="Exit 0 even when there are new conflicts.")
@click.option("--show-all", is_flag=True,
              help="Also show findings opened since the last run that were already reviewed.")
@click.option("--color/--no-color", default=None,
              help="Colour the text report. [default: when stdout is a terminal and NO_COLOR is unset]")
@click.option("-q", "--quiet", is_flag=True,
              help="No progress or run summary on stderr; input problems and errors are still shown.")
def run(paths, store, lock_timeout, formats, output, model, backend, device, threshold, config_file, batch_size,
        select, ignore, per_file_ignores, same_document, story_window_days, min_confidence, fail_on, exit_zero,
        show_all, color, quiet) -> int:
    """Add new and changed articles to a store and report conflicts new since the last run.

    Only files that are new or changed since the last run are read, only texts the store has no
    vector for are embedded, and new claims are matched against every stored claim. Findings you
    reviewed (`consistency review`) stay reviewed. Exit codes: 0 nothing new, 1 new conflicts,
    2 usage, input or store error (also when another run holds the store past --lock-timeout).
    """
    settings = settings_from(config_file=config_file, paths=paths, store=store, lock_timeout=lock_timeout,
                             model=model, backend=backend, device=device, threshold=threshold,
                             batch_size=batch_size, select=select, ignore=ignore, per_file_ignores=per_file_ignores,
                             same_document=same_document,
                             story_window_days=story_window_days, min_confidence=min_confidence, fail_on=fail_on)
    paths = configured_paths(paths, settings)
    dests = parse_destinations(formats, output)

    def deliver(result: incremental.RunResult) -> None:  # while the run holds the store
        getattr(progress, "stop", lambda: None)()
        report_problems(result.report.problems)
        write_reports(result.report, dests, color=color, show_all=show_all)
        if not quiet:
            c = result.counters
            click.echo(f"run {result.run_id} ({store_name(result.store_path)}): {c['files_read']} of {c['files']} "
                       f"files read, {c['claims_added']} claims added, {c['claims_removed']} removed, "
                       f"{c['embedded']} embedded, {c['findings_opened']} findings opened, "
                       f"{c['findings_closed']} closed"
                       + (f", {c['suppressed']} suppressed" if c["suppressed"] else "")
                       + f"; report covers runs after {result.since_run}", err=True)

    with progress_bar(not quiet) as progress:
        result = incremental.run(paths, settings, progress=progress, deliver=deliver)
    report = result.report
    if report.problems:
        return EXIT_ERROR
    if exit_zero:
        return EXIT_OK
    return exit_code(report, settings.fail_on)
