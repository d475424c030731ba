"""Conflicts among the rows of a claims dataset: VitaminC dev pooled into one dataset per half.

Usage::

    .venv/bin/python benchmarks/rows.py [--data DIR] [--half a|b] [--record-out F.jsonl] [--limit N]

Data (never committed; ``--data`` else ``$CONSISTENCY_DATA``): ``vitaminc_real_numeric_dev.jsonl``.

A curated claims dataset holds many similar rows per thing it is about; `consistency check` must
find the conflicting pairs among them (`consistency compare` is told which two texts to compare).
This builds such a dataset from real text nobody on the team wrote: every distinct claim and
evidence sentence of VitaminC dev is one row (its id made from the pair ids, no date or source), the
pages split in two halves by a stable hash of the page (`benchdata.hash_half`), and the real `api.check` runs
over each half's rows as one dataset. Each row pair the check flags is labelled:

* a VitaminC pair labelled contradiction: a conflict;
* a VitaminC pair labelled entailment or neutral: not a conflict;
* two rows of no common page: not a conflict (two different things);
* two rows of one page that are no VitaminC pair: unknown (nobody said; left out of precision and
  of any fit, and counted apart).

Printed per half, at the default cut-off (`api.min_confidence`): reported conflicts (row pairs with
a conflict finding at or above it) by label, precision, recall (of the half's contradiction pairs)
and F1; and how many contradiction pairs are found at any confidence (from the numeric rules'
floor). ``--record-out`` writes every row pair the numeric rules scored with the features the check
computed (`consistency.rules.compare.RECORD`) and its label, keyed by row ids only (no text): what
``benchmarks/calibrate.py --rows`` fits the rows model on.
"""

from __future__ import annotations

import argparse
import json
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
from benchdata import DiskCache, data_dir, hash_half, pooled_rows, read_jsonl, write_rows

FILE = "vitaminc_real_numeric_dev.jsonl"


def pooled(pairs: list[dict]) -> tuple[dict[str, str], dict[str, set], dict[frozenset, int]]:
    """(row id by text, pages by row id, label by row-id pair) of VitaminC pairs: the rows of
    `benchdata.pooled_rows`; 1 contradiction, 0 otherwise."""
    ids, pages = pooled_rows(pairs)
    labels: dict[frozenset, int] = {}
    for r in pairs:
        key = frozenset((ids[r["premise"]], ids[r["hypothesis"]]))
        if len(key) == 2:  # a contradiction wins over another label of the same two texts
            labels[key] = max(labels.get(key, 0), int(r["label"] == "contradiction"))
    return ids, pages, labels


def label_of(key: frozenset, pages: dict[str, set], labels: dict[frozenset, int]) -> int | None:
    """1 conflict, 0 not, None unknown (two rows of one page that are no pair)."""
    if key in labels:
        return labels[key]
    a, b = tuple(key)
    return None if pages[a] & pages[b] else 0


def check_half(pairs: list[dict], embedder, settings=None) -> dict:
    """Check one half's rows as one dataset; the findings' best conflict confidence per row pair and
    every scored row pair's features (`compare.RECORD`)."""
    from consistency import api
    from consistency.config import load_settings
    from consistency.rules import compare
    from consistency.rules.numeric import FLOOR

    settings = settings or load_settings(start=Path(tempfile.gettempdir()))
    ids, pages, labels = pooled(pairs)
    compare.RECORD = []
    try:
        with tempfile.TemporaryDirectory() as tmp:
            path = write_rows(ids, Path(tmp) / "claims.jsonl")
            report = api.check([str(path)], settings.replace(min_confidence=FLOOR), embedder=embedder)
        recorded = compare.RECORD
    finally:
        compare.RECORD = None
    best: dict[frozenset, float] = {}
    for f in report.findings:
        if f.kind == "conflict" and f.a.row_id and f.b.row_id:
            k = frozenset((f.a.row_id, f.b.row_id))
            best[k] = max(best.get(k, 0.0), f.confidence)
    scored = []
    for fa, fb, x in recorded:
        k = frozenset((fa.claim.row_id, fb.claim.row_id))
        if len(k) == 2 and None not in k:
            scored.append({"a": fa.claim.row_id, "b": fb.claim.row_id, "evidence": [fa.q.text, fb.q.text],
                           "page": min(pages[fa.claim.row_id] | pages[fb.claim.row_id]),
                           "label": label_of(k, pages, labels), "features": x})
    return {"rows": len(ids), "pages": pages, "labels": labels, "best": best, "scored": scored,
            "cutoff": api.min_confidence(settings)}


def figures(run: dict) -> dict:
    """Reported conflicts at the cut-off by label; precision, recall, F1; found at any confidence."""
    pages, labels, cutoff = run["pages"], run["labels"], run["cutoff"]
    counts = {1: 0, 0: 0, None: 0}
    other_page = 0
    for k, c in run["best"].items():
        if c >= cutoff:
            lab = label_of(k, pages, labels)
            counts[lab] += 1
            a, b = tuple(k)
            other_page += not pages[a] & pages[b]
    pos = sum(labels.values())
    tp, fp = counts[1], counts[0]
    p = tp / (tp + fp) if tp + fp else 0.0
    r = tp / pos if pos else 0.0
    found = sum(1 for k, lab in labels.items() if lab and k in run["best"])
    return {"rows": run["rows"], "conflicts": pos, "reported": tp + fp + counts[None], "tp": tp, "fp": fp,
            "other_page": other_page, "unknown": counts[None], "precision": round(p, 3), "recall": round(r, 3),
            "f1": round(2 * p * r / (p + r), 3) if p + r else 0.0, "found_any": found, "cutoff": cutoff}


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--data")
    ap.add_argument("--half", choices=("a", "b"))
    ap.add_argument("--limit", type=int, help="only the first N pairs of the file")
    ap.add_argument("--record-out", help="write every scored row pair (row ids, features, label) here")
    args = ap.parse_args(argv)
    path = data_dir(args.data) / FILE
    if not path.is_file():
        print(f"skipped: {path} not found (pass --data DIR or set CONSISTENCY_DATA)")
        return 0
    from consistency.config import load_settings
    from consistency.embed import Embedder

    embedder = Embedder.from_settings(load_settings(), cache=DiskCache())
    pairs = read_jsonl(path)[:args.limit]
    scored = []
    for half in (args.half,) if args.half else ("a", "b"):
        run = check_half([r for r in pairs if hash_half(r["page"]) == half], embedder)
        m = figures(run)
        print(f"half {half}: {m['rows']} rows, {m['conflicts']} conflict pairs; at the cut-off {m['cutoff']:.2f} "
              f"{m['reported']} reported: {m['tp']} conflicts, {m['fp']} not ({m['other_page']} of two pages), "
              f"{m['unknown']} unknown")
        print(f"  P {m['precision']:.3f} R {m['recall']:.3f} F {m['f1']:.3f}; "
              f"{m['found_any']} of {m['conflicts']} conflicts found at any confidence")
        scored += [{**r, "half": half} for r in run["scored"]]
    if args.record_out:
        Path(args.record_out).write_text("".join(json.dumps(r) + "\n" for r in scored), encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
