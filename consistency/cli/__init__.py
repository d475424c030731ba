"""Command-line interface: parses options, calls `consistency.api`, maps errors."""

from __future__ import annotations

import sys

from .app import cli
from .check import check
from .extract import extract
from .run import run
from .review import review
from .baseline import baseline
from .rules import rules
from .compare import compare
from .serve import serve

for _command in (check, extract, run, review, serve, baseline, rules, compare):
    cli.add_command(_command)


def main(argv: list[str] | None = None) -> int:
    """Run the CLI with ``argv`` and return the exit code (never raises SystemExit)."""
    return cli.main(args=argv, standalone_mode=False)


def run_main() -> None:  # console-script entry point
    sys.exit(main())


__all__ = ["cli", "main", "run_main"]
