"""Figures reported together: the several figures of one item in one sentence, and what they say
about which item each side reports.

A sentence often gives one item with several of its figures at once: an offer "of nine years and
$150 million", "a nine-year, $150 million contract", a season's line "hit .291 with 18 home runs
and 64 RBIs", a haul "nine rifles, 14 magazines and 500 rounds". Such a **bundle** identifies its
item: when two claims each report a bundle, some figures of the two measure the same thing (years
and years, magazines and magazines) and every figure of one differs from every figure of the other,
the two describe two items (two offers, two seasons, two seizures), not one item reported two ways.
Where one co-reported figure agrees ("40 magazines" on both sides, "nine years" at two sums; the
same values swapped between two nouns, "four men and two women" / "two men and four women"), the
two are one item and the difference is a real disagreement.

What makes a bundle is read from the parse (`bundle`), not from words: figures whose nouns are one
noun phrase or members of one coordination ("40 magazines and 600 rounds", "nine years and $150
million"; also the split coordination the parser makes two subjects or objects of one verb), figures
attached to one noun, adjective or preposition ("a nine-year, $150 million offer", "a proposal
worth $95 million over six years"), a copula's subject and what it says of it ("the four-year offers
were in the $60 million range"), and a figure of a verb with the figures of its with-phrase
(".291 with 18 home runs"; "three years, with nine months to serve"). Figures of different predicates
are no bundle ("ten were killed and 50 injured": two measures of one event, each its own
disagreement), nor are ages (the ages of a list of people are attributes of several people),
dates, a figure restated in another unit, or one measure given twice ("12 dollars for adults and 6
dollars for children": a table over several items, `_one_measure`).

Used by `compare.apart` for found pairs ("different items")."""

from __future__ import annotations

from ..parsing import Parse, Token, parse
from .. import wordnet
from .frames import Frame, disjoint, frames, same_kind

#: The dependency labels that join a noun phrase to the one before it in a list.
_LIST = ("conj", "appos")
#: The argument roles a parser gives each member of a list it splits ("Six rifles, 12 magazines and
#: 300 rounds were seized": two passive subjects of one verb).
_ARGUMENTS = ("nsubj", "nsubjpass", "dobj", "attr", "pobj")
#: The roles of a copula's subject.
_SUBJECTS = ("nsubj", "nsubjpass", "expl")
#: The parts of speech of a word whose dependents are attributes of one item: a noun ("offer"), an
#: adjective ("worth"), a number or a preposition that heads the phrase.
_ITEM_HEADS = ("NOUN", "PROPN", "ADJ", "NUM", "ADP", "SYM")
#: The dependency labels that attach a number to the noun it counts or modifies.
_MODIFIES = ("nummod", "quantmod", "amod", "compound", "nmod", "det", "npadvmod")

#: The bundles of a claim's figures, by claim, with the frames they were read from (read again when
#: `frames` reads the claim again).
_BUNDLES: dict[tuple[str, str, int], tuple[tuple[Frame, ...], dict[int, tuple[Frame, ...]]]] = {}


def bundle(f: Frame) -> tuple[Frame, ...]:
    """The other figures of ``f``'s claim reported together with it as figures of one item (see the
    module docstring); () when there are none."""
    c = f.claim
    key, fs = (c.id, c.text, c.start), frames(c)
    found = _BUNDLES.get(key)
    if found is None or found[0] is not fs:
        if len(_BUNDLES) > 50_000:
            _BUNDLES.clear()
        found = _BUNDLES[key] = (fs, _read(fs))
    return found[1].get(f.q.start, ())


def _read(fs: tuple[Frame, ...]) -> dict[int, tuple[Frame, ...]]:
    usable = [f for f in fs if _member(f)]
    if len(usable) < 2:
        return {}
    p = parse(usable[0].claim.text)
    places = {f.q.start: _place(p, f) for f in usable}
    out: dict[int, tuple[Frame, ...]] = {}
    for f in usable:
        mates = tuple(g for g in usable if g is not f and _together(places[f.q.start], places[g.q.start])
                      and _one_predicate(f, g) and not _restated(f, g) and not _one_measure(f, g))
        if mates:
            out[f.q.start] = mates
    return out


def _member(f: Frame) -> bool:
    """A figure that can describe an item: not an age (an attribute of a person) nor a date."""
    return not f.is_age and f.q.dimension != "date"


def _restated(f: Frame, g: Frame) -> bool:
    """``g`` states ``f``'s own figure again, in another unit or rounding ("60 metres (200
    feet)"): one figure, not a second one of the item."""
    return same_kind(f, g) and not disjoint(f, g)


def _one_measure(f: Frame, g: Frame) -> bool:
    """``f`` and ``g`` are one measure given twice (one kind, one counted noun or none, both or
    neither a part of a group): a breakdown over several items ("4 euros for a car and 9 euros for a
    lorry": two fares of one table), not two figures of one item. A part and its whole ("landed 78
    of 190 punches") and counts of different nouns ("11 rifles, 40 magazines") are one item's."""
    return same_kind(f, g) and f.slots.head == g.slots.head \
        and ("partitive" in f.slots.qualifiers) == ("partitive" in g.slots.qualifiers)


def _one_predicate(f: Frame, g: Frame) -> bool:
    """Not two predicates: "ten were killed and 50 injured" are two measures of one event."""
    pf, pg = f.slots.predicate, g.slots.predicate
    return not (pf and pg and pf != pg)


def _place(p: Parse, f: Frame) -> tuple | None:
    """Where ``f``'s figure stands in the parse: (root of its list, the word the list hangs from, the
    role it hangs by, that word's part of speech, the figure's own tokens); None when the parse has
    no token for it."""
    span = p.tokens_in(f.q.start, f.q.end)
    if not span:
        return None
    inside = {t.i for t in span}
    node = p.head_of(span)
    head = p.tokens[node.head]
    own = set(inside)
    if node.dep in _MODIFIES and head.pos in ("NOUN", "PROPN") and head.i not in inside:
        node = head  # "11 rifles", "a nine-year offer": the noun the number counts or modifies
        own.add(node.i)
    while node.dep in _LIST and node.head != node.i and p.tokens[node.head].pos in ("NOUN", "PROPN", "NUM"):
        node = p.tokens[node.head]  # "11 rifles, 40 magazines and 600 rounds": the list's first member
        own.add(node.i)
    return (node.i, *_attachment(p, node), frozenset(own))


def _attachment(p: Parse, node: Token) -> tuple[int, str, str]:
    """The word a noun phrase hangs from, the role it hangs by (a preposition's object by that
    preposition: "over seven years" hangs from "worth" by "over") and that word's part of speech
    ("be" for a copula, whose subject and complement describe one thing).
    An adjective that modifies a noun passes its figures on to the noun ("a nine-year deal worth
    $170 million": both are the deal's)."""
    if node.head == node.i:
        return node.i, "ROOT", node.pos
    head, role = p.tokens[node.head], node.dep
    if node.dep == "pobj" and head.pos == "ADP" and head.head != head.i:
        head, role = p.tokens[head.head], "prep:" + head.low
    if head.pos == "ADJ" and head.dep == "amod" and p.tokens[head.head].pos in ("NOUN", "PROPN"):
        head = p.tokens[head.head]  # "a deal worth $170 million": the figure is the deal's
    return head.i, role, "be" if head.lemma == "be" else head.pos


def _together(x: tuple | None, y: tuple | None) -> bool:
    """Two figures placed at ``x`` and ``y`` (`_place`) are reported together: one noun phrase or
    list, attributes of one item word, a copula's subject and what it says of it, one role of one
    verb (a list the parser split) or a verb's figure and its with-phrase's. Different roles of
    another verb are not ("a quake injured three people": the event and its victims)."""
    if x is None or y is None:
        return False
    (root_x, at_x, role_x, pos_x, own_x), (root_y, at_y, role_y, _, own_y) = x, y
    if root_x == root_y or at_x in own_y or at_y in own_x:
        return True  # one phrase or list; or one figure's phrase hangs from the other's ("$95 million over six years")
    if at_x != at_y:
        return False
    if pos_x in _ITEM_HEADS:
        return True
    if pos_x == "be":  # "the four-year offers were in the $60 million range": the subject is what the rest says
        return role_x in _SUBJECTS or role_y in _SUBJECTS or role_x == role_y
    if pos_x in ("VERB", "AUX"):
        if role_x == role_y and role_x in _ARGUMENTS:
            return True
        return "prep:with" in (role_x, role_y)
    return False


def _same_measure(x: Frame, y: Frame) -> bool:
    """Two figures of two bundles that measure the same thing: one kind, and for counts one counted
    noun (one lemma or one meaning, `wordnet.relation`: "RBIs" / "RBI", "vessels" / "ships"). A
    count without a noun matches nothing."""
    if not same_kind(x, y):
        return False
    if x.q.dimension not in (None, "count"):
        return True
    hx, hy = x.slots.head, y.slots.head
    return bool(hx and hy) and wordnet.relation(hx, hy, "n") == wordnet.SAME


def bundles_differ(fa: Frame, fb: Frame) -> bool:
    """Both figures are reported in bundles (`bundle`), some figures of the two bundles (the two
    compared figures included) measure the same thing (`_same_measure`), and no figure of one bundle
    agrees with a figure of the same kind of the other: the two sides give the figures of two items,
    and no figure of one is compared with a figure of the other (vetoing only the pairs of one
    measure would pair the home runs of one line with the runs batted in of the other). One
    agreeing figure, whatever it measures, makes them one item told two ways."""
    ma, mb = bundle(fa), bundle(fb)
    if not ma or not mb or not disjoint(fa, fb, found=True):
        return False
    every_a, every_b = (fa, *ma), (fb, *mb)
    if not any(_same_measure(x, y) for x in every_a for y in every_b):
        return False
    return not any(same_kind(x, y) and not disjoint(x, y, found=True) for x in every_a for y in every_b)
