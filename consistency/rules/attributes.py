"""What a quantity's extracted attributes say about comparing it (hooks of frames.py).

The extractor reads facts about a number that decide whether two numbers may be
compared at all (docs/quantities.md):

- an earlier value a claim reports as replaced (``superseded``: "not eight, as
  earlier reported") and a score that is no result (``dimension`` "score" with no
  value: "a 9-2 lead") are no figures of the claim's own: `usable` leaves them out
  of the frames; a result ("won 3-1", "by nine votes to two") is one
  (`quantities.scores`);
- an age (``dimension`` "age") is an attribute of a person: two ages are
  compared only when the text says they are the same person's (`same_person`:
  a name they share, or the same definite description, "the gunman"); never
  with a count or a duration (their dimensions differ);
- an ordinal period ("its third week") is compared only with another one;
- a count is cumulative (`running`) only on evidence in its clause
  (``Quantity.cumulative``: a toll, "so far", "since ...", "has risen to",
  "at least N by <date>"); "a total of" alone is not.
"""

from __future__ import annotations

import re

from ..quantities.scores import is_result
from ..records import Quantity

#: Words of a name that do not tell people apart.
_TITLES = frozenset("mr mrs ms miss dr sgt lt capt officer deputy chief judge gov sen rep the a an".split())
_WORD = re.compile(r"[A-Za-z][\w'’-]*")


def usable(q: Quantity) -> bool:
    """Whether a quantity is a figure of the claim's own (not a replaced value, not a score that
    is no result)."""
    return not q.superseded and (q.dimension != "score" or is_result(q))


def compatible(a: Quantity, b: Quantity) -> bool:
    """Whether the attributes of two quantities allow comparing them at all."""
    if a.ordinal != b.ordinal:
        return False
    if a.dimension == "age" or b.dimension == "age":
        return a.dimension == b.dimension and same_person(a.person, b.person)
    return True


def same_person(a: str | None, b: str | None) -> bool:
    """Two ages' persons are the same: the same name, or the same definite description.

    Names are the same when a surname alone matches the other's last name ("Price" / "Tyrone
    Price"), or both give a first name, the first names match and one name's words are all in the
    other ("Edgar Sanchez" / "Edgar Sanchez Rios"). A shared surname alone is a family, not a person
    ("Nehemiah Griego" / "Sarah Griego").
    """
    if not a or not b:
        return False
    names_a = [w.lower() for w in _WORD.findall(a) if w[0].isupper() and w.lower() not in _TITLES]
    names_b = [w.lower() for w in _WORD.findall(b) if w[0].isupper() and w.lower() not in _TITLES]
    if names_a and names_b:
        if len(names_a) == 1 or len(names_b) == 1:
            short, long_ = (names_a, names_b) if len(names_a) == 1 else (names_b, names_a)
            return short[0] == long_[-1]
        return names_a[0] == names_b[0] and (set(names_a) <= set(names_b) or set(names_b) <= set(names_a))
    if names_a or names_b:
        return False
    wa, wb = a.lower().split(), b.lower().split()
    return wa[0] == "the" and wb[0] == "the" and wa[-1] == wb[-1]


def running(q: Quantity) -> bool:
    """A count that only grows, on the evidence the extractor found in its clause."""
    return q.cumulative
