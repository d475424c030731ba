"""What a length of time measures: a term set for its holder, how long the holder's own act or
state went on, and which event of which holder lasted that long.

A court's sentence is told as a term set on someone: "was sentenced to three years", "sentenced
the clerk to three years", "with all but eight months suspended", "served most of a nine-month
term". The time its holder then spent is told as the length of the holder's own act or state:
"served five months", "spent half a year behind bars", "went back to prison for two years", "was
the syndicate's boss for three decades". The two are two measures of one case (a term imposed is
seldom the time served, and no time a man ran a gang), never rival figures of one measure.

Read from the parse of the number's unit noun (`reading`, kept in `slots.Slots.term`):

- `SET`: the unit is the object of "to" of a verb that acts on someone, passive or with a direct
  object ("was sentenced *to* three years", "sentenced Brandt *to* three years": the goal the act
  gives its patient, not a time it took); or the passive subject of a verb, or the subject of a
  participle clause with no auxiliary ("with all but eight months *suspended*": the term is what
  was acted on); or the unit sizes a noun that is the object of "of" ("most *of* a nine-month
  term", "two years *of* a six-year sentence": the whole of which the clause takes a part).
- `OWN`: the unit is the direct object of an active verb of being in a state (WordNet's
  verb.stative, a copula too) with no other object ("*served* five months", "*spent* half a
  year"), or the object of "for" of a copula or of an active verb with no direct object that is
  no verb of communication or possession ("*went* back to prison for two years", "*was* the boss
  for three decades", "*had been* in a clinic for a month"): how long the subject's own act
  or state went on. "Offered seven years" (verb.possession) and "signed with the Rams for three
  years" (verb.communication) tell the length of what is offered or agreed: no `OWN`.
- `SO_FAR`: an `OWN` length whose verb is in the present perfect ("have now been on strike for
  nine days", "has served five months"), or a tenure told by the year it began ("has been shut
  since 2023", `periods.tenures`): how long the state has gone on up to the report.
- `WHOLE`: the length sizes a noun that names an act or event (WordNet's noun.act, noun.event: "a
  four-week strike", "a 48-hour walkout"): the whole length of that act, as called or planned.
- '' otherwise: a passive verb's for-phrase ("was jailed for six years", "was hospitalised for a
  month": what was done to the subject, whose length may be a term as well as a stay), an active
  verb with an object of its own ("the judge jailed him for six years"), a length that sizes a
  noun ("a nine-year term", "five hours of battery life"). These compare with both.

Which event lasted (`length_of`, kept in `slots.Slots.length_of`): an act or event noun that is
the subject of an active verb with no object of its own ("court fights dragged on for five
years": the fights lasted), or what a passive verb did to a person ("he was locked up for eight
years"). Two such lengths are of different events unless the noun names the verb's act (WordNet's
derivation: "the detention lasted ten days" / "he was detained for 12 days" still compare).

Compared (`apart`, called from `compare.apart` for found pairs of lengths of time): `SET` against
`OWN` or `SO_FAR`, a length `SO_FAR` within a `WHOLE` one ("nine days" on strike so far / "a
four-week strike": a part of the whole, while five weeks so far against it still conflict) or
within what a passive verb did to a person ("has been behind bars since 2021" / "was jailed for
nine years", a term as often as a stay), and an
event noun's length against what was done to a person, are no rival figures.
Everything else keeps comparing: two terms set ("sentenced to four years" / "was sentenced to
five years"), two times served told in other words ("served four months" / "spent half a year
behind bars"), a passive's length against either ("was jailed for six years" / "was sentenced to
eight years"), one quake's shaking told by two verbs.
"""

from __future__ import annotations

from ..parsing import Parse, Token
from .. import wordnet

#: A length of time set for its holder (the module docstring).
SET = "set"
#: How long the holder's own act or state went on (the module docstring).
OWN = "own"
#: How long the holder's own act or state has gone on so far: `OWN` told in the present perfect
#: ("have now been on strike for nine days"): a length up to the report, of something still going on.
SO_FAR = "so far"
#: The whole length of an act or event a noun names, the length sizing that noun ("a four-week
#: strike", "a 48-hour walkout"): what was called or planned, told before it is over as often as after.
WHOLE = "whole"

_OBJECTS = ("dobj", "dative")

#: WordNet's lexicographer file of verbs of being or staying in a state (verb.stative: "serve",
#: "spend", "last", "wait", "live"): a length that is such a verb's direct object is how long its
#: subject's state went on. A length that is another verb's object is something else ("offered
#: seven years": a term the offer holds, not how long the offering took).
_STATIVE = wordnet.VERB_STATIVE

#: WordNet's lexicographer files of verbs of communication and of possession (verb.communication,
#: verb.possession: "sign", "agree", "offer", "bid"): their for-phrase is the length of what they
#: agree or transfer ("signed with the Rams for three years"), a term, not how long the act took.
_TERM_MAKERS = frozenset({wordnet.VERB_COMMUNICATION, wordnet.VERB_POSSESSION})

#: WordNet's lexicographer files of nouns naming an act or an event (noun.act, noun.event): a
#: subject that is the event a length lasts ("fights", "blockade", "quake").
_EVENTS = wordnet.ACTS_AND_EVENTS

#: Personal pronouns of a person (the grammar's closed class): a passive subject of a person.
#: Without it no pronoun is read as a person, and the tune half keeps the one dismissed finding
#: this reading removes (years of legal battles against "he was jailed for 12 years").
_PERSONS = frozenset({"he", "she", "him", "her", "i", "we", "you"})


def read(p: Parse, anchor: Token, inside: set[int]) -> dict:
    """The slots of a length of time (`slots.Slots.term`, `slots.Slots.length_of`) whose tokens are
    ``inside`` and whose phrase hangs by ``anchor``, read from its unit noun (`_unit`)."""
    if anchor.low == "since" and anchor.i in inside:
        # a tenure told by the year it began ("has been shut since 2023": `periods.tenures`, read
        # only in the present perfect): how long the state has gone on so far
        return {"term": SO_FAR, "length_of": ""}
    unit = _unit(p, anchor, inside)
    if unit is None or unit.head == unit.i:
        return {"term": "", "length_of": ""}
    return {"term": reading(p, unit, inside), "length_of": length_of(p, unit, inside)}


def reading(p: Parse, unit: Token, inside: set[int]) -> str:
    """`SET`, `OWN` or '' for the length of time of unit noun ``unit`` (not the root) whose tokens
    are ``inside`` (see the module docstring)."""
    head = p.tokens[unit.head]
    if unit.dep in ("amod", "compound", "nmod") and head.i not in inside and head.pos == "NOUN":
        # "a nine-month term": the length sizes the noun; the whole of a part when that noun is
        # the object of "of" ("most of a nine-month term")
        if head.dep == "pobj" and p.tokens[head.head].low == "of" and head.head != head.i:
            return SET
        # "a four-week strike": the whole length of the act the noun names
        return WHOLE if _act_noun(head) else ""
    if unit.dep == "pobj":
        verb = p.tokens[head.head] if head.head != head.i else None
        if verb is None or verb.pos not in ("VERB", "AUX"):
            return ""
        if head.low == "to" and verb.pos == "VERB" and (_passive(p, verb) or _has_object(p, verb, inside)):
            return SET  # "was sentenced to three years", "sentenced Brandt to three years"
        if head.low == "for" and _own(p, verb, inside) and not _lexical(verb) & _TERM_MAKERS:
            # "went back to prison for two years", "was the boss for three decades"; "have now been
            # on strike for nine days": so far
            return SO_FAR if _present_perfect(p, verb) else OWN
        return ""
    if unit.dep == "nsubjpass" or unit.dep == "nsubj" and head.tag == "VBN" and head.dep in ("advcl", "acl") \
            and not any(k.dep in ("aux", "auxpass") for k in p.children(head.i)):
        return SET  # "eight months were suspended", "with all but eight months suspended"
    if unit.dep in ("dobj", "npadvmod") and head.pos in ("VERB", "AUX") and _own(p, head, inside | {unit.i}) \
            and _STATIVE in _lexical(head):
        # "served five months", "spent half a year behind bars"; "has served five months": so far
        return SO_FAR if _present_perfect(p, head) else OWN
    return ""


def length_of(p: Parse, unit: Token, inside: set[int]) -> str:
    """What the length lasts, where its clause names it: "event:<noun>" when the length hangs from
    a verb with no object of its own whose subject is an act or event noun, active or the noun a
    participle clause describes ("court fights dragged on for five years", "legal fights ensued
    for five years": the fights last), "done:<verb>" when it hangs from a passive verb whose
    subject is a person, or from a participle clause of a person ("he was locked up for eight
    years", "a man locked up for eight years": what was done to him lasts);
    '' otherwise (the verb is the event: "served five months"; a thing's length: "the quake was
    felt for 15 seconds"); ``unit`` as for `reading`."""
    verb = p.tokens[unit.head]
    if unit.dep == "pobj" and verb.low == "for" and verb.head != verb.i:
        verb = p.tokens[verb.head]
    elif unit.dep not in ("dobj", "npadvmod"):
        return ""
    if verb.pos != "VERB":
        return ""
    subject = next((k for k in p.children(verb.i) if k.dep in ("nsubj", "nsubjpass")), None)
    passive, clause = _passive(p, verb), False
    if subject is None and verb.dep == "acl" and verb.head != verb.i:
        # a participle clause of a noun: "a man jailed for eight years"; "legal fights ensued for
        # five years", where the parse reads the clause's verb as one (its tag VBN either way)
        subject, passive, clause = p.tokens[verb.head], verb.tag == "VBN", True
    if subject is None:
        return ""
    if passive and (subject.low in _PERSONS or subject.pos == "PROPN"
                    or subject.pos == "NOUN" and wordnet.is_person(subject.lemma)):
        return f"done:{verb.lemma.lower()}"
    if (clause or not passive) and subject.pos == "NOUN" and not _has_object(p, verb, inside | {unit.i}) \
            and wordnet.lexicographer_files(subject.lemma, "n") & _EVENTS and not wordnet.is_person(subject.lemma):
        return f"event:{subject.lemma.lower()}"
    return ""


def _lexical(verb: Token) -> frozenset[int]:
    """WordNet's lexicographer file of the verb's first sense (`wordnet.lexicographer_files`); a
    copula counts as a verb of being (`_STATIVE`)."""
    return frozenset({_STATIVE}) if verb.lemma == "be" else wordnet.lexicographer_files(verb.lemma, "v")


def _unit(p: Parse, anchor: Token, inside: set[int]) -> Token | None:
    """The unit noun of the length ("months" of "five months", "month" of "a nine-month term")."""
    if anchor.pos == "NOUN":
        return anchor
    if anchor.dep == "nummod" and anchor.head != anchor.i and p.tokens[anchor.head].pos == "NOUN":
        return p.tokens[anchor.head]
    return None


def _act_noun(noun: Token) -> bool:
    """The first WordNet sense of ``noun`` is an act or an event (noun.act, noun.event: "strike",
    "walkout", "closure"), not a person."""
    return bool(wordnet.lexicographer_files(noun.lemma, "n") & _EVENTS) and not wordnet.is_person(noun.lemma)


def _present_perfect(p: Parse, verb: Token) -> bool:
    """``verb`` carries the auxiliary *have* in the present ("has served", "have been"): a length
    up to the report."""
    return any(k.dep == "aux" and k.lemma == "have" and k.tag in ("VBZ", "VBP") for k in p.children(verb.i))


def _passive(p: Parse, verb: Token) -> bool:
    return any(k.dep in ("auxpass", "nsubjpass") for k in p.children(verb.i))


def _has_object(p: Parse, verb: Token, inside: set[int]) -> bool:
    return any(k.dep in _OBJECTS and k.i not in inside for k in p.children(verb.i))


def _own(p: Parse, verb: Token, inside: set[int]) -> bool:
    """``verb`` is active with no object but the length: what its subject did or was."""
    return not _passive(p, verb) and not _has_object(p, verb, inside)


def apart(fa, fb) -> str:
    """Why two lengths of time are no rival figures: a term set against the time its holder's own
    act or state took (`reading`), or the length of an event a noun names against the length of
    what was done to a person, when the noun does not name that act (`length_of`: "court fights
    dragged on for five years" / "he was locked up for eight years"; not "the detention lasted ten
    days" / "he was detained for 12 days", whose noun WordNet derives from the verb, nor "the
    closure will last six weeks" / "the road will be shut for four months", whose noun's verb
    ("close") shares a common sense with the verb: `wordnet.relation` SAME); '' when they may be
    rivals."""
    terms = {fa.slots.term, fb.slots.term}
    if SET in terms and terms & {OWN, SO_FAR}:
        return "a term set against the time it took"
    if SO_FAR in terms and len(terms) == 2:
        part, whole = (fa, fb) if fa.slots.term == SO_FAR else (fb, fa)
        # the whole length of an act ("a four-week strike") or what was done to a person ("was
        # jailed for nine years", which may be the term imposed): the length so far is a part of it
        if (whole.slots.term == WHOLE or not whole.slots.term and whole.slots.length_of.startswith("done:")) \
                and part.high <= whole.high:
            return "a length so far against the whole"  # "nine days" on strike / "a four-week strike"
    kinds = dict(x.split(":", 1) for x in (fa.slots.length_of, fb.slots.length_of) if x)
    if len(kinds) == 2 and "event" in kinds and "done" in kinds:
        noun, verb = kinds["event"], kinds["done"]
        act = wordnet.verb_of(noun)
        if verb not in (noun, act) and not (act and wordnet.relation(act, verb, "v") == wordnet.SAME):
            return "lengths of different events"
    return ""
