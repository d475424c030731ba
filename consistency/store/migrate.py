"""Applying the schema's migrations, for either backend."""

from __future__ import annotations

import datetime as dt
from typing import Callable

from ..errors import StoreError
from .database import Database
from .schema import Migration


def now() -> str:
    """UTC time, ISO 8601 to the second: how the store writes every timestamp."""
    return dt.datetime.now(dt.timezone.utc).replace(microsecond=0).isoformat()


def migrate(db: Database, migrations: tuple[Migration, ...], *, is_store: Callable[[Database], bool],
            new: bool = False) -> None:
    """Apply pending migrations, all in one transaction with their ``migrations`` rows.

    ``is_store(db)`` tells whether the database holds a consistency store (of any version, by its
    ``migrations`` table); one that does not is refused, never turned into a store, unless it
    is ``new`` (a file or database being created for the store).
    """
    latest = migrations[-1][0]
    if is_store(db) and version(db) == latest:
        return
    with db.transaction():
        if not new and not is_store(db):
            raise StoreError(f"{db.name} is a database but not a consistency store",
                             hint="pass --store a store, or a new path to create one")
        db.execute("CREATE TABLE IF NOT EXISTS migrations ("
                   "version INTEGER PRIMARY KEY, name TEXT NOT NULL, applied_at TEXT NOT NULL)")
        current = version(db)
        if current > latest:
            raise StoreError(f"store {db.name} has schema version {current}, newer than this consistency "
                             f"understands ({latest})", hint="upgrade consistency")
        for number, name, statements in migrations:
            if number <= current:
                continue
            for statement in statements:
                db.execute(statement)
            db.execute("INSERT INTO migrations (version, name, applied_at) VALUES (?, ?, ?)", (number, name, now()))


def version(db: Database) -> int:
    row = db.execute("SELECT MAX(version) FROM migrations").fetchone()
    return int(row[0] or 0)
