"""Input files and their documents (articles, dataset rows)."""

from __future__ import annotations

import hashlib
from dataclasses import dataclass
from typing import Iterable

from ..records import Document, Problem
from . import codec
from .database import Database
from ._sql import chunks, marks


@dataclass(frozen=True, slots=True)
class StoredFile:
    key: str
    path: str
    content_hash: str
    problems: tuple[Problem, ...]


@dataclass(frozen=True, slots=True)
class StoredDocument:
    key: str
    file_key: str
    row_id: str | None
    path: str
    line: int | None
    content_hash: str
    run: int


def document_hash(doc: Document) -> str:
    """Everything a document's claims depend on, text and metadata, positions included."""
    return hashlib.sha256(codec.dumps(doc).encode("utf-8", "surrogatepass")).hexdigest()


class Documents:
    def __init__(self, db: Database) -> None:
        self.db = db

    # -- files --------------------------------------------------------------------------------
    def files(self) -> dict[str, StoredFile]:
        return {key: StoredFile(key, path, digest, tuple(codec.loads(tuple[Problem, ...], problems)))
                for key, path, digest, problems in
                self.db.execute("SELECT key, path, content_hash, problems FROM files")}

    def upsert_file(self, key: str, path: str, content_hash: str, problems: Iterable[Problem], run: int) -> None:
        # ON CONFLICT ... UPDATE, never REPLACE: a replace deletes the row and cascades to its documents
        self.db.execute(
            "INSERT INTO files (key, path, content_hash, problems, run) VALUES (?, ?, ?, ?, ?) "
            "ON CONFLICT(key) DO UPDATE SET path = excluded.path, content_hash = excluded.content_hash, "
            "problems = excluded.problems, run = excluded.run",
            (key, path, content_hash, codec.dumps(list(problems)), run))

    def delete_files(self, keys: Iterable[str]) -> None:
        for batch in chunks(keys):
            self.db.execute(f"DELETE FROM files WHERE key IN ({marks(batch)})", batch)

    def problems_since(self, run: int) -> list[Problem]:
        """Input problems of the files read after ``run``, in file order."""
        out: list[Problem] = []
        for (problems,) in self.db.execute("SELECT problems FROM files WHERE run > ? ORDER BY key", (run,)):
            out += codec.loads(tuple[Problem, ...], problems)
        return out

    # -- documents ----------------------------------------------------------------------------
    def stored(self) -> list[StoredDocument]:
        return [StoredDocument(*row) for row in self.db.execute(
            "SELECT key, file_key, row_id, path, line, content_hash, run FROM documents "
            f"ORDER BY {self.db.insertion_order}")]

    def load(self, keys: Iterable[str]) -> list[Document]:
        out = []
        for batch in chunks(keys):
            out += [codec.loads(Document, data) for (data,) in self.db.execute(
                f"SELECT data FROM documents WHERE key IN ({marks(batch)}) ORDER BY {self.db.insertion_order}",
                batch)]
        return out

    def insert(self, doc: Document, *, file_key: str, content_hash: str, run: int) -> None:
        self.db.execute(
            "INSERT INTO documents (key, file_key, row_id, path, line, content_hash, data, run, url) "
            "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
            (doc.key, file_key, doc.row_id, doc.path, doc.line, content_hash, codec.dumps(doc), run, doc.url))

    def with_urls(self, urls: Iterable[str]) -> list[tuple[str, str, str]]:
        """(url, document key, file key) of the stored documents at any of ``urls``."""
        out: list[tuple[str, str, str]] = []
        for batch in chunks(urls):
            out += [tuple(row) for row in self.db.execute(  # type: ignore[misc]
                f"SELECT url, key, file_key FROM documents WHERE url IN ({marks(batch)})", batch)]
        return out

    def delete(self, keys: Iterable[str]) -> None:
        """Remove documents with their claims and pairs (foreign keys cascade)."""
        for batch in chunks(keys):
            self.db.execute(f"DELETE FROM documents WHERE key IN ({marks(batch)})", batch)

    def count(self) -> int:
        return int(self.db.execute("SELECT COUNT(*) FROM documents").fetchone()[0])

    def changed_since(self, run: int) -> int:
        return int(self.db.execute("SELECT COUNT(*) FROM documents WHERE run > ?", (run,)).fetchone()[0])

