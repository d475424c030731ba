"""Opening a store: atomic creation, migrations, pragmas, transactions.

A new store is built in a temporary file next to its final path (schema and
all) and hard-linked into place, so no process ever sees a half-created store,
and two processes creating one at once end up sharing the first one linked.
Every connection runs with foreign keys on, WAL journaling (readers never block
the writer; a killed writer's transaction rolls back on the next open) and
``synchronous=FULL`` (a committed decision survives a power cut too).
"""

from __future__ import annotations

import contextlib
import datetime as dt
import os
import sqlite3
import tempfile
from pathlib import Path
from typing import Iterator

from ..errors import StoreError
from .hooks import crash_point
from .schema import LATEST, MIGRATIONS


def now() -> str:
    """UTC time, ISO 8601 to the second: how the store writes every timestamp."""
    return dt.datetime.now(dt.timezone.utc).replace(microsecond=0).isoformat()


def default_store_path() -> Path:
    """``$XDG_DATA_HOME/consistency/store.db`` (``~/.local/share/...`` without it;
    ``%LOCALAPPDATA%\\consistency\\store.db`` on Windows)."""
    if os.name == "nt" and os.environ.get("LOCALAPPDATA"):
        base = Path(os.environ["LOCALAPPDATA"])
    else:
        base = Path(os.environ.get("XDG_DATA_HOME") or Path.home() / ".local" / "share")
    return base / "consistency" / "store.db"


def resolve_store_path(path: str | os.PathLike | None) -> Path:
    return Path(path).expanduser() if path else default_store_path()


def connect(path: Path, *, create: bool, busy_timeout: float) -> sqlite3.Connection:
    """A migrated connection to the store at ``path`` (created when missing and ``create``)."""
    if not path.exists():
        if not create:
            raise StoreError(f"no store at {path}",
                             hint=f"create one with `consistency run --store {path} PATH...`")
        _create(path)
    try:
        conn = sqlite3.connect(path, timeout=busy_timeout, isolation_level=None)
    except sqlite3.Error as exc:
        raise StoreError(f"cannot open store {path}: {exc}", hint="check the path and its permissions") from None
    try:
        conn.execute("PRAGMA foreign_keys = ON")
        if conn.execute("PRAGMA journal_mode").fetchone()[0].lower() != "wal":
            conn.execute("PRAGMA journal_mode = WAL")
        conn.execute("PRAGMA synchronous = FULL")
        migrate(conn, path)
    except sqlite3.DatabaseError as exc:
        conn.close()
        raise StoreError(f"{path} is not a consistency store ({exc})",
                         hint="pass --store a store file, or a new path to create one") from None
    except BaseException:
        conn.close()
        raise
    return conn


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
            migrate(conn, Path(tmp))
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


def migrate(conn: sqlite3.Connection, path: Path) -> None:
    """Apply pending migrations, each in one transaction with its ``migrations`` row."""
    if _version(conn) == LATEST:
        return
    with transaction(conn):
        conn.execute("CREATE TABLE IF NOT EXISTS migrations ("
                     "version INTEGER PRIMARY KEY, name TEXT NOT NULL, applied_at TEXT NOT NULL)")
        current = _version(conn)
        if current == 0 and _has_foreign_tables(conn):
            raise StoreError(f"{path} is an SQLite database but not a consistency store",
                             hint="pass --store a store file, or a new path to create one")
        if current > LATEST:
            raise StoreError(f"store {path} has schema version {current}, newer than this consistency "
                             f"understands ({LATEST})", hint="upgrade consistency")
        for version, name, statements in MIGRATIONS:
            if version <= current:
                continue
            for statement in statements:
                conn.execute(statement)
            conn.execute("INSERT INTO migrations (version, name, applied_at) VALUES (?, ?, ?)",
                         (version, name, now()))


def _version(conn: sqlite3.Connection) -> int:
    try:
        row = conn.execute("SELECT MAX(version) FROM migrations").fetchone()
    except sqlite3.OperationalError:  # no migrations table yet
        return 0
    return int(row[0] or 0)


def _has_foreign_tables(conn: sqlite3.Connection) -> bool:
    names = {r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}
    return bool(names - {"migrations", "sqlite_sequence"})


@contextlib.contextmanager
def transaction(conn: sqlite3.Connection) -> Iterator[sqlite3.Connection]:
    """``BEGIN IMMEDIATE`` ... ``COMMIT``; rolled back on any exception, Ctrl-C included.

    Nested use joins the outer transaction.
    """
    if conn.in_transaction:
        yield conn
        return
    try:
        conn.execute("BEGIN IMMEDIATE")
    except sqlite3.OperationalError as exc:
        raise StoreError(f"the store is busy: {exc}", hint="retry when the other process has finished") from None
    try:
        yield conn
        conn.execute("COMMIT")
    except BaseException as exc:
        if conn.in_transaction:
            conn.execute("ROLLBACK")
        if isinstance(exc, sqlite3.OperationalError):  # disk full, read-only file, I/O error
            raise StoreError(f"cannot write the store: {exc}",
                             hint="check free space and permissions; nothing was half-written") from None
        raise
