"""The SQLite store: one file, created atomically, migrated, verified on every open.

A new store is built in a temporary file next to its final path (schema and
all) and hard-linked into place, so no process ever sees a half-created store,
and two processes creating one at once end up sharing the first one linked.
An existing file is used only when it already is a consistency store: an empty
file, another program's database or a file that is not SQLite at all is
refused, never turned into a store. On every open the schema is compared with
the one this version builds: a trigger or view the store did not create (a
crafted file could append review decisions from one) or a changed or missing
table is refused with a one-line error.

Every connection runs with foreign keys on, WAL journaling (readers never block
the writer; a killed writer's transaction rolls back on the next open) and
``synchronous=FULL`` (a committed decision survives a power cut too).
"""

from __future__ import annotations

import contextlib
import functools
import os
import sqlite3
import tempfile
from pathlib import Path
from typing import Iterable, Sequence

from ..errors import StoreError
from .database import Database
from .hooks import crash_point
from .lock import RunLock, read_head
from .migrate import migrate
from .schema import SQLITE

#: the first 16 bytes of every SQLite 3 database file.
MAGIC = b"SQLite format 3\x00"


class SQLiteDatabase(Database):
    dialect = "sqlite"
    driver_errors = (sqlite3.Error,)
    insertion_order = "rowid"

    def __init__(self, conn: sqlite3.Connection, path: Path) -> None:
        super().__init__(conn, str(path))
        self.path = path

    def _cursor(self, sql: str, params: Sequence):
        return self.conn.execute(sql, params)

    def _executemany(self, sql: str, seq: Iterable[Sequence]) -> None:
        self.conn.executemany(sql, seq)

    @property
    def in_transaction(self) -> bool:
        return self.conn.in_transaction

    def _begin(self) -> None:
        self.conn.execute("BEGIN IMMEDIATE")

    def _commit(self) -> None:
        self.conn.execute("COMMIT")

    def _rollback(self) -> None:
        with contextlib.suppress(sqlite3.Error):
            if self.conn.in_transaction:
                self.conn.execute("ROLLBACK")

    def _begin_snapshot(self) -> None:
        self.conn.execute("BEGIN DEFERRED")
        self.conn.execute("SELECT COUNT(*) FROM migrations").fetchone()  # the snapshot starts at a read

    def store_error(self, exc: BaseException, *, busy_hint: bool = False) -> StoreError:
        text = str(exc)
        # exactly DatabaseError: "file is not a database", "database disk image is malformed"
        if type(exc) is sqlite3.DatabaseError or "malformed" in text or "not a database" in text:
            return StoreError(f"the store {self.name} is damaged ({text})",
                              hint="restore it from a backup, or start a new store with --store NEW.db")
        return super().store_error(exc, busy_hint=busy_hint)

    def run_lock(self, timeout: float):
        return RunLock(self.path, timeout=timeout)

    def integrity_check(self) -> list[str]:
        result = [r[0] for r in self.execute("PRAGMA integrity_check")]
        broken = self.execute("PRAGMA foreign_key_check").fetchall()
        return result + [f"foreign key violation: {row}" for row in broken]


def connect(path: Path, *, create: bool, busy_timeout: float) -> SQLiteDatabase:
    """A migrated, verified connection to the store at ``path`` (created when missing and ``create``)."""
    if not path.exists():
        if not create:
            raise StoreError(f"no store at {path}",
                             hint=f"create one with `consistency run --store {path} PATH...`")
        _create(path)
    _refuse_foreign(path)
    try:
        conn = sqlite3.connect(path, timeout=busy_timeout, isolation_level=None)
    except sqlite3.Error as exc:
        raise StoreError(f"cannot open store {path}: {exc}", hint="check the path and its permissions") from None
    db = SQLiteDatabase(conn, path)
    try:
        if not is_store(db):  # before any pragma writes to the file
            raise StoreError(f"{path} is an SQLite database but not a consistency store",
                             hint="pass --store a store file, or a new path to create one")
        with db.errors():
            conn.execute("PRAGMA foreign_keys = ON")
            if conn.execute("PRAGMA journal_mode").fetchone()[0].lower() != "wal":
                conn.execute("PRAGMA journal_mode = WAL")
            conn.execute("PRAGMA synchronous = FULL")
        migrate(db, SQLITE, is_store=is_store)
        verify_schema(db)
    except BaseException:
        db.close()
        raise
    return db


def _refuse_foreign(path: Path) -> None:
    """An existing file must already be a consistency store: never adopt an empty or foreign file."""
    try:
        head = read_head(path, len(MAGIC))  # never through a descriptor closed after: see `read_head`
    except IsADirectoryError:
        raise StoreError(f"{path} is a folder, not a store", hint="pass --store a file path") from None
    except OSError as exc:
        raise StoreError(f"cannot open store {path}: {exc.strerror or exc}",
                         hint="check the path and its permissions") from None
    if head != MAGIC:
        what = "an empty file" if not head else "not an SQLite database"
        raise StoreError(f"{path} is {what}, not a consistency store",
                         hint="pass --store a store file, or a new path to create one")


def is_store(db: Database) -> bool:
    """Whether the file holds our ``migrations`` table (a store, maybe of an older version)."""
    return bool(db.execute("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'migrations'").rows)


def _create(path: Path) -> None:
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".new")
        os.close(fd)
    except OSError as exc:
        raise StoreError(f"cannot create store {path}: {exc.strerror or exc}",
                         hint="check the folder exists and is writable, or pass --store another path") from None
    try:
        conn = sqlite3.connect(tmp, isolation_level=None)
        try:
            conn.execute("PRAGMA journal_mode = WAL")  # recorded in the file header
            migrate(SQLiteDatabase(conn, Path(tmp)), SQLITE, is_store=is_store, new=True)
        finally:
            conn.close()  # the last connection checkpoints and removes the -wal file
        with open(tmp, "rb+") as handle:
            os.fsync(handle.fileno())
        crash_point("store:creating")
        try:
            os.link(tmp, path)
        except FileExistsError:
            pass  # another process created it first: use theirs
        except OSError:  # no hard links here (some network or FAT file systems)
            if not path.exists():
                os.replace(tmp, path)
        _fsync_folder(path.parent)
    finally:
        for leftover in (tmp, tmp + "-wal", tmp + "-shm", tmp + "-journal"):
            with contextlib.suppress(FileNotFoundError):
                os.unlink(leftover)


def _fsync_folder(folder: Path) -> None:
    with contextlib.suppress(OSError, AttributeError):
        fd = os.open(folder, os.O_RDONLY)
        try:
            os.fsync(fd)
        finally:
            os.close(fd)


# -- schema verification ---------------------------------------------------------------------
_OBJECTS = "SELECT type, name, sql FROM sqlite_master WHERE name NOT LIKE 'sqlite_%' AND sql IS NOT NULL"


@functools.cache
def expected_schema() -> frozenset[tuple[str, str, str]]:
    """(type, name, sql) of every object a store of the latest version holds, built in memory by
    the same migrations a store file went through."""
    conn = sqlite3.connect(":memory:", isolation_level=None)
    try:
        migrate(SQLiteDatabase(conn, Path(":memory:")), SQLITE, is_store=is_store, new=True)
        return frozenset(conn.execute(_OBJECTS).fetchall())
    finally:
        conn.close()


def verify_schema(db: Database) -> None:
    """Refuse a store whose triggers, views, tables or indexes are not the ones consistency made."""
    found = set(map(tuple, db.execute(_OBJECTS).rows))
    expected = expected_schema()
    for kind, name, _ in sorted(found - expected):
        if (kind, name) in {(k, n) for k, n, _ in expected}:
            problem = f"its {kind} {name!r} was changed"
        elif kind in ("trigger", "view"):
            problem = f"it holds a {kind} {name!r} that consistency did not create"
        else:
            continue  # an extra table or index of the user's own does no harm
        raise StoreError(f"refusing the store {db.name}: {problem}",
                         hint=f"drop or restore it (`DROP {kind.upper()} {name}`), or start a new store")
    missing = {(k, n) for k, n, _ in expected} - {(k, n) for k, n, _ in found}
    if missing:
        kind, name = sorted(missing)[0]
        raise StoreError(f"the store {db.name} is damaged: its {kind} {name!r} is missing",
                         hint="restore it from a backup, or start a new store with --store NEW.db")
