"""Grouping accuracy: pairwise precision / recall of our groups beside
``sentence_transformers.util.community_detection`` at its best threshold.

Usage::

    .venv/bin/python benchmarks/grouping.py [--data DIR] [--split dev|train|all]
    .venv/bin/python benchmarks/grouping.py --scale [20000 100000 300000 1000000] [--threads 1]

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

``--scale``: time, peak memory and pair recall of `group.candidate_pairs` + `group.components` at
each size (default 20k, 100k, 300k and 1M vectors), each run in a process of its own (CPU seconds
and peak RSS of that process, vectors included), beside ``util.community_detection`` at 20k and 40k.
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


def scale_one(method: str, n: int, threads: int, folder: Path) -> dict:
    """One measurement, meant to run in a process of its own (see `scale`)."""
    import resource

    from consistency.config import Settings
    from consistency.group import candidate_pairs, components

    settings = Settings()
    vectors = synthetic(base_vectors(folder), n)
    cpu = time.process_time()
    if method == "community_detection":
        import torch
        from sentence_transformers import util

        torch.set_num_threads(threads)
        cpu = time.process_time()
        groups = util.community_detection(torch.from_numpy(vectors), threshold=settings.threshold,
                                          min_community_size=2, batch_size=1024)
        result = {"pairs": None, "groups": len(groups)}
    else:
        pairs = candidate_pairs(vectors, threshold=settings.threshold, max_neighbors=settings.max_neighbors,
                                index=method, threads=threads)
        groups = components(n, pairs)
        result = {"pairs": len(pairs), "groups": len(groups), "largest": len(groups[0]) if groups else 0}
    result["cpu"] = time.process_time() - cpu
    if method == "auto":
        result["recall"], result["recall_over"] = recall(vectors, pairs, settings)
    result["peak_mb"] = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    return result


def recall(vectors: np.ndarray, pairs, settings) -> tuple[float, str]:
    """Pair recall of ``pairs`` against exact search with the same cap."""
    from consistency.group import EXACT_UP_TO, candidate_pairs

    n = len(vectors)
    found = set(zip(pairs.i.tolist(), pairs.j.tolist()))
    if n <= EXACT_UP_TO:
        return 1.0, "exact search (the same method)"
    if n <= 100_000:
        exact = candidate_pairs(vectors, threshold=settings.threshold, max_neighbors=settings.max_neighbors,
                                index="exact")
        want = set(zip(exact.i.tolist(), exact.j.tolist()))
        return len(want & found) / max(1, len(want)), f"all {len(want)} exact pairs"
    rows = np.random.default_rng(1).choice(n, 2000, replace=False)
    want = set()
    for begin in range(0, len(rows), 200):
        part = rows[begin:begin + 200]
        sims = vectors[part] @ vectors.T
        sims[np.arange(len(part)), part] = -1
        top = np.argsort(-sims, axis=1, kind="stable")[:, :settings.max_neighbors]
        for r, x in enumerate(part.tolist()):
            want.update((min(x, y), max(x, y)) for y in top[r].tolist() if sims[r, y] >= settings.threshold)
    return len(want & found) / max(1, len(want)), f"the exact top-k pairs of 2000 sampled claims ({len(want)})"


def scale(sizes: list[int], threads: int, folder: Path) -> None:
    import json
    import subprocess

    from consistency.group import EXACT_UP_TO

    base = base_vectors(folder)
    print(f"synthetic vectors from {len(base)} real ones; {threads} thread(s); CPU seconds and peak RSS "
          "of a process of its own per line")
    print(f"  {'method':<22} {'n':>9} {'CPU s':>8} {'peak MB':>8} {'pairs':>9} {'groups':>8} {'largest':>8}  pair recall")
    runs = [("auto", n) for n in sizes] + [("community_detection", n) for n in (20_000, 40_000)]
    for method, n in runs:
        code = (f"import json, sys; sys.path.insert(0, {str(Path(__file__).parent)!r}); import grouping; "
                f"print(json.dumps(grouping.scale_one({method!r}, {n}, {threads}, grouping.Path({str(folder)!r}))))")
        proc = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
        if proc.returncode:
            print(f"  {method:<22} {n:>9} failed: {proc.stderr.strip().splitlines()[-1:]}")
            continue
        r = json.loads(proc.stdout.strip().splitlines()[-1])
        label = method if method != "auto" else ("ours (exact)" if n <= EXACT_UP_TO else "ours (IVF index)")
        rec = f"{r['recall']:.4f} over {r['recall_over']}" if "recall" in r else ""
        print(f"  {label:<22} {n:>9} {r['cpu']:>8.1f} {r['peak_mb']:>8.0f} {r['pairs'] if r['pairs'] is not None else '-':>9} "
              f"{r['groups']:>8} {r.get('largest', '-'):>8}  {rec}", flush=True)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--scale", type=int, nargs="*", metavar="N",
                        help=f"time, memory and recall at these sizes [default: {SCALE_SIZES}]")
    parser.add_argument("--threads", type=int, default=1, help="--scale: threads (default 1)")
    parser.add_argument("--data")
    parser.add_argument("--split", default="dev", choices=["dev", "train", "all"])
    parser.add_argument("--no-distractors", action="store_true", help="CheckThat!: leave out distractor claims")
    args = parser.parse_args(argv)
    folder = data_dir(args.data)
    if not folder.is_dir():
        print(f"benchmark data folder {folder} not found; skipping (give --data DIR or set CONSISTENCY_DATA)")
        return 0
    if args.scale is not None:
        scale(args.scale or SCALE_SIZES, args.threads, folder)
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
