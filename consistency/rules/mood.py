"""Whether a clause asserts that something happened, read from the parse: one reading shared by
statement frames (`consistency.rules.assertions`) and quantity frames (`consistency.rules.slots`,
`Slots.mood`).

A clause asserts no fact when its own marks say so: a subordinating conjunction of a condition
("if the club is pushed to nine years", "unless ...") or of an event still to come ("before
service was restored"), or a modal auxiliary of possibility ("a magnitude 7 tremor could flatten",
"hoping he could land a 12-year deal"). The words are English grammar's closed classes of
those conjunctions and modals, not a list of topics. A figure's clause also asserts none when
it is the infinitive of an attitude (`_attitude`: "unwilling to spend 9 million", "want to
win a 9 percent raise"): a disposition or limit, not a value anybody reported.
"""

from __future__ import annotations

from ..parsing import Parse, Token
from .. import wordnet

#: conjunctions of a condition: the clause they mark, and the clause that marked clause modifies
#: (its consequent: "if somebody tells you how, you don't have discretion"), say what would hold.
#: The consequent, read for statements only, was measured on the tuning half of the news: 3
#: dismissed NEG001 findings of one such sentence.
CONDITION = frozenset({"if", "unless"})
#: conjunctions that make a clause a condition or an event still to come, not a statement
#: ("before normal service was restored").
HYPOTHETICAL = CONDITION | {"whether", "before", "until", "till"}
#: Modals of possibility: a positive clause with one says what could happen, not what did
#: ("plans that could harm species"); negated, it says what did not ("could not sustain").
POSSIBLE = frozenset({"could", "might", "may", "can", "should", "must"})
#: Modals of ability: negated, they report what did not happen ("could not sustain drives").
ABILITY = frozenset({"could", "can", "ca"})
#: The modals a figure's clause is read with (`figure_mood`): possibility in the narrow sense.
#: "should" and "must" (obligation: "must pay $5 million") left out: measured on the news tune
#: half (benchmarks/news.py), they removed no dismissed finding the others did not. "can" left
#: out: it mostly states a capacity, a standing fact ("the ferry can carry 1,200 passengers"
#: against "can carry 800", the conflict of examples/claims.jsonl); with it the tune half lost
#: one more dismissed finding only (what a quake of some magnitude "can cause").
_FIGURE_MODALS = frozenset({"could", "might", "may"})
_SUBJECTS = ("nsubj", "nsubjpass", "csubj", "expl")
#: The modal of a future seen from the past ("figured the Larks would take six wins"): with a verb of
#: thinking above it, the clause is what someone expected (`_expected`). Alone it tells a story in
#: the past ("the Jays would keep them off the scoreboard for seven minutes", a fact), and under a
#: verb of saying a plan reported as one ("said it would pay $5 million").
FUTURE_IN_PAST = "would"
#: WordNet's lexicographer file of verbs of thinking (verb.cognition: think, believe, expect,
#: figure, guess, reckon), read on a verb's first sense: "say" and "predict" are verbs of
#: communication there (32), "hope" of emotion (37).
COGNITION = wordnet.VERB_COGNITION
#: WordNet's lexicographer file of verbs of emotion (verb.emotion: want, hope, wish, prefer, fear),
#: read on a verb's first sense: an infinitive they govern is what someone wants or fears
#: (`_attitude`). "agree", "offer", "refuse" and "promise" are verbs of communication or
#: possession there, "plan" and "intend" of cognition, "try" and "manage" social.
EMOTION = wordnet.VERB_EMOTION
#: The adjective of the semi-modal of ability ("be able to"), English grammar's counterpart of the
#: modals of `ABILITY`: "crews were able to rescue 12" reports a rescue, as "can carry 140" states
#: a capacity (`_FIGURE_MODALS` leaves "can" out). Every other adjective with an infinitive
#: states an attitude or limit (`_attitude`). Measured (session 41): no finding of the news tune
#: half, VitaminC half a or the tuning writer files turns on it (the same figures without it);
#: it keeps the report of tests/data/wishes "crews-able-to-rescue-are-counted" a report.
ABLE = frozenset({"able", "unable"})


def marked(p: Parse, t: Token, conjunctions: frozenset[str] = HYPOTHETICAL) -> str:
    """What the clause ``t`` heads says by its own subordinating conjunction: "condition" for one
    of ``conjunctions`` ("if the club is pushed"), "consequent" when it is modified by a clause
    marked by a conjunction of `CONDITION` ("if ..., they would go along"); '' otherwise."""
    kids = p.children(t.i)
    if any(k.dep == "mark" and k.low in conjunctions for k in kids):
        return "condition"
    if any(k.dep == "advcl" and any(m.dep == "mark" and m.low in CONDITION for m in p.children(k.i))
           for k in kids):
        return "consequent"
    return ""


def possible(auxes: set[str], negated: bool, modals: frozenset[str] = POSSIBLE) -> bool:
    """A clause with these auxiliaries says what could happen: a modal of possibility, unless a
    negated modal of ability reports what did not ("could not sustain")."""
    return bool(auxes & modals) and not (negated and auxes & ABILITY)


#: The linking verbs of appearance (English grammar's closed class: "seem", "appear", "look",
#: "sound"): with an adjective or a like-phrase as complement ("eight years seems like a
#: reasonable length", "six years looked too long") they say how the subject is judged, not what
#: it was; with an infinitive ("the toll appears to be 12") they hedge a report, which stays one.
#: Measured on the news tune half (benchmarks/news.py): 3 dismissed findings removed, none confirmed.
APPEARANCE = frozenset({"seem", "appear", "look", "sound"})
#: "need", the marginal modal of English grammar that also takes an object: its object is what a
#: subject lacks ("needed just nine points to pass him"), not what it had; its subject is still a
#: fact ("800 people needed shelter"). Measured on the news tune half: 3 dismissed findings
#: removed (points a player needed against those he scored), none confirmed.
NEED = "need"


def _argument(p: Parse, verb: Token, t: Token) -> Token | None:
    """The dependent of ``verb`` whose phrase holds ``t`` (``t`` itself when it depends on it), at
    most eight links up."""
    return next((c for c in (t, *p.ancestors(t.i))[:8] if c.head == verb.i and c.i != verb.i), None)


def _unasserted_argument(p: Parse, verb: Token, t: Token | None) -> str:
    """Why the figure's phrase ``t``, an argument of ``verb``, states no fact by its place in the
    clause: "need" (the object of `NEED`), "judgement" (the subject of a verb of `APPEARANCE`
    with an adjective or a like-phrase, not an infinitive); '' otherwise."""
    arg = _argument(p, verb, t) if t is not None else None
    if arg is None:
        return ""
    if verb.lemma == NEED and arg.dep == "dobj":
        return "need"
    kids = p.children(verb.i)
    if verb.lemma in APPEARANCE and arg.dep == "nsubj" and not any(k.dep in ("xcomp", "ccomp")
                                                                    for k in kids) \
            and any(k.dep in ("acomp", "oprd") or k.dep == "prep" and k.low == "like" for k in kids):
        return "judgement"
    return ""


def _expected(p: Parse, clause: Token, kids: list[Token]) -> bool:
    """The clause ``clause`` (its children ``kids``) is what someone expected: it has the modal of
    `FUTURE_IN_PAST` and completes a verb of thinking (`COGNITION`, the verb's first sense) as its
    clausal complement ("I figured in August the Larks would take six wins", "pundits believed the
    club would finish on 40 points"). What officials believe a toll is, without the modal, stays a
    report of it ("officials believe 14 people died")."""
    if clause.dep != "ccomp" or clause.head == clause.i:
        return False
    if not any(k.dep == "aux" and k.low == FUTURE_IN_PAST for k in kids):
        return False
    above = p.tokens[clause.head]
    return above.pos == "VERB" and COGNITION in wordnet.lexicographer_files(above.lemma, "v")


def _attitude(p: Parse, clause: Token) -> bool:
    """The infinitive ``clause`` is the object of an attitude, a disposition or a limit, not a report:
    the open complement (``xcomp``) of an adjective ("unwilling to spend 9 million", "keen to
    seek fifteen years", "ready to accept a truce of 30 days"; not the adjective of `ABLE`) or of a
    verb of emotion (`EMOTION`, its first sense: "want to win a 9 percent raise", "hope to sign him
    for 8 million"). A hedge of a report ("is expected to cost", "appears to be") and a verb of
    agreeing or offering ("agreed to pay") keep the figure a report; an adjective of likelihood
    ("likely to rise to 40") reads as the modals of possibility do. Adjectives that entail their
    infinitive ("quick to pay") are read as attitudes too: no measured finding turned on one.
    Measured on the news tune half (benchmarks/news.py, session 41): 5 findings of a club's
    stated limit on a contract's length against its longer offer removed (4 of them across two
    sub-topics of one ECB+ topic), none added."""
    if clause.dep != "xcomp" or clause.head == clause.i:
        return False
    above = p.tokens[clause.head]
    if above.pos == "ADJ":
        return above.lemma.lower() not in ABLE
    return above.pos == "VERB" and EMOTION in wordnet.lexicographer_files(above.lemma, "v")


def figure_mood(p: Parse, verb: Token | None, figure: Token | None = None) -> str:
    """Why the clause of a figure's predicate ``verb`` asserts no fact: "condition" (its clause,
    or one it completes, is marked by a conjunction of `CONDITION`: "if the Comets are pushed to
    nine years", "if the club agrees to pay"), "possibility" (a modal of `_FIGURE_MODALS` on it
    or on the verb it completes, not a negated ability: "might flatten", "could land a 12-year
    deal", "may be asked to pay"), "expectation" (what someone thought would happen, `_expected`:
    "figured the Larks would take six wins"), "attitude" (the infinitive of an adjective or a verb
    of emotion, `_attitude`: "keen to seek fifteen years", "hope to sign him for 8 million");
    '' for a figure stated as fact. An infinitive climbs to the
    verb it completes (``xcomp``) and a conjunct without a subject of its own to its first
    conjunct ("could see more touches, yet he only once received eight" is a fact); no other
    clause link: a
    figure reported beside a possibility ("killed nine, and police said the toll could rise")
    keeps its own clause's mood. The consequent of a condition is not read ("faces up to 20
    years if convicted": a maximum the law sets, stated as fact)."""
    if verb is not None and (why := _unasserted_argument(p, verb, figure)):
        return why
    cur, seen = verb, set()
    while cur is not None and cur.i not in seen:
        seen.add(cur.i)
        kids = p.children(cur.i)
        if marked(p, cur, CONDITION) == "condition":
            return "condition"
        negated = any(k.dep == "neg" for k in kids)
        if _expected(p, cur, kids):
            return "expectation"
        if possible({k.low for k in kids if k.dep == "aux"}, negated, _FIGURE_MODALS):
            return "possibility"
        if _attitude(p, cur):
            return "attitude"
        if cur.dep == "xcomp" or cur.dep == "conj" and not any(k.dep in _SUBJECTS for k in kids):
            cur = p.tokens[cur.head]
        else:
            break
    return ""
