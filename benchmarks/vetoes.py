"""What each veto of `compare.apart` costs and what it earns, measured on data we did not write.

Usage::

    .venv/bin/python benchmarks/vetoes.py audit [--pairs FILE ...] [--news tune,held] [--data DIR]
    .venv/bin/python benchmarks/vetoes.py off NAME[,NAME] -- <benchmarks/news.py or conflicts.py args>

``audit`` checks each pair file (the held-out format: ``tests/data/voices3/pairs.jsonl``, ...)
twice through `api.check`, the CI-gating use: once as the checker runs, once with every veto of
`compare.VETOES` asked but none obeyed, recording which vetoes hold of each frame pair compared.
A pair flagged only in the second run is attributed to the vetoes that held of its frame pairs:
``sole`` when one frame pair had that veto alone, ``any`` when it held at all. Per veto it prints
the conflict pairs it loses (recall it costs) and the consistent pairs it protects. With
``--news`` it runs `benchmarks/news.py` on those halves the same two ways and counts the findings
each veto alone prevents, with how many of them a reviewer judged wanted (label 1) or not (0), or
has not read (``benchmarks/labels/news.jsonl``). A pair file or news folder that is missing is
reported and skipped (exit 0). Nothing of the data is printed but counts.

``off`` runs another benchmark in this process with the named vetoes switched off
(`compare.VETOES_OFF`): the real ablation the audit's attribution approximates.
"""

from __future__ import annotations

import argparse
import json
import os
import sys
import tempfile
from collections import Counter, defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "benchmarks"))

from consistency.rules import compare

#: `--verbose`: print each pair (by id) that a veto turns from flagged to not flagged.
VERBOSE = False

PAIR_FILES = [ROOT / "tests" / "data" / d / "pairs.jsonl" for d in ("voices3", "voices4")]


class Recorder:
    """Wraps each test of `compare.VETOES` so that it is asked, remembered per frame pair, and not
    obeyed (every test answers ''), while ``on`` is set; the table is restored by `close`."""

    def __init__(self) -> None:
        self.on = False
        self.held: dict[frozenset, set[str]] = defaultdict(set)
        self._table = list(compare.VETOES)
        compare.VETOES[:] = [(name, self._wrap(name, test)) for name, test in self._table]

    def _wrap(self, name, test):
        def asked(p):
            reason = test(p)
            if not self.on:
                return reason
            if reason:
                self.held[self.key(p.fa, p.fb)].add(name)
            else:
                self.held.setdefault(self.key(p.fa, p.fb), set())
            return ""
        return asked

    @staticmethod
    def key(fa, fb) -> frozenset:
        return frozenset(((fa.claim.text, fa.q.text), (fb.claim.text, fb.q.text)))

    def of_claims(self, text_a: str, text_b: str, evidence=None) -> list[set[str]]:
        """The veto sets of the frame pairs recorded between two claims; only those of the
        evidence numbers when given and recorded."""
        both = {text_a, text_b}
        found = [(k, v) for k, v in self.held.items() if {t for t, _ in k} == both or (
            text_a == text_b and len(k) == 1)]
        if evidence:
            chosen = [v for k, v in found if {q for _, q in k} == set(evidence)]
            if chosen:
                return chosen
        return [v for _, v in found]

    def close(self) -> None:
        compare.VETOES[:] = self._table


def attribute(sets: list[set[str]]) -> tuple[set[str], set[str]]:
    """(sole, any): vetoes that alone held of some frame pair, and all that held."""
    sole = {next(iter(s)) for s in sets if len(s) == 1}
    return sole, set().union(*sets) if sets else set()


def checked(path: Path, embedder) -> dict[str, list[tuple]]:
    """Per pair of a pair file, its conflict findings through `api.check` (the pair as a two-row
    claims dataset, as `benchmarks/conflicts.py --pairs` checks it): (claim a, claim b, evidence)."""
    from consistency import api
    from consistency.config import load_settings

    settings = load_settings()
    out = {}
    with tempfile.TemporaryDirectory() as tmp:
        for row in map(json.loads, filter(str.strip, path.read_text(encoding="utf-8").splitlines())):
            dataset = Path(tmp) / f"{row['id']}.jsonl"
            dataset.write_text("".join(json.dumps({"id": s, "text": row[s]["text"], "date": row[s].get("date"),
                                                   "source": row[s].get("source")}) + "\n" for s in "ab"))
            report = api.check([str(dataset)], settings, embedder=embedder)
            out[row["id"]] = (row, [(f.a.text, f.b.text, [x.text for x in f.spans_a[:1] + f.spans_b[:1]])
                                    for f in report.findings if f.kind == "conflict"])
    return out


def audit_pairs(path: Path, recorder: Recorder, embedder, table: dict) -> None:
    before = checked(path, embedder)
    recorder.on = True
    try:
        after = checked(path, embedder)
    finally:
        recorder.on = False
    name = path.parent.name
    gained = Counter()
    for pid, (row, found) in after.items():
        if not found or before[pid][1]:
            continue
        column = "lost" if row["label"] == "conflict" else "protects"
        gained[column] += 1
        sets = [s for a, b, evidence in found for s in recorder.of_claims(a, b, evidence)]
        sole, held = attribute(sets)
        if VERBOSE:
            print(f"  {pid} {row['label']}: sole {sorted(sole)} any {sorted(held)}")
        for veto in held:
            table[veto][f"{name} {column} any"] += 1
        for veto in sole:
            table[veto][f"{name} {column} sole"] += 1
    recorder.held.clear()
    conflicts = sum(row["label"] == "conflict" for row, _ in after.values())
    print(f"{name}: {len(after)} pairs, {conflicts} conflicts; with no veto obeyed "
          f"{gained['lost']} more conflicts caught, {gained['protects']} more false alarms")


def audit_news(half: str, data: str | None, recorder: Recorder, table: dict, extra_labels=()) -> None:
    import news

    labels = {}
    for path in [ROOT / "benchmarks" / "labels" / "news.jsonl", *map(Path, extra_labels)]:
        if path.is_file():
            rows = [json.loads(line) for line in path.read_text().splitlines() if line.strip()]
            labels.update((_finding_key(r), r["label"]) for r in rows if r.get("label") is not None)
    with tempfile.TemporaryDirectory() as tmp:
        args = ["--half", half, "--sample", "100000"] + (["--data", data] if data else [])
        runs = {}
        for mode in ("on", "off"):
            out = Path(tmp) / f"{mode}.jsonl"
            recorder.on = mode == "off"
            try:
                with open(os.devnull, "w") as devnull:
                    stdout, sys.stdout = sys.stdout, devnull
                    try:
                        news.main(args + ["--sample-out", str(out)])
                    finally:
                        sys.stdout = stdout
            finally:
                recorder.on = False
            if not out.is_file():
                print(f"news {half}: no data, skipped")
                return
            runs[mode] = {_finding_key(r): r for r in map(json.loads, out.read_text().splitlines())}
    new = [r for k, r in runs["off"].items() if k not in runs["on"]]
    print(f"news {half}: {len(runs['on'])} findings; with no veto obeyed {len(new)} more")
    for r in new:
        label = labels.get(_finding_key(r))
        column = "unread" if label is None else f"label {label}"
        sole, _ = attribute(recorder.of_claims(r["a"]["text"], r["b"]["text"],
                                                  r["a"]["evidence"][:1] + r["b"]["evidence"][:1]))
        for veto in sole:
            table[veto][f"news {half} sole"] += 1
            table[veto][f"news {half} sole {column}"] += 1
    recorder.held.clear()


def _finding_key(r: dict) -> frozenset:
    def side(s):
        ev = s.get("evidence")
        return s["article"], s["claim"], (ev[0] if isinstance(ev, list) and ev else ev) or ""
    return frozenset((side(r["a"]), side(r["b"])))


def print_table(table: dict, names: list[str]) -> None:
    """One line per veto that held anywhere, the counts it holds that are not 0, most recall
    lost (sole, both pair files) first."""
    print("\nper veto (sole: it alone held of some frame pair; any: it held):")
    order = sorted(names, key=lambda n: -sum(v for c, v in table.get(n, {}).items() if c.endswith("lost sole")))
    for name in order:
        row = table.get(name, {})
        if row:
            print(f"  {name:17}" + ", ".join(f"{c} {v}" for c, v in sorted(row.items()) if v))


def main(argv: list[str] | None = None) -> int:
    argv = sys.argv[1:] if argv is None else argv
    if argv[:1] == ["off"]:
        if len(argv) < 4 or argv[2] != "--":
            print("usage: vetoes.py off NAME[,NAME] -- BENCHMARK.py [ARGS]")
            return 2
        names = set(argv[1].split(","))
        unknown = names - {n for n, _ in compare.VETOES}
        if unknown:
            print(f"unknown vetoes: {sorted(unknown)}")
            return 2
        compare.VETOES_OFF.update(names)
        import runpy
        sys.argv = argv[3:]
        runpy.run_path(str(ROOT / "benchmarks" / Path(argv[3]).name), run_name="__main__")
        return 0
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("mode", choices=("audit",))
    ap.add_argument("--pairs", nargs="*", default=[str(p) for p in PAIR_FILES])
    ap.add_argument("--news", default="", help="comma list of news halves (tune, held) to audit as well")
    ap.add_argument("--data")
    ap.add_argument("--labels", nargs="*", default=[], help="more judgement files beside benchmarks/labels/news.jsonl")
    ap.add_argument("--verbose", action="store_true", help="print the ids of the pairs the vetoes block")
    args = ap.parse_args(argv)
    global VERBOSE
    VERBOSE = args.verbose
    from consistency.config import load_settings
    from consistency.embed import Embedder

    embedder = Embedder.from_settings(load_settings())
    recorder = Recorder()
    table: dict[str, Counter] = defaultdict(Counter)
    try:
        for path in map(Path, args.pairs):
            if not path.is_file():
                print(f"{path}: missing, skipped")
                continue
            audit_pairs(path.resolve(), recorder, embedder, table)
        for half in filter(None, args.news.split(",")):
            audit_news(half, args.data, recorder, table, args.labels)
    finally:
        recorder.close()
    print_table(table, [n for n, _ in compare.VETOES])
    return 0


if __name__ == "__main__":
    sys.exit(main())
