"""Findings by fingerprint, and the append-only log of review decisions."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Iterable

from ..errors import NotFoundError, UsageError
from ..records import Decision, Finding, Review
from ..triage import check_reviewer, reviews
from . import codec
from .database import Database
from ._sql import chunks, marks
from .connection import now


@dataclass(frozen=True, slots=True)
class StoredFinding:
    fingerprint: str
    similarity: float
    claim_a: str
    claim_b: str
    first_run: int
    opened_run: int
    closed_run: int | None
    confidence: float | None = None


def confidence(f: Finding) -> float | None:
    """The finding's calibrated confidence, when findings carry one."""
    value = getattr(f, "confidence", None)
    return float(value) if isinstance(value, (int, float)) else None


class Findings:
    def __init__(self, db: Database) -> None:
        self.db = db

    def get(self, fingerprints: Iterable[str]) -> dict[str, StoredFinding]:
        out = {}
        for batch in chunks(fingerprints):
            for row in self.db.execute(
                    "SELECT fingerprint, similarity, claim_a, claim_b, first_run, opened_run, closed_run, confidence "
                    f"FROM findings WHERE fingerprint IN ({marks(batch)})", batch):
                out[row[0]] = StoredFinding(*row)
        return out

    def open_touching(self, claim_ids: Iterable[str]) -> set[str]:
        """Open findings with either claim among ``claim_ids``."""
        out: set[str] = set()
        for batch in chunks(claim_ids):
            out.update(r[0] for r in self.db.execute(
                f"SELECT fingerprint FROM findings WHERE closed_run IS NULL "
                f"AND (claim_a IN ({marks(batch)}) OR claim_b IN ({marks(batch)}))", batch + batch))
        return out

    def open_claim_pairs(self) -> set[tuple[str, str]]:
        """The two claim ids of each open finding."""
        return {(a, b) for a, b in self.db.execute("SELECT claim_a, claim_b FROM findings WHERE closed_run IS NULL")}

    def open_all(self) -> set[str]:
        return {r[0] for r in self.db.execute("SELECT fingerprint FROM findings WHERE closed_run IS NULL")}

    def insert(self, f: Finding, run: int) -> None:
        self.db.execute(
            "INSERT INTO findings (fingerprint, rule, kind, severity, claim_a, claim_b, similarity, confidence, "
            "data, first_run, opened_run, last_run) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            (f.fingerprint, f.rule, f.kind, f.severity, f.a.id, f.b.id, f.similarity, confidence(f), codec.dumps(f),
             run, run, run))

    def update(self, f: Finding, run: int, *, reopen: bool) -> None:
        """New evidence for a stored fingerprint; ``reopen`` for one that was closed."""
        self.db.execute(
            "UPDATE findings SET rule = ?, kind = ?, severity = ?, claim_a = ?, claim_b = ?, similarity = ?, "
            "confidence = ?, data = ?, last_run = ?, opened_run = CASE WHEN ? THEN ? ELSE opened_run END, "
            "closed_run = CASE WHEN ? THEN NULL ELSE closed_run END WHERE fingerprint = ?",
            (f.rule, f.kind, f.severity, f.a.id, f.b.id, f.similarity, confidence(f), codec.dumps(f), run,
             reopen, run, reopen, f.fingerprint))

    def seen(self, fingerprints: Iterable[str], run: int) -> None:
        for batch in chunks(fingerprints):
            self.db.execute(f"UPDATE findings SET last_run = ? WHERE fingerprint IN ({marks(batch)})",
                              (run, *batch))

    def close(self, fingerprints: Iterable[str], run: int) -> None:
        for batch in chunks(fingerprints):
            self.db.execute(f"UPDATE findings SET closed_run = ? WHERE fingerprint IN ({marks(batch)})",
                              (run, *batch))

    def opened_since(self, run: int) -> list[Finding]:
        """Open findings first seen or reopened after ``run``."""
        return [codec.loads(Finding, data) for (data,) in self.db.execute(
            "SELECT data FROM findings WHERE closed_run IS NULL AND opened_run > ? ORDER BY fingerprint", (run,))]

    def open_of(self, fingerprints: Iterable[str]) -> list[Finding]:
        """The open findings among ``fingerprints``."""
        out: list[Finding] = []
        for batch in chunks(sorted(fingerprints)):
            out += [codec.loads(Finding, data) for (data,) in self.db.execute(
                f"SELECT data FROM findings WHERE closed_run IS NULL AND fingerprint IN ({marks(batch)}) "
                "ORDER BY fingerprint", batch)]
        return out

    def open(self) -> list[Finding]:
        return [codec.loads(Finding, data) for (data,) in self.db.execute(
            "SELECT data FROM findings WHERE closed_run IS NULL ORDER BY fingerprint")]

    def count_open(self) -> int:
        return int(self.db.execute("SELECT COUNT(*) FROM findings WHERE closed_run IS NULL").fetchone()[0])

    def resolve(self, prefix: str) -> str:
        """The fingerprint that ``prefix`` names: whole, or a unique beginning of one."""
        key = prefix.strip().lower()
        if not key or any(c not in "0123456789abcdef" for c in key):
            raise UsageError(f"bad finding id {prefix!r}", hint="pass an id from `consistency review list`")
        rows = [r[0] for r in self.db.execute(
            "SELECT fingerprint FROM findings WHERE substr(fingerprint, 1, ?) = ? ORDER BY fingerprint LIMIT 6",
            (len(key), key))]
        if not rows:
            raise NotFoundError(f"no finding with id {prefix!r} in the store",
                                hint="run `consistency review list --all` to see the ids")
        if len(rows) > 1:
            shown = ", ".join(r[:12] for r in rows[:5])
            raise UsageError(f"finding id {prefix!r} is ambiguous ({shown}{', ...' if len(rows) > 5 else ''})",
                             hint="give more characters of the id")
        return rows[0]


class Decisions:
    """The append-only review log: nothing here updates or deletes a row."""

    _COLUMNS = "fingerprint, decision, by, at, note, id"

    def __init__(self, db: Database) -> None:
        self.db = db

    def add(self, fingerprint: str, decision: str, *, by: str, note: str = "") -> Decision:
        """Append a decision; it is committed when this returns. The reviewer name must be one
        printable line (a line break would forge entries in `review log`)."""
        by = check_reviewer(by)
        at = now()
        with self.db.transaction():
            row = self.db.execute(
                "INSERT INTO decisions (fingerprint, decision, by, at, note) VALUES (?, ?, ?, ?, ?) RETURNING id",
                (fingerprint, decision, by, at, note)).fetchone()
        return Decision(fingerprint, decision, by, at, note, int(row[0]))

    def latest(self) -> dict[str, Decision]:
        """The decision in force for each fingerprint: its latest."""
        return {row[0]: Decision(*row) for row in self.db.execute(
            f"SELECT {self._COLUMNS} FROM decisions WHERE id IN "
            "(SELECT MAX(id) FROM decisions GROUP BY fingerprint)")}

    def history(self, fingerprint: str | None = None, *, after: int = 0) -> list[Decision]:
        """The log in the order it was written, for one finding or all; ``after``: only entries
        written after the entry with that id."""
        where, params = ("WHERE fingerprint = ? AND id > ?", (fingerprint, after)) if fingerprint \
            else ("WHERE id > ?", (after,))
        return [Decision(*row) for row in self.db.execute(
            f"SELECT {self._COLUMNS} FROM decisions {where} ORDER BY id", params)]

    def reviews(self) -> dict[str, Review]:
        """Fingerprint -> what reviewers decided (`consistency.triage.reviews`)."""
        return reviews(self.history())

    def count(self) -> int:
        return int(self.db.execute("SELECT COUNT(*) FROM decisions").fetchone()[0])
