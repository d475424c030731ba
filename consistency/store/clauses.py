"""The clauses of stored claims: the facts of long sentences, matched as units of their own.

`consistency.clauses` splits a long sentence of several facts into clauses; `check` embeds them
and a claim pair's similarity is its best pair of units (`consistency.group.claim_pairs`). A run
stores each claim's clauses (``clauses``: the claim's number, the clause's place in it, its text
hash; the vector is in the embeddings cache under that hash), so a claim of a later run meets the
clause of a sentence stored long before. In a store with a neighbour index, each clause is in the
list of its nearest centroid (``list``), as the claims are in ``neighbour_lists``.
"""

from __future__ import annotations

from typing import Iterable, Iterator, Sequence

import numpy as np

from .database import Database
from .embeddings import SCAN_BLOCK, decode
from ._sql import chunks, marks
from .neighbours import list_members


class Clauses:
    def __init__(self, db: Database) -> None:
        self.db = db

    def insert(self, claim: int, text_hashes: Sequence[str]) -> None:
        """Store the clauses (their text hashes, in order) of the claim numbered ``claim``."""
        self.db.executemany("INSERT INTO clauses (claim, k, text_hash) VALUES (?, ?, ?)",
                            ((claim, k, h) for k, h in enumerate(text_hashes)))

    def clear(self, claims: Iterable[int]) -> None:
        """Forget the clauses of these claims (their sentences are split again)."""
        for batch in chunks(claims):
            self.db.execute(f"DELETE FROM clauses WHERE claim IN ({marks(batch)})", batch)

    def count(self) -> int:
        return int(self.db.execute("SELECT COUNT(*) FROM clauses").fetchone()[0])

    def scan(self, model_id: str, *, block: int = SCAN_BLOCK, skip_documents: Iterable[str] = ()
             ) -> Iterator[tuple[np.ndarray, list[str], np.ndarray]]:
        """The stored clauses with a vector for ``model_id``, a block at a time in claim order:
        (the number of each clause's claim, its document key, float32 matrix), as
        `consistency.store.embeddings.Embeddings.scan` gives the claims. Clauses of
        ``skip_documents`` are left out."""
        skip = set(skip_documents)
        after = (-1, -1)
        while True:
            rows = self.db.execute(
                "SELECT l.claim, l.k, c.doc_key, e.vector, e.dtype FROM clauses l JOIN claims c ON c.n = l.claim "
                "JOIN embeddings e ON e.model_id = ? AND e.text_hash = l.text_hash "
                "WHERE l.claim > ? OR (l.claim = ? AND l.k > ?) ORDER BY l.claim, l.k LIMIT ?",
                (model_id, after[0], after[0], after[1], block)).rows
            if not rows:
                return
            after = (rows[-1][0], rows[-1][1])
            rows = [r for r in rows if r[2] not in skip]
            if rows:
                yield (np.array([r[0] for r in rows], dtype=np.int64), [r[2] for r in rows],
                       np.stack([decode(r[3], r[4]) for r in rows]))

    def assign(self, model_id: str, centroids: np.ndarray, claims: Iterable[int] | None = None) -> None:
        """Put the clauses (of ``claims``; every stored clause when None) in the list of their
        nearest centroid of the neighbour index."""
        from ..group import nearest

        selections = [("", [])] if claims is None else [(f"WHERE l.claim IN ({marks(b)})", b) for b in chunks(claims)]
        for where, batch in selections:
            rows = self.db.execute(
                "SELECT l.claim, l.k, e.vector, e.dtype FROM clauses l "
                f"JOIN embeddings e ON e.model_id = ? AND e.text_hash = l.text_hash {where}",
                (model_id, *batch)).rows
            if rows:
                lists = nearest(np.stack([decode(r[2], r[3]) for r in rows]), centroids, 1)[:, 0]
                self.db.executemany("UPDATE clauses SET list = ? WHERE claim = ? AND k = ?",
                                    ((lst, r[0], r[1]) for lst, r in zip(lists.tolist(), rows)))

    def members(self, model_id: str, lists: Iterable[int], *, skip_documents: Iterable[str] = ()
                ) -> Iterator[tuple[np.ndarray, np.ndarray, list[str], np.ndarray]]:
        """(list of each clause, the number of its claim, document keys, vectors) of the clauses in
        ``lists``, a batch of lists at a time, as `consistency.store.neighbours.Neighbours.members`
        gives the claims; clauses of ``skip_documents`` are left out."""
        return list_members(self.db, "SELECT l.list, l.claim, c.doc_key, e.vector, e.dtype FROM clauses l "
                            "JOIN claims c ON c.n = l.claim JOIN embeddings e ON e.model_id = ? "
                            "AND e.text_hash = l.text_hash WHERE l.list IN ({}) ORDER BY l.claim, l.k",
                            model_id, lists, skip_documents)


__all__ = ["Clauses"]
