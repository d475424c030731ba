"""Runs and the meta table."""

from __future__ import annotations

import json
import os
import socket
from dataclasses import dataclass
from typing import Sequence

from .connection import now
from .database import Database

#: each run's counters, a column each; ``below_cutoff`` (schema 8): the conflicts it found under the
#: confidence cut-off, never stored
COUNTERS = ("files", "files_read", "documents_read", "documents_removed", "claims_added", "claims_removed",
            "embedded", "pairs", "findings_opened", "findings_closed", "below_cutoff")


@dataclass(frozen=True, slots=True)
class RunRow:
    id: int
    started_at: str
    finished_at: str
    pid: int
    paths: tuple[str, ...]
    counters: dict
    reported_at: str | None


class Meta:
    def __init__(self, db: Database) -> None:
        self.db = db

    def get(self, key: str) -> str | None:
        row = self.db.execute("SELECT value FROM meta WHERE key = ?", (key,)).fetchone()
        return row[0] if row else None

    def set(self, key: str, value: str) -> None:
        self.db.execute("INSERT INTO meta (key, value) VALUES (?, ?) "
                          "ON CONFLICT(key) DO UPDATE SET value = excluded.value", (key, value))


class Runs:
    def __init__(self, db: Database) -> None:
        self.db = db

    def insert(self, started_at: str, paths: Sequence[str]) -> int:
        """A run row; call inside the run's final transaction."""
        row = self.db.execute(
            "INSERT INTO runs (started_at, finished_at, pid, host, paths) VALUES (?, ?, ?, ?, ?) RETURNING id",
            (started_at, started_at, os.getpid(), socket.gethostname(), json.dumps(list(paths)))).fetchone()
        return int(row[0])

    def finish(self, run_id: int, counters: dict) -> None:
        names = [c for c in COUNTERS if c in counters]
        assignments = ", ".join(f"{c} = ?" for c in names)
        self.db.execute(f"UPDATE runs SET finished_at = ?, {assignments} WHERE id = ?",
                          (now(), *(int(counters[c]) for c in names), run_id))

    def mark_reported(self, up_to: int) -> None:
        self.db.execute("UPDATE runs SET reported_at = ? WHERE id <= ? AND reported_at IS NULL", (now(), up_to))

    def last_reported(self) -> int:
        """The newest run whose report was written (0: none yet)."""
        row = self.db.execute("SELECT MAX(id) FROM runs WHERE reported_at IS NOT NULL").fetchone()
        return int(row[0] or 0)

    def below_cutoff_after(self, since: int) -> int:
        """The conflicts held back under the cut-off by the runs after run ``since``: those a report
        since that run covers (runs recorded before schema 8 count 0)."""
        row = self.db.execute("SELECT COALESCE(SUM(below_cutoff), 0) FROM runs WHERE id > ?", (since,)).fetchone()
        return int(row[0])

    def get(self, run_id: int) -> RunRow | None:
        rows = self._select("WHERE id = ?", (run_id,))
        return rows[0] if rows else None

    def all(self) -> list[RunRow]:
        return self._select("ORDER BY id", ())

    def _select(self, tail: str, params: tuple) -> list[RunRow]:
        columns = ", ".join(COUNTERS)
        out = []
        for row in self.db.execute(
                f"SELECT id, started_at, finished_at, pid, paths, reported_at, {columns} FROM runs {tail}", params):
            out.append(RunRow(id=row[0], started_at=row[1], finished_at=row[2], pid=row[3],
                              paths=tuple(json.loads(row[4])), reported_at=row[5],
                              counters=dict(zip(COUNTERS, row[6:]))))
        return out
