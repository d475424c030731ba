"""The SQLite store behind `consistency run` and `consistency review`.

One file (default ``~/.local/share/consistency/store.db``; ``--store``,
``[tool.consistency] store`` or ``CONSISTENCY_STORE`` choose another) holding
input files, documents, claims, candidate pairs, the embeddings cache, findings
by fingerprint and the append-only log of review decisions. The schema and its
migrations are in `consistency.store.schema`; docs/store.md describes the
lifecycle and the crash-safety guarantees.

    from consistency.store import open_store
    with open_store("news.db") as store:
        for finding in store.findings.open():
            print(finding.fingerprint, finding.explanation)
"""

from __future__ import annotations

import os
import sqlite3
from pathlib import Path
from typing import ContextManager

from .claims import Claims
from .connection import connect, default_store_path, resolve_store_path, transaction
from .documents import Documents, document_hash
from .embeddings import Embeddings
from .findings import Decisions, Findings
from .lock import RunLock
from .runs import Meta, Runs

#: seconds to wait for another process (a run, or a writer in SQLite) before giving up.
DEFAULT_TIMEOUT = 10.0


class Store:
    """An open store: one connection and the repositories over it."""

    def __init__(self, path: Path, conn: sqlite3.Connection) -> None:
        self.path = path
        self.conn = conn
        self.meta = Meta(conn)
        self.runs = Runs(conn)
        self.documents = Documents(conn)
        self.claims = Claims(conn)
        self.embeddings = Embeddings(conn)
        self.findings = Findings(conn)
        self.decisions = Decisions(conn)

    def transaction(self) -> ContextManager[sqlite3.Connection]:
        return transaction(self.conn)

    def integrity_check(self) -> list[str]:
        """SQLite's ``PRAGMA integrity_check`` plus foreign keys; ``["ok"]`` when sound."""
        result = [r[0] for r in self.conn.execute("PRAGMA integrity_check")]
        broken = self.conn.execute("PRAGMA foreign_key_check").fetchall()
        return result + [f"foreign key violation: {row}" for row in broken]

    def close(self) -> None:
        self.conn.close()

    def __enter__(self) -> "Store":
        return self

    def __exit__(self, *exc) -> None:
        self.close()


def open_store(path: str | os.PathLike | None = None, *, create: bool = True,
               timeout: float = DEFAULT_TIMEOUT) -> Store:
    """Open (and create, migrate) the store at ``path``; the default path when None."""
    resolved = resolve_store_path(path)
    return Store(resolved, connect(resolved, create=create, busy_timeout=timeout))


__all__ = ["DEFAULT_TIMEOUT", "RunLock", "Store", "default_store_path", "document_hash", "open_store",
           "resolve_store_path"]
