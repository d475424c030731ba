"""The rules' per-claim caches and lookups give the answers of the plain scans they replace."""

from __future__ import annotations

import dataclasses
import json
import random

import pytest

from consistency import api
from consistency.check import run_rules
from consistency.group import Pair
from consistency.rules import select_rules
from consistency.rules import text

from conftest import ROOT, SEEDS


@pytest.fixture(scope="module")
def claims(tmp_path_factory):
    """Seed claims and the held-out pairs' claims (dates and sources kept)."""
    path = tmp_path_factory.mktemp("claims") / "heldout.jsonl"
    with path.open("w", encoding="utf-8") as out, (ROOT / "tests/data/heldout/pairs.jsonl").open() as rows:
        for line in rows:
            row = json.loads(line)
            for side in ("a", "b"):
                c = row[side]
                out.write(json.dumps({"id": f"{row['id']}{side}", "text": c["text"], "date": c.get("date"),
                                      "source": c.get("source")}) + "\n")
    found, _ = api.extract([str(SEEDS), str(path)])
    assert len(found) > 150
    return found


def _stems(claims) -> set[str]:
    out = set()
    for c in claims:
        for w in text.view(c).words:
            out |= {w.stem, w.stem[:-1], w.stem[:-3], w.stem + "s", w.stem + "ian", w.stem + "ment"}
    return {s for s in out if s}


def test_mentions_matches_a_scan_of_the_stems(claims):
    stems = sorted(_stems(claims))
    rng = random.Random(7)
    for c in claims:
        v = text.view(c)
        for s in rng.sample(stems, 200) + sorted(v.stems):
            assert text.mentions(v, s) == any(text.same_word(s, t) for t in v.stems), (c.text, s)


def _all_pairs(claims) -> list[Pair]:
    return [Pair(i, j, 0.9) for i in range(len(claims)) for j in range(i + 1, len(claims))]


def _summary(findings) -> list[tuple]:
    return [(f.fingerprint, f.rule, f.a.id, f.b.id, f.explanation, f.spans_a, f.spans_b) for f in findings]


def test_findings_do_not_depend_on_what_is_cached(claims):
    some = claims[:40] + claims[-60:]
    rules = select_rules()
    text.clear_caches()
    cold = _summary(run_rules(some, _all_pairs(some), rules))
    warm = _summary(run_rules(some, _all_pairs(some), rules))
    # equal but distinct claim objects, and the pairs in the other order
    copies = [dataclasses.replace(c) for c in some]
    reverse = _summary(run_rules(copies, list(reversed(_all_pairs(copies))), rules))
    assert cold and {r[1] for r in cold} >= {"NUM001", "ANT001"}
    assert cold == warm == reverse


def test_a_view_is_read_once_per_claim(claims):
    c = claims[0]
    assert text.view(c) is text.view(c)
    assert text.view(dataclasses.replace(c)).words == text.view(c).words
