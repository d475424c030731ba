"""Claims about different events of the same kind: false alarms of the rules.

Usage::

    .venv/bin/python benchmarks/events.py [--data DIR] [--headlines N] [--errors N]

Data: ``stsb_headlines_pairs.jsonl`` (STS-B headlines: ``text_a``, ``text_b``,
``score`` 0-5) from ``--data``, else ``$CONSISTENCY_DATA`` (or
``$CONSISTENCY_BENCH_DATA``), else ``../shared/data`` next to the repository. A
missing folder or file is reported and skipped (exit 0).

What is measured:

* **low-score pairs**: STS-B pairs scored <= 2.0 whose two headlines both contain
  a digit ("3 hurt as bus overturns near mountain pass" / "9 dead in
  ferry fire off northern coast"). Annotators judged them to be about
  different things, so every conflict `api.compare_pairs` finds among them is a
  false alarm; the script prints the false-alarm rate (conflicts / pairs) and,
  for information, the updates.
* **headline cross-check**: the first N distinct headlines (default 1000, in file
  order, text_a before text_b) checked together as one claims dataset through
  `api.check`, the way a newsroom's nightly cross-article check runs. Headlines
  of one day's news rarely contradict each other: nearly every conflict here is
  a pair of different events. Printed: conflicts by rule.
* for contrast, the conflicts flagged on pairs scored >= 4.0 with digits on both
  sides (the same event in two wordings; these may be real disagreements).
"""

from __future__ import annotations

import argparse
import json
import re
import sys
import tempfile
import time
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
FILE = "stsb_headlines_pairs.jsonl"
_DIGIT = re.compile(r"\d")

sys.path.insert(0, str(Path(__file__).resolve().parent))
from benchdata import data_dir, read_jsonl


def numeric_pairs(rows: list[dict], *, low: float | None = None, high: float | None = None) -> list[tuple]:
    out = []
    for i, r in enumerate(rows):
        if low is not None and r["score"] > low or high is not None and r["score"] < high:
            continue
        if _DIGIT.search(r["text_a"]) and _DIGIT.search(r["text_b"]):
            out.append((r.get("id") or f"p{i}", r["text_a"], r["text_b"]))
    return out


def distinct_headlines(rows: list[dict], n: int) -> list[str]:
    seen: dict[str, None] = {}
    for r in rows:
        for t in (r["text_a"], r["text_b"]):
            seen.setdefault(t, None)
        if len(seen) >= n:
            break
    return list(seen)[:n]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--data", help=f"folder with {FILE}")
    parser.add_argument("--headlines", type=int, default=1000, help="distinct headlines in the cross-check")
    parser.add_argument("--errors", type=int, default=0, help="print up to N false alarms of each kind")
    args = parser.parse_args(argv)

    folder = data_dir(args.data)
    path = folder / FILE
    if not path.is_file():
        print(f"{path} not found; skipping (give --data DIR or set CONSISTENCY_DATA)")
        return 0

    from consistency import api
    from consistency.config import load_settings
    from consistency.embed import Embedder

    settings = load_settings()
    embedder = Embedder.from_settings(settings)
    rows = read_jsonl(path)

    low = numeric_pairs(rows, low=2.0)
    started = time.perf_counter()
    verdicts = api.compare_pairs(low, settings, embedder=embedder)
    counts = Counter(v.verdict for v in verdicts)
    alarms = [(p, v) for p, v in zip(low, verdicts) if v.verdict == "conflict"]
    rate = len(alarms) / len(low) if low else 0.0
    print(f"STS-B pairs scored <= 2.0 with digits on both sides: {len(low)}")
    print(f"  false alarms (conflicts): {len(alarms)}  rate {rate:.3f}   updates {counts['update']}   "
          f"by rule {dict(Counter(v.rule for _, v in alarms))}   ({time.perf_counter() - started:.1f}s)")
    for (pid, a, b), v in alarms[:args.errors]:
        print(f"    {pid} {v.rule}: {v.explanation}\n      A: {a}\n      B: {b}")

    same = numeric_pairs(rows, high=4.0)
    flagged = [v for v in api.compare_pairs(same, settings, embedder=embedder) if v.verdict == "conflict"]
    print(f"STS-B pairs scored >= 4.0 with digits on both sides: {len(same)}; conflicts flagged {len(flagged)}")

    headlines = distinct_headlines(rows, args.headlines)
    with tempfile.TemporaryDirectory() as tmp:
        dataset = Path(tmp) / "headlines.jsonl"
        with dataset.open("w", encoding="utf-8") as fh:
            for i, text in enumerate(headlines):
                fh.write(json.dumps({"id": f"h{i}", "text": text}) + "\n")
        started = time.perf_counter()
        report = api.check([str(dataset)], settings, embedder=embedder)
    conflicts = [f for f in report.findings if f.kind == "conflict"]
    print(f"headline cross-check: {len(headlines)} headlines, {len(conflicts)} conflicts "
          f"{dict(sorted(Counter(f.rule for f in conflicts).items()))}   ({time.perf_counter() - started:.1f}s)")
    for f in conflicts[:args.errors]:
        print(f"    {f.rule}: {f.explanation}\n      A: {f.a.text}\n      B: {f.b.text}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
