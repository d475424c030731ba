"""Group stage: nearest neighbours above a threshold -> candidate pairs -> groups.

Two searches, one result shape:

* **exact** (up to `EXACT_UP_TO` claims, or ``index="exact"``): similarities block by
  block over the upper triangle only (rows ``[b, e)`` against rows ``b..n``), so each
  pair is computed once and memory stays linear: a block is at most `BLOCK_BUDGET`
  floats. Hits are collected with numpy (`np.nonzero`), never a Python loop per hit.
* **ann** (above that, or ``index="ann"``): a FAISS inverted-file index (`IVF`),
  searched for each claim's nearest neighbours; its pair recall against exact is
  measured by ``benchmarks/grouping.py --scale``. The similarities of the pairs it
  finds are recomputed exactly, so both searches report the same numbers.

**Neighbour cap.** A claim with more than ``max_neighbors`` partners above the
threshold keeps its ``max_neighbors`` most similar ones, and a pair is kept when
*either* side keeps it (the union of every claim's top k): symmetric, at most
``n * max_neighbors`` pairs, and no side of a pair is favoured by its position.
Ties in similarity go to the partner that comes first, and callers put claims in a
canonical order (`consistency.api.check` sorts its inputs), so any input order gives
the same pairs. Connected components of the pair graph are the groups shown in
reports.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Iterable, Iterator, Sequence

import numpy as np

from .records import Group

#: floats per similarity block: 32M float32 = 128 MB.
BLOCK_BUDGET = 1 << 25
#: ``index="auto"`` searches exactly up to this many claims, with the ANN index above.
EXACT_UP_TO = 30_000
#: IVF lists probed per query (of ``2 * sqrt(n)``): pair recall 0.997 at 100k (benchmarks/grouping.py --scale).
NPROBE = 16


@dataclass(frozen=True, slots=True)
class Pair:
    i: int
    j: int
    similarity: float


class Pairs(Sequence[Pair]):
    """Candidate pairs ``i < j``, sorted, held as three arrays; `Pair` records are made on access."""

    def __init__(self, i: np.ndarray, j: np.ndarray, similarity: np.ndarray) -> None:
        order = np.lexsort((j, i))
        self.i, self.j, self.similarity = i[order], j[order], similarity[order]

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
) -> Pairs:
    """Pairs ``i < j`` with cosine similarity >= ``threshold`` (vectors are unit length), capped.

    ``documents`` gives each row's document number; unless ``same_document``,
    rows of one document are not paired. With ``against`` (an index array), only
    pairs with at least one side in it are returned: new claims against all (the
    cap then sees only those pairs). ``index``: ``auto``, ``exact`` or ``ann``;
    ``threads``: for the ANN index (0: all cores).
    """
    n = len(vectors)
    if n < 2:
        return _no_pairs()
    vectors = np.ascontiguousarray(vectors, dtype=np.float32)
    docs = None if documents is None or same_document else np.asarray(documents)
    new = None if against is None else np.unique(np.asarray(against, dtype=np.int64))
    use_ann = index == "ann" or (index == "auto" and n > EXACT_UP_TO)
    if use_ann:
        i, j, s = _ann_hits(vectors, threshold, max_neighbors, new, docs, threads)
    else:
        i, j, s = _exact_hits(vectors, threshold, max_neighbors, new, docs)
    i, j = np.minimum(i, j), np.maximum(i, j)
    if use_ann:  # a pair may be found from both sides
        i, j, s = _unique(i, j, s, n)
    return Pairs(*_cap(i, j, s, max_neighbors))


def claim_pairs(pairs: Pairs, owner: np.ndarray, max_neighbors: int = 50) -> Pairs:
    """Pairs of units (claims and their clauses, `consistency.clauses`) -> pairs of the claims they
    belong to (``owner[u]``), each with the similarity of its best unit pair; a claim is never paired
    with itself, and the neighbour cap applies again to the claim pairs."""
    i, j = owner[pairs.i], owner[pairs.j]
    keep = i != j
    i, j, s = np.minimum(i, j)[keep], np.maximum(i, j)[keep], pairs.similarity[keep]
    order = np.lexsort((-s, j, i))  # each claim pair's best unit pair first
    i, j, s = _unique(i[order], j[order], s[order], int(owner.max()) + 1)
    return Pairs(*_cap(i, j, s, max_neighbors))


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
    same pairs, similarities and cap), in those numbers.
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
            parts = [_cap(*_concat(parts), max_neighbors)]
            held = len(parts[0][0])
    return Pairs(*_cap(*_concat(parts), max_neighbors))


def pairs_from_lists(new: np.ndarray, new_documents: Sequence[str], probes: np.ndarray, homes: np.ndarray,
                     stored: Iterable[tuple[np.ndarray, np.ndarray, Sequence[str], np.ndarray]], *, first_new: int,
                     threshold: float, max_neighbors: int = 50, same_document: bool = False) -> Pairs:
    """Pairs of new claims found through an inverted file kept in the store: what `candidate_pairs`
    with the ANN index and ``against`` the new rows finds, with the lists persisted.

    ``probes[k]``: the lists new claim ``k`` searches; ``homes[k]``: the list it belongs to;
    ``stored`` yields the stored members of the probed lists (their lists, numbers, document keys,
    vectors). Each new claim keeps its ``2 * max_neighbors + 1`` most similar claims among the
    members of its lists (itself and same-document claims included in that count, as a FAISS
    search returns them), those at or above ``threshold`` and of another document become pairs,
    numbered like `pairs_with_stored`, with exact similarities.
    """
    k = len(new)
    if k == 0:
        return _no_pairs()
    new = np.ascontiguousarray(new, dtype=np.float32)
    doc_number, new_docs = _number_documents(new_documents)
    flat = probes.ravel()
    order = np.argsort(flat, kind="stable")
    lists_probed, starts = np.unique(flat[order], return_index=True)
    queries_of = {int(lst): np.unique(q) for lst, q in
                  zip(lists_probed, np.split(order // probes.shape[1], starts[1:]))}
    parts: list[tuple[np.ndarray, np.ndarray, np.ndarray, np.ndarray]] = []  # query, partner id, doc, sim

    def search(lists: np.ndarray, ids: np.ndarray, docs: np.ndarray, vectors: np.ndarray) -> None:
        for lst in np.unique(lists):
            queries = queries_of.get(int(lst))
            if queries is None:
                continue
            inside = lists == lst
            sims = new[queries] @ vectors[inside].T
            r, c = np.nonzero(sims >= threshold)
            parts.append((queries[r], ids[inside][c], docs[inside][c], sims[r, c]))

    search(homes, first_new + np.arange(k), new_docs, new)  # new claims are members of their lists too
    for lists, numbers, documents, vectors in stored:
        search(lists, numbers, np.array([doc_number.get(d, -1) for d in documents]), vectors)
    if not parts:
        return _no_pairs()
    q, j, d, s = (np.concatenate([p[x] for p in parts]) for x in range(4))
    # each query's nearest (2k + 1), itself and its own document's claims counted, as a FAISS search
    order = np.lexsort((j, -s, q))
    q, j, d, s = q[order], j[order], d[order], s[order]
    rank = np.arange(len(q)) - np.searchsorted(q, q, side="left")
    i = first_new + q
    keep = (rank < 2 * max_neighbors + 1) & (j != i)
    if not same_document:
        keep &= d != new_docs[q]
    i, j, s = i[keep], j[keep], s[keep]
    i, j = np.minimum(i, j), np.maximum(i, j)
    i, j, s = _unique(i, j, s, first_new + k)
    return Pairs(*_cap(i, j, s, max_neighbors))


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
            parts = [_cap(*_concat(parts), k)]
            held = len(parts[0][0])
    return _concat(parts)


def _ann_hits(vectors: np.ndarray, threshold: float, k: int, new: np.ndarray | None, docs: np.ndarray | None,
              threads: int = 0):
    """Each (new) row's ``2k + 1`` nearest rows by a `NeighbourIndex`, as hits above the threshold."""
    index = NeighbourIndex.build(vectors, threads=threads)
    queries = np.arange(len(vectors)) if new is None else new
    width = min(len(vectors), 2 * k + 1)  # itself and same-document partners are dropped: look past them
    found = index.search(vectors[queries], width)
    i = np.repeat(queries, width)
    j = found.ravel()
    keep = (j >= 0) & (i != j)
    i, j = i[keep], j[keep]
    if docs is not None:
        keep = docs[i] != docs[j]
        i, j = i[keep], j[keep]
    s = _dots(vectors, i, j)  # exact, whatever the index computed
    keep = s >= threshold
    return i[keep], j[keep], s[keep]


def _dots(vectors: np.ndarray, i: np.ndarray, j: np.ndarray, chunk: int = 1 << 16) -> np.ndarray:
    """``vectors[i] . vectors[j]`` row by row, a chunk at a time (memory stays small)."""
    out = np.empty(len(i), dtype=np.float32)
    for begin in range(0, len(i), chunk):
        a, b = vectors[i[begin:begin + chunk]], vectors[j[begin:begin + chunk]]
        out[begin:begin + chunk] = np.einsum("ij,ij->i", a, b)
    return out


class NeighbourIndex:
    """An approximate nearest-neighbour index over unit vectors (FAISS IVF, inner product).

    Rows are numbered in the order they are added. ``build`` trains the coarse quantiser
    (``2 * sqrt(n)`` lists, seeded, on a sample) and adds the vectors; ``add`` appends more without
    retraining; ``search`` returns each query's nearest row numbers (-1 pads); ``to_bytes`` /
    ``from_bytes`` round-trip it. A store keeps only the centroids (`centroids`) and each claim's
    list, in its tables (`consistency.store.neighbours`), so a nightly run reads the vectors of the
    lists its new claims probe and no others.
    """

    def __init__(self, index) -> None:
        self._index = index

    @classmethod
    def build(cls, vectors: np.ndarray, *, threads: int = 0) -> "NeighbourIndex":
        built = cls.trained(vectors, threads=threads)
        built.add(vectors)
        return built

    @staticmethod
    def list_count(n: int) -> int:
        """Lists for ``n`` vectors: ``2 * sqrt(n)``, at least 39 vectors each."""
        return max(1, min(int(2 * np.sqrt(n)), n // 39))

    @classmethod
    def trained(cls, sample: np.ndarray, *, lists: int | None = None, threads: int = 0) -> "NeighbourIndex":
        """An empty index whose coarse quantiser (``lists`` centroids, by default `list_count` of the
        sample) is trained on ``sample``, seeded."""
        import faiss

        if threads:
            faiss.omp_set_num_threads(threads)
        n, dim = sample.shape
        lists = lists or cls.list_count(n)
        index = faiss.IndexIVFFlat(faiss.IndexFlatIP(dim), dim, lists, faiss.METRIC_INNER_PRODUCT)
        index.cp.seed = 1234
        index.cp.niter = 10
        index.cp.max_points_per_centroid = 64  # train on a sample: the lists only route the search
        index.train(np.ascontiguousarray(sample, dtype=np.float32))
        index.nprobe = min(NPROBE, lists)
        return cls(index)

    def centroids(self) -> np.ndarray:
        """The lists' centroids, one row each."""
        quantiser = self._index.quantizer
        return quantiser.reconstruct_n(0, quantiser.ntotal).astype(np.float32)

    def add(self, vectors: np.ndarray) -> None:
        self._index.add(np.ascontiguousarray(vectors, dtype=np.float32))

    def search(self, queries: np.ndarray, width: int) -> np.ndarray:
        """Row numbers of the ``width`` nearest rows of each query, most similar first."""
        queries = np.ascontiguousarray(queries, dtype=np.float32)
        found = np.empty((len(queries), width), dtype=np.int64)
        for begin in range(0, len(queries), 4096):
            _, found[begin:begin + 4096] = self._index.search(queries[begin:begin + 4096], width)
        return found

    def __len__(self) -> int:
        return int(self._index.ntotal)

    def to_bytes(self) -> bytes:
        import faiss

        return faiss.serialize_index(self._index).tobytes()

    @classmethod
    def from_bytes(cls, data: bytes) -> "NeighbourIndex":
        import faiss

        index = faiss.deserialize_index(np.frombuffer(data, dtype=np.uint8))
        return cls(index)


def _unique(i: np.ndarray, j: np.ndarray, s: np.ndarray, n: int):
    _, first = np.unique(i * n + j, return_index=True)
    return i[first], j[first], s[first]


def _concat(parts):
    if not parts:
        empty = np.zeros(0, dtype=np.int64)
        return empty, empty, np.zeros(0, dtype=np.float32)
    return tuple(np.concatenate([p[x] for p in parts]) for x in range(3))


def _cap(i: np.ndarray, j: np.ndarray, s: np.ndarray, k: int):
    """The pairs in the top ``k`` (by similarity, then partner position) of either side."""
    m = len(i)
    if m == 0:
        return i, j, s
    degree = np.bincount(np.concatenate([i, j]))
    if degree.max() <= k:
        return i, j, s
    src = np.concatenate([i, j])
    dst = np.concatenate([j, i])
    sim = np.concatenate([s, s])
    order = np.lexsort((dst, -sim, src))
    sorted_src = src[order]
    starts = np.searchsorted(sorted_src, sorted_src, side="left")
    rank = np.arange(2 * m) - starts
    keep = np.zeros(m, dtype=bool)
    keep[order[rank < k] % m] = True
    return i[keep], j[keep], s[keep]


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
