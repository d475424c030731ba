"""Whose figure, where the clause's own subject does not say it: the maker of an offer named in an
earlier sentence, the standard a comparison measures against, and the whole a named doer did a part
of.

Several makers' offers to one receiver (clubs bidding for one free agent, firms for one contract)
give one story many figures of one kind, each some maker's. `compare.apart` already reads the maker
where the figure's clause names it (a named subject, `slots.Slots.actor`, a pronoun's name). Four
more readings, each from the parse:

- **the receiver** (`receiver`): the named receiver of the item an amount or length belongs to
  ("a four-year contract for Milo Strand", "offered Vance a deal", "the $150 million that Abel
  Quint received from the Ospreys"); two receivers that differ are two items.

- **the maker named before** (`maker_before`): a figure of an offer, a deal or a bid whose clause
  names no one ("the deal is thought to be a proposal of nine years") is the offer the article's
  previous sentences told a maker of ("the Gulls have made an offer to Vance"): the nearest of at most
  `BACK` earlier sentences that names the maker of a noun the figure belongs to (its counted noun,
  the noun it is an of-phrase of, its clause's subject) as the subject of the verb that has the noun
  as its object, or as the noun's possessive or proper compound. Two such makers that differ are
  two offers.
- **a comparison's standard** (`standard`): a figure after "than" that the frame did not read as a
  bound ("surely one proposal around beats that: better than nine years and $200 million", "less than the $190
  million a radio host reported") is what the clause's thing is measured against, another item's
  figure, not the thing's own: no rival for another report's figure.
- **the whole of a named doer's part** (`whole_of_part`): "Kowal scored 9 of the side's opening 15
  points": the 15 are the group's (a possessive says whose), of which Kowal did 9; they are no
  rival for a figure of Kowal's own ("Kowal scored 23 points"). Only against a figure said of that
  same doer and no whole itself: another report of the group's whole still compares.

Found pairs only (`compare.apart`)."""

from __future__ import annotations

import re

from ..parsing import Parse, Token, parse
from .frames import Frame, frames
from .names import named_who, names_differ

#: How many earlier sentences of its article a figure's maker is looked for in (`maker_before`).
BACK = 2
#: The dependency labels of a verb's subject.
_SUBJECTS = ("nsubj", "nsubjpass")


def apart(fa: Frame, fb: Frame, ctx) -> str:
    """Why ``fa`` and ``fb`` are not rivals by whose figures they are (see the module); '' when no
    reading here says so. `names.named_who` reads the name a figure's own clause says it is about,
    `names.names_differ` tells two names apart."""
    if standard(fa) or standard(fb):
        return "a comparison's standard"
    for whole, other in ((fa, fb), (fb, fa)):
        doer = whole_of_part(whole)
        if doer and (theirs := named_who(other.slots)) and not names_differ(doer, theirs) \
                and not whole_of_part(other):
            return "a part of the whole"
    ra, rb = receiver(fa), receiver(fb)
    if ra and rb and names_differ(ra, rb):
        return "different receivers"
    if ctx is None:
        return ""
    ma, mb = _maker(fa, ctx), _maker(fb, ctx)
    if ma and mb and names_differ(ma, mb):
        return "different holders"
    return ""


#: How a figure's phrase hangs from the noun it belongs to ("a five-year contract", "$90 million
#: (over six years)").
_PHRASE = ("nummod", "compound", "nmod", "amod", "quantmod", "appos", "npadvmod")


def receiver(f: Frame) -> str:
    """The named receiver of the item an amount or length belongs to, read from the parse: the
    name in the for- or to-phrase of that noun when it takes no article ("a four-season contract for
    Milo Strand", "an offer to Vance"; "for the Herons" is whom one plays for), the named indirect
    object of the verb whose object the noun is ("offered Vance a deal"), or the named subject of a
    relative clause on the noun that says where it came from ("the $150 million that Abel Quint
    received from the Ospreys"). '' when none is read; counts are left out."""
    if f.q.dimension in (None, "count"):
        return ""
    p = parse(f.claim.text)
    t = p.head_in(f.q.start, f.q.end)
    nouns = []
    while t is not None and len(nouns) < 3:
        if t.pos in ("NOUN", "NUM"):
            nouns.append(t)
        if t.dep not in _PHRASE or t.head == t.i:
            break
        t = p.tokens[t.head]
    for n in nouns:
        for k in p.children(n.i):
            if k.dep == "prep" and k.low in ("for", "to"):
                obj = p.child(k.i, "pobj")
                if obj is not None and obj.pos == "PROPN" and not any(x.dep == "det" for x in p.children(obj.i)):
                    return _name(p, obj)
            if k.dep == "relcl" and any(x.dep == "prep" and x.low == "from" for x in p.children(k.i)):
                subj = next((x for x in p.children(k.i) if x.dep in _SUBJECTS), None)
                if subj is not None and subj.pos == "PROPN":
                    return _name(p, subj)
        if n.dep == "dobj" and n.head != n.i:
            dative = next((x for x in p.children(n.head) if x.dep == "dative" and x.pos == "PROPN"), None)
            if dative is not None:
                return _name(p, dative)
    return ""


def _maker(f: Frame, ctx) -> str:
    s = f.slots
    return named_who(s) or ("" if s.pronoun or s.clause_name else maker_before(f, ctx))


def standard(f: Frame) -> bool:
    """``f``'s figure (or the first of the list it ends) is the object of "than" and the frame read
    no bound from it: the standard a comparison measures against ("better than nine years and $200
    million", "less than the $190 million reported")."""
    if f.low == float("-inf") or f.high == float("inf"):
        return False
    p = parse(f.claim.text)
    t = p.head_in(f.q.start, f.q.end)
    while t is not None and t.dep == "conj" and t.head != t.i:
        t = p.tokens[t.head]
    return t is not None and t.dep == "pobj" and p.tokens[t.head].low == "than"


#: What stands between a part and its whole's figure: "of" and at most five words ("9 of the side's
#: opening 15 points").
_OF = re.compile(r"\s+of\s+(?:[\w’'-]+\s+){0,5}")
#: A possessive clitic: the whole is a named group's ("the side's opening 15 points"), not the doer's own
#: ("41 of her 198 shots", "41 of 198 shots thrown": she threw them all).
_POSSESSIVE = re.compile(r"\w\s*['’]\s*s\b|\ws['’](?!\w)")


def whole_of_part(f: Frame) -> str:
    """The named doer of a part of ``f``'s figure: another figure of ``f``'s claim, smaller, of the
    same predicate, counts a part of a group ("9 of ...", `slots.Slots.qualifiers` "partitive"),
    ``f``'s figure stands in that part's of-phrase with a possessive ("9 of the side's opening 15
    points": a group's whole, not the doer's own as in "landed 41 of her 198 shots"), and the
    part's clause names its doer ("Kowal"); '' otherwise."""
    for g in frames(f.claim):
        if g is f or "partitive" not in g.slots.qualifiers or not g.slots.subject_named or g.q.end > f.q.start:
            continue
        if g.slots.predicate != f.slots.predicate or g.q.value is None or f.q.value is None or g.q.value >= f.q.value:
            continue
        between = f.claim.text[g.q.end:f.q.start]
        if _OF.fullmatch(between) and _POSSESSIVE.search(between):
            return g.slots.subject
    return ""


def _own_nouns(p: Parse, t: Token) -> set[str]:
    """The nouns the figure at ``t`` (the head of its span) measures or belongs to: the noun it
    modifies ("a nine-year deal"), the noun its of-phrase hangs from ("a proposal of nine years"),
    the subject of its copula and of the verb above it ("the deal is thought to be ...")."""
    out: set[str] = set()
    cur = t
    for _ in range(6):
        if cur.head == cur.i:
            break
        nxt = p.tokens[cur.head]
        if nxt.pos == "NOUN":
            out.add(nxt.lemma)
        if nxt.pos in ("VERB", "AUX"):
            for k in p.children(nxt.i):
                if k.dep in _SUBJECTS and k.pos == "NOUN":
                    out.add(k.lemma)
            if nxt.lemma != "be":
                break
        cur = nxt
    return out


def maker_before(f: Frame, ctx) -> str:
    """The maker of the noun ``f``'s figure belongs to (`_own_nouns`), as the nearest of at most
    `BACK` earlier sentences of its article names it: the named subject of a verb whose object is
    that noun ("the Gulls have made an offer"), or the noun's possessive or proper compound ("the
    Gulls' offer"). '' when none is found, or when one sentence names two makers of it. Amounts and
    lengths only: a count's noun is what is counted, not an item someone makes."""
    if f.q.dimension in (None, "count"):
        return ""  # a count's noun is what is counted, not an item someone makes
    p = parse(f.claim.text)
    t = p.head_in(f.q.start, f.q.end)
    if t is None:
        return ""
    nouns = _own_nouns(p, t)
    if not nouns:
        return ""
    for claim in ctx.before(f.claim, BACK):
        names = _makers_in(parse(claim.text), nouns)
        if len(names) == 1:
            return names.pop()
        if names:
            return ""
    return ""


def _makers_in(p: Parse, nouns: set[str]) -> set[str]:
    out: set[str] = set()
    for t in p.tokens:
        if t.pos != "NOUN" or t.lemma not in nouns:
            continue
        own = [k for k in p.children(t.i) if k.dep in ("poss", "compound") and k.pos == "PROPN" and k.i < t.i]
        if own:
            out.add(_name(p, own[-1]))
            continue
        if t.dep == "dobj":
            verb = p.tokens[t.head]
            subj = next((k for k in p.children(verb.i) if k.dep in _SUBJECTS), None)
            if subj is not None and subj.pos == "PROPN":
                out.add(_name(p, subj))
    return out


def _name(p: Parse, t: Token) -> str:
    return " ".join(x.text for x in p.subtree(t.i) if x.pos == "PROPN")
