"""``consistency check PATH...``: the conflict report for files and folders."""

from __future__ import annotations

import click

from .. import api
from ..errors import EmptyInputError
from ..records import SEVERITY_ORDER, Report
from ..reporters import FORMATS
from ..reporters.base import rule_statistics
from .app import EXIT_CONFLICTS, EXIT_ERROR, EXIT_OK
from .options import confidence_option, configured_paths, fail_on_option, model_options, rule_options, settings_from
from .output import FORMAT_HELP, output_options, parse_destinations, report_problems, write_reports
from .progress import progress_bar


@click.command()
@click.argument("paths", nargs=-1, type=click.Path())
@output_options(list(FORMATS), "text", FORMAT_HELP)
@model_options
@rule_options
@confidence_option
@fail_on_option
@click.option("--exit-zero", is_flag=True,
              help="Exit 0 even when there are new conflicts (input and usage errors still exit 2).")
@click.option("--show-all", is_flag=True,
              help="Also show reviewed and baselined findings in text and Markdown output.")
@click.option("--color/--no-color", default=None,
              help="Colour the text report. [default: when stdout is a terminal and NO_COLOR is unset]")
@click.option("-q", "--quiet", is_flag=True,
              help="No progress on stderr; input problems and errors are still shown.")
@click.option("--statistics", is_flag=True,
              help="Print conflicts counted by rule instead of the stdout report (-f FORMAT:FILE is still written).")
@click.option("--baseline", "baseline_file", type=click.Path(dir_okay=False), metavar="FILE",
              help="Fail only on findings not in this baseline (`consistency baseline create`).")
@click.option("--store", type=click.Path(dir_okay=False), metavar="DB",
              help="Mark findings decided in this store's review log as reviewed.")
@click.option("--nli-model", metavar="PATH", type=click.Path(),
              help="A local CrossEncoder NLI model judging candidate pairs no rule flagged (NLI001; off by default).")
def check(paths, formats, output, model, backend, device, threshold, config_file, batch_size, select, ignore,
          per_file_ignores, same_document, story_window_days, min_confidence, fail_on, exit_zero, show_all, color,
          quiet, statistics=False, baseline_file=None, store=None, nli_model=None) -> int:
    """Check articles and claim datasets for conflicting claims.

    PATHS are files or folders: .txt/.md/.html articles and .jsonl/.csv claim datasets (none: the
    paths setting under [tool.consistency], so a pre-commit hook checks the whole dataset).
    Exit codes: 0 no new conflicts, 1 new conflicts at or above --fail-on, 2 usage or input
    error (bad rows are reported as path:line: reason; the other rows are still checked).
    """
    settings = settings_from(config_file=config_file, paths=paths, model=model, backend=backend, device=device,
                             threshold=threshold, batch_size=batch_size, select=select, ignore=ignore,
                             per_file_ignores=per_file_ignores,
                             same_document=same_document, story_window_days=story_window_days,
                             min_confidence=min_confidence, fail_on=fail_on)
    paths = configured_paths(paths, settings)
    dests = parse_destinations(formats, output)
    statuses, reviews = known_statuses(baseline_file or settings.baseline, store)
    with progress_bar(not quiet) as progress:
        report = api.check(paths, settings, progress=progress, statuses=statuses, reviews=reviews,
                           nli_model=nli_model)
    report_problems(report.problems)
    if not report.claims:
        raise EmptyInputError("no claims found in the inputs",
                              hint="give article files (.txt/.md/.html) or claim datasets (.jsonl/.csv)")
    if statistics:
        dests = [d for d in dests if d.path is not None]
    write_reports(report, dests, color=color, show_all=show_all)
    if statistics:
        print_statistics(report)
    if report.problems:
        return EXIT_ERROR
    if exit_zero:
        return EXIT_OK
    return exit_code(report, settings.fail_on)


def print_statistics(report: Report) -> None:
    """``--statistics``: one line per rule with conflicts, as ruff prints it: count, code, name."""
    for code, name, total, new in rule_statistics(report):
        click.echo(f"{total:>5}\t{code}\t{name}\t({new} new)")


def known_statuses(baseline_file: str | None, store: str | None) -> tuple[dict | None, dict | None]:
    """Fingerprint -> ``baselined`` / ``reviewed`` from a baseline file and a store's review log,
    and fingerprint -> what reviewers decided (from the store)."""
    from .. import baseline, triage
    from ..store import open_store, resolve_store_path

    if not baseline_file and not store:
        return None, None
    fingerprints = baseline.load(baseline_file).fingerprints() if baseline_file else set()
    reviews = None
    if store:
        with open_store(resolve_store_path(store), create=False) as db:
            reviews = db.decisions.reviews()
    return triage.statuses(decisions=reviews, baselined=fingerprints), reviews


def exit_code(report: Report, fail_on: str) -> int:
    if fail_on == "none":
        return EXIT_OK
    level = SEVERITY_ORDER[fail_on]
    failing = [f for f in report.findings if f.status == "new" and SEVERITY_ORDER[f.severity] >= level]
    return EXIT_CONFLICTS if failing else EXIT_OK
