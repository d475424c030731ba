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
    """``$XDG_DATA_HOME/consistency/store.db`` (``~/.local/share/...`` without it;
    ``%LOCALAPPDATA%\\consistency\\store.db`` on Windows)."""
    if os.name == "nt" and os.environ.get("LOCALAPPDATA"):
        base = Path(os.environ["LOCALAPPDATA"])
    else:
        base = Path(os.environ.get("XDG_DATA_HOME") or Path.home() / ".local" / "share")
    return base / "consistency" / "store.db"


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
