"""Grouping accuracy: pairwise precision / recall of our groups beside
``sentence_transformers.util.community_detection`` at its best threshold.

Usage::

    .venv/bin/python benchmarks/grouping.py [--data DIR] [--split dev|train|all]
    .venv/bin/python benchmarks/grouping.py --scale [20000 100000 300000 1000000] [--threads 2] [--options]

Data: ``stsb_headlines_pairs.jsonl`` and ``checkthat2020_clusters.jsonl`` from
``--data``, else ``$CONSISTENCY_DATA`` (or ``$CONSISTENCY_BENCH_DATA``), else
``../shared/data``; a missing folder or file is reported and skipped (exit 0).

* **Ours**: `group.candidate_pairs` at the default threshold (0.5, no tuning) and
  connected components (`group.components`), exactly as `consistency check`
  groups claims; every text is its own document. Also shown at our best
  threshold, for a fair comparison.
* **community_detection** (sentence-transformers) with ``min_community_size=1``,
  at every threshold from 0.30 to 0.95 in steps of 0.05; the best F1 is reported.
* **STS-B headlines**: the texts of the split's pairs are grouped together; a
  pair with score >= 4 should share a group, one with score <= 2 should not;
  pairs in (2, 4) are left out (the README's binarisation). P/R/F1 over those pairs.
* **CheckThat! 2020**: the tweets of the split and their verified claims (plus
  the singleton distractor claims, unless ``--no-distractors``); gold pairs are
  pairs of one cluster; pairwise P = |predicted & gold| / |predicted|, R = |predicted & gold| / |gold|.

``--scale``: CPU and wall seconds, peak memory and pair recall of `group.candidate_pairs` +
`group.components` at each size (default 20k, 100k, 300k and 1M vectors), each run in a process of
its own limited to ``--threads`` threads (peak RSS of that process, vectors included), beside
``util.community_detection`` at 20k and 40k; with ``--options``, the search options side by side at
100k: our inverted file at 8, 16 and 32 probes and 1 or 2 threads, FAISS's own IVF search and an
HNSW graph (each claim's ``2k + 1`` nearest), exact blocks in float32 and over float16 vectors.
The vectors are synthetic from real ones: the texts of the data files embedded with the default
backend, then noisy copies of them (``base + s * noise``, ``s`` uniform in [0.3, 1.2], cosine to
the base 0.64-0.96), so neighbourhoods are as crowded as copies make them. Pair recall is against
exact search with the same cap (each claim's top ``max_neighbors`` partners above the threshold):
over all pairs where exact search is affordable (up to 100k), else over the exact top-k pairs of
2,000 sampled claims.
"""

from __future__ import annotations

import argparse
import itertools
import sys
import time
from pathlib import Path

import numpy as np

sys.path.insert(0, str(Path(__file__).resolve().parent))
from benchdata import data_dir, read_jsonl, scores

THRESHOLDS = [round(0.30 + 0.05 * i, 2) for i in range(14)]


def ours(vectors: np.ndarray, threshold: float) -> list[int]:
    from consistency.group import candidate_pairs, components

    pairs = candidate_pairs(vectors, threshold=threshold)
    labels = list(range(len(vectors), 2 * len(vectors)))  # texts in no group are singletons
    for number, members in enumerate(components(len(vectors), pairs)):
        for i in members:
            labels[i] = number
    return labels


def community(vectors: np.ndarray, threshold: float) -> list[int]:
    import torch
    from sentence_transformers import util

    labels = list(range(len(vectors), 2 * len(vectors)))  # singletons keep their own label
    groups = util.community_detection(torch.from_numpy(vectors), threshold=threshold, min_community_size=1,
                                      batch_size=1024)
    for number, members in enumerate(groups):
        for i in members:
            labels[i] = number
    return labels


def pair_scores(labels: list[int], pos: list[tuple[int, int]], neg: list[tuple[int, int]]) -> dict:
    tp = sum(labels[i] == labels[j] for i, j in pos)
    fp = sum(labels[i] == labels[j] for i, j in neg)
    return scores(tp, fp, len(pos) - tp)


def cluster_scores(labels: list[int], gold: list[str | None]) -> dict:
    """Pairwise P/R of predicted groups against gold clusters (None: a singleton)."""
    pred_pairs = _pairs_of(labels)
    gold_labels = [g if g is not None else f"__single{i}" for i, g in enumerate(gold)]
    gold_pairs = _pairs_of(gold_labels)
    tp = len(pred_pairs & gold_pairs)
    return scores(tp, len(pred_pairs) - tp, len(gold_pairs) - tp)


def _pairs_of(labels) -> set[tuple[int, int]]:
    members: dict = {}
    for i, label in enumerate(labels):
        members.setdefault(label, []).append(i)
    return {pair for group in members.values() if len(group) > 1 for pair in itertools.combinations(group, 2)}


def compare(title: str, vectors: np.ndarray, score) -> None:
    from consistency.config import Settings

    default = Settings().threshold
    rows = []
    for name, method in (("ours", ours), ("community_detection", community)):
        results = [(t, score(method(vectors, t))) for t in THRESHOLDS]
        best_t, best = max(results, key=lambda x: x[1]["F1"])
        rows.append((name, best_t, best))
        if name == "ours":
            at_default = score(ours(vectors, default))
            print(f"  ours (default threshold {default}):  P {at_default['P']:.3f}  R {at_default['R']:.3f}  "
                  f"F1 {at_default['F1']:.3f}")
    for name, t, m in rows:
        print(f"  {name} (best threshold {t}):  P {m['P']:.3f}  R {m['R']:.3f}  F1 {m['F1']:.3f}  "
              f"(tp {m['tp']}, fp {m['fp']}, fn {m['fn']})")


SCALE_SIZES = [20_000, 100_000, 300_000, 1_000_000]
BASE_CACHE = Path("/tmp/consistency-bench-grouping-base.npy")
EXACT_CACHE = "/tmp/consistency-bench-grouping-exact-{n}.npz"
#: what `--scale` measures at 100k claims, side by side: (method, threads, nprobe).
OPTIONS_AT_100K = [("ours", 1, 16), ("ours", 2, 16), ("ours", 2, 8), ("ours", 2, 32), ("faiss-ivf", 2, 16),
                   ("faiss-hnsw", 2, 0), ("exact", 2, 0), ("exact-fp16", 2, 0)]


def base_vectors(folder: Path) -> np.ndarray:
    """Real vectors: the distinct texts of the data files, embedded once (cached in /tmp)."""
    if BASE_CACHE.is_file():
        return np.load(BASE_CACHE)
    from consistency.embed import Embedder

    texts: list[str] = []
    for name, fields in (("stsb_headlines_pairs.jsonl", ("text_a", "text_b")), ("checkthat2020_clusters.jsonl", ("text",)),
                         ("equate_nat.jsonl", ("premise", "hypothesis")),
                         ("vitaminc_real_numeric_dev.jsonl", ("premise", "hypothesis"))):
        if (folder / name).is_file():
            texts.extend(row[f] for row in read_jsonl(folder / name) for f in fields)
    texts = list(dict.fromkeys(t for t in texts if t))
    if not texts:
        raise SystemExit(f"no benchmark texts under {folder}")
    vectors = Embedder().encode(texts)
    np.save(BASE_CACHE, vectors)
    return vectors


def synthetic(base: np.ndarray, n: int, seed: int = 0) -> np.ndarray:
    rng = np.random.default_rng(seed)
    out = np.empty((n, base.shape[1]), dtype=np.float32)
    for begin in range(0, n, 100_000):
        m = min(100_000, n - begin)
        noise = rng.standard_normal((m, base.shape[1]), dtype=np.float32) / np.sqrt(base.shape[1])
        scale = rng.uniform(0.3, 1.2, size=(m, 1)).astype(np.float32)
        block = base[rng.integers(0, len(base), m)] + scale * noise
        out[begin:begin + m] = block / np.linalg.norm(block, axis=1, keepdims=True)
    return out


def scale_one(method: str, n: int, threads: int, nprobe: int, folder: Path) -> dict:
    """One measurement, meant to run in a process of its own (see `scale`): CPU and wall seconds of
    the grouping (pairs and components), the process's peak RSS, and the pair recall against exact."""
    import resource

    from consistency import group
    from consistency.config import Settings

    settings = Settings()
    vectors = synthetic(base_vectors(folder), n)
    if nprobe:
        group.NPROBE = nprobe
    cpu, wall = time.process_time(), time.perf_counter()
    if method == "community_detection":
        import torch
        from sentence_transformers import util

        torch.set_num_threads(threads)
        cpu, wall = time.process_time(), time.perf_counter()
        groups = util.community_detection(torch.from_numpy(vectors), threshold=settings.threshold,
                                          min_community_size=2, batch_size=1024)
        result = {"pairs": None, "groups": len(groups)}
        pairs = None
    else:
        pairs = SEARCHES[method](vectors, settings, threads)
        groups = group.components(n, pairs)
        result = {"pairs": len(pairs), "groups": len(groups), "largest": len(groups[0]) if groups else 0}
    result["cpu"] = time.process_time() - cpu
    result["wall"] = time.perf_counter() - wall
    result["peak_mb"] = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    if pairs is not None:
        result["recall"], result["recall_over"] = recall(vectors, pairs, settings)
    return result


def _ours(index: str):
    def search(vectors, settings, threads):
        from consistency.group import candidate_pairs

        return candidate_pairs(vectors, threshold=settings.threshold, max_neighbors=settings.max_neighbors,
                               index=index, threads=threads)
    return search


def _exact_fp16(vectors, settings, threads):
    """Exact upper-triangle blocks over vectors held as float16, each block widened to float32 for
    the matrix product (half the memory of float32 vectors)."""
    from consistency.group import Pairs, cap_pairs, concat_hits

    half = vectors.astype(np.float16)
    n, k = len(half), settings.max_neighbors
    parts, held = [], 0
    for begin in range(0, n, 1024):
        sims = half[begin:begin + 1024].astype(np.float32) @ half[begin:].astype(np.float32).T
        r, c = np.nonzero(sims >= settings.threshold)
        i, j = r + begin, c + begin
        keep = j > i
        parts.append((i[keep], j[keep], sims[r, c][keep]))
        held += int(keep.sum())
        if held > 4 * n * k:
            parts, held = [cap_pairs(*concat_hits(parts), k)], 0
    return Pairs(*cap_pairs(*concat_hits(parts), k))


def _faiss_search(kind: str):
    """FAISS's own search (each claim's ``2k + 1`` nearest, kept at or above the threshold): an IVF
    index with the same lists and probes as ours, or an HNSW graph (M 32, efSearch 128)."""
    def search(vectors, settings, threads):
        import faiss

        from consistency import group

        faiss.omp_set_num_threads(threads)
        n, dim = vectors.shape
        if kind == "hnsw":
            index = faiss.IndexHNSWFlat(dim, 32, faiss.METRIC_INNER_PRODUCT)
            index.hnsw.efConstruction = 40
            index.add(vectors)
            index.hnsw.efSearch = 128
        else:
            centroids = group.train_centroids(vectors, threads=threads)
            quantiser = faiss.IndexFlatIP(dim)
            quantiser.add(centroids)
            index = faiss.IndexIVFFlat(quantiser, dim, len(centroids), faiss.METRIC_INNER_PRODUCT)
            index.is_trained = True
            index.add(vectors)
            index.nprobe = group.NPROBE
        width = 2 * settings.max_neighbors + 1
        parts = []
        for begin in range(0, n, 8192):
            sims, found = index.search(vectors[begin:begin + 8192], width)
            i = np.repeat(np.arange(begin, begin + len(found)), width)
            j, s = found.ravel(), sims.ravel()
            keep = (j >= 0) & (j != i) & (s >= settings.threshold)
            parts.append((i[keep], j[keep], s[keep]))
        i, j, s = group.concat_hits(parts)
        i, j, s = group.ordered_pairs([(i, j, s)], n)
        return group.Pairs(*group.cap_pairs(i, j, s, settings.max_neighbors))
    return search


SEARCHES = {"ours": _ours("auto"), "exact": _ours("exact"), "exact-fp16": _exact_fp16,
            "faiss-ivf": _faiss_search("ivf"), "faiss-hnsw": _faiss_search("hnsw")}


def recall(vectors: np.ndarray, pairs, settings) -> tuple[float, str]:
    """Pair recall of ``pairs`` against exact search with the same cap: over all exact pairs up to
    100k (computed once per size, cached in /tmp), else over the exact top-k pairs of 2,000 sampled claims."""
    from consistency.group import candidate_pairs

    n = len(vectors)
    key = pairs.i.astype(np.int64) * n + pairs.j
    if n <= 100_000:
        cache = Path(EXACT_CACHE.format(n=n))
        if cache.is_file():
            want = np.load(cache)["key"]
        else:
            exact = candidate_pairs(vectors, threshold=settings.threshold, max_neighbors=settings.max_neighbors,
                                    index="exact")
            want = exact.i.astype(np.int64) * n + exact.j
            np.savez(cache, key=want)
        return float(np.isin(want, key).mean()) if len(want) else 1.0, f"all {len(want)} exact pairs"
    rows = np.random.default_rng(1).choice(n, 2000, replace=False)
    want = set()
    for begin in range(0, len(rows), 200):
        part = rows[begin:begin + 200]
        sims = vectors[part] @ vectors.T
        sims[np.arange(len(part)), part] = -1
        top = np.argpartition(-sims, settings.max_neighbors, axis=1)[:, :settings.max_neighbors]
        for r, x in enumerate(part.tolist()):
            want.update(min(x, y) * n + max(x, y) for y in top[r].tolist() if sims[r, y] >= settings.threshold)
    found = np.isin(np.fromiter(want, dtype=np.int64, count=len(want)), key)
    return float(found.mean()) if len(want) else 1.0, f"the exact top-k pairs of 2000 sampled claims ({len(want)})"


def scale(sizes: list[int], threads: int, folder: Path, options: bool, only: list[str] | None = None) -> None:
    import json
    import os
    import subprocess

    from consistency.group import EXACT_UP_TO

    base = base_vectors(folder)
    print(f"synthetic vectors from {len(base)} real ones; CPU seconds, wall seconds and peak RSS of a process "
          "of its own per line (numpy, FAISS and torch limited to the threads shown)")
    print(f"  {'method':<24} {'n':>9} {'thr':>3} {'CPU s':>8} {'wall s':>7} {'peak MB':>8} {'pairs':>9} {'groups':>8} "
          f"{'largest':>8}  pair recall")
    runs = [("ours", n, threads, 0) for n in sizes]
    if options:
        runs += [(m, 100_000, t, p) for m, t, p in OPTIONS_AT_100K]
    runs += [("community_detection", n, threads, 0) for n in (20_000, 40_000)]
    if only:  # METHOD:N:THREADS[:NPROBE]
        runs = [(m, int(n), int(t), int(p[0]) if p else 0) for m, n, t, *p in (spec.split(":") for spec in only)]
    env = {**os.environ}
    for method, n, thr, nprobe in runs:
        code = (f"import json, sys; sys.path.insert(0, {str(Path(__file__).parent)!r}); import grouping; "
                f"print(json.dumps(grouping.scale_one({method!r}, {n}, {thr}, {nprobe}, grouping.Path({str(folder)!r}))))")
        limits = {name: str(thr) for name in ("OMP_NUM_THREADS", "OPENBLAS_NUM_THREADS", "MKL_NUM_THREADS")}
        proc = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, env={**env, **limits})
        if proc.returncode:
            print(f"  {method:<24} {n:>9} failed: {proc.stderr.strip().splitlines()[-1:]}", flush=True)
            continue
        r = json.loads(proc.stdout.strip().splitlines()[-1])
        label = method
        if method == "ours":
            label = "ours (exact)" if n <= EXACT_UP_TO else f"ours (IVF, nprobe {nprobe or 16})"
        elif method == "faiss-ivf":
            label = f"faiss IVF (nprobe {nprobe})"
        rec = f"{r['recall']:.4f} over {r['recall_over']}" if "recall" in r else ""
        print(f"  {label:<24} {n:>9} {thr:>3} {r['cpu']:>8.1f} {r['wall']:>7.1f} {r['peak_mb']:>8.0f} "
              f"{r['pairs'] if r['pairs'] is not None else '-':>9} {r['groups']:>8} {r.get('largest', '-'):>8}  {rec}",
              flush=True)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--scale", type=int, nargs="*", metavar="N",
                        help=f"time, memory and recall at these sizes [default: {SCALE_SIZES}]")
    parser.add_argument("--threads", type=int, default=2, help="--scale: threads (default 2)")
    parser.add_argument("--options", action="store_true",
                        help="--scale: also the search options side by side at 100k (IVF probes, FAISS IVF and HNSW, "
                             "exact float32 and float16)")
    parser.add_argument("--runs", nargs="+", metavar="METHOD:N:THREADS[:NPROBE]",
                        help="--scale: only these measurements (methods: ours, exact, exact-fp16, faiss-ivf, faiss-hnsw, "
                             "community_detection)")
    parser.add_argument("--data")
    parser.add_argument("--split", default="dev", choices=["dev", "train", "all"])
    parser.add_argument("--no-distractors", action="store_true", help="CheckThat!: leave out distractor claims")
    args = parser.parse_args(argv)
    folder = data_dir(args.data)
    if not folder.is_dir():
        print(f"benchmark data folder {folder} not found; skipping (give --data DIR or set CONSISTENCY_DATA)")
        return 0
    if args.scale is not None:
        scale(args.scale or SCALE_SIZES, args.threads, folder, args.options, args.runs)
        return 0
    from consistency.embed import Embedder

    embedder = Embedder()
    stsb = folder / "stsb_headlines_pairs.jsonl"
    if stsb.is_file():
        rows = [r for r in read_jsonl(stsb) if args.split == "all" or r["split"] == args.split]
        texts = list(dict.fromkeys(t for r in rows for t in (r["text_a"], r["text_b"])))
        index = {t: i for i, t in enumerate(texts)}
        pos = [(index[r["text_a"]], index[r["text_b"]]) for r in rows if r["score"] >= 4]
        neg = [(index[r["text_a"]], index[r["text_b"]]) for r in rows if r["score"] <= 2]
        started = time.perf_counter()
        vectors = _unit(embedder.encode(texts))
        print(f"STS-B headlines ({args.split}): {len(texts)} texts, {len(pos)} same pairs (score >= 4), "
              f"{len(neg)} different (<= 2); embedded in {time.perf_counter() - started:.1f}s")
        compare("stsb", vectors, lambda labels: pair_scores(labels, pos, neg))
    else:
        print(f"{stsb} not found; skipping STS-B")
    checkthat = folder / "checkthat2020_clusters.jsonl"
    if checkthat.is_file():
        rows = read_jsonl(checkthat)
        tweets = [r for r in rows if r["kind"] == "tweet" and (args.split == "all" or r["split"] == args.split)]
        used = {r["cluster"] for r in tweets}
        claims = [r for r in rows if r["kind"] == "vclaim" and r["cluster"] in used]
        distractors = [] if args.no_distractors else [r for r in rows if r["kind"] == "vclaim_distractor"]
        items = tweets + claims + distractors
        gold = [r["cluster"] if r["kind"] != "vclaim_distractor" else None for r in items]
        started = time.perf_counter()
        vectors = _unit(embedder.encode([r["text"] for r in items]))
        print(f"CheckThat! 2020 ({args.split}): {len(tweets)} tweets, {len(claims)} verified claims, "
              f"{len(distractors)} distractors; embedded in {time.perf_counter() - started:.1f}s")
        compare("checkthat", vectors, lambda labels: cluster_scores(labels, gold))
    else:
        print(f"{checkthat} not found; skipping CheckThat!")
    return 0


def _unit(x: np.ndarray) -> np.ndarray:
    x = np.asarray(x, dtype=np.float32)
    return x / np.maximum(np.linalg.norm(x, axis=1, keepdims=True), 1e-12)


if __name__ == "__main__":
    sys.exit(main())
