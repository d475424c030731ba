"""benchmarks/conflicts.py --as-dataset on pairs of our own, in the layout of VitaminC's dev file.

The real pairs are not available to tests (licences); these are written here. Every labelled pair
must land in exactly one stage of the funnel, and a plain disagreement about one figure of one
named thing, reworded on the other side, must come out flagged.
"""

from __future__ import annotations

from benchmark_module import benchmark

PAIRS = [
    ("p1_1", "Harbourview Tower has 61 floors and was finished in 2009 .",
     "The 48 floors of Harbourview Tower overlook the waterfront .", "contradiction"),
    ("p2_1", "The Kestrel Valley reservoir holds about 9 million cubic metres of water .",
     "Kestrel Valley reservoir stores roughly 9 million cubic metres .", "entailment"),
    ("p3_1", "Marlow Rovers won the regional cup in 1997 after a 2-1 final .",
     "The regional cup went to Marlow Rovers in 1997 .", "entailment"),
    ("p4_1", "The Lindqvist bridge spans 820 metres across the estuary .",
     "The Lindqvist bridge is a suspension bridge .", "neutral"),
]


def test_as_dataset_puts_every_labelled_pair_in_one_stage():
    bench = benchmark("conflicts")
    from consistency.config import load_settings
    from consistency.embed import Embedder

    rows = [{"id": i, "premise": p, "hypothesis": h, "label": lab, "page": i.split("_")[0]} for i, p, h, lab in PAIRS]
    m = bench.as_dataset(rows, Embedder.from_settings(load_settings()))
    assert m["rows"] == 8 and m["pairs"] == 3 and m["conflicts"] == 1  # the neutral pair is left out
    assert sum(m["funnel"]["conflict"].values()) == 1
    assert sum(m["funnel"]["no conflict"].values()) == 2
    assert m["funnel"]["conflict"]["flagged"] == 1, m["funnel"]
    assert m["funnel"]["no conflict"]["flagged"] == 0, m["funnel"]
    assert m["recall"] == 1.0 and m["precision"] == 1.0
    assert m["other_page"] == 0 and m["findings"] >= 1, "the one flag pairs two rows of one page"


def test_as_dataset_skips_without_data(tmp_path, capsys):
    bench = benchmark("conflicts")
    assert bench.main(["--as-dataset", "--data", str(tmp_path)]) == 0
    assert "not found; skipping" in capsys.readouterr().out


def test_as_dataset_names_each_text_by_the_row_id_rows_gives_it(monkeypatch):
    """The two benchmarks that pool labelled pairs into one claims dataset (``conflicts --as-dataset``,
    ``rows``) name a text's row alike: a row id read in one names the same text in the other."""
    import json

    from consistency import api

    conflicts, rows_bench = benchmark("conflicts"), benchmark("rows")
    rows = [{"id": i, "premise": p, "hypothesis": h, "label": lab, "page": i.split("_")[0]} for i, p, h, lab in PAIRS]
    rows.append({"id": "p1_2", "premise": PAIRS[0][1], "hypothesis": "Harbourview Tower rises 61 floors .",
                 "label": "entailment", "page": "p1"})  # a text met again keeps its first row id
    written: dict[str, str] = {}

    class Stop(Exception):
        pass

    def reading(paths, *args, **kwargs):
        with open(paths[0], encoding="utf-8") as fh:
            written.update((r["text"], r["id"]) for r in map(json.loads, fh))
        raise Stop

    monkeypatch.setattr(api, "check", reading)
    try:
        conflicts.as_dataset(rows, embedder=None)
    except Stop:
        pass
    assert len(written) == 9
    assert written == rows_bench.pooled(rows)[0]


def test_calibrate_reads_the_half_conflicts_reads(tmp_path):
    """``calibrate.py --given-half`` fits on the very pairs ``conflicts.py --half`` scores: of both files
    (VitaminC's layout and EQUATE's), the pairs `conflicts.in_half` keeps, in file order; all without a half."""
    import json

    conflicts, calibrate = benchmark("conflicts"), benchmark("calibrate")
    vc = [{"id": f"shelf-{n}_{n % 3 + 1}", "page": f"Shelf {n}", "premise": f"The shelf holds {n} jars .",
           "hypothesis": f"The shelf holds {n + 2} jars .", "label": ("contradiction", "entailment")[n % 2]}
          for n in range(12)]
    eq = [{"id": f"kettle-{n}", "source": "ours", "premise": f"The kettle boils in {n} minutes .",
           "hypothesis": f"It takes {n} minutes for the kettle to boil .", "label": "entailment"} for n in range(12)]
    for name, rows in (("vitaminc_real_numeric_dev.jsonl", vc), ("equate_nat.jsonl", eq)):
        (tmp_path / name).write_text("".join(json.dumps(r) + "\n" for r in rows), encoding="utf-8")
    kept = {half: [(r["premise"], r["hypothesis"]) for r in conflicts.in_half(vc, half) + conflicts.in_half(eq, half)]
            for half in ("a", "b", None)}
    assert kept["a"] and kept["b"] and len(kept[None]) == 24
    for half, pairs in kept.items():
        assert [(p, h) for _, _, p, h, _ in calibrate.read_pairs(tmp_path, half)] == pairs
