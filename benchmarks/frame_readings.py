"""Do similarity readings of a figure's measure with its predicate tell one figure in other words from
two measures of one story? Measured before any is wired into a model (session 41).

Usage::

    CONSISTENCY_DATA=... .venv/bin/python benchmarks/frame_readings.py

Candidate readings of each side of a candidate pair, embedded with the claims' model
(`check.PhraseSimilarity`), every figure and date of the claim masked:

- ``masked_sim``: the whole claim;
- ``clause_sim``: the figure's clause (the parse subtree of the nearest verb above the number, as
  `slots` reads the predicate, else the sentence's root);
- ``frame_sim``: the slots read as one phrase: the predicate's subject when it is not the measure,
  the verb as written, the masked figure, the measure and its context (`slots.Slots`).

Printed, beside the features the models read (`compare.FEATURES`) and the shipped models' scores:
AUC of conflict against consistent over the tuning writers' pairs checked as two-row datasets
(`calibrate.checked_rows`; a pair read by the candidate the shipped rows model scores highest, as
the check reports it; "hard": the consistent pairs scored 0.03 or more), and of wanted against
different-measure (and every dismissed) finding over the judged news of the tuning half
(`calibrate.labelled_frames`). Then what each reading adds to a shipped model: the model's weights
held, its bias and the reading's weight refitted (writers: one left out at a time, rows model;
news: five folds by cluster, found model), and a cluster bootstrap of the news gain.

Measured in session 41 (docs/rules.md, "Confidence"): on the writers every phrase cosine ranks
consistent pairs above conflicts (AUC 0.40-0.52: a writer's reworded conflict shares fewer words
than two measures of one story told in one wording), so refitted weights turn negative; on news
``clause_sim`` adds 0.04 AUC to the found model (0.676 -> 0.718, bootstrap 90 % +0.015 to +0.066),
but wired into it the news tune findings move along the shipped model's own curve of bias (docs/rules.md)."""

from __future__ import annotations

import sys
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(Path(__file__).resolve().parent))
sys.path.insert(0, str(ROOT))
import calibrate  # noqa: E402
from benchdata import DiskCache, data_dir  # noqa: E402

MASK = "#"
READINGS = ("masked_sim", "clause_sim", "frame_sim")


def _spans(claim) -> list[tuple[int, int]]:
    return sorted([(q.start, q.end) for q in claim.quantities] + [(d.start, d.end) for d in claim.dates])


def masked_claim(claim) -> str:
    """The claim with each figure and date replaced by `MASK`."""
    out, last = [], 0
    for s, e in _spans(claim):
        if s >= last:
            out += [claim.text[last:s], MASK]
            last = e
    return " ".join("".join(out + [claim.text[last:]]).split())


def clause(frame) -> str:
    """The figure's clause, masked: the subtree of the nearest verb above the number (else the root)."""
    from consistency.parsing import parse

    p = parse(frame.claim.text)
    toks = p.tokens_in(frame.q.start, frame.q.end)
    if not toks:
        return ""
    t = p.head_of(toks)
    above = [t] + p.ancestors(t.i)
    verb = next((a for a in above if a.pos in ("VERB", "AUX") and a.dep not in ("amod", "compound")), above[-1])
    spans, words = _spans(frame.claim), []
    for tok in sorted(p.subtree(verb.i), key=lambda x: x.i):
        if any(s <= tok.start < e for s, e in spans):
            if not words or words[-1] != MASK:
                words.append(MASK)
        else:
            words.append(tok.text)
    return " ".join(words)


def frame_phrase(frame) -> str:
    s = frame.slots
    who = s.subject if s.subject and not s.measure_named else ""
    return " ".join(x for x in (who, s.verb or s.predicate, MASK, s.measure, s.context) if x)


def readings(fa, fb, sim) -> dict[str, float]:
    ka, kb = clause(fa), clause(fb)
    return {"masked_sim": sim(masked_claim(fa.claim), masked_claim(fb.claim)),
            "clause_sim": sim(ka, kb) if ka and kb else 0.0,
            "frame_sim": sim(frame_phrase(fa), frame_phrase(fb))}


def auc(pos, neg) -> float:
    pos, neg = np.asarray(pos, dtype=float), np.asarray(neg, dtype=float)
    if not len(pos) or not len(neg):
        return float("nan")
    return float(np.mean([(neg < p).mean() + 0.5 * (neg == p).mean() for p in pos]))


def value(c: dict, name: str) -> float:
    """A candidate's reading, feature (``-name``: negated, so that a higher value means one measure) or
    model score (``rows_model``, ``found_model``)."""
    from consistency.rules import compare

    if name in READINGS:
        return c[name]
    if name.endswith("_model"):
        return compare.model(False, rows=name == "rows_model").probability(c["x"])
    sign = -1.0 if name.startswith("-") else 1.0
    return sign * c["x"][compare.FEATURES.index(name.lstrip("-"))]


NAMES = ("sentence_sim", "phrase_sim", "slot_overlap", "context_sim", "-head_differs", "-predicate_gap",
         "rows_model", "found_model") + READINGS


def offset_fit(cands: list[dict], labels, model, extra: list[str]) -> np.ndarray:
    """``model``'s weights held (`calibrate.fit` centred on them, l2 1e6), its bias and the weights of
    the ``extra`` readings refitted."""
    from consistency.rules import compare

    x = np.array([list(c["x"]) + [c[n] for n in extra] for c in cands], dtype=float)
    n = len(compare.FEATURES)
    centre = np.append(model.weights, np.zeros(len(extra)))
    return calibrate.fit(x, np.asarray(labels, dtype=float), l2=1e6, center=centre,
                         free=tuple(range(n, n + len(extra))))


def design(pairs: list[dict], given) -> tuple[list[dict], list[bool]]:
    """Candidates and labels as `calibrate.rows_design` reads them: a conflict pair its best-aligned
    candidate (`calibrate.pick` by the given-pair model ``given``, as the engine aligns), a consistent
    pair every candidate; the candidates keep their readings beside the features."""
    chosen = [(p, [_aligned(p["cands"], given)] if p["conflict"] else p["cands"]) for p in pairs]
    return [c for _, cs in chosen for c in cs], [p["conflict"] for p, cs in chosen for _ in cs]


def _aligned(cands: list[dict], given) -> dict:
    x = calibrate.pick(calibrate.Example("rows", "", 1, [(0.0, c["x"]) for c in cands]), given.weights)
    return next(c for c in cands if c["x"] is x)


def _w(weights) -> str:
    return " ".join(f"{w:+.2f}" for w in weights) or "-"


def score(w, c: dict, extra: list[str]) -> float:
    return float(np.dot(w, list(c["x"]) + [c[n] for n in extra]))


def main() -> int:
    from consistency.check import PhraseSimilarity
    from consistency.config import load_settings
    from consistency.embed import Embedder
    from consistency.rules import compare

    embedder = Embedder.from_settings(load_settings(), cache=DiskCache())
    sim = PhraseSimilarity(embedder)
    rows_model, found_model, given = compare.model(False, rows=True), compare.model(False), compare.model(True)
    pairs = []
    paths = [ROOT / "tests" / "data" / w / "pairs.jsonl" for w in calibrate.TUNING_WRITERS]
    for writer, row, rows, _ in calibrate.checked_rows(paths, embedder):
        if rows and row["label"] in ("conflict", "consistent"):
            cands = [{"x": x, **readings(fa, fb, sim)} for fa, fb, x in rows]
            pairs.append({"writer": writer, "conflict": row["label"] == "conflict", "cands": cands,
                          "best": max(cands, key=lambda c: rows_model.probability(c["x"]))})
    hard = [p for p in pairs if not p["conflict"] and rows_model.probability(p["best"]["x"]) >= 0.03]
    writers = sorted({p["writer"] for p in pairs})
    print(f"writers: {len(pairs)} pairs with rows candidates, {sum(p['conflict'] for p in pairs)} conflicts, "
          f"{len(hard)} of the consistent scored 0.03 or more (hard)")
    print(f"  {'AUC of':<15} {'all':>6} {'hard':>6}  by writer ({' '.join(writers)})")
    for name in NAMES:
        pos = [value(p["best"], name) for p in pairs if p["conflict"]]
        per = [auc([value(p["best"], name) for p in pairs if p["writer"] == w and p["conflict"]],
                   [value(p["best"], name) for p in pairs if p["writer"] == w and not p["conflict"]]) for w in writers]
        print(f"  {name:<15} {auc(pos, [value(p['best'], name) for p in pairs if not p['conflict']]):6.3f} "
              f"{auc(pos, [value(p['best'], name) for p in hard]):6.3f}  " + " ".join(f"{a:.2f}" for a in per))

    news = [{"x": features, "label": int(r["label"]), "class": r.get("class"), "cluster": r["cluster"],
             **readings(fa, fb, sim)}
            for r, fa, fb, ctx, amb in calibrate.labelled_frames(ROOT / "benchmarks" / "labels" / "news.jsonl",
                                                                 data_dir(None), embedder)
            for features in [compare.features(fa, fb, ctx, ambiguity=amb)]]
    wanted = [c for c in news if c["label"]]
    print(f"\nnews tune, judged findings rebuilt: {len(news)}, {len(wanted)} wanted, "
          f"{sum(c['class'] == 'different-measure' for c in news)} different-measure")
    print(f"  {'AUC of':<15} {'wanted v different-measure':>27} {'wanted v dismissed':>19}")
    for name in NAMES:
        pos = [value(c, name) for c in wanted]
        print(f"  {name:<15} {auc(pos, [value(c, name) for c in news if c['class'] == 'different-measure']):27.3f} "
              f"{auc(pos, [value(c, name) for c in news if not c['label']]):19.3f}")

    print("\nwhat a reading adds to a shipped model (its weights held; bias and the reading refitted), AUC out of fit:")
    print(f"  {'reading':<24} {'writers (rows model), one left out; weight fitted on all':>34}"
          f"   {'news (found model), 5 folds; weight':>27}")
    fold = [calibrate.fold_of(c["cluster"], 5) for c in news]
    out_of_fit = {}
    for extra in ([], *[[n] for n in READINGS]):
        wscore = {}
        for w in writers:
            train = [p for p in pairs if p["writer"] != w]
            fitted = offset_fit(*design(train, given), rows_model, extra)
            for p in pairs:
                if p["writer"] == w:
                    wscore[id(p)] = max(score(fitted, c, extra) for c in p["cands"])
        nscore = np.zeros(len(news))
        for k in range(5):
            train = [c for c, f in zip(news, fold) if f != k]
            fitted = offset_fit(train, [c["label"] for c in train], found_model, extra)
            for i, c in enumerate(news):
                if fold[i] == k:
                    nscore[i] = score(fitted, c, extra)
        out_of_fit[" + ".join(extra) or "bias only"] = nscore
        wa = auc([wscore[id(p)] for p in pairs if p["conflict"]], [wscore[id(p)] for p in pairs if not p["conflict"]])
        na = auc([s for s, c in zip(nscore, news) if c["label"]],
                 [s for s, c in zip(nscore, news) if c["class"] == "different-measure"])
        signs = (offset_fit(*design(pairs, given), rows_model, extra)[len(compare.FEATURES):],
                 offset_fit(news, [c["label"] for c in news], found_model, extra)[len(compare.FEATURES):])
        print(f"  {' + '.join(extra) or 'bias only':<24} {wa:20.3f} {_w(signs[0]):>13} {na:16.3f} {_w(signs[1]):>10}")
    rng = np.random.default_rng(0)
    clusters = sorted({c["cluster"] for c in news})
    members = {k: [i for i, c in enumerate(news) if c["cluster"] == k and (c["label"] or c["class"] == "different-measure")]
               for k in clusters}
    gains = {name: [] for name in READINGS}
    for _ in range(300):
        picked = [i for k in rng.choice(len(clusters), len(clusters)) for i in members[clusters[k]]]
        labels = np.array([news[i]["label"] for i in picked])

        def of(s):
            s = s[picked]
            return auc(s[labels == 1], s[labels == 0])
        base = of(out_of_fit["bias only"])
        for name in READINGS:
            gains[name].append(of(out_of_fit[name]) - base)
    print("  news gain over bias only, cluster bootstrap (300), wanted v different-measure: " + "; ".join(
        f"{n} {np.mean(g):+.3f} [{np.percentile(g, 5):+.3f}, {np.percentile(g, 95):+.3f}]" for n, g in gains.items()))
    return 0


if __name__ == "__main__":
    sys.exit(main())
