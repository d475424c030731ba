"""Score quantity extraction on NewsQuant and quantulum3's test sentences, beside quantulum3.

Usage::

    .venv/bin/python benchmarks/quantities.py [--data DIR] [--no-peer] [--confusion] [--errors N]

Data: ``newsquant.jsonl`` and ``quantulum3_tests.jsonl`` from ``--data``, else
``$CONSISTENCY_DATA`` (or ``$CONSISTENCY_BENCH_DATA``), else ``../shared/data`` next to the repository. When
the folder is absent the script says so and exits 0.

Matching rules (those of CQE's published evaluation, satya77/CQE_Evaluation,
``evaluate_models.py``, re-implemented here):

* Per sentence, gold quantities and predictions are each sorted by normalised
  unit. For each gold quantity, predictions are scanned in order; a prediction
  whose value matches (``numpy.isclose`` rules: rtol 1e-5, atol 1e-8; a range
  matches only a range, both ends compared in stated order) counts one *value*
  hit (at most as many value hits per sentence as there are gold quantities),
  and a *change* hit when its change label is equal. If its normalised unit is
  also equal (lowercased), it counts a *value+unit* hit, is removed from the
  predictions, and the scan moves to the next gold quantity; otherwise the scan
  goes on (so one gold quantity may collect value and change credit from
  several predictions of the same value, as in the published script).
* Precision = hits / predictions, recall = hits / gold quantities, F1 their
  harmonic mean, in percent.
* For quantulum3, gold ranges are replaced by their midpoint (as CQE does for
  it, since quantulum3 reports a range as midpoint ± uncertainty) and it is not
  scored on change, which it does not extract.
* A "strict" line adds a one-to-one variant: each prediction can satisfy at most
  one gold quantity (value, value+unit and value+change counted on that pair).

Our quantities are mapped to NewsQuant's vocabulary by `newsquant_view`:
currency codes to its currency names, units to its unit names, counted nouns
to their lemma (a bare count to "-"), rates to "X per Y", ages to "year of age",
fractions to "% " and what they are a share of ("half the condos": "% condo");
the change label is ">" / "<" for lower / upper bounds, "up" / "down" for an
amount of change, "~" for an approximation and "=" otherwise. Two NewsQuant
conventions are read with the extractor's own phrase readers (`label_context`):
a change stated as a noun followed by "of" ("a cut of 120,000 tonnes a year",
"an increase of 4,200 nurses or 3 per cent") is "=", as NewsQuant labels "a 4.2
percent drop"; a range after an approximation word ("about 14-18 mpg", "~25 - 40
min") is "~" (our records keep such a range's bound as "range").
Scorelines ("won 3-1", dimension ``score``) and ordinal periods ("its third week") are left
out of our predictions (`scored`): NewsQuant does not annotate them as quantities.
``--confusion`` prints gold against predicted change labels. A range is
reported in stated order (``Quantity.descending``: "from 208 to 193" is (208, 193)).
"""

from __future__ import annotations

import argparse
import math
import os
import sys
import time
import warnings
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from benchdata import data_dir, read_jsonl

from consistency.quantities import change as changes
from consistency.quantities import extract_quantities
from consistency.records import Quantity

Value = float | tuple[float, float]
Tag = dict  # {"value": Value, "unit": str, "change": str | None}

#: Our currency units -> NewsQuant / quantulum3 currency names.
CURRENCY_NAMES = {
    "USD": "dollar", "AUD": "australian dollar", "CAD": "canadian dollar", "NZD": "new zealand dollar",
    "HKD": "hong kong dollar", "SGD": "singaporean dollar", "EUR": "euro", "GBP": "pound sterling",
    "JPY": "japanese yen", "CNY": "chinese yuan", "ILS": "shekel", "MYR": "malaysian ringgit",
    "INR": "indian rupee", "DKK": "danish krone", "HRK": "croatian kuna", "ZAR": "south african rand",
    "CHF": "swiss franc", "KRW": "south korean won", "RUB": "russian ruble", "cent": "cent",
    "sen": "sen", "penny": "point",  # NewsQuant normalises the pence sign "p" to "point"
}
#: Our unit names whose NewsQuant name differs.
UNIT_NAMES = {
    "percent": "percentage", "times": "count", "tonne": "metric ton", "gigatonne": "gigaton",
    "pound": "pound-mass", "degree Celsius": "celsius", "degree Fahrenheit": "fahrenheit",
    "metric horsepower": "horsepower", "milliampere hour": "milliampere-hour",
    "pound-foot": "foot pound-force", "revolution per minute": "revolutions per minute",
    "part per billion": "parts-per-billion", "generation": "generation wireless",
    "million british thermal units": "mega british thermal unit",
}
#: Our unit names whose quantulum3 name differs.
QUANTULUM_NAMES = {
    "percent": "percentage", "times": "dimensionless", "pound": "pound-mass", "degree": "degree angle",
    "USD": "dollar", "EUR": "euro", "GBP": "pound sterling", "JPY": "yen", "cent": "cent",
    "penny": "penny", "litre": "litre", "millilitre": "cubic centimetre", "fraction": "dimensionless",
}
#: quantulum3 unit names -> NewsQuant names (for scoring quantulum3 on NewsQuant).
QUANTULUM_TO_NEWSQUANT = {
    "dimensionless": "-", "percentage": "percentage", "united states dollar": "dollar", "dollar": "dollar",
    "degree celsius": "celsius", "degree fahrenheit": "fahrenheit", "degree angle": "degree",
    "tonne": "metric ton", "per cent": "percentage", "yen": "japanese yen", "pound-mass": "pound-mass",
}


@dataclass
class Counts:
    """Hit counters of one system on one data set."""

    gold: int = 0
    predicted: int = 0
    value: int = 0
    unit: int = 0
    change: int = 0
    strict_value: int = 0
    strict_unit: int = 0
    strict_change: int = 0
    seconds: float = 0.0
    sentences: int = 0
    misses: list[tuple[str, list[Tag], list[Tag]]] = field(default_factory=list)
    #: (gold change label, predicted change label) -> count, over the strict 1:1 value pairs.
    confusion: dict[tuple[str, str], int] = field(default_factory=dict)


def values_match(gold: Value, predicted: Value) -> bool:
    """CQE's rule: numbers within rtol 1e-5 / atol 1e-8; a range only matches a range, end by end."""
    if isinstance(gold, tuple) != isinstance(predicted, tuple):
        return False
    if isinstance(gold, tuple):
        return _close(gold[0], predicted[0]) and _close(gold[1], predicted[1])  # type: ignore[index]
    return _close(gold, predicted)  # type: ignore[arg-type]


def _close(a: float, b: float) -> bool:
    return abs(a - b) <= 1e-8 + 1e-5 * abs(b)


def score_sentence(counts: Counts, gold: list[Tag], predicted: list[Tag], *, with_change: bool) -> bool:
    """Add one sentence's hits to ``counts`` by CQE's rules (and the strict variant); True if all matched."""
    counts.gold += len(gold)
    counts.predicted += len(predicted)
    remaining = sorted(predicted, key=lambda t: t["unit"])
    budget = len(gold)
    perfect = len(gold) == len(predicted)
    for g in sorted(gold, key=lambda t: t["unit"]):
        matched_unit = False
        for p in list(remaining):
            if not values_match(g["value"], p["value"]):
                continue
            if budget > 0:
                counts.value += 1
                budget -= 1
            if with_change and p["change"] == g["change"]:
                counts.change += 1
            if p["unit"] == g["unit"]:
                counts.unit += 1
                remaining.remove(p)
                matched_unit = True
                break
        perfect = perfect and matched_unit
    _score_strict(counts, gold, predicted, with_change=with_change)
    return perfect


def _score_strict(counts: Counts, gold: list[Tag], predicted: list[Tag], *, with_change: bool) -> None:
    """One-to-one: prefer a prediction agreeing on value and unit, then on value alone."""
    free = list(predicted)
    pending = []
    for g in gold:
        pick = next((p for p in free if values_match(g["value"], p["value"]) and p["unit"] == g["unit"]), None)
        if pick is None:
            pending.append(g)
            continue
        free.remove(pick)
        counts.strict_value += 1
        counts.strict_unit += 1
        counts.strict_change += int(with_change and pick["change"] == g["change"])
        _confuse(counts, g, pick)
    for g in pending:
        pick = next((p for p in free if values_match(g["value"], p["value"])), None)
        if pick is not None:
            free.remove(pick)
            counts.strict_value += 1
            counts.strict_change += int(with_change and pick["change"] == g["change"])
            _confuse(counts, g, pick)


def _confuse(counts: Counts, gold: Tag, predicted: Tag) -> None:
    key = (str(gold["change"]), str(predicted["change"]))
    counts.confusion[key] = counts.confusion.get(key, 0) + 1


def change_label(q: Quantity, *, nominal: bool = False, approx_range: bool = False) -> str:
    """NewsQuant's change label of one of our quantities.

    ``nominal``: the change is stated as a noun ("an increase of 60,600 jobs"),
    which NewsQuant labels "=" as it does "a 4.2 percent drop". ``approx_range``:
    a range read after an approximation word ("about 14-18 mpg"), labelled "~".
    """
    if q.bound == "lower":
        return ">"
    if q.bound == "upper":
        return "<"
    if q.kind == "change" and q.change is not None and not nominal:
        return q.change
    return "~" if q.bound == "approx" or approx_range else "="


def label_context(text: str, quantities: Iterable[Quantity]) -> list[tuple[bool, bool]]:
    """(nominal, approx_range) for each quantity, read with the extractor's own phrase readers.

    A change restated after "or" / in brackets ("an increase of 4,200 nurses or 3
    per cent") has no verb of its own and takes the nominal reading of the change before it.
    """
    out = []
    previous_nominal = False
    for q in quantities:
        start = q.start
        bound = changes.bound_before(text, start)
        if bound is not None:
            start = bound.start
        nominal = False
        if q.kind == "change":
            found = changes.change_before(text, start)
            nominal = found.nominal if found.direction is not None else previous_nominal
            previous_nominal = nominal
        out.append((nominal, q.bound == "range" and bound is not None and bound.bound == "approx"))
    return out


def _stated_value(q: Quantity) -> Value:
    if q.value is not None:
        return q.value
    return (q.high, q.low) if q.descending else (q.low, q.high)


def _unit_name(q: Quantity, names: dict[str, str], count_name: Callable[[Quantity], str]) -> str:
    if q.dimension == "currency":
        base = CURRENCY_NAMES.get(q.unit or "", (q.unit or "").lower()) if names is UNIT_NAMES else names.get(q.unit or "", (q.unit or "").lower())
    elif q.unit is None:
        base = count_name(q)
    elif q.unit == "fraction" and names is UNIT_NAMES:
        base = "% " + (q.measured or "-")
    elif q.measured == "age" and q.dimension == "age" and names is UNIT_NAMES:
        base = f"{q.unit} of age"
    else:
        base = names.get(q.unit, q.unit)
    return f"{base} per {names.get(q.per, q.per)}".lower() if q.per else base.lower()


def newsquant_view(q: Quantity, *, nominal: bool = False, approx_range: bool = False) -> Tag:
    """One of our quantities in NewsQuant's terms."""
    unit = _unit_name(q, UNIT_NAMES, lambda x: x.measured or "-")
    return {"value": _stated_value(q), "unit": unit, "change": change_label(q, nominal=nominal, approx_range=approx_range)}


def newsquant_tags(text: str) -> list[Tag]:
    """Our quantities in ``text`` in NewsQuant's terms (`scored`: scorelines and ordinal periods,
    which NewsQuant does not annotate as quantities, left out)."""
    found = scored(extract_quantities(text))
    return [newsquant_view(q, nominal=n, approx_range=a) for q, (n, a) in zip(found, label_context(text, found), strict=True)]


def quantulum_view(q: Quantity) -> Tag:
    """One of our quantities in quantulum3's unit names (its test set has no change labels).

    Its gold ranges are a midpoint ± an uncertainty, so low to high whatever the stated order.
    """
    unit = _unit_name(q, QUANTULUM_NAMES, lambda x: "dimensionless")
    value: Value = q.value if q.value is not None else (q.low, q.high)
    return {"value": value, "unit": unit, "change": None}


def _gold_newsquant(row: dict) -> list[Tag]:
    out = []
    for g in row["quantities"]:
        value: Value = g["value"] if g["value"] is not None else (g["value_low"], g["value_high"])
        out.append({"value": value, "unit": g["normalized_unit"].lower(), "change": g["change"]})
    return out


def _gold_quantulum(row: dict) -> list[Tag]:
    out = []
    for g in row["quantities"]:
        u = g.get("uncertainty")
        value: Value = (g["value"] - u, g["value"] + u) if u else float(g["value"])
        out.append({"value": value, "unit": g["unit"].lower(), "change": None})
    return out


def _midpoints(tags: list[Tag]) -> list[Tag]:
    return [{**t, "value": (t["value"][0] + t["value"][1]) / 2 if isinstance(t["value"], tuple) else t["value"]} for t in tags]


def scored(found) -> list[Quantity]:
    """The quantities NewsQuant's annotation has a place for: not scorelines (it labels 2 of the 7
    in its sentences, one as a range, one as a "lead"), not ordinal periods ("the second straight
    year": unlabelled, like every ordinal in it)."""
    return [q for q in found if q.dimension != "score" and not q.ordinal]


def _ours(view: Callable[[Quantity], Tag]) -> Callable[[str], list[Tag]]:
    return lambda text: [view(q) for q in scored(extract_quantities(text))]


def _quantulum(names: dict[str, str] | None) -> Callable[[str], list[Tag]] | None:
    """quantulum3 as a tagger, its units renamed by ``names``; None when it is not installed."""
    try:
        from quantulum3 import parser
    except ImportError:
        return None
    classifier_path = _quantulum_classifier()

    def tag(text: str) -> list[Tag]:
        out = []
        for q in parser.parse(text, classifier_path=classifier_path):
            unit = q.unit.name.lower()
            if names is not None:
                unit = names.get(unit, unit)
            out.append({"value": float(q.value), "unit": unit, "change": None})
        return out

    return tag


def _quantulum_classifier() -> str | None:
    """Path of a unit-disambiguation classifier quantulum3 can load with this scikit-learn.

    The classifier shipped in quantulum3 0.10 is a pickle of an older
    scikit-learn that newer versions cannot load; as quantulum3's own warning
    advises, it is retrained (about 7 s, from the training set quantulum3 ships)
    once per scikit-learn version and cached. Without the ``stemming`` package
    training is impossible and quantulum3 falls back to its heuristic mode.
    """
    import joblib
    from quantulum3 import classifier

    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            classifier.Classifier(lang="en_US")
        return None
    except Exception:  # noqa: BLE001 - any unpickling failure means "retrain"
        pass
    from importlib.metadata import version

    cache = Path(os.environ.get("XDG_CACHE_HOME", Path.home() / ".cache")) / "consistency"
    path = cache / f"quantulum3-clf-sklearn-{version('scikit-learn')}.joblib"
    if not path.exists():
        try:
            trained = classifier.train_classifier(store=False, n_jobs=1)
        except ImportError as exc:
            print(f"note: quantulum3 runs without its classifier ({exc})", file=sys.stderr)
            classifier.USE_CLF = False
            return None
        cache.mkdir(parents=True, exist_ok=True)
        joblib.dump(trained, path)
    return str(path)


def run(rows: list[dict], tagger: Callable[[str], list[Tag]], gold_of: Callable[[dict], list[Tag]], *,
        with_change: bool, midpoint_gold: bool = False) -> Counts:
    """Tag every sentence (timed) and score it."""
    counts = Counts()
    tagged = []
    started = time.perf_counter()
    for row in rows:
        tagged.append(tagger(row["text"]))
    counts.seconds = time.perf_counter() - started
    counts.sentences = len(rows)
    for row, predicted in zip(rows, tagged, strict=True):
        gold = gold_of(row)
        if midpoint_gold:
            gold = _midpoints(gold)
        if not score_sentence(counts, gold, predicted, with_change=with_change):
            counts.misses.append((row["text"], gold, predicted))
    return counts


def _prf(hits: int, counts: Counts) -> str:
    p = hits / counts.predicted if counts.predicted else 0.0
    r = hits / counts.gold if counts.gold else 0.0
    f = 2 * p * r / (p + r) if p + r else 0.0
    return f"P {100 * p:5.1f}  R {100 * r:5.1f}  F1 {100 * f:5.1f}"


def report(title: str, results: dict[str, Counts], *, with_change: bool) -> None:
    """Print one table: a block per system, a line per metric."""
    print(f"\n{title}")
    for name, c in results.items():
        speed = c.sentences / c.seconds if c.seconds else math.inf
        print(f"  {name:<12} {c.sentences} sentences, {c.gold} gold, {c.predicted} predicted, {speed:,.0f} sentences/s")
        print(f"    value          {_prf(c.value, c)}")
        print(f"    value+unit     {_prf(c.unit, c)}")
        if with_change and name != "quantulum3":
            print(f"    value+change   {_prf(c.change, c)}")
        strict = f"value {_prf(c.strict_value, c)} | value+unit {_prf(c.strict_unit, c)}"
        if with_change and name != "quantulum3":
            strict += f" | value+change {_prf(c.strict_change, c)}"
        print(f"    strict 1:1     {strict}")


def _print_confusion(counts: Counts) -> None:
    """Gold change label (rows) against ours (columns) on the value-matched 1:1 pairs."""
    labels = sorted({k for pair in counts.confusion for k in pair})
    print("\nchange labels on value-matched pairs (rows gold, columns ours)")
    print("  " + " " * 6 + "".join(f"{lab:>7}" for lab in labels))
    for g in labels:
        print(f"  {g:<6}" + "".join(f"{counts.confusion.get((g, p), 0):>7}" for p in labels))


def _print_misses(counts: Counts, limit: int) -> None:
    for text, gold, predicted in counts.misses[:limit]:
        print("-", text)
        print("   gold:", [(g["value"], g["unit"], g["change"]) for g in gold])
        print("   ours:", [(p["value"], p["unit"], p["change"]) for p in predicted])


def main(argv: Iterable[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--data", type=Path, default=None, help="folder with newsquant.jsonl and quantulum3_tests.jsonl")
    parser.add_argument("--no-peer", action="store_true", help="skip quantulum3")
    parser.add_argument("--confusion", action="store_true", help="print gold against predicted change labels on NewsQuant")
    parser.add_argument("--errors", type=int, default=0, metavar="N", help="print N NewsQuant sentences we do not get fully right")
    args = parser.parse_args(list(argv) if argv is not None else None)
    data = data_dir(args.data)
    newsquant, q3 = data / "newsquant.jsonl", data / "quantulum3_tests.jsonl"
    if not newsquant.exists() or not q3.exists():
        print(f"skipped: benchmark data not found in {data} (set --data or CONSISTENCY_DATA)")
        return 0
    nq_rows, q3_rows = read_jsonl(newsquant), read_jsonl(q3)
    extract_quantities("warm up: 1 km")  # load pint and compile patterns outside the timing
    peer_nq = None if args.no_peer else _quantulum(QUANTULUM_TO_NEWSQUANT)
    peer_q3 = None if args.no_peer else _quantulum(None)

    nq = {"ours": run(nq_rows, newsquant_tags, _gold_newsquant, with_change=True)}
    if peer_nq is not None:
        nq["quantulum3"] = run(nq_rows, peer_nq, _gold_newsquant, with_change=False, midpoint_gold=True)
    report(f"NewsQuant ({newsquant})", nq, with_change=True)

    qt = {"ours": run(q3_rows, _ours(quantulum_view), _gold_quantulum, with_change=False)}
    if peer_q3 is not None:
        qt["quantulum3"] = run(q3_rows, peer_q3, _gold_quantulum, with_change=False, midpoint_gold=True)
    report(f"quantulum3 test sentences ({q3})", qt, with_change=False)
    if peer_nq is None and not args.no_peer:
        print("\nquantulum3 is not installed: pip install -e '.[bench]' to run the peer", file=sys.stderr)
    if args.confusion:
        _print_confusion(nq["ours"])
    if args.errors:
        print()
        _print_misses(nq["ours"], args.errors)
    return 0


if __name__ == "__main__":
    sys.exit(main())
