"""Command-line interface: parses options, calls `consistency.api`, maps errors.

This module imports nothing heavy: the console script imports it before any handler
exists, so the commands (and numpy, the pipeline, click) are imported inside
`run_main`, where Ctrl-C during start-up exits 130 without a traceback.
"""

from __future__ import annotations

import functools
import sys

EXIT_INTERRUPTED = 130


@functools.cache
def _cli():
    from .app import cli
    from .baseline import baseline
    from .check import check
    from .compare import compare
    from .extract import extract
    from .review import review
    from .rules import rules
    from .run import run
    from .serve import serve

    for command in (check, extract, run, review, serve, baseline, rules, compare):
        cli.add_command(command)
    return cli


def main(argv: list[str] | None = None) -> int:
    """Run the CLI with ``argv`` and return the exit code (never raises SystemExit)."""
    return _cli().main(args=argv, standalone_mode=False)


def run_main() -> None:  # console-script entry point
    try:
        code = main()
    except KeyboardInterrupt:  # before the commands' own handler was imported
        sys.stderr.write("interrupted\n")
        code = EXIT_INTERRUPTED
    sys.exit(code)


def __getattr__(name: str):
    if name == "cli":  # the click group, for click's CliRunner
        return _cli()
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


__all__ = ["cli", "main", "run_main"]
