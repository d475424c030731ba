"""The one place that talks to a database driver: SQLite (default) or PostgreSQL.

The repositories (`Documents`, `Claims`, `Findings`, ...) write their SQL once,
in the subset both databases understand, with ``?`` placeholders; a `Database`
runs it, fetches the rows at once, and turns every driver error into a
one-line `StoreError` (exit code 2): a damaged page, a locked file, a lost
server connection. What differs between the two lives here and in the
backends' modules (`consistency.store.sqlite`, `consistency.store.postgres`):
the schema, how a run is locked, how a read sees one consistent snapshot.
"""

from __future__ import annotations

import contextlib
from dataclasses import dataclass
from typing import Any, ContextManager, Iterable, Iterator, Sequence

from ..errors import StoreError


@dataclass(frozen=True, slots=True)
class Rows:
    """The rows of one statement, fetched; ``rowcount`` for an UPDATE or DELETE."""

    rows: list
    rowcount: int = -1

    def __iter__(self) -> Iterator:
        return iter(self.rows)

    def fetchone(self):
        return self.rows[0] if self.rows else None

    def fetchall(self) -> list:
        return list(self.rows)


class Database:
    """A DB-API connection with the store's SQL dialect and error mapping.

    ``name`` says where the store is (a path or a URL without its password), for messages.
    Subclasses set ``dialect`` and ``driver_errors`` and implement the hooks below.
    """

    dialect = ""
    #: the driver's base exception classes, mapped to `StoreError`.
    driver_errors: tuple[type[BaseException], ...] = ()
    #: a column that orders a table's rows by insertion (documents have no integer key).
    insertion_order = "rowid"

    def __init__(self, conn: Any, name: str) -> None:
        self.conn = conn
        self.name = name

    # -- statements ---------------------------------------------------------------------------
    def execute(self, sql: str, params: Sequence = ()) -> Rows:
        with self.errors():
            cur = self._cursor(sql, params)
            rows = cur.fetchall() if cur.description is not None else []
            return Rows(rows, cur.rowcount)

    def executemany(self, sql: str, seq: Iterable[Sequence]) -> None:
        with self.errors():
            self._executemany(sql, seq)

    def _cursor(self, sql: str, params: Sequence):
        raise NotImplementedError

    def _executemany(self, sql: str, seq: Iterable[Sequence]) -> None:
        raise NotImplementedError

    # -- transactions -------------------------------------------------------------------------
    @property
    def in_transaction(self) -> bool:
        raise NotImplementedError

    @contextlib.contextmanager
    def transaction(self) -> Iterator["Database"]:
        """One write transaction, committed on exit and rolled back on any exception (Ctrl-C
        included); nested use joins the outer one."""
        if self.in_transaction:
            yield self
            return
        with self.errors(busy_hint=True):
            self._begin()
        try:
            yield self
            with self.errors():
                self._commit()
        except BaseException:
            self._rollback()
            raise

    @contextlib.contextmanager
    def snapshot(self) -> Iterator["Database"]:
        """A read-only transaction: every query inside sees the same committed state (a run that
        commits meanwhile is seen whole or not at all); inside a transaction, that one."""
        if self.in_transaction:
            yield self
            return
        with self.errors():
            self._begin_snapshot()
        try:
            yield self
        finally:
            self._rollback()

    def _begin_snapshot(self) -> None:
        raise NotImplementedError

    def _begin(self) -> None:
        raise NotImplementedError

    def _commit(self) -> None:
        raise NotImplementedError

    def _rollback(self) -> None:
        with contextlib.suppress(*self.driver_errors):
            if self.in_transaction:
                self.conn.rollback()

    # -- errors -------------------------------------------------------------------------------
    @contextlib.contextmanager
    def errors(self, *, busy_hint: bool = False) -> Iterator[None]:
        try:
            yield
        except self.driver_errors as exc:
            raise self.store_error(exc, busy_hint=busy_hint) from None

    def store_error(self, exc: BaseException, *, busy_hint: bool = False) -> StoreError:
        text = " ".join(str(exc).split()) or type(exc).__name__
        if busy_hint or "locked" in text or "busy" in text:
            return StoreError(f"the store {self.name} is busy: {text}",
                              hint="retry when the other process has finished, or wait longer with --lock-timeout")
        return StoreError(f"cannot use the store {self.name}: {text}",
                          hint="check free space, permissions and the connection; nothing was half-written")

    def close(self) -> None:
        with contextlib.suppress(*self.driver_errors):
            self.conn.close()

    # -- per backend ----------------------------------------------------------------------------
    def run_lock(self, timeout: float) -> ContextManager[None]:
        """Held by one run at a time per store, until its report is written and marked."""
        raise NotImplementedError

    def integrity_check(self) -> list[str]:
        raise NotImplementedError
