"""The PostgreSQL store: ``--store postgresql://user@host/db`` for a desk whose nightly runs and
reviewers are on different machines.

The same tables, migrations and repositories as the SQLite store (see
`consistency.store.schema`); what differs lives here. The store's tables are
created in the connection's current schema (``?options=-csearch_path%3Dname`` in
the URL chooses another) of an existing database, which must be empty of other
tables the first time. A run holds a session-level advisory lock, which the
server releases when the run's connection ends, however it ends. Reads that
must agree with each other (a report, a review page) run in one REPEATABLE READ
transaction. The append-only review log is enforced by triggers; on every open
the store refuses triggers, rules and views it did not create.

Needs the ``psycopg`` package: ``pip install 'claim-consistency[postgresql]'``.
"""

from __future__ import annotations

import contextlib
import time
from typing import Iterable, Iterator, Sequence
from urllib.parse import urlsplit, urlunsplit

from ..errors import StoreError, StoreLockedError
from .database import Database
from .migrate import migrate
from .schema import POSTGRESQL, POSTGRESQL_TRIGGERS

POLL_SECONDS = 0.1
#: the advisory lock's key: one per store (the schema it lives in).
_LOCK_KEY = "hashtext('consistency run ' || current_schema())"


def display_url(url: str) -> str:
    """``url`` without its password, for messages."""
    try:
        parts = urlsplit(url)
        if parts.password is None:
            return url
        netloc = parts.netloc.rsplit("@", 1)
        user = (parts.username or "") + ":***"
        return urlunsplit(parts._replace(netloc=f"{user}@{netloc[-1]}"))
    except ValueError:
        return "postgresql://..."


class PostgresDatabase(Database):
    dialect = "postgresql"
    insertion_order = "seq"

    def __init__(self, conn, name: str, errors: tuple[type[BaseException], ...]) -> None:
        super().__init__(conn, name)
        self.driver_errors = errors

    def _cursor(self, sql: str, params: Sequence):
        if params:
            return self.conn.execute(sql.replace("%", "%%").replace("?", "%s"), tuple(params))
        return self.conn.execute(sql)

    def _executemany(self, sql: str, seq: Iterable[Sequence]) -> None:
        with self.conn.cursor() as cur:
            cur.executemany(sql.replace("%", "%%").replace("?", "%s"), [tuple(p) for p in seq])

    @property
    def in_transaction(self) -> bool:
        from psycopg.pq import TransactionStatus

        return self.conn.info.transaction_status != TransactionStatus.IDLE

    def _begin(self) -> None:
        self.conn.execute("BEGIN")

    def _commit(self) -> None:
        self.conn.execute("COMMIT")

    def _rollback(self) -> None:
        with contextlib.suppress(*self.driver_errors):
            if self.in_transaction:
                self.conn.execute("ROLLBACK")

    def _begin_snapshot(self) -> None:
        self.conn.execute("BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY")

    @contextlib.contextmanager
    def run_lock(self, timeout: float) -> Iterator[None]:
        deadline = time.monotonic() + timeout
        while not self.execute(f"SELECT pg_try_advisory_lock({_LOCK_KEY})").fetchone()[0]:
            if time.monotonic() >= deadline:
                raise StoreLockedError(f"store {self.name} is in use by another run ({self._holder()}); "
                                       f"waited {timeout:g}s",
                                       hint="let that run finish, or wait longer with --lock-timeout SECONDS")
            time.sleep(POLL_SECONDS)
        try:
            yield
        finally:
            with contextlib.suppress(StoreError):
                self.execute(f"SELECT pg_advisory_unlock({_LOCK_KEY})")

    def _holder(self) -> str:
        row = self.execute(
            "SELECT a.pid, COALESCE(host(a.client_addr), 'local'), a.backend_start FROM pg_locks l "
            "JOIN pg_stat_activity a ON a.pid = l.pid WHERE l.locktype = 'advisory' AND l.granted "
            f"AND l.objid = ({_LOCK_KEY})::oid LIMIT 1").fetchone()
        return f"server pid {row[0]} from {row[1]}, connected {row[2]:%Y-%m-%d %H:%M:%S}" if row else "pid unknown"

    def integrity_check(self) -> list[str]:
        verify_schema(self)
        return ["ok"]


def connect(url: str, *, create: bool, timeout: float) -> PostgresDatabase:
    name = display_url(url)
    try:
        import psycopg
    except ImportError:
        raise StoreError(f"the store {name} is a PostgreSQL database, and the psycopg package is not installed",
                         hint="pip install 'claim-consistency[postgresql]'") from None
    try:
        conn = psycopg.connect(url, autocommit=True, connect_timeout=max(2, int(timeout) or 2))
    except (psycopg.Error, ValueError) as exc:
        text = " ".join(str(exc).split())
        raise StoreError(f"cannot connect to the store {name}: {text}",
                         hint="check the URL, that the server runs and that it lets you in") from None
    db = PostgresDatabase(conn, name, (psycopg.Error,))
    try:
        db.execute("SET client_min_messages = warning")
        present = is_store(db)
        if not present and not create:
            raise StoreError(f"no store at {name}", hint=f"create one with `consistency run --store {name} PATH...`")
        empty = not db.execute("SELECT 1 FROM pg_tables WHERE schemaname = current_schema()").rows
        migrate(db, POSTGRESQL, is_store=is_store, new=create and empty)
        verify_schema(db)
    except BaseException:
        db.close()
        raise
    return db


def is_store(db: Database) -> bool:
    return bool(db.execute("SELECT 1 FROM pg_tables WHERE schemaname = current_schema() "
                           "AND tablename = 'migrations'").rows)


_TABLES = ("meta", "runs", "files", "documents", "claims", "pairs", "embeddings", "findings", "decisions",
           "story_documents", "neighbour_index", "neighbour_lists", "clauses", "left_pairs")


def verify_schema(db: Database) -> None:
    """Refuse triggers, rules and views the store did not create, and a store missing a table."""
    triggers = {r[0] for r in db.execute(
        "SELECT t.tgname FROM pg_trigger t JOIN pg_class c ON c.oid = t.tgrelid "
        "JOIN pg_namespace n ON n.oid = c.relnamespace WHERE n.nspname = current_schema() AND NOT t.tgisinternal")}
    extra = [("trigger", t) for t in sorted(triggers - POSTGRESQL_TRIGGERS)]
    extra += [("rule", r[0]) for r in db.execute(
        "SELECT rulename FROM pg_rules WHERE schemaname = current_schema()")]
    extra += [("view", r[0]) for r in db.execute(
        "SELECT viewname FROM pg_views WHERE schemaname = current_schema()")]
    if extra:
        kind, name = extra[0]
        raise StoreError(f"refusing the store {db.name}: it holds a {kind} {name!r} that consistency did not create",
                         hint=f"drop it (`DROP {kind.upper()} {name} ...`), or start a new store")
    body = db.execute("SELECT p.prosrc FROM pg_proc p JOIN pg_namespace n ON n.oid = p.pronamespace "
                      "WHERE n.nspname = current_schema() AND p.proname = 'consistency_append_only'").fetchone()
    if body is None or "RAISE EXCEPTION 'decisions are append-only'" not in body[0] or "INSERT" in body[0].upper() \
            or POSTGRESQL_TRIGGERS - triggers:
        raise StoreError(f"refusing the store {db.name}: its append-only guard on the review log was changed",
                         hint="restore the store from a backup, or start a new store")
    tables = {r[0] for r in db.execute("SELECT tablename FROM pg_tables WHERE schemaname = current_schema()")}
    missing = [t for t in _TABLES if t not in tables]
    if missing:
        raise StoreError(f"the store {db.name} is damaged: its table {missing[0]!r} is missing",
                         hint="restore it from a backup, or start a new store")

