"""Figures of something still going on, or that a sentence marks as an earlier report.

- The running length of an event: a duration whose counted noun is the event itself ("nine days
  of riots", "the 15 days of the siege": the partitive's head an act or event noun, WordNet's
  noun.act or noun.event) told as going on or just ended at the time of the report: hung from
  "after" or "into" ("calm returned after nine days of riots", "15 days into the siege"), or with
  a cumulative marker ("killed so far in the 15 days of the siege"). Two outlets writing on
  different days give different lengths of one such event: against another length of an event
  ("set off six days of rioting") it is no rival figure. The length of a finished event told as
  a whole ("the strike lasted six days", "a five-day strike") and a state up to a fixed moment
  ("had been in a clinic for the past two weeks") still compare.
- A figure scoped to an earlier report (`earlier_report`): "In initial reports, police said two
  people had been killed", "according to early reports, four had died": the writer tells what
  was said first, not the figure now; against another outlet's figure it is no rival. "Initially"
  timing an event ("initially was hurt ..., then missed nine games") is no report. So is a figure
  told at a stage of a count part-done (`partial_stage`: "with two-thirds of ballot boxes
  counted, Delaney is on 11,230 votes" / "the final result gave her 17,906"), or after an earlier
  stage of a count ("after the first count").
- A tally up to a time of day (`by_time_of_day`: "by midday on Monday, 38 flights had been
  cancelled") against a count of the whole day: a part of it while it is the smaller; a larger
  tally by midday than the whole day's still conflicts (a tally only grows).

`compare.apart` asks `apart`; slots.py reads `told_running` and `earlier_report` from the parse.
"""

from __future__ import annotations

from functools import cache

from ..parsing import Parse, Token
from ..quantities.dates import clock_times
from .. import wordnet

#: WordNet's lexicographer files of nouns naming an act or an event (noun.act, noun.event): the
#: first sense of the partitive's head of a running length ("riots", "siege", "offensive").
_EVENT_FILES = wordnet.ACTS_AND_EVENTS

#: Adjectives and adverbs that place a report before the present one ("initial reports", "early
#: accounts", "originally said"). A word list of the closed set of such time words: without it no
#: figure is read as an earlier report (tune half: the 2 dismissed findings of one article's
#: "in initial reports" come back).
_EARLY = frozenset(("initial", "initially", "early", "earlier", "first", "preliminary", "original", "originally",
                    "previous", "previously"))

#: WordNet's lexicographer file of nouns of communication (noun.communication): "reports",
#: "accounts", "statements".
_COMMUNICATION = wordnet.NOUN_COMMUNICATION


def told_running(p: Parse, first: Token, anchor: Token) -> bool:
    """The number's unit noun ("days" of "nine days of riots") is the object of "after" or "into":
    a length reached by a moment, the event going on or just ended then. ``first`` is the number's
    first word, ``anchor`` the word its phrase hangs by. The parser sometimes takes "after" for a
    clause's marker and the unit for that clause's subject ("after nine days of the heaviest rioting
    the town has known"), so the word right before the phrase (past a determiner) counts too when
    it is a preposition or a marker."""
    unit = p.tokens[anchor.head] if anchor.dep == "nummod" else anchor
    if unit.dep == "pobj" and p.tokens[unit.head].low in _TO_A_MOMENT:
        return True
    i = first.i - 1
    while i >= 0 and p.tokens[i].dep == "det":
        i -= 1
    return i >= 0 and p.tokens[i].low in _TO_A_MOMENT and p.tokens[i].dep in ("prep", "mark")


#: Prepositions that close a length at a moment ("after nine days of", "15 days into").
_TO_A_MOMENT = ("after", "into")


def earlier_report(p: Parse, verb: Token | None) -> bool:
    """The number's predicate, or a verb it hangs from, is scoped by an earlier report: a
    prepositional phrase whose object is a communication noun with an adjective of earliness ("in
    initial reports", "according to early reports"), or an adverb of earliness on a verb whose
    clausal complement holds the figure ("originally said that four had died"; not an adverb with a
    measure of its own, "a day earlier", which times the saying). A clause joined by
    a conjunction to the scoped one is its own ("but two more have since died"), as is an event the
    adverb times ("initially was hurt ..., then missed nine games"). An opening phrase the parser
    takes for the sentence's root, the verb hung below its objects, counts as the verb's own."""
    if verb is None:
        return False
    t, via = verb, ""
    while True:
        if t.pos == "ADP" and t.head == t.i and _early_report(p, t):
            return True  # the opening phrase read as the root ("After the first count ... led by 22")
        for k in p.children(t.i):
            if via != "conj" and k.dep == "prep" and _early_report(p, k):
                return True
            if via == "ccomp" and k.dep == "advmod" and k.low in _EARLY and not p.children(k.i):
                return True
        if t.head == t.i:
            return False
        via, t = t.dep, p.tokens[t.head]


def partial_stage(p: Parse, first: Token) -> bool:
    """The number's sentence tells its figures at a stage of a count part-done: a with-phrase (an
    absolute clause, "with" a marker or a preposition as the parser reads it) up to the next comma
    or the sentence's end, that holds a number, then "of", then a participle of a verb of telling
    (WordNet's verb.communication, first sense: "count", "declare", "report"): "with two-thirds of
    ballot boxes counted", "with 31 of 44 wards declared", "with 95% of precincts reporting". The
    figures of that sentence are an early report of the count, as those "in initial reports" are
    (`earlier_report`); the phrase's own numbers (``first`` inside it: "31 of 44") are not. A
    participle of another kind is no stage ("with two of the victims taken to hospital", a part of
    a toll)."""
    for w in p.tokens:
        if w.low != "with" or w.dep not in ("mark", "prep"):
            continue
        phrase = []
        for t in p.tokens[w.i + 1:]:
            if t.text in _PHRASE_ENDS:
                break
            phrase.append(t)
        if phrase and w.i <= first.i <= phrase[-1].i:
            continue
        ofs = [n for n, t in enumerate(phrase) if t.low == "of"]
        if not ofs or not any(t.pos == "NUM" for t in phrase[:ofs[0]]):
            continue
        if any(t.pos == "VERB" and t.tag in _PARTICIPLES
               and wordnet.tells(t.lemma) for t in phrase[ofs[0] + 1:]):
            return True
    return False


#: Tokens that close a with-phrase (`partial_stage`): a hyphen ("two-thirds") does not.
_PHRASE_ENDS = frozenset((",", ";", ":", ".", "!", "?"))
#: Penn tags of a participle, and of a past form the parser takes for one ("with 40 of 52
#: districts counted" read as a clause of its own).
_PARTICIPLES = ("VBN", "VBG", "VBD")


def _early_report(p: Parse, prep: Token) -> bool:
    """``prep`` ("in", "according" with its "to") has an object that is a communication noun with
    an adjective of earliness ("initial reports")."""
    for k in p.children(prep.i):
        if k.dep == "prep":
            return _early_report(p, k)
        if k.dep == "pobj" and k.pos == "NOUN" and _telling_or_stage(prep, k.lemma) \
                and any(a.dep == "amod" and a.low in _EARLY for a in p.children(k.i)):
            return True
    return False


#: Prepositions that time a figure after an earlier stage ("after the first count", "following the
#: initial tally"): the figure is told as it stood then (`_telling_or_stage`).
_AFTER_A_STAGE = ("after", "following")


def by_time_of_day(p: Parse, verb: Token | None) -> bool:
    """The number's predicate, or a verb it hangs from, is timed by "by" and a time of day: a noun
    WordNet files under the time of day ("by midday", "by noon", "by nightfall": the hypernym of
    "noon", as the WordNet reader indexes no lemma of two words) or a clock time ("by 10am", "by
    4.30pm", `dates.clock_times`). The figure is a tally up to that moment, part of the day's: no
    rival of a count of the whole day while it is the smaller (`apart`). A day ("by Friday") is
    not read: a date of a report is the dates' and the updates' (`numeric`) reading."""
    if verb is None:
        return False
    t, via = verb, ""
    while True:
        for k in p.children(t.i):
            if via != "conj" and k.dep in ("prep", "agent") and k.low == "by" and _of_the_day(p, k):
                return True
        if t.head == t.i:
            return t.low == "by" and _of_the_day(p, t)
        via, t = t.dep, p.tokens[t.head]


def _of_the_day(p: Parse, by: Token) -> bool:
    """``by``'s object is a time of day (`by_time_of_day`)."""
    objects = [k for k in p.children(by.i) if k.dep == "pobj"]
    if not objects:
        return False
    if any(k.pos == "NOUN" and wordnet.below(k.lemma, _time_of_day(), senses=1, steps=3) for k in objects):
        return True
    last = max(t.end for k in objects for t in p.subtree(k.i))
    return bool(clock_times(p.text[by.start:last]))


@cache
def _time_of_day() -> frozenset:
    """WordNet's time of day (the hypernym of "noon"'s first sense), read once."""
    noon = wordnet.synsets("noon", "n")
    return frozenset(wordnet.hypernyms(noon[0])) if noon else frozenset()


def _telling_or_stage(prep: Token, noun: str) -> bool:
    """``noun``, the object of ``prep`` with an adjective of earliness, names a report or a stage
    of one: a communication noun ("initial reports"), a noun whose verb is one of telling (WordNet's
    verb.communication: "the first count", "count" as "declare" or "report"), or, after "after" or
    "following", an act (WordNet's noun.act, first sense: "after the initial tally"): the figure is
    told as it stood at an earlier stage, not as it came out."""
    files = wordnet.lexicographer_files(noun, "n")
    if _COMMUNICATION in files or wordnet.tells(noun):
        return True
    return prep.low in _AFTER_A_STAGE and wordnet.NOUN_ACT in files


def _event_length(f) -> bool:
    """A duration counted of a noun (the partitive "of" phrase: "days of riots")."""
    return f.q.dimension == "time" and not f.is_age and "partitive" in f.slots.qualifiers and bool(f.slots.head)


def _running(f) -> bool:
    """A length of an act or event told as going on or just ended (`told_running`, "so far")."""
    if not _event_length(f) or not (f.slots.running or "so far" in f.slots.qualifiers):
        return False
    return bool(wordnet.lexicographer_files(f.slots.head, "n") & _EVENT_FILES)


def apart(fa, fb) -> str:
    """Why two figures are no rivals as figures of something going on or of an earlier report;
    '' when they may be."""
    if fa.slots.earlier_report != fb.slots.earlier_report:
        return "an earlier report against a later one"
    if _event_length(fa) and _event_length(fb) and (_running(fa) or _running(fb)):
        return "running lengths of an event going on"
    if fa.slots.by_time_of_day != fb.slots.by_time_of_day:
        part, day = (fa, fb) if fa.slots.by_time_of_day else (fb, fa)
        if part.q.dimension in (None, "count", "currency") and part.high < day.low:
            return "a tally by a time of day against the day's"
    return ""
