"""Per-user caches kept between runs: what a run computed that the next run would compute again.

Two things are kept, each in an SQLite file of its own (`Store`):

* the vectors of claims, their clauses and the rules' phrases (`consistency.onnx_backend.KeptVectors`),
  in the ONNX export's folder;
* the dependency parses of claim sentences (`consistency.parsing`), in the user cache folder
  (``platformdirs``: ``$XDG_CACHE_HOME/consistency`` on Linux).

A CI job re-checking a dataset that changed by a few rows, or a nightly run, reads most of both
back instead of running the model or the parser again. Both are exact: a text's vector (ONNX
backends) and a sentence's parse do not depend on what else the run holds, and each is stored under a name of
everything it depends on (the export; spaCy's and the pipeline's versions). ``CONSISTENCY_CACHE``
(`ENV`) set to ``off`` turns both off (the tests do); set to a folder, both live there. Any
database error turns a store off for the process: a cache never fails a check.
"""

from __future__ import annotations

import os
from collections.abc import Sequence
from pathlib import Path

#: ``off`` (or ``0``, ``false``, ``no``) turns the caches off; a folder keeps them there instead.
ENV = "CONSISTENCY_CACHE"


def setting() -> tuple[bool, Path | None]:
    """(on, folder): whether the caches are on, and the folder ``CONSISTENCY_CACHE`` names (None: the
    default places)."""
    value = os.environ.get(ENV, "").strip()
    if value.lower() in ("off", "0", "false", "no"):
        return False, None
    return True, (Path(value).expanduser() if value else None)


def user_folder() -> Path:
    """The user cache folder of this tool (``$XDG_CACHE_HOME/consistency`` on Linux)."""
    import platformdirs

    return platformdirs.user_cache_path("consistency", appauthor=False)


class Store:
    """Blobs by (namespace, key) in one SQLite file (WAL, no sync per commit), at most ``limit`` rows:
    when a process opens a fuller file, all but the newest half are deleted."""

    def __init__(self, path: Path, limit: int) -> None:
        self.path = path
        self.limit = limit
        self._db = None
        self._off = False

    def _open(self):
        if self._db is None and not self._off:
            import sqlite3

            try:
                self.path.parent.mkdir(parents=True, exist_ok=True)
                db = sqlite3.connect(str(self.path), timeout=2.0, isolation_level=None)
                db.execute("PRAGMA journal_mode=WAL")
                db.execute("PRAGMA synchronous=NORMAL")
                db.execute("CREATE TABLE IF NOT EXISTS kept (space TEXT NOT NULL, key TEXT NOT NULL, "
                           "value BLOB NOT NULL, PRIMARY KEY (space, key))")
                rows, last = db.execute("SELECT count(*), max(rowid) FROM kept").fetchone()
                if rows > self.limit:
                    db.execute("DELETE FROM kept WHERE rowid <= ?", (last - self.limit // 2,))
                self._db = db
            except (OSError, sqlite3.Error):
                self._off = True
        return self._db

    def get(self, space: str, keys: Sequence[str]) -> dict[str, bytes]:
        import sqlite3

        db = self._open()
        if db is None or not keys:
            return {}
        found: dict[str, bytes] = {}
        try:
            for begin in range(0, len(keys), 500):
                chunk = list(keys[begin:begin + 500])
                marks = ",".join("?" * len(chunk))
                query = f"SELECT key, value FROM kept WHERE space = ? AND key IN ({marks})"
                found.update(db.execute(query, [space, *chunk]))
        except sqlite3.Error:
            self._off, self._db = True, None
            return {}
        return found

    def put(self, space: str, items: dict[str, bytes]) -> None:
        import sqlite3

        db = self._open()
        if db is None or not items:
            return
        try:
            db.executemany("INSERT OR IGNORE INTO kept (space, key, value) VALUES (?, ?, ?)",
                           [(space, k, v) for k, v in items.items()])
        except sqlite3.Error:
            self._off, self._db = True, None
