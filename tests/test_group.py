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


def brute_capped(vectors, threshold, k, docs=None):
    """Reference cap: a pair stays when it is in the top k (similarity, then partner position) of
    either of its claims."""
    hits = brute(vectors, threshold, docs)
    s = vectors @ vectors.T
    partners: dict[int, list[int]] = {}
    for i, j in hits:
        partners.setdefault(i, []).append(j)
        partners.setdefault(j, []).append(i)
    top = {x: set(sorted(ps, key=lambda p: (-s[x, p], p))[:k]) for x, ps in partners.items()}
    return {(i, j) for i, j in hits if j in top[i] or i in top[j]}


def clustered(n, dim, seed, spread=0.6):
    rng = np.random.default_rng(seed)
    centres = rng.normal(size=(max(1, n // 20), dim))
    return unit(centres[rng.integers(0, len(centres), n)] + spread * rng.normal(size=(n, dim)))


def test_cap_keeps_the_union_of_every_claims_top_k(monkeypatch):
    v = clustered(400, 6, 3)
    docs = np.random.default_rng(3).integers(0, 100, size=400)
    want = brute_capped(v, 0.8, 4, docs)
    got = {(p.i, p.j) for p in group.candidate_pairs(v, threshold=0.8, max_neighbors=4, documents=docs)}
    assert got == want
    # pruning early while collecting (a flood) gives the same pairs
    monkeypatch.setattr(group, "BLOCK_BUDGET", 400 * 3)
    assert {(p.i, p.j) for p in group.candidate_pairs(v, threshold=0.8, max_neighbors=1, documents=docs)} \
        == brute_capped(v, 0.8, 1, docs)


def test_a_claim_among_duplicates_keeps_its_partners():
    """Before, a row kept its top k among *later* rows only: a differing claim placed after a flood
    of near-duplicates lost every pair. Now its own top k keeps them, wherever it stands."""
    base = np.ones((60, 4))
    flood = unit(base + np.random.default_rng(4).normal(scale=1e-4, size=base.shape))
    odd = unit([[1.0, 1.0, 1.0, 0.6]])
    for at in (0, 30, 60):
        v = np.insert(flood, at, odd, axis=0)
        pairs = group.candidate_pairs(v, threshold=0.9, max_neighbors=5)
        assert sum(at in (p.i, p.j) for p in pairs) == 5


def test_pairs_do_not_depend_on_input_order():
    v = clustered(500, 5, 5)
    base = {(p.i, p.j) for p in group.candidate_pairs(v, threshold=0.85, max_neighbors=3)}
    perm = np.random.default_rng(6).permutation(len(v))
    got = group.candidate_pairs(v[perm], threshold=0.85, max_neighbors=3)
    assert {tuple(sorted((int(perm[p.i]), int(perm[p.j])))) for p in got} == base


def test_ann_index_finds_the_exact_pairs():
    v = clustered(3000, 32, 7, spread=0.35)
    docs = np.arange(3000) // 3
    exact = group.candidate_pairs(v, threshold=0.7, max_neighbors=10, documents=docs, index="exact")
    ann = group.candidate_pairs(v, threshold=0.7, max_neighbors=10, documents=docs, index="ann")
    e, a = {(p.i, p.j) for p in exact}, {(p.i, p.j) for p in ann}
    assert len(e) > 1000
    above = {(p.i, p.j) for p in group.candidate_pairs(v, threshold=0.7, max_neighbors=3000, documents=docs)}
    assert len(e & a) / len(e) >= 0.99 and a <= above
    sims = dict(((p.i, p.j), p.similarity) for p in exact)
    assert all(abs(sims[(p.i, p.j)] - p.similarity) < 1e-5 for p in ann if (p.i, p.j) in sims)


def test_components_from_pair_arrays_match_pair_records():
    v = clustered(300, 5, 8)
    pairs = group.candidate_pairs(v, threshold=0.9)
    assert group.components(300, pairs) == group.components(300, list(pairs))


def test_ann_index_finds_every_pair_above_the_threshold_in_the_probed_lists(monkeypatch):
    """With as many probes as lists, the inverted file compares every pair: exactly the exact pairs."""
    v = clustered(2000, 16, 9, spread=0.3)
    docs = np.arange(2000) // 4
    exact = group.candidate_pairs(v, threshold=0.75, max_neighbors=6, documents=docs, index="exact")
    lists = group.list_count(2000)
    monkeypatch.setattr(group, "NPROBE", lists)
    ann = group.candidate_pairs(v, threshold=0.75, max_neighbors=6, documents=docs, index="ann")
    assert lists > 16 and len(exact) > 1000
    assert (ann.i.tolist(), ann.j.tolist()) == (exact.i.tolist(), exact.j.tolist())
    assert np.allclose(ann.similarity, exact.similarity, atol=1e-6)


def test_working_memory_bounds_do_not_change_the_pairs(monkeypatch):
    """The ANN search dedups and the cap ranks in bounded buckets (`SORT_BUDGET`) and the queries go
    `QUERY_CHUNK` at a time; tiny bounds (many buckets, many chunks) give the very same pairs, and the
    capped exact pairs still equal brute force."""
    v = clustered(3000, 32, 10, spread=0.35)
    docs = np.arange(3000) // 3
    monkeypatch.setattr(group, "QUERY_CHUNK", 400)
    wide = group.candidate_pairs(v, threshold=0.7, max_neighbors=5, documents=docs, index="ann")
    monkeypatch.setattr(group, "SORT_BUDGET", 2000)
    narrow = group.candidate_pairs(v, threshold=0.7, max_neighbors=5, documents=docs, index="ann")
    assert len(wide) > 4000 and wide.i.dtype == np.int32
    assert (narrow.i.tolist(), narrow.j.tolist(), narrow.similarity.tolist()) == \
        (wide.i.tolist(), wide.j.tolist(), wide.similarity.tolist())
    small = clustered(400, 6, 3)
    assert {(p.i, p.j) for p in group.candidate_pairs(small, threshold=0.8, max_neighbors=4)} == \
        brute_capped(small, 0.8, 4)


def brute_keyed(vectors, low, high, keys, docs=None, agree=None):
    """Reference second route: pairs of rows sharing a key (and agreeing), similarity in [low, high)."""
    s = vectors @ vectors.T
    return {(i, j) for i in range(len(vectors)) for j in range(i + 1, len(vectors))
            if low <= s[i, j] < high and keys[i] & keys[j] and (docs is None or docs[i] != docs[j])
            and (agree is None or agree(i, j))}


def test_keyed_route_adds_pairs_of_a_shared_key_under_the_threshold():
    rng = np.random.default_rng(5)
    v = unit(rng.normal(size=(200, 6)))
    docs = rng.integers(0, 30, size=200)
    keys = [frozenset({int(x)}) if x < 4 else frozenset() for x in rng.integers(0, 8, size=200)]
    odd = lambda a, b: (a + b) % 2 == 1  # noqa: E731  (a finer test than the keys, asked of their pairs)
    got = {(p.i, p.j) for p in group.candidate_pairs(v, threshold=0.7, max_neighbors=1000, documents=docs,
                                                     keys=keys, key_threshold=0.3, agree=odd)}
    assert got == brute(v, 0.7, docs) | brute_keyed(v, 0.3, 0.7, keys, docs, odd)
    assert brute_keyed(v, 0.3, 0.7, keys, docs, odd)  # the route adds some


def test_keyed_route_follows_against_and_the_ann_search():
    rng = np.random.default_rng(6)
    v = unit(rng.normal(size=(300, 6)))
    keys = [frozenset({int(x)}) for x in rng.integers(0, 3, size=300)]
    new = np.arange(250, 300)
    got = {(p.i, p.j) for p in group.candidate_pairs(v, threshold=0.8, max_neighbors=1000, against=new,
                                                     keys=keys, key_threshold=0.5)}
    want = {(i, j) for i, j in brute(v, 0.8) | brute_keyed(v, 0.5, 0.8, keys) if i >= 250 or j >= 250}
    assert got == want
    exact = {(p.i, p.j) for p in group.candidate_pairs(v, threshold=0.8, keys=keys, key_threshold=0.5, max_neighbors=1000)}
    ann = {(p.i, p.j) for p in group.candidate_pairs(v, threshold=0.8, keys=keys, key_threshold=0.5, max_neighbors=1000,
                                                     index="ann", threads=1)}
    assert len(ann & exact) >= 0.95 * len(exact) and ann <= exact


def left_counts(pairs, n):
    return np.bincount(pairs.left[0], minlength=n) + np.bincount(pairs.left[1], minlength=n)


def test_the_cap_says_which_pairs_over_the_threshold_it_left_out():
    # eight near-copies of one row, one row a little apart and one far off: a cap of 3 leaves
    # each copy most of its partners over the threshold, and the row far off none
    rng = np.random.default_rng(7)
    v = unit(np.vstack([np.ones((8, 4)) + rng.normal(scale=1e-3, size=(8, 4)),
                        [[1.0, 1.0, 1.0, 0.6]], [[1.0, -1.0, 0.0, 0.0]]]))
    pairs = group.candidate_pairs(v, threshold=0.9, max_neighbors=3)
    over = np.array([sum(1 for j in range(len(v)) if j != i and v[i] @ v[j] >= 0.9) for i in range(len(v))])
    kept = np.bincount(pairs.i, minlength=len(v)) + np.bincount(pairs.j, minlength=len(v))
    left = left_counts(pairs, len(v))
    assert (kept + left == over).all()
    assert left[:8].min() > 0 and left[-1] == 0
    assert not {(p.i, p.j) for p in pairs} & set(zip(*(x.tolist() for x in pairs.left)))


def test_claim_pairs_carry_what_both_caps_left_out():
    # units 0-5 are six claims' sentences, all alike; unit 6 is a clause of claim 0 unlike any of them
    rng = np.random.default_rng(8)
    v = unit(np.vstack([np.ones((6, 4)) + rng.normal(scale=1e-3, size=(6, 4)), [[1.0, -1.0, 0.0, 0.0]]]))
    owner = np.array([0, 1, 2, 3, 4, 5, 0])
    units = group.candidate_pairs(v, threshold=0.9, max_neighbors=2, documents=owner)
    pairs = group.claim_pairs(units, owner, 2)
    kept = np.bincount(pairs.i, minlength=6) + np.bincount(pairs.j, minlength=6)
    assert (kept + left_counts(pairs, 6) == 5).all()  # every claim is over the threshold with the five others
    assert not len(group.claim_pairs(group.candidate_pairs(v, threshold=0.9, documents=owner), owner).left[0])


def test_the_searches_of_a_store_say_what_their_cap_left_out_as_the_search_of_all_does():
    # the first six rows are stored (two blocks), the last four new; all ten are alike, so a cap of 2
    # leaves most pairs of the new rows out: `run` counts them in a row's crowd as `check` does
    rng = np.random.default_rng(9)
    v = unit(np.ones((10, 4)) + rng.normal(scale=1e-3, size=(10, 4)))
    whole = group.candidate_pairs(v, threshold=0.9, max_neighbors=2, against=np.arange(6, 10))
    blocks = [(np.arange(0, 3), ["s0", "s1", "s2"], v[:3]), (np.arange(3, 6), ["s3", "s4", "s5"], v[3:6])]
    stored = group.pairs_with_stored(v[6:], ["n0", "n1", "n2", "n3"], blocks, first_new=6, threshold=0.9,
                                     max_neighbors=2)
    assert [(p.i, p.j) for p in stored] == [(p.i, p.j) for p in whole]
    assert sorted(zip(*(x.tolist() for x in stored.left))) == sorted(zip(*(x.tolist() for x in whole.left)))
    assert len(stored) + len(stored.left[0]) == 6 * 4 + 6  # every pair with a new row, kept or left out
    # a second route's pairs joined under one cap keep what the first cap left out, less what they keep
    more = group.more_pairs(stored, *stored.left, np.full(len(stored.left[0]), 0.5, dtype=np.float32), 2)
    assert not {(p.i, p.j) for p in more} & set(zip(*(x.tolist() for x in more.left)))
    assert len(more) + len(more.left[0]) == 6 * 4 + 6
