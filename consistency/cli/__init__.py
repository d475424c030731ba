"""Command-line interface: parses options, calls `consistency.api`, maps errors.

This module imports nothing heavy: the console script imports it before any handler
exists, so the commands (and numpy, the pipeline, click) are imported inside
`run_main`, where Ctrl-C during start-up exits 130 without a traceback.
"""

from __future__ import annotations

import functools
import os
import signal
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


def interruptible_from_the_terminal() -> None:
    """Make Ctrl-C typed at the terminal this command runs in the foreground of stop it.

    A launcher may hand the process SIGINT ignored (a test runner or a script started in the
    background of a shell without job control); Python then never raises KeyboardInterrupt and a
    Ctrl-C at the terminal was silently swallowed. When stdin is a terminal whose foreground
    process group is ours, the Ctrl-C is meant for us: restore Python's handler. A background
    job of a script keeps the ignore (its stdin is not the terminal, or it is not in the
    foreground), as POSIX intends."""
    if signal.getsignal(signal.SIGINT) is not signal.SIG_IGN or not hasattr(os, "tcgetpgrp"):
        return
    try:
        foreground = os.isatty(0) and os.tcgetpgrp(0) == os.getpgrp()
    except OSError:
        return
    if foreground:
        signal.signal(signal.SIGINT, signal.default_int_handler)


def run_main() -> None:  # console-script entry point
    interruptible_from_the_terminal()
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
