"""Whether two dated statements tell one occasion: what it happens to, read from the parse.

Two outlets name one event in other words ("shut its doors for the final time" / "ceased trading",
"broke out" / "started", "will be played" / "has been rescheduled for", "completed" / "completion
... took place"), and a verb's similarity does not tell such a pair from two events of one story
("broke out" / "ended" scores higher than "broke out" / "started"). What tells them apart is what
the event happens to or is done by, and which change of it the verbs name. The participants
(`participants`) are the subjects of the verbs the dates hang from, the noun a participle
describes ("Vessa-2, launched on 19 September"), the noun a date names directly ("the dam breach
on April 30"), the thing an event noun is of ("completion of the acquisition took place"), and
the subject of the verb an infinitive completes when the infinitive has none of its own ("the trial
is set to open on 4 October": the trial).
Two dates of one thing (`_same`) are of one occasion (`one_occasion`) when their verbs name its
one change: both tell it, one moves its date, one names its mere happening, both name its start
or both its end, or one verb is the other or a kind of it (WordNet). `compare.apart` then compares
them where the verbs' similarity alone would set them apart.

A person is no such thing: one man is arrested, charged and sentenced on three days, so a
participant that WordNet's first sense makes a person (or a name alone, which may be one) never
makes one occasion; nor do verbs of different families (one of saying or knowing against one of
another kind: "announced" / "completed" are an announcement and its event; `utterances`), nor
other changes of one thing ("was launched" / "sank", "formed" / "split up", "was evacuated" /
"was inspected"). Opposites ("opened" / "closed") stay two events (`shared_time.opposed`).
Measured on the news halves (benchmarks/news.py): no finding gained or lost on either; on the
tuning pair files 4 date conflicts more of voices4 and 1 of voices3, none of their consistent
pairs flagged.

Where the verbs do not say it, the rest of the predicate may (`told_alike`): what the verb says of
the thing with its objects and modifiers, without the thing itself ("was launched successfully
from the Osterholm spaceport" / "lifted off from Osterholm", "overflowed its banks" / "burst its
banks"), compared by the sentence model like the bare verbs; not for two phases of its course nor
for a reading of a measure (`_measured`: a count or a move recurs). A name is one thing with the
name of the thing it names (`_kind_named`: "the cargo ship Mervale" / "the Mervale").

Where neither verb nor predicate says it, what the event did may (`same_outcome`, session 48): a
participle clause beside the dated verb ("gave way on 3 April, flooding the lower village") or the
verb of a dated event noun ("the dam breach on April 30 flooded homes in the lower village") told
on both sides, by one verb (WordNet) of phrases alike: "gave way" / "breach" are one failure of the
dam. Two steps of one story tell other outcomes, even of one thing ("ran aground, blocking the
channel" / "was refloated, reopening the channel"). An event noun's compound modifiers name what it
happened to ("the Tarrow weir failure": the weir), as its of-phrase does.

Where the participants differ, an act named by its noun on one side and by its verb on the other
may still be one (`_act_named`, session 50): "the county election will be held on 12 March" /
"voters will vote on 19 March" (an election is a vote, `wordnet.names_act`), "the inspection took
place on 3 April" / "officers inspected the depot on 10 April". A verb says its thing entered a
state, the start of its course, when it goes "into" a bare noun of a state ("came into force",
"comes into effect") or lies below WordNet's "become" ("took effect") (`date_phase`).

Where the verb names no phase, the words of its predicate may mark one (`marked_phase`, session
52): "its first riders", "its maiden crossing" (WordNet's clusters of "opening" and "first") a
start, "for the final time" (their antonyms) an end; one thing's marked start and its end are two
events though told by one verb (`course_apart`). The thing such a first or last use is of may be
the verb's object ("traffic first crossed the bridge": `_served`), a participant too.
"""

from __future__ import annotations

from collections.abc import Callable
from functools import lru_cache

from ..quantities.change import direction_of
from ..quantities.numbers import ORDINALS
from .. import wordnet
from .frames import Frame, disjoint, frames, same_kind
from .shared_time import listed_for, planned, planned_for
from .slots import entered_state
from .utterances import date_verb

#: Dependencies of a verb's subject (active, passive, clausal).
_SUBJECTS = ("nsubj", "nsubjpass")
#: Dependencies of a participle that describes the noun it hangs from ("Vessa-2, launched on ...",
#: "a first confirmed case reported on March 9").
_DESCRIBES = ("acl", "relcl")


def participants(f: Frame) -> list[tuple]:
    """The participants of ``f``'s date (see the module doc), each as (head token, the words of its
    phrase without the date and without clauses); [] when the date's sentence names none."""
    if f.q.dimension != "date":
        return []
    p, verb, span, inside = date_verb(f)
    heads = []
    if verb is not None:
        heads += [k for k in p.children(verb.i) if k.dep in _SUBJECTS and k.i not in inside]
        if verb.dep in _DESCRIBES and verb.head != verb.i:
            heads.append(p.tokens[verb.head])
        if not heads and verb.dep == "xcomp" and verb.head != verb.i:
            # "the trial is expected to start on ...": the infinitive's subject is its head's
            heads += [k for k in p.children(verb.head) if k.dep in _SUBJECTS and k.i not in inside]
        heads += _served(p, verb, inside) if marked_phase(f) and not phase(verb_lemma(f)) else []
    if span:
        # the noun the date names directly ("the dam breach on April 30", "Saturday's match")
        top = p.head_of(span)
        for t in [top, *p.ancestors(top.i)][:3]:
            if t.i not in inside and t.pos in ("NOUN", "PROPN") and (verb is None or t.i < verb.i):
                heads.append(t)
                break
            if t.pos in ("VERB", "AUX"):
                break
    out = []
    for h in heads:
        if h.pos not in ("NOUN", "PROPN"):
            continue  # a pronoun or a clause names nothing by itself
        out.append((h, _phrase(p, h, inside)))
        # "completion of the acquisition": what an event noun is of
        if h.pos == "NOUN" and wordnet.lexicographer_files(h.lemma, "n") & wordnet.ACTS_AND_EVENTS:
            for prep in p.children(h.i):
                obj = p.child(prep.i, "pobj") if prep.low == "of" else None
                if obj is not None and obj.pos in ("NOUN", "PROPN"):
                    out.append((obj, _phrase(p, obj, inside)))
            # "the Tarrow weir failure": its compound modifiers name it too, the last one the head
            kinds = [k for k in p.children(h.i) if k.dep == "compound" and k.pos in ("NOUN", "PROPN")]
            if kinds:
                out.append((kinds[-1], [t for k in kinds for t in p.subtree(k.i) if t.i not in inside]))
    return out


def _served(p, verb, inside) -> list:
    """The things a first or last use is of, when the predicate's words mark the start or the end
    (`marked_phase`) and its verb names none: the verb's object and the objects of its prepositions
    that name no person and carry no mark themselves ("traffic first crossed the bridge", "the first
    cars rolled across the viaduct": the bridge, the viaduct). The first crossing of a bridge is the
    start of the bridge's use, told of what crossed it."""
    out = []
    for k in p.children(verb.i):
        obj = k if k.dep == "dobj" else p.child(k.i, "pobj") if k.dep == "prep" else None
        if obj is None or obj.i in inside or obj.pos != "NOUN" or not _thing(obj):
            continue
        if any(wordnet.course_mark(c.low) for c in p.children(obj.i) if c.dep in ("amod", "compound")):
            continue  # "its first riders": who rode, not what was ridden
        out.append(obj)
    return out


def _phrase(p, head, inside) -> list:
    """The words of ``head``'s noun phrase: its subtree without the date and without clauses or
    appositions other than a name (`_name_of`) ("the Vessa-2 Earth observation satellite", "the
    blaze at the Kestwick mill")."""
    skip = set(inside)
    for k in p.children(head.i):
        if k.dep in ("relcl", "acl", "appos", "conj", "cc", "punct", "advcl") and not _name_of(p, k):
            skip |= {t.i for t in p.subtree(k.i)}
    return [t for t in p.subtree(head.i) if t.i not in skip and t.pos != "PUNCT"]


def _name_of(p, k) -> bool:
    """``k`` is a name in apposition, its words all proper nouns ("the cargo ship Mervale", parsed
    as "ship" with "Mervale" beside it): part of the phrase, as a name inside it is."""
    return k.dep == "appos" and all(t.pos == "PROPN" for t in p.subtree(k.i))


def _thing(head) -> bool:
    """A common noun whose first sense is no person: a thing, a body, a happening ("store",
    "satellite", "fixture", "fire"); not a person ("man", "suspect") nor a name."""
    return head.pos == "NOUN" and _thing_word(head.lemma)


def _names(words) -> set[str]:
    """The names of a phrase, lowercased: proper nouns, and capitalised words inside it that the
    parse may tag otherwise ("the Linnet-2 satellite")."""
    return {t.low for t in words if t.pos == "PROPN" or (
        t.i > 0 and t.text[:1].isupper() and t.pos in ("ADJ", "NOUN"))}


def _same(x: tuple, y: tuple) -> bool:
    """Two participants are one thing (`_thing`): one head noun (the same lemma, or one meaning in
    WordNet: "the fire" / "the tunnel fire"), two things whose phrases share a name ("the Kestwick
    blaze" / "the Kestwick mill fire"), or a thing and the name it is called by ("the Vessa-2
    satellite" / "Vessa-2"). A thing named by a proper noun of its kind (`_named_thing`: "the
    Ostrow Pavilion") is that thing when the other side's is of one noun and shares a name."""
    (hx, wx), (hy, wy) = x, y
    if _named_thing(hx, wx) or _named_thing(hy, wy):
        # "the Ostrow Pavilion" / "the new pavilion at Ostrow Park": one kind of thing, one name
        kx, ky = (hx.low if hx.pos == "PROPN" else hx.lemma), (hy.low if hy.pos == "PROPN" else hy.lemma)
        others = _own_names(hx, wx) & _own_names(hy, wy)
        return (_thing(hx) or _named_thing(hx, wx)) and (_thing(hy) or _named_thing(hy, wy)) and bool(others) \
            and (kx == ky or wordnet.relation(kx, ky, "n") == wordnet.SAME)
    if _thing(hx) and _thing(hy):
        return (hx.lemma == hy.lemma or wordnet.relation(hx.lemma, hy.lemma, "n") == wordnet.SAME
                or bool(_names(wx) & _names(wy)))
    for thing, words, name in ((hx, wx, hy), (hy, wy, hx)):
        if _thing(thing) and name.pos == "PROPN" and name.low in _names(words):
            return True
    return hx.pos == hy.pos == "PROPN" and hx.low == hy.low and (_kind_named(hx, wx) or _kind_named(hy, wy))


def _named_thing(head, words) -> bool:
    """A proper noun whose word is a common noun of a thing (`_thing_word`), named by the other
    proper nouns of its phrase: "the Ostrow Pavilion" is a pavilion called Ostrow, "the Brackley
    Wing" a wing. `_same` matches it with a thing of the same noun that shares one of those names
    ("the new pavilion at Ostrow Park"), never by a shared name alone ("the Farrow Wing" / "Farrow
    Road" are two things of one name). A place is no name of it ("the Ohio Senate": `_own_names`)."""
    return head.pos == "PROPN" and _thing_word(head.low) and bool(_own_names(head, words))


def _own_names(head, words) -> set[str]:
    """The names of ``head``'s phrase (`_names`) other than its head and than places (`wordnet.is_area`:
    "the Ohio Senate" says where the body sits, as in `_kind_named`)."""
    return {n for n in _names(words) - {head.low} if not wordnet.is_area(n)}


def _kind_named(head, words) -> bool:
    """The phrase of a name says what kind of thing it names, a thing that is no person: a compound
    of the name is a common noun of a thing in WordNet ("the cargo ship Mervale", "the River
    Tessen") and none is one of a person ("Ros Delaney" names no kind; "Harbour Master Ines Orme",
    "Dunmore County Sheriff Alan Pye" name a person's office). The name alone on the other side
    ("the Mervale") is that thing. On the news tune half a prosecutor's two statements were read
    as one thing's occasion before the office was read (one dismissed finding). A compound that
    names a place (`wordnet.is_area`: "the Ohio Senate") says where the named body is, not what
    kind of thing it is: on the news tune half a legislature's passing of a bill and its sending
    the bill on were read as one occasion (one dismissed finding)."""
    kinds = [t.text.lower() for t in words if t.dep == "compound" and t.head == head.i
             and not wordnet.is_area(t.text.lower())]  # "the Ohio Senate": where, not what kind
    return any(map(_thing_word, kinds)) and not any(
        wordnet.NOUN_PERSON in wordnet.lexicographer_files(k, "n") for k in kinds)


def _thing_word(word: str) -> bool:
    """WordNet knows ``word`` as a noun whose first sense is no person."""
    files = wordnet.lexicographer_files(word, "n")
    return bool(files) and wordnet.NOUN_PERSON not in files


#: WordNet's lexicographer files of verbs of saying and knowing ("announced", "reported",
#: "confirmed"): the date of such a verb is the date of a report, not of what it reports.
_TELLING = frozenset({wordnet.VERB_COMMUNICATION, wordnet.VERB_COGNITION})


def _family(f: Frame) -> bool | None:
    """Whether the date's verb is one of saying or knowing (`_TELLING`, first sense); None without
    a verb, or for such a verb in the passive whose subject names the event ("the trip has been
    rescheduled for ...", "sentencing is scheduled for ...": the date is the event's, planned or
    moved, `shared_time.planned`); None too for a participle that sets its event noun's time with
    "for" ("trial fixed for 14/10/2025", `shared_time.listed_for`). A passive verb planning its
    date for an event noun ("is scheduled for release", "for debate": `shared_time.planned_for`) is
    that noun's verb."""
    p, verb, span, inside = date_verb(f)
    if verb is None or listed_for(p, verb, inside) is not None:
        return None
    if (event := planned_for(p, verb, inside)) is not None:  # "scheduled for debate": a debate's date
        return bool(_TELLING & wordnet.lexicographer_files(wordnet.verb_of(event.lemma) or event.lemma, "v"))
    telling = bool(_TELLING & wordnet.lexicographer_files(verb.lemma, "v"))
    return None if telling and planned(p, verb, inside) and _date_set(p, span) else telling


#: Prepositions by which a verb sets the time of what it plans or moves ("scheduled for 3 March",
#: "postponed to Friday", "put back until June"); "on", "in" or none date the verb's own act ("the
#: closure was confirmed on 3 March").
_SET_BY = ("for", "to", "until", "till")


def _date_set(p, span) -> bool:
    """The date is the object of a preposition that sets a planned time (`_SET_BY`): what a verb of
    telling in the passive sets for its event ("the vote was announced for 7 May"), not when it
    told ("the vote was announced on 2 April")."""
    if not span:
        return False
    top = p.head_of(span)
    return top.dep == "pobj" and top.head != top.i and p.tokens[top.head].low in _SET_BY


#: Adverbs that tell an act as a repeat of an earlier one ("walked out again"): a closed class of
#: English grammar, not a list of topics.
_REPEAT = frozenset({"again", "anew"})


def _ordinals(f: Frame) -> dict[str, int]:
    """The ordinal adjective (`numbers.ORDINALS`: "first", "second") of each participant of ``f``'s
    date (`participants`), by the participant's lemma: "the second Orlen rocket" is {"rocket": 2}."""
    p, _, _, inside = date_verb(f)
    out = {}
    for head, _ in participants(f):
        for c in p.children(head.i):
            if c.dep == "amod" and c.i not in inside and c.low in ORDINALS:
                out[head.lemma] = ORDINALS[c.low]
    return out


def _repeated(f: Frame) -> bool:
    """The date's verb is told as a repeat (`_REPEAT`: "walked out again")."""
    p, verb, _, inside = date_verb(f)
    return verb is not None and any(k.dep == "advmod" and k.low in _REPEAT and k.i not in inside
                                    for k in p.children(verb.i))


def occurrences_differ(fa: Frame, fb: Frame) -> bool:
    """The two dates are of two occurrences of one kind of event: their participants of one noun
    are told by different ordinals ("the first Orlen rocket lifted off" / "the second Orlen rocket
    lifted off"; "its first launch" / "its second launch"), or one verb is told on both sides and
    one side tells it as a repeat ("walked out" / "walked out again"). Two strikes, two launches:
    one verb and one workforce or one kind of rocket, but not one event. A repeat told with another
    verb ("reopened" / "opened again") stays one."""
    if fa.q.dimension != "date" or fb.q.dimension != "date":
        return False
    oa, ob = _ordinals(fa), _ordinals(fb)
    if any(noun in ob and ob[noun] != n for noun, n in oa.items()):
        return True
    va = verb_lemma(fa)
    return bool(va) and va == verb_lemma(fb) and _repeated(fa) != _repeated(fb)


def _announced(f: Frame) -> bool:
    """The date is of a statement about an event its sentence names: a verb of saying or knowing
    (`_TELLING`) in the passive whose subject names the event (`shared_time.planned`), dated by "on"
    or by no preposition ("the by-election was announced on 2 April", "the closure was confirmed on
    3 March"), not a time it sets for the event ("announced for 7 May", `_date_set`)."""
    p, verb, span, inside = date_verb(f)
    return (verb is not None and listed_for(p, verb, inside) is None and planned_for(p, verb, inside) is None
            and bool(_TELLING & wordnet.lexicographer_files(verb.lemma, "v"))
            and bool(planned(p, verb, inside)) and not _date_set(p, span))


def telling_and_told(fa: Frame, fb: Frame) -> bool:
    """One date is of a statement about an event (`_announced`: "the by-election was announced on 2
    April", "the closure was confirmed on 3 March") and the other of a verb of another kind than
    saying or knowing (`_family` False: "will be held on 7 May", "closed on 28 March"), and neither
    verb is the other or a kind of it (`verb_kind_of`): a statement and what it tells of are two
    events, however alike their words read by the sentence model ("was announced" / "will be held"
    0.46, over `compare.SAME_EVENT`). Only this shape: WordNet files many acts of law among its verbs
    of communication ("sentence", "charge"), and "will be sentenced on March 10" is the sentencing."""
    if fa.q.dimension != "date" or fb.q.dimension != "date":
        return False
    if not (_announced(fa) and _family(fb) is False or _announced(fb) and _family(fa) is False):
        return False
    va, vb = verb_lemma(fa), verb_lemma(fb)
    return not (verb_kind_of(va, vb) or verb_kind_of(vb, va))


def one_occasion(fa: Frame, fb: Frame, similar: Callable[[str, str], float] | None = None,
                 threshold: float = 1.0) -> bool:
    """The two dates are of one occasion by what it happens to: their participants share one that
    is a thing (`_same`), their verbs are of one family (both of saying or knowing, or neither:
    `_family`), and the verbs name that thing's one change: both tell it ("was confirmed" /
    "reported"), one only moves its date ("the trip has been rescheduled for": `shared_time.planned`),
    one names its mere happening ("took place", `phase` "occur"), both name one phase of its course
    (both its start: "broke out" / "began"; both its end: "shut" / "ceased"), one verb is the
    other or a kind of it in WordNet, the two predicates are told alike (`told_alike`, by
    ``similar`` at least ``threshold``), or both sentences tell one outcome of the event
    (`same_outcome`: "gave way, flooding the lower village" / "the breach flooded homes in the
    lower village"). Two other verbs of one thing ("was stolen" / "was found",
    "was launched" / "sank") stay two events."""
    if fa.q.dimension != "date" or fb.q.dimension != "date":
        return False
    family_a, family_b = _family(fa), _family(fb)
    if family_a is not None and family_b is not None and family_a != family_b:
        return False
    if not family_a and not family_b and (_act_named(fa, fb) or _act_named(fb, fa)):
        return True  # "the election will be held" / "voters will vote"
    pa, pb = participants(fa), participants(fb)
    if not any(_same(x, y) for x in pa for y in pb):
        return False
    if family_a is None or family_b is None or family_a:
        return True  # a date moved ("rescheduled for"), or one report in other words
    va, vb = verb_lemma(fa), verb_lemma(fb)
    phase_a, phase_b = date_phase(fa), date_phase(fb)
    if "occur" in (phase_a, phase_b) or phase_a and phase_a == phase_b:
        return True
    if verb_kind_of(va, vb) or verb_kind_of(vb, va):
        return True
    if similar is None or phase_a and phase_b or direction_of(va) or direction_of(vb):
        return False
    # a count in an outcome counts what the event did ("flooded dozens of homes"), no reading of a measure
    return (not _measured(fa, va) and not _measured(fb, vb) and told_alike(fa, fb, similar, threshold)
            or same_outcome(fa, fb, similar))


def _act_named(event: Frame, act: Frame) -> bool:
    """``event``'s date is of an act or event its sentence names by a noun (WordNet's acts and
    events) and only says happened or was set ("the county election will be held on 12 March",
    "the inspection took place on 3 April": phase "occur", or a passive planning verb,
    `shared_time.planned`), and ``act``'s verb names that act (`wordnet.names_act`: "voters will
    vote", "officers inspected the depot"). One occasion though who or what each side names differ
    (an event, persons): the voters are who the election is of. Not for a verb of a phase of a
    course on either side ("the election campaign began", "voting closed"), nor for a verb of a
    step before or after the act ("the election was called": "call" names no vote), nor for the
    event noun of an of-phrase ("the results of the election were declared")."""
    p, verb, _, inside = date_verb(event)
    other = verb_lemma(act)
    if verb is None or not other or date_phase(act) in ("start", "end") or direction_of(other):
        return False
    told = date_phase(event) == "occur"
    named = {t.i for t in planned(p, verb, inside)}
    for head, _ in participants(event):
        if head.pos == "NOUN" and head.dep in _SUBJECTS and (told or head.i in named) and (
                wordnet.lexicographer_files(head.lemma, "n") & wordnet.ACTS_AND_EVENTS
                and wordnet.names_act(other, head.lemma)):
            return True
    return False


#: Dependencies of a verb's children that are no part of its predicate: who or what does it (its
#: subject: the participants, compared by `_same`), other clauses, and their joints.
_NOT_PREDICATE = ("nsubj", "nsubjpass", "csubj", "ccomp", "parataxis", "advcl", "conj", "cc", "mark", "punct")


def predicate(f: Frame) -> str:
    """What ``f``'s date says happened, without who or what it happened to: the verb the date hangs
    from with its particle, objects and modifiers, less its subject, the date and other clauses
    ("was launched successfully from the Osterholm spaceport"; "burst its banks"); the event word
    (`slots.Slots.event`) when the date hangs from no verb."""
    words = _predicate_words(f)
    return " ".join(t.text for t in words) if words is not None else f.slots.event or ""


def _predicate_words(f: Frame) -> list | None:
    """The tokens of `predicate`; None when the date hangs from no verb."""
    p, verb, _, inside = date_verb(f)
    if verb is None:
        return None
    skip = set(inside)
    for k in p.children(verb.i):
        if k.dep in _NOT_PREDICATE:
            skip |= {t.i for t in p.subtree(k.i)}
    # a preposition whose object was the date ("on", "from") is left without one
    skip |= {t.i for t in p.subtree(verb.i) if t.dep == "prep" and p.children(t.i)
             and all(c.i in skip for c in p.children(t.i))}
    return [t for t in p.subtree(verb.i) if t.i not in skip and t.pos != "PUNCT"]


def _measured(f: Frame, verb: str) -> bool:
    """The date is of a reading of a measure, which recurs (a thing is counted or moves on many
    days): its verb names a move up or down (`change.direction_of`: "rose", "climbed") or its
    predicate holds a figure other than a date or a duration ("will operate 46 of its 180
    departures", "drew 9,310 spectators")."""
    if direction_of(verb):
        return True
    starts = {t.start for t in _predicate_words(f) or ()}
    return any(g.q.dimension not in ("date", "time") and g.q.start in starts for g in frames(f.claim))


def _read_figures(f: Frame) -> list[Frame]:
    """The figures other than dates and durations that ``f``'s date's predicate holds (`predicate`:
    "stood at 5.1%", "drew 12,000 visitors", "was 6.3%"): the date is the time of their reading."""
    starts = {t.start for t in _predicate_words(f) or ()}
    return [g for g in frames(f.claim) if g.q.dimension not in ("date", "time") and g.q.start in starts]


def readings_differ(fa: Frame, fb: Frame) -> bool:
    """Both dates are the times of readings of a measure, and the readings differ: each date's
    predicate holds a figure (`_read_figures`, as `_measured` reads a reading), and a figure of
    one side and one of the other are of one kind with values that cannot both be true ("the
    jobless rate stood at 5.1% in 2022" / "was 6.3% in 2023"; "the fair drew 12,000 visitors in
    2021" / "15,500 in 2022"). A measure is read on many days, so two readings at two times are no
    one event given two dates: the dates are what set the two figures apart (`compare.apart`, for
    NUM001), not a conflict of their own. One figure given two dates ("stood at 5.1% in 2022" /
    "stood at 5.1% in 2023") is not read here."""
    if fa.q.dimension != "date" or fb.q.dimension != "date":
        return False
    xs, ys = _read_figures(fa), _read_figures(fb)
    return any(same_kind(x, y) and disjoint(x, y) for x in xs for y in ys)


def told_alike(fa: Frame, fb: Frame, similar: Callable[[str, str], float], threshold: float) -> bool:
    """The predicates of the two dates (`predicate`) are alike by ``similar`` (at least
    ``threshold``): one happening of one thing in other words, its verb with what it says of the
    thing ("overflowed its banks" / "burst its banks", "was launched successfully from the
    Osterholm spaceport" / "lifted off from Osterholm"), where the bare verbs are unlike.
    `one_occasion` asks only of two dates of one thing, and not of two verbs that name two phases
    of its course (its start and its end: "opened its doors" / "shut for good") nor of a reading of a
    measure (`_measured`: "rose 4%" / "gained 2%" are two days' moves of one stock, whose
    predicates are alike)."""
    return similar(predicate(fa), predicate(fb)) >= threshold


#: Two outcomes (`outcomes`) are one when their phrases are at least this alike: "flooding the lower
#: village" / "flooded dozens of homes in the lower village" 0.81, "flooding the mill district" /
#: "swamped the mill district" 0.73. A phrase's object carries its similarity, so opposite outcomes
#: of one thing score as high ("cutting power to 3,000 homes" / "restoring power to 3,000 homes"
#: 0.85, "flooding the district" / "protecting the district" 0.72, "closing the road" / "reopening
#: the road" 0.78): their verbs must be one as well (`verb_kind_of`), and the bar only asks the
#: two to say it of one thing.
SAME_OUTCOME = 0.7


def outcomes(f: Frame) -> list[tuple[str, str]]:
    """What ``f``'s dated event did, as the sentence tells it beside the event, each as (verb lemma,
    phrase): a participle clause of the date's verb with no subject of its own ("gave way on 3
    April, flooding the lower village"), or, when the verb's subject is an event noun (WordNet's
    acts and events), the verb's predicate (`predicate`: "the dam breach on April 30 flooded
    dozens of homes")."""
    p, verb, span, inside = date_verb(f)
    if verb is None:
        return []
    out = []
    for k in p.children(verb.i):
        if k.dep == "advcl" and k.tag == "VBG" and k.i > verb.i and not any(
                c.dep in _SUBJECTS for c in p.children(k.i)):
            words = [t.text for t in p.subtree(k.i) if t.i not in inside and t.pos != "PUNCT"]
            out.append((k.lemma, " ".join(words)))
    if any(k.dep in _SUBJECTS and k.pos == "NOUN" and k.i not in inside
           and wordnet.lexicographer_files(k.lemma, "n") & wordnet.ACTS_AND_EVENTS
           for k in p.children(verb.i)):
        out.append((verb.lemma, predicate(f)))  # "the breach on April 30 flooded ...": the event's outcome
    return out


def same_outcome(fa: Frame, fb: Frame, similar: Callable[[str, str], float]) -> bool:
    """One outcome of the two dated events (`outcomes`, each side's against the other's) is told on
    both sides: phrases at least `SAME_OUTCOME` alike whose verbs are one (`verb_kind_of`: the same
    verb, synonyms, one a kind of the other). "The weir collapsed on 12 March, flooding the mill
    district" / "the weir failure on 19 March swamped the mill district" is one collapse whose
    event words are unlike; two steps of one story tell other outcomes ("ran aground, blocking the
    channel" / "was refloated, reopening the channel")."""
    return any(similar(x, y) >= SAME_OUTCOME and (verb_kind_of(vx, vy) or verb_kind_of(vy, vx))
               for vx, x in outcomes(fa) for vy, y in outcomes(fb))


def verb_kind_of(a: str, b: str) -> bool:
    """The verb ``a`` is ``b`` or a kind of it in WordNet: the two share a sense ("publish" /
    "release"), or one of ``b``'s first senses lies at most `_PHASE_STEPS` hypernym steps above
    one of ``a``'s ("break out": begin)."""
    if not a or not b:
        return False
    if wordnet.share_sense(a, b, "v"):
        return True  # synonyms in some sense ("publish" / "release")
    targets = frozenset(wordnet.synsets(b, "v")[:_PHASE_SENSES])
    return wordnet.below(a, targets, senses=_PHASE_SENSES, steps=_PHASE_STEPS, pos="v")


def verb_lemma(f: Frame) -> str:
    """The lemma of the verb ``f``'s date hangs from, with its particles as the other rules read them
    (`parsing.Parse.with_particle`: "broke out": "break out") or else its object noun when WordNet
    lists the two as one verb ("took place": "take place", whose phase is "occur"), each only when
    WordNet lists it; or the verb of the event noun a copula's date is of ("is due for release":
    "release") or that a passive planning verb is for ("is scheduled for release": "release",
    `shared_time.planned_for`); '' without a verb."""
    p, verb, _, inside = date_verb(f)
    if verb is None:
        return ""
    if (event := planned_for(p, verb, inside)) is not None:
        return wordnet.verb_of(event.lemma) or event.lemma  # "is scheduled for release": "release"
    if verb.lemma == "be" and f.slots.event and " " not in f.slots.event:
        return wordnet.verb_of(f.slots.event)  # "is due for release": the noun's verb
    joined = p.with_particle(verb.i)
    if joined != verb.lemma and wordnet.synsets(joined, "v"):
        return joined
    noun = p.child(verb.i, "dobj")
    if noun is not None and noun.i not in inside and wordnet.synsets(f"{verb.lemma} {noun.lemma}", "v"):
        return f"{verb.lemma} {noun.lemma}"
    return verb.lemma


#: The phases of a thing's course that its verbs name, by WordNet verbs at most `_PHASE_STEPS` above
#: a verb's first `_PHASE_SENSES` senses: its start ("began", "broke out", "formed", "opened";
#: entering a state, WordNet's "become": "took effect"),
#: its end ("ended", "ceased", "shut", "finished", "died") and its mere happening ("took place",
#: "occurred"), which fits either. The words only name WordNet's synsets of the three (the
#: hypernyms the verbs lie below), not the verbs read: "broke out" is found below "begin".
_PHASE_WORDS = {"start": ("begin", "start", "open", "create", "become"), "end": ("end", "cease", "close", "finish", "die"),
                "occur": ("take place", "happen", "occur")}
_PHASE_SENSES = 2
_PHASE_STEPS = 3


@lru_cache(maxsize=1)
def _anchors() -> dict:
    """The synsets of each phase (`_PHASE_WORDS`)."""
    return {phase: frozenset(o for word in words for o in wordnet.synsets(word, "v")[:_PHASE_SENSES])
            for phase, words in _PHASE_WORDS.items()}


def date_phase(f: Frame) -> str:
    """The phase (`phase`) of the verb ``f``'s date hangs from (`verb_lemma`), or "start" when the
    verb says its thing entered a state: "into" with a bare noun (no determiner nor modifier) whose
    first sense is a state, an attribute, an act, an event or a phenomenon (`slots.entered_state`):
    "the fares come into force", "the timetable comes into effect", "went into administration".
    WordNet lists few such phrases as verbs; "take effect", the one it lists, is a kind of "become"
    (a start). Not a place or a thing ("sailed into port") nor a phrase with a determiner ("looked
    into the crash"). Else the phase the predicate's words mark (`marked_phase`)."""
    p, verb, _, inside = date_verb(f)
    if verb is not None and entered_state(p, verb, inside) is not None:
        return "start"
    return phase(verb_lemma(f)) or marked_phase(f)


#: Dependencies of the verb's words that say who or what its act is of: its subject, its object and
#: the object of a preposition it takes ("carried its first pedestrians", "for the final time").
_MARKED = ("nsubj", "nsubjpass", "dobj")


def marked_phase(f: Frame) -> str:
    """"start" or "end" when the words of the date's predicate mark the start or the end of a
    thing's course though its verb names neither (`wordnet.course_mark`, by WordNet's clusters of
    "opening" and "first" and their antonyms): an adjective (or a common noun the parse makes its
    compound) of the verb's subject, object or the object of a preposition it takes ("welcomed its
    first bathers", "took in its very first patients", "made its maiden crossing", "shone its lamp
    for the final time"), or an adverb of the verb ("first crossed"). '' when none marks it, when
    two marks disagree, or when the date hangs from no verb; a word of the date itself ("last
    week") is none."""
    p, verb, _, inside = date_verb(f)
    if verb is None:
        return ""
    words, nouns = [], []
    for k in p.children(verb.i):
        if k.i in inside:
            continue
        if k.dep == "advmod" and k.pos == "ADV":
            words.append(k)  # "first crossed"
        elif k.dep in _MARKED:
            nouns.append(k)
        elif k.dep == "prep" and (obj := p.child(k.i, "pobj")) is not None and obj.i not in inside:
            nouns.append(obj)
    # an adjective, or a noun the parse makes a compound of the same word ("its maiden crossing")
    words += [c for n in nouns for c in p.children(n.i) if c.i not in inside and (
        c.dep == "amod" and c.pos == "ADJ" or c.dep == "compound" and c.pos == "NOUN")]
    marks = {wordnet.course_mark(w.low) for w in words} - {""}
    return marks.pop() if len(marks) == 1 else ""


def course_apart(fa: Frame, fb: Frame) -> bool:
    """One date is of the start of a course and the other of its end (`date_phase`), and the words
    of at least one predicate mark it (`marked_phase`): "made its maiden crossing" / "made its final
    crossing" are two events though their verb is one. Two verbs alone ("began" / "ended") are
    `shared_time.opposed`'s to read."""
    if fa.q.dimension != "date" or fb.q.dimension != "date" or not (marked_phase(fa) or marked_phase(fb)):
        return False
    return {date_phase(fa), date_phase(fb)} == {"start", "end"}


def phase(lemma: str) -> str:
    """"start", "end", "occur" or "" (none of them, or unknown) for a verb's lemma ("break out",
    "cease"): the first phase whose anchors lie within `_PHASE_STEPS` hypernym steps of the
    verb's first senses, an ending before a start ("finish": complete, end)."""
    anchors = _anchors()
    for name in ("occur", "end", "start"):
        if wordnet.below(lemma, anchors[name], senses=_PHASE_SENSES, steps=_PHASE_STEPS, pos="v"):
            return name
    return ""
