"""Real news, real events: what the checker flags on articles nobody on the team wrote.

Usage::

    .venv/bin/python benchmarks/news.py [--data DIR] [--corpus gva,basil,ecb+] [--clusters N]
                                        [--sample N] [--sample-out FILE] [--seed S] [--json FILE]
                                        [--half tune|held] [--as-rows]

Data: ``news/articles.jsonl`` and ``news/gold_incidents.jsonl`` under ``--data``, else
``$CONSISTENCY_DATA`` (or ``$CONSISTENCY_BENCH_DATA``), else ``../shared/data`` next to the
repository (see its ``news/README.md``). A missing folder is reported and skipped (exit 0).
Nothing of the data is written into the repository: the articles go to a temporary claims
dataset (one row per article: ``id``, ``text``, ``source``, ``date``, ``url``; ECB+ rows use
``text_numbers_joined``) checked through `consistency.api.check`, the way a desk runs
``consistency check`` over a day's crawl. With ``--as-rows`` each claim the checker reads of an
article becomes a row of its own (id ``<article>~<n>``, the article's source and date, no article):
a curator's claims dataset, whose rows form stories from their own names and dates; every figure
is still counted per article and cluster.

Printed:

* articles, claims, candidate pairs, conflicts, conflicts per 100 articles, by corpus;
* **cross-cluster flags**: conflicts whose two claims come from articles of different clusters
  (different events: every one is a false alarm), as a share of all conflicts; the pairs between
  the two sub-topics of one ECB+ topic (different events of the same kind) counted apart;
* **GVA gold**: for conflicts inside one GVA cluster whose numbers count people killed or
  injured (read from the words around the number: a benchmark heuristic, not the checker's), how
  many sides agree with the Gun Violence Archive's count, and how many flagged pairs have exactly
  one side matching the gold (the checker found the outlet that disagrees); and **GVA candidates**:
  of the outlet-vs-gold disagreements in the articles (an article's killed/injured count differs
  from the gold while another article states the gold count), how many a reported conflict pairs
  up (misses written to ``--misses-out`` for reading); and **GVA outlet candidates**
  (``gva_outlet_recall``): the part of those that two outlets dispute, each article's own figure
  being the first killed/injured count it states (misses beside ``--misses-out``, suffix
  ``.outlets.jsonl``, every candidate with ``flagged``). Most ``gva_recall`` candidates are no
  dispute between outlets (parts of the toll, sums consistent with it, other incidents, misreads
  of the heuristic), and so are most outlet candidates: ``real`` counts those a reviewer judged a
  real dispute (``--disputes``, default ``benchmarks/labels/gva_disputes.jsonl``) and how many of
  them are flagged, the recall the checker can be judged on;
* stories, groups and the largest group; **disputed facts** (conflicts of one rule linking
  claims of one story, shown as one item), the conflicts they hold, and the items a report shows
  (facts plus conflicts outside a fact);
* **read precision**: of the reported conflicts that a reviewer has judged
  (``--labels``, default ``benchmarks/labels/news.jsonl``), the share a reviewer wants to see, with
  how many were judged and how many are not yet read; and the same over the **items** a report
  shows (``read.items``): a disputed fact counts once, wanted when one of its conflicts is;
* a reading sample (``--sample N`` conflicts, seeded, across clusters) written as JSON Lines to
  ``--sample-out`` (default ``/tmp/consistency-news-sample.jsonl``) with both claims, the rule,
  explanation, clusters and an empty ``judgement`` field to fill in by hand.

Embeddings are cached between runs in ``$CONSISTENCY_BENCH_CACHE`` (default
``/tmp/consistency-bench-vectors.sqlite``), keyed like the checker's own cache, so repeated runs
measure the rules, not the model.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import random
import re
import sys
import tempfile
import time
from collections import Counter, defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(Path(__file__).resolve().parent))
sys.path.insert(0, str(ROOT))
from benchdata import DiskCache, news_data, read_jsonl  # noqa: E402

KILLED = re.compile(r"\b(kill\w*|dead|die[ds]?|dying|death\w*|fatal\w*|murder\w*|slain|lives)\b", re.I)
INJURED = re.compile(r"\b(injur\w*|wound\w*|hurt|hospitali[sz]ed|shot|hit)\b", re.I)


def half_of(row: dict) -> str:
    """``tune`` or ``held``: a seeded hash of the cluster (of the ECB+ topic, so both sub-topics of a
    topic fall in one half). Judgements used to fit the confidence model come from the tuning half;
    precision is read on the held-back half."""
    key = row.get("topic") or row["cluster"]
    return "tune" if int(hashlib.sha1(key.encode()).hexdigest(), 16) % 2 == 0 else "held"


def load(data: Path, corpora: set[str], clusters: int | None, seed: int, half: str | None = None) -> list[dict]:
    rows = read_jsonl(data / "news" / "articles.jsonl")
    rows = [r for r in rows if r["corpus"] in corpora and (half is None or half_of(r) == half)]
    if clusters:
        by_cluster: dict[str, list[dict]] = defaultdict(list)
        for r in rows:
            by_cluster[r["cluster"]].append(r)
        names = sorted(by_cluster)
        # keep both sub-topics of an ECB+ topic together: they are the hardest pairs
        topics = sorted({by_cluster[c][0].get("topic") or c for c in names})
        random.Random(seed).shuffle(topics)
        keep = set()
        for t in topics:
            keep |= {c for c in names if (by_cluster[c][0].get("topic") or c) == t}
            if len(keep) >= clusters:
                break
        rows = [r for r in rows if r["cluster"] in keep]
    return rows


def dataset(rows: list[dict], folder: Path) -> Path:
    path = folder / "news.jsonl"
    with path.open("w", encoding="utf-8") as fh:
        for r in rows:
            fh.write(json.dumps({"id": r["id"], "text": r.get("text_numbers_joined") or r["text"],
                                 "source": r.get("source"), "date": r.get("date"), "url": r.get("url")},
                                ensure_ascii=False) + "\n")
    return path


#: Joins an article's id and a claim's number in the row ids of `--as-rows` ("gva-12-a~3").
ROW_OF = "~"


def rows_dataset(rows: list[dict], folder: Path) -> Path:
    """The articles' claims as a claims dataset of one claim per row (``--as-rows``): each claim the
    checker reads of an article (`consistency.claims.document_claims`), with the article's source
    and date, as a curator's dataset holds claims without their article."""
    from consistency.claims import document_claims
    from consistency.reading.values import parse_date
    from consistency.records import Document

    path = folder / "rows.jsonl"
    with path.open("w", encoding="utf-8") as fh:
        for r in rows:
            doc = Document(key=r["id"], path="news", row_id=r["id"], text=r.get("text_numbers_joined") or r["text"],
                           source=r.get("source"), date=parse_date(r.get("date")))
            for n, claim in enumerate(document_claims(doc)):
                fh.write(json.dumps({"id": f"{r['id']}{ROW_OF}{n}", "text": claim.text, "source": r.get("source"),
                                     "date": r.get("date")}, ensure_ascii=False) + "\n")
    return path


#: the word right before a number, past a bound ("wounding seven", "killed at least three")
_VERB_BEFORE = re.compile(r"(\w+)\s+(?:at\s+least\s+|another\s+)?$")


def measure_of(text: str, start: int, end: int) -> str | None:
    """killed / injured, from the word right before a number when it names one ("killing two men
    and wounding six bystanders": six wounded), else from the words right after (or before) it: a
    benchmark heuristic. Without the first step the 40 characters before "six" read "killing"
    first, so a wounded count was taken for a death toll (session 22: held-half misses)."""
    after = text[end:end + 40]
    before = text[max(0, start - 40):start]
    verb = _VERB_BEFORE.search(before)
    if verb and KILLED.fullmatch(verb.group(1)):
        return "killed"
    if verb and INJURED.fullmatch(verb.group(1)):
        return "injured"
    for window in (after, before):
        k, i = KILLED.search(window), INJURED.search(window)
        if k and (not i or k.start() < i.start()):
            return "killed"
        if i:
            return "injured"
    return None


def side_value(spans) -> float | None:
    for s in spans:
        m = re.search(r"-?\d+(?:\.\d+)?", s.normalized or "")
        if m:
            return float(m.group(0))
    return None


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--data")
    ap.add_argument("--corpus", default="gva,basil,ecb+", help="comma list of gva, basil, ecb+")
    ap.add_argument("--clusters", type=int, help="only this many clusters (seeded; ECB+ topics kept whole)")
    ap.add_argument("--half", choices=("tune", "held"), help="only the tuning or the held-back half of the clusters")
    ap.add_argument("--sample", type=int, default=100)
    ap.add_argument("--sample-out", default="/tmp/consistency-news-sample.jsonl")
    ap.add_argument("--seed", type=int, default=7)
    ap.add_argument("--json", help="also write the figures as JSON to this file")
    ap.add_argument("--min-confidence", type=float,
                    help="report findings from this confidence on (default: the calibrated cut-off)")
    ap.add_argument("--misses-out", default=str(Path(tempfile.gettempdir()) / "consistency-news-gva-misses.jsonl"),
                    help="GVA outlet-vs-gold disagreements the checker did not flag, as JSON Lines for reading")
    ap.add_argument("--labels", default=str(ROOT / "benchmarks" / "labels" / "news.jsonl"),
                    help="reviewed findings (benchmarks/labels/README.md) for the read precision")
    ap.add_argument("--as-rows", action="store_true",
                    help="check the articles' claims as a claims dataset of one claim per row (no article): "
                         "what a curator's dataset of news claims gets, and the cross-cluster share there")
    ap.add_argument("--disputes", default=str(ROOT / "benchmarks" / "labels" / "gva_disputes.jsonl"),
                    help="reviewed GVA outlet candidates: which are real disputes between outlets")
    args = ap.parse_args(argv)

    data = news_data(args.data)
    if data is None:
        return 0
    from consistency import api
    from consistency.config import load_settings
    from consistency.embed import Embedder

    corpora = {c.strip() for c in args.corpus.split(",") if c.strip()}
    rows = load(data, corpora, args.clusters, args.seed, args.half)
    article = {r["id"]: r for r in rows}
    gold = {g["cluster"]: g for g in read_jsonl(data / "news" / "gold_incidents.jsonl")}
    settings = load_settings(start=Path(tempfile.gettempdir()))
    if args.min_confidence is not None:
        settings = settings.replace(min_confidence=args.min_confidence)
    embedder = Embedder.from_settings(settings, cache=DiskCache())
    started, cpu = time.perf_counter(), time.process_time()
    with tempfile.TemporaryDirectory() as tmp:
        path = (rows_dataset if args.as_rows else dataset)(rows, Path(tmp))
        report = api.check([str(path)], settings, embedder=embedder)
    wall, cpu = time.perf_counter() - started, time.process_time() - cpu

    def meta(claim):
        return article[claim.row_id.split(ROW_OF)[0] if args.as_rows else claim.row_id]

    conflicts = [f for f in report.findings if f.kind == "conflict"]
    per_corpus = Counter(meta(f.a)["corpus"] for f in conflicts)
    arts_corpus = Counter(r["corpus"] for r in rows)
    cross = [f for f in conflicts if meta(f.a)["cluster"] != meta(f.b)["cluster"]]
    ecb_topic = [f for f in cross if meta(f.a).get("topic") and meta(f.a).get("topic") == meta(f.b).get("topic")]
    figures = {
        "articles": len(rows), **({"rows": len({c.row_id for c in report.claims})} if args.as_rows else {}),
        "clusters": len({r["cluster"] for r in rows}),
        "claims": len(report.claims), "pairs": report.stats.get("pairs"), "conflicts": len(conflicts),
        "updates": sum(f.kind == "update" for f in report.findings),
        "conflicts_per_100_articles": round(100 * len(conflicts) / max(1, len(rows)), 1),
        "cross_cluster": len(cross), "cross_cluster_share": round(len(cross) / max(1, len(conflicts)), 4),
        "ecb_same_topic": len(ecb_topic), "ecb_same_topic_share": round(len(ecb_topic) / max(1, len(conflicts)), 4),
        "by_corpus": {c: {"articles": arts_corpus[c], "conflicts": per_corpus[c],
                          "per_100": round(100 * per_corpus[c] / max(1, arts_corpus[c]), 1)} for c in sorted(corpora)},
        "by_rule": dict(Counter(f.rule for f in conflicts).most_common()),
        "largest_group": max((len(g.claim_ids) for g in report.groups), default=0),
        "groups": len(report.groups),
        "stories": len(report.stories),
        # disputed facts: the items a reader sees instead of every pairwise conflict
        "facts": len(report.facts), "conflicts_in_facts": sum(len(f.findings) for f in report.facts),
        "largest_fact": max((len(f.findings) for f in report.facts), default=0),
        "report_items": len(report.facts) + sum(f.fact is None for f in conflicts),
        "wall_s": round(wall, 1), "cpu_s": round(cpu, 1),
        "timings": {k: round(v, 2) for k, v in report.stats.get("timings", {}).items()},
    }
    figures["gva_gold"] = gold_agreement(conflicts, meta, gold)
    figures["gva_recall"] = gold_recall(report.claims, conflicts, meta, gold, args.misses_out)
    figures["gva_outlet_recall"] = outlet_recall(report.claims, conflicts, meta, gold,
                                                 str(Path(args.misses_out).with_suffix(".outlets.jsonl")),
                                                 read_disputes(Path(args.disputes)))
    figures["read"] = read_precision(conflicts, meta, Path(args.labels))
    for key, value in figures.items():
        if key == "read":
            by_rule = value.pop("by_rule", {})
            print(f"{key}: {value}")
            for rule, figs in by_rule.items():
                print(f"read {rule}: {figs}")
            value["by_rule"] = by_rule
            continue
        print(f"{key}: {value}")
    write_sample(conflicts, meta, args)
    if args.json:
        Path(args.json).write_text(json.dumps(figures, indent=2), encoding="utf-8")
    return 0


def gold_agreement(conflicts, meta, gold) -> dict:
    sides = Counter()
    pairs = Counter()
    for f in conflicts:
        ma, mb = meta(f.a), meta(f.b)
        if ma["corpus"] != "gva" or ma["cluster"] != mb["cluster"] or ma["cluster"] not in gold:
            continue
        g = gold[ma["cluster"]]
        verdicts = []
        for claim, spans in ((f.a, f.spans_a), (f.b, f.spans_b)):
            if not spans:
                verdicts.append(None)
                continue
            what = measure_of(claim.text, spans[0].start, spans[0].end)
            value = side_value(spans)
            if what is None or value is None:
                verdicts.append(None)
                continue
            ok = value == g[what]
            sides["agree" if ok else "disagree"] += 1
            verdicts.append(ok)
        if None in verdicts:
            pairs["not killed/injured"] += 1
        elif verdicts.count(True) == 1:
            pairs["one side matches gold"] += 1
        elif all(verdicts):
            pairs["both match gold"] += 1
        else:
            pairs["neither matches gold"] += 1
    return {"sides": dict(sides), "pairs": dict(pairs)}


def _gold_sides(claims, meta, gold) -> dict:
    """(cluster, killed|injured) -> {value: {claim id: claim}} for every GVA claim with a whole
    count read as people killed or injured (`measure_of`, the benchmark heuristic)."""
    sides: dict = defaultdict(lambda: defaultdict(dict))
    for c in claims:
        m = meta(c)
        if m["corpus"] != "gva" or m["cluster"] not in gold:
            continue
        for q in c.quantities:
            if q.dimension not in (None, "count") or q.value is None or q.value != int(q.value) or q.value > 500:
                continue
            what = measure_of(c.text, q.start, q.end)
            if what is not None:
                sides[(m["cluster"], what)][int(q.value)][c.id] = c
    return sides


def gold_recall(claims, conflicts, meta, gold, misses_out: str) -> dict:
    """Recall on the disagreements the issue asks for: within one GVA cluster, an article states a
    killed/injured count that differs from the Gun Violence Archive's while another article states
    the gold count. Each (cluster, measure, wrong value) is one disagreement; it is *found* when a
    reported conflict pairs a claim with that wrong value against a claim with the gold value.
    Both sides are read by `measure_of` (a heuristic), so these are *candidate* disagreements, and
    the share flagged is a floor on recall, not recall: reading 25 random misses on the held half
    (session 19) found 2 real outlet disagreements; the rest were parts of the count ("two victims
    remain hospitalized"), sums consistent with the gold ("nine shot, one fatally" / "one dead,
    eight hurt"), other incidents in background sentences, or numbers that count something else.
    The misses go to ``misses_out`` for reading."""
    sides = _gold_sides(claims, meta, gold)
    flagged = {(f.a.id, f.b.id) for f in conflicts} | {(f.b.id, f.a.id) for f in conflicts}
    found, missed = [], []
    for (cluster, what), by_value in sorted(sides.items()):
        right = by_value.get(gold[cluster][what], {})
        for value, wrong in sorted(by_value.items()):
            if value == gold[cluster][what] or not right:
                continue
            articles = {meta(c)["id"] for c in right.values()}
            if all(meta(c)["id"] in articles for c in wrong.values()) and len(articles) == 1:
                continue  # one article stating both: not an outlet against another
            hit = any((w, r) in flagged for w in wrong for r in right)
            (found if hit else missed).append((cluster, what, value, wrong, right))
    with open(misses_out, "w", encoding="utf-8") as fh:
        for cluster, what, value, wrong, right in missed:
            fh.write(json.dumps({"cluster": cluster, "measure": what, "gold": gold[cluster][what], "value": value,
                                 "wrong": [c.text for c in wrong.values()][:3],
                                 "right": [c.text for c in right.values()][:3]}, ensure_ascii=False) + "\n")
    total = len(found) + len(missed)
    return {"candidates": total, "flagged": len(found), "share_flagged": round(len(found) / max(1, total), 3),
            "misses_out": misses_out}


def _dispute_key(cluster: str, what: str, value) -> str:
    return f"{cluster}|{what}|{value:g}"


def read_disputes(path: Path) -> dict[str, bool]:
    """A reviewer's reading of `outlet_candidates`: whether two outlets really report different
    figures for one measure of the incident (benchmarks/labels/gva_disputes.jsonl; ids and
    numbers only, no sentence). Most candidates are no dispute at all: a part of the toll, a sum
    consistent with it ("five shot, one fatally" / "one killed, four injured"), another incident
    or a count of charges that the lede heuristic took for the article's own figure."""
    if not path.is_file():
        return {}
    return {_dispute_key(r["cluster"], r["measure"], r["value"]): bool(r["dispute"])
            for r in read_jsonl(path)}


def outlet_recall(claims, conflicts, meta, gold, misses_out: str,
                  disputes: dict[str, bool] | None = None) -> dict:
    """Recall on outlet-vs-outlet disagreements: the part of `gold_recall`'s candidates that two
    outlets really dispute. An outlet's figure for killed (injured) is the first such count its
    article states (its lede: reporters give the toll first, then parts of it, other incidents and
    background); a disagreement is an article whose own figure differs from the Gun Violence
    Archive's while another article's own figure is the gold one. One per (cluster, measure, wrong
    value); *found* when a reported conflict pairs a claim of a disagreeing article stating its
    figure with a claim of an agreeing article stating the gold count. Reading `gold_recall`'s
    misses on the tune half (session 22) found almost none of them disputed between outlets: a
    part of the toll ("two of the wounded"), a sum consistent with it ("five shot, one fatally"),
    another incident, a count of charges; those are no finding for the checker to make, and this
    figure leaves them out. Every candidate goes to ``misses_out`` with ``"flagged"`` saying
    whether a conflict pairs it (read them to judge disputes).

    With ``disputes`` (`read_disputes`), ``real`` counts the candidates a reviewer judged a real
    dispute between outlets and how many of those are flagged: the recall that matters."""
    flagged = {(f.a.id, f.b.id) for f in conflicts} | {(f.b.id, f.a.id) for f in conflicts}
    rows = []
    for cluster, what, value, wrong, right in outlet_candidates(claims, meta, gold):
        hit = any((w.id, r.id) in flagged for w in wrong for r in right)
        rows.append((hit, cluster, what, value, wrong, right))
    with open(misses_out, "w", encoding="utf-8") as fh:
        for hit, cluster, what, value, wrong, right in rows:
            fh.write(json.dumps({"cluster": cluster, "measure": what, "gold": gold[cluster][what], "value": value,
                                 "flagged": hit, "wrong": [c.text for c in wrong][:3],
                                 "right": [c.text for c in right][:3]}, ensure_ascii=False) + "\n")
    found = sum(hit for hit, *_ in rows)
    out = {"candidates": len(rows), "flagged": found, "share_flagged": round(found / max(1, len(rows)), 3),
           "misses_out": misses_out}
    if disputes is not None:
        keys = [(hit, _dispute_key(c, w, v)) for hit, c, w, v, *_ in rows]
        judged = [(hit, disputes[k]) for hit, k in keys if k in disputes]
        out["real"] = {"judged": len(judged), "unjudged": len(rows) - len(judged),
                       "disputes": sum(real for _, real in judged),
                       "disputes_flagged": sum(real and hit for hit, real in judged),
                       "non_disputes_flagged": sum(hit and not real for hit, real in judged)}
    return out


def outlet_candidates(claims, meta, gold) -> list[tuple]:
    """`outlet_recall`'s disagreements: (cluster, measure, wrong value, claims of the disagreeing
    articles stating it, claims of the agreeing articles stating the gold count)."""
    sides = _gold_sides(claims, meta, gold)
    own: dict = {}  # (cluster, measure, article) -> (position, value)
    for (cluster, what), by_value in sides.items():
        for value, by_id in by_value.items():
            for c in by_id.values():
                for q in c.quantities:
                    if q.value == value and measure_of(c.text, q.start, q.end) == what:
                        k, pos = (cluster, what, meta(c)["id"]), (c.start, q.start)
                        if k not in own or pos < own[k][0]:
                            own[k] = (pos, value)
    out = []
    for (cluster, what), by_value in sorted(sides.items()):
        figure = {art: v for (cl, w, art), (_, v) in own.items() if (cl, w) == (cluster, what)}
        target = gold[cluster][what]
        agree = {art for art, v in figure.items() if v == target}
        if not agree:
            continue
        for value in sorted({v for v in figure.values() if v != target}):
            arts = {art for art, v in figure.items() if v == value}
            out.append((cluster, what, value, [c for c in by_value[value].values() if meta(c)["id"] in arts],
                        [c for c in by_value[target].values() if meta(c)["id"] in agree]))
    return out


def _side_key(article: str, claim: str, evidence) -> tuple:
    first = evidence[0] if isinstance(evidence, list) and evidence else evidence
    return article, claim, first or ""


def read_precision(conflicts, meta, labels: Path) -> dict:
    """Precision of the reported conflicts that a reviewer has judged (benchmarks/labels): a
    finding matches a judgement when both sides name the same article, claim and evidence. Those
    not yet judged are counted as ``unread``: a change that flags new findings needs new reading."""
    from consistency.claims import text_hash

    if not labels.is_file():
        return {}
    judged = {frozenset((_side_key(**r["a"]), _side_key(**r["b"]))): r["label"]
              for r in read_jsonl(labels) if r.get("label") is not None}
    found = []
    for f in conflicts:
        a = _side_key(meta(f.a)["id"], text_hash(f.a.text)[:16], [s.text for s in f.spans_a])
        b = _side_key(meta(f.b)["id"], text_hash(f.b.text)[:16], [s.text for s in f.spans_b])
        found.append((f.rule, judged.get(frozenset((a, b))), f.fact))
    out = _precision([x for _, x, _ in found])
    # what a reader sees: a disputed fact is one item (wanted when a finding of it is, judged
    # when all of them are); a conflict outside any fact is an item of its own
    facts: dict = defaultdict(list)
    items = []
    for _, x, fact in found:
        if fact is None:
            items.append(x)
        else:
            facts[fact].append(x)
    items += [None if None in xs else int(any(xs)) for xs in facts.values()]
    out["items"] = _precision(items)
    # per rule: the statement rules (NEG/ANT/QNT) are judged apart from the numeric ones
    out["by_rule"] = {rule: _precision([x for r, x, _ in found if r == rule])
                      for rule in sorted({r for r, _, _ in found})}
    return out


def _precision(found: list) -> dict:
    read = [x for x in found if x is not None]
    return {"judged": len(read), "wanted": sum(read), "unread": len(found) - len(read),
            "precision": round(sum(read) / len(read), 3) if read else None}


def write_sample(conflicts, meta, args) -> None:
    from consistency.claims import text_hash

    rng = random.Random(args.seed)
    by_cluster: dict[str, list] = defaultdict(list)
    for f in conflicts:
        by_cluster[meta(f.a)["cluster"]].append(f)
    # round-robin across clusters, so one noisy cluster does not fill the sample
    queues = [rng.sample(v, len(v)) for _, v in sorted(by_cluster.items())]
    rng.shuffle(queues)
    picked = []
    while len(picked) < args.sample and any(queues):
        for q in queues:
            if q and len(picked) < args.sample:
                picked.append(q.pop())
    with open(args.sample_out, "w", encoding="utf-8") as fh:
        for f in picked:
            ma, mb = meta(f.a), meta(f.b)
            fh.write(json.dumps({
                "id": f.fingerprint, "rule": f.rule, "explanation": f.explanation,
                "similarity": f.similarity, "confidence": getattr(f, "confidence", None),
                "clusters": [ma["cluster"], mb["cluster"]], "corpus": ma["corpus"], "half": half_of(ma),
                "a": {"article": ma["id"], "source": ma.get("source"), "date": ma.get("date"), "text": f.a.text,
                      "claim": text_hash(f.a.text)[:16], "evidence": [s.text for s in f.spans_a]},
                "b": {"article": mb["id"], "source": mb.get("source"), "date": mb.get("date"), "text": f.b.text,
                      "claim": text_hash(f.b.text)[:16], "evidence": [s.text for s in f.spans_b]},
                "judgement": "",
            }, ensure_ascii=False) + "\n")
    print(f"sample: {len(picked)} conflicts from {len({meta(f.a)['cluster'] for f in picked})} clusters "
          f"-> {args.sample_out}")


if __name__ == "__main__":
    sys.exit(main())
