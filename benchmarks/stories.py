"""Stories against real event clusters: how well `consistency.stories` groups news articles.

Usage::

    .venv/bin/python benchmarks/stories.py [--data DIR] [--seed SEED] [--window DAYS] [--grid] [--json FILE]

Data: ``news/articles.jsonl`` under ``--data``, else ``$CONSISTENCY_DATA`` (or
``$CONSISTENCY_BENCH_DATA``), else ``../shared/data`` (see its ``news/README.md``); a missing
folder is reported and skipped (exit 0). The articles are read and extracted exactly as
``benchmarks/news.py`` does (one dataset row per article; ECB+ rows use ``text_numbers_joined``);
embeddings are cached between runs (``$CONSISTENCY_BENCH_CACHE``).

The gold clusters are split into a **tuning** half and a **held-back** half: the halves of
`benchmarks/news.py` (a hash of the cluster id; an ECB+ topic's two clusters hash together, by
topic, so the pair of confusable events stays in one half), so that news.py's held half, whose
read precision is reported, is never used to calibrate stories either. Each half is clustered on its own, the way
`consistency check` would cluster that input: candidate claim pairs from the group stage at the
default threshold, then `stories.build`. Printed per half and per corpus (GVA, BASIL, ECB+):

* **pairwise** precision / recall / F1 over document pairs (same story vs same gold cluster);
* **B-cubed** precision / recall / F1 (per document, averaged);
* the share of document pairs of the two sub-topics of one ECB+ topic (different events of the
  same kind) put in one story, and of GVA clusters in the same city;
* the cost: CPU seconds of `stories.build` per 1,000 documents (the candidate pairs are the group
  stage's, computed anyway, and reported apart).

``--grid`` recalibrates the constants of `consistency.stories` on the tuning half only and prints
the best settings with their held-back figures. The objective is the mean over the three corpora
of B-cubed F0.5, which weighs precision twice as much as recall: joining two events makes false
alarms of every figure they report, while splitting one event loses only the comparisons of its
parts (claims of two stories naming the same name or day are still compared).
"""

from __future__ import annotations

import argparse
import hashlib
import itertools
import json
import sys
import tempfile
import time
from collections import Counter, defaultdict
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(Path(__file__).resolve().parent))
sys.path.insert(0, str(ROOT))
from benchdata import DiskCache, news_data, read_jsonl  # noqa: E402
from news import dataset  # noqa: E402

CORPORA = ("gva", "basil", "ecb+")
#: The constants `--grid` tries (module attributes of consistency.stories).
GRID = {
    "NAME_WEIGHT": (2.0, 3.0),
    "NAME_NEUTRAL": (0.3,),
    "NEAR_BONUS": (0.2, 0.4, 0.6),
    "LATE_PENALTY": (0.2, 0.5),
    "THRESHOLD": (0.6, 0.7, 0.8, 0.9, 1.0),
}


def half_of(row: dict, seed: str | None) -> str:
    """``tuning`` or ``held-back``. By default (``seed`` None) the halves of `benchmarks/news.py`
    (`news.half_of`), so that the clusters whose read precision news.py reports were not used to
    calibrate the stories stage either; with a ``seed``, a seeded hash of the cluster (an ECB+
    topic hashes as one): ``--seed stories`` is the split the constants were calibrated on before
    session 21, which shared about half its tuning clusters with news.py's held half."""
    unit = row.get("topic") or row["cluster"]
    if seed is None:
        from news import half_of as news_half
        return "tuning" if news_half(row) == "tune" else "held-back"
    digest = hashlib.sha256(f"{seed}:{unit}".encode("utf-8")).hexdigest()
    return "tuning" if int(digest, 16) % 2 == 0 else "held-back"


def pairwise(pred: list, gold: list) -> dict:
    same_p = defaultdict(list)
    for i, p in enumerate(pred):
        same_p[p].append(i)
    same_g = Counter(gold)
    both = Counter(zip(pred, gold))
    tp = sum(n * (n - 1) // 2 for n in both.values())
    predicted = sum(len(m) * (len(m) - 1) // 2 for m in same_p.values())
    actual = sum(n * (n - 1) // 2 for n in same_g.values())
    return _prf(tp / predicted if predicted else 1.0, tp / actual if actual else 1.0)


def bcubed(pred: list, gold: list) -> dict:
    size_p, size_g, both = Counter(pred), Counter(gold), Counter(zip(pred, gold))
    precision = sum(both[(p, g)] / size_p[p] for p, g in zip(pred, gold)) / len(pred)
    recall = sum(both[(p, g)] / size_g[g] for p, g in zip(pred, gold)) / len(pred)
    return _prf(precision, recall)


def _prf(p: float, r: float) -> dict:
    return {"P": round(p, 3), "R": round(r, 3), "F1": round(2 * p * r / (p + r) if p + r else 0.0, 3),
            "F0.5": round(1.25 * p * r / (0.25 * p + r) if p + r else 0.0, 3)}


def joined_share(pred: list, rows: list[dict], key) -> dict:
    """Of the document pairs from two different gold clusters that ``key`` says are alike (same
    ECB+ topic, same GVA city), how many were put in one story."""
    alike = joined = 0
    for i, j in itertools.combinations(range(len(rows)), 2):
        ki, kj = key(rows[i]), key(rows[j])
        if ki is None or ki != kj or rows[i]["cluster"] == rows[j]["cluster"]:
            continue
        alike += 1
        joined += pred[i] == pred[j]
    return {"pairs": alike, "joined": joined, "share": round(joined / alike, 4) if alike else 0.0}


class Half:
    """One half of the corpus, read, extracted, embedded, with its candidate claim pairs."""

    def __init__(self, name: str, rows: list[dict], embedder, settings) -> None:
        from consistency.claims import extract_claims
        from consistency.group import candidate_pairs, document_numbers
        from consistency.reading import read_paths

        self.name = name
        with tempfile.TemporaryDirectory() as tmp:
            read = read_paths([str(dataset(rows, Path(tmp)))])
        self.documents = list(read.documents)
        self.claims = extract_claims(self.documents)
        self.vectors = embedder.encode([c.text for c in self.claims])
        self.row = {r["id"]: r for r in rows}
        cpu = time.process_time()
        self.pairs = candidate_pairs(self.vectors, threshold=settings.threshold, max_neighbors=settings.max_neighbors,
                                     documents=document_numbers(c.doc_key for c in self.claims))
        self.pairs_cpu = time.process_time() - cpu

    def run(self, window: int) -> tuple[dict, float]:
        from consistency import stories

        cpu = time.process_time()
        result = stories.build(self.documents, self.claims, self.vectors, self.pairs, window_days=window)
        cpu = time.process_time() - cpu
        return self.score(result.story_of), cpu

    def score(self, story_of: dict) -> dict:
        out = {}
        for corpus in CORPORA:
            docs = [d for d in self.documents if self.row[d.row_id]["corpus"] == corpus and d.key in story_of]
            if not docs:
                continue
            rows = [self.row[d.row_id] for d in docs]
            pred = [story_of[d.key] for d in docs]
            gold = [r["cluster"] for r in rows]
            out[corpus] = {"documents": len(docs), "clusters": len(set(gold)), "stories": len(set(pred)),
                           "pairwise": pairwise(pred, gold), "bcubed": bcubed(pred, gold)}
            if corpus == "ecb+":
                out[corpus]["same_topic_joined"] = joined_share(pred, rows, lambda r: r.get("topic"))
            if corpus == "gva":
                out[corpus]["same_city_joined"] = joined_share(pred, rows, _city)
        return out


def _city(row: dict) -> str | None:
    # "Gun Violence Archive incident <id>: <city>, <state>, <date>"
    title = row.get("event_title") or ""
    parts = title.split(": ", 1)[-1].rsplit(", ", 1)
    return parts[0] if len(parts) == 2 else None


def mean_f1(figures: dict, measure: str = "F1") -> float:
    return round(float(np.mean([figures[c]["bcubed"][measure] for c in figures])), 4)


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--data")
    ap.add_argument("--seed", help="seed of a hashed tuning / held-back split [default: none, the halves of "
                                   "benchmarks/news.py; 'stories' gives the split used before session 21]")
    ap.add_argument("--window", type=int, help="story_window_days [default: the setting's default]")
    ap.add_argument("--grid", action="store_true", help="recalibrate the constants on the tuning half")
    ap.add_argument("--json", help="also write the figures as JSON to this file")
    args = ap.parse_args(argv)

    data = news_data(args.data)
    if data is None:
        return 0
    from consistency import stories
    from consistency.config import load_settings
    from consistency.embed import Embedder

    settings = load_settings(start=Path(tempfile.gettempdir()))
    window = settings.story_window_days if args.window is None else args.window
    embedder = Embedder(settings.model, batch_size=settings.batch_size, cache=DiskCache())
    rows = read_jsonl(data / "news" / "articles.jsonl")
    halves = {name: Half(name, [r for r in rows if half_of(r, args.seed) == name], embedder, settings)
              for name in ("tuning", "held-back")}
    figures: dict = {"seed": args.seed, "window_days": window}
    if args.grid:
        figures["grid"] = grid(halves, window, stories)
    for name, half in halves.items():
        result, cpu = half.run(window)
        docs = len(half.documents)
        figures[name] = {"clusters": len({r["cluster"] for r in half.row.values()}), "documents": docs,
                         "by_corpus": result, "mean_bcubed_f1": mean_f1(result),
                         "mean_bcubed_f0.5": mean_f1(result, "F0.5"),
                         "cpu_s_per_1000_documents": round(1000 * cpu / docs, 2),
                         "candidate_pairs_cpu_s_per_1000_documents": round(1000 * half.pairs_cpu / docs, 2)}
        print_half(name, figures[name])
    if args.json:
        Path(args.json).write_text(json.dumps(figures, indent=2), encoding="utf-8")
    return 0


def print_half(name: str, f: dict) -> None:
    print(f"{name}: {f['clusters']} clusters, {f['documents']} documents; stories CPU "
          f"{f['cpu_s_per_1000_documents']} s per 1,000 documents (candidate pairs "
          f"{f['candidate_pairs_cpu_s_per_1000_documents']} s, computed by the group stage anyway)")
    for corpus, c in f["by_corpus"].items():
        pw, b3 = c["pairwise"], c["bcubed"]
        line = (f"  {corpus:6} {c['documents']:4} docs {c['clusters']:3} clusters -> {c['stories']:3} stories  "
                f"pairwise P {pw['P']:.3f} R {pw['R']:.3f} F1 {pw['F1']:.3f}  "
                f"B-cubed P {b3['P']:.3f} R {b3['R']:.3f} F1 {b3['F1']:.3f}")
        for key, label in (("same_topic_joined", "ECB+ sub-topic pairs joined"),
                           ("same_city_joined", "same-city pairs joined")):
            if key in c:
                line += f"  {label} {c[key]['joined']}/{c[key]['pairs']} ({c[key]['share']:.1%})"
        print(line)
    print(f"  mean B-cubed F1 {f['mean_bcubed_f1']:.3f}, F0.5 {f['mean_bcubed_f0.5']:.3f}")


def grid(halves: dict, window: int, stories) -> dict:
    """Every combination of GRID on the tuning half; the best by mean B-cubed F1, with its held-back figures."""
    saved = {k: getattr(stories, k) for k in GRID}
    tried = []
    try:
        for values in itertools.product(*GRID.values()):
            for k, v in zip(GRID, values):
                setattr(stories, k, v)
            result, _ = halves["tuning"].run(window)
            tried.append((mean_f1(result, "F0.5"), dict(zip(GRID, values))))
        tried.sort(key=lambda t: -t[0])
        best = tried[0][1]
        for k, v in best.items():
            setattr(stories, k, v)
        held, _ = halves["held-back"].run(window)
    finally:
        for k, v in saved.items():
            setattr(stories, k, v)
    print(f"grid: {len(tried)} settings on the tuning half; best mean B-cubed F0.5 {tried[0][0]:.3f} with {best}; "
          f"held-back {mean_f1(held, 'F0.5'):.3f}; current {saved}")
    for score, values in tried[:10]:
        print(f"  {score:.3f} {values}")
    return {"best": best, "tuning_mean_bcubed_f0.5": tried[0][0], "held_back_mean_bcubed_f0.5": mean_f1(held, "F0.5"),
            "top": [{"mean_bcubed_f0.5": s, **v} for s, v in tried[:10]]}


if __name__ == "__main__":
    sys.exit(main())
