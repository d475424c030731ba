"""Small helpers the repositories share."""

from __future__ import annotations

from typing import Iterable, Iterator, Sequence, TypeVar

T = TypeVar("T")

#: host parameters per statement, well under SQLite's limit on every version.
CHUNK = 500


def chunks(items: Iterable[T], size: int = CHUNK) -> Iterator[list[T]]:
    batch: list[T] = []
    for item in items:
        batch.append(item)
        if len(batch) == size:
            yield batch
            batch = []
    if batch:
        yield batch


def marks(values: Sequence) -> str:
    """``?, ?, ?`` for an IN list of ``values``."""
    return ", ".join("?" * len(values))
