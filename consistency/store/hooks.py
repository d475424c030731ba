"""Named points in a run (and in `serve` once its address is shown) where tests can kill or pause
it (crash-safety and Ctrl-C tests).

Off unless one of these is set in the environment:

``CONSISTENCY_TEST_TRACE=FILE``
    append the name of each point reached to FILE (one per line).
``CONSISTENCY_TEST_KILL_AT=N`` or ``=NAME``
    SIGKILL the process at the Nth point reached (counting from 1), or at the
    first point called NAME: no cleanup runs, as with ``kill -9``.
``CONSISTENCY_TEST_PAUSE_AT=NAME`` with ``CONSISTENCY_TEST_PAUSE_FILE=FILE``
    at NAME, create ``FILE.ready`` and wait until FILE exists, or until the process that
    started this one (the test) is gone. No clock: a busy machine may take any time between
    the two events.
"""

from __future__ import annotations

import os
import signal
import time
from pathlib import Path

_reached = 0


def restart() -> None:
    """Count the points reached from the start again (``CONSISTENCY_TEST_KILL_AT=N``): for a forked
    process that runs a command of its own."""
    global _reached
    _reached = 0


def crash_point(name: str) -> None:
    global _reached
    env = os.environ
    if not ("CONSISTENCY_TEST_TRACE" in env or "CONSISTENCY_TEST_KILL_AT" in env
            or "CONSISTENCY_TEST_PAUSE_AT" in env):
        return
    _reached += 1
    if env.get("CONSISTENCY_TEST_TRACE"):
        with open(env["CONSISTENCY_TEST_TRACE"], "a", encoding="utf-8") as trace:
            trace.write(name + "\n")
    target = env.get("CONSISTENCY_TEST_KILL_AT", "")
    if target and (target == name or target == str(_reached)):
        os.kill(os.getpid(), getattr(signal, "SIGKILL", signal.SIGTERM))
        time.sleep(10)  # the signal is delivered asynchronously; never run on
    if env.get("CONSISTENCY_TEST_PAUSE_AT") == name and env.get("CONSISTENCY_TEST_PAUSE_FILE"):
        go = Path(env["CONSISTENCY_TEST_PAUSE_FILE"])
        parent = os.getppid()
        Path(str(go) + ".ready").touch()
        while not go.exists() and os.getppid() == parent:
            time.sleep(0.05)
