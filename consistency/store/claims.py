"""Claims of the stored documents, and the candidate pairs found between them."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Iterable

from ..records import Claim
from . import codec
from .database import Database
from ._sql import chunks, marks


@dataclass(frozen=True, slots=True)
class ClaimRow:
    """What matching needs of a stored claim, without decoding it."""

    n: int
    id: str
    doc_key: str
    text_hash: str


class Claims:
    def __init__(self, db: Database) -> None:
        self.db = db

    def rows(self) -> list[ClaimRow]:
        """Every stored claim, in insertion order."""
        return [ClaimRow(*r) for r in self.db.execute("SELECT n, id, doc_key, text_hash FROM claims ORDER BY n")]

    def of_documents(self, doc_keys: Iterable[str]) -> list[tuple[int, str]]:
        """(number, id) of the claims of these documents."""
        out: list[tuple[int, str]] = []
        for batch in chunks(doc_keys):
            out += self.db.execute(f"SELECT n, id FROM claims WHERE doc_key IN ({marks(batch)})", batch).rows
        return out

    def last_number(self) -> int:
        """The highest claim number stored (0 when none)."""
        return int(self.db.execute("SELECT MAX(n) FROM claims").fetchone()[0] or 0)

    def data(self) -> list[str]:
        """Every stored claim as JSON, in claim order (decode with `codec.loads`)."""
        return [data for (data,) in self.db.execute("SELECT data FROM claims ORDER BY n")]

    def ids_of_documents(self, doc_keys: Iterable[str]) -> list[str]:
        out: list[str] = []
        for batch in chunks(doc_keys):
            out += [r[0] for r in self.db.execute(
                f"SELECT id FROM claims WHERE doc_key IN ({marks(batch)})", batch)]
        return out

    def load(self, numbers: Iterable[int]) -> dict[int, Claim]:
        out: dict[int, Claim] = {}
        for batch in chunks(numbers):
            for n, data in self.db.execute(f"SELECT n, data FROM claims WHERE n IN ({marks(batch)})", batch):
                out[n] = codec.loads(Claim, data)
        return out

    def numbers_of_documents_since(self, run: int) -> list[int]:
        return [r[0] for r in self.db.execute(
            "SELECT c.n FROM claims c JOIN documents d ON d.key = c.doc_key WHERE d.run > ?", (run,))]

    def numbers_of_ids(self, ids: Iterable[str]) -> list[int]:
        out: list[int] = []
        for batch in chunks(ids):
            out += [r[0] for r in self.db.execute(f"SELECT n FROM claims WHERE id IN ({marks(batch)})", batch)]
        return out

    def insert(self, claim: Claim, text_hash: str) -> int:
        row = self.db.execute("INSERT INTO claims (id, doc_key, text_hash, data) VALUES (?, ?, ?, ?) RETURNING n",
                              (claim.id, claim.doc_key, text_hash, codec.dumps(claim))).fetchone()
        return int(row[0])

    def count(self) -> int:
        return int(self.db.execute("SELECT COUNT(*) FROM claims").fetchone()[0])

    # -- pairs --------------------------------------------------------------------------------
    def insert_pairs(self, pairs: Iterable[tuple[int, int, float, bool]], run: int) -> None:
        """Store candidate pairs: (a, b, similarity, whether the two claims are copies: `check.copied`)."""
        self.db.executemany("INSERT INTO pairs (a, b, similarity, run, copies) VALUES (?, ?, ?, ?, ?) "
                            "ON CONFLICT (a, b) DO UPDATE SET similarity = excluded.similarity, run = excluded.run, "
                            "copies = excluded.copies",
                            ((a, b, s, run, int(c)) for a, b, s, c in pairs))

    def pairs_of(self, numbers: Iterable[int]) -> list[tuple[int, int, float, int | None]]:
        """The stored pairs with a claim among ``numbers``: (a, b, similarity, copies), each once;
        copies is None for a pair stored before the store kept it (schema version 9)."""
        found: dict[tuple[int, int], tuple[int, int, float, int | None]] = {}
        for batch in chunks(sorted(set(numbers))):
            for side in ("a", "b"):
                for a, b, s, c in self.db.execute(f"SELECT a, b, similarity, copies FROM pairs "
                                                  f"WHERE {side} IN ({marks(batch)})", batch):
                    found[(a, b)] = (a, b, s, None if c is None else int(c))
        return list(found.values())

    def insert_left(self, pairs: Iterable[tuple[int, int]], run: int) -> None:
        """Store the pairs (a, b) the neighbour cap left out, of claims the stories stage would
        compare that are no copies: counted in a claim's crowd, never compared (`check.left_out_crowd`)."""
        self.db.executemany("INSERT INTO left_pairs (a, b, run) VALUES (?, ?, ?) "
                            "ON CONFLICT (a, b) DO UPDATE SET run = excluded.run",
                            ((a, b, run) for a, b in pairs))

    def left_of(self, numbers: Iterable[int]) -> list[tuple[int, int]]:
        """The stored left-out pairs (`insert_left`) with a claim among ``numbers``, each once."""
        found: set[tuple[int, int]] = set()
        for batch in chunks(sorted(set(numbers))):
            for side in ("a", "b"):
                found.update((a, b) for a, b in self.db.execute(f"SELECT a, b FROM left_pairs "
                                                                 f"WHERE {side} IN ({marks(batch)})", batch))
        return sorted(found)

    def mark_copies(self, flags: Iterable[tuple[int, int, bool]]) -> None:
        """Write the copies flag of pairs stored before it was kept."""
        self.db.executemany("UPDATE pairs SET copies = ? WHERE a = ? AND b = ?", ((int(c), a, b) for a, b, c in flags))

    def short_rows(self, numbers: Iterable[int], most: int) -> set[int]:
        """The claims among ``numbers`` of dataset rows of at most ``most`` claims (a whole row, its
        one claim, or a sentence of a short one: `check.row_documents`), read without decoding them."""
        out: set[int] = set()
        for batch in chunks(numbers):
            out.update(r[0] for r in self.db.execute(
                f"SELECT c.n FROM claims c JOIN documents d ON d.key = c.doc_key "
                f"WHERE d.row_id IS NOT NULL AND c.n IN ({marks(batch)}) "
                f"AND (SELECT COUNT(*) FROM claims e WHERE e.doc_key = c.doc_key) <= ?", [*batch, most]))
        return out

    def row_sizes(self, paths: Iterable[str]) -> list[tuple[str, str, int]]:
        """(document key, file, claims) of each stored dataset row of the files ``paths``."""
        out: list[tuple[str, str, int]] = []
        for batch in chunks(paths):
            out += self.db.execute(
                f"SELECT d.key, d.path, COUNT(*) FROM documents d JOIN claims c ON c.doc_key = d.key "
                f"WHERE d.row_id IS NOT NULL AND d.path IN ({marks(batch)}) GROUP BY d.key, d.path", batch).rows
        return out

    def numbers_by_id(self, ids: Iterable[str]) -> dict[str, int]:
        out: dict[str, int] = {}
        for batch in chunks(ids):
            out.update(self.db.execute(f"SELECT id, n FROM claims WHERE id IN ({marks(batch)})", batch).rows)
        return out

    def ids_of_numbers(self, numbers: Iterable[int]) -> dict[int, str]:
        out: dict[int, str] = {}
        for batch in chunks(numbers):
            out.update(self.db.execute(f"SELECT n, id FROM claims WHERE n IN ({marks(batch)})", batch).rows)
        return out

    def all_pairs(self) -> list[tuple[int, int]]:
        return list(self.db.execute("SELECT a, b FROM pairs ORDER BY a, b"))

    def delete_pairs(self) -> None:
        self.db.execute("DELETE FROM pairs")
        self.db.execute("DELETE FROM left_pairs")

    def pairs_since(self, run: int) -> list[tuple[int, int, float]]:
        return list(self.db.execute("SELECT a, b, similarity FROM pairs WHERE run > ? ORDER BY a, b", (run,)))
