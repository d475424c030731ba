"""The store behind `consistency run`, `review` and `serve`.

One SQLite file (default ``~/.local/share/consistency/store.db``; ``--store``,
``[tool.consistency] store`` or ``CONSISTENCY_STORE`` choose another), or a
PostgreSQL database (``--store postgresql://...``) for a desk whose runs and
reviewers are on different machines, holding input files, documents, claims,
candidate pairs, the clauses of long sentences, the story of each document, the groups of similar claims, the embeddings cache (and a neighbour index for
large stores), findings by fingerprint and the
append-only log of review decisions. A `Store` is a set of repositories over
one `Database` connection; the repositories' SQL is the same for both
backends. The schema and its migrations are in `consistency.store.schema`;
docs/store.md describes the lifecycle and the crash-safety guarantees.

    from consistency.store import open_store
    with open_store("news.db") as store:
        for finding in store.findings.open():
            print(finding.fingerprint, finding.explanation)
"""

from __future__ import annotations

import os
from pathlib import Path
from typing import Any, ContextManager

from .claims import Claims
from .clauses import Clauses
from .connection import connect, default_store_path, is_url, resolve_store_path
from .database import Database
from .documents import Documents, document_hash
from .embeddings import Embeddings
from .findings import Decisions, Findings
from .groups import Groups
from .neighbours import Neighbours
from .lock import RunLock
from .runs import Meta, Runs
from .stories import StoryDocuments

#: seconds to wait for another process (a run, or a writer in SQLite) before giving up.
DEFAULT_TIMEOUT = 10.0


class Store:
    """An open store: one database connection and the repositories over it.

    ``path`` is the SQLite file, or the PostgreSQL URL (as given). ``conn`` is the driver's own
    connection, for diagnostics and tests; everything else goes through ``db``.
    """

    def __init__(self, path: Path | str, db: Database) -> None:
        self.path = path
        self.db = db
        self.conn: Any = db.conn
        self.meta = Meta(db)
        self.runs = Runs(db)
        self.documents = Documents(db)
        self.claims = Claims(db)
        self.clauses = Clauses(db)
        self.neighbours = Neighbours(db)
        self.embeddings = Embeddings(db)
        self.findings = Findings(db)
        self.decisions = Decisions(db)
        self.stories = StoryDocuments(db)
        self.groups = Groups(db)

    @property
    def name(self) -> str:
        """Where the store is, for messages (a URL without its password)."""
        return self.db.name

    def transaction(self) -> ContextManager[Database]:
        """One write transaction: all of it is stored, or none (a kill or Ctrl-C rolls it back)."""
        return self.db.transaction()

    def snapshot(self) -> ContextManager[Database]:
        """Reads that see one committed state: a run committing meanwhile is seen whole or not at all."""
        return self.db.snapshot()

    def run_lock(self, timeout: float) -> ContextManager[Any]:
        """Held by one run at a time per store (device and inode of a file; an advisory lock in
        PostgreSQL), from reading its inputs until its report is marked."""
        return self.db.run_lock(timeout)

    def integrity_check(self) -> list[str]:
        """The database's own integrity check plus foreign keys; ``["ok"]`` when sound."""
        return self.db.integrity_check()

    def close(self) -> None:
        self.db.close()

    def __enter__(self) -> "Store":
        return self

    def __exit__(self, *exc) -> None:
        self.close()


def open_store(path: str | os.PathLike | None = None, *, create: bool = True,
               timeout: float = DEFAULT_TIMEOUT) -> Store:
    """Open (and create, migrate, verify) the store at ``path``: a file path, a ``postgresql://``
    URL, or the default path when None."""
    resolved = resolve_store_path(path)
    return Store(resolved, connect(resolved, create=create, busy_timeout=timeout))


__all__ = ["DEFAULT_TIMEOUT", "Database", "RunLock", "Store", "default_store_path", "document_hash", "is_url",
           "open_store", "resolve_store_path"]
