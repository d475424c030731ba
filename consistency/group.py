"""Group stage: nearest neighbours above a threshold -> candidate pairs -> groups.

Two searches, one result shape:

* **exact** (up to `EXACT_UP_TO` claims, the ``exact_up_to`` setting, or
  ``index="exact"``): similarities block by block over the upper triangle only (rows
  ``[b, e)`` against rows ``b..n``), so each pair is computed once and memory stays
  linear: a block is at most `BLOCK_BUDGET` floats. Hits are collected with numpy (`np.nonzero`), never a Python loop per hit.
* **ann** (above that, or ``index="ann"``): an inverted file: k-means centroids
  (`train_centroids`, FAISS k-means on a sample), each claim in the list of its
  nearest centroid, and each claim compared with the members of its `NPROBE`
  nearest lists, one matrix product per list (BLAS speed, similarities exact, so
  both searches report the same numbers for the pairs they find). Its pair recall
  against exact is measured by ``benchmarks/grouping.py --scale``.

**Neighbour cap.** A claim with more than ``max_neighbors`` partners above the
threshold keeps its ``max_neighbors`` most similar ones, and a pair is kept when
*either* side keeps it (the union of every claim's top k): symmetric, at most
``n * max_neighbors`` pairs, and no side of a pair is favoured by its position.
Ties in similarity go to the partner that comes first, and callers put claims in a
canonical order (`consistency.api.check` sorts its inputs), so any input order gives
the same pairs. Connected components of the pair graph are the groups shown in
reports.

The cap bounds the pairs the rules compare, not what is read of a claim's neighbourhood: the
pairs also hold the pairs over the threshold the cap left out (`Pairs.left`), and the rows model's
crowd (`check.run_rules`: how many claims each side is compared with) counts those the stories
stage would compare, so a row's score does not depend on the cap.
"""

from __future__ import annotations

import itertools
from dataclasses import dataclass
from typing import Callable, Iterable, Iterator, Sequence

import numpy as np

from .records import Group

#: floats per similarity block: 32M float32 = 128 MB.
BLOCK_BUDGET = 1 << 25
#: ``index="auto"`` searches exactly up to this many claims, with the ANN index above (the default
#: of the ``exact_up_to`` setting).
EXACT_UP_TO = 30_000
#: queries the inverted file searches together (see `_probe_hits`).
QUERY_CHUNK = 1 << 15
#: IVF lists probed per query (of ``2 * sqrt(n)``): pair recall 0.9993 at 100k, 0.9989 at 1M
#: (benchmarks/grouping.py --scale).
NPROBE = 16
#: hits sorted together when pairs are put in order and deduplicated (`ordered_pairs`), and pair ends
#: ranked together by the neighbour cap (`cap_pairs`): what bounds their working memory (a few hundred
#: MB) at any size.
SORT_BUDGET = 1 << 23


def _id_dtype(n: int):
    """The dtype of claim numbers below ``n``: int32 (half the memory of int64) when it holds them."""
    return np.int32 if n < 2**31 else np.int64


@dataclass(frozen=True, slots=True)
class Pair:
    i: int
    j: int
    similarity: float


class Pairs(Sequence[Pair]):
    """Candidate pairs ``i < j``, sorted, held as three arrays; `Pair` records are made on access.

    ``left`` (when the search keeps them): the pairs ``(i, j)`` over the threshold that the neighbour
    cap left out (`candidate_pairs`, `claim_pairs`, `more_pairs`, and the searches of a store:
    `pairs_with_stored`, `pairs_from_lists`), for the crowd (`check.run_rules`)."""

    def __init__(self, i: np.ndarray, j: np.ndarray, similarity: np.ndarray,
                 left: tuple[np.ndarray, np.ndarray] | None = None) -> None:
        if len(i) > 1 and not bool(np.all((i[1:] > i[:-1]) | ((i[1:] == i[:-1]) & (j[1:] >= j[:-1])))):
            order = np.lexsort((j, i))  # (the ANN search hands them over sorted: no second copy)
            i, j, similarity = i[order], j[order], similarity[order]
        self.i, self.j, self.similarity = i, j, similarity
        self.left = left

    def __len__(self) -> int:
        return len(self.i)

    def __getitem__(self, k):  # type: ignore[override]
        if isinstance(k, slice):
            return [self[x] for x in range(*k.indices(len(self)))]
        return Pair(int(self.i[k]), int(self.j[k]), float(self.similarity[k]))

    def __iter__(self) -> Iterator[Pair]:
        return map(Pair, self.i.tolist(), self.j.tolist(), self.similarity.tolist())


def candidate_pairs(
    vectors: np.ndarray,
    *,
    threshold: float,
    max_neighbors: int = 50,
    documents: Sequence[int] | None = None,
    same_document: bool = False,
    against: np.ndarray | None = None,
    index: str = "auto",
    threads: int = 0,
    exact_up_to: int = EXACT_UP_TO,
    keys: Sequence[frozenset] | None = None,
    key_threshold: float | None = None,
    agree: Callable[[int, int], bool] | None = None,
) -> Pairs:
    """Pairs ``i < j`` with cosine similarity >= ``threshold`` (vectors are unit length), capped.

    A second route: with ``keys`` (a set per row) and ``key_threshold`` under ``threshold``, two rows
    that share a key (and that ``agree``, when given, says agree) are a pair from ``key_threshold``
    up (`keyed_hits`; `consistency.api` gives the measures a claim's figures count, so one count
    worded apart on each side is compared). Both routes' pairs go through one neighbour cap.

    ``documents`` gives each row's document number; unless ``same_document``,
    rows of one document are not paired. With ``against`` (an index array), only
    pairs with at least one side in it are returned: new claims against all (the
    cap then sees only those pairs). ``index``: ``auto`` (exact up to ``exact_up_to`` rows),
    ``exact`` or ``ann``; ``threads``: for the ANN index (0: all cores).

    The result's ``left`` holds the pairs the final cap left out. Cuts made earlier to stay linear
    (a flood of near-duplicates in the exact search, each query's top ``max_neighbors`` in the ANN
    search) are not in it.
    """
    n = len(vectors)
    if n < 2:
        return _no_pairs()
    vectors = np.ascontiguousarray(vectors, dtype=np.float32)
    docs = None if documents is None or same_document else np.asarray(documents)
    new = None if against is None else np.unique(np.asarray(against, dtype=np.int64))
    use_ann = index == "ann" or (index == "auto" and n > exact_up_to)
    if use_ann:
        i, j, s = _ann_hits(vectors, threshold, max_neighbors, new, docs, threads)
    else:
        i, j, s = _exact_hits(vectors, threshold, max_neighbors, new, docs)
        i, j = np.minimum(i, j), np.maximum(i, j)
    if keys is not None and key_threshold is not None and key_threshold < threshold:
        ki, kj, ks = keyed_hits(vectors, keys, key_threshold, threshold, max_neighbors, new, docs,
                                "ann" if use_ann else "exact", threads, agree)
        i, j, s = np.concatenate([i, ki.astype(i.dtype)]), np.concatenate([j, kj.astype(j.dtype)]), np.concatenate([s, ks])
    return _capped(i, j, s, max_neighbors)


def _capped(i: np.ndarray, j: np.ndarray, s: np.ndarray, k: int) -> Pairs:
    """`cap_pairs` as `Pairs`, with the pairs it leaves out (`Pairs.left`)."""
    keep = cap_mask(i, j, s, k)
    if keep is None:
        return Pairs(i, j, s, left=(i[:0], j[:0]))
    return Pairs(i[keep], j[keep], s[keep], left=(i[~keep], j[~keep]))


def keyed_hits(vectors: np.ndarray, keys: Sequence[frozenset], low: float, high: float, k: int,
               new: np.ndarray | None, docs: np.ndarray | None, index: str = "exact", threads: int = 0,
               agree: Callable[[int, int], bool] | None = None):
    """The pairs ``i < j`` (of other documents: ``docs``) of rows that share a key in ``keys`` and that
    ``agree`` (when given: a finer test than the keys, asked of those pairs only), with a similarity
    in ``[low, high)``: the second route of `candidate_pairs`. Only rows with a key are searched (the
    same search as the first route, ``index``), so its cost grows with them alone."""
    keyed = np.flatnonzero(np.fromiter(map(bool, keys), dtype=bool, count=len(keys)))
    sub_new = None if new is None else np.flatnonzero(np.isin(keyed, new))
    if len(keyed) < 2 or (sub_new is not None and not len(sub_new)):
        empty = np.zeros(0, dtype=np.int64)
        return empty, empty, np.zeros(0, dtype=np.float32)
    sub, sub_docs = vectors[keyed], None if docs is None else docs[keyed]
    if index == "ann":
        i, j, s = _ann_hits(sub, low, k, sub_new, sub_docs, threads)
    else:
        i, j, s = _exact_hits(sub, low, k, sub_new, sub_docs)
    i, j = keyed[np.minimum(i, j)], keyed[np.maximum(i, j)]
    band = s < high
    i, j, s = i[band], j[band], s[band]
    shared = np.fromiter((not keys[a].isdisjoint(keys[b]) and (agree is None or agree(a, b))
                          for a, b in zip(i.tolist(), j.tolist())), dtype=bool, count=len(i))
    return i[shared], j[shared], s[shared]


def claim_pairs(pairs: Pairs, owner: np.ndarray, max_neighbors: int = 50) -> Pairs:
    """Pairs of units (claims and their clauses, `consistency.clauses`) -> pairs of the claims they
    belong to (``owner[u]``), each with the similarity of its best unit pair; a claim is never paired
    with itself, and the neighbour cap applies again to the claim pairs.

    The unit pairs the first cap left out (`Pairs.left`) are claim pairs too: the claim pairs the
    second cap leaves out are those and its own."""
    n = int(owner.max()) + 1
    i, j = owner[pairs.i], owner[pairs.j]
    keep = i != j
    i, j, s = np.minimum(i, j)[keep], np.maximum(i, j)[keep], pairs.similarity[keep]
    order = np.lexsort((-s, j, i))  # each claim pair's best unit pair first
    i, j, s = _unique(i[order], j[order], s[order], n)
    capped = _capped(i, j, s, max_neighbors)
    if pairs.left is None or not len(pairs.left[0]):
        return capped
    li, lj = owner[pairs.left[0]], owner[pairs.left[1]]
    return _left_too(capped, np.minimum(li, lj)[li != lj], np.maximum(li, lj)[li != lj])


def more_pairs(pairs: Pairs, i: np.ndarray, j: np.ndarray, s: np.ndarray, max_neighbors: int = 50) -> Pairs:
    """``pairs`` and the hits ``(i, j, s)`` (pairs ``i < j`` not among them) under one neighbour cap:
    what `candidate_pairs` gives for both (`consistency.incremental` adds the second route's pairs to
    the first's so); the pairs left out are the cap's and those ``pairs`` left out already."""
    capped = _capped(np.concatenate([pairs.i, i.astype(pairs.i.dtype)]), np.concatenate([pairs.j, j.astype(pairs.j.dtype)]),
                     np.concatenate([pairs.similarity, s.astype(pairs.similarity.dtype)]), max_neighbors)
    if pairs.left is None or not len(pairs.left[0]):
        return capped
    return _left_too(capped, *pairs.left)


def _left_too(capped: Pairs, li: np.ndarray, lj: np.ndarray) -> Pairs:
    """``capped`` with the pairs ``(li, lj)`` (``li < lj``) left out too, less those it keeps (through
    another unit pair, or another route)."""
    n = int(max(capped.i.max(initial=0), capped.j.max(initial=0), li.max(initial=0), lj.max(initial=0),
                capped.left[0].max(initial=0), capped.left[1].max(initial=0))) + 1
    codes = np.unique(np.concatenate([li.astype(np.int64) * n + lj,
                                      capped.left[0].astype(np.int64) * n + capped.left[1]]))
    codes = codes[~np.isin(codes, capped.i.astype(np.int64) * n + capped.j)]
    return Pairs(capped.i, capped.j, capped.similarity, left=(codes // n, codes % n))


def _no_pairs() -> Pairs:
    empty = np.zeros(0, dtype=np.int64)
    return Pairs(empty, empty, np.zeros(0, dtype=np.float32))


def _number_documents(documents: Sequence[str]) -> tuple[dict[str, int], np.ndarray]:
    """The new claims' document keys numbered in order of first appearance (stored claims of other
    documents look theirs up in the dict, -1 when absent), and each new claim's number."""
    doc_number: dict[str, int] = {}
    return doc_number, np.array([doc_number.setdefault(d, len(doc_number)) for d in documents])


def pairs_with_stored(new: np.ndarray, new_documents: Sequence[str], stored: Iterable[tuple[np.ndarray, Sequence[str], np.ndarray]],
                      *, first_new: int, threshold: float, max_neighbors: int = 50,
                      same_document: bool = False) -> Pairs:
    """The exact pairs of new claims with stored ones and with each other, never holding every vector.

    ``stored`` yields blocks of stored claims (their numbers, ascending, their document keys, their
    vectors); new claim ``k`` is numbered ``first_new + k`` (above every stored number). The result is
    what `candidate_pairs` with ``against`` the new rows returns over all vectors in that order (the
    same pairs, similarities and cap, and the pairs the cap left out), in those numbers.
    """
    k = len(new)
    if k == 0:
        return _no_pairs()
    new = np.ascontiguousarray(new, dtype=np.float32)
    doc_number, new_docs = _number_documents(new_documents)
    i, j, s = _exact_hits(new, threshold, max_neighbors, None, None if same_document else new_docs)
    parts = [(first_new + i, first_new + j, s)]
    held, seen = len(i), 0
    for numbers, documents, vectors in stored:
        seen += len(numbers)
        vectors = np.ascontiguousarray(vectors, dtype=np.float32)
        docs = None if same_document else np.array([doc_number.get(d, -1) for d in documents])
        step = max(1, BLOCK_BUDGET // max(1, len(vectors)))
        for begin in range(0, k, step):
            sims = new[begin:begin + step] @ vectors.T
            r, c = np.nonzero(sims >= threshold)
            if docs is not None:
                keep = new_docs[begin + r] != docs[c]
                r, c = r[keep], c[keep]
            parts.append((numbers[c], first_new + begin + r, sims[r, c]))
            held += len(r)
        if held > 4 * (seen + k) * max_neighbors:  # a flood of near-duplicates: stay linear
            parts = [cap_pairs(*concat_hits(parts), max_neighbors)]
            held = len(parts[0][0])
    return _capped(*concat_hits(parts), max_neighbors)


def pairs_from_lists(new: np.ndarray, new_documents: Sequence[str], probes: np.ndarray, homes: np.ndarray,
                     stored: Iterable[tuple[np.ndarray, np.ndarray, Sequence[str], np.ndarray]], *, first_new: int,
                     threshold: float, max_neighbors: int = 50, same_document: bool = False) -> Pairs:
    """Pairs of new claims found through an inverted file kept in the store: what `candidate_pairs`
    with the ANN index and ``against`` the new rows finds, with the lists persisted.

    ``probes[k]``: the lists new claim ``k`` searches; ``homes[k]``: the list it belongs to;
    ``stored`` yields the stored members of the probed lists (their lists, numbers, document keys,
    vectors). Every member of a probed list at or above ``threshold`` (of another document) pairs
    with the new claim, numbered like `pairs_with_stored`, before the cap.
    """
    k = len(new)
    if k == 0:
        return _no_pairs()
    new = np.ascontiguousarray(new, dtype=np.float32)
    doc_number, new_docs = _number_documents(new_documents)
    numbers = first_new + np.arange(k, dtype=_id_dtype(first_new + k))
    members = itertools.chain([(homes, numbers, None, new)],  # new claims are members of their lists too
                              ((lists, ids, np.array([doc_number.get(d, -1) for d in documents]), vectors)
                               for lists, ids, documents, vectors in stored))
    i, j, s = _probe_hits(new, numbers, None if same_document else new_docs, probes, members, threshold,
                          max_neighbors, first_new + k)
    return _capped(i, j, s, max_neighbors)


def _probe_hits(queries: np.ndarray, query_ids: np.ndarray, query_docs: np.ndarray | None, probes: np.ndarray,
                members: Iterable[tuple[np.ndarray, np.ndarray, np.ndarray | None, np.ndarray]], threshold: float,
                k: int, n: int):
    """Pairs ``i < j`` (ids) of each query with every member of the lists it probes at or above
    ``threshold``: one matrix product per list (the queries probing it against its members), so the
    search runs at BLAS speed. ``members`` yields blocks (each member's list, ids, document numbers
    (None: the queries' own), vectors); ``query_ids`` are ascending; ``n`` bounds the ids.

    Memory stays linear: queries are searched `QUERY_CHUNK` at a time, and once a chunk is done each
    query keeps its ``k`` best partners among those that are queries too (a pair of two queries is
    seen from both sides, so what either side's top ``k`` holds survives, as `cap_pairs` keeps it);
    partners that are not queries (stored claims) are all kept for the cap. What a chunk keeps is
    held as int32 numbers (`_id_dtype`) and float32 similarities, 12 bytes a hit."""
    blocks = _list_members(members)
    if len(queries) > QUERY_CHUNK:
        blocks = list(blocks)  # every chunk walks them: split each block by list once
    dtype = _id_dtype(n)
    kept: list[tuple[np.ndarray, np.ndarray, np.ndarray]] = []
    for begin in range(0, len(queries), QUERY_CHUNK):
        chunk = probes[begin:begin + QUERY_CHUNK]
        flat = chunk.ravel()
        order = np.argsort(flat, kind="stable")
        probed, starts = np.unique(flat[order], return_index=True)
        queries_of = dict(zip(probed.tolist(), np.split(begin + order // chunk.shape[1], starts[1:])))
        parts: list[tuple[np.ndarray, np.ndarray, np.ndarray]] = []  # query position, partner id, similarity
        held = 0
        for ids, docs, vectors, by_list in blocks:
            if docs is None:
                docs = query_docs
            for lst, rows in by_list:
                q = queries_of.get(lst)
                if q is None:
                    continue
                sims = queries[q] @ vectors[rows].T
                r, c = np.nonzero(sims >= threshold)
                at, j, s = q[r], ids[rows[c]], sims[r, c]
                keep = query_ids[at] != j
                if query_docs is not None:
                    keep &= query_docs[at] != docs[rows[c]]
                parts.append((at[keep], j[keep], s[keep]))
                held += int(keep.sum())
                if held > 4 * len(chunk) * max(k, 16):  # a flood of near-duplicates: cut early, stay linear
                    parts = [_each_query_top(*concat_hits(parts), query_ids, k)]
                    held = len(parts[0][0])
        at, j, s = _each_query_top(*concat_hits(parts), query_ids, k)
        del parts
        kept.append((query_ids[at].astype(dtype), j.astype(dtype), s))
    return ordered_pairs(kept, n)


def _list_members(members: Iterable[tuple[np.ndarray, np.ndarray, np.ndarray | None, np.ndarray]]):
    """Each block of members (lists, ids, documents, vectors) as (ids, documents, vectors, [(list, rows)])."""
    for lists, ids, docs, vectors in members:
        by_list = np.argsort(lists, kind="stable")
        present, firsts = np.unique(lists[by_list], return_index=True)
        yield ids, docs, vectors, list(zip(present.tolist(), np.split(by_list, firsts[1:])))


def _each_query_top(at: np.ndarray, j: np.ndarray, s: np.ndarray, query_ids: np.ndarray, k: int):
    """Hits (query position, partner id, similarity) cut to each query's top ``k`` (by similarity,
    then partner) among its partners that are queries; hits of other partners all stay."""
    if len(at) == 0:
        return at, j, s
    crowded = np.flatnonzero(np.bincount(at)[at] > k)  # only the hits of queries with more than k are ranked
    if len(crowded) == 0:
        return at, j, s
    a, b = at[crowded], j[crowded]
    order = np.lexsort((b, -s[crowded], a))
    ranked = a[order]
    rank = np.arange(len(order)) - np.searchsorted(ranked, ranked, side="left")
    top = np.zeros(len(crowded), dtype=bool)
    top[order[rank < k]] = True
    where = np.minimum(np.searchsorted(query_ids, b), len(query_ids) - 1)
    keep = np.ones(len(at), dtype=bool)
    keep[crowded] = top | (query_ids[where] != b)
    return at[keep], j[keep], s[keep]


def ordered_pairs(parts: list[tuple[np.ndarray, np.ndarray, np.ndarray]], n: int):
    """The hits of ``parts`` (two ids below ``n`` and a similarity each) as pairs ``i < j``, each once
    (a pair of two queries is found from both sides: its first hit stays), sorted by ``(i, j)``.

    ``parts`` is emptied as it is read. The hits are sorted in buckets of ``i`` of at most about
    `SORT_BUDGET` hits, so beyond the hits themselves memory stays bounded at any size."""
    dtype = _id_dtype(n)
    buckets = max(1, -(-sum(len(p[0]) for p in parts) // SORT_BUDGET))
    width = -(-n // buckets)
    pieces: list[list] = [[] for _ in range(buckets)]
    while parts:
        a, b, s = parts.pop(0)
        i, j = np.minimum(a, b).astype(dtype), np.maximum(a, b).astype(dtype)
        del a, b
        if buckets == 1:
            pieces[0].append((i, j, s))
            continue
        at = i // width
        order = np.argsort(at, kind="stable")
        for piece, rows in zip(pieces, np.split(order, np.searchsorted(at[order], np.arange(1, buckets)))):
            if len(rows):
                piece.append((i[rows], j[rows], s[rows]))
    out = []
    for x in range(buckets):
        i, j, s = concat_hits(pieces[x])
        pieces[x] = []
        out.append(_unique(i, j, s, n))
    return concat_hits(out)


def _exact_hits(vectors: np.ndarray, threshold: float, k: int, new: np.ndarray | None, docs: np.ndarray | None):
    n = len(vectors)
    block = max(1, min(1024, BLOCK_BUDGET // n))
    is_new = None
    if new is not None:
        is_new = np.zeros(n, dtype=bool)
        is_new[new] = True
    parts: list[tuple[np.ndarray, np.ndarray, np.ndarray]] = []
    held = 0
    rows_of = (range(0, n, block) if new is None else range(0, len(new), block))
    for begin in rows_of:
        if new is None:  # upper triangle: rows [begin, end) against rows begin..n
            rows = np.arange(begin, min(begin + block, n))
            sims = vectors[begin:begin + block] @ vectors[begin:].T
            r, c = np.nonzero(sims >= threshold)
            i, j, s = rows[r], c + begin, sims[r, c]
            keep = j > i
        else:  # new rows against every row; a pair of two new rows once
            rows = new[begin:begin + block]
            sims = vectors[rows] @ vectors.T
            r, c = np.nonzero(sims >= threshold)
            i, j, s = rows[r], c, sims[r, c]
            keep = ~is_new[j] | (j > i)
        if docs is not None:
            keep &= docs[i] != docs[j]
        parts.append((i[keep], j[keep], s[keep]))
        held += int(keep.sum())
        if held > 4 * n * k:  # a flood of near-duplicates: drop what no top k can keep, stay linear
            parts = [cap_pairs(*concat_hits(parts), k)]
            held = len(parts[0][0])
    return concat_hits(parts)


def _ann_hits(vectors: np.ndarray, threshold: float, k: int, new: np.ndarray | None, docs: np.ndarray | None,
              threads: int = 0):
    """The hits of each (new) row in the `NPROBE` lists nearest to it, of an inverted file over all
    rows (`train_centroids`, each row in the list of its nearest centroid)."""
    centroids = train_centroids(vectors, threads=threads)
    everyone = np.arange(len(vectors), dtype=_id_dtype(len(vectors)))
    asking = vectors if new is None else vectors[new]  # no copy of every vector
    probes = nearest(asking, centroids, NPROBE)
    homes = probes[:, 0] if new is None else nearest(vectors, centroids, 1)[:, 0]
    asking_docs = docs if docs is None or new is None else docs[new]
    return _probe_hits(asking, everyone if new is None else new, asking_docs,
                       probes, [(homes, everyone, docs, vectors)], threshold, k, len(vectors))


def nearest(vectors: np.ndarray, centroids: np.ndarray, probes: int) -> np.ndarray:
    """Each vector's ``probes`` nearest centroids (by inner product), nearest first."""
    probes = min(probes, len(centroids))
    out = np.empty((len(vectors), probes), dtype=np.int32)
    for begin in range(0, len(vectors), 4096):
        sims = vectors[begin:begin + 4096] @ centroids.T
        top = np.argpartition(-sims, probes - 1, axis=1)[:, :probes]
        order = np.argsort(-np.take_along_axis(sims, top, axis=1), axis=1, kind="stable")
        out[begin:begin + 4096] = np.take_along_axis(top, order, axis=1)
    return out


def list_count(n: int) -> int:
    """Lists of an inverted file over ``n`` vectors: ``2 * sqrt(n)``, at least 39 vectors each."""
    return max(1, min(int(2 * np.sqrt(n)), n // 39))


def train_centroids(sample: np.ndarray, *, lists: int | None = None, threads: int = 0) -> np.ndarray:
    """The centroids of an inverted file (``lists`` of them, by default `list_count` of the sample):
    spherical FAISS k-means on ``sample`` (as an inner-product IVF index trains), seeded, 10
    iterations on at most 64 vectors per centroid (the lists only route the search: every pair is
    scored exactly)."""
    import faiss

    if threads:
        faiss.omp_set_num_threads(threads)
    n, dim = sample.shape
    lists = lists or list_count(n)
    kmeans = faiss.Kmeans(dim, lists, niter=10, seed=1234, spherical=True, max_points_per_centroid=64)
    kmeans.train(np.ascontiguousarray(sample, dtype=np.float32))
    return np.ascontiguousarray(kmeans.centroids, dtype=np.float32)


def _unique(i: np.ndarray, j: np.ndarray, s: np.ndarray, n: int):
    """Each pair once (its first hit), sorted by ``(i, j)``."""
    _, first = np.unique(i.astype(np.int64) * n + j, return_index=True)
    return i[first], j[first], s[first]


def concat_hits(parts):
    """The hits of ``parts`` (arrays of first ids, second ids and similarities each) as three arrays."""
    if not parts:
        empty = np.zeros(0, dtype=np.int64)
        return empty, empty, np.zeros(0, dtype=np.float32)
    return tuple(np.concatenate([p[x] for p in parts]) for x in range(3))


def cap_pairs(i: np.ndarray, j: np.ndarray, s: np.ndarray, k: int):
    """The pairs in the top ``k`` (by similarity, then partner position) of either side.

    A pair with a side of at most ``k`` partners stays; the claims with more (crowded) are ranked a
    range at a time, each range holding at most about `SORT_BUDGET` pair ends (a claim with more
    holds a range alone), so memory beyond a flag per pair stays bounded."""
    keep = cap_mask(i, j, s, k)
    return (i, j, s) if keep is None else (i[keep], j[keep], s[keep])


def cap_mask(i: np.ndarray, j: np.ndarray, s: np.ndarray, k: int) -> np.ndarray | None:
    """Which pairs `cap_pairs` keeps (None: all)."""
    m = len(i)
    if m == 0:
        return None
    n = int(max(i.max(), j.max())) + 1
    degree = np.bincount(i, minlength=n) + np.bincount(j, minlength=n)
    if degree.max() <= k:
        return None
    crowded_i, crowded_j = degree[i] > k, degree[j] > k
    keep = ~(crowded_i & crowded_j)
    ends = np.cumsum(np.where(degree > k, degree, 0))
    cuts = np.searchsorted(ends, np.arange(SORT_BUDGET, ends[-1], SORT_BUDGET), side="left") + 1
    bounds = np.unique(np.concatenate([[0], np.minimum(cuts, n), [n]]))
    for lo, hi in zip(bounds[:-1].tolist(), bounds[1:].tolist()):
        if lo == 0 and hi == n:
            left, right = np.flatnonzero(crowded_i), np.flatnonzero(crowded_j)
        else:
            left = np.flatnonzero(crowded_i & (i >= lo) & (i < hi))
            right = np.flatnonzero(crowded_j & (j >= lo) & (j < hi))
        at = np.concatenate([left, right])
        src = np.concatenate([i[left], j[right]])
        order = np.lexsort((np.concatenate([j[left], i[right]]), -s[at], src))
        ranked = src[order]
        rank = np.arange(len(order)) - np.searchsorted(ranked, ranked, side="left")
        keep[at[order[rank < k]]] = True
    return keep


def components(n: int, pairs: Sequence[Pair]) -> list[list[int]]:
    """Connected components with more than one member, largest first, members sorted."""
    if not len(pairs):
        return []
    from scipy.sparse import coo_matrix
    from scipy.sparse.csgraph import connected_components

    if isinstance(pairs, Pairs):
        i, j = pairs.i, pairs.j
    else:
        i = np.fromiter((p.i for p in pairs), dtype=np.int64, count=len(pairs))
        j = np.fromiter((p.j for p in pairs), dtype=np.int64, count=len(pairs))
    graph = coo_matrix((np.ones(len(i), dtype=np.int8), (i, j)), shape=(n, n))
    _, labels = connected_components(graph, directed=False)
    sizes = np.bincount(labels)
    nodes = np.nonzero(sizes[labels] > 1)[0]
    nodes = nodes[np.argsort(labels[nodes], kind="stable")]
    bounds = np.flatnonzero(np.diff(labels[nodes])) + 1
    groups = [g.tolist() for g in np.split(nodes, bounds)] if len(nodes) else []
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


#: A dataset row split into at most this many claims is one claim its curator wrote (a notice, a
#: correction, a post): `row_sentence_pairs` compares its figure sentences. A row of more is an
#: article (a crawl exported to JSONL), whose sentences keep their own candidacy.
ROW_SENTENCES = 4


def row_sentence_pairs(claims, pairs: Iterable[Pair], rows: tuple[dict, dict] | None = None) -> list[Pair]:
    """The pairs to add to ``pairs`` so that two dataset rows of several sentences that meet are
    compared as the two claims they are: when a candidate pair joins sentences of two rows (claims
    with a ``row_id``, of at most `ROW_SENTENCES` claims each, in files most of whose rows are that
    short: a file of articles, as a crawl exported to JSONL, keeps its candidacy for its short rows
    too), every sentence of one row that carries
    a figure is paired with every such sentence of the other, each with the similarity of the rows'
    best pair (as `claim_pairs` gives a claim the similarity of its best clause). Rows of one claim
    add nothing (their pair is the candidate itself).

    Bounded: each row pair is expanded once, by at most ``ROW_SENTENCES ** 2`` pairs, and only row
    pairs among the candidates are, so the pairs added are at most 16 times the candidates (in
    practice far fewer: most rows are one claim).

    ``claims``: a sequence, or a mapping of claim numbers (`run` passes its pool, with the claims of
    the rows of ``pairs``); ``rows``: `row_members` of the whole check, by default read of ``claims``."""
    members, short = rows if rows is not None else row_members(enumerate(claims))
    have: set[tuple[int, int]] = set()
    best: dict[tuple[str, str], float] = {}
    for p in pairs:
        have.add((p.i, p.j))
        a, b = claims[p.i], claims[p.j]
        if a.row_id is None or b.row_id is None or a.doc_key == b.doc_key:
            continue
        ra, rb = members.get(a.doc_key, ()), members.get(b.doc_key, ())
        if len(ra) + len(rb) <= 2 or not (short_row(len(ra), a.path, short) and short_row(len(rb), b.path, short)):
            continue
        key = (a.doc_key, b.doc_key) if a.doc_key < b.doc_key else (b.doc_key, a.doc_key)
        best[key] = max(best.get(key, p.similarity), p.similarity)
    added: dict[tuple[int, int], float] = {}
    for (da, db), s in best.items():
        xs = [n for n in members[da] if claims[n].quantities]
        ys = [n for n in members[db] if claims[n].quantities]
        for x in xs:
            for y in ys:
                i, j = min(x, y), max(x, y)
                if (i, j) not in have and added.get((i, j), -1.0) < s:
                    added[(i, j)] = s
    return [Pair(i, j, s) for (i, j), s in sorted(added.items())]


def row_members(numbered: Iterable[tuple[int, object]]) -> tuple[dict[str, list[int]], dict[str, int]]:
    """The claim numbers of each dataset row (by document key) of ``numbered`` ((number, claim) in
    text order), and per file its rows of at most `ROW_SENTENCES` claims less its rows of more: what
    `row_sentence_pairs` reads."""
    members: dict[str, list[int]] = {}
    paths: dict[str, str] = {}
    for n, c in numbered:
        if c.row_id is not None:
            members.setdefault(c.doc_key, []).append(n)
            paths[c.doc_key] = c.path
    return members, short_rows((paths[key], len(rows)) for key, rows in members.items())


def short_row(size: int, path: str, short: dict[str, int]) -> bool:
    """A dataset row of ``size`` claims in the file ``path`` is one claim its curator wrote: at most
    `ROW_SENTENCES` claims, in a file most of whose rows are that short (``short``: `short_rows`).
    `row_sentence_pairs` compares such rows whole, and `check.row_documents` has the rows model
    score their claims."""
    return size <= ROW_SENTENCES and short.get(path, 0) > 0


def short_rows(sizes: Iterable[tuple[str, int]]) -> dict[str, int]:
    """Per file, of its rows ((file, claims of the row) each), those of at most `ROW_SENTENCES`
    claims less those of more."""
    short: dict[str, int] = {}
    for path, size in sizes:
        short[path] = short.get(path, 0) + (1 if size <= ROW_SENTENCES else -1)
    return short
