"""Clauses: the facts of a long sentence, as extra units for the embed and group stages.

A sentence that states several facts ("Police found two men dead and said a third, 19, was
taken to hospital, where he died on Sunday") embeds far from a short sentence that states one
of them ("A 19-year-old died on Sunday"), so the pair never reaches the rules. A claim keeps
its sentence (its text, offsets and frames are what the rules read and the report shows); a
long one gains *clauses*, used only to find candidate pairs: a claim pair's similarity is the
best over their units, the sentence and its clauses (`consistency.group.claim_pairs`).

Only sentences with at least `MIN_FACTS` numbers or dates and `MIN_WORDS` words are split: they
are parsed (`consistency.parsing`, cached by text) and cut at the heads of their clauses, the
verbs the parse marks as the root, a conjoined verb, an adverbial, relative or complement clause,
or a parenthetical (`HEADS`). Each token belongs to its nearest clause head; a clause is the
tokens it owns (nested clauses cut out), and it is a unit when it holds a number or date and at
least `MIN_TOKENS` words. A sentence with fewer than two clauses is not split.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Sequence

from .parsing import Parse, parse_many
from .records import Claim

#: Numbers and dates a sentence needs before it is split (one fact needs no splitting).
MIN_FACTS = 2
#: Words a sentence needs before it is split (a short sentence with two numbers is one fact).
MIN_WORDS = 15
#: Words (punctuation aside) a clause needs to stand as a unit.
MIN_TOKENS = 4
#: Dependency labels of a clause head: the root, a conjoined clause, adverbial, relative and
#: complement clauses, parentheticals (spaCy's English labels).
HEADS = frozenset({"ROOT", "conj", "advcl", "relcl", "ccomp", "parataxis"})


@dataclass(frozen=True, slots=True)
class Clause:
    """One clause of a claim: the pieces of the claim's text it is made of (offsets into
    ``claim.text``; a nested clause cut out leaves two pieces) and its text, the pieces joined."""

    pieces: tuple[tuple[int, int], ...]
    text: str


def needs_split(claim: Claim) -> bool:
    """Whether a claim is long enough, with enough facts, to be split into clauses."""
    return len(claim.quantities) + len(claim.dates) >= MIN_FACTS and len(claim.text.split()) >= MIN_WORDS


def claim_clauses(claims: Sequence[Claim]) -> list[tuple[Clause, ...]]:
    """The clauses of each claim (none for a claim that is not split), parsing what needs it in one batch."""
    chosen = [c for c in claims if needs_split(c)]
    parses = dict(zip((c.text for c in chosen), parse_many([c.text for c in chosen]))) if chosen else {}
    return [split(c, parses[c.text]) if c.text in parses else () for c in claims]


def split(claim: Claim, parse: Parse) -> tuple[Clause, ...]:
    """The clauses of ``claim`` that hold a number or date, from its parse; none when it has one clause."""
    tokens = parse.tokens
    heads = [t.i for t in tokens if t.dep in HEADS
             and (t.pos in ("VERB", "AUX") or any(c.dep.startswith("nsubj") for c in parse.children(t.i)))]
    if len(heads) < 2:
        return ()
    is_head = set(heads)
    owner: dict[int, int] = {}
    for t in tokens:
        cur, seen = t, {t.i}
        while cur.i not in is_head and cur.head not in seen:
            cur = tokens[cur.head]
            seen.add(cur.i)
        owner[t.i] = cur.i if cur.i in is_head else heads[0]
    facts = [(q.start, q.end) for q in claim.quantities] + [(d.start, d.end) for d in claim.dates]
    out = []
    for head in heads:
        words = [t for t in tokens if owner[t.i] == head and t.pos not in ("PUNCT", "CCONJ")]
        if len(words) < MIN_TOKENS:
            continue
        pieces: list[tuple[int, int]] = []
        broken = False  # a word of another clause since the last piece
        for t in tokens:
            if owner[t.i] != head or t.pos in ("PUNCT", "CCONJ"):
                broken = broken or (owner[t.i] != head and t.pos != "PUNCT")
            elif pieces and not broken:
                pieces[-1] = (pieces[-1][0], t.end)
            else:
                pieces.append((t.start, t.end))
                broken = False
        if any(start < b and a < end for start, end in pieces for a, b in facts):
            out.append(Clause(tuple(pieces), " ".join(claim.text[a:b] for a, b in pieces)))
    return tuple(out)
