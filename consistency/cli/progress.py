"""Progress on stderr, drawn only when stderr is a terminal: one line per stage, a bar when the
stage's total is known and a spinner with the stage's name when it is not (``total == 0``)."""

from __future__ import annotations

import contextlib
import sys
from typing import Iterator

from ..api import Progress


@contextlib.contextmanager
def progress_bar(enabled: bool = True) -> Iterator[Progress | None]:
    if not (enabled and sys.stderr.isatty()):
        yield None
        return
    from rich.console import Console
    from rich.progress import BarColumn, MofNCompleteColumn, Progress as RichProgress, SpinnerColumn, TextColumn

    bars = RichProgress(SpinnerColumn(finished_text=" "), TextColumn("{task.description}"), BarColumn(),
                        MofNCompleteColumn(), console=Console(stderr=True), transient=True)
    tasks: dict[str, int] = {}

    def update(stage: str, done: int, total: int) -> None:
        if stage not in tasks:
            for earlier in tasks.values():  # a new stage: the ones before it are done
                task = next(t for t in bars.tasks if t.id == earlier)
                bars.update(earlier, total=task.total or 1, completed=task.total or 1)
            tasks[stage] = bars.add_task(stage, total=total or None)
            bars.refresh()  # drawn at least once, however short the stage
        bars.update(tasks[stage], completed=done, total=total or None)

    update.stop = bars.stop  # type: ignore[attr-defined]  # clear the bars before a report is printed
    with bars:
        yield update
