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
from ..wordnet import opposite
from .frames import Frame

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


#: Why `named_apart` holds, as a finding's explanation would show it.
NAMED = "different people named"


def named_apart(fa: Frame, fb: Frame) -> str:
    """`NAMED` when each figure counts a noun whose members its sentence names in apposition ("the
    two wardens, Ada Morrow and Lev Dunn,", "three councillors — Ida Sorrel, Ben Kettle and Noor
    Pask —"), as many names as it counts, and the two rosters share no name: the figures count two groups of one kind, however
    alike the rest of the two sentences is. Positive evidence only: a side that names nobody, or a
    name on both sides, leaves the pair to compare (one group counted two ways still disagrees).

    Found on the news tune half (benchmarks/news.py, main 39b5b99): a state's two senators, named,
    were flagged against three named state senators of another chamber; that was the one flagged
    finding with both members named."""
    ra, rb = _full_roster(fa), _full_roster(fb)
    return NAMED if ra and rb and not ra & rb else ""


def _full_roster(f: Frame) -> frozenset[str]:
    names = roster(f.claim.text, f.q.start, f.q.end)
    return names if f.q.bound == "exact" and len(names) == f.q.value else frozenset()


@lru_cache(maxsize=8192)
def roster(text: str, start: int, end: int) -> frozenset[str]:
    """The names (the head word of each, lower case: "Ada Morrow" -> "morrow") that the parse of
    ``text`` sets in apposition to the noun the number at ``start``..``end`` counts, with the
    names joined to them by conjunctions; empty when it names none. A name the parse joins to the
    noun itself right after a comma ("two wardens, Ada Morrow and Lev Dunn,": the parser may read
    a conjunct there) is an apposition too; `named_apart` takes a roster only when it holds as
    many names as the figure counts, so the names are the group's members."""
    p = parse(text)
    number = next((t for t in p.tokens_in(start, end) if t.tag == "CD"), None)
    if number is None or number.dep != "nummod" or p.tokens[number.head].pos != "NOUN":
        return frozenset()
    noun = number.head
    comma = noun + 1 < len(p.tokens) and p.tokens[noun + 1].text == ","
    out: set[str] = set()
    todo = [t for t in p.children(noun) if t.pos == "PROPN" and (t.dep == "appos" or comma and t.dep == "conj")]
    while todo:
        name = todo.pop()
        out.add(name.low)
        todo += [t for t in p.children(name.i) if t.dep == "conj" and t.pos == "PROPN"]
    return frozenset(out)


#: Why `each_of_names` holds, as a finding's explanation would show it.
EACH = "different holders"


def each_of_names(fa: Frame, fb: Frame) -> str:
    """`EACH` when one figure is given to each of several names joined right before it ("followed
    by Rolf Brandt and Ivo Kell at 15 percent each": the distributive *each* after the figure) and
    the other figure's holder is named, by none of those names. The parse may hang such a figure
    from the clause's one subject (the leader of a poll), and the figure was then read as the
    leader's; the names it is each of are its holders. Found on the news tune half
    (benchmarks/news.py): two candidates' shared poll share was flagged against the leader's own
    share in another outlet (judged a different measure). A name on both sides ("Ivo Kell in
    second at 19 percent") leaves the pair to compare; without *each* nothing changes."""
    for f, other in ((fa, fb), (fb, fa)):
        names = _each_of(f.claim.text, f.q.start, f.q.end)
        if names:
            theirs = _named_in_slots(other)
            if theirs and not theirs & names:
                return EACH
    return ""


@lru_cache(maxsize=8192)
def _each_of(text: str, start: int, end: int) -> frozenset[str]:
    """The names (lower case) joined by a conjunction right before the figure at ``start:end``
    and its preposition, when *each* follows the figure; empty otherwise."""
    p = parse(text)
    span = p.tokens_in(start, end)
    if not span or span[-1].i + 1 >= len(p.tokens) or p.tokens[span[-1].i + 1].low != "each":
        return frozenset()
    i = span[0].i - 1
    if i >= 0 and p.tokens[i].pos == "ADP":
        i -= 1  # "at 15 percent each"
    run = []
    while i >= 0 and (p.tokens[i].pos in ("PROPN", "ADJ", "CCONJ") or p.tokens[i].text == ","):
        run.append(p.tokens[i])
        i -= 1
    names = frozenset(t.low for t in run if t.pos == "PROPN")
    joined = any(t.pos == "CCONJ" for t in run) and len(names) >= 2
    return names if joined else frozenset()


def _named_in_slots(f: Frame) -> frozenset[str]:
    """The proper nouns (lower case) of ``f``'s sentence that its measure, holder or subject
    slot holds: the name the figure is read as said of."""
    s = f.slots
    words = {w.lower() for x in (s.measure, s.holder, s.subject) for w in x.split()}
    return frozenset(t.low for t in parse(f.claim.text).tokens if t.pos == "PROPN" and t.low in words)
