"""Where the benchmarks find the labelled development sets, and how they read them.

The data (NewsQuant, quantulum3 cases, EQUATE, VitaminC, STS-B headlines,
CheckThat! 2020) is never committed: each script takes ``--data DIR``, else
``$CONSISTENCY_DATA``, else ``$CONSISTENCY_BENCH_DATA``, else ``../shared/data``
next to the repository, and skips cleanly when the files are not there.
"""

from __future__ import annotations

import hashlib
import json
import os
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def hash_half(key: str) -> str:
    """``a`` or ``b``: a stable half of ``key`` on every machine and run, by the first byte of its
    SHA-1 (even: ``a``). `conflicts.half_of` (pair ids) and `rows` (Wikipedia pages) split by it."""
    return "a" if hashlib.sha1(key.encode("utf-8")).digest()[0] % 2 == 0 else "b"


def data_dir(arg: str | os.PathLike | None) -> Path:
    for candidate in (arg, os.environ.get("CONSISTENCY_DATA"), os.environ.get("CONSISTENCY_BENCH_DATA")):
        if candidate:
            return Path(candidate)
    return ROOT.parent / "shared" / "data"


def news_data(arg: str | os.PathLike | None) -> Path | None:
    """The data folder (`data_dir`) when it holds ``news/articles.jsonl``; None, said on stdout, when not."""
    data = data_dir(arg)
    if not (data / "news" / "articles.jsonl").is_file():
        print(f"skipped: {data / 'news' / 'articles.jsonl'} not found (pass --data DIR)")
        return None
    return data


def emit(figures: dict, json_path: str | None) -> None:
    """Print the figures one per line, and write them as JSON to ``json_path`` when given."""
    for key, value in figures.items():
        print(f"{key}: {value}")
    if json_path:
        Path(json_path).write_text(json.dumps(figures, indent=2), encoding="utf-8")


def read_jsonl(path: Path) -> list[dict]:
    with path.open(encoding="utf-8") as fh:
        return [json.loads(line) for line in fh if line.strip()]


def write_pair(row: dict, path: Path) -> Path:
    """Write a pair file's row (``a`` and ``b``: text, date, source) to ``path`` as a claims dataset of
    two rows, ids ``a`` and ``b``: how the pair files are checked (`conflicts.heldout_predictions`,
    `calibrate.record_pairs`, `date_events.collect_pairs`)."""
    path.write_text("".join(json.dumps({"id": side, "text": row[side]["text"], "date": row[side].get("date"),
                                        "source": row[side].get("source")}) + "\n" for side in ("a", "b")),
                    encoding="utf-8")
    return path


def pooled_rows(pairs: list[dict]) -> tuple[dict[str, str], dict[str, set]]:
    """(row id by text, pages by row id) of labelled pairs (``id``, ``premise``, ``hypothesis``,
    ``page``: VitaminC's layout) pooled into one claims dataset: each distinct text one row, its id
    the first pair id it appears in and its side (``<id>:p``, ``<id>:h``), so a row id names its text
    in every benchmark that pools (`rows.pooled`, `conflicts.as_dataset`) and in any record of it."""
    ids: dict[str, str] = {}
    pages: dict[str, set] = {}
    for r in pairs:
        for side in ("premise", "hypothesis"):
            row = ids.setdefault(r[side], f"{r['id']}:{side[0]}")
            pages.setdefault(row, set()).add(r["page"])
    return ids, pages


def write_rows(ids: dict[str, str], path: Path) -> Path:
    """Write the rows of `pooled_rows` (row id by text) to ``path`` as a claims dataset, one row a text."""
    path.write_text("".join(json.dumps({"id": i, "text": t}) + "\n" for t, i in ids.items()), encoding="utf-8")
    return path


def sentence_pool(data: Path, sources) -> list[str]:
    """Distinct one-sentence claims under 400 characters of the ``sources`` (file name, fields) found
    in ``data``, interleaved across them (the first of each, then the second of each, ...)."""
    columns = [[row[f] for row in read_jsonl(data / name) for f in fields]
               for name, fields in sources if (data / name).is_file()]
    seen: set[str] = set()
    out = []
    for position in range(max(map(len, columns), default=0)):
        for column in columns:
            text = column[position] if position < len(column) else None
            if text and len(text) < 400 and text not in seen:
                seen.add(text)
                out.append(text)
    return out


def scores(tp: int, fp: int, fn: int) -> dict:
    """Precision, recall and F1 (0 when undefined) with the counts they come from."""
    p = tp / (tp + fp) if tp + fp else 0.0
    r = tp / (tp + fn) if tp + fn else 0.0
    return {"P": p, "R": r, "F1": 2 * p * r / (p + r) if p + r else 0.0, "tp": tp, "fp": fp, "fn": fn}


class DiskCache:
    """An embeddings cache in one SQLite file shared by benchmark runs (the checker's cache protocol:
    ``get``/``put`` by model id and content key), so repeated runs measure the rules, not the model.
    ``$CONSISTENCY_BENCH_CACHE`` names the file (default: ``/tmp/consistency-bench-vectors.sqlite``)."""

    def __init__(self, path: str | os.PathLike | None = None) -> None:
        import sqlite3

        path = path or os.environ.get("CONSISTENCY_BENCH_CACHE") or "/tmp/consistency-bench-vectors.sqlite"
        self.conn = sqlite3.connect(str(path), timeout=60)
        self.conn.execute("CREATE TABLE IF NOT EXISTS vectors (model TEXT, key TEXT, vec BLOB, "
                          "PRIMARY KEY (model, key))")

    def get(self, model_id: str, keys) -> dict:
        import numpy as np

        out = {}
        keys = list(keys)
        for begin in range(0, len(keys), 500):
            chunk = keys[begin:begin + 500]
            marks = ",".join("?" * len(chunk))
            for key, blob in self.conn.execute(
                    f"SELECT key, vec FROM vectors WHERE model = ? AND key IN ({marks})", [model_id, *chunk]):
                out[key] = np.frombuffer(blob, dtype=np.float32)
        return out

    def put(self, model_id: str, items: dict) -> None:
        import numpy as np

        with self.conn:
            self.conn.executemany("INSERT OR REPLACE INTO vectors VALUES (?, ?, ?)",
                                  [(model_id, k, np.asarray(v, dtype=np.float32).tobytes()) for k, v in items.items()])
