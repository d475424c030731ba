"""A count summed over several events against the count of one of them.

News gives a toll over several events ("two raids on the camps killed 30", "the weekend's
shootings left seven wounded", "the quakes destroyed 800 homes", "nine children were shot in
separate incidents") next to the toll of one of those events ("the raid on the eastern camp killed
12", "a shooting outside a bar wounded two", "the second tremor flattened 135 homes"). The first is
a whole, the second its part: no rival figures unless the part exceeds the whole.

Read from the parse (`events`, kept in `slots.Slots.events` and `slots.Slots.event_phrase`): the
event noun a count belongs to (a noun whose first WordNet sense is an act, an event or a
phenomenon, `_EVENT_FILES`), found as

- the subject of the count's verb ("the raids killed 30"), through a relative pronoun to the noun
  its clause describes ("four shootings, which left two men dead"), and through a conjoined
  verb to the verb it is joined to ("which left two dead and nine people hurt");
- the object of an in-, by-, during- or from-phrase of the verb or of the counted noun ("were
  killed in the raid", "shot in separate incidents", "hurt by the blasts");
- the subject of a when-clause of the verb ("were killed when strikes hit the villages").

That event is `SEVERAL` when it is counted above one ("two raids", "four separate shootings") or
coordinated ("the bombing of the market and of the depot", "the shooting and the stabbing"),
`PLURAL` when it is a plural noun with no count ("the weekend's shootings", "the quakes"), `ONE`
when it is a singular noun ("the raid on the eastern camp", "a shooting"), and '' when the count
names no event.

Compared (`one_of_events`, from `compare._one_of_occasions`, which asks that the part count fewer
and that both be amounts): a count of `SEVERAL` events against a count of no several events is a
whole and its part, as a sum over named occasions is (`slots.Slots.occasions`). A plural with no
count is weaker evidence: news names one event by a plural ("the attacks on the capital") as often
as several, so against it the part must name one event told apart by words the plural's phrase
does not hold ("the raid on the *eastern* camp" / "raids on the camps", "*a* shooting outside a
*bar*", "the *second* tremor"); "the attack on the capital" against "the attacks on the capital"
still compares."""

from __future__ import annotations

import re

from ..parsing import Parse, Token
from ..quantities.numbers import find_numbers
from .. import wordnet

#: The kinds of `events`.
SEVERAL = "several"
PLURAL = "plural"
ONE = "one"

#: WordNet's lexicographer files of nouns that name an act, an event or a phenomenon (noun.act,
#: noun.event, noun.phenomenon: "raid", "shooting", "quake", "storm"), first sense.
_EVENT_FILES = wordnet.HAPPENINGS

#: The prepositions whose object is the event a count happened in or by ("killed in the raid", "hurt
#: by the blasts", "during the strikes", "died from the attacks"): the grammar's closed class.
_EVENT_PREPS = frozenset({"in", "by", "during", "from"})

_SUBJECTS = ("nsubj", "nsubjpass")

#: A year before a plural event noun names when, not how many ("the 1967 killings"): four digits in
#: the range of years, without the comma a count that large is written with.
_YEAR = re.compile(r"(?:1[5-9]|2[01])\d\d")

#: The definite article: "the attack" names no event apart from "the attacks" (an indefinite one
#: does: "a strike hit the village" is one of them).
_DEFINITE = frozenset({"the"})


def _is_event(t: Token | None, skip: set[int]) -> bool:
    return t is not None and t.pos == "NOUN" and t.i not in skip \
        and bool(wordnet.lexicographer_files(t.lemma, "n") & _EVENT_FILES)


def _event_noun(p: Parse, noun: Token | None, verb: Token | None, skip: set[int]) -> Token | None:
    """The event noun the count belongs to (the module docstring), or None."""
    owners = []
    v = verb
    while v is not None and len(owners) < 3:
        owners.append(v)
        v = p.tokens[v.head] if v.dep == "conj" and v.head != v.i and p.tokens[v.head].pos in ("VERB", "AUX") else None
    for v in owners:
        for k in p.children(v.i):
            if k.dep in _SUBJECTS and k.i not in skip:
                subj = k
                if k.tag == "WDT" and v.dep == "relcl":
                    subj = p.tokens[v.head]  # "four shootings, which left two men dead"
                if _is_event(subj, skip):
                    return subj
                break
        found = _in_phrase(p, v, skip)
        if found is not None:
            return found
        for k in _clauses(p, v):
            if any(w.low == "when" and w.dep in ("advmod", "mark") for w in p.children(k.i)):
                subj = next((x for x in p.children(k.i) if x.dep in _SUBJECTS), None)
                if _is_event(subj, skip):
                    return subj  # "were killed when strikes hit the villages"
    return _in_phrase(p, noun, skip) if noun is not None else None


def _clauses(p: Parse, v: Token) -> list[Token]:
    """The adverbial clauses of ``v``, and the relative clauses of its prepositions' objects: the parse
    hangs a when-clause after a day on the day ("killed on Friday when a strike hit the village")."""
    out = [k for k in p.children(v.i) if k.dep == "advcl"]
    for k in p.children(v.i):
        obj = p.child(k.i, "pobj") if k.dep == "prep" else None
        out += [c for c in p.children(obj.i) if c.dep == "relcl"] if obj is not None else []
    return out


def _in_phrase(p: Parse, owner: Token, skip: set[int]) -> Token | None:
    for k in p.children(owner.i):
        if k.dep in ("prep", "agent") and k.low in _EVENT_PREPS and k.i not in skip:
            obj = p.child(k.i, "pobj")
            if _is_event(obj, skip):
                return obj
    return None


def _kind(p: Parse, e: Token, skip: set[int], end: int) -> str:
    """The kind of the event noun ``e`` (the module docstring); ``end``: the index of the count's verb,
    or of the count, after ``e``, else the sentence's end."""
    kids = p.children(e.i)
    if any(k.dep == "conj" and _is_event(k, skip) for k in kids) \
            or e.dep == "conj" and _is_event(p.tokens[e.head], skip):
        return SEVERAL  # "the shooting and the stabbing"
    preps = {k.low for k in kids if k.dep == "prep"}
    if any(t.dep == "conj" and t.pos == "ADP" and t.low in preps for t in p.tokens[e.i + 1:end] if t.i not in skip):
        # "the bombing of the market and of the depot": the event's own preposition again before the
        # count's verb, wherever the parse hung it ("when the shelling of clinics being used as
        # shelters and of flats killed 50": the parse may read the participle as the event's verb)
        return SEVERAL
    if e.tag != "NNS":
        return ONE
    for k in kids:
        if k.dep == "nummod" and k.i not in skip and not _YEAR.fullmatch(k.text):
            value = _value(k.text)
            if value is not None and value > 1:
                return SEVERAL  # "two raids", "four separate shootings"
    return PLURAL


def _value(text: str) -> float | None:
    found = find_numbers(text)
    return found[0].value if found and found[0].value is not None else None


def events(p: Parse, noun: Token | None, verb: Token | None, inside: set[int]) -> tuple[str, str]:
    """The kind (`SEVERAL`, `PLURAL`, `ONE`, '') of the event the count whose tokens are ``inside``
    belongs to, and the words that tell that event apart as written (its noun's subtree without the
    noun), for the count of ``noun``
    (or none) that ``verb`` (or none) predicates. The counted noun is no event of its own count
    ("looked into 14 shootings")."""
    skip = set(inside) | ({noun.i} if noun is not None else set())
    e = _event_noun(p, noun, verb, skip)
    if e is None:
        return "", ""
    words = [t for t in p.subtree(e.i) if t.i not in inside and t.i != e.i]
    if e.dep == "pobj" and verb is not None and p.tokens[e.head].head == verb.i:
        # "shot in the incident at a playground": the parse hangs the event's own phrases after it
        # on the verb
        for k in p.children(verb.i):
            sub = p.subtree(k.i)
            if k.dep == "prep" and k.i > e.i and not any(t.i in inside for t in sub):
                words += sub
    end = next((t.i for t in (verb, *(p.tokens[i] for i in sorted(inside))) if t is not None and t.i > e.i),
               len(p.tokens))
    return _kind(p, e, skip, end), " ".join(t.text for t in sorted(words, key=lambda t: t.i))


def _words(phrase: str) -> set[str]:
    return {w.lower() for w in phrase.split() if w.isalpha()}


def one_of_events(part_kind: str, part_phrase: str, whole_kind: str, whole_phrase: str) -> bool:
    """A count of events of kind ``part_kind`` (phrase ``part_phrase``) is a part of one of kind
    ``whole_kind``: the module docstring. The caller asks that the part count fewer."""
    if whole_kind == SEVERAL:
        return part_kind in (ONE, "")
    if whole_kind == PLURAL and part_kind == ONE:
        # words of its own tell the one event apart; the definite article does not ("the attack")
        return bool(_words(part_phrase) - _words(whole_phrase) - _DEFINITE)
    return False
