"""The embeddings cache: (model id, text hash) -> float32 vector.

Implements `consistency.embed.EmbeddingCache`, so an `Embedder` built with
``cache=store.embeddings`` reads and writes the store. Each ``put`` is its own
transaction: vectors are durable as soon as a chunk is computed, and a run that
dies keeps every chunk it finished.
"""

from __future__ import annotations

from typing import Iterable, Sequence

import numpy as np

from .database import Database
from ._sql import chunks, marks
from .hooks import crash_point


class Embeddings:
    def __init__(self, db: Database) -> None:
        self.db = db

    def get(self, model_id: str, keys: Sequence[str]) -> dict[str, np.ndarray]:
        out: dict[str, np.ndarray] = {}
        for batch in chunks(dict.fromkeys(keys)):
            for key, blob in self.db.execute(
                    f"SELECT text_hash, vector FROM embeddings WHERE model_id = ? AND text_hash IN ({marks(batch)})",
                    (model_id, *batch)):
                out[key] = np.frombuffer(blob, dtype=np.float32)
        return out

    def put(self, model_id: str, items: dict[str, np.ndarray]) -> None:
        with self.db.transaction():
            self.db.executemany(
                "INSERT INTO embeddings (model_id, text_hash, vector) VALUES (?, ?, ?) ON CONFLICT DO NOTHING",
                ((model_id, key, np.asarray(v, dtype=np.float32).tobytes()) for key, v in items.items()))
            crash_point("embed:tx-vectors")

    def missing(self, model_id: str, keys: Iterable[str]) -> list[str]:
        """The keys with no vector for ``model_id``, in first-seen order."""
        wanted = list(dict.fromkeys(keys))
        have = set()
        for batch in chunks(wanted):
            have.update(r[0] for r in self.db.execute(
                f"SELECT text_hash FROM embeddings WHERE model_id = ? AND text_hash IN ({marks(batch)})",
                (model_id, *batch)))
        return [k for k in wanted if k not in have]

    def of_claims(self, model_id: str) -> dict[int, np.ndarray]:
        """Vectors of every stored claim that has one, by claim number."""
        return {n: np.frombuffer(blob, dtype=np.float32) for n, blob in self.db.execute(
            "SELECT c.n, e.vector FROM claims c JOIN embeddings e "
            "ON e.model_id = ? AND e.text_hash = c.text_hash", (model_id,))}

    def prune(self) -> int:
        """Drop vectors no stored claim uses (any model); returns how many."""
        cur = self.db.execute("DELETE FROM embeddings WHERE text_hash NOT IN (SELECT text_hash FROM claims)")
        return cur.rowcount

    def count(self) -> int:
        return int(self.db.execute("SELECT COUNT(*) FROM embeddings").fetchone()[0])
