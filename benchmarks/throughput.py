"""Speed of every embedding backend and of a whole `consistency check`, side by side, in CPU time.

Usage::

    .venv/bin/python benchmarks/throughput.py [--data DIR] [--embed N] [--rows 2000 10000] [--threads 1]
                                              [--against DIR] [--warm]

Claims: distinct sentences of the STS-B headlines, EQUATE, VitaminC and CheckThat! files in
``--data`` (else ``$CONSISTENCY_DATA``, else ``../shared/data``); the seed corpus when that folder
is absent. All figures are CPU seconds (``time.process_time`` here, ``RUSAGE_CHILDREN`` for the
child processes), because wall time swings on a shared machine; every backend runs with
``--threads`` threads (default 1: with more, idle threads spinning count as CPU time too).

Printed:

* **embedding**, in this process, on the first ``--embed`` claims (default 2,000): claims per
  CPU second of plain ``SentenceTransformer.encode`` (torch fp32, the reference) and of our
  `Embedder` with each backend (``torch``, ``onnx-fp32``, ``onnx-int8``), their rate relative to
  the reference, and each backend's agreement with it: mean and 99th percentile of 1 - cos;
* **whole run**: ``consistency check FILE -f json`` on a dataset of N claims (``--rows``) in a
  fresh process with the default backend, model load and imports included: claims per CPU second
  and that rate over two raw default-backend rates (the end-to-end ratio): the one measured above
  on the first ``--embed`` claims, and the default backend's rate on the very N texts of the run.
  They differ because the sources are interleaved unevenly: the first 2,000 claims are longer
  (120 characters on average against 97 over 10,000), so they embed at about 0.6 of the rate of
  the whole 10,000, and only the second ratio compares like with like. A `check` also embeds
  more than its claims: the clauses of long sentences and the rules' phrases (about 1.85 texts
  per claim at 10,000 rows, most of them short phrases);
* with ``--against DIR``, each whole run is made first with the checkout in DIR (marked
  ``against``) and then with this one, for a change measured side by side under the same load;
* the caches kept between runs (`consistency.runcache`: the claims' and phrases' vectors, the
  parses) are off in every measurement, so the figures are a first run's; with ``--warm`` each
  whole run is made twice over a cache folder of its own and the second run is measured (what a
  re-check of the same dataset costs);
* **one claim**: CPU seconds to the first vector (a fresh process importing the library and
  embedding one text, per backend) and peak RSS of a one-claim ``consistency check``.

Nothing here is asserted; the figures go into issue notes and the README.
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(Path(__file__).resolve().parent))
from benchdata import data_dir, sentence_pool  # noqa: E402

BACKENDS = ("torch", "onnx-fp32", "onnx-int8")
SOURCES = (("stsb_headlines_pairs.jsonl", ("text_a", "text_b")), ("equate_nat.jsonl", ("premise", "hypothesis")),
           ("vitaminc_real_numeric_dev.jsonl", ("premise", "hypothesis")), ("checkthat2020_clusters.jsonl", ("text",)))


def claim_texts(data: Path | None) -> list[str]:
    """Distinct claims under 400 characters, in a fixed order, interleaved across the sources (the
    seed corpus's claims when there is no data folder)."""
    texts = sentence_pool(data, SOURCES) if data is not None else []
    if not texts:
        from consistency.api import extract

        texts = [c.text for c in extract([str(ROOT / "seeds")])[0]]
    return texts


def embedding(texts: list[str], threads: int, batch_size: int = 64) -> dict:
    """Rates (claims per CPU second) and agreement with plain sentence-transformers fp32."""
    import torch

    from consistency.embed import Embedder, MemoryCache, load_model, resolve_model

    torch.set_num_threads(threads)
    model = load_model(resolve_model(None)[1])
    model.encode(texts[:batch_size], batch_size=batch_size)  # warm up
    cpu = time.process_time()
    reference = model.encode(texts, batch_size=batch_size, normalize_embeddings=True, convert_to_numpy=True)
    rates = {"sentence-transformers fp32": len(texts) / (time.process_time() - cpu)}
    agreement = {}
    for backend in BACKENDS:
        embedder = Embedder(backend=backend, batch_size=batch_size, threads=threads, cache=MemoryCache())
        embedder.encode([f"warm-up claim number {n}" for n in range(batch_size)])  # load outside the timing
        cpu = time.process_time()
        vectors = embedder.encode(texts)
        rates[backend] = len(texts) / (time.process_time() - cpu)
        gap = 1.0 - np.sum(vectors * reference, axis=1)
        agreement[backend] = (float(gap.mean()), float(np.quantile(gap, 0.99)))
    return {"rates": rates, "agreement": agreement}


def raw_rate(texts: list[str], backend: str, threads: int, batch_size: int = 64) -> float:
    """Texts per CPU second of our `Embedder` with ``backend`` on ``texts``, model loaded beforehand."""
    from consistency.embed import Embedder, MemoryCache

    embedder = Embedder(backend=backend, batch_size=batch_size, threads=threads, cache=MemoryCache())
    embedder.encode([f"warm-up claim number {n}" for n in range(batch_size)])
    cpu = time.process_time()
    embedder.encode(texts)
    return len(texts) / (time.process_time() - cpu)


def child_cpu() -> tuple[float, float]:
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return usage.ru_utime + usage.ru_stime, usage.ru_maxrss / 1024


def whole_run(texts: list[str], rows: int, threads: int, tree: str | None = None, warm: bool = False) -> dict:
    """One `consistency check` of ``rows`` claims in a fresh process: its CPU seconds and claims.
    ``tree``: a checkout of the library (a folder holding ``consistency/``) to run instead of this one.
    The caches kept between runs are off; ``warm``: they live in a folder of this call, filled by one
    run before the measured one."""
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp, "claims.jsonl")
        with open(path, "w", encoding="utf-8") as fh:
            fh.writelines(json.dumps({"id": f"c{n}", "text": text, "source": f"outlet {n % 7}"}) + "\n"
                          for n, text in enumerate(texts[:rows]))
        kept = str(Path(tmp, "kept")) if warm else "off"
        # CONSISTENCY_PHRASE_CACHE: the same switch in checkouts older than consistency.runcache
        env = {**os.environ, "CONSISTENCY_THREADS": str(threads), "CONSISTENCY_CACHE": kept,
               "CONSISTENCY_PHRASE_CACHE": kept}
        if tree:
            env["PYTHONPATH"] = os.pathsep.join(filter(None, [tree, env.get("PYTHONPATH")]))
        command = [sys.executable, "-m", "consistency", "check", str(path), "-f", "json", "-q"]
        if warm:
            subprocess.run(command, capture_output=True, text=True, cwd=tmp, env=env, check=False)
        before, _ = child_cpu()
        proc = subprocess.run(command, capture_output=True, text=True, cwd=tmp, env=env)
        after, _ = child_cpu()
    if proc.returncode not in (0, 1):
        raise SystemExit(f"check failed ({proc.returncode}): {proc.stderr.strip()}")
    report = json.loads(proc.stdout)
    return {"rows": min(rows, len(texts)), "claims": report["summary"]["claims"], "cpu": after - before,
            "conflicts": report["summary"]["conflicts"]}


def first_vector(backend: str, threads: int) -> float:
    code = ("import time; t = time.process_time(); from consistency.embed import Embedder, MemoryCache; "
            f"Embedder(backend={backend!r}, threads={threads}, cache=MemoryCache())"
            ".encode(['The bridge is 40 metres long.']); "
            "print(time.process_time() - t)")
    proc = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    return float(proc.stdout.strip())


def one_claim_peak(threads: int) -> float:
    """Peak RSS (MB) of a one-claim `consistency check`, in a process of its own."""
    with tempfile.TemporaryDirectory() as tmp:
        Path(tmp, "one.jsonl").write_text(json.dumps({"id": "1", "text": "The bridge is 40 metres long."}) + "\n")
        code = ("import resource, subprocess, sys; subprocess.run([sys.executable, '-m', 'consistency', 'check', "
                "'one.jsonl', '-q'], capture_output=True); "
                "print(resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024)")
        env = {**os.environ, "CONSISTENCY_THREADS": str(threads)}
        proc = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, cwd=tmp, env=env,
                              check=True)
    return float(proc.stdout.strip())


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--data", help="folder with the benchmark text files")
    parser.add_argument("--embed", type=int, default=2000, help="claims embedded by each backend")
    parser.add_argument("--rows", type=int, nargs="*", default=[2000, 10000])
    parser.add_argument("--threads", type=int, default=1)
    parser.add_argument("--against", metavar="DIR",
                        help="another checkout (e.g. `git worktree add --detach /tmp/base main`): each whole "
                             "run is made with it too, alternately, so a change is measured under the same load")
    parser.add_argument("--warm", action="store_true",
                        help="measure each whole run a second time over the caches its first run kept")
    args = parser.parse_args(argv)
    sys.stdout.reconfigure(line_buffering=True)  # each figure as it is measured, also into a file or pipe

    data = data_dir(args.data)
    texts = claim_texts(data if data.is_dir() else None)
    print(f"{len(texts)} distinct claims; {args.threads} thread(s); CPU seconds throughout")
    sample = texts[:args.embed]
    result = embedding(sample, args.threads)
    reference = result["rates"]["sentence-transformers fp32"]
    print(f"\nembedding {len(sample)} claims, batch 64:")
    print(f"  {'backend':<28} {'claims/CPU-s':>12} {'x fp32':>7} {'mean 1-cos':>11} {'p99 1-cos':>10}")
    for name, rate in result["rates"].items():
        mean, p99 = result["agreement"].get(name, (0.0, 0.0))
        print(f"  {name:<28} {rate:>12.0f} {rate / reference:>7.2f} {mean:>11.5f} {p99:>10.5f}")
    from consistency.embed import resolve_backend

    default = resolve_backend(None, None)
    raw = result["rates"][default]
    if args.rows:
        print(f"\nwhole `consistency check -f json` in a fresh process (default backend {default}, "
              "model load and imports included):")
        print(f"  {'rows':>6} {'claims':>7} {'CPU s':>7} {'claims/CPU-s':>12} {'/ raw above':>11} "
              f"{'raw same texts':>14} {'/ raw same':>10} {'conflicts':>9}")
    for rows in args.rows:
        same = raw_rate(texts[:rows], default, args.threads)
        for label, tree in ([("against", args.against)] if args.against else []) + [("", None)]:
            r = whole_run(texts, rows, args.threads, tree, warm=args.warm)
            rate = r["claims"] / r["cpu"]
            print(f"  {r['rows']:>6} {r['claims']:>7} {r['cpu']:>7.1f} {rate:>12.0f} {rate / raw:>11.2f} "
                  f"{same:>14.0f} {rate / same:>10.2f} {r['conflicts']:>9} {label}")
    print("\none claim:")
    for backend in BACKENDS:
        print(f"  CPU seconds to the first vector, {backend:<9}: {first_vector(backend, args.threads):.2f}")
    print(f"  peak RSS of a one-claim `consistency check`: {one_claim_peak(args.threads):.0f} MB")
    return 0


if __name__ == "__main__":
    sys.exit(main())
