"""What a count counts, read from its roles in the clause rather than from its measure noun alone.

Two counts of one measure noun, or of one person, may still count different things; the parse
shows it through the clause the number stands in (slots read by `frequency`, `doer` and
`inquiry`, kept in `slots.Slots`; compared by `apart`, called from `compare.apart`):

- a **frequency** ("was detained four times", "was struck eleven times") counts occurrences of its
  predicate's event, not its noun: the measure slot is the person the events happened to, so two
  frequencies of different predicates look comparable while they count two events (detentions,
  shots). Only here is the predicate what is counted; two predicates of other counts are not told
  apart by meaning (relating them by WordNet or embedding similarity in general lost confirmed
  news findings). Two frequencies of one predicate stay rivals ("shot seven times" / "shot eleven
  times"), and so do two predicates WordNet reads as one meaning (`wordnet.relation`).
- an **epithet** ("a former two-time champion", "a four-time All-Star") is a frequency too: the
  number counts the occasions its holder was the noun the "N-time" compound modifies, a tally of a
  career told of the person. Two tallies of different nouns count different titles, and a tally
  against a count of another noun ("over six rounds") is no rival figure (on the news tune half
  both kinds were paired, each dismissed); two tallies of one title stay rivals, and so does a
  count of the epithet's own noun.
- the **doer** of an act: the counted noun of one side is the subject of the same predicate on the
  other ("raiders seized 14 sailors" / "the coastguard seized 19 raiders"): those who seized are
  not those seized. The other side's counted noun must be what the act was done to
  (`slots.Slots.undergone`), and the two counted nouns must differ.
- an **inquiry** that found the figure, with its named maker ("a poll published by the Morva paper
  said 71 percent", "a poll for the Tarlan paper found 58 percent", "according to a survey by the
  Tarlan Institute"): two inquiries made by different names sampled different people; their
  shares (percentages, both sides) are two findings, not rival reports of one; a count two
  investigations found is still one figure of the event. An inquiry is a noun whose first sense
  WordNet files below "inquiry" (a search for knowledge: poll, research, investigation) or below
  "investigation" as an act (study, survey); a report, a statement or an estimate is not one: two
  agencies' tolls of one event stay rivals, and a side without a named maker is no evidence.
"""

from __future__ import annotations

from collections.abc import Callable

from ..parsing import Parse, Token
from .. import wordnet

#: The reasons `apart` gives.
OTHER_EVENTS = "counts of different events"
OTHER_ROLES = "different roles"
OTHER_INQUIRIES = "findings of different inquiries"

#: How many hypernym steps below an inquiry kind a noun's first sense may lie ("poll": one step
#: below "inquiry"; "survey", "study": one below "examination", two below "investigation").
_INQUIRY_STEPS = 2


def frequency(p: Parse, anchor: Token, verb: Token | None) -> str:
    """The lemma of the predicate whose occurrences the number counts: "times" (or "time") as a bare
    noun-phrase adverbial of the verb, with nothing of its own but the number ("was shot eleven
    times", "had been arrested four times"), or the noun an "N-time" modifier stands before (an
    epithet, `epithet`: "a four-time winner"); '' otherwise. Not a multiplier: "three times the
    average" has a noun of its own, "three times faster" hangs from the comparative. A noun of
    time hung from "times" (`_time_of`: "29 times that evening") is the acts' time, and a "times"
    parsed as the verb's object with the real object folded in as its compound ("rang his
    partner 74 times") is still a frequency."""
    if said := epithet(p, anchor):
        return said
    if verb is None or verb.pos != "VERB" or anchor.lemma != "time" or anchor.head != verb.i \
            or anchor.dep not in ("npadvmod", "dobj"):
        return ""
    kids = p.children(anchor.i)
    if anchor.dep == "dobj":  # only the verb's object folded into "times" ("rang his partner 74 times")
        number = next((k.i for k in kids if k.dep == "nummod"), None)
        folded = [k for k in kids if k.dep in ("compound", "poss")]
        if number is None or not any(k.dep == "compound" and k.pos in ("NOUN", "PROPN") for k in folded) \
                or any(k.i > number for k in folded):
            return ""
        kids = [k for k in kids if k not in folded]
    if any(k.dep not in ("nummod", "quantmod", "advmod", "amod") and not _time_of(k) for k in kids):
        return ""
    return verb.lemma


def _time_of(k: Token) -> bool:
    """``k`` is a noun of time the parser hung from "times" rather than from the verb ("rang him 29
    times that evening": "evening" a noun-phrase adverbial of "times"): it times the acts counted,
    it is no noun of a multiplier's own (WordNet's noun.time file in its first sense)."""
    return k.dep == "npadvmod" and k.pos == "NOUN" and wordnet.NOUN_TIME in wordnet.lexicographer_files(k.lemma, "n")


def epithet(p: Parse, anchor: Token) -> str:
    """The lemma of the noun an "N-time" compound modifies ("a former two-time champion", "a 6-time
    All-Star"): the number counts the occasions its holder was that noun over a career, a tally
    told of the person, not a figure of the story's event. '' otherwise. The number is the anchor
    with "time" as its head, or "time" is the anchor itself; "time" must stand before its noun as
    a compound or adjectival modifier ("it was the fourth time" and "three times the cost" are
    not epithets)."""
    unit = p.tokens[anchor.head] if anchor.dep == "nummod" and anchor.head != anchor.i else anchor
    if unit.lemma != "time" or unit.dep not in ("compound", "amod", "nmod") or unit.head == unit.i:
        return ""
    if not any(k.dep == "nummod" and k.pos == "NUM" for k in p.children(unit.i)):
        return ""
    noun = p.tokens[unit.head]
    return noun.lemma.lower() if noun.i > unit.i and noun.pos in ("NOUN", "PROPN") else ""


def doer(subject: Token | None, noun: Token | None) -> str:
    """The lemma of the noun that did the predicate's act, when the counted noun is not it: the
    predicate's active subject ("raiders" of "raiders seized 14 sailors"); '' for a pronoun, a
    name, a passive subject, or no subject. (A passive subject is no doer: where a toll's second
    number hangs from its participle, the first count's people its passive subject, read as a
    doer it set a count of the dead apart from another on the news tune half.)"""
    if subject is None or noun is None or subject.i == noun.i or subject.pos != "NOUN" or subject.dep != "nsubj":
        return ""
    return subject.lemma.lower()


def _is_inquiry(t: Token) -> bool:
    if t.pos != "NOUN":
        return False
    kinds = frozenset(wordnet.synsets("inquiry", "n")[:1] + wordnet.synsets("investigation", "n")[1:2])
    return wordnet.below(t.lemma, kinds, senses=1, steps=_INQUIRY_STEPS)


def inquiry(p: Parse, anchor: Token) -> str:
    """The named maker of the inquiry that found the figure, as written: the inquiry is the subject of
    a verb the number's clause hangs from ("a poll ... said [71 percent were unhappy]", "a poll
    shows Vance at 17 percent") or the object of an according-to phrase of it; its maker the proper
    words of its compound or possessor ("a Morva poll", "Morva's poll"), of the agent of its
    participle ("published by the Morva paper") or of its by-, for- or from-phrase ("for the
    Tarlan paper", "by the Tarlan Institute"). '' when no inquiry, or no name, is found."""
    for v in p.ancestors(anchor.i):
        if v.pos not in ("VERB", "AUX"):
            continue
        for k in p.children(v.i):
            found = k if k.dep in ("nsubj", "nsubjpass") else None
            if k.dep == "prep" and k.low == "according":
                to = next((x for x in p.children(k.i) if x.dep == "prep" and x.low == "to"), None)
                found = p.child(to.i, "pobj") if to is not None else None
            if found is not None and found.i != anchor.i and _is_inquiry(found):
                return _maker(p, found)
    return ""


def _maker(p: Parse, noun: Token) -> str:
    words: list[Token] = []
    for k in p.children(noun.i):
        if k.dep in ("compound", "poss") and k.i < noun.i:
            words += [x for x in p.subtree(k.i) if x.pos == "PROPN"]
        heads = [k] if k.dep == "prep" and k.low in ("by", "for", "from") else [
            x for x in p.children(k.i) if x.dep == "agent"] if k.dep == "acl" and k.tag == "VBN" else []
        for h in heads:
            for obj in p.children(h.i):
                if obj.dep == "pobj":
                    words += [x for x in p.subtree(obj.i) if x.pos == "PROPN"]
    return " ".join(x.text for x in sorted({x.i: x for x in words}.values(), key=lambda x: x.i))


def apart(fa, fb, names_differ: Callable[[str, str], bool]) -> str:
    """Why the figures of frames ``fa`` and ``fb`` (`frames.Frame`, read through their
    `slots.Slots`) count different things: frequencies of different predicates, or an epithet's
    tally against a count of another noun (`OTHER_EVENTS`),
    one side's counted noun the other's doer of one act (`OTHER_ROLES`), shares found by
    inquiries of different named makers (`OTHER_INQUIRIES`, ``names_differ`` tells the makers
    apart); '' when none."""
    sa, sb = fa.slots, fb.slots
    if sa.frequency and sb.frequency and sa.frequency != sb.frequency \
            and wordnet.relation(sa.frequency, sb.frequency, "v") != wordnet.SAME:
        return OTHER_EVENTS
    if _tally_against_other(sa, sb) or _tally_against_other(sb, sa):
        return OTHER_EVENTS
    if _did_to_other(sa, sb) or _did_to_other(sb, sa):
        return OTHER_ROLES
    if sa.inquiry and sb.inquiry and fa.q.dimension == fb.q.dimension == "percent" \
            and names_differ(sa.inquiry, sb.inquiry):
        return OTHER_INQUIRIES
    return ""


def _tally_against_other(sa, sb) -> bool:
    """``sa`` is an epithet's tally (`epithet`: its frequency is the noun it names, "a two-time
    champion") and ``sb`` no frequency that counts another noun ("over six rounds"): a career's
    occasions against a figure of the event. A count of the epithet's own noun still compares."""
    return bool(sa.frequency) and sa.frequency == sa.item and not sb.frequency \
        and bool(sb.head) and sb.head != sa.frequency


def _did_to_other(sa, sb) -> bool:
    """``sa``'s predicate was done by the kind of thing ``sb`` counts, and done to what ``sb`` counts:
    "raiders seized 14 sailors" against "seized 19 raiders"."""
    return bool(sa.doer and sb.undergone and sa.head and sb.head) and sa.doer == sb.head \
        and sa.head != sb.head and sb.undergone in sa.predicate.split()
