"""People's ages: which numbers are ages, and whose.

An age is an attribute of a person, not a count and not a duration: its
quantity has ``dimension`` "age" and, where the text says, the ``person`` it
belongs to, so the rules compare ages only between frames about the same person.

Read as ages:

- "a 55-year-old man", "Jane Doe, 27," and "the boy, 9." (an appositive after a
  name or a noun phrase), "two men, 23 and 25," (coordinated appositives),
  "aged 22", "ages 17 and 19", "ranging in age from 16 to 41", "he was 44", "who will turn 29",
  "died at 75", "At 24, Jane Doe becomes" (fronted before a name), and "Jane Doe, 27 was charged" (a
  full name whose closing comma is missing);
- whose: the name or noun phrase the age is attached to ("Jane Doe", "the
  gunman", "a Lakeville resident"); a pronoun ("he was 44") gives no person;
- an age said of an earlier time ("then-15-year-old Jane Doe") is not the person's age as the
  article tells it: it gives no person, so it is compared with no other age;
- a surname alone ("35-year-old Doe") is the person the article names in full with that surname
  (`name_people`: "John Doe"); when the article names several people of that surname (a family:
  "John Doe" and his mother "Mary Doe"), whose age it is is not known, and it gives no person.
"""

from __future__ import annotations

import dataclasses
import re
from typing import Sequence

from ..parsing import parse_many
from ..records import Claim
from .measured import STOP

#: "aged 22", "age 9", "ages 17 and 19", "ranging in age from 16 to 41", "between the ages of 5 and 9".
AGE_WORD_BEFORE = re.compile(
    r"(?<![\w])(?:aged|ages?|in[ \u00a0]+age[ \u00a0]+from|the[ \u00a0]+ages[ \u00a0]+of(?:[ \u00a0]+between)?)"
    r"[ \u00a0]+(?:(?:between|from)[ \u00a0]+)?$",
    re.I,
)
#: The first number of an age list or range before this one: "ages 17 and ", "aged 17 to ".
AGE_LIST_BEFORE = re.compile(
    r"(?<![\w])(?:aged|ages?|age[ \u00a0]+from|ages[ \u00a0]+of(?:[ \u00a0]+between)?)[ \u00a0]+(?:(?:between|from)[ \u00a0]+)?"
    r"\d{1,3}[ \u00a0]*(?:,?[ \u00a0]*and|,?[ \u00a0]*or|,|to|-|–)[ \u00a0]*"
    r"(?:\d{1,3}[ \u00a0]*(?:,?[ \u00a0]*and|,?[ \u00a0]*or|,|to)[ \u00a0]*)*$",
    re.I,
)
#: An appositive age after a name or a noun: "Jane Doe, ", "the victim, ", "two men, 23 and ".
APPOSITIVE_BEFORE = re.compile(
    r"(?P<np>(?:\b(?:[Tt]he|[Aa]n?|[Tt]wo|[Tt]hree|[Ff]our|[Bb]oth)[ \u00a0]+)?(?:[A-Za-z][\w'’.-]*[ \u00a0]+){0,3}"
    r"[A-Za-z][\w'’.-]*),[ \u00a0]*(?:\d{1,3}[ \u00a0]*(?:,|and)[ \u00a0]*)*$"
)
#: Words that close a number's appositive: a comma, "and", a full stop or the end of the text.
APPOSITIVE_AFTER = re.compile(r"[ \u00a0]*(?:,|;|\)|[ \u00a0]and[ \u00a0]+\d|\.(?!\d)|$)")
#: A person said to be a number ("she was 10", "he will be 35").
PERSON_IS = re.compile(
    r"(?<![\w])(?:he|she|who|i|we|they|you)[ \u00a0]+(?:is|was|were|are|am|turns|turned|will[ \u00a0]+be|"
    r"would[ \u00a0]+be|is[ \u00a0]+now|(?:will|would|is[ \u00a0]+to|is[ \u00a0]+set[ \u00a0]+to)[ \u00a0]+turn)[ \u00a0]+$"
    r"|(?<![\w])(?:died|dies|dying|passed[ \u00a0]+away)[ \u00a0]+at[ \u00a0]+$",
    re.I,
)
#: A verb right after an appositive age whose closing comma was left out: "Jane Doe, 27 was charged".
_VERB_AFTER_RE = re.compile(r"[ \u00a0]+(?:was|is|has|had|will|who|died|fled)(?![\w])")
#: Words before an appositive that are no person: calendar words, places of time, function words.
NOT_A_PERSON = frozenset(
    "january february march april may june july august september october november december jan feb mar apr "
    "jun jul aug sep sept oct nov dec monday tuesday wednesday thursday friday saturday sunday today "
    "yesterday tomorrow all total addition far then now those these them it that this which year years "
    "overall instance example contrast comparison fact sum short".split()
)
_NAME_RE = re.compile(r"(?:[A-Z][\w'’.-]*[ \u00a0]+){0,3}[A-Z][\w'’.-]*$")
_AFTER_AGE_RE = re.compile(
    r"[ \u00a0]+(?P<np>(?:[A-Z][\w'’.-]*(?:[ \u00a0]+[A-Z][\w'’.-]*){0,3})(?:[ \u00a0]+(?!(?:who|was|is|had|has|and|or)\b)[a-z]+)?"
    r"|(?!(?:and|or|who|was|is|had|has|of|in|at|from|with)\b)[a-z][a-z'’-]*"
    r"(?:[ \u00a0]+(?!(?:and|or|who|was|is|had|has|of|in|at|from|with)\b)[a-z][a-z'’-]*)?)"
)
#: Verbs that may follow an age's noun without an "-ed" ending ("the 19-year-old man fled").
_VERBS = frozenset("fled ran told said says shot hit died dies drove left went was is".split())
_DETERMINER_BEFORE_RE = re.compile(r"(?<![\w])(?P<d>the|a|an)[ \u00a0]+$", re.I)
#: An age of an earlier time: "then-15-year-old" ("then- 15-year-old" in tokenised text); "and
#: then 15-year-old Jane Doe fired" is a sequence, not a past age.
_THEN_BEFORE_RE = re.compile(r"(?<![\w])then-[ \u00a0]?$", re.I)
#: Words before a surname that are no given name: honorifics (a word with a full stop is one too).
_HONORIFICS = frozenset("mr mrs ms miss mx dr sir dame".split())


def age_word_before(text: str, start: int) -> bool:
    """Whether "aged", "ages ... and", "in age from ... to" introduces the number at ``start``."""
    before = text[max(0, start - 40):start]
    return bool(AGE_WORD_BEFORE.search(before) or AGE_LIST_BEFORE.search(before))


def appositive_person(text: str, start: int, end: int) -> str | None:
    """The name or noun phrase a bare number is set off from by commas ("Jane Doe, 27,"): the
    person whose age it is; None when the number is no such appositive."""
    unclosed = not APPOSITIVE_AFTER.match(text, end)
    if unclosed and not _VERB_AFTER_RE.match(text, end):
        return None
    m = APPOSITIVE_BEFORE.search(text[max(0, start - 60):start])
    if not m:
        return None
    phrase = m["np"].strip()
    last = phrase.split()[-1].rstrip(".")
    if unclosed and not (last[:1].isupper() and len(phrase.split()) > 1):
        return None  # without its closing comma, only a full name ("Jane Doe, 27 was") is read as a person
    if last.lower() in NOT_A_PERSON or not re.sub(r"['’-]", "", last).isalpha():
        return None
    listed = bool(re.search(r"\d[ \u00a0]*(?:,|and)[ \u00a0]*$", text[max(0, start - 12):start])) or bool(
        re.match(r"[ \u00a0]*(?:,[ \u00a0]*)?and[ \u00a0]+\d", text[end:]))
    if last.islower() and last.endswith("s") and not last.endswith("ss") and not listed:
        return None  # "total arrests, 40,": a plural noun takes a list of ages ("two men, 23 and 25")
    return _trim(phrase)


#: An age fronted before its person at the start of a sentence: "At 24, " (also "At just 24, ").
_FRONTED_BEFORE_RE = re.compile(r"(?:^|[.!?][ \u00a0]+)At[ \u00a0]+(?:(?:just|only)[ \u00a0]+)?$")
#: The name a fronted age is of: ", Ellis Varnham" (capitalised words after the comma).
_FRONTED_NAME_RE = re.compile(r",[ \u00a0]+(?P<name>[A-Z][\w'’-]*(?:[ \u00a0]+[A-Z][\w'’-]*){0,3})")


def fronted_person(text: str, start: int, end: int) -> str | None:
    """Who an age fronted at the start of its sentence is of: "At 24, Ellis Varnham becomes the
    youngest councillor", "At just 19, Mella Quorn was ..."; None when no name follows the comma
    ("At 24, the rate was ..."), or the name is a function or calendar word ("At 24, In ...")."""
    if not _FRONTED_BEFORE_RE.search(text[max(0, start - 16):start]):
        return None
    m = _FRONTED_NAME_RE.match(text, end)
    if not m:
        return None
    words = m["name"].split()
    if any(w.lower() in STOP or w.lower() in NOT_A_PERSON for w in words):
        return None
    return " ".join(w for w in words if w.lower().rstrip(".") not in _HONORIFICS)


def person_is(text: str, start: int) -> bool:
    """"he was 44", "she will be 35": an age of a person named by a pronoun."""
    return bool(PERSON_IS.search(text[max(0, start - 30):start]))


def person_after(text: str, start: int, end: int) -> str | None:
    """Who "a 55-year-old man", "the 58-year-old gunman", "17-year-old Jane Doe" is."""
    m = _AFTER_AGE_RE.match(text, end)
    if not m or _THEN_BEFORE_RE.search(text[max(0, start - 7):start]):
        return None
    noun = m["np"].strip()
    words = noun.split()
    if len(words) > 1 and words[-1].islower() and (words[-1].endswith("ed") or words[-1] in _VERBS):
        noun = " ".join(words[:-1])  # "the 58-year-old gunman died": the gunman
    det = _DETERMINER_BEFORE_RE.search(text[max(0, start - 6):start])
    if noun[:1].isupper() and not det:  # a name: "17-year-old Jane Doe", without the verb after it
        return " ".join(w for w in noun.split() if w[:1].isupper())
    if det and (name := _name_apposed(text, start - len(det.group()))):
        return name  # "Ivo Marsh, the 76-year-old coxswain": Ivo Marsh
    return f"{det['d'].lower()} {noun}" if det else noun


#: A name and the comma an apposed description follows ("Ivo Marsh, " of "Ivo Marsh, the 76-year-old
#: coxswain").
_NAME_BEFORE_COMMA_RE = re.compile(r"(?P<name>(?:[A-Z][\w'’.-]*[ \u00a0]+){0,3}[A-Z][\w'’-]*),[ \u00a0]*$")


def _name_apposed(text: str, end: int) -> str | None:
    """The name an age's description stands in apposition to ("Ivo Marsh, the 76-year-old
    coxswain", "Marsh, a 76-year-old lifeboatman"): the description is of that person, whose age
    is then compared with the ages the name is given elsewhere ("Ivo Marsh, 67,"). No name when a
    word of the capitalised run is a function or calendar word ("In Dunmore, a 34-year-old man",
    "On Friday, a 34-year-old")."""
    m = _NAME_BEFORE_COMMA_RE.search(text[max(0, end - 60):end])
    if not m:
        return None
    words = m["name"].split()
    if any(w.lower().rstrip(".") in STOP or w.lower() in NOT_A_PERSON for w in words):
        return None
    return " ".join(w for w in words if w.lower().rstrip(".") not in _HONORIFICS)


def person_before(text: str, start: int) -> str | None:
    """Who "The driver, aged 22," or "Ada Rell (aged 30)" is: the noun phrase before the age words
    (set off by a comma or a bracket)."""
    before = text[max(0, start - 80):start]
    m = re.search(r"(?P<np>(?:\b(?:[Tt]he|[Aa]n?)[ \u00a0]+)?(?:[A-Za-z][\w'’.-]*[ \u00a0]+){0,3}[A-Za-z][\w'’.-]*)"
                  r"(?:,?[ \u00a0]+|[ \u00a0]*\([ \u00a0]*)(?:aged|age)[ \u00a0]+$", before)
    return _trim(m["np"]) if m else None


def _trim(phrase: str) -> str:
    """A name keeps its capitalised words ("Police identified Jane Doe" -> "Jane Doe"); a noun
    phrase its determiner and last words ("the gunman")."""
    name = _NAME_RE.search(phrase)
    words = phrase.split()
    if name and words[-1][:1].isupper():
        kept = [w for w in name.group().split() if w[:1].isupper()]
        while kept and kept[0].lower() in ("police", "officers", "authorities", "identified", "named", "the", "a"):
            kept.pop(0)
        return " ".join(kept) if kept else phrase
    det = words[0].lower() if words[0].lower() in ("the", "a", "an") else None
    tail = words[-2:] if len(words) > 2 else words[1:] if det else words
    return " ".join(([det] if det else []) + tail) if tail else phrase


def name_people(claims: Sequence[Claim], text: str) -> list[Claim]:
    """The claims of one article (its text ``text``) with each age whose person is a surname alone
    ("35-year-old Doe") given the full name the article gives that surname ("John Doe": given names
    the parse joins to it, in any sentence), or no person when it names several people of that
    surname."""
    surnames = {q.person for c in claims for q in c.quantities if _surname_only(q)}
    if not surnames:
        return list(claims)
    named: dict[str, set[str]] = {s: set() for s in surnames}
    mention = re.compile(r"\b(?:" + "|".join(map(re.escape, sorted(surnames))) + r")\b")
    texts = [t.strip() for t in re.split(r"(?<=[.!?])\s+|\n", text) if mention.search(t)]
    for parse in parse_many(texts):
        for t in parse.tokens:
            if t.text in named and t.pos == "PROPN":
                given = [x for x in parse.children(t.i) if x.dep in ("compound", "flat") and x.pos == "PROPN"
                         and x.i < t.i and not x.text.endswith(".") and x.text.lower() not in _HONORIFICS]
                if given:
                    named[t.text].add(" ".join([x.text for x in sorted(given, key=lambda x: x.i)] + [t.text]))
    out = []
    for c in claims:
        quantities = tuple(dataclasses.replace(q, person=_full_name(q.person, named)) if _surname_only(q) else q
                           for q in c.quantities)
        out.append(dataclasses.replace(c, quantities=quantities) if quantities != c.quantities else c)
    return out


def _surname_only(q) -> bool:
    return q.dimension == "age" and q.person is not None and bool(re.fullmatch(r"[A-Z][\w'’-]+", q.person))


def _full_name(surname: str, named: dict[str, set[str]]) -> str | None:
    names = named.get(surname, set())
    return surname if not names else next(iter(names)) if len(names) == 1 else None
