"""Crawled news as a desk ingests it: what becomes a claim, and are the counts read right?

Usage::

    .venv/bin/python benchmarks/crawl.py [--data DIR] [--claims N] [--claims-out FILE] [--seed S]
                                         [--gold-out FILE] [--json FILE]

Data: ``news/articles.jsonl`` and ``news/gold_incidents.jsonl`` under ``--data``, else
``$CONSISTENCY_DATA``, else ``../shared/data`` (see its ``news/README.md``); a missing folder is
reported and skipped (exit 0). The articles are read the way `benchmarks/news.py` reads them: one
claims-dataset row per article (ECB+ rows use ``text_numbers_joined``), through `consistency.api`.

Printed:

* **claims, folds and drops**: articles, claims extracted, documents folded into a near-duplicate
  (`consistency.copies`), lines dropped as page furniture by kind;
* **a reading sample** of ``--claims`` extracted claims (seeded, the same number from each corpus)
  written to ``--claims-out`` as JSON Lines with an empty ``judgement`` field: read them and mark
  each ``claim`` or ``furniture`` to get the share of furniture among extracted claims;
* **GVA gold counts extracted as such**: for each GVA cluster, whether some claim of its articles
  carries a count equal to the Gun Violence Archive's number killed (injured) with a killed
  (injured) word beside it (a benchmark heuristic, not the checker's reading), per cluster to
  ``--gold-out`` and summed;
* **cost**: CPU seconds per 1,000 claims of reading (with furniture filter and folding), of
  extraction, and of embedding 1,000 claims with the default model, measured in one process.

``--classify FILE`` instead reads a findings file written by ``benchmarks/news.py --sample-out``
(``--sample`` larger than the number of conflicts gives all of them) and counts the flagged
findings that involve, by signatures independent of the checker's own filter:

* **furniture**: either claim carries a widget's signature: a gallery counter or player controls
  ("Image 3 of 40", "1 of 12", "Skip", "Embed", "autoplay"), a picture credit ("(Photo: ...)",
  "Photo:", "Getty Images", "Buy Photo", "Caption"), an embedded post ("pic.twitter.com", "(@handle)"),
  a reader prompt (a line that starts with sign up, subscribe, download, click, check back or stay
  with; or names a newsletter, "click here", a mobile or news app), a byline or contact
  line ("By Name", an e-mail address), a time stamp ("Posted:", "Updated:"), a citation marker
  ("[4]") — and, split out, the **carousel**, **caption** and **citation** signatures alone, and
  **citation-evidence**: an evidence span on a citation marker (a marker read as a quantity);
* **copies**: the two claims say the same words (normalised), or come from two articles of which
  at least half of the shorter one's word 5-grams are in the other (versions of one article);
* **ages**: an evidence span is a person's age ("55-year-old", "Jane Doe, 27,", "aged 22");
  **age-vs-age**: both are; of those, **age-same-name**: both ages stand beside one full name
  (two words or more: "39-year-old Jane Q Doe", "Jane Doe, 27,") — outlets disagreeing about one
  named person's age, which the checker should flag — and **age-vs-age-other**: the rest;
* **dates**: a date finding (DAT001) with a weekday or a relative day on either side, or a
  conflict explained by the order of the two reports' dates ("a running count reported later").

Nothing of the data is written into the repository.
"""

from __future__ import annotations

import argparse
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
from benchdata import news_data, read_jsonl  # noqa: E402
from news import INJURED, KILLED, dataset  # noqa: E402  (articles as news.py reads them; its words)

def measure_of(text: str, start: int, end: int) -> str | None:
    """killed / injured: the nearest such word in the number's sentence, up to 60 characters after
    it or 40 before (a benchmark heuristic, not the checker's reading; news.py reads 40 after)."""
    after = text[end:end + 60]
    before = text[max(0, start - 40):start]
    found = []
    for what, pattern in (("killed", KILLED), ("injured", INJURED)):
        m = pattern.search(after)
        if m:
            found.append((m.start(), what))
        m = list(pattern.finditer(before))
        if m:
            found.append((len(before) - m[-1].end() + 0.5, what))
    return min(found)[1] if found else None


def counts_read(claims) -> dict[str, set[float]]:
    """The killed / injured counts the extractor read in ``claims`` (counts only: no ages, durations)."""
    out: dict[str, set[float]] = {"killed": set(), "injured": set()}
    for c in claims:
        for q in c.quantities:
            if q.value is None or q.dimension not in (None, "count") or q.measured == "age":
                continue
            what = measure_of(c.text, q.start, q.end)
            if what:
                out[what].add(float(q.value))
    return out


def gold_table(rows: list[dict], claims, gold: dict[str, dict]) -> tuple[list[dict], dict]:
    by_article: dict[str, list] = defaultdict(list)
    for c in claims:
        by_article[c.row_id].append(c)
    table = []
    for cluster in sorted({r["cluster"] for r in rows if r["corpus"] == "gva"}):
        g = gold.get(cluster)
        if g is None:
            continue
        members = [c for r in rows if r["cluster"] == cluster for c in by_article.get(r["id"], [])]
        read = counts_read(members)
        row = {"cluster": cluster, "articles": sum(r["cluster"] == cluster for r in rows)}
        for what in ("killed", "injured"):
            row[f"gold_{what}"] = g[what]
            row[f"read_{what}"] = sorted(read[what])
            row[f"{what}_found"] = float(g[what]) in read[what]
        table.append(row)
    summary = {}
    for what in ("killed", "injured"):
        stated = [r for r in table if r[f"gold_{what}"] > 0]
        summary[what] = {"clusters": len(table), "gold_nonzero": len(stated),
                         "found": sum(r[f"{what}_found"] for r in stated),
                         "share": round(sum(r[f"{what}_found"] for r in stated) / max(1, len(stated)), 3),
                         "zero_gold_found": sum(r[f"{what}_found"] for r in table if r[f"gold_{what}"] == 0)}
    return table, summary


def claim_sample(rows: list[dict], claims, n: int, seed: int) -> list[dict]:
    meta = {r["id"]: r for r in rows}
    by_corpus: dict[str, list] = defaultdict(list)
    for c in claims:
        by_corpus[meta[c.row_id]["corpus"]].append(c)
    rng = random.Random(seed)
    per = n // max(1, len(by_corpus))
    out = []
    for corpus in sorted(by_corpus):
        for c in rng.sample(by_corpus[corpus], min(per, len(by_corpus[corpus]))):
            out.append({"corpus": corpus, "article": c.row_id, "claim": c.id, "text": c.text,
                        "quantities": [q.text for q in c.quantities], "judgement": ""})
    return out


SIGNATURES = {
    "carousel": re.compile(r"^\W*(?:image|photo|slide|video)?\s*\d{1,3}\s+of\s+/?\s*\d{1,3}\b|\bSkip\b.*\bEmbed\b"
                           r"|\bautoplay\b|\bplaypause\b|\bEMBED\b|Skip Ad", re.I),
    "caption": re.compile(r"\((?:AP )?Photos?\b|\bPhoto(?:s| Source)?:|Getty Images|\bBuy Photo|\bCaption\b|Image \d+ of"),
    "citation": re.compile(r"\[\d{1,3}\]"),
    "embed": re.compile(r"pic\.twitter\.com|\(@\w+\)|\bA post shared by\b", re.I),
    # a prompt speaks to the reader: it starts with its verb ("Sign up for alerts", "Download the
    # app"), or names the outlet's newsletter or app; "customers can sign up for alerts" is news
    "prompt": re.compile(r"^\W*(?:sign up|subscribe|download|click|tap|check back|stay with)\b|\b(?:newsletter|"
                         r"click here|click or tap|mobile app|news app)\b", re.I),
    "byline": re.compile(r"^\W*By [A-Z][\w.'-]+(?: [A-Z][\w.'-]+){0,3}\W*$|[\w.+-]+@[\w-]+\.\w+|contributed to this report"),
    "stamp": re.compile(r"\b(?:Posted|Updated|Published)\s*:?\s*(?:[A-Z][a-z]+day,?\s+)?(?:[A-Z][a-z]{2,8}\.?\s+\d|\d{1,2}[:/])"),
}
AGE = re.compile(r"\d{1,3}[- ]years?[- ]old|\b(?:aged?|ages)\s+\d|[A-Z][a-z]+,\s+\d{1,3}\s*,")
RELATIVE_DAY = re.compile(r"\b(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|yesterday|today|tomorrow"
                          r"|last (?:week|month|year)|ago)\b")


def _evidence_at(side: dict, pattern: re.Pattern) -> bool:
    """Whether an evidence span of a claim lies in (or is) a match of ``pattern``."""
    spans = [(m.start(), m.end()) for m in pattern.finditer(side["text"])]
    for ev in side.get("evidence", []):
        at = side["text"].find(ev)
        if at >= 0 and any(s < at + len(ev) and at < e for s, e in spans):
            return True
    return False


def classify(findings: list[dict], rows: list[dict]) -> dict:
    """Counts of flagged findings by the classes of the module doc (a finding may be in several)."""
    from consistency.copies import shingles

    text_of = {r["id"]: r.get("text_numbers_joined") or r["text"] for r in rows}
    sets: dict[str, frozenset[int]] = {}

    def containment(x: str, y: str) -> float:
        for k in (x, y):
            if k not in sets:
                sets[k] = shingles(text_of.get(k, ""))
        a, b = sets[x], sets[y]
        return len(a & b) / max(1, min(len(a), len(b)))

    def age(side: dict) -> bool:
        text = side["text"]
        for ev in side.get("evidence", []):
            at = text.find(ev)
            window = text[max(0, at - 25): at + len(ev) + 12] if at >= 0 else ev
            if AGE.search(window) and (re.search(r"year", ev) or re.search(rf"(?:aged?|ages|,)\s*{re.escape(ev)}", window)):
                return True
        return False

    def age_name(side: dict) -> str | None:
        """The full name an age evidence span stands beside: after it, or before it as an appositive."""
        text = side["text"]
        for ev in side.get("evidence", []):
            at = text.find(ev)
            if at < 0:
                continue
            m = re.match(r"[ \u00a0]+((?:[A-Z][\w'’.-]+[ \u00a0]+)+[A-Z][\w'’-]+)", text[at + len(ev):]) or \
                re.search(r"((?:[A-Z][\w'’.-]+[ \u00a0]+)+[A-Z][\w'’-]+),[ \u00a0]*$", text[max(0, at - 60):at])
            if m:
                return m.group(1)
        return None

    counts: Counter = Counter()
    examples: dict[str, list] = defaultdict(list)
    for f in findings:
        if f.get("rule") and f["rule"].startswith("UPD"):
            continue
        a, b = f["a"], f["b"]
        classes = set()
        for name, pattern in SIGNATURES.items():
            if pattern.search(a["text"]) or pattern.search(b["text"]):
                classes.add(name)
        if classes:
            classes.add("furniture")
        if any(_evidence_at(side, SIGNATURES["citation"]) for side in (a, b)):
            classes.add("citation-evidence")
        same_text = re.findall(r"[^\W_]+", a["text"].lower()) == re.findall(r"[^\W_]+", b["text"].lower())
        if same_text or (a["article"] != b["article"] and containment(a["article"], b["article"]) >= 0.5):
            classes.add("copies")
        if same_text:
            classes.add("copy-of-itself")
        aa, ab = age(a), age(b)
        if aa or ab:
            classes.add("ages")
        if aa and ab:
            classes.add("age-vs-age")
            na, nb = age_name(a), age_name(b)
            classes.add("age-same-name" if na and na == nb else "age-vs-age-other")
        if f["rule"] == "DAT001" and (RELATIVE_DAY.search(a["text"]) or RELATIVE_DAY.search(b["text"])) \
                or "running count reported later" in f["explanation"]:
            classes.add("dates")
        for c in classes:
            counts[c] += 1
            if len(examples[c]) < 3:
                examples[c].append((f["rule"], f["explanation"][:100]))
    return {"findings": len(findings), "by_class": dict(sorted(counts.items())), "examples": dict(examples)}


def new_steps(documents, claims, per_k: float) -> dict:
    """CPU seconds of the steps this benchmark measures the cost of, each timed alone: the furniture
    filter (every line's and sentence's reason), folding copies, and the date resolution."""
    import consistency.sentences as sentences

    if not hasattr(sentences, "line_reason"):
        return {}
    from consistency import copies
    from consistency.quantities import extract_dates

    cpu = time.process_time()
    for doc in documents:
        for start, line in sentences._lines(doc.text):
            body = line[sentences._markup_prefix_len(line):]
            sentences.line_reason(line, body)
    for c in claims:
        sentences.sentence_reason(c.text)
    furniture = time.process_time() - cpu
    by_doc: dict[str, list[str]] = defaultdict(list)
    for c in claims:
        by_doc[c.doc_key].append(c.text)
    cpu = time.process_time()
    copies.fold(list(documents), [" ".join(by_doc.get(d.key, ())) for d in documents])
    fold = time.process_time() - cpu
    cpu = time.process_time()
    for c in claims:
        extract_dates(c.text, doc_date=c.date)
    dates = time.process_time() - cpu
    return {"furniture_filter": round(furniture * per_k, 3), "fold_copies": round(fold * per_k, 3),
            "dates": round(dates * per_k, 3)}


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--data")
    ap.add_argument("--claims", type=int, default=300, help="claims in the reading sample")
    ap.add_argument("--claims-out", default="/tmp/consistency-crawl-claims.jsonl")
    ap.add_argument("--gold-out", default="/tmp/consistency-crawl-gold.jsonl")
    ap.add_argument("--seed", type=int, default=7)
    ap.add_argument("--no-embed", action="store_true", help="skip the embedding cost figure")
    ap.add_argument("--classify", metavar="FILE", help="count the findings of a benchmarks/news.py sample file by class")
    ap.add_argument("--json", help="also write the figures as JSON to this file")
    args = ap.parse_args(argv)

    data = news_data(args.data)
    if data is None:
        return 0
    if args.classify:
        figures = classify(read_jsonl(Path(args.classify)), read_jsonl(data / "news" / "articles.jsonl"))
        for key, value in figures.items():
            print(f"{key}: {value}")
        if args.json:
            Path(args.json).write_text(json.dumps(figures, indent=2), encoding="utf-8")
        return 0
    from consistency import claims as claims_module
    from consistency.reading import read_paths

    rows = read_jsonl(data / "news" / "articles.jsonl")
    gold = {g["cluster"]: g for g in read_jsonl(data / "news" / "gold_incidents.jsonl")}
    with tempfile.TemporaryDirectory() as tmp:
        path = dataset(rows, Path(tmp))
        cpu = time.process_time()
        read = read_paths([str(path)])
        read_cpu = time.process_time() - cpu
        cpu = time.process_time()
        if hasattr(claims_module, "extract"):
            extraction = claims_module.extract(read.documents)
            claims, folded, dropped = list(extraction.claims), list(extraction.folded), extraction.dropped
        else:  # the checker before page furniture and copies were read
            claims, folded, dropped = claims_module.extract_claims(read.documents), [], ()
        extract_cpu = time.process_time() - cpu
    drops = Counter(d.reason for _, d in dropped)
    figures = {"articles": len(rows), "documents": len(read.documents), "claims": len(claims),
               "folded_documents": sum(len(f.folded) for f in folded), "fold_groups": len(folded),
               "folds": [[f.kept.row_id] + [d.row_id for d in f.folded] for f in folded],
               "dropped_by_reason": dict(drops.most_common())}
    sample = claim_sample(rows, claims, args.claims, args.seed)
    with open(args.claims_out, "w", encoding="utf-8") as fh:
        for item in sample:
            fh.write(json.dumps(item, ensure_ascii=False) + "\n")
    table, summary = gold_table(rows, claims, gold)
    with open(args.gold_out, "w", encoding="utf-8") as fh:
        for item in table:
            fh.write(json.dumps(item) + "\n")
    figures["gva_gold"] = summary
    per_k = 1000 / max(1, len(claims))
    figures["cpu_s_per_1000_claims"] = {"read": round(read_cpu * per_k, 3), "extract": round(extract_cpu * per_k, 3),
                                        **new_steps(read.documents, claims, per_k)}
    if not args.no_embed:
        from consistency.config import load_settings
        from consistency.embed import Embedder

        settings = load_settings(start=Path(tempfile.gettempdir()))
        texts = [c.text for c in random.Random(args.seed).sample(claims, min(1000, len(claims)))]
        embedder = Embedder.from_settings(settings)
        embedder.encode(texts[:8])  # model load and first batch out of the figure
        cpu = time.process_time()
        embedder.encode(texts[8:])
        figures["cpu_s_per_1000_claims"]["embed"] = round((time.process_time() - cpu) * 1000 / max(1, len(texts) - 8), 3)
    for key, value in figures.items():
        print(f"{key}: {value}")
    print(f"claims sample: {len(sample)} -> {args.claims_out}; gold table: {len(table)} clusters -> {args.gold_out}")
    if args.json:
        Path(args.json).write_text(json.dumps(figures, indent=2), encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
