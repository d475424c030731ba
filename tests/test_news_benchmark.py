"""benchmarks/news.py end to end on a tiny corpus of our own, in the layout of ../shared/data/news.

The real corpus is not available to tests (licences); these articles are written here. One
shooting reported by three outlets: two agree with the archive's count, one does not.
"""

from __future__ import annotations

import json
from pathlib import Path

from benchmark_module import benchmark

ARTICLES = [
    ("gva-1-a", "kvtx.example", "Three people died after gunfire broke out outside a bowling alley on "
     "Harlan Road late Friday, police said. Officers arrested a suspect nearby."),
    ("gva-1-b", "valleynews.example", "Police said two people died after gunfire broke out outside the "
     "Harlan Road bowling alley late Friday. A suspect was arrested a block away."),
    ("gva-1-c", "thecourier.example", "Three people were killed when someone opened fire outside a bowling "
     "alley on Harlan Road on Friday night. The suspect was taken into custody."),
    # states the gold count first, then a part of it: no outlet disputes "one"
    ("gva-1-d", "metrowire.example", "Gunfire outside a Harlan Road bowling alley on Friday night killed "
     "three people. Police said one of the victims died later at a hospital."),
]


def _corpus(folder: Path) -> Path:
    news = folder / "news"
    news.mkdir(parents=True)
    with (news / "articles.jsonl").open("w", encoding="utf-8") as fh:
        for ident, source, text in ARTICLES:
            fh.write(json.dumps({"id": ident, "corpus": "gva", "cluster": "gva-1", "topic": None, "source": source,
                                 "date": "2021-05-08", "url": None, "title": None, "text": text}) + "\n")
    (news / "gold_incidents.jsonl").write_text(json.dumps({"cluster": "gva-1", "killed": 3, "injured": 0}) + "\n")
    return folder


def test_news_benchmark_finds_the_outlet_that_disagrees_with_the_gold(tmp_path, capsys, monkeypatch) -> None:
    monkeypatch.setenv("CONSISTENCY_BENCH_CACHE", str(tmp_path / "vectors.sqlite"))
    data = _corpus(tmp_path / "data")
    figures_path = tmp_path / "figures.json"
    misses = tmp_path / "misses.jsonl"
    disputes = tmp_path / "disputes.jsonl"  # a reviewer read the one candidate: a real dispute
    judged = {"cluster": "gva-1", "measure": "killed", "value": 2, "dispute": True}
    disputes.write_text(json.dumps(judged) + "\n")
    code = benchmark("news").main(["--data", str(data), "--json", str(figures_path), "--misses-out", str(misses),
                          "--sample", "5", "--sample-out", str(tmp_path / "sample.jsonl"),
                          "--labels", str(tmp_path / "no-labels.jsonl"), "--disputes", str(disputes)])
    assert code == 0
    figures = json.loads(figures_path.read_text())
    assert figures["articles"] == 4 and figures["cross_cluster"] == 0
    # "two died" (b) against "three died" / "three were killed" (a, c, d): a candidate disagreement,
    # and a reported conflict pairs the wrong count with a gold one. "one of the victims died" (d)
    # is a candidate for gva_recall, but d's own figure is the gold three: no outlet disputes it.
    assert figures["gva_recall"]["candidates"] == 2
    assert figures["gva_outlet_recall"]["candidates"] == 1
    assert figures["gva_outlet_recall"]["flagged"] == 1
    listed_path = Path(figures["gva_outlet_recall"]["misses_out"])
    listed = [json.loads(line) for line in listed_path.read_text().splitlines()]
    assert [(c["measure"], c["value"], c["flagged"]) for c in listed] == [("killed", 2, True)]
    assert figures["gva_outlet_recall"]["real"] == {"judged": 1, "unjudged": 0, "disputes": 1, "disputes_flagged": 1,
                                                    "non_disputes_flagged": 0}
    assert figures["gva_recall"]["flagged"] >= 1
    assert figures["gva_gold"]["pairs"].get("one side matches gold", 0) >= 1
    sample = [json.loads(line) for line in (tmp_path / "sample.jsonl").read_text().splitlines()]
    assert sample and all(s["clusters"] == ["gva-1", "gva-1"] and s["judgement"] == "" for s in sample)


def test_news_benchmark_as_rows_checks_each_claim_as_a_row_of_its_own(tmp_path, monkeypatch) -> None:
    """--as-rows: the articles' claims as a claims dataset of one claim per row; every figure is
    still read per article and cluster (a row id is the article's id and the claim's number)."""
    monkeypatch.setenv("CONSISTENCY_BENCH_CACHE", str(tmp_path / "vectors.sqlite"))
    data = _corpus(tmp_path / "data")
    figures_path = tmp_path / "figures.json"
    code = benchmark("news").main(["--data", str(data), "--as-rows", "--json", str(figures_path),
                                   "--misses-out", str(tmp_path / "misses.jsonl"), "--sample", "5",
                                   "--sample-out", str(tmp_path / "sample.jsonl"),
                                   "--labels", str(tmp_path / "no-labels.jsonl")])
    assert code == 0
    figures = json.loads(figures_path.read_text())
    assert figures["articles"] == 4 and figures["rows"] == figures["claims"] > 4
    assert figures["stories"] >= 1 and figures["cross_cluster"] == 0
    assert figures["conflicts"] >= 1, "two died (b) against three died (a, c, d), now as rows"
    sample = [json.loads(line) for line in (tmp_path / "sample.jsonl").read_text().splitlines()]
    assert sample and all(s["clusters"] == ["gva-1", "gva-1"] for s in sample)


def test_news_benchmark_skips_cleanly_without_data(tmp_path, capsys) -> None:
    assert benchmark("news").main(["--data", str(tmp_path)]) == 0
    assert "skipped" in capsys.readouterr().out


def test_measure_of_reads_the_verb_right_before_a_count() -> None:
    bench = benchmark("news")
    text = "A gunman shot at a crowd on Pine Street, killing two men and wounding six bystanders."
    two, six = text.index("two"), text.index("six")
    assert bench.measure_of(text, two, two + 3) == "killed"
    assert bench.measure_of(text, six, six + 3) == "injured"
    text = "One man died and four others were hurt when shots were fired at a party."
    four = text.index("four")
    assert bench.measure_of(text, four, four + 4) == "injured"


def test_read_precision_counts_a_disputed_fact_once(tmp_path, monkeypatch) -> None:
    """A reader sees one disputed fact ("died: 3 — three outlets; 2 — one"), not its pairwise
    conflicts: `read.items` counts it once, wanted when one of its conflicts is."""
    monkeypatch.setenv("CONSISTENCY_BENCH_CACHE", str(tmp_path / "vectors.sqlite"))
    data = _corpus(tmp_path / "data")
    bench, sample = benchmark("news"), tmp_path / "sample.jsonl"
    common = ["--data", str(data), "--misses-out", str(tmp_path / "misses.jsonl"), "--sample", "10",
              "--sample-out", str(sample)]
    assert bench.main(common + ["--labels", str(tmp_path / "none.jsonl")]) == 0
    flagged = [json.loads(line) for line in sample.read_text().splitlines()]
    assert len(flagged) >= 2, "two died / three died, three killed, killed three"
    labels = tmp_path / "labels.jsonl"  # the first conflict wanted, the others not
    side = lambda s: {k: s[k] for k in ("article", "claim", "evidence")}  # noqa: E731
    judgements = [{"rule": f["rule"], "a": side(f["a"]), "b": side(f["b"]), "label": int(i == 0)}
                  for i, f in enumerate(flagged)]
    labels.write_text("".join(json.dumps(j) + "\n" for j in judgements))
    figures_path = tmp_path / "figures.json"
    assert bench.main(common + ["--labels", str(labels), "--json", str(figures_path)]) == 0
    read = json.loads(figures_path.read_text())["read"]
    assert (read["judged"], read["wanted"]) == (len(flagged), 1)
    assert read["items"] == {"judged": 1, "wanted": 1, "unread": 0, "precision": 1.0}
