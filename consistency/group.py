"""Group stage: nearest neighbours above a threshold -> candidate pairs -> groups.

Similarities are computed block by block (a few hundred rows against all later
rows), so memory stays linear in the number of claims: 100k claims use a block of
~300 rows x 100k floats at a time, never the n x n matrix. Each claim keeps at
most ``max_neighbors`` partners (its most similar), so a flood of near-duplicates
stays linear too. Connected components of the pair graph are the groups shown in
reports.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Iterable, Sequence

import numpy as np

from .records import Group

#: floats per similarity block: 32M float32 = 128 MB.
BLOCK_BUDGET = 1 << 25


@dataclass(frozen=True, slots=True)
class Pair:
    i: int
    j: int
    similarity: float


def candidate_pairs(
    vectors: np.ndarray,
    *,
    threshold: float,
    max_neighbors: int = 50,
    documents: Sequence[int] | None = None,
    same_document: bool = False,
    against: np.ndarray | None = None,
) -> list[Pair]:
    """Pairs ``i < j`` with cosine similarity >= ``threshold`` (vectors are unit length).

    ``documents`` gives each row's document number; unless ``same_document``,
    rows of one document are not paired. With ``against`` (an index array), only
    pairs with at least one side in it are returned: new claims against all.
    """
    n = len(vectors)
    if n < 2:
        return []
    vectors = np.ascontiguousarray(vectors, dtype=np.float32)
    docs = np.asarray(documents) if documents is not None else None
    rows = np.arange(n) if against is None else np.unique(np.asarray(against, dtype=np.int64))
    is_new = np.zeros(n, dtype=bool)
    is_new[rows] = True
    block = max(1, min(1024, BLOCK_BUDGET // n))
    kept: dict[tuple[int, int], float] = {}
    for begin in range(0, len(rows), block):
        idx = rows[begin:begin + block]
        sims = vectors[idx] @ vectors.T  # (block, n)
        # each unordered pair once: for a new row, skip partners that are new and not after it
        mask = is_new[None, :] & (np.arange(n)[None, :] <= idx[:, None])
        sims[mask] = -1.0
        if docs is not None and not same_document:
            sims[docs[idx][:, None] == docs[None, :]] = -1.0
        _collect(sims, idx, threshold, max_neighbors, kept)
    return [Pair(i, j, s) for (i, j), s in sorted(kept.items())]


def _collect(sims: np.ndarray, idx: np.ndarray, threshold: float, k: int,
             kept: dict[tuple[int, int], float]) -> None:
    hits_r, hits_c = np.nonzero(sims >= threshold)
    if not len(hits_r):
        return
    counts = np.bincount(hits_r, minlength=len(idx))
    crowded = set(np.nonzero(counts > k)[0].tolist())
    for r, c in zip(hits_r.tolist(), hits_c.tolist()):
        if r in crowded:
            continue
        a, b = sorted((int(idx[r]), c))
        kept[(a, b)] = float(sims[r, c])
    for r in crowded:
        top = np.argpartition(-sims[r], k)[:k]
        for c in top.tolist():
            a, b = sorted((int(idx[r]), c))
            kept[(a, b)] = float(sims[r, c])


def components(n: int, pairs: Sequence[Pair]) -> list[list[int]]:
    """Connected components with more than one member, largest first, members sorted."""
    if not pairs:
        return []
    from scipy.sparse import coo_matrix
    from scipy.sparse.csgraph import connected_components

    i = np.fromiter((p.i for p in pairs), dtype=np.int64, count=len(pairs))
    j = np.fromiter((p.j for p in pairs), dtype=np.int64, count=len(pairs))
    graph = coo_matrix((np.ones(len(pairs), dtype=np.int8), (i, j)), shape=(n, n))
    _, labels = connected_components(graph, directed=False)
    members: dict[int, list[int]] = {}
    for node, label in enumerate(labels.tolist()):
        members.setdefault(label, []).append(node)
    groups = [m for m in members.values() if len(m) > 1]
    groups.sort(key=lambda m: (-len(m), m[0]))
    return groups


def document_numbers(doc_keys: Iterable[str]) -> list[int]:
    """Each claim's document as a small number, in order of first appearance (what grouping needs)."""
    numbers: dict[str, int] = {}
    return [numbers.setdefault(key, len(numbers)) for key in doc_keys]


def group_records(claims: Sequence, member_lists: list[list[int]]) -> tuple[list[Group], dict[str, int]]:
    """Numbered `Group` records of ``member_lists`` (indexes into ``claims``, anything with an
    ``id``) and each member's group number by claim id."""
    groups = []
    group_of: dict[str, int] = {}
    for number, members in enumerate(member_lists, start=1):
        ids = tuple(claims[i].id for i in members)
        groups.append(Group(id=number, claim_ids=ids))
        for claim_id in ids:
            group_of[claim_id] = number
    return groups, group_of
