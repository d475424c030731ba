"""Where a store is, and opening it with its backend: an SQLite file (the default) or a
PostgreSQL database named by a ``postgresql://`` URL."""

from __future__ import annotations

import os
from pathlib import Path

from .database import Database
from .migrate import now

__all__ = ["connect", "default_store_path", "is_url", "now", "resolve_store_path"]

URL_SCHEMES = ("postgresql://", "postgres://")


def default_store_path() -> Path:
    """``store.db`` in the user data folder, as platformdirs finds it: ``$XDG_DATA_HOME/consistency``
    (``~/.local/share/consistency`` without it) on Linux, ``~/Library/Application Support/consistency``
    on macOS, ``%LOCALAPPDATA%\\consistency`` on Windows."""
    import platformdirs

    return platformdirs.user_data_path("consistency", appauthor=False) / "store.db"


def is_url(target: str | os.PathLike | None) -> bool:
    return isinstance(target, str) and target.lower().startswith(URL_SCHEMES)


def resolve_store_path(target: str | os.PathLike | None) -> Path | str:
    """The store ``target`` names: a PostgreSQL URL as given, a path expanded, None the default path."""
    if is_url(target):
        return str(target)
    return Path(target).expanduser() if target else default_store_path()


def connect(target: Path | str, *, create: bool, busy_timeout: float) -> Database:
    """A migrated, verified connection to the store at ``target`` (see `resolve_store_path`)."""
    if isinstance(target, str) and is_url(target):
        from . import postgres

        return postgres.connect(target, create=create, timeout=busy_timeout)
    from . import sqlite

    return sqlite.connect(Path(target), create=create, busy_timeout=busy_timeout)
