"""Whether a date is the date of an utterance: read from the parse of the date's sentence.

A date that hangs from a verb whose complement is a clause ("announced Thursday that the festival
would be postponed", "announced today (3 May) that service had been restored") dates the act of
saying (or finding, deciding) that clause, not the event the clause reports. One speaker makes many
such statements, about one story, on many days: two of them dated differently are two utterances,
not one event given two dates (`compare.apart`, DAT001). A date of an act whose object is a thing
("pleaded guilty Tuesday to a fraud charge", "announced her resignation on Monday") is the
date of that act and stays compared, unless both acts are of communication and what they
announce differs by meaning (`contents_differ`: "announced a compromise budget on Saturday" /
"announced a stopgap budget Friday"). A cleft ("it was on 12 May that the ferry was withdrawn") is
no utterance: its date is the clause's (`slots.clefted`).
"""

from __future__ import annotations

from ..parsing import parse
from .. import wordnet
from .frames import Frame
from .slots import clefted

#: Dependencies of a clause the parse may hang from a date instead of its verb.
_CLAUSES = ("ccomp", "relcl", "acl")
#: How many links up from the date its verb may be ("announced on its website today (3 May)").
_LINKS = 6


def _tagged(p, verb, clause) -> bool:
    """A clause before ``verb`` that ends at a comma before the verb's subject, the verb one of
    communication (WordNet, first sense: `wordnet.tells`): the news that a tag of saying placed
    after it reports ("Two ferries were cancelled, the harbour office said on Monday")."""
    last = max(x.i for x in p.subtree(clause.i))
    return (last + 1 < verb.i and p.tokens[last + 1].text == ","
            and wordnet.tells(verb.lemma))


def date_verb(f: Frame):
    """The parse, the verb the date of ``f`` hangs from (None when none within `_LINKS`), and the
    date's tokens. The date of a cleft ("it was on 12 May that the ferry was withdrawn") hangs from
    the verb of the clause the cleft puts it before (`slots.clefted`)."""
    p = parse(f.claim.text)
    span = p.tokens_in(f.q.start, f.q.end)
    if not span:
        return p, None, span, set()
    inside = {t.i for t in span}
    cur = p.head_of(span)
    for _ in range(_LINKS):
        if cur.head == cur.i:
            break
        cur = p.tokens[cur.head]
        if cur.pos in ("VERB", "AUX"):
            break
    if cur.pos not in ("VERB", "AUX"):
        return p, None, span, inside
    return p, clefted(p, cur, inside) or cur, span, inside


def utterance(f: Frame) -> bool:
    """The date of ``f`` hangs from a verb with a clausal complement (a ``ccomp`` child after it
    that does not hold the date): the date of a statement, not of what it states."""
    if f.q.dimension != "date":
        return False
    p, verb, span, inside = date_verb(f)
    if verb is None:
        return False
    # (the clause follows its verb: a clause before it, "X took a hiatus; Y released an album in
    # 2015", is another sentence the parse hung from it: VitaminC dev lost 4 conflicts; unless it is
    # the news a tag of saying reports, `_tagged`)
    if any(k.dep == "ccomp" and (k.i > verb.i or _tagged(p, verb, k)) and
           not any(x.i in inside for x in p.subtree(k.i)) for k in p.children(verb.i)):
        return True
    # "announced today (14 May) that it had restored ...": the parse may hang the clause from the
    # date; a clause marked by a complementizer is the verb's content, as a date takes none
    return any(k.dep in _CLAUSES and any(m.dep == "mark" for m in p.children(k.i))
               for t in span for k in p.children(t.i) if k.i not in inside)


#: Two things announced are one when their phrases (the object with its clauses) are this similar:
#: "her resignation" / "her resignation as minister" 0.79, "a new album" / "a new single" 0.73;
#: two plans of one leader told apart by their relative clauses ("a compromise plan that funded
#: ..." / "a stopgap plan that keeps ... open") 0.48.
SAME_CONTENT = 0.6
#: Words of an object phrase compared (with its relative clauses).
_CONTENT_WORDS = 24


def contents_differ(fa: Frame, fb: Frame, ctx) -> bool:
    """Both dates hang from verbs of communication (WordNet, first sense: `wordnet.tells`) with a
    direct object, and the objects differ by meaning (`SAME_CONTENT`): two announcements of
    different things, not one announcement given two dates. A plea ("pleaded guilty Tuesday to
    a fraud charge") has no direct object and stays compared."""
    objects = []
    for f in (fa, fb):
        if f.q.dimension != "date":
            return False
        p, verb, _, inside = date_verb(f)
        if verb is None or not wordnet.tells(verb.lemma):
            return False
        obj = next((k for k in p.children(verb.i) if k.dep == "dobj" and k.i not in inside), None)
        if obj is None:
            return False
        words = [x for x in p.subtree(obj.i) if x.i not in inside and x.pos != "PUNCT"]
        objects.append(" ".join(x.text for x in words[:_CONTENT_WORDS]))
    return ctx.sim(objects[0], objects[1]) < SAME_CONTENT
