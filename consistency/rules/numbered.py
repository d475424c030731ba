"""Things named by a number: "Ward 3" / "Ward 7", "Gate 12" / "Gate 5", "Precinct 4" / "Precinct 9".

A number the extractor reads as naming rather than measuring (`quantities.identifiers.
named_by_word_before`: a capitalised word or a word that introduces an identifier before it) and
the parse hangs from that word (``nummod`` right after its head: "Ward 3") names one of several
things of that word's kind. Two claims that each name such a thing by the same word and by numbers
that share none are about two things: a figure of one ("turnout in Ward 3 was 41 per cent") is no
rival of the other's ("Ward 7 saw turnout of 33%"). The same number on both sides, or a side that
names both, still compares.

`compare.apart` asks `apart` (veto "numbered") of found pairs.
"""

from __future__ import annotations

from ..parsing import parse
from ..quantities.identifiers import named_by_word_before


def numbered_names(text: str) -> dict[str, frozenset[str]]:
    """The numbers each word names things by in ``text`` ("Ward 3 and Ward 5": {"ward": {"3", "5"}}):
    a number in digits right after the word it hangs from, that the extractor reads as a name."""
    p = parse(text)
    out: dict[str, set[str]] = {}
    for t in p.tokens:
        if t.pos != "NUM" or t.dep != "nummod" or t.head != t.i - 1 or not t.text.isdigit():
            continue
        word = p.tokens[t.head]
        if word.text.isalpha() and named_by_word_before(text, t.start):  # the tagger may call it ADJ
            out.setdefault(word.low, set()).add(t.text)
    return {w: frozenset(n) for w, n in out.items()}


def apart(fa, fb) -> str:
    """"different named items" when the two claims name things by one word and by numbers that share
    none (see the module doc); '' otherwise."""
    na, nb = numbered_names(fa.claim.text), numbered_names(fb.claim.text)
    for word, numbers in na.items():
        if word in nb and not numbers & nb[word]:
            return "different named items"
    return ""
