"""The neighbour index of a large store: an inverted file whose lists live in the store's tables.

Above ``exact_up_to`` claims (`consistency.group.EXACT_UP_TO` unless configured; or with ``index = "ann"``), a run does not pass
over every stored vector: each claim belongs to the list of its nearest centroid
(``neighbour_lists``), and a new claim is compared only with the claims of its `NPROBE` nearest
lists (`consistency.group.NPROBE`), read from the store by list. The centroids (``neighbour_index``,
one row per model) are trained with FAISS k-means on a sample (`consistency.group.train_centroids`,
``2 * sqrt(n)`` lists), once, and again when the store has grown fourfold since; only then does a
run read every vector. A new claim pairs with every member of its lists at or above the threshold
(`consistency.group.pairs_from_lists`), with similarities computed exactly from the stored vectors.
"""

from __future__ import annotations

from typing import Iterable, Iterator

import numpy as np

from ..group import list_count, nearest, train_centroids
from .database import Database
from .embeddings import decode
from ._sql import chunks, marks

#: retrain when the store holds this many times the claims the centroids were trained on.
REGROW = 4


class Neighbours:
    def __init__(self, db: Database) -> None:
        self.db = db

    def centroids(self, model_id: str) -> tuple[np.ndarray, int] | None:
        """The model's centroids and how many claims they were trained on, if trained."""
        row = self.db.execute("SELECT dim, trained_on, centroids FROM neighbour_index WHERE model_id = ?",
                              (model_id,)).fetchone()
        if row is None:
            return None
        return np.frombuffer(row[2], dtype=np.float32).reshape(-1, int(row[0])), int(row[1])

    def needs_training(self, model_id: str, claims: int) -> bool:
        found = self.centroids(model_id)
        return found is None or claims > REGROW * found[1]

    def train(self, model_id: str, total: int, scan) -> np.ndarray:
        """Centroids for a store of ``total`` claims, trained on a sample of ``scan()`` (blocks of
        stored claims' numbers, document keys, vectors), and every stored claim put in its list;
        reads the vectors twice, a block at a time."""
        lists = list_count(total)
        step = max(1, total // (64 * lists))
        sample = [block[::step] for _, _, block in scan()]
        if not sample:
            raise ValueError("no stored vectors to train on")
        centroids = train_centroids(np.concatenate(sample), lists=lists)
        self.db.execute("DELETE FROM neighbour_index WHERE model_id = ?", (model_id,))
        self.db.execute("INSERT INTO neighbour_index (model_id, dim, trained_on, centroids) VALUES (?, ?, ?, ?)",
                        (model_id, centroids.shape[1], total, centroids.tobytes()))
        self.db.execute("DELETE FROM neighbour_lists")
        for ns, _, block in scan():
            self.assign(ns, block, centroids)
        return centroids

    def assign(self, numbers: np.ndarray, vectors: np.ndarray, centroids: np.ndarray) -> None:
        """Put claims in the list of their nearest centroid."""
        lists = nearest(vectors, centroids, 1)[:, 0]
        self.db.executemany("INSERT INTO neighbour_lists (n, list) VALUES (?, ?) ON CONFLICT (n) "
                            "DO UPDATE SET list = excluded.list", zip(numbers.tolist(), lists.tolist()))

    def members(self, model_id: str, lists: Iterable[int], *, skip_documents: Iterable[str] = ()
                ) -> Iterator[tuple[np.ndarray, np.ndarray, list[str], np.ndarray]]:
        """(list of each claim, claim numbers, document keys, vectors) of the claims in ``lists``, a
        batch of lists at a time; claims of ``skip_documents`` are left out."""
        return list_members(self.db, "SELECT l.list, c.n, c.doc_key, e.vector, e.dtype "
                            "FROM neighbour_lists l JOIN claims c ON c.n = l.n "
                            "JOIN embeddings e ON e.model_id = ? AND e.text_hash = c.text_hash "
                            "WHERE l.list IN ({}) ORDER BY c.n",
                            model_id, lists, skip_documents)


def list_members(db: Database, select: str, model_id: str, lists: Iterable[int], skip_documents: Iterable[str]
                 ) -> Iterator[tuple[np.ndarray, np.ndarray, list[str], np.ndarray]]:
    """Run ``select`` (columns: list, claim number, document key, vector, dtype; ``{}`` where the
    list numbers go, after the model id's parameter) a batch of 64 lists at a time, leaving out rows
    of ``skip_documents``: the members of inverted-file lists, claims or clauses alike."""
    skip = set(skip_documents)
    for batch in chunks(sorted(set(int(x) for x in lists)), 64):
        rows = db.execute(select.format(marks(batch)), (model_id, *batch)).rows
        rows = [r for r in rows if r[2] not in skip]
        if rows:
            yield (np.array([r[0] for r in rows], dtype=np.int64),
                   np.array([r[1] for r in rows], dtype=np.int64),
                   [r[2] for r in rows], np.stack([decode(r[3], r[4]) for r in rows]))


__all__ = ["Neighbours", "list_members"]
