"""The top-level command group and the one error handler.

``main(argv) -> int`` maps every outcome to an exit code (DESIGN section 3):
0 ok, 1 new conflicts, 2 usage / config / input error (one line, no
traceback), 130 interrupted, 3 internal error (with a crash log). click's own
defaults (1 for ``ClickException`` and ``Abort``) never leak through, also not
under click's ``CliRunner``, because the group's ``main`` routes through here.
"""

from __future__ import annotations

import datetime as dt
import os
import sys
import tempfile
import traceback
from typing import Callable

import click

from .. import __version__
from ..errors import ConsistencyError
from .output import silence_stdout

EXIT_OK, EXIT_CONFLICTS, EXIT_ERROR, EXIT_INTERNAL, EXIT_INTERRUPTED = 0, 1, 2, 3, 130


def handle(call: Callable[[], object]) -> int:
    """Run ``call`` and turn its outcome into an exit code."""
    try:
        result = call()
        return result if isinstance(result, int) else EXIT_OK
    except click.exceptions.Exit as exc:
        return exc.exit_code
    except click.exceptions.Abort:
        click.echo("interrupted", err=True)
        return EXIT_INTERRUPTED
    except KeyboardInterrupt:
        click.echo("interrupted", err=True)
        return EXIT_INTERRUPTED
    except click.ClickException as exc:  # bad option, missing argument, bad parameter
        exc.show()
        return EXIT_ERROR
    except ConsistencyError as exc:
        click.echo(exc.one_line(), err=True)
        return exc.exit_code
    except Exception:  # noqa: BLE001 - the last line of defence
        path = _crash_log()
        click.echo(f"internal error: {sys.exc_info()[1]!r}; this is a bug, please report it with "
                   f"the crash log at {path}", err=True)
        return EXIT_INTERNAL


def _crash_log() -> str:
    stamp = dt.datetime.now().strftime("%Y%m%d-%H%M%S")
    fd, path = tempfile.mkstemp(prefix=f"consistency-crash-{stamp}-", suffix=".log")
    with os.fdopen(fd, "w", encoding="utf-8") as log:
        log.write(f"consistency {__version__}, python {sys.version}\nargv: {sys.argv}\n\n")
        log.write(traceback.format_exc())
    return path


class ConsistencyGroup(click.Group):
    def invoke(self, ctx: click.Context):
        try:
            return super().invoke(ctx)
        except BrokenPipeError:  # stdout's reader went away (`consistency rules | head`): not an error,
            silence_stdout()     # and not click's exit 1; reports handle it themselves (output.deliver)
            return EXIT_OK

    def main(self, args=None, prog_name=None, complete_var=None, standalone_mode=True, **extra):
        code = handle(lambda: super(ConsistencyGroup, self).main(
            args, prog_name or "consistency", complete_var, standalone_mode=False, **extra))
        if standalone_mode:
            sys.exit(code)
        return code


@click.group(cls=ConsistencyGroup, context_settings={"help_option_names": ["-h", "--help"],
                                                      "max_content_width": 100})
@click.version_option(__version__, prog_name="consistency")
def cli() -> None:
    """Find numeric and factual conflicts between claims across articles and claim datasets.

    Claims are embedded, grouped by similarity, and checked by explicit rules for
    numbers, dates, directions and quantifiers. See `consistency COMMAND --help`.
    """
