"""The embeddings cache: (model id, text hash) -> vector, stored as float16.

Implements `consistency.embed.EmbeddingCache`, so an `Embedder` built with
``cache=store.embeddings`` reads and writes the store. Each ``put`` is its own
transaction: vectors are durable as soon as a chunk is computed, and a run that
dies keeps every chunk it finished.

Vectors are written as float16 (half the bytes of float32; the ``dtype`` column says which,
so rows written by older versions as float32 still read) and read back as float32. A run
matches every claim with the vectors as stored, new and old alike, so a pair's similarity
does not depend on which run embedded its claims. Measured over the 6.9M pairs of 3,721 real
claims, rounding to float16 moves a cosine by 8.4e-5 at most (mean 1.2e-5): 3 of the 22,200
pairs at or above 0.5 crossed it, and the conflict benchmarks do not move
(``benchmarks/conflicts.py --float16``; docs/store.md).

`scan` reads the vectors of the stored claims a block at a time, in claim order, so
matching new claims against the store never holds every vector at once.
"""

from __future__ import annotations

from typing import Iterable, Iterator, Sequence

import numpy as np

from .database import Database
from ._sql import chunks, marks
from .hooks import crash_point

#: how vectors are written.
DTYPE = "float16"
#: stored claims per block of `scan` (384-wide float16: 3 MB a block).
SCAN_BLOCK = 4096


def decode(blob: bytes, dtype: str) -> np.ndarray:
    return np.frombuffer(blob, dtype=dtype).astype(np.float32)


def encode(vector: np.ndarray) -> bytes:
    return np.asarray(vector, dtype=DTYPE).tobytes()


def rounded(vectors: np.ndarray) -> np.ndarray:
    """``vectors`` as the store keeps them (through float16), in float32."""
    return np.asarray(vectors, dtype=DTYPE).astype(np.float32)


class Embeddings:
    def __init__(self, db: Database) -> None:
        self.db = db

    def get(self, model_id: str, keys: Sequence[str]) -> dict[str, np.ndarray]:
        out: dict[str, np.ndarray] = {}
        for batch in chunks(dict.fromkeys(keys)):
            for key, blob, dtype in self.db.execute(
                    "SELECT text_hash, vector, dtype FROM embeddings "
                    f"WHERE model_id = ? AND text_hash IN ({marks(batch)})", (model_id, *batch)):
                out[key] = decode(blob, dtype)
        return out

    def put(self, model_id: str, items: dict[str, np.ndarray]) -> None:
        with self.db.transaction():
            self.db.executemany(
                "INSERT INTO embeddings (model_id, text_hash, vector, dtype) VALUES (?, ?, ?, ?) "
                "ON CONFLICT DO NOTHING", ((model_id, key, encode(v), DTYPE) for key, v in items.items()))
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

    def scan(self, model_id: str, *, block: int = SCAN_BLOCK,
             skip_documents: Iterable[str] = ()) -> Iterator[tuple[np.ndarray, list[str], np.ndarray]]:
        """The stored claims with a vector for ``model_id``, a block at a time in claim order:
        (claim numbers, document keys, float32 matrix). Claims of ``skip_documents`` are left out."""
        skip = set(skip_documents)
        after = -1
        while True:
            rows = self.db.execute(
                "SELECT c.n, c.doc_key, e.vector, e.dtype FROM claims c JOIN embeddings e "
                "ON e.model_id = ? AND e.text_hash = c.text_hash WHERE c.n > ? ORDER BY c.n LIMIT ?",
                (model_id, after, block)).rows
            if not rows:
                return
            after = rows[-1][0]
            rows = [r for r in rows if r[1] not in skip]
            if rows:
                yield (np.array([r[0] for r in rows], dtype=np.int64), [r[1] for r in rows],
                       np.stack([decode(r[2], r[3]) for r in rows]))

    def prune(self) -> int:
        """Drop vectors no stored claim or clause uses (any model); returns how many."""
        cur = self.db.execute("DELETE FROM embeddings WHERE text_hash NOT IN (SELECT text_hash FROM claims) "
                              "AND text_hash NOT IN (SELECT text_hash FROM clauses)")
        return cur.rowcount

    def count(self) -> int:
        return int(self.db.execute("SELECT COUNT(*) FROM embeddings").fetchone()[0])
