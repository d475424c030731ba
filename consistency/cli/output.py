"""Where reports go: ``-f FORMAT[:DEST]`` (repeatable) and ``--output FILE``.

Machine output goes to stdout or a file; progress, problems and logs go to
stderr, so ``consistency check -f json | jq`` always works. Regular files are
written atomically (a temporary file renamed into place); devices and FIFOs
directly; symbolic links are followed.
"""

from __future__ import annotations

import contextlib
import io
import os
import shutil
import stat
import sys
import tempfile
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TextIO

import click

from ..errors import UsageError
from ..records import Problem, Report
from ..reporters import FORMATS, ReportOptions, get_renderer
from ..reporters.base import printable

#: The help of ``-f/--format``, naming every registered format.
FORMAT_HELP = ("Report format, optionally with a destination file; repeatable "
               "(-f json -f sarif:out.sarif -f html:report.html): " + ", ".join(FORMATS) + ". [default: text]")


#: Other names a format is known by elsewhere (``json-lines`` in the JSON Lines spec and in other tools).
FORMAT_ALIASES = {"json-lines": "jsonl", "ndjson": "jsonl"}

#: Input problems printed on stderr; the rest are counted (every one is in the JSON report).
MAX_PROBLEMS_SHOWN = 100


@dataclass(frozen=True, slots=True)
class Destination:
    format: str
    path: str | None  # None: stdout


def output_options(formats: Sequence[str], default: str, help: str | None = None) -> Callable:
    """``-f/--format FORMAT[:FILE]`` (repeatable) and ``-o/--output FILE``: the same for every
    command that prints a report; ``formats`` are the command's format names."""
    def decorate(f: Callable) -> Callable:
        f = click.option("-o", "--output", type=click.Path(dir_okay=False),
                         help="Write the stdout format to FILE instead.")(f)
        return click.option("-f", "--format", "formats", multiple=True, metavar="FORMAT[:FILE]",
                            help=help or (f"Output format, optionally with a destination file; repeatable "
                                          f"(-f {formats[0]}:FILE): {', '.join(formats)}. [default: {default}]"))(f)
    return decorate


def parse_destinations(formats: tuple[str, ...], output: str | None, choices: Sequence[str] = tuple(FORMATS),
                       default: str = "text") -> list[Destination]:
    """``("json", "sarif:out.sarif")`` + ``--output`` -> destinations; at most one to stdout."""
    specs = list(formats) or [default]
    dests: list[Destination] = []
    for spec in specs:
        name, _, path = spec.partition(":")
        name = name.strip().lower()
        name = FORMAT_ALIASES.get(name, name)
        if name not in choices:
            raise UsageError(f"unknown format {name!r} in --format {spec}", hint=f"use one of {', '.join(choices)}")
        dests.append(Destination(name, path or None))
    to_stdout = [d for d in dests if d.path is None]
    if output:
        if not to_stdout:
            raise UsageError("--output has no format to write", hint="give -f FORMAT without a :DEST")
        first = to_stdout.pop(0)
        dests[dests.index(first)] = Destination(first.format, output)
    if len(to_stdout) > 1:
        raise UsageError("only one format can go to stdout",
                         hint="give the others a destination, e.g. -f sarif:out.sarif")
    return dests


def write_reports(report: Report, dests: list[Destination], *, color: bool | None = None,
                  show_all: bool = False) -> None:
    def render(fmt: str, out: TextIO, to_stdout: bool) -> None:
        terminal = to_stdout and sys.stdout.isatty()
        use_color = (terminal and not os.environ.get("NO_COLOR")) if color is None else color and to_stdout
        width = (shutil.get_terminal_size((100, 24)).columns if terminal  # COLUMNS first, then the terminal's
                 else _columns(100) if to_stdout else 100)  # a file: always 100
        get_renderer(fmt)(report, out, ReportOptions(color=use_color, width=max(width, 60), show_all=show_all))

    deliver(dests, render)


def _columns(default: int) -> int:
    """``COLUMNS`` when it is set to a number (a pipe has no width of its own), else ``default``."""
    value = os.environ.get("COLUMNS", "").strip()
    return int(value) if value.isdigit() and int(value) > 0 else default


def deliver(dests: list[Destination], render: Callable[[str, TextIO, bool], None]) -> None:
    """Render each destination's format (``render(format, out, to_stdout)``) and write it.

    To stdout: a reader that goes away (``| head``) ends the stdout output quietly and
    changes nothing else (the other destinations are written, the exit code stays).
    To a file: see `write_file`.
    """
    for dest in dests:
        buffer = io.StringIO()
        if dest.path is None or dest.path == "-":
            render(dest.format, buffer, True)
            try:
                sys.stdout.write(buffer.getvalue())
                sys.stdout.flush()
            except BrokenPipeError:
                silence_stdout()
        else:
            render(dest.format, buffer, False)
            write_file(Path(dest.path), buffer.getvalue())


def silence_stdout() -> None:
    """Point stdout at /dev/null: its reader has gone, and flushing at exit must not fail again."""
    try:
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
    except (OSError, ValueError):
        pass


def report_problems(problems: Sequence[Problem]) -> None:
    """Input problems on stderr, one ``path:line: reason`` line each (control characters shown
    as escapes), at most `MAX_PROBLEMS_SHOWN`, then how many more there are. Always, also with
    ``--quiet``: like ruff's, it drops chatter (progress, run summaries), never what is wrong."""
    for problem in problems[:MAX_PROBLEMS_SHOWN]:
        click.echo(printable(str(problem), multiline=False), err=True)
    if len(problems) > MAX_PROBLEMS_SHOWN:
        click.echo(f"... and {len(problems) - MAX_PROBLEMS_SHOWN:,} more input problems; the JSON report "
                   "lists every one (-f json:FILE)", err=True)


def write_file(path: Path, text: str) -> None:
    """Write ``text`` to ``path``.

    A regular file, or a new one, is written atomically: a temporary file beside it is
    renamed into place, with the mode of the file it replaces (or the usual mode of a
    new file, 0666 less the umask), not the 0600 of a temporary file. A symbolic link is
    followed: its target is written and the link stays. Anything else (``/dev/null``,
    ``/dev/stdout``, a terminal, a FIFO) is written directly, as a shell redirection
    would: renaming over it would replace the device with a regular file.
    """
    try:
        info = os.stat(path)
    except FileNotFoundError:
        info = None
    except OSError as exc:
        raise _cannot_write(path, exc) from None
    if info is not None and stat.S_ISDIR(info.st_mode):
        raise UsageError(f"cannot write {path}: it is a folder", hint="give a file name")
    if info is not None and not stat.S_ISREG(info.st_mode):
        try:
            with open(path, "w", encoding="utf-8", newline="") as handle:
                handle.write(text)
        except OSError as exc:
            raise _cannot_write(path, exc) from None
        return
    _write_atomic(Path(os.path.realpath(path)), text)


def _write_atomic(path: Path, text: str) -> None:
    tmp = None
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".tmp")
        with os.fdopen(fd, "w", encoding="utf-8", newline="") as handle:
            handle.write(text)
        os.chmod(tmp, _mode_for(path))
        os.replace(tmp, path)
        tmp = None
    except OSError as exc:
        raise _cannot_write(path, exc) from None
    finally:
        if tmp is not None:
            with contextlib.suppress(OSError):
                os.unlink(tmp)


def _cannot_write(path: Path, exc: OSError) -> UsageError:
    return UsageError(f"cannot write {path}: {exc.strerror or exc}", hint="check the folder exists and is writable")


def _mode_for(path: Path) -> int:
    try:
        return stat.S_IMODE(path.stat().st_mode)
    except OSError:
        umask = os.umask(0o022)
        os.umask(umask)
        return 0o666 & ~umask
