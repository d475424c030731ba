"""Grouping accuracy: pairwise precision / recall of our groups beside
``sentence_transformers.util.community_detection`` at its best threshold.

Usage::

    .venv/bin/python benchmarks/grouping.py [--data DIR] [--split dev|train|all]

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


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--data")
    parser.add_argument("--split", default="dev", choices=["dev", "train", "all"])
    parser.add_argument("--no-distractors", action="store_true", help="CheckThat!: leave out distractor claims")
    args = parser.parse_args(argv)
    folder = data_dir(args.data)
    if not folder.is_dir():
        print(f"benchmark data folder {folder} not found; skipping (give --data DIR or set CONSISTENCY_DATA)")
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
