"""What a nightly `consistency run --store` costs: first run, unchanged run, +1 % and +10 % runs.

Usage::

    .venv/bin/python benchmarks/nightly.py [--data DIR] [--claims 20000] [--threads 1] [--keep DIR]

A store of about ``--claims`` claims is built from real text nobody on the team wrote: the news
articles of ``DIR/news/articles.jsonl`` (as article rows) and one-sentence claims of the
CheckThat! 2020, VitaminC, STS-B headlines and EQUATE files (``--data``, else
``$CONSISTENCY_DATA``, else ``../shared/data``; the script exits 0 with a note when the folder is
absent). A tenth of the news articles is held back for the later runs, so new claims meet old ones
about the same events, as a desk's next night does.

Four runs of the installed console script, each in a fresh process, over one growing folder:

1. **first**: everything (the store is empty);
2. **unchanged**: the same folder again;
3. **+1 %**: one new file holding about 1 % more claims;
4. **+10 %**: another new file holding about 10 % more.

For each: CPU seconds (user + system of that child, from ``os.wait4``, because wall time swings on
a shared machine), peak RSS, claims added, texts embedded, and the cost as a fraction of the first
run. Issue 13's targets: +1 % at most 10 % of the first run, unchanged at most 2 %. The model and
backend are the defaults (``CONSISTENCY_BACKEND`` chooses another); ``--threads`` defaults to 1, so
idle threads spinning do not count as work.
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from benchdata import news_data, read_jsonl, sentence_pool  # noqa: E402

SENTENCES = (("checkthat2020_clusters.jsonl", ("text",)), ("vitaminc_real_numeric_dev.jsonl", ("premise", "hypothesis")),
             ("stsb_headlines_pairs.jsonl", ("text_a", "text_b")), ("equate_nat.jsonl", ("premise", "hypothesis")))
ARTICLE_FIELDS = ("id", "text", "source", "date", "url")


def claims_per_row(rows: list[dict]) -> list[int]:
    """How many claims `consistency` extracts from each of these article rows."""
    from collections import Counter

    from consistency.claims import extract_claims
    from consistency.reading import READERS

    data = "".join(json.dumps(r) + "\n" for r in rows).encode()
    docs, _ = READERS[".jsonl"](data, path="count.jsonl", key="count.jsonl")
    per_doc = Counter(c.doc_key for c in extract_claims(docs))
    return [per_doc[d.key] for d in docs]


def write_jsonl(path: Path, rows: list[dict]) -> None:
    with open(path, "w", encoding="utf-8") as fh:
        fh.writelines(json.dumps(r, ensure_ascii=False) + "\n" for r in rows)


def build(data: Path, total: int, folder: Path) -> list[tuple[str, list[Path]]]:
    """The base folder and the two increments: (label, files to add before that run)."""
    articles = [{k: row[k] for k in ARTICLE_FIELDS if row.get(k)} for row in read_jsonl(data / "news" / "articles.jsonl")]
    pool = sentence_pool(data, SENTENCES)
    counts = claims_per_row(articles)
    held = [(a, c) for a, c in zip(articles[::10], counts[::10])]  # every tenth article comes later
    base_articles, news_claims = [], 0
    for n, (article, count) in enumerate(zip(articles, counts)):
        if n % 10 and news_claims + count <= total * 0.6:  # news makes up to 60 % of the base
            base_articles.append(article)
            news_claims += count
    fill = max(0, total - news_claims)
    rows = [{"id": f"s{n}", "text": t} for n, t in enumerate(pool)]
    base_rows, rest = rows[:fill], rows[fill:]
    folder.mkdir(parents=True)
    files: list[Path] = []
    for n in range(0, len(base_articles), 200):
        files.append(folder / f"news-{n // 200:03d}.jsonl")
        write_jsonl(files[-1], base_articles[n:n + 200])
    for n in range(0, len(base_rows), 2000):
        files.append(folder / f"claims-{n // 2000:03d}.jsonl")
        write_jsonl(files[-1], base_rows[n:n + 2000])
    plan = [("first", files), ("unchanged", [])]
    for label, share in (("+1 %", 0.01), ("+10 %", 0.10)):
        want = int(total * share)
        take_articles: list[dict] = []
        got = 0
        while held and got + held[0][1] <= want // 2:  # up to half of the new claims are news
            article, count = held.pop(0)
            take_articles.append(article)
            got += count
        take_rows, rest = rest[:max(0, want - got)], rest[max(0, want - got):]
        name = folder / f"new-{label.strip('+ %')}pct.jsonl"
        write_jsonl(name, take_articles + take_rows)
        plan.append((label, [name]))
    return plan


def run_once(store: Path, folder: Path, threads: int, report: Path) -> dict:
    env = {**os.environ, "CONSISTENCY_THREADS": str(threads), "CONSISTENCY_STORE": ""}
    argv = [sys.executable, "-m", "consistency", "run", "--store", str(store), str(folder), "-q",
            "-f", f"json:{report}"]
    proc = subprocess.Popen(argv, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, env=env)
    err = proc.stderr.read() if proc.stderr else b""
    _, status, usage = os.wait4(proc.pid, 0)
    code = os.waitstatus_to_exitcode(status)
    if code not in (0, 1):
        raise SystemExit(f"run failed ({code}): {err.decode(errors='replace').strip()}")
    summary = json.loads(report.read_text())["summary"]
    return {"cpu": usage.ru_utime + usage.ru_stime, "rss": usage.ru_maxrss / 1024, "summary": summary}


def counters(store: Path) -> dict:
    from consistency.store import open_store

    with open_store(store, create=False) as s:
        return s.runs.all()[-1].counters


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--data", help="folder with news/ and the sentence sets")
    parser.add_argument("--claims", type=int, default=20_000, help="claims in the first run (about)")
    parser.add_argument("--threads", type=int, default=1)
    parser.add_argument("--keep", help="build the folder and store here and keep them (default: a temporary folder)")
    args = parser.parse_args(argv)
    data = news_data(args.data)
    if data is None:
        return 0
    work = Path(args.keep) if args.keep else Path(tempfile.mkdtemp(prefix="nightly-"))
    try:
        folder, store = work / "articles", work / "store.db"
        incoming = work / "incoming"
        plan = build(data, args.claims, incoming)
        folder.mkdir()
        print(f"store of about {args.claims:,} claims from {data}; {args.threads} thread(s); CPU seconds of each run")
        print(f"  {'run':<10} {'CPU s':>7} {'x first':>8} {'peak RSS MB':>11} {'claims':>7} {'added':>6} "
              f"{'embedded':>8} {'pairs':>6} {'conflicts':>9}")
        first = None
        for label, files in plan:
            for f in files:
                shutil.copy(f, folder / f.name)
            r = run_once(store, folder, args.threads, work / "report.json")
            c = counters(store)
            first = first or r["cpu"]
            print(f"  {label:<10} {r['cpu']:>7.2f} {r['cpu'] / first:>8.3f} {r['rss']:>11.0f} "
                  f"{r['summary']['claims']:>7} {c['claims_added']:>6} {c['embedded']:>8} {c['pairs']:>6} "
                  f"{r['summary']['conflicts']:>9}", flush=True)
    finally:
        if not args.keep:
            shutil.rmtree(work, ignore_errors=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
