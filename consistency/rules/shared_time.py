"""The other events a date's sentence places at the date's time: read from the parse.

A date hangs from one verb group (`slots.Slots.event`: "ended in 2021"), but its sentence may say
what happened then in more than one verb: the verb that verb completes or is completed by
("stopped running for good in 2016", "began using the bridge on 19 June"), and a clause of "when"
that shares its time ("ended in 2021 when it closed permanently", "ended in 2021, when it closed";
"when it closed in 2021, production ended"). Two dates whose own events differ by meaning ("shut" / "ended") are still dates
of one event when one of these events is like one of the other side's ("shut" / "closed"):
`compare.apart`, "different events". A clause of another time ("since the dam opened", "after it
was built") is no such event: only "when" says the two happened together.
"""

from __future__ import annotations

from collections.abc import Callable

from .. import wordnet
from .frames import Frame
from .utterances import date_verb


def events(f: Frame) -> tuple[str, ...]:
    """The verb groups ``f``'s date times besides its own (see the module doc), as written ("was
    withdrawn", "stopped"); empty when there are none, or ``f`` is no date."""
    if f.q.dimension != "date":
        return ()
    p, verb, span, inside = date_verb(f)
    if verb is None:
        return ()
    # "in 2014, when the site closed": the parse may hang the clause from the date itself
    found = [k for t in span for k in p.children(t.i)
             if k.i not in inside and k.dep in ("relcl", "advcl", "acl") and _when(p, k)]
    if verb.dep == "xcomp" and verb.head != verb.i:
        found.append(p.tokens[verb.head])
    found += [k for k in p.children(verb.i) if k.dep == "xcomp" and k.pos == "VERB"]
    found += [k for k in p.children(verb.i) if k.dep == "advcl" and _when(p, k)]
    if verb.dep == "advcl" and verb.head != verb.i and _when(p, verb):
        found.append(p.tokens[verb.head])
    groups = [n.text for n in planned(p, verb, inside)]
    for v in found:
        if v.i in inside or v.lemma == "be" or v.pos not in ("VERB", "AUX"):
            continue
        keep = [v] + [k for k in p.children(v.i) if k.dep in ("aux", "auxpass", "neg", "prt")]
        groups.append(" ".join(t.text for t in sorted(keep, key=lambda t: t.i)))
    return tuple(groups)


def planned(p, verb, inside) -> list:
    """The event noun a passive date's verb says was planned, held or moved ("Sentencing of the
    bursar is set for 3 March", "the vote was postponed to Friday"): a noun before the verb that
    hangs from it as its subject (or, misparsed, as a clause or an adverb) and names an act or an
    event (`_happening`). The date is that event's; the verb
    says only what was done to its time."""
    if not any(k.dep == "auxpass" for k in p.children(verb.i)):
        return []
    return [k for k in p.children(verb.i) if k.i < verb.i and k.i not in inside and k.pos == "NOUN"
            and k.dep in ("nsubjpass", "advcl", "npadvmod")
            and _happening(k.text.lower(), k.lemma)]


def listed_for(p, verb, inside):
    """The event noun a participle describes when the participle sets the noun's time with "for"
    and the date ("R v Vell, trial fixed for 14/10/2025", "the hearing, listed for 3 March"): the
    date is that event's, and the participle says only that its time was set; None otherwise. A
    participle whose date is not after "for" ("the trial, held on 3 March") names the event's own
    happening, not a planning of it."""
    if verb is None or verb.dep not in ("acl", "relcl") or verb.tag != "VBN" or verb.head == verb.i:
        return None
    noun = p.tokens[verb.head]
    if noun.pos != "NOUN" or not _happening(noun.text.lower(), noun.lemma):
        return None
    for k in p.children(verb.i):
        if k.dep == "prep" and k.low == "for" and (obj := p.child(k.i, "pobj")) is not None and obj.i in inside:
            return noun
    return None


def planned_for(p, verb, inside):
    """The event noun a passive date's verb says was planned for ("the report is scheduled for
    release on 21 May", "the case was listed for trial on 3 March"): the object of its "for" that
    names an act or an event (`_happening`, or in one of its first three senses: "release" is first
    a thing released; or a noun WordNet derives from a verb: "debate"), None when there is none. The date is that event's, not
    the planning's nor that of the verb's subject: "the findings are scheduled for debate" dates a
    debate of the findings, another event than their publication."""
    if verb is None or not any(k.dep == "auxpass" for k in p.children(verb.i)):
        return None
    for k in p.children(verb.i):
        if k.dep == "prep" and k.low == "for" and k.i not in inside:
            obj = p.child(k.i, "pobj")
            if obj is not None and obj.i not in inside and obj.pos == "NOUN" and (
                    _happening(obj.text.lower(), obj.lemma)  # an act in a sense after its first: "release"
                    or wordnet.lexicographer_files(obj.lemma, "n", senses=3) & wordnet.ACTS_AND_EVENTS
                    or wordnet.verb_of(obj.lemma)):  # a noun of its verb's act ("debate")
                return obj
    return None


def _happening(word: str, lemma: str) -> bool:
    """A noun of an act or an event (WordNet, first sense), or a gerund WordNet knows only as its
    verb ("sentencing")."""
    files = wordnet.lexicographer_files(lemma, "n")
    return bool(files & wordnet.ACTS_AND_EVENTS) or (not files and word.endswith("ing") and bool(wordnet.synsets(word, "v")))


def opposed(fa: Frame, fb: Frame) -> bool:
    """The verbs the two dates hang from are opposites (WordNet antonyms: "began" / "ended",
    "opened" / "closed"; or one a kind of the other's antonym, `wordnet.opposite_kind`: "closed" /
    "reopened"): the start and the end of one thing are two events, however alike their words are
    by embedding ("began" / "ended" is above `compare.SAME_EVENT`)."""
    if fa.q.dimension != "date" or fb.q.dimension != "date":
        return False
    (pa, va, *_), (pb, vb, *_) = date_verb(fa), date_verb(fb)
    return va is not None and vb is not None and wordnet.opposite_kind(_phrasal(pa, va), _phrasal(pb, vb), "v")


def _phrasal(p, verb) -> str:
    """The verb's lemma with its particle when WordNet knows the two as one verb ("broke out": "break
    out", a kind of "begin"; "break" alone has a first sense under "end"), else the lemma alone."""
    both = p.with_particle(verb.i)
    return both if both != verb.lemma and wordnet.synsets(both, "v") else verb.lemma


def _when(p, clause) -> bool:
    """The clause is introduced by "when" (the parse hangs it as an adverb or a marker)."""
    return any(k.low == "when" and k.dep in ("advmod", "mark") and k.i < clause.i for k in p.children(clause.i))


def alike(fa: Frame, fb: Frame, similar: Callable[[str, str], float], threshold: float) -> bool:
    """Some event of ``fa``'s date is like (``similar`` at least ``threshold``) some event of
    ``fb``'s, counting the events `events` adds on either side; False when neither adds any."""
    extra_a, extra_b = events(fa), events(fb)
    if not extra_a and not extra_b:
        return False
    own_a = (fa.slots.event,) if fa.slots.event else ()
    own_b = (fb.slots.event,) if fb.slots.event else ()
    pairs = [(x, y) for x in own_a + extra_a for y in own_b + extra_b if x in extra_a or y in extra_b]
    return any(similar(x, y) >= threshold for x, y in pairs)
