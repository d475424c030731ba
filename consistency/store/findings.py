"""Findings by fingerprint, and the append-only log of review decisions."""

from __future__ import annotations

import sqlite3
from dataclasses import dataclass
from typing import Iterable

from ..errors import NotFoundError, UsageError
from ..records import Finding
from ..triage import Decision
from . import codec
from ._sql import chunks, marks
from .connection import now, transaction


@dataclass(frozen=True, slots=True)
class StoredFinding:
    fingerprint: str
    similarity: float
    claim_a: str
    claim_b: str
    first_run: int
    opened_run: int
    closed_run: int | None


class Findings:
    def __init__(self, conn: sqlite3.Connection) -> None:
        self.conn = conn

    def get(self, fingerprints: Iterable[str]) -> dict[str, StoredFinding]:
        out = {}
        for batch in chunks(fingerprints):
            for row in self.conn.execute(
                    "SELECT fingerprint, similarity, claim_a, claim_b, first_run, opened_run, closed_run "
                    f"FROM findings WHERE fingerprint IN ({marks(batch)})", batch):
                out[row[0]] = StoredFinding(*row)
        return out

    def open_touching(self, claim_ids: Iterable[str]) -> set[str]:
        """Open findings with either claim among ``claim_ids``."""
        out: set[str] = set()
        for batch in chunks(claim_ids):
            out.update(r[0] for r in self.conn.execute(
                f"SELECT fingerprint FROM findings WHERE closed_run IS NULL "
                f"AND (claim_a IN ({marks(batch)}) OR claim_b IN ({marks(batch)}))", batch + batch))
        return out

    def open_all(self) -> set[str]:
        return {r[0] for r in self.conn.execute("SELECT fingerprint FROM findings WHERE closed_run IS NULL")}

    def insert(self, f: Finding, run: int) -> None:
        self.conn.execute(
            "INSERT INTO findings (fingerprint, rule, kind, severity, claim_a, claim_b, similarity, data, "
            "first_run, opened_run, last_run) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            (f.fingerprint, f.rule, f.kind, f.severity, f.a.id, f.b.id, f.similarity, codec.dumps(f),
             run, run, run))

    def update(self, f: Finding, run: int, *, reopen: bool) -> None:
        """New evidence for a stored fingerprint; ``reopen`` for one that was closed."""
        self.conn.execute(
            "UPDATE findings SET rule = ?, kind = ?, severity = ?, claim_a = ?, claim_b = ?, similarity = ?, "
            "data = ?, last_run = ?, opened_run = CASE WHEN ? THEN ? ELSE opened_run END, "
            "closed_run = CASE WHEN ? THEN NULL ELSE closed_run END WHERE fingerprint = ?",
            (f.rule, f.kind, f.severity, f.a.id, f.b.id, f.similarity, codec.dumps(f), run,
             reopen, run, reopen, f.fingerprint))

    def seen(self, fingerprints: Iterable[str], run: int) -> None:
        for batch in chunks(fingerprints):
            self.conn.execute(f"UPDATE findings SET last_run = ? WHERE fingerprint IN ({marks(batch)})",
                              (run, *batch))

    def close(self, fingerprints: Iterable[str], run: int) -> None:
        for batch in chunks(fingerprints):
            self.conn.execute(f"UPDATE findings SET closed_run = ? WHERE fingerprint IN ({marks(batch)})",
                              (run, *batch))

    def opened_since(self, run: int) -> list[Finding]:
        """Open findings first seen or reopened after ``run``."""
        return [codec.loads(Finding, data) for (data,) in self.conn.execute(
            "SELECT data FROM findings WHERE closed_run IS NULL AND opened_run > ? ORDER BY fingerprint", (run,))]

    def open(self) -> list[Finding]:
        return [codec.loads(Finding, data) for (data,) in self.conn.execute(
            "SELECT data FROM findings WHERE closed_run IS NULL ORDER BY fingerprint")]

    def count_open(self) -> int:
        return int(self.conn.execute("SELECT COUNT(*) FROM findings WHERE closed_run IS NULL").fetchone()[0])

    def resolve(self, prefix: str) -> str:
        """The fingerprint that ``prefix`` names: whole, or a unique beginning of one."""
        key = prefix.strip().lower()
        if not key or any(c not in "0123456789abcdef" for c in key):
            raise UsageError(f"bad finding id {prefix!r}", hint="pass an id from `consistency review list`")
        rows = [r[0] for r in self.conn.execute(
            "SELECT fingerprint FROM findings WHERE fingerprint >= ? AND fingerprint < ? ORDER BY fingerprint LIMIT 6",
            (key, key + "g"))]
        if not rows:
            raise NotFoundError(f"no finding with id {prefix!r} in the store",
                                hint="run `consistency review list --all` to see the ids")
        if len(rows) > 1:
            shown = ", ".join(r[:12] for r in rows[:5])
            raise UsageError(f"finding id {prefix!r} is ambiguous ({shown}{', ...' if len(rows) > 5 else ''})",
                             hint="give more characters of the id")
        return rows[0]


class Decisions:
    def __init__(self, conn: sqlite3.Connection) -> None:
        self.conn = conn

    def add(self, fingerprint: str, decision: str, *, by: str, note: str = "") -> Decision:
        """Append a decision; it is committed when this returns."""
        entry = Decision(fingerprint, decision, by, now(), note)
        with transaction(self.conn):
            self.conn.execute("INSERT INTO decisions (fingerprint, decision, by, at, note) VALUES (?, ?, ?, ?, ?)",
                              (entry.fingerprint, entry.decision, entry.by, entry.at, entry.note))
        return entry

    def latest(self) -> dict[str, Decision]:
        """The decision in force for each fingerprint: its latest."""
        return {row[0]: Decision(*row) for row in self.conn.execute(
            "SELECT fingerprint, decision, by, at, note FROM decisions WHERE id IN "
            "(SELECT MAX(id) FROM decisions GROUP BY fingerprint)")}

    def history(self, fingerprint: str | None = None) -> list[Decision]:
        where, params = ("WHERE fingerprint = ?", (fingerprint,)) if fingerprint else ("", ())
        return [Decision(*row) for row in self.conn.execute(
            f"SELECT fingerprint, decision, by, at, note FROM decisions {where} ORDER BY id", params)]

    def count(self) -> int:
        return int(self.conn.execute("SELECT COUNT(*) FROM decisions").fetchone()[0])
