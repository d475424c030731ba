"""Where reports go: ``-f FORMAT[:DEST]`` (repeatable) and ``--output FILE``.

Machine output goes to stdout or a file; progress, problems and logs go to
stderr, so ``consistency check -f json | jq`` always works. Files are written
atomically (a temporary file renamed into place).
"""

from __future__ import annotations

import contextlib
import io
import os
import shutil
import stat
import sys
import tempfile
from dataclasses import dataclass
from pathlib import Path

from ..errors import UsageError
from ..records import Report
from ..reporters import FORMATS, ReportOptions, get_renderer

#: The help of ``-f/--format``, naming every registered format.
FORMAT_HELP = ("Report format, optionally with a destination file; repeatable "
               "(-f json -f sarif:out.sarif -f html:report.html): " + ", ".join(FORMATS) + ". [default: text]")


@dataclass(frozen=True, slots=True)
class Destination:
    format: str
    path: str | None  # None: stdout


def parse_destinations(formats: tuple[str, ...], output: str | None) -> list[Destination]:
    """``("json", "sarif:out.sarif")`` + ``--output`` -> destinations; at most one to stdout."""
    specs = list(formats) or ["text"]
    dests: list[Destination] = []
    for spec in specs:
        name, _, path = spec.partition(":")
        name = name.strip().lower()
        if name not in FORMATS:
            raise UsageError(f"unknown format {name!r} in --format {spec}", hint=f"use one of {', '.join(FORMATS)}")
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
    for dest in dests:
        render = get_renderer(dest.format)
        if dest.path is None or dest.path == "-":
            terminal = sys.stdout.isatty()
            use_color = (terminal and not os.environ.get("NO_COLOR")) if color is None else color
            width = shutil.get_terminal_size((100, 24)).columns if terminal else 100
            options = ReportOptions(color=use_color, width=max(width, 60), show_all=show_all)
            render(report, sys.stdout, options)
            sys.stdout.flush()
        else:
            buffer = io.StringIO()
            render(report, buffer, ReportOptions(color=False, width=100, show_all=show_all))
            write_atomic(Path(dest.path), buffer.getvalue())


def write_atomic(path: Path, text: str) -> None:
    """Write ``text`` to ``path`` through a temporary file renamed into place.

    The file gets the mode of the file it replaces, or the usual mode of a new
    file (0666 less the umask), not the 0600 of a temporary file.
    """
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
        raise UsageError(f"cannot write {path}: {exc.strerror or exc}",
                         hint="check the folder exists and is writable") from None
    finally:
        if tmp is not None:
            with contextlib.suppress(OSError):
                os.unlink(tmp)


def _mode_for(path: Path) -> int:
    try:
        return stat.S_IMODE(path.stat().st_mode)
    except OSError:
        umask = os.umask(0o022)
        os.umask(umask)
        return 0o666 & ~umask
