"""The measures a claim's figures count, as keys of the second route to candidacy.

`consistency.group.candidate_pairs` pairs claims by sentence similarity from ``settings.threshold``;
its second route pairs, from `MEASURES_THRESHOLD` up, two claims whose figures count one measure
named in two words of one meaning ("14,000 households" / "41,000 homes"), which a measure worded
apart on each side leaves under the threshold. `consistency.api.check_claims` and the nightly
`consistency.incremental` run read the same keys here, so both find the same pairs.
"""

from __future__ import annotations

import re
from typing import Sequence

from .records import Claim
from .wordnet import SAME, meanings, relation

#: The similarity from which two claims whose figures count one measure in two words of one meaning
#: (`measures_agree`) are a candidate pair under ``settings.threshold``: the second route to
#: candidacy (`consistency.group.candidate_pairs`). The tuning writers' conflicts that were never
#: candidates lie at 0.30-0.50, those of such measures at 0.44-0.45; under 0.40 the rows model
#: flags almost none of the writers' pairs once compared (docs/rules.md, Known limits).
MEASURES_THRESHOLD = 0.40


def measure_heads(claim: Claim) -> frozenset[tuple]:
    """The measures ``claim``'s figures count: (dimension, head noun of the measure) per figure that
    names one ("14,000 households": (count, household)), or whose label before a colon names it
    ("Homes without heating after the fault: 1,900": (count, home); `labelled`)."""
    named = frozenset((q.dimension, q.measured.split()[-1].lower()) for q in claim.quantities
                      if q.measured and q.measured.strip())
    return named | labelled(claim)


#: Text right before a figure that ends a label: a colon and spaces ("Houses destroyed: 230").
_AFTER_LABEL = re.compile(r":[ \u00a0]*$")


def labelled(claim: Claim) -> frozenset[tuple]:
    """(dimension, noun) of each figure of ``claim`` without a measured noun that is the value of a
    label naming it before a colon, read from the sentence's parse (`consistency.rules.slots.label_head`:
    "Households evacuated: 1,240", "average home gate 2023/24: 9,310"). The extractor reads a noun after
    its number only, so such a count had no measure and no second route to candidacy. Only claims
    with such a figure are parsed: the candidate stage parses nothing else that is short."""
    figures = [q for q in claim.quantities if not (q.measured and q.measured.strip())
               and _AFTER_LABEL.search(claim.text[max(0, q.start - 3):q.start])]
    if not figures:
        return frozenset()
    from .parsing import parse
    from .rules.slots import label_head

    p = parse(claim.text)
    return frozenset((q.dimension, head) for q in figures if (head := label_head(p, q.start, q.end)))


def measure_keys(heads: Sequence[frozenset[tuple]]) -> list[frozenset]:
    """Per claim, keys of the measures its figures count (``heads``: `measure_heads` of each):
    (dimension, sense) for each WordNet sense of a head (`consistency.wordnet.meanings`). Two
    claims whose measures agree (`measures_agree`) share one; the keys find such pairs among the
    similar ones without asking WordNet of every pair (the second route of
    `consistency.group.candidate_pairs`)."""
    return [frozenset((d, m) for d, h in hs for m in meanings(h)) for hs in heads]


def measures_agree(a: frozenset[tuple], b: frozenset[tuple]) -> bool:
    """Whether two claims' measures (`measure_heads`) name one measure of one dimension in two words
    that WordNet reads as one meaning (`consistency.wordnet.relation` `SAME`: "households" /
    "homes", "persons" / "people"), not a kind of the other.

    One head word on both sides is left out: the sentence similarity already counts it, and under
    the threshold such pairs were mostly other events or other games (one route for both added 38
    findings on the news tune half, almost all "people", "games", "boats" of two occasions); a
    measure worded apart lowers the similarity it is missing from."""
    return any(da == db and ha != hb and relation(ha, hb, "n") == SAME for da, ha in a for db, hb in b)
