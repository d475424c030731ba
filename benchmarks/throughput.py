"""Speed and memory of a whole `consistency check`, beside plain sentence-transformers.

Usage::

    .venv/bin/python benchmarks/throughput.py [--data DIR] [--rows 100 2000] [--group 100000]

For each size N in ``--rows`` it writes a claims dataset of N rows (claims from
the STS-B news headlines in ``--data``, else ``$CONSISTENCY_DATA`` (or ``$CONSISTENCY_BENCH_DATA``), else
``../shared/data``; the seed corpus is used when that folder is absent) and runs
``consistency check FILE -f json`` in a fresh process, as a user would: model
load included. It prints wall-clock seconds, claims per second for the whole
run and the run's peak resident memory, then, in this process, the embedding
rate of our `Embedder` beside the peer (``SentenceTransformer.encode`` on the
same texts with the same batch size).

``--group N`` also times the grouping stage alone on N random unit vectors of
the model's width (384) drawn around N/5 topics, and reports its peak traced
memory: the blockwise similarity keeps it linear in N, which is what lets 100k
claims fit on a small machine.

Nothing here is asserted; the figures go into issue notes and the README.
"""

from __future__ import annotations

import argparse
import json
import resource
import subprocess
import sys
import tempfile
import time
import tracemalloc
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
HEADLINES = "stsb_headlines_pairs.jsonl"

sys.path.insert(0, str(Path(__file__).resolve().parent))
from benchdata import data_dir, read_jsonl


def claim_texts(data: Path | None) -> list[str]:
    """Distinct single-sentence claims, in a fixed order."""
    texts: list[str] = []
    if data is not None:
        for row in read_jsonl(data / HEADLINES):
            texts.extend([row["text_a"], row["text_b"]])
    else:
        from consistency.api import extract

        claims, _ = extract([str(ROOT / "seeds")])
        texts = [c.text for c in claims]
    seen: set[str] = set()
    return [t for t in texts if len(t) < 400 and not (t in seen or seen.add(t))]


def whole_run(texts: list[str], rows: int) -> dict:
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp, "claims.jsonl")
        with open(path, "w", encoding="utf-8") as fh:
            fh.writelines(json.dumps({"id": f"c{n}", "text": text, "source": f"outlet {n % 7}"}) + "\n" for n, text in enumerate(texts[:rows]))
        before = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
        started = time.perf_counter()
        proc = subprocess.run([sys.executable, "-m", "consistency", "check", str(path), "-f", "json", "-q"],
                              capture_output=True, text=True, cwd=tmp)
        seconds = time.perf_counter() - started
        peak = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
    if proc.returncode not in (0, 1):
        raise SystemExit(f"check failed ({proc.returncode}): {proc.stderr.strip()}")
    summary = json.loads(proc.stdout)["summary"]
    return {"rows": min(rows, len(texts)), "claims": summary["claims"], "seconds": seconds,
            "claims_per_s": summary["claims"] / seconds, "peak_mb": max(peak, before) / 1024,
            "conflicts": summary["conflicts"]}


def embedding_rates(texts: list[str], batch_size: int = 64) -> tuple[float, float]:
    from consistency.embed import Embedder

    ours = Embedder(batch_size=batch_size)
    model = ours.model  # load outside the timing
    model.encode(texts[:64], batch_size=batch_size)  # warm up
    started = time.perf_counter()
    ours.encode(texts)
    ours_rate = len(texts) / (time.perf_counter() - started)
    started = time.perf_counter()
    model.encode(texts, batch_size=batch_size, normalize_embeddings=True, convert_to_numpy=True)
    peer_rate = len(texts) / (time.perf_counter() - started)
    return ours_rate, peer_rate


def grouping(n: int, threshold: float = 0.5) -> dict:
    import numpy as np

    from consistency.group import candidate_pairs, components

    rng = np.random.default_rng(0)
    topics = rng.standard_normal((max(1, n // 5), 384)).astype(np.float32)
    vectors = topics[rng.integers(0, len(topics), n)] + 0.9 * rng.standard_normal((n, 384)).astype(np.float32)
    vectors /= np.linalg.norm(vectors, axis=1, keepdims=True)
    tracemalloc.start()
    started = time.perf_counter()
    pairs = candidate_pairs(vectors, threshold=threshold)
    groups = components(n, pairs)
    seconds = time.perf_counter() - started
    _, peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    return {"n": n, "seconds": seconds, "pairs": len(pairs), "groups": len(groups), "peak_mb": peak / 2**20,
            "input_mb": vectors.nbytes / 2**20}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--data", help="folder with stsb_headlines_pairs.jsonl")
    parser.add_argument("--rows", type=int, nargs="+", default=[100, 2000])
    parser.add_argument("--group", type=int, nargs="*", default=[], metavar="N")
    args = parser.parse_args(argv)

    data = data_dir(args.data)
    data = data if (data / HEADLINES).is_file() else None
    texts = claim_texts(data)
    print(f"claims from {'STS-B headlines (' + str(data) + ')' if data else 'seeds/ (no --data folder found)'}: "
          f"{len(texts)} distinct")
    print(f"{'rows':>6} {'claims':>7} {'seconds':>8} {'claims/s':>9} {'peak MB':>8} {'conflicts':>9}"
          "   (whole `consistency check` run in a fresh process, model load included)")
    for rows in args.rows:
        r = whole_run(texts, rows)
        print(f"{r['rows']:>6} {r['claims']:>7} {r['seconds']:>8.1f} {r['claims_per_s']:>9.1f} "
              f"{r['peak_mb']:>8.0f} {r['conflicts']:>9}")
    sample = texts[: max(args.rows)]
    ours, peer = embedding_rates(sample)
    print(f"embedding {len(sample)} claims: ours {ours:.0f} claims/s, "
          f"peer SentenceTransformer.encode {peer:.0f} claims/s (same model, batch 64)")
    for n in args.group:
        g = grouping(n)
        print(f"grouping {g['n']} vectors: {g['seconds']:.1f} s, {g['pairs']} pairs, {g['groups']} groups, "
              f"peak traced {g['peak_mb']:.0f} MB (the vectors themselves: {g['input_mb']:.0f} MB)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
