"""Claims at the level of facts: do short claims meet the clause of a long sentence that states the same figure?

Usage::

    .venv/bin/python benchmarks/clauses.py [--data DIR] [--half tune|held] [--corpus gva,basil,ecb+]
                                           [--cost-sample N] [--seed S] [--json FILE]

Data: ``news/articles.jsonl`` under ``--data`` (see benchmarks/news.py; skipped when absent). The
articles of the chosen half are read into claims as `consistency check` reads them. Printed:

* **same-figure pairs**: pairs of claims of one cluster (one event), from two articles, that share
  a figure: the same value with the same measure (the counted noun the extractor read, else
  killed/injured from the words around the number, else the unit; ages and dates left out). This
  is a benchmark heuristic, not the checker's: a pair stating one figure is a pair the rules should
  see, whether the two agree or not. Counted: how many are candidate pairs (similarity at or above
  the threshold) by their sentences alone, and by their best pair of units (sentence and clauses,
  `consistency.clauses`); and the same for the pairs of a *short* claim and a *long multi-fact*
  sentence (two or more numbers, at least twice the words);
* **cost** on a seeded sample of claims (``--cost-sample``, default 1,000), in CPU seconds per
  1,000 claims and with an empty embeddings cache: embedding the sentences, and the clause step
  (parsing the sentences that are split, splitting them, embedding their clauses).
"""

from __future__ import annotations

import argparse
import random
import sys
import tempfile
import time
from collections import defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(Path(__file__).resolve().parent))
sys.path.insert(0, str(ROOT))
from benchdata import DiskCache, emit, news_data  # noqa: E402
from news import dataset, load, measure_of  # noqa: E402


def figures(claim) -> set:
    """(value, measure) of each figure a claim states (ages and dates left out)."""
    out = set()
    for q in claim.quantities:
        if q.value is None or q.dimension in ("age", "date"):
            continue
        measure = q.measured or measure_of(claim.text, q.start, q.end) or q.unit
        if measure:
            out.add((q.value, measure))
    return out


def words(text: str) -> int:
    return len(text.split())


def multi_fact(claim) -> bool:
    return sum(q.dimension != "date" for q in claim.quantities) >= 2


def same_figure_pairs(claims, cluster_of) -> list[tuple[int, int, bool]]:
    """(i, j, short-vs-long) for the pairs of claims of one cluster, two articles, sharing a figure."""
    by_cluster: dict[str, list[int]] = defaultdict(list)
    for k, c in enumerate(claims):
        by_cluster[cluster_of(c)].append(k)
    stated = [figures(c) for c in claims]
    out = []
    for members in by_cluster.values():
        for x, i in enumerate(members):
            for j in members[x + 1:]:
                if claims[i].row_id == claims[j].row_id or not stated[i] & stated[j]:
                    continue
                short, long_ = sorted((i, j), key=lambda k: words(claims[k].text))
                out.append((i, j, multi_fact(claims[long_])
                            and words(claims[long_].text) >= 2 * words(claims[short].text)))
    return out


def best_similarity(vectors, units_of, i: int, j: int) -> float:
    a, b = vectors[units_of[i]], vectors[units_of[j]]
    return float((a @ b.T).max())


def cost(claims, settings, sample: int, seed: int) -> dict:
    """CPU seconds per 1,000 claims: sentences embedded, and the clause step, on an empty cache."""
    from consistency import parsing
    from consistency.clauses import claim_clauses
    from consistency.embed import Embedder

    picked = random.Random(seed).sample(claims, min(sample, len(claims)))
    embedder = Embedder.from_settings(settings)
    embedder.encode(["warm the model up"])
    parsing.parse("Warm the parser up.")
    parsing.clear()
    started = time.process_time()
    embedder.encode([c.text for c in picked])
    embed = time.process_time() - started
    started = time.process_time()
    clauses = claim_clauses(picked)
    split = time.process_time() - started
    texts = [u.text for cs in clauses for u in cs]
    started = time.process_time()
    embedder.encode(texts)
    clause_embed = time.process_time() - started
    per = 1000 / len(picked)
    return {"claims": len(picked), "split_claims": sum(bool(cs) for cs in clauses), "clauses": len(texts),
            "embed_cpu_s_per_1000": round(embed * per, 2), "parse_split_cpu_s_per_1000": round(split * per, 2),
            "clause_embed_cpu_s_per_1000": round(clause_embed * per, 2),
            "clause_step_share_of_embedding": round((split + clause_embed) / embed, 3)}


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--data")
    ap.add_argument("--corpus", default="gva,basil,ecb+", help="comma list of gva, basil, ecb+")
    ap.add_argument("--half", choices=("tune", "held"), help="only the tuning or the held-back half of the clusters")
    ap.add_argument("--cost-sample", type=int, default=1000)
    ap.add_argument("--seed", type=int, default=7)
    ap.add_argument("--json", help="also write the figures as JSON to this file")
    args = ap.parse_args(argv)

    data = news_data(args.data)
    if data is None:
        return 0
    from consistency import api
    from consistency.clauses import claim_clauses
    from consistency.config import load_settings
    from consistency.embed import Embedder

    rows = load(data, {c.strip() for c in args.corpus.split(",") if c.strip()}, None, args.seed, args.half)
    cluster = {r["id"]: r["cluster"] for r in rows}
    settings = load_settings(start=Path(tempfile.gettempdir()))
    with tempfile.TemporaryDirectory() as tmp:
        claims, _ = api.extract([str(dataset(rows, Path(tmp)))])
    clauses = claim_clauses(claims)
    texts = [c.text for c in claims] + [u.text for cs in clauses for u in cs]
    vectors = Embedder.from_settings(settings, cache=DiskCache()).encode(texts)
    units_of = []  # each claim's rows in ``vectors``: its sentence, then its clauses
    unit = len(claims)
    for k, cs in enumerate(clauses):
        units_of.append([k, *range(unit, unit + len(cs))])
        unit += len(cs)
    pairs = same_figure_pairs(claims, lambda c: cluster[c.row_id])
    out: dict = {"articles": len(rows), "claims": len(claims), "split_claims": sum(bool(cs) for cs in clauses),
                 "clauses": unit - len(claims), "threshold": settings.threshold}
    for name, chosen in (("same_figure_pairs", pairs), ("short_vs_long_pairs", [p for p in pairs if p[2]])):
        sentence = sum(float(vectors[i] @ vectors[j]) >= settings.threshold for i, j, _ in chosen)
        best = sum(best_similarity(vectors, units_of, i, j) >= settings.threshold for i, j, _ in chosen)
        out[name] = {"pairs": len(chosen), "candidates_by_sentence": sentence, "candidates_by_best_unit": best}
    out["cost"] = cost(claims, settings, args.cost_sample, args.seed)
    emit(out, args.json)
    return 0


if __name__ == "__main__":
    sys.exit(main())
