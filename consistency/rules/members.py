"""Members of one kind told apart by opposed modifiers of one noun (a veto of `compare.VETOES`).

"Attendance at the primary schools improved" / "attendance at the secondary schools fell", "sales
rose 8% in the northern region" / "3% in the southern region", "320 female runners" / "410 male
runners": both claims name one noun, each narrowed by an adjective that WordNet lists as the
antonym of the other's (`wordnet.opposite`, adjectives). The two figures are of two members of one
kind, positive evidence of two measures (the issue's "another holder in the same slot"), however
alike the rest of the two sentences is.

It is read from the parse of the whole claim (adjectival modifiers and those joined to them: "the
urban and rural routes"), not from one slot: the member may be named in the measure ("primary
schools' attendance"), its holder or a place phrase of the verb ("in the northern region").

Guards, each from a measured case:
- Each side must name its own members only: a side that names both ("fell in the second half
  against the first half", "urban and rural routes") compares them or sums them, and the other
  side's member is one of its own (a tuning writer's conflict, two reports of a change between the
  first and second halves of one year, would be lost).
- Only antonyms count, not any two different modifiers: "the new bridge" / "the replacement
  bridge" is one bridge told two ways.

Measured on the five tuning writers' files (session 45): it removes the two false alarms of that
shape (two regions' sales, two kinds of school's attendance) and no conflict; no flagged finding of
the news tune half names one noun with opposed modifiers.
"""

from __future__ import annotations

from functools import lru_cache

from ..parsing import parse
from .frames import Frame
from .wordnet import opposite

#: Why the veto holds, as a finding's explanation would show it.
REASON = "different members of one kind"


def apart(fa: Frame, fb: Frame) -> str:
    """`REASON` when the two frames' claims name one noun with opposed modifiers, each side only
    its own (see the module docstring); '' otherwise."""
    ma, mb = members(fa.claim.text), members(fb.claim.text)
    for noun in ma.keys() & mb.keys():
        xs, ys = ma[noun], mb[noun]
        if not xs & ys and any(opposite(x, y, "a") for x in xs for y in ys):
            return REASON
    return ""


@lru_cache(maxsize=8192)
def members(text: str) -> dict[str, frozenset[str]]:
    """The nouns of ``text`` (lemmas) that adjectives narrow, with those adjectives (lemmas, and
    adjectives joined to them by a conjunction: "urban and rural routes"), from its parse."""
    p = parse(text)
    out: dict[str, set[str]] = {}
    for t in p.tokens:
        if t.pos != "ADJ":
            continue
        owner = t
        while owner.dep == "conj" and owner.head != owner.i and p.tokens[owner.head].pos == "ADJ":
            owner = p.tokens[owner.head]  # "rural" of "urban and rural routes": the noun of "urban"
        if owner.dep != "amod":
            continue
        noun = p.tokens[owner.head]
        if noun.pos in ("NOUN", "PROPN"):
            out.setdefault(noun.lemma.lower(), set()).add(t.lemma.lower())
    return {noun: frozenset(adjectives) for noun, adjectives in out.items()}
