"""The groups of similar claims, kept up to date run by run instead of rebuilt from every pair.

A group is a connected component of the claim graph whose edges are the stored candidate pairs
of two claims in one story (documents without a story count as one) and the claim pairs of the
open findings. ``claim_groups`` holds each grouped claim's number and its group's *root* (the
smallest claim number in it); claims in no group have no row, and a removed claim takes its row
with it (the foreign key cascades).

A run changes the graph only around what it touched: the claims it added, the stored claims
paired with them, the claims of findings it opened, changed or closed, and the groups of claims
it removed. `Groups.update` starts from those claims, takes in the stored groups they belong to,
reads the edges of exactly those claims (pairs by index, never every pair), follows any edge that
leads out to a claim of another group (whose group it then takes in as well), and rewrites the
groups of that closed set: the same components a rebuild over every pair finds, since no edge
outside the set changed. `Groups.rebuild` (a store whose settings changed, or one written before
groups were kept, meta ``groups``) reads every pair once.
"""

from __future__ import annotations

from typing import Iterable

import numpy as np

from ..group import Pairs, components
from .database import Database
from ._sql import chunks, marks

#: meta key saying ``claim_groups`` is kept up to date (absent in a store written before it was).
KEPT = "groups"


class Groups:
    def __init__(self, db: Database) -> None:
        self.db = db

    def kept(self) -> bool:
        row = self.db.execute("SELECT value FROM meta WHERE key = ?", (KEPT,)).fetchone()
        return row is not None

    def members(self) -> list[tuple[int, int, str]]:
        """(claim number, root, claim id) of every grouped claim, by claim number."""
        return list(self.db.execute("SELECT g.n, g.root, c.id FROM claim_groups g JOIN claims c ON c.n = g.n "
                                    "ORDER BY g.n"))

    def around(self, numbers: Iterable[int]) -> set[int]:
        """The claims of the groups that ``numbers`` belong to (``numbers`` themselves included)."""
        found = set(numbers)
        roots: set[int] = set()
        for batch in chunks(sorted(found)):
            roots.update(r[0] for r in self.db.execute(
                f"SELECT root FROM claim_groups WHERE n IN ({marks(batch)})", batch))
        for batch in chunks(sorted(roots)):
            found.update(r[0] for r in self.db.execute(
                f"SELECT n FROM claim_groups WHERE root IN ({marks(batch)})", batch))
        return found

    def update(self, touched: Iterable[int]) -> int:
        """Regroup the claims whose groups a run may have changed: ``touched`` and everything
        connected to them. Returns how many claims were regrouped."""
        inside: set[int] = set()
        frontier = set(touched)
        edges: list[tuple[int, int]] = []
        while frontier:
            grow = self.around(frontier) - inside
            inside |= grow
            found = self._edges(grow)
            edges += found
            frontier = {x for edge in found for x in edge} - inside
        self._write(inside, edges, everything=False)
        return len(inside)

    def rebuild(self) -> None:
        """Every group afresh from every pair (and mark the table as kept)."""
        self._write(set(), self.edges(), everything=True)
        self.db.execute("INSERT INTO meta (key, value) VALUES (?, '1') ON CONFLICT(key) DO UPDATE SET "
                        "value = excluded.value", (KEPT,))

    def edges(self) -> list[tuple[int, int]]:
        """Every edge of the claim graph (what a rebuild reads)."""
        story = {n: s for n, s in self.db.execute(
            "SELECT c.n, s.story FROM claims c LEFT JOIN story_documents s ON s.doc_key = c.doc_key")}
        number = {claim_id: n for n, claim_id in self.db.execute("SELECT n, id FROM claims")}
        out = [(a, b) for a, b in self.db.execute("SELECT a, b FROM pairs") if story[a] == story[b]]
        out += [(number[a], number[b]) for a, b in self.db.execute(
            "SELECT claim_a, claim_b FROM findings WHERE closed_run IS NULL") if a in number and b in number]
        return out

    def _edges(self, numbers: set[int]) -> list[tuple[int, int]]:
        """The edges with a side among ``numbers``, read by index."""
        pairs: set[tuple[int, int]] = set()
        ids: dict[str, int] = {}
        for batch in chunks(sorted(numbers)):
            pairs.update(self.db.execute(f"SELECT a, b FROM pairs WHERE a IN ({marks(batch)})", batch))
            pairs.update(self.db.execute(f"SELECT a, b FROM pairs WHERE b IN ({marks(batch)})", batch))
            ids.update((i, n) for n, i in self.db.execute(f"SELECT n, id FROM claims WHERE n IN ({marks(batch)})",
                                                          batch))
        story = self._stories({x for pair in pairs for x in pair})
        out = [(a, b) for a, b in pairs if story[a] == story[b]]
        claim_pairs: set[tuple[str, str]] = set()
        for batch in chunks(sorted(ids)):
            claim_pairs.update(self.db.execute(
                "SELECT claim_a, claim_b FROM findings WHERE closed_run IS NULL "
                f"AND (claim_a IN ({marks(batch)}) OR claim_b IN ({marks(batch)}))", batch + batch))
        partners = sorted({x for pair in claim_pairs for x in pair} - ids.keys())
        for batch in chunks(partners):
            ids.update((i, n) for n, i in self.db.execute(f"SELECT n, id FROM claims WHERE id IN ({marks(batch)})",
                                                          batch))
        out += [(ids[a], ids[b]) for a, b in claim_pairs if a in ids and b in ids]
        return out

    def _stories(self, numbers: set[int]) -> dict[int, int | None]:
        out: dict[int, int | None] = {}
        for batch in chunks(sorted(numbers)):
            out.update(self.db.execute(
                "SELECT c.n, s.story FROM claims c LEFT JOIN story_documents s ON s.doc_key = c.doc_key "
                f"WHERE c.n IN ({marks(batch)})", batch))
        return out

    def _write(self, inside: set[int], edges: list[tuple[int, int]], *, everything: bool) -> None:
        """Replace the groups of the claims ``inside`` (every group when ``everything``) by the
        components of ``edges``."""
        ends = np.array(edges, dtype=np.int64).reshape(-1, 2)
        nodes = np.union1d(ends.ravel(), np.array(sorted(inside), dtype=np.int64))
        a, b = np.searchsorted(nodes, ends[:, 0]), np.searchsorted(nodes, ends[:, 1])
        found = components(len(nodes), Pairs(np.minimum(a, b), np.maximum(a, b), np.zeros(len(a), dtype=np.float32)))
        if everything:
            self.db.execute("DELETE FROM claim_groups")
        else:
            for batch in chunks(sorted(inside)):
                self.db.execute(f"DELETE FROM claim_groups WHERE n IN ({marks(batch)})", batch)
        rows = []
        for members in found:
            root = int(nodes[members[0]])
            rows += [(int(nodes[m]), root) for m in members]
        self.db.executemany("INSERT INTO claim_groups (n, root) VALUES (?, ?)", rows)
