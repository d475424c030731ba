import numpy as np

from consistency import group


def unit(rows):
    m = np.asarray(rows, dtype=np.float32)
    return m / np.linalg.norm(m, axis=1, keepdims=True)


def brute(vectors, threshold, docs=None):
    out = set()
    s = vectors @ vectors.T
    for i in range(len(vectors)):
        for j in range(i + 1, len(vectors)):
            if s[i, j] >= threshold and (docs is None or docs[i] != docs[j]):
                out.add((i, j))
    return out


def test_blockwise_pairs_equal_brute_force(monkeypatch):
    rng = np.random.default_rng(0)
    v = unit(rng.normal(size=(300, 8)))
    docs = rng.integers(0, 40, size=300)
    monkeypatch.setattr(group, "BLOCK_BUDGET", 300 * 7)  # force many small blocks
    got = {(p.i, p.j) for p in group.candidate_pairs(v, threshold=0.6, max_neighbors=1000, documents=docs)}
    assert got == brute(v, 0.6, docs)


def test_against_limits_pairs_to_new_rows():
    rng = np.random.default_rng(1)
    v = unit(rng.normal(size=(120, 4)))
    new = np.arange(100, 120)
    got = {(p.i, p.j) for p in group.candidate_pairs(v, threshold=0.5, max_neighbors=1000, against=new)}
    want = {(i, j) for i, j in brute(v, 0.5) if i >= 100 or j >= 100}
    assert got == want


def test_max_neighbors_caps_a_duplicate_flood():
    v = unit(np.ones((200, 4)) + np.random.default_rng(2).normal(scale=1e-3, size=(200, 4)))
    pairs = group.candidate_pairs(v, threshold=0.9, max_neighbors=5)
    assert len(pairs) <= 200 * 5


def test_components_largest_first():
    pairs = [group.Pair(0, 1, 0.9), group.Pair(1, 2, 0.8), group.Pair(4, 5, 0.7)]
    assert group.components(6, pairs) == [[0, 1, 2], [4, 5]]
