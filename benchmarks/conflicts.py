"""Conflict detection accuracy: `consistency compare` beside a naive rule, and the held-out set.

Usage::

    .venv/bin/python benchmarks/conflicts.py [--data DIR] [--limit N] [--errors N] [--dump F.jsonl]
    .venv/bin/python benchmarks/conflicts.py --heldout      # tests/data/heldout/pairs.jsonl only
    .venv/bin/python benchmarks/conflicts.py --pairs F [F ...] [--funnel | --quiet]   # our pair files
    .venv/bin/python benchmarks/conflicts.py --float16      # vectors as the store keeps them
    .venv/bin/python benchmarks/conflicts.py --half a       # tune on half a; report a, b and the whole

Data: ``equate_nat.jsonl`` and ``vitaminc_real_numeric_dev.jsonl`` from ``--data``,
else ``$CONSISTENCY_DATA`` (or ``$CONSISTENCY_BENCH_DATA``), else ``../shared/data``
next to the repository. A missing folder or file is reported and skipped (exit 0).

What is measured (positive class = a conflict):

* **ours**: `api.compare_pairs` (all rules, default settings, embedding similarity
  for consistent/unrelated); a pair is predicted positive when its verdict is
  ``conflict``.
* **naive**: all-MiniLM-L6-v2 cosine >= 0.6 and the digit strings of the two
  sides differ (as sets), the baseline named in issue 4.
* EQUATE has no contradiction class outside RedditNLI: its ``neutral`` pairs are
  "not entailed" and include real numeric conflicts. We report (a) all pairs with
  positive = neutral or contradiction, (b) RedditNLI contradiction vs entailment,
  and the false-alarm rate on entailment pairs.
* VitaminC dev: positive = contradiction (REFUTES); negatives = entailment and
  neutral; also contradiction vs entailment only.

Halves (``--half a|b``): each pair belongs to half ``a`` or ``b`` by a stable hash of its id
(`half_of`: the first byte of the SHA-1 of the id without a trailing ``_N``, even = ``a``;
VitaminC's variants of one claim stay together), the same split on every machine
and run, about half of each set. Tune on half ``a`` only (read its false alarms with ``--errors``
and ``--dump``); report ``a``, ``b`` and the whole set. A whole-set run also prints the first
view's figures per half.

The held-out set (``--heldout``) runs each pair through `api.check` as a claims
dataset of two rows (with their dates and sources), the way `consistency check`
does, and scores conflicts (P/R over pairs labelled conflict), updates and the
rule that fired. ``--pairs`` does the same for any pair files of ours (tests/data/voices*/pairs.jsonl)
and prints each miss, or with ``--quiet`` the figures alone (a held file, whose pairs nobody changing
the rules may read); ``--funnel`` says for each missed conflict where it was lost (`pair_stage`).
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

import numpy as np

sys.path.insert(0, str(Path(__file__).resolve().parent))
from benchdata import data_dir, hash_half, pooled_rows, read_jsonl, scores, write_pair, write_rows

ROOT = Path(__file__).resolve().parent.parent
_DIGITS = re.compile(r"\d+(?:[.,]\d+)*")


def half_of(pair_id: str) -> str:
    """``a`` or ``b``: the half a pair belongs to, by the first byte of the SHA-1 of its id (stable).

    A trailing ``_N`` is dropped first: VitaminC's ``vitc-<revision>_1`` .. ``_4`` are one claim
    against two revisions of one sentence, and stay in one half (else half b would hold near copies
    of what was tuned on in half a)."""
    return hash_half(re.sub(r"_\d+$", "", pair_id))


def in_half(rows: list[dict], half: str | None) -> list[dict]:
    """The rows (pairs with an ``id``) of ``half`` (`half_of`), in order; all of them when ``half`` is None:
    the one half filter of ``--half`` here and of ``calibrate.py --given-half``."""
    return rows if half is None else [r for r in rows if half_of(r["id"]) == half]


def prf(pred: list[bool], gold: list[bool]) -> dict:
    tp = sum(p and g for p, g in zip(pred, gold))
    fp = sum(p and not g for p, g in zip(pred, gold))
    fn = sum(g and not p for p, g in zip(pred, gold))
    return {"n": len(gold), "pos": sum(gold), "flagged": tp + fp, **scores(tp, fp, fn)}


def naive(premises: list[str], hypotheses: list[str], embedder=None, sims=None) -> list[bool]:
    """MiniLM cosine >= 0.6 and the digit strings differ (``sims``: precomputed cosines)."""
    if sims is None:
        sims = np.sum(_unit(embedder.encode(premises)) * _unit(embedder.encode(hypotheses)), axis=1)
    out = []
    for sim, a, b in zip(sims, premises, hypotheses):
        da = {d.replace(",", "") for d in _DIGITS.findall(a)}
        db = {d.replace(",", "") for d in _DIGITS.findall(b)}
        out.append(bool(sim >= 0.6 and da and db and da != db))
    return out


def _unit(x: np.ndarray) -> np.ndarray:
    return x / np.maximum(np.linalg.norm(x, axis=1, keepdims=True), 1e-12)


def line(name: str, m: dict) -> str:
    return (f"  {name:<8} P {m['P']:.3f}  R {m['R']:.3f}  F1 {m['F1']:.3f}   "
            f"(flagged {m['flagged']}, tp {m['tp']}, fp {m['fp']}, fn {m['fn']}; {m['pos']} positive of {m['n']})")


def score_pairs(title: str, rows: list[dict], embedder, views: list[tuple[str, callable]], errors: int) -> dict:
    from consistency import api

    started = time.perf_counter()
    results = api.compare_pairs([(r["id"], r["premise"], r["hypothesis"]) for r in rows], embedder=embedder)
    ours_s = time.perf_counter() - started
    ours = [c.verdict == "conflict" for c in results]
    base = naive([r["premise"] for r in rows], [r["hypothesis"] for r in rows],
                 sims=[c.similarity for c in results])  # the same MiniLM cosines
    print(f"\n{title}: {len(rows)} pairs (ours {ours_s:.1f}s)")
    out = {}
    for name, keep in views:
        idx = [i for i, r in enumerate(rows) if keep(r) is not None]
        gold = [bool(keep(rows[i])) for i in idx]
        m_ours = prf([ours[i] for i in idx], gold)
        m_naive = prf([base[i] for i in idx], gold)
        print(f" {name}")
        print(line("ours", m_ours))
        print(line("naive", m_naive))
        out[name] = {"ours": m_ours, "naive": m_naive}
        if HALF is None and name == views[0][0]:  # the whole set: the first view per half too
            for h in ("a", "b"):
                part = [i for i in idx if half_of(rows[i]["id"]) == h]
                print(line(f"half {h}", prf([ours[i] for i in part], [bool(keep(rows[i])) for i in part])))
    ent = [i for i, r in enumerate(rows) if r["label"] == "entailment"]
    if ent:
        fa_ours = sum(ours[i] for i in ent) / len(ent)
        fa_naive = sum(base[i] for i in ent) / len(ent)
        print(f" false alarms on entailment pairs: ours {fa_ours:.3f}, naive {fa_naive:.3f} (of {len(ent)})")
    if DUMP is not None:
        for r, c in zip(rows, results):
            DUMP.write(json.dumps({"id": r["id"], "label": r["label"], "verdict": c.verdict, "rule": c.rule,
                                   "explanation": c.explanation}) + "\n")
    rules = Counter(c.rule for c in results if c.verdict == "conflict")
    print(f" rules that fired: {dict(rules.most_common())}")
    if errors:  # flagged pairs the first view counts as negative (EQUATE: entailed; VitaminC: not refuted)
        first = views[0][1]
        fps = [(r, c) for r, c, p in zip(rows, results, ours) if p and first(r) is False][:errors]
        for r, c in fps:
            print(f"   FALSE ALARM {r['id']} [{r['label']}] {c.rule}: {c.explanation}\n     P: {r['premise'][:240]}\n"
                  f"     H: {r['hypothesis'][:240]}")
    return out


#: `--half`: the half of each set kept (``a`` or ``b``; None: all pairs).
HALF = None

#: `--dump`: where every pair's verdict is written (one JSON line: id, label, verdict, rule, explanation).
DUMP = None


class StoredPrecision:
    """An embeddings cache that keeps vectors as the store does (float16, read back as float32)."""

    def __init__(self) -> None:
        from consistency.embed import MemoryCache

        self._cache = MemoryCache()

    def get(self, model_id, keys):
        return self._cache.get(model_id, keys)

    def put(self, model_id, items):
        from consistency.store.embeddings import rounded

        self._cache.put(model_id, {k: rounded(v) for k, v in items.items()})


def run_benchmarks(folder: Path, limit: int | None, errors: int, float16: bool = False) -> int:
    from consistency.config import load_settings
    from consistency.embed import Embedder

    # CONSISTENCY_BACKEND=torch etc. pick a backend
    embedder = Embedder.from_settings(load_settings(), cache=StoredPrecision() if float16 else None)
    if float16:  # every text through the cache first, so the pairs are scored with the stored vectors
        texts = [r[f] for name in ("equate_nat.jsonl", "vitaminc_real_numeric_dev.jsonl") if (folder / name).is_file()
                 for r in read_jsonl(folder / name)[:limit] for f in ("premise", "hypothesis")]
        embedder.encode(list(dict.fromkeys(texts)))
        print("vectors rounded to float16, as the store keeps them")
    equate = folder / "equate_nat.jsonl"
    vitc = folder / "vitaminc_real_numeric_dev.jsonl"
    if not folder.is_dir():
        print(f"benchmark data folder {folder} not found; skipping (give --data DIR or set CONSISTENCY_DATA)")
        return 0
    if equate.is_file():
        rows = in_half(read_jsonl(equate)[:limit], HALF)
        score_pairs("EQUATE (NewsNLI, RTE-Quant, RedditNLI)", rows, embedder, [
            ("all pairs, positive = not entailed", lambda r: r["label"] != "entailment"),
            ("RedditNLI contradiction vs entailment",
             lambda r: None if r["source"] != "EQUATE/RedditNLI" or r["label"] == "neutral"
             else r["label"] == "contradiction"),
        ], errors)
    else:
        print(f"{equate} not found; skipping EQUATE")
    if vitc.is_file():
        rows = in_half(read_jsonl(vitc)[:limit], HALF)
        score_pairs("VitaminC real numeric, dev split", rows, embedder, [
            ("positive = contradiction (negatives: entailment + neutral)", lambda r: r["label"] == "contradiction"),
            ("contradiction vs entailment", lambda r: None if r["label"] == "neutral" else r["label"] == "contradiction"),
        ], errors)
    else:
        print(f"{vitc} not found; skipping VitaminC")
    return 0


# --- the pairs as one claims dataset -----------------------------------------------------------

#: Where a labelled pair ends in `as_dataset`, in pipeline order.
STAGES = ("not a candidate pair", "other stories", "no finding", "below the cut-off", "flagged")


def as_dataset(rows: list[dict], embedder, settings=None) -> dict:
    """Check the texts of labelled pairs as ONE claims dataset (one row per distinct text, no
    dates or sources: the CI-gating use), and say for each labelled pair where the pipeline
    left it: not a candidate pair of the group stage (similarity under the threshold, or a
    neighbour cap), not compared ("other stories": two stories that may not be, or two rows of one
    story sharing only a common name, `stories.Stories.one_thing`), compared without a finding, a
    finding under the default cut-off, or flagged. ``rows``: ``premise``/``hypothesis``/``label``
    pairs (VitaminC); ``contradiction`` = a conflict, ``entailment`` = none, others left out.
    ``other_page``: of all the row pairs flagged (labelled or not), those whose rows share no
    ``page`` (VitaminC's Wikipedia page: what a row is about), every one a false alarm that the
    labelled pairs' precision does not see.

    `consistency compare` is told which two texts to compare; a dataset's pairs must be found
    among all its rows first, so this measures what a curator gating a dataset gets."""
    from consistency import api
    from consistency.config import load_settings
    from consistency.rules.numeric import FLOOR

    settings = settings or load_settings(start=Path(tempfile.gettempdir()))
    cutoff = api.min_confidence(settings)
    texts, pages = pooled_rows(rows)
    labelled = [(texts[r["premise"]], texts[r["hypothesis"]], r["label"] == "contradiction")
                for r in rows if r["label"] in ("contradiction", "entailment")]
    seen: dict[str, list] = {}
    real_stories, real_rules = api.build_stories, api.run_rules

    def stories_seen(documents, claims, vectors, pairs, **kw):
        seen["candidates"] = list(pairs)
        return real_stories(documents, claims, vectors, pairs, **kw)

    def rules_seen(claims, pairs, rules, **kw):
        seen["compared"] = list(pairs)
        return real_rules(claims, pairs, rules, **kw)

    api.build_stories, api.run_rules = stories_seen, rules_seen
    try:
        with tempfile.TemporaryDirectory() as tmp:
            path = write_rows(texts, Path(tmp) / "claims.jsonl")
            cpu = time.process_time()
            report = api.check([str(path)], settings.replace(min_confidence=FLOOR), embedder=embedder)
            cpu = time.process_time() - cpu
    finally:
        api.build_stories, api.run_rules = real_stories, real_rules
    claims = report.claims
    row_pairs = {name: {frozenset((claims[p.i].row_id, claims[p.j].row_id)) for p in seen.get(name, ())}
                 for name in ("candidates", "compared")}
    best: dict[frozenset, float] = {}
    for f in report.findings:
        if f.kind == "conflict":
            k = frozenset((f.a.row_id, f.b.row_id))
            best[k] = max(best.get(k, 0.0), f.confidence)
    funnel = {True: dict.fromkeys(STAGES, 0), False: dict.fromkeys(STAGES, 0)}
    for a, b, conflict in labelled:
        k = frozenset((a, b))
        stage = ("not a candidate pair" if k not in row_pairs["candidates"] else
                 "other stories" if k not in row_pairs["compared"] else
                 "no finding" if k not in best else
                 "below the cut-off" if best[k] < cutoff else "flagged")
        funnel[conflict][stage] += 1
    tp, fp = funnel[True]["flagged"], funnel[False]["flagged"]
    pos = sum(funnel[True].values())
    flagged = [tuple(k) for k, c in best.items() if c >= cutoff]
    # rows of no common page are about two different things (a film against another film): a false alarm
    other_page = sum(len(k) == 2 and not pages[k[0]] & pages[k[1]] for k in flagged)
    return {"rows": len(texts), "pairs": len(labelled), "conflicts": pos, "cutoff": cutoff,
            "other_page": other_page, "other_page_share": round(other_page / len(flagged), 3) if flagged else 0.0,
            "precision": round(tp / (tp + fp), 3) if tp + fp else 0.0, "recall": round(tp / pos, 3) if pos else 0.0,
            "funnel": {"conflict": funnel[True], "no conflict": funnel[False]},
            "findings": sum(c >= cutoff for c in best.values()), "cpu_s": round(cpu, 1)}


def run_as_dataset(folder: Path, limit: int | None) -> int:
    from consistency.config import load_settings
    from consistency.embed import Embedder

    vitc = folder / "vitaminc_real_numeric_dev.jsonl"
    if not vitc.is_file():
        print(f"{vitc} not found; skipping (give --data DIR or set CONSISTENCY_DATA)")
        return 0
    embedder = Embedder.from_settings(load_settings())
    for half in ("a", "b") if HALF is None else (HALF,):
        rows = in_half(read_jsonl(vitc)[:limit], half)
        m = as_dataset(rows, embedder)
        print(f"\nVitaminC half {half} as one claims dataset: {m['rows']} rows, {m['pairs']} labelled pairs "
              f"({m['conflicts']} conflicts), {m['findings']} conflicts flagged among all rows, {m['cpu_s']} CPU-s")
        print(f"  labelled pairs at the default cut-off {m['cutoff']:.2f}: P {m['precision']:.3f} R {m['recall']:.3f}")
        print(f"  flagged row pairs of two different pages (different things: false alarms): {m['other_page']} "
              f"({m['other_page_share']:.1%})")
        for label, stages in m["funnel"].items():
            print(f"  {label:<12} " + ", ".join(f"{name} {n}" for name, n in stages.items()))
    return 0


# --- held-out news-style pairs -----------------------------------------------------------------

HELDOUT = ROOT / "tests" / "data" / "heldout" / "pairs.jsonl"


def heldout_predictions(path: Path = HELDOUT, embedder=None) -> list[tuple[dict, str, str | None, str]]:
    """(row, predicted verdict, rule, explanation) per held-out pair, through `api.check`."""
    from consistency import api
    from consistency.config import load_settings
    from consistency.embed import Embedder

    settings = load_settings()
    embedder = embedder or Embedder.from_settings(settings)
    out = []
    with tempfile.TemporaryDirectory() as tmp:
        for row in read_jsonl(path):
            dataset = write_pair(row, Path(tmp) / f"{row['id']}.jsonl")
            report = api.check([str(dataset)], settings, embedder=embedder)
            by_kind = {kind: [f for f in report.findings if f.kind == kind] for kind in ("conflict", "update", "correction")}
            kind = next((k for k, found in by_kind.items() if found), None)
            if kind is None:
                out.append((row, "consistent", None, ""))
            else:
                out.append((row, kind, by_kind[kind][0].rule, by_kind[kind][0].explanation))
    return out


def heldout_scores(predictions) -> dict:
    gold = [row["label"] == "conflict" for row, *_ in predictions]
    pred = [verdict == "conflict" for _, verdict, *_ in predictions]
    m = prf(pred, gold)
    updates = [(row, v) for row, v, *_ in predictions if row["label"] == "update"]
    m["update_recall"] = sum(v == "update" for _, v in updates) / len(updates) if updates else 1.0
    m["update_false"] = sum(v == "update" for row, v, *_ in predictions if row["label"] != "update")
    m["rule_agree"] = sum(rule == row.get("rule") for row, v, rule, _ in predictions
                          if row["label"] == "conflict" and v == "conflict")
    return m


def pair_stage(row: dict, settings, embedder) -> str:
    """Where `api.check` left a labelled pair of a pair file (`STAGES`): its two rows checked
    again as a dataset with every finding kept (`numeric.FLOOR`), watching which row pairs the
    group stage made candidates and which the rules compared, as `as_dataset` does."""
    from consistency import api
    from consistency.rules.numeric import FLOOR

    seen: dict[str, list] = {}
    real_stories, real_rules = api.build_stories, api.run_rules

    def stories_seen(documents, claims, vectors, pairs, **kw):
        seen.setdefault("candidates", []).extend(pairs)
        return real_stories(documents, claims, vectors, pairs, **kw)

    def rules_seen(claims, pairs, rules, **kw):
        seen.setdefault("compared", []).extend(pairs)
        return real_rules(claims, pairs, rules, **kw)

    api.build_stories, api.run_rules = stories_seen, rules_seen
    try:
        with tempfile.TemporaryDirectory() as tmp:
            dataset = write_pair(row, Path(tmp) / "pair.jsonl")
            report = api.check([str(dataset)], settings.replace(min_confidence=FLOOR), embedder=embedder)
    finally:
        api.build_stories, api.run_rules = real_stories, real_rules
    rows_of = {name: any(report.claims[p.i].row_id != report.claims[p.j].row_id for p in seen.get(name, ()))
               for name in ("candidates", "compared")}
    best = max((f.confidence for f in report.findings if f.kind == "conflict"), default=None)
    return ("not a candidate pair" if not rows_of["candidates"] else
            "other stories" if not rows_of["compared"] else
            "no finding" if best is None else
            "below the cut-off" if best < api.min_confidence(settings) else "flagged")


def run_heldout(paths: list[Path] | None = None, quiet: bool = False, funnel: bool = False) -> int:
    """Score each pair file; print its misses unless ``quiet`` (a held file: its figures only);
    with ``funnel`` the stage where each missed conflict was lost (`pair_stage`) and a count of
    the stages by the rule the pair is labelled with."""
    from consistency.config import load_settings
    from consistency.embed import Embedder

    settings = load_settings()
    embedder = Embedder.from_settings(settings)
    for path in paths or [HELDOUT]:
        predictions = heldout_predictions(path, embedder=embedder)
        m = heldout_scores(predictions)
        name = path.relative_to(ROOT) if path.is_relative_to(ROOT) else path
        print(f"{name}: {len(predictions)} pairs ({m['pos']} conflicts)")
        print(line("ours", m))
        print(f"  updates found {m['update_recall']:.2f} of those labelled update; {m['update_false']} wrong updates;"
              f" rule agrees on {m['rule_agree']} of {m['tp']} caught conflicts")
        if quiet:
            continue
        stages: Counter = Counter()
        for row, verdict, rule, explanation in predictions:
            if (verdict == "conflict") != (row["label"] == "conflict") or (row["label"] == "update") != (verdict == "update"):
                stage = ""
                if funnel and row["label"] == "conflict":
                    stage = pair_stage(row, settings, embedder)
                    stages[(row.get("rule"), stage)] += 1
                    stage = f" stage={stage}"
                print(f"  MISS {row['id']} label={row['label']}/{row.get('rule')} got={verdict}/{rule}{stage} {explanation}")
                print(f"      A: {row['a']['text']}\n      B: {row['b']['text']}")
        if funnel:
            print("  missed conflicts by rule and stage: "
                  + ", ".join(f"{r} {s} {n}" for (r, s), n in sorted(stages.items(), key=str)))
    return 0


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--data", help="folder with equate_nat.jsonl and vitaminc_real_numeric_dev.jsonl")
    parser.add_argument("--limit", type=int, help="only the first N pairs of each file")
    parser.add_argument("--errors", type=int, default=0, help="print up to N false alarms per set (EQUATE: flagged entailed pairs; "
                        "VitaminC: flagged pairs not labelled contradiction)")
    parser.add_argument("--heldout", action="store_true", help="score tests/data/heldout/pairs.jsonl only")
    parser.add_argument("--float16", action="store_true",
                        help="score with vectors rounded to float16, as `consistency run` stores them")
    parser.add_argument("--pairs", nargs="+", help="score these pair files (the held-out format) instead: "
                                                   "tests/data/voices*/pairs.jsonl, written in other voices")
    parser.add_argument("--quiet", action="store_true",
                        help="with --pairs or --heldout: the figures only, no pair printed (a held file's figures)")
    parser.add_argument("--funnel", action="store_true",
                        help="with --pairs or --heldout: say where each missed conflict was lost (not a candidate pair, "
                             "other stories, no finding, below the cut-off)")
    parser.add_argument("--dump", help="write every pair's id, gold label, verdict, rule and explanation to this "
                                       "JSON-lines file (no sentences), to compare two runs pair by pair")
    parser.add_argument("--as-dataset", action="store_true",
                        help="check VitaminC's texts as one claims dataset (no pair given) and say where each "
                             "labelled pair is lost: not a candidate, other stories, no finding, under the cut-off")
    parser.add_argument("--half", choices=("a", "b"),
                        help="keep one half of each set, by a stable hash of the pair id (tune on a; report a, b and all)")
    args = parser.parse_args(argv)
    if args.half:
        global HALF
        HALF = args.half
    if args.dump:
        global DUMP
        DUMP = open(args.dump, "w", encoding="utf-8")
    if args.pairs or args.heldout:
        return run_heldout([Path(p).resolve() for p in args.pairs or ()], args.quiet, args.funnel)
    if args.as_dataset:
        return run_as_dataset(data_dir(args.data), args.limit)
    return run_benchmarks(data_dir(args.data), args.limit, args.errors, args.float16)


if __name__ == "__main__":
    sys.exit(main())
