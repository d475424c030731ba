"""Where the benchmarks find the labelled development sets, and how they read them.

The data (NewsQuant, quantulum3 cases, EQUATE, VitaminC, STS-B headlines,
CheckThat! 2020) is never committed: each script takes ``--data DIR``, else
``$CONSISTENCY_DATA``, else ``$CONSISTENCY_BENCH_DATA``, else ``../shared/data``
next to the repository, and skips cleanly when the files are not there.
"""

from __future__ import annotations

import json
import os
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def data_dir(arg: str | os.PathLike | None) -> Path:
    for candidate in (arg, os.environ.get("CONSISTENCY_DATA"), os.environ.get("CONSISTENCY_BENCH_DATA")):
        if candidate:
            return Path(candidate)
    return ROOT.parent / "shared" / "data"


def read_jsonl(path: Path) -> list[dict]:
    with path.open(encoding="utf-8") as fh:
        return [json.loads(line) for line in fh if line.strip()]


def scores(tp: int, fp: int, fn: int) -> dict:
    """Precision, recall and F1 (0 when undefined) with the counts they come from."""
    p = tp / (tp + fp) if tp + fp else 0.0
    r = tp / (tp + fn) if tp + fn else 0.0
    return {"P": p, "R": r, "F1": 2 * p * r / (p + r) if p + r else 0.0, "tp": tp, "fp": fp, "fn": fn}
