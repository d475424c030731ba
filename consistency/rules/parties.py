"""Readings that tell one act or one count from the other side, so that a veto of `compare.apart`
holds only on evidence of a difference, not on a reading that is missing.

The two parties of one act, each told as the subject (`one_act`): a transfer told by the buyer
("Corlen signed the striker from Abbeyfield for £2m") and by the seller ("Abbeyfield confirm the
sale of the striker to Corlen for £3.5m"). Each claim writes the other's subject, at least one of
them as the object of a preposition of a party (from, to, by, on, with), and both name the thing the
act was done to (the object of one side's verb or of its noun of the act, written in the other claim): two subjects,
one act. Read from the parse and the names, no word list of verbs of buying and selling. The same
verb on both sides is no such pair: "Alder signed Smith from Birch" / "Birch signed Jones from
Alder" are two deals, and the object rules that out too (another player).

What a count without a counted noun counts, where its own sentence names it (`counts_named`): the
parse hung no noun on the number, but the noun of the other side's count is written right after
it ("will gain four new Veltro Air routes", where the tagger read "routes" as a verb), or the
subject of the number's clause is the noun WordNet derives from the other side's predicate ("the
attendance is given as 6,140" / "9,300 fans attended": attendance is of "attend").
`compare._noun_less_count` then has no evidence that the two count different things."""

from __future__ import annotations

import re

from ..parsing import parse
from .. import wordnet
from .frames import Frame
from .names import name_in, named_who, names_differ

#: The prepositions whose object is a party of an act told from the other end: "from" the seller,
#: "to" the buyer, "by" the doer of a passive, "on" the one a fine or ban is imposed on, "with" the
#: other side of a deal. A preposition is a closed class, not a list of the domain's words.
PARTY_PREPOSITIONS = frozenset({"from", "to", "by", "on", "with"})


def _role(name: str, text: str) -> str:
    """The preposition whose object is the last word of ``name`` in ``text``'s parse (walking up
    compound and flat-name links), '' when the name is not written there or not in such a phrase."""
    words = name.split()
    if not words:
        return ""
    p = parse(text)
    for t in p.tokens:
        if t.text != words[-1]:
            continue
        node = t
        while node.dep in ("compound", "flat") and node.head != node.i:
            node = p.tokens[node.head]
        if node.dep == "pobj" and node.head != node.i:
            return p.tokens[node.head].low
    return ""


def _done_to(text: str) -> list[str]:
    """The names ``text`` tells an act was done to: a run of proper nouns whose head is a verb's
    object ("signed winger Teo Marsh") or the of-object of a noun ("the sale of Teo Marsh", "the
    signing of Ivo Bracken": the act named by a noun)."""
    p = parse(text)
    out = []
    for t in p.tokens:
        if t.pos != "PROPN" or t.dep in ("compound", "flat"):
            continue
        node = t
        while node.dep == "appos" and node.head != node.i:
            node = p.tokens[node.head]
        up = p.tokens[node.head] if node.head != node.i else None
        if node.dep == "dobj" or node.dep == "pobj" and up is not None and up.low == "of" and up.head != up.i \
                and p.tokens[up.head].pos == "NOUN":
            first = t.i
            while first > 0 and p.tokens[first - 1].pos == "PROPN" and p.tokens[first - 1].dep in ("compound", "flat"):
                first -= 1
            out.append(" ".join(x.text for x in p.tokens[first:t.i + 1]))
    return out


def one_act(mine: Frame, theirs: Frame) -> bool:
    """``mine`` and ``theirs`` are told by two parties of one act (the module docstring): their named
    subjects (`names.named_who`) differ and each is written in the other claim
    (`names.name_in`), one of them as the object of a preposition of a party (`PARTY_PREPOSITIONS`), a
    name one side tells the act was done to (`_done_to`, neither subject) is written in the other
    claim, and the two predicates are not one verb (`wordnet.relation`)."""
    own, other = named_who(mine.slots), named_who(theirs.slots)
    if not (own and other) or not names_differ(own, other):
        return False
    if not (name_in(own, theirs.claim.text) and name_in(other, mine.claim.text)):
        return False
    if not (_role(own, theirs.claim.text) in PARTY_PREPOSITIONS or _role(other, mine.claim.text) in PARTY_PREPOSITIONS):
        return False
    done_to = [(name, g) for f, g in ((mine, theirs), (theirs, mine)) for name in _done_to(f.claim.text)]
    if not any(name_in(obj, g.claim.text) and not name_in(obj, own) and not name_in(obj, other) for obj, g in done_to):
        return False
    a, b = mine.slots.predicate, theirs.slots.predicate
    return bool(a and b) and a != b and wordnet.relation(a, b, "v") != wordnet.SAME


def counts_named(bare: Frame, other: Frame) -> bool:
    """The count ``bare`` (no counted noun read) counts what ``other`` counts by its own sentence
    (the module docstring): ``bare`` has no measure and ``other``'s counted noun is one of the four
    words after its number, before any punctuation, or ``bare``'s clause subject is the noun of ``other``'s predicate
    (`wordnet.verb_of`: "attendance" of "attended")."""
    head = other.slots.measure.split()[-1].lower() if other.slots.measure else ""
    if head and not bare.slots.measure:  # not a count of "others", whose noun was read
        after = re.match(r"[^.,;:!?()\"]*", bare.claim.text[bare.q.end:]).group(0).split()[:4]
        if head in (w.lower() for w in after):
            return True
    verb = other.slots.predicate
    if not verb or not bare.slots.subject:
        return False
    for subject in _subject_heads(bare):
        act = wordnet.verb_of(subject)
        if act and act != subject and (act == verb or wordnet.relation(act, verb, "v") == wordnet.SAME):
            return True
    return False


def _subject_heads(f: Frame) -> list[str]:
    """The lemmas of the common nouns that are subjects of ``f``'s predicate in its claim's parse."""
    p = parse(f.claim.text)
    return [t.lemma.lower() for t in p.tokens if t.dep in ("nsubj", "nsubjpass") and t.pos == "NOUN"
            and t.head != t.i and p.tokens[t.head].lemma.lower() == f.slots.predicate]
