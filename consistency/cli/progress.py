"""Progress on stderr, drawn only when stderr is a terminal."""

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
    from rich.progress import BarColumn, MofNCompleteColumn, Progress as RichProgress, TextColumn

    bars = RichProgress(TextColumn("{task.description}"), BarColumn(), MofNCompleteColumn(),
                        console=Console(stderr=True), transient=True)
    tasks: dict[str, int] = {}

    def update(stage: str, done: int, total: int) -> None:
        if stage not in tasks:
            tasks[stage] = bars.add_task(stage, total=total)
        bars.update(tasks[stage], completed=done, total=total)

    update.stop = bars.stop  # type: ignore[attr-defined]  # clear the bars before a report is printed
    with bars:
        yield update
