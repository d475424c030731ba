"""Moves: what a claim says went up or down, with or without a number (DIR001).

A *move* is read from the dependency parse of a claim: a verb of change with its own subject
("house prices slipped", "admissions climbed last week", "shares fell 12%"), "up" or "down" on a
copula, on "go", on a market's close or as the particle or adverb of a verb of motion ("burglaries were down
15 per cent", "went up", "closed lower", "edged up", "crept up", "edged higher", "headed lower"), "up" or "down" with its amount on
a noun ("with rents up 3.1%": the clause's subject holds it), a noun of change with what changed
after "in" ("a 7% fall in footfall", "reported a rise in passengers": the clause's subject holds
it) or as its compound modifier ("accepted a 2% wage cut", "Tolbury's parking charge increase":
its possessor holds it), or a comparison with an earlier time ("handled 8 per cent more passengers
than the year before", "fewer visitors than last year", "fewer households applied than in May"; with
its amount and no "than": "will pay 5% more rent from April"), "up" or "down" from an earlier
amount on any verb ("numbered 1,240, down from 1,390": `_from_amount`), or a verb of increasing or
decreasing whose object is a level its subject holds ("the bank raised its policy rate", "lowered
its tuition fees": `_level`). Its
direction is the change word's (`quantities.change.direction_of`, the words that already read the
direction of a numeric change), else WordNet's for a verb (`wordnet.polarity`: a sense below "increase" or
"rise", or below "decrease" or "descend": "lengthened", "widened", "shortened"), and for a noun of
change that is its clause's object, the polarity of the verb WordNet derives from it
(`wordnet.noun_polarity`: "underwent a diminution", "have seen a steep reduction"; such a noun with
no measure of its own moves the clause's subject, `_undergoer`, and "in" a time names no measure:
"a diminution in the first semester"); what moved is
the verb's subject (for a comparison, the compared noun with the clause's subject); its time is
the claim's dates that time the verb (`slots.attached`) but not the earlier time it is compared
with ("than at the end of last year"), and its *base* the calendar unit a change is measured
against when the clause names one ("on the month", "from a year earlier", "year-on-year",
"compared with the previous year").

A count of people doing something is a move of that activity: "fewer households applied for
grants", "more drivers paid the toll", "the number of households applying for grants rose",
"toll payments fell" all carry the activity as verbs (`Move.acts`: the verb of a compared noun that
is its subject, the verb of those a counting head counts, the verb WordNet derives from a head noun,
`wordnet.verb_of`), and what it was done to or for (`Move.done`). A clause the parse misread as a
noun with a participle ("Delivery times for the parcels lengthened in May, the regulator found":
"times" an adverbial noun) is read as the clause it is (`_misread`).

`same_move` says whether two moves are of one measure of one thing: their measure phrases are
alike by meaning (`compare.PairContext.sim`: the same head noun and phrases at least
`SAME_HEAD_SIM` alike, and so for one activity, `Move.acts`, when what it was done to is at least
`SAME_DONE_SIM` alike, or, whatever the rest of the phrases, when what it was done for is at least
`SAME_WHAT_SIM` alike and their proper names, when both have some, share one: "waits for routine
scans at the infirmary" / "our patients waited less time for routine scans"; other heads at least
`SAME_WHAT_SIM` and the same amount stated on both
sides: "shares in Acme fell 12%" / "Acme stock jumped 12%"; or one state named as a noun and by
its adjective, `_one_state`: "unemployment" / "the jobless rate", "joblessness", the phrases then
compared with the one word written alike: "Carrow 's unemployment rate"; or heads one step apart in
WordNet, `wordnet.next_to`, whose phrases with one head written as the other are at least
`SAME_WHAT_SIM` alike, `written_alike`: "House prices in Delbrook" / "Delbrook property values",
"Vornak shares" / "Vornak's stock"), their heads are not WordNet
opposites ("imports" / "exports") and not one head narrowed by different members of one family
("salmon landings" / "trout landings": `members_differ`), not timed by other periods that are no
dates ("for the autumn term" / "for the spring term": `Move.periods`), nothing sets them apart (`compare.apart` on a frame of the
move: other dates, places, named subjects), not a district against the place it is part of, and
their bases, when both name one, are the same unit ("down on the month" / "up on the year" both
hold).

Not read: a negated or hedged move ("did not rise", "could fall", "is expected to climb": a
possibility, not a report; "will" and "are to" report a change decided from a date, `_scheduled`:
"tolls will go up from 1 March"), a transitive use whose object is not the amount ("the club lost the
final", "cut 200 jobs"), a verb with a complement ("grew more intent"), a subject that is a
pronoun, a name or a person in its first sense ("it fell", "the Chiefs lost", "the boxer fell to 45-7": someone
acting, not a measure moving; on the news tuning half such subjects gave 5 dismissed findings and
no confirmed one) unless people named in the plural are counted by their verb (`_counted_people`: "registered
beekeepers increased", "deckhands numbered 410, down from 455"), a noun of change without "in" or a compound measure ("the team's gains").
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass
from functools import lru_cache

from ..parsing import Parse, Token, parse, tokens_text
from ..quantities.change import direction_of, phrasal
from ..quantities.dates import MONTHS
from ..records import Claim, Direction, Quantity
from ..wordnet import (
    KIN,
    LEVELS,
    NOUN_GROUP,
    NOUN_LOCATION,
    NOUN_PERSON,
    NOUN_TIME,
    SAME,
    VERB_CHANGE,
    is_person,
    lexicographer_files,
    moves_about,
    next_to,
    noun_polarity,
    opposite,
    particle_moves,
    polarity,
    relation,
    state_of,
    synsets,
    verb_of,
)
from . import mood
from .frames import Frame, per_claim
from .slots import attached, read_slots
from .text import as_of, view

#: Calendar units a change is measured against ("on the month", "from a year earlier").
_UNITS = {"day": "day", "week": "week", "month": "month", "quarter": "quarter", "year": "year"}
#: Prepositions that introduce the base of a comparison ("on the year", "from a year ago", "than the
#: year before", "over the previous month", "against", "compared with"); "in", "for", "during" and
#: "to" time the move instead ("in the year to March").
_BASE_PREPS = frozenset({"on", "from", "than", "over", "against", "versus", "vs", "with"})
_ON_RE = re.compile(r"\b(day|week|month|quarter|year)[- ]on[- ](?:day|week|month|quarter|year)\b", re.IGNORECASE)
#: The verbs of which "up" / "down" (or "higher", "lower") says a level moved ("were down 15 per
#: cent", "went up", "were 3% higher", "closed lower"): the copula, "go", and the verbs of a
#: market's close; with other verbs they are particles ("set up", "shut down"), except the
#: particle of a verb of motion without an object (`wordnet.moves_about`: "edged up", "crept up").
#: The set stays: the copula and the close verbs are no verbs of motion in WordNet, and "went up 3%"
#: parses "up" as an adverb, not the particle the motion reading takes.
_UP_DOWN_HEADS = frozenset({"be", "go", "close", "end", "finish"})
#: Comparatives of amount and their direction ("8 per cent more passengers than a year before").
#: The loaded WordNet tables hold nouns and verbs only (no adjectives): these three are the
#: comparatives of amount themselves, not a list of their synonyms.
_COMPARATIVE: dict[str, Direction] = {"more": "up", "fewer": "down", "less": "down"}
#: A comparative after its amount ("5% more", "ten per cent fewer"), for the cost filter (`cued`).
_DEGREE = re.compile(r"(?:\d\s*%|\bper\s*cent|\bpercent)\s+(more|fewer|less)\b", re.I)
_SUBJECTS = ("nsubj", "nsubjpass")
_MONTH = re.compile(MONTHS)
#: Heads of an infinitive move that forecast it ("is expected to fall", "set to rise", "tipped to",
#: "poised to", "due to"): what is foreseen, not what happened.
_HEDGES = frozenset({"expect", "forecast", "predict", "set", "likely", "tip", "project", "due", "poise"})


@dataclass(frozen=True, slots=True)
class Move:
    """One thing said to have gone up or down."""

    claim: Claim
    direction: Direction
    #: what moved, as written ("Shares in Acme", "passengers Acme Airport")
    what: str
    #: head noun lemmas of what moved (the compound modifier too when the head is "number")
    heads: frozenset[str]
    #: the verbs of the activity counted ("fewer households applied": apply; "toll payments": pay)
    acts: frozenset[str]
    #: what the activity was done to or for, when the clause says ("for hardship grants"; '' else)
    done: str
    #: the change word ("fell", "down", "more")
    text: str
    start: int
    end: int
    #: the calendar unit the change is measured against ('' when none is named)
    base: str
    #: the amount of the change as (value, dimension) when a number states it ("fell 12%")
    amount: tuple | None
    #: a frame at the change word, for `compare.apart` (dates, places, subjects)
    frame: Frame
    #: the proper nouns of ``what`` ("Dunlow" of "Waits for hip operations at the Dunlow clinic")
    names: frozenset[str] = frozenset()
    #: the words that narrow the head of what moved ("salmon" of "salmon landings": `_kinds`)
    kinds: frozenset[str] = frozenset()
    #: the nouns of time that time the move without a date ("autumn" of "for the autumn term": `_periods`)
    periods: frozenset[str] = frozenset()


def moves(claim: Claim) -> tuple[Move, ...]:
    """The moves of a claim (parsed on first use; the parse is cached by text)."""
    return per_claim(claim, "moves", _read)


def cue(claim: Claim) -> bool:
    """A cost filter, not a reading: the claim holds a word that can name a move (a change word of
    `quantities.change`, or a comparative of amount with "than")."""
    return bool(cued(claim.text))


def opposed(a: Claim, b: Claim) -> bool:
    """A cost filter, not a reading: one claim holds a word that can name a move up and the other one
    that can name a move down (`cued`); other pairs cannot hold opposite moves and are not parsed."""
    da, db = cued(a.text), cued(b.text)
    return ("up" in da and "down" in db) or ("down" in da and "up" in db)


@lru_cache(maxsize=65536)
def cued(text: str) -> frozenset[str]:
    """The directions the words of ``text`` can name."""
    words = [w.lower() for w in re.findall(r"[A-Za-z]+", text)]
    found = {d for w in words if (d := direction_of(w) or _polar(w))}
    if "than" in words:
        found |= {_COMPARATIVE[w] for w in words if w in _COMPARATIVE}
    found |= {_COMPARATIVE[m.lower()] for m in _DEGREE.findall(text)}
    return frozenset(found)


def _compared_with(p: Parse, date) -> bool:
    """A date that is the base of a comparison, not the time of the move ("than at the end of last
    year", "more than a year ago", "than in February"): "than" above it, or on a word above it."""
    first = p.token_at(date.start)
    cur = first
    for _ in range(6):
        if cur is None:
            return False
        if cur.low == "than" or date.start <= cur.start < date.end and any(k.low == "than" for k in p.children(cur.i)):
            return True
        if cur.head == cur.i:
            return False
        cur = p.tokens[cur.head]
    return False


def _polar(word: str) -> Direction | None:
    """The direction WordNet reads for ``word`` as a verb, by its regular past and other forms
    ("lengthened": lengthen; `wordnet.polarity`), or as a noun of change ("diminution";
    `wordnet.noun_polarity`), for the cost filter (the parse reads the lemma)."""
    return (polarity(word) or noun_polarity(word)) if len(word) > 3 else None


def _read(claim: Claim) -> tuple[Move, ...]:
    if not cue(claim):
        return ()
    p = parse(claim.text)
    v = view(claim)
    date_spans = tuple((d.start, d.end) for d, _, _ in v.dates)
    when = as_of(v)
    out = []
    for t in p.tokens:
        found = _moved(p, t, date_spans)
        if found is None:
            continue
        direction, verb, noun, what, heads = found
        if not what or _unasserted(p, verb, date_spans):
            continue
        q = Quantity(text=t.text, start=t.start, end=t.end, value=None, low=-math.inf, high=math.inf,
                     dimension="direction")
        times = tuple(x for x, yes in zip(v.dates, attached(p, verb.start, verb.end, date_spans))
                      if yes and not _compared_with(p, x[0]))
        # the slots of what moved (its places, holders, subject), the times of the verb's clause
        frame = Frame(claim, q, read_slots(p, noun.start, noun.end), -math.inf, math.inf, False, False, when,
                      False, times)
        out.append(Move(claim, direction, what, heads, _acts(p, noun, verb, heads, t), _object(p, noun, verb, t),
                        t.text, t.start, t.end,
                        _base(p, t, verb),
                        _amount_of(claim, p, noun if t.low in _COMPARATIVE else t), frame,
                        frozenset(k.text for k in p.tokens if k.pos == "PROPN" and k.text in what.split()),
                        _kinds(p, noun), _periods(p, (verb, t), date_spans)))
    return tuple(out)


def _moved(p: Parse, t: Token, date_spans: tuple = ()) -> tuple[Direction, Token, Token, str, frozenset[str]] | None:
    """(direction, the clause's verb, the noun of what moved, what moved, its heads) when ``t`` names
    a move, else None."""
    low = t.low
    if low in _COMPARATIVE:
        return _compared(p, t, date_spans)
    direction = direction_of(low) or (polarity(t.lemma) if t.pos == "VERB" else
                                      noun_polarity(t.lemma) if t.pos == "NOUN" and t.dep == "dobj" else None)
    if direction is None:
        return None
    if low in ("up", "down") or t.pos in ("ADJ", "ADV"):
        verb = p.tokens[t.head]
        noun = verb
        while noun.pos == "PROPN" and noun.dep in ("pobj", "prep", "compound") or noun.pos == "ADP":
            noun = p.tokens[noun.head]  # "with footfall in Dunmere up 5%": "up" read under the name
        if low in ("up", "down") and t.dep == "advmod" and noun.pos == "NOUN" and _amount_below(p, t):
            return direction, t, noun, _absolute(p, noun, t), _heads(p, noun)  # "with rents up 3.1%"
        if t.dep not in ("advmod", "prt", "acomp") or phrasal(p.text, t.start):
            return None
        if low in ("up", "down") and verb.lemma not in _UP_DOWN_HEADS and _from_amount(p, t):
            counted = _counted_object(p, verb)  # "took in 212 stray dogs, up from 180": the dogs counted
            if counted is not None:
                return direction, verb, counted, _with_doer(p, verb, counted), _heads(p, counted)
        elif verb.lemma not in _UP_DOWN_HEADS and not (
                t.dep in ("prt", "advmod") and _moves_level(verb, t) and not any(k.dep == "dobj" for k in p.children(verb.i))):
            return None  # "set up", "tracked down the van": a particle of another act; "edged higher": a level's
    elif t.pos == "NOUN":
        return _noun_move(p, t, direction, date_spans)
    elif t.pos == "VERB" and (t.dep not in ("amod", "compound", "acl", "relcl") or _misread(p, t) or _own_clause(p, t)) and (
            t.tag != "VBG" or _with_clause(p, t)):
        verb = t
        if (level := _level(p, t)) is not None:  # "the bank raised its policy rate": the bank's rate rose
            return direction, verb, level, _with_doer(p, verb, level), _heads(p, level)
        if any(k.dep == "dobj" and not _amount(p, k) or k.dep in ("acomp", "attr", "oprd", "xcomp", "ccomp")
               for k in p.children(t.i)) or phrasal(p.text, t.start):
            return None  # "lost the final", "grew more intent", "grew to love": an act or a state, not a move
    else:
        return None
    subject = _misread(p, verb) if verb.dep == "acl" and not _own_clause(p, verb) else _subject(p, verb)
    if subject is not None and subject.pos == "NOUN" and verb.dep == "acl" and is_person(subject.lemma):
        return None
    if subject is None:
        return None
    return direction, verb, subject, _phrase(p, subject, skip=verb if verb.dep == "acl" and not _own_clause(p, verb) else None), _heads(p, subject)


def _moves_level(verb: Token, t: Token) -> bool:
    """"Up" / "down" (or "higher", "lower") on ``verb`` say where a level went: the verb WordNet lists
    for the two together names a change or a motion (`wordnet.particle_moves`: "come down", "picked
    up", "crept up"), or, when it lists none, the verb's first sense is a motion ("edged higher")."""
    found = particle_moves(verb.lemma, t.low) if t.low in ("up", "down") else None
    return moves_about(verb.lemma) if found is None else found


#: Prepositions that time a move ("in the spring", "over the summer", "for the autumn term").
_DURING = frozenset({"in", "during", "over", "for", "through", "throughout", "across"})


def _periods(p: Parse, owners: tuple, date_spans: tuple) -> frozenset[str]:
    """The periods that time a move and are no dates of the claim's: the nouns of time (WordNet's
    first sense, `wordnet.NOUN_TIME`) of the objects of the timing prepositions of its verb or change
    word, and their compound modifiers ("for the autumn term": autumn; "over the winter months":
    winter), lemmas; the calendar units (`_UNITS`: "for the second month in a row") are bases and
    counts, not periods."""
    out = set()
    for owner in {o.i for o in owners}:
        for prep in p.children(owner):
            if prep.dep != "prep" or prep.low not in _DURING:
                continue
            for obj in p.children(prep.i):
                if obj.dep != "pobj" or any(s <= obj.start < e for s, e in date_spans):
                    continue
                words = [obj] + [k for k in p.children(obj.i) if k.dep == "compound" and k.i < obj.i]
                out |= {w.lemma.lower() for w in words if w.lemma.lower() not in _UNITS
                        and NOUN_TIME in lexicographer_files(w.lemma.lower(), "n", 1)}
    return frozenset(out)


def _level(p: Parse, verb: Token) -> Token | None:
    """The object of a verb of increasing or decreasing (`wordnet.polarity`: "raised", "cut",
    "lowered"; not "lost" or "gained", verbs of getting) that names an amount its holder sets or holds
    (its first sense filed among `wordnet.LEVELS`: "its policy rate", "tuition fees", "taxes"), with
    no number of its own ("cut 200 jobs": a count of what was cut; "lost the final", "raised its
    forecast": no level) and no complement on the verb; None else."""
    if not polarity(verb.lemma) or phrasal(p.text, verb.start):
        return None
    kids = p.children(verb.i)
    objects = [k for k in kids if k.dep == "dobj"]
    if len(objects) != 1 or any(k.dep in ("acomp", "attr", "oprd", "xcomp", "ccomp") for k in kids):
        return None
    level = objects[0]
    if not _common(level) or _amount(p, level) or any(k.dep == "nummod" for k in p.children(level.i)):
        return None
    return level if lexicographer_files(level.lemma, "n", 1) & LEVELS else None


def _kinds(p: Parse, noun: Token) -> frozenset[str]:
    """The words before ``noun`` that narrow it ("salmon" of "salmon landings", "junior" of "junior
    players"; the tagger takes some for adjectives, verbs or names: "Herring catches"), not names
    (`_common`)."""
    first = _joined(p, noun)  # "break" of "break-ins": part of the head, no kind of it
    return frozenset(k.lemma.lower() if k.pos in ("NOUN", "PROPN") else k.low for k in p.children(noun.i)
                     if k.dep in ("compound", "amod") and k.i < noun.i and k.text.isalpha()
                     and (k.pos != "PROPN" or _common(k)) and (first is None or k.i != first.i))


def _with_doer(p: Parse, verb: Token, noun: Token) -> str:
    """What moved when ``verb`` moved ``noun`` ("took in 212 stray dogs, up from 180", "the bank
    raised its policy rate"): the noun's phrase with the verb's subject, who holds it."""
    holder = _subject(p, verb, holder=True)
    return _phrase(p, noun) + (f" {_phrase(p, holder)}" if holder is not None else "")


def _from_amount(p: Parse, t: Token) -> bool:
    """"Up" / "down" with the amount it moved from ("numbered 5,420, down from 5,770", "took in 212
    dogs, up from 180"): a move on any verb, measured from that earlier amount."""
    return any(k.dep == "prep" and k.low == "from" and any(
        x.dep == "pobj" and (x.pos == "NUM" or any(n.dep == "nummod" for n in p.children(x.i))) for x in p.children(k.i))
        for k in p.children(t.i))


def _counted_object(p: Parse, verb: Token) -> Token | None:
    """The verb's object counted by a number of its own ("took in 212 stray dogs"), else None."""
    return next((k for k in p.children(verb.i) if k.dep == "dobj" and k.pos == "NOUN"
                 and any(n.dep == "nummod" for n in p.children(k.i))), None)


def _misread(p: Parse, verb: Token) -> Token | None:
    """The subject of a clause the parse read as a noun phrase with a participle: a past-tense verb
    attached as "acl" below a noun that heads the sentence or hangs from the verb of saying ("Delivery
    times for the parcels lengthened in May, the regulator found": "times" an adverbial noun,
    "lengthened" a participle of "parcels"). The noun at the top of the phrase, else None."""
    if verb.dep != "acl" or verb.tag not in ("VBD", "VBN") or any(
            k.dep in ("agent", "auxpass", "aux", "nsubj", "nsubjpass") for k in p.children(verb.i)):
        return None
    top = p.tokens[verb.head]
    while top.dep in ("pobj", "prep", "compound") and top.head != top.i:
        top = p.tokens[top.head]
    if top.pos != "NOUN" or top.dep not in ("ROOT", "npadvmod", "dep"):
        return None
    return top


def _own_clause(p: Parse, verb: Token) -> bool:
    """A finite verb the parse hangs from a noun as a participle though it has a subject of its own: a
    clause after a label and a colon ("Traders' group: footfall slid in March": "slid" an "acl" of
    "group" with "footfall" its subject)."""
    return verb.dep == "acl" and verb.tag in ("VBD", "VBN") and any(k.dep == "nsubj" for k in p.children(verb.i))


def _with_clause(p: Parse, verb: Token) -> bool:
    """A participle with a subject of its own after "with" ("with the standing charge rising from
    May", "with the on-time figure slipping by two points"): an absolute clause, which tells a move as
    a finite verb does; not a participle of a noun ("the rising charge") or of a verb's progressive
    ("is rising": read as its verb)."""
    head = p.tokens[verb.head]
    return (verb.dep in ("pcomp", "pobj", "advcl") and head.low == "with"
            and any(k.dep == "nsubj" for k in p.children(verb.i)))


def _noun_move(p: Parse, t: Token, direction: Direction,
               date_spans: tuple = ()) -> tuple[Direction, Token, Token, str, frozenset[str]] | None:
    """A noun of change with what changed after "in" ("a sharp drop in passenger numbers", "a 12%
    rise in passengers") or, without "in", as its compound modifier ("a 3% wage cut", "the bus fare
    increase": `_modifier`), with the subject of the clause that reports it as the holder ("the
    airport reported a rise in passengers"), and its possessor ("Tolbury's fare increase"). "In" a time times the change ("a diminution in
    the first half": a date of the claim's, or a noun of time) and names no measure."""
    prep = next((k for k in p.children(t.i) if k.dep == "prep" and k.low == "in" and not _timed(p, k, date_spans)), None)
    noun = next((k for k in p.children(prep.i) if k.dep == "pobj" and k.pos == "NOUN"), None) if prep else None
    if noun is None and prep is None:
        noun = _modifier(p, t)
    if noun is None and prep is None and t.dep == "dobj":
        noun = _undergoer(p, t)
    if noun is None or t.dep not in ("dobj", "attr", "nsubj", "nsubjpass"):
        return None
    verb = p.tokens[t.head]
    if verb.pos not in ("VERB", "AUX"):
        return None
    what = _phrase(p, noun)
    for k in p.children(t.i):  # where: "a fall in footfall at the Grenmoor centre"
        if k.dep == "prep" and k.low in ("at", "across", "for") and (prep is None or k.i != prep.i):
            what = f"{what} {_phrase(p, k)}"
    holder = _subject(p, verb, holder=True) if t.dep in ("dobj", "attr") else None
    if holder is not None and holder.i != noun.i:
        what = f"{what} {_phrase(p, holder)}"
    if noun.head == t.i:  # the compound modifier: a possessor holds it ("Tolbury's fare increase")
        what = " ".join([what] + [tokens_text([x for x in p.subtree(k.i) if x.dep != "case"])
                                  for k in p.children(t.i) if k.dep == "poss" and k.pos != "PRON"])
    return direction, verb, noun, what, _heads(p, noun)


def _timed(p: Parse, prep: Token, date_spans: tuple) -> bool:
    """The object of ``prep`` is a time: in a date of the claim's, or a noun of time ("in the first semester")."""
    return any(k.dep == "pobj" and (any(s <= k.start < e for s, e in date_spans)
                                    or NOUN_TIME in lexicographer_files(k.lemma, "n", 1))
               for k in p.children(prep.i))


def _undergoer(p: Parse, t: Token) -> Token | None:
    """What moved when a noun of change is the object of its clause and names no measure of its own
    ("Salmon landings have seen a steep reduction", "exports underwent a diminution"): the clause's
    subject, a common noun naming no person (`_subject`), no group and no place ("the co-operative
    recorded a reduction", "the region saw growth": who holds an unnamed measure, not the measure)."""
    subject = _subject(p, p.tokens[t.head])
    if subject is None or lexicographer_files(subject.lemma, "n", 1) & {NOUN_GROUP, NOUN_LOCATION}:
        return None
    return subject


def _modifier(p: Parse, t: Token) -> Token | None:
    """The noun a noun of change is compounded with, the measure it changes ("wage" in "a 3% wage
    cut", "fare" in "the bus fare increase"): the nearest compound noun before it that carries no
    number of its own (not the "%" of "3% wage cut"); None when there is none."""
    found = [k for k in p.children(t.i) if k.dep == "compound" and k.pos == "NOUN" and k.i < t.i
             and k.text.isalpha() and not any(n.dep == "nummod" for n in p.children(k.i))]
    return found[-1] if found else None


def _compared(p: Parse, t: Token, date_spans: tuple = ()) -> tuple[Direction, Token, Token, str, frozenset[str]] | None:
    """"8 per cent more passengers than the year before": a comparison of amounts with an earlier
    time (the compared noun's clause names a base unit, a year or a date after "than": "than in
    February"). What moved is the compared noun with what its clause says they did ("fewer
    households applied for grants": a count of those applying)."""
    noun = p.tokens[t.head]
    while t.dep == "compound" and noun.dep == "compound" and noun.head != noun.i:
        noun = p.tokens[noun.head]  # "Fewer Talbrook households": the parse's compound of a name
    if t.dep not in ("amod", "advmod", "compound") or noun.pos not in ("NOUN", "PROPN"):
        return None
    # "Fewer households applied ...": the clause misread as a noun with a participle (`_misread`)
    verb = next((k for k in p.children(noun.i) if k.pos == "VERB" and _misread(p, k) is noun), noun)
    while verb.pos not in ("VERB", "AUX") and verb.head != verb.i:
        verb = p.tokens[verb.head]
    if verb.pos not in ("VERB", "AUX"):
        return None
    than = [k for k in p.subtree(verb.i) if k.low == "than"]
    if not any(_earlier(p, k, date_spans) for k in than) and (than or not _degree(p, t)):
        return None  # "pays 3% less rent than its rival": two holders compared, not a move
    subject = _subject(p, verb, holder=True)
    what = _phrase(p, noun, skip=t)
    if _doers(p, noun, verb):
        what = f"{what} {verb.text} {_done(p, verb, noun)}".strip()  # "households applied for hardship grants"
    if subject is not None and subject.i != noun.i:
        what = f"{what} {_phrase(p, subject)}"
    return _COMPARATIVE[t.low], verb, noun, what, frozenset({_head_word(p, noun)})


def _degree(p: Parse, t: Token) -> bool:
    """A comparative with its amount ("5% more rent", "ten per cent fewer passengers"): with no "than",
    the comparison is with the same measure before (the number's npadvmod on the comparative, or a
    number below it)."""
    return any(k.dep == "npadvmod" or k.pos == "NUM" for k in p.children(t.i)) or _amount_below(p, t)


def _doers(p: Parse, noun: Token, verb: Token) -> bool:
    """The compared noun counts those doing what the verb says ("more passengers travelled", "fewer
    households applied": its subject) or how long they did it ("patients waited less time": a noun of
    time, its object); not what a holder did to them ("the airport handled more passengers")."""
    if verb.pos != "VERB" or verb.lemma in _UP_DOWN_HEADS:
        return False
    if noun.head == verb.i and noun.dep in _SUBJECTS or verb.head == noun.i and _misread(p, verb) is noun:
        return True
    return noun.head == verb.i and noun.dep == "dobj" and NOUN_TIME in lexicographer_files(noun.lemma, "n", 3)


def _done(p: Parse, verb: Token, noun: Token) -> str:
    """What the verb of a compared count says was done, besides the count: its object, or what
    follows "for", "on", "of", "at" ("claimed unemployment support", "waited less time for scans"),
    without the object's own prepositions ("jobless benefits in Talbrook": the place is the measure's)."""
    objects = []
    for k in p.children(verb.i):
        if k.i == noun.i:
            continue
        if k.dep == "dobj":
            objects.append(k)
        elif k.dep == "prep" and k.low in ("for", "on", "of", "at"):
            objects += [x for x in p.children(k.i) if x.dep == "pobj"]
    return " ".join(tokens_text([y for y in p.subtree(x.i) if y.i <= x.i and y.pos not in ("DET", "NUM", "PRON")])
                    for x in objects)


def _earlier(p: Parse, than: Token, date_spans: tuple = ()) -> bool:
    """"than the year before", "than a year earlier", "than in 2023", "than last year", "than in
    February": a date of the claim's, or a month's name)."""
    for k in p.subtree(than.i):
        if k.lemma.lower() in _UNITS or (k.pos == "NUM" and re.fullmatch(r"(?:19|20)\d\d", k.text)):
            return True
        if any(s <= k.start < e for s, e in date_spans) or k.pos == "PROPN" and _MONTH.fullmatch(k.text):
            return True
    return False


def _amount_of(claim: Claim, p: Parse, t: Token) -> tuple | None:
    """(value, dimension) of the number the change word governs ("fell 12%", "down 15 per cent",
    "8 per cent more", "fell by 12%", "an increase of 4%": the amount after "by", or after "of" on a
    noun of change), None when none does."""
    scope = [x for k in p.children(t.i) if k.dep not in ("conj", "cc", "ccomp", "advcl", "relcl", "prep")
             or k.dep == "prep" and (k.low == "by" or k.low == "of" and t.pos == "NOUN")
             for x in p.subtree(k.i)]
    for q in claim.quantities:
        if q.value is not None and any(x.start < q.end and q.start < x.end for x in scope):
            return (q.value, q.dimension)
    return None


def base_at(claim: Claim, start: int) -> str:
    """The base unit of the move whose change word governs the number at ``start`` ('' when none)."""
    found = moves(claim)
    if not found:
        return ""  # a claim without moves is not parsed for them
    p = parse(claim.text)
    for m in found:
        t = p.token_at(m.start)
        if t is not None and any(x.start <= start < x.end for k in p.children(t.i) for x in p.subtree(k.i)):
            return m.base
    return ""


def _amount(p: Parse, obj: Token) -> bool:
    """The object of a change verb is its amount ("lost 3%", "shed 40 points")."""
    return obj.pos == "NUM" or obj.text in ("%", "percent") or any(k.pos == "NUM" for k in p.children(obj.i))


def _subject(p: Parse, verb: Token, holder: bool = False) -> Token | None:
    """The noun of what moved: the subject of the verb (or of the verb it is conjoined to), a common
    noun that names no person ("Rahman fell to 45-7-2", "the Chiefs lost", "the hosts rallied": a
    person or a team acting, not a measure moving); None for a pronoun ("it fell": what is not named).
    ``holder``: the subject holds what is compared ("the airport handled more passengers"): any noun."""
    cur = verb
    for _ in range(3):
        subject = next((k for k in p.children(cur.i) if k.dep in _SUBJECTS), None)
        if subject is not None:
            if holder:
                return subject if subject.pos in ("NOUN", "PROPN") else None
            return None if not _common(subject) or _person(subject.lemma) and not _counted_people(p, verb, subject) else subject
        if cur.dep not in ("conj", "xcomp") or cur.head == cur.i:
            return None
        # "fell 0.4% on the month but were up 2% on the year": one subject; "fares are to be cut": its verb's
        cur = p.tokens[cur.head]
    return None


def _counted_people(p: Parse, verb: Token, subject: Token) -> bool:
    """People named in the plural whose verb moves a count of them, not an act of theirs: a verb of
    change of magnitude (its first sense in WordNet's `VERB_CHANGE`: "registered beekeepers increased",
    "seasonal pickers doubled"; not one of motion, "the shearers rose before dawn", "the riders fell")
    or one whose object is the count ("deckhands numbered 410, down from 455")."""
    return subject.tag == "NNS" and (VERB_CHANGE in lexicographer_files(verb.lemma, "v", 1)
                                     or any(k.dep == "dobj" and k.pos == "NUM" for k in p.children(verb.i)))


def _person(lemma: str) -> bool:
    """The noun names a person in its first sense ("boxer", "hosts", "players"; not "fares", whose
    person is a paying passenger, its fourth sense: the sum charged is what rises)."""
    return NOUN_PERSON in lexicographer_files(lemma, "n", 1)


def _common(t: Token) -> bool:
    """A common noun, or one the tagger took for a name though its lemma is lowercase and WordNet
    knows it ("Footfall in the town fell", "parcel delivery times fell"), or for a verb though the
    parse makes it a subject ("Pay at the quarry rose"); not a name ("Acme fell")."""
    return t.pos == "NOUN" or t.pos in ("PROPN", "VERB") and t.lemma.islower() and bool(synsets(t.lemma, "n")) and (
        t.pos == "PROPN" or t.dep in _SUBJECTS)


def _phrase(p: Parse, noun: Token, skip: Token | None = None) -> str:
    """The noun phrase without clauses of its own, numbers or the comparison."""
    drop = {x.i for x in p.subtree(skip.i)} if skip is not None and skip.i != noun.i else set()
    for k in p.children(noun.i):
        if (k.dep in ("relcl", "acl", "appos", "punct", "cc", "conj") or k.pos == "NUM"
                or (skip is not None and k.i == skip.i) or any(n.dep == "nummod" for n in p.children(k.i))):
            drop |= {x.i for x in p.subtree(k.i)}
    return tokens_text([x for x in p.subtree(noun.i) if x.i not in drop and x.pos not in ("NUM", "DET")]).strip()


#: Heads that count or size what their compound modifier names ("passenger numbers"): the measure
#: is then also named by the modifier ("more passengers").
_COUNTING = frozenset({"number", "total", "count", "figure", "level", "volume"})


def _heads(p: Parse, noun: Token) -> frozenset[str]:
    heads = {_head_word(p, noun)}
    if noun.lemma.lower() in _COUNTING:
        heads |= {k.lemma.lower() for k in p.children(noun.i) if k.dep == "compound"}
        heads |= {x.lemma.lower() for x in _counted(p, noun)}
    return frozenset(heads)


def _joined(p: Parse, noun: Token) -> Token | None:
    """The word a hyphen joins to the front of ``noun`` ("break" of "break-ins", which the parse splits
    into a compound, a hyphen and "ins"), when WordNet knows the two as one noun; else None."""
    i = noun.i
    if i < 2 or p.tokens[i - 1].text != "-" or p.tokens[i - 1].end != noun.start:
        return None
    first = p.tokens[i - 2]
    if first.end != p.tokens[i - 1].start or not first.text.isalpha() or first.head != noun.i:
        return None
    return first if synsets(f"{first.text.lower()}-{noun.lemma.lower()}", "n") else None


def _head_word(p: Parse, noun: Token) -> str:
    """The lemma of a head noun, with the word a hyphen joins to it (`_joined`: "break-ins": break-in,
    not "in")."""
    first = _joined(p, noun)
    return f"{first.text.lower()}-{noun.lemma.lower()}" if first is not None else noun.lemma.lower()


def _counted(p: Parse, noun: Token) -> list[Token]:
    """What a counting head counts after "of" ("the number of people claiming benefits": people)."""
    return [x for k in p.children(noun.i) if k.dep == "prep" and k.low == "of"
            for x in p.children(k.i) if x.dep == "pobj" and x.pos == "NOUN"]


def _acts(p: Parse, noun: Token, verb: Token, heads: frozenset[str], t: Token) -> frozenset[str]:
    """The activity a moved count is of, as verbs: the verb of a compared count ("fewer households
    applied": apply), the verb of the people a counting head counts ("the number of households
    applying": apply), the verb WordNet derives from a head noun ("toll payments": pay, "waits":
    wait; `wordnet.verb_of`)."""
    acts = set()
    if t.low in _COMPARATIVE and _doers(p, noun, verb):
        acts.add(verb.lemma.lower())
    for x in _counted(p, noun) if noun.lemma.lower() in _COUNTING else ():
        acts |= {k.lemma.lower() for k in p.children(x.i) if k.dep in ("acl", "relcl") and k.pos == "VERB"}
    acts |= {v for h in heads if h not in _COUNTING and not is_person(h) and (v := verb_of(h))}
    return frozenset(acts)


def _object(p: Parse, noun: Token, verb: Token, t: Token) -> str:
    """What the counted activity was done to or for (`_done`: "claimed unemployment support", "the
    number of households applying for hardship grants", "waits for routine scans": the noun of the
    activity itself), '' when the clause says nothing of it."""
    if t.low in _COMPARATIVE and _doers(p, noun, verb):
        return _done(p, verb, noun)
    head = noun.lemma.lower()
    for x in _counted(p, noun) if head in _COUNTING else ():
        for k in p.children(x.i):
            if k.dep in ("acl", "relcl") and k.pos == "VERB":
                return _done(p, k, x)
    if head not in _COUNTING and not is_person(head) and verb_of(head):
        return _done(p, noun, noun)  # the noun WordNet derives a verb from: its own "for", "on", "of", "at"
    return ""


def _absolute(p: Parse, noun: Token, t: Token) -> str:
    """What moved in "Tenants in Yarrow pay more, with rents up 3.1%": the noun, with the subject of
    the clause "with" hangs from, who hold it ("rents Tenants in Yarrow")."""
    what = _phrase(p, noun, skip=t)
    prep = p.tokens[noun.head]
    if noun.dep == "pobj" and prep.low == "with" and (holder := _subject(p, p.tokens[prep.head], holder=True)) is not None:
        what = f"{what} {_phrase(p, holder)}"
    return what


def _amount_below(p: Parse, t: Token) -> bool:
    """A number in the phrase of "up" / "down" ("rents up 3.1%"), its amount."""
    return any(x.pos == "NUM" for x in p.subtree(t.i) if x.i != t.i)


#: The auxiliaries of what is to come ("will rise", "are to come down"): a forecast, unless the change
#: is set to take effect from a date (`_scheduled`); "would" and "should" stay unasserted.
_FUTURE = frozenset({"will", "'ll", "shall", "to"})


def _unasserted(p: Parse, verb: Token, date_spans: tuple = ()) -> bool:
    """A move that is not reported as having happened: negated, a possibility or a forecast
    ("could fall", "is expected to rise", "if prices climb", "will rise next year"); not a change
    decided to take effect from a date ("will go up by 5% from 1 March", "are to come down from
    May": `_scheduled`)."""
    kids = p.children(verb.i)
    if any(k.dep == "neg" for k in kids) or mood.marked(p, verb):
        return True
    auxes = {k.low for k in kids if k.dep in ("aux", "auxpass")}
    if mood.possible(auxes, False) or auxes & {"would", "wo", "should"}:
        return True
    if verb.dep == "xcomp" and p.tokens[verb.head].lemma.lower() in _HEDGES:
        return True
    return bool(auxes & _FUTURE) and not _scheduled(p, verb, date_spans)


def _scheduled(p: Parse, verb: Token, date_spans: tuple) -> bool:
    """The change takes effect from a date of the claim's: "from" with a date in the verb's clause, or
    in the clause of the verb whose infinitive it is ("From 1 May, bills are to come down"; "will
    reduce for policies renewing from 1 April"; a month's name: "from April"), not in a clause of its own."""
    owners = [verb] + ([p.tokens[verb.head]] if verb.dep == "xcomp" else [])
    inside = {x.i for o in owners for k in p.children(o.i) if k.dep not in _OWN_CLAUSES for x in p.subtree(k.i)}
    return any(p.tokens[i].low == "from" and any(x.dep == "pobj" and (
        any(s <= x.start < e for s, e in date_spans) or x.pos == "PROPN" and _MONTH.fullmatch(x.text))
        for x in p.children(i)) for i in inside)


#: The dependents that head a clause of their own, not part of the verb's.
_OWN_CLAUSES = frozenset({"ccomp", "advcl", "conj", "parataxis", "relcl", "xcomp"})


def _base(p: Parse, t: Token, verb: Token) -> str:
    """The calendar unit the move is measured against ("on the month", "from a year earlier")."""
    scope = {t.i}
    for owner in {t.i, verb.i}:
        for k in p.children(owner):
            if k.dep not in ("conj", "cc", "ccomp", "advcl", "relcl", "parataxis") and k.i not in (t.i, verb.i):
                scope |= {x.i for x in p.subtree(k.i)}
    for i in sorted(scope):
        tok = p.tokens[i]
        unit = _UNITS.get(tok.lemma.lower())
        if unit is None:
            continue
        cur = tok
        for _ in range(4):  # the nearest preposition above the unit
            if cur.head == cur.i:
                break
            cur = p.tokens[cur.head]
            if cur.pos == "ADP" or cur.low == "compared":
                if cur.low in _BASE_PREPS:
                    return unit
                break
    text = p.text[min(t.start, verb.start):]
    m = _ON_RE.search(text)
    return m[1].lower() if m else ""


#: Two moves whose heads are one word (or WordNet synonyms) are of one measure when their measure
#: phrases are at least this alike (embedding cosine, `compare.PairContext.sim`): the holders and
#: places around the head agree ("house prices in Delbrook" / "Delbrook house prices" 0.96; "flu
#: admissions in the district" / "hospital admissions for flu" 0.88).
SAME_HEAD_SIM = 0.7
#: ... and with different heads, at least this alike: one measure named two ways ("shares in Acme" /
#: "Acme stock" 0.89), above different measures of one holder ("steel imports" / "steel exports"
#: 0.82, "sales" / "profits" 0.64).
SAME_WHAT_SIM = 0.85
#: Other heads are one measure only when the two moves also state the same amount ("shares fell 12%" /
#: "the stock jumped 12%"): "Kessel Bank's profit fell" / "Kessel Bank's revenue rose" are as alike
#: by meaning as "shares" / "stock" (head cosines 0.72 and 0.68; WordNet puts both pairs in one family).


#: Two counts of one activity are of one measure when what it was done to or for is at least this
#: alike ("claiming jobless benefits" / "claimed unemployment support" 0.56, "hardship grants" /
#: "housing benefit" 0.40, "unemployment benefits" / "sickness benefits" 0.36): the measure
#: phrases as a whole are alike by the activity and its people alone (0.79 for the latter pair).
SAME_DONE_SIM = 0.5
#: `compare.apart`'s reason for background figures counted over different areas (`_background_scopes_differ`:
#: a recalled event's toll "in the province" / "across Asia"). A move timed by last year's annual
#: figures is the story's news, not a recalled toll, and its places are in the measure phrases
#: `same_move` compares; so with this reason two moves are one only when their phrases are as
#: alike as `SAME_WHAT_SIM` asks ("Membership of the Ostwick league" / "the Ostwick league's
#: membership" 0.98; "the rowing league's membership" / "membership of the chess club" 0.72).
_RECALLED_AREAS = "background figures of different areas"


def same_move(x: Move, y: Move, ctx) -> float:
    """How alike the measures of two moves are (their phrases' similarity), 0 when they are not one
    measure of one thing at one time (see the module docstring)."""
    from .compare import apart

    if x.base and y.base and x.base != y.base:
        return 0.0  # "down on the month" / "up on the year"
    if x.periods and y.periods and not x.periods & y.periods:
        return 0.0  # "for the autumn term" / "for the spring term", "over the summer" / "over the winter months"
    if _opposite_heads(x.heads, y.heads) or members_differ(x.kinds, y.kinds):
        return 0.0  # "imports" / "exports"; "salmon landings" / "trout landings"
    sim = ctx.sim(x.what, y.what)
    xs, ys = _counted_heads(x.heads), _counted_heads(y.heads)
    one_head = (bool(xs & ys) or any(relation(a, b, "n") == SAME for a in xs for b in ys)
                or bool(x.acts & y.acts) or any(relation(a, b, "v") == SAME for a in x.acts for b in y.acts))
    if not one_head and (state := _one_state(x, y)) is not None:
        # "Unemployment in Carrow" / "Carrow's jobless rate": one state, its words written alike
        one_head, sim = True, max(sim, ctx.sim(x.what, _rewritten(y.what, *state)))
    if not one_head and (near := _next_heads(xs, ys)) is not None:
        # "House prices in Delbrook" / "Delbrook property values": heads one step apart, one measure when
        # the phrases with one head written as the other are as alike as other heads must be
        written = written_alike(x.what, near[1], y.what, near[0], ctx)
        if written >= SAME_WHAT_SIM:
            one_head, sim = True, max(sim, written)
    if not one_head and not (x.amount and x.amount == y.amount):
        return 0.0  # "profit fell" / "revenue rose": other heads, no amount to tie them
    done = ctx.sim(x.done, y.done) if x.done and y.done else None
    one_act = done is not None and done >= SAME_WHAT_SIM and (
        bool(x.acts & y.acts) or any(relation(a, b, "v") == SAME for a in x.acts for b in y.acts))
    if sim < (SAME_HEAD_SIM if one_head else SAME_WHAT_SIM) and not (
            one_act and (not x.names or not y.names or x.names & y.names)):
        return 0.0  # one activity done for one thing: the rest of the phrases hold places and holders, their names one
    if done is not None and done < SAME_DONE_SIM:
        return 0.0  # "applied for hardship grants" / "applying for housing benefit": other activities
    if _part_of(x, y) or _part_of(y, x):
        return 0.0
    reason = apart(x.frame, y.frame, ctx)
    if reason == _RECALLED_AREAS:
        return sim if sim >= SAME_WHAT_SIM or _area_of_holder(x, y) or _area_of_holder(y, x) else 0.0
    return 0.0 if reason else sim


def _area_of_holder(scoped: Move, other: Move) -> bool:
    """The area ``scoped`` is counted over (the place or area of its frame's slots, from the
    preposition that opens the phrase of its names: "in Fenholt" of "burglaries recorded in Fenholt",
    "on Quillbury's roads") is what ``other`` says moved: its names are all names of ``other``'s
    measure phrase and its other words are words of that phrase ("Fenholt's burglaries"; "crashes on
    Quillbury's roads"). One area, a place on one side and the holder of the measure on the other,
    not the second area `compare.apart`'s background veto (`_RECALLED_AREAS`) takes it for. A scope
    of other names ("vans in Norland" / "Brask Motors' van sales") or of another holder of that name
    ("the Ostwick chess club" / "the Ostwick rowing league's membership") stays two areas."""
    from .compare import area_context

    slots = scoped.frame.slots
    words = re.findall(r"[A-Za-z][\w-]*", slots.place or area_context(slots.context))
    first = next((i for i, w in enumerate(words) if w[0].isupper()), None)
    if first is None:
        return False
    opens = max((i for i, w in enumerate(words[:first]) if w.lower() in _AREA_PREPS), default=-1)
    area = words[opens + 1:]
    names = {w for w in area if w[0].isupper()}
    told = {_stem(w) for w in re.findall(r"[A-Za-z][\w-]*", other.what)}
    return names <= other.names and all(_stem(w) in told for w in area if w[0].islower() and w.lower() not in _ARTICLES)


#: Prepositions that open the phrase of an area (`_area_of_holder`).
_AREA_PREPS = frozenset({"in", "on", "at", "of", "across", "around", "throughout", "within", "for", "from"})
_ARTICLES = frozenset({"the", "a", "an", "s"})


def _stem(word: str) -> str:
    """A word without case and a plural's "s" ("roads": road), to find one word told twice."""
    w = word.lower()
    return w[:-1] if len(w) > 3 and w.endswith("s") and not w.endswith("ss") else w


def _states(m: Move) -> dict[int, str]:
    """The states what moved names (`wordnet.state_of`), each with the word that names it: its heads
    ("unemployment", "joblessness"), and the words narrowing a head that is a level (its first sense
    among `wordnet.LEVELS`: "jobless" of "the jobless rate", "homeless" of "the homeless count"), a
    level of what they name; not those of other heads ("jobless claims": claims only described)."""
    words = set(_counted_heads(m.heads))
    if any(lexicographer_files(h, "n", 1) & LEVELS for h in m.heads):
        words |= m.kinds
    return {s: w for w in sorted(words) for s in state_of(w)}


def _one_state(x: Move, y: Move) -> tuple[str, str] | None:
    """(the word of ``y``, the word of ``x``) that name one state ("jobless", "unemployment"), or None."""
    sx, sy = _states(x), _states(y)
    shared = sorted(set(sx) & set(sy))
    return (sy[shared[0]], sx[shared[0]]) if shared else None


def _next_heads(xs: frozenset[str], ys: frozenset[str]) -> tuple[str, str] | None:
    """(the head of ``ys``, the head of ``xs``) that lie one step apart in WordNet (`wordnet.next_to`:
    "value" / "price", "stock" / "share", "employee" / "staff"), or None."""
    return next(((b, a) for a in sorted(xs) for b in sorted(ys) if next_to(a, b)), None)


def written_alike(x: str, x_head: str, y: str, y_head: str, ctx) -> float:
    """How alike the measure phrases ``x`` and ``y`` are (`compare.PairContext.sim`) once the head of
    one is written as the other's, either way, the better of the two ("Property values in
    Elmbridge" / "Elmbridge home prices": "Property prices in Elmbridge", 0.91; "Elmbridge home
    values", 0.81), a plural kept plural: heads one step apart (`wordnet.next_to`) compared by the rest
    of their phrases ("Rail fares in Dunmore" / "Parking charges in Dunmore": "Parking fares", 0.77)."""
    return max(ctx.sim(x, _rewritten(y, y_head, x_head, plural=True)),
               ctx.sim(_rewritten(x, x_head, y_head, plural=True), y))


def _rewritten(what: str, word: str, by: str, plural: bool = False) -> str:
    """``what`` with ``word`` (a lemma: "jobless", "burglary") written as ``by``, for phrases compared
    by meaning once their words of one state are one ("Carrow 's jobless rate": "Carrow 's
    unemployment rate"); with ``plural`` a plural word written as the plural of ``by`` ("values":
    "prices")."""
    stem = word[:-1] if len(word) > 4 else word  # "burglary": "burglaries"

    def put(found: re.Match) -> str:
        if not plural or not found.group(0).lower().endswith("s") or word.lower().endswith("s") or by.endswith("s"):
            return by
        return by[:-1] + "ies" if re.search(r"[^aeiou]y$", by) else by + ("es" if re.search(r"(?:[sxz]|[cs]h)$", by) else "s")

    return re.sub(r"\b" + re.escape(stem) + r"\w*", put, what, count=1, flags=re.IGNORECASE)


def _counted_heads(heads: frozenset[str]) -> frozenset[str]:
    """The heads that say what is counted: a counting head ("number", `_COUNTING`) is dropped when the
    phrase also names what it counts ("stallholder numbers" / "visitor numbers" share only the count,
    not the measure)."""
    named = heads - _COUNTING
    return named if named else heads


def _part_of(mover: Move, other: Move) -> bool:
    """``part`` is said of an area named by its kind ("in the northern district of Caldon") that
    ``whole`` does not name ("across Caldon"): `compare.smaller_area`, `compare._part_of`'s reading
    of areas without its value test (a move has no value to compare)."""
    from .compare import smaller_area

    part, whole = mover.frame, other.frame
    if not whole.slots.place and _kind_named(part.slots.place, other.what):
        return False  # "footfall in the Dunmere town centre" / "town-centre footfall": that kind of area, not a whole
    if not whole.slots.place and _name_and_kind(part.slots.place, other.names):
        return False  # "in the Carrow region" / "Carrow's": the area of that name, not a part of it
    if part.slots.subplace and whole.slots.place and re.search(
            r"\bof\s+(?:the\s+)?" + re.escape(whole.slots.place) + r"\b", mover.what):
        return True  # "the northern district of Caldon" / "across Caldon"
    return smaller_area(part, whole)


def _name_and_kind(area: str, names: frozenset[str]) -> bool:
    """``area`` is a name with one kind word after it ("Carrow region", "Hesket district") and the
    other move names it by that name alone ("Carrow's jobless rate"): the area of that name, told
    with its kind; not a part named by a kind of two words ("Dunmere town centre": the centre of the
    town Dunmere) or by a kind before its whole ("district of Caldon")."""
    words = area.split()
    return (len(words) > 1 and words[-1].isalpha() and words[-1].islower()
            and all(w[:1].isupper() for w in words[:-1]) and set(words[:-1]) <= names)


def _kind_named(area: str, what: str) -> bool:
    """The kind words of ``area`` (those after its last capitalised word: "town centre" of "Dunmere
    town centre") stand in ``what``, joined by spaces or hyphens ("town - centre footfall"): the other
    move is said of an area of that kind, not of a larger whole holding it."""
    words = area.split()
    last = max((n for n, w in enumerate(words) if w[:1].isupper()), default=None)
    kind = words[last + 1:] if last is not None else []
    if not kind or not all(w.isalpha() for w in kind):
        return False
    run = r"\s*-?\s*".join(re.escape(w) for w in kind)
    return re.search(r"(?<!\w)" + run + r"(?!\w)", what, re.IGNORECASE) is not None


def members_differ(xs, ys) -> bool:
    """The modifiers of one head on two sides name different members of one family ("salmon
    landings" / "trout landings", "barley yields" / "wheat yields": `wordnet.relation` `KIN`, a
    common hypernym near both): two measures, however alike the phrases are by meaning ("Salmon
    landings at Grebe Quay" / "Trout landings at Grebe Quay" 0.88). Modifiers of one meaning
    ("coach" / "bus") or of other kinds ("flu admissions" / "hospital admissions for flu": one says
    why, the other where; `FAR`) leave the measure one."""
    only_x, only_y = set(xs) - set(ys), set(ys) - set(xs)
    return any(relation(a, b, "n") == KIN for a in only_x for b in only_y)


def _opposite_heads(xs: frozenset[str], ys: frozenset[str]) -> bool:
    """WordNet antonyms among the heads ("imports" / "exports", "births" / "deaths"): `wordnet.opposite`,
    the test the dates' verbs use ("began" / "ended"), for nouns."""
    return any(opposite(a, b, "n") for a in xs for b in ys)
