"""Corrections: a figure a claim says replaces an earlier one.

- "Police revised the toll from eight to six", "corrected the count to six from
  eight": the new value (6) is the claim's figure and ``corrects`` the earlier
  one (8); the earlier value is not a figure of its own;
- "fell 0.7% (revised down from +0.2%)": a value after "revised ... from" with no
  "to" after it is ``superseded`` and the figure before it ``corrects`` it;
- "six people died, not eight as earlier reported", "rather than the eight
  initially reported": the earlier value is ``superseded`` (a report the claim
  says is out of date, not its own figure), and the figure before it
  ``corrects`` it.

The correction rule (COR001) reports a claim that corrects another claim's
figure as a correction, not as a conflict.
"""

from __future__ import annotations

import re

from consistency.quantities.draft import Draft

_REVISE = r"(?:revis|correct|amend|adjust|updat|restat|lower|rais)\w*"
#: A revision verb before "from X to Y" (or "to Y from X") in the same clause.
_REVISED_FROM_RE = re.compile(rf"(?<![\w]){_REVISE}\b[^.;:]{{0,60}}?\bfrom[ \u00a0]+(?:about[ \u00a0]+|around[ \u00a0]+)?$", re.I)
_REVISED_TO_RE = re.compile(rf"(?<![\w]){_REVISE}\b[^.;:]{{0,60}}?\bto[ \u00a0]+$", re.I)
_TO_NUMBER_AFTER_RE = re.compile(r"[ \u00a0]+to[ \u00a0]+\$?\d", re.I)
_FROM_RE = re.compile(r"[ \u00a0]+from[ \u00a0]+(?:the[ \u00a0]+|an?[ \u00a0]+)?(?:earlier[ \u00a0]+|previous[ \u00a0]+|initial[ \u00a0]+)?$",
                      re.I)
_EARLIER = r"(?:earlier|previously|initially|originally|first|wrongly|mistakenly|incorrectly)"
#: "not eight as earlier reported", "rather than the eight initially reported", "instead of eight".
_NOT_BEFORE_RE = re.compile(r"(?:,[ \u00a0]*)?(?<![\w])(?:not|rather[ \u00a0]+than|instead[ \u00a0]+of)[ \u00a0]+(?:the[ \u00a0]+)?$",
                            re.I)
_AS_REPORTED_AFTER_RE = re.compile(
    rf"[ \u00a0]*(?:\w+[ \u00a0]+){{0,2}}?,?[ \u00a0]*(?:as[ \u00a0]+)?(?:was[ \u00a0]+|had[ \u00a0]+been[ \u00a0]+)?{_EARLIER}"
    r"[ \u00a0]+(?:reported|said|stated|announced|believed|thought|given)"
    rf"|[ \u00a0]*(?:\w+[ \u00a0]+){{0,2}}?(?:as[ \u00a0]+)?(?:reported|said|stated)[ \u00a0]+{_EARLIER}",
    re.I,
)
#: "earlier reported eight deaths", "had initially said 12 people".
_EARLIER_SAID_BEFORE_RE = re.compile(
    rf"(?<![\w]){_EARLIER}[ \u00a0]+(?:reported|said|stated|announced|put[ \u00a0]+the[ \u00a0]+\w+[ \u00a0]+at|gave)"
    r"(?:[ \u00a0]+that)?[ \u00a0]+(?:[\w'’-]+[ \u00a0]+){0,3}$",
    re.I,
)


def revised_from(text: str, start: int) -> bool:
    """Whether a verb of revision opens the "from" right before ``start`` ("revised its estimate
    from 40", "lowered the forecast from 3%"): a from-to after it is a correction (`read_corrections`)."""
    return _REVISED_FROM_RE.search(text, max(0, start - 80), start) is not None


def read_corrections(text: str, drafts: list[Draft]) -> list[Draft]:
    """Mark corrected and superseded values in ``drafts`` (in text order); a from-to range after
    a revision verb becomes its new value, correcting the old one."""
    out: list[Draft] = []
    for d in drafts:
        if d.bound == "range" and d.low is not None and d.high is not None \
                and _REVISED_FROM_RE.search(text, max(0, d.start - 80), d.start) \
                and not _TO_NUMBER_AFTER_RE.match(text, d.end):  # "from 4 to 6 per cent to 2 to 3 per cent"
            out.append(_new_value(text, d))
            continue
        out.append(d)
    for n, d in enumerate(out):
        before = text[max(0, d.start - 80):d.start]
        if d.bound != "range" and _REVISED_FROM_RE.search(text, max(0, d.start - 80), d.start) \
                and not _TO_NUMBER_AFTER_RE.match(text, d.end):
            # "fell 0.7% (revised down from +0.2%)": the value a revision started from, with no "to"
            # after it, is the replaced one; the figure before it is the new value
            d.superseded = True
            earlier = [x for x in out[:n] if not x.superseded and x.value is not None and x.corrects is None]
            if earlier:
                earlier[-1].corrects = d.value
        elif _NOT_BEFORE_RE.search(before) and _AS_REPORTED_AFTER_RE.match(text, d.end) \
                or _EARLIER_SAID_BEFORE_RE.search(before):
            d.superseded = True
            earlier = [x for x in out[:n] if not x.superseded and x.value is not None and x.corrects is None]
            if earlier and _NOT_BEFORE_RE.search(before):
                earlier[-1].corrects = d.value
        elif n + 1 < len(out) and _REVISED_TO_RE.search(text, max(0, d.start - 80), d.start) \
                and _FROM_RE.fullmatch(text, d.end, out[n + 1].start) and out[n + 1].value is not None:
            d.corrects = out[n + 1].value  # "revised down to six from eight"
            out[n + 1].superseded = True
    return out


def _new_value(text: str, d: Draft) -> Draft:
    """"from eight to six" after a revision verb: six, correcting eight."""
    old = d.high if d.descending else d.low
    new = d.low if d.descending else d.high
    to = re.search(r"[ \u00a0](?:to|-|–)[ \u00a0]*", text[d.start:d.end])
    start = d.start + to.end() if to else d.start
    d.start, d.value, d.low, d.high, d.bound, d.descending = start, new, new, new, "exact", False
    d.corrects = old
    return d
