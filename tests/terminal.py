"""Run the installed console script the way a user does: in a terminal.

`in_terminal` starts ``.venv/bin/consistency`` (the script pip installed next to the
test interpreter) under a pseudo-terminal of a given width with pexpect, so stdout
and stderr are TTYs exactly as in an interactive shell. Tests that go through
click's CliRunner never see a terminal; these do.
"""

from __future__ import annotations

import os
import re
import sys
from dataclasses import dataclass
from pathlib import Path

import pexpect

CONSOLE_SCRIPT = Path(sys.executable).with_name("consistency")
#: CSI sequences (colours, cursor moves) and OSC sequences, as a terminal reads them.
ANSI = re.compile(r"\x1b\[[0-?]*[ -/]*[@-~]|\x1b\][^\x07\x1b]*(?:\x07|\x1b\\)")
#: SGR sequences that set a colour (30-37, 38;..., 40-47, 48;..., 90-97, 100-107).
COLOUR = re.compile(r"\x1b\[(?:[0-9;]*;)?(?:3[0-8]|4[0-8]|9[0-7]|10[0-7])(?:;[0-9;]*)?m")


@dataclass(frozen=True)
class Session:
    exit_code: int
    raw: str  # everything the terminal received, escape sequences included

    @property
    def screen_lines(self) -> list[str]:
        """The lines as shown: escape sequences removed; a line redrawn with CR keeps its last state."""
        text = ANSI.sub("", self.raw)
        return [line.rstrip("\r").rsplit("\r", 1)[-1] for line in text.split("\n")]


def terminal_env(**extra: str) -> dict[str, str]:
    """The environment of an interactive shell, without settings of the developer's machine."""
    env = {k: v for k, v in os.environ.items()
           if not k.startswith("CONSISTENCY_") and k not in ("NO_COLOR", "COLUMNS", "LINES", "FORCE_COLOR")}
    env.update(TERM="xterm-256color", **extra)
    return env


def in_terminal(args: list[str], *, columns: int, cwd: Path, env: dict[str, str] | None = None,
                timeout: float = 600, command: Path = CONSOLE_SCRIPT) -> Session:
    """Run ``command args`` with stdin, stdout and stderr on a ``columns``-wide pseudo-terminal."""
    child = pexpect.spawn(str(command), args, cwd=str(cwd), env=env or terminal_env(),
                          dimensions=(50, columns), encoding="utf-8", codec_errors="replace", timeout=timeout)
    raw = child.read()
    return Session(exit_status(child), raw)


def exit_status(child: pexpect.spawn) -> int:
    """The child's exit code once it has exited (a negative signal number if a signal ended it).

    Waits for the exit itself: the terminal's end of file can come a moment before the exit
    status, and ``close()`` alone then hangs up on a child that is still exiting (on a busy
    machine the moment is longer)."""
    child.wait()
    child.close()
    return child.exitstatus if child.exitstatus is not None else -child.signalstatus
