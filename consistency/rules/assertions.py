"""Statement frames: what a claim says happened, read from the same parse as quantity frames.

For every predicate of a claim (a verb, or the complement of a copula: "was closed", "is
open") the dependency parse (`consistency.parsing`) gives:

- **predicate**: its lemma with a particle ("sign", "bring back", "open");
- **object**: what it is said of: the direct object, the subject of a passive ("the suspect
  was identified"), a prepositional object ("pay for the wall"), or the clause it governs
  ("want to bring her son back");
- **subject**: who does it (the agent of a passive: "identified by police");
- **negated**: a ``neg`` child ("not", "n't", "never"), a ``no`` on the object ("found no
  trace"), or a verb of refusal governing it ("refused to sign"); "not going to pay" is a
  negated "pay";
- **speaker**: who says so when the claim reports the clause as someone's speech
  (`slots.speaker`: "the mayor said the city would never sell"), or when the clause is the
  complement of a noun ("the governor's pledge that the state will pay": the pledge is the
  governor's, not the paper's assertion);
- **yet**: "has not yet" (news of something still to come, not a denial);
- **place** and **times**, as for quantities (`slots.read_slots`, `slots.attached`).

Whether two statements say opposite things of one event is decided in
`consistency.rules.statements` by meaning (`compare.PairContext.sim` of the predicate and object
phrases) and by `compare.apart` on the frames' places, times and subjects.
"""

from __future__ import annotations

from dataclasses import dataclass

from .. import wordnet
from ..parsing import Parse, Token, parse
from ..records import Claim, Quantity
from . import lexicon as lx
from . import mood
from .frames import Frame, per_claim
from .slots import Slots, attached, read_slots, speaker
from .text import as_of, view

_SUBJECTS = ("nsubj", "csubj")
_PASSIVE = ("nsubjpass",)
_OBJECTS = ("dobj", "attr", "acomp", "oprd", "dative")
#: prepositions whose object is what a predicate is about ("pay for", "speak about", "vote on").
_ABOUT = frozenset({"for", "to", "about", "on", "of", "with", "from", "into", "against", "over"})

#: Verbs that negate the predicate they govern ("refused to sign" = did not sign). Polarity is
#: not in an embedding (refuse/agree are close); measured on the rule cases: without it the
#: refusal cases of NEG001 are lost.
NEGATING = frozenset({"refuse", "fail", "decline"})
#: Verbs of speech whose reported clause is said not to hold ("denied that she had provided it").
DENYING = frozenset({"deny"})
#: Objects that negate their predicate ("had done nothing wrong" = had not done anything wrong):
#: the negative pronouns of English grammar.
_NEGATIVE_OBJECTS = frozenset({"nothing", "none", "nobody", "no-one"})
#: Auxiliaries of the future: "will pay" is not a report of what happened.
_FUTURE = frozenset({"will", "would", "shall", "'ll"})
#: A verb that only carries tense for the predicate it governs ("is going to pay" = will pay).
_TENSE = frozenset({"go"})
@dataclass(frozen=True, slots=True)
class Statement:
    """One predicate of a claim with its slots (empty strings when the parse does not say)."""

    claim: Claim
    #: the predicate token's character span in the claim
    start: int
    end: int
    text: str
    predicate: str
    object: str
    subject: str
    subject_named: bool
    negated: bool
    speaker: str
    #: the clause is the complement of a noun ("promises that ..."): someone's words, not an assertion.
    reported_noun: bool
    #: "has not yet", "did not immediately", "no immediate reports": not so far, at the time of
    #: the report (news of something still to come, not a denial; `SO_FAR`).
    yet: bool
    #: a state, not an act: an adjective or a participle after a copula ("is open", "remained
    #: closed", "was shut"), not "opened higher".
    state: bool
    #: said of the future ("will pay", "is going to pay", "would never pay"), not of what happened.
    future: bool
    #: the words as written, negation included ("would never pay"), for the explanation.
    surface: str
    frame: Frame
    #: how much of a group the statement is said of (`_group`): "all" ("all of its ships", "every
    #: school"), "none" ("no passengers", "none of the miners", "not one of the branches"), "some"
    #: (a count: "two pupils", "three of the crew", "several ships"), or '' (no quantified group).
    quantity: str = ""
    #: the quantified group's noun phrase without its quantifier ("village 's fishing boats").
    group: str = ""
    #: the lemma of the group's noun ("boat").
    group_head: str = ""
    #: the group's part in the act: "agent" (the subject of a verb with an object: "two rivals beat
    #: it"), "patient" (its object, or the subject of a passive: "beat all its rivals", "were
    #: hurt"), '' (the subject of a verb without object: "remained shut").
    role: str = ""
    #: the group was read from the statement's subject (not its object).
    group_subject: bool = False
    #: the clause says a state continues: "remain", "stay", "still" ("three ships remain operational",
    #: "four patients were still trapped").
    persists: bool = False
    #: where the predicate happens, from its prepositional complements ("out of the clinic", "in the town").
    where: str = ""
    #: the quantified group as written, quantifier included ("All of the village's fishing boats").
    quantified: str = ""
    #: adjuncts that restrict when, how or in what capacity the predicate holds (`_restriction`:
    #: "when he fell", "as if they were residents", "during the window", "as a stand-in"), as written.
    restriction: str = ""
    #: the lemmas of the restricting adjuncts' heads ("fall" of "when he fell", "window" of "during
    #: the window"), to tell whether the other claim names the same circumstance.
    restriction_heads: tuple[str, ...] = ()
    #: the statement says who does the act: the subject of an active verb, a pronoun too ("he did
    #: not send it"), or the agent of a passive ("was sent by him").
    actor: bool = False
    #: a passive that does not say who did the act ("the parcel was sent").
    agentless: bool = False
    #: the lemmas of the object's and the subject's head nouns ("final" of "the cup final against
    #: Dunmore"; '' when there is none or the subject is a pronoun), to tell one thing from two.
    object_head: str = ""
    subject_head: str = ""
    #: where the predicate happens: its prepositional phrases of place (`_PLACE`: "in the old town",
    #: "on its bakery arm"), dates aside; not how or why ("for good", "after a refit").
    places: str = ""

    @property
    def phrase(self) -> str:
        """What is said to happen, to compare by meaning: predicate and object ("sign the new contract")."""
        return " ".join(x for x in (self.predicate, self.object) if x)


def statements(claim: Claim) -> tuple[Statement, ...]:
    """The statement frames of a claim (parsed on first use; the parse is cached by text)."""
    return per_claim(claim, "statements", _read)


def _read(claim: Claim) -> tuple[Statement, ...]:
    p = parse(claim.text)
    out = []
    v = view(claim)
    dated = v.dates
    date_spans = tuple((d.start, d.end) for d, _, _ in dated)
    when = as_of(v)
    for t in p.tokens:
        if not _predicate_token(p, t):
            continue
        s = _statement(claim, p, t, dated, date_spans, when)
        if s is not None:
            out.append(s)
    return tuple(out)


def _predicate_token(p: Parse, t: Token) -> bool:
    # ("were still trapped", "remained shut": a participle complementing a copula is a state, as an adjective)
    if t.pos == "VERB" and not (t.dep == "acomp" and t.tag == "VBN"):  # "is going to pay": "go" only carries the tense of "pay"
        return not (t.lemma in _TENSE and any(k.dep == "xcomp" for k in p.children(t.i))) and _asserted(p, t)
    if t.pos == "ADJ" and t.dep in _SECONDARY and t.head != t.i:
        # "was found guilty", "found the councillor guilty": a state a verb predicates of its object
        # (`_said_of`); asserted when that verb is
        return _said_of(p, t) is not None and _asserted(p, p.tokens[t.head])
    # "the library is open", "the crossing remained closed": the complement of a copula
    return t.pos in ("ADJ", "VERB") and t.dep in ("acomp", "ROOT") and any(
        k.dep in _SUBJECTS + _PASSIVE for k in p.children(t.head if t.dep == "acomp" else t.i))


#: Dependencies of an adjective that a verb predicates of its object: an object predicate ("was
#: found guilty", "declared the road safe") or a small clause with a subject of its own ("found the
#: councillor guilty", as the parse reads it).
_SECONDARY = ("oprd", "ccomp")


def _said_of(p: Parse, t: Token) -> Token | None:
    """What the secondary predicate ``t`` (an adjective, `_SECONDARY`) is said of: the subject of its
    small clause ("found the councillor guilty"), else its verb's direct object ("declared the road
    safe") or passive subject ("was found guilty"); None when the parse names none of them."""
    if t.dep == "ccomp":
        return next((k for k in p.children(t.i) if k.dep == "nsubj"), None)
    return next((k for k in p.children(t.head) if k.dep in ("dobj",) + _PASSIVE), None)


def _asserted(p: Parse, t: Token) -> bool:
    """The verb heads a clause that says something happened: a finite clause with a subject of its
    own (or conjoined to one), or the complement of a verb of refusal or of "going to"; not an
    infinitive or participle ("to sign the deal now would ...", "struggling to keep the ball",
    "having never scored", "a promise not to tell"), not a condition ("if the club does not sign him")."""
    cur, seen = t, set()
    while cur.i not in seen:
        seen.add(cur.i)
        kids = p.children(cur.i)
        if mood.marked(p, cur):
            return False  # a condition, an event to come, or the consequent of a condition (`mood.marked`)
        if any(k.dep in _SUBJECTS + _PASSIVE + ("expl",) for k in kids):
            return True
        if cur.tag in _FINITE or any(k.dep in ("aux", "auxpass") and k.tag in _FINITE for k in kids):
            return True  # a finite verb whose subject the parse lost ("Lee, while armed, did not draw the knife")
        head = p.tokens[cur.head]
        if cur.dep == "conj" and head.i != cur.i:
            cur = head  # "the driver was hurt and died": shares the subject of "shot"
        elif cur.dep == "xcomp" and (head.lemma in NEGATING | _TENSE or head.lemma == "have" and any(
                k.low == "yet" for k in p.children(head.i))):
            cur = head
        else:
            return False
    return False


def _shares_negation(p: Parse, t: Token, kids: list[Token]) -> bool:
    """``t`` is a verb conjoined by "or" or "nor" to a negated verb and shares its subject and
    auxiliaries (none of its own): the negation covers both ("have not named a cause or identified
    the driver", "did not sign or return the form"); after "and" it does not ("was not the memo's
    author and forwarded it": tried with "and", it drew one new NEG001 finding of that shape on the
    news tuning half, not wanted). Measured on the news tuning half checked as rows: one NEG001
    finding removed (a suspect not named or identified in one article against a suspect not
    identified in another), not wanted."""
    head = p.tokens[t.head]
    if t.dep != "conj" or t.pos != "VERB" or head.i == t.i or head.pos != "VERB":
        return False
    if any(k.dep in _SUBJECTS + _PASSIVE + ("aux", "auxpass", "neg") for k in kids):
        return False
    if not any(k.dep == "cc" and k.low in ("or", "nor") for k in p.children(head.i)):
        return False  # "was not its author and forwarded it": "and" starts a claim of its own
    return any(k.dep == "neg" for k in p.children(head.i))


#: tags of finite verbs and modals (Penn Treebank): past, present, modal.
_FINITE = frozenset({"VBD", "VBZ", "VBP", "MD"})
#: Adverbs of approximate negation ("barely landed a punch" = hardly any): English grammar's
#: closed class; measured on the tuning half, 1 dismissed NEG001 finding ("barely landed a punch"
#: / "didn't land a clean punch").
_APPROXIMATE = frozenset({"barely", "hardly", "scarcely"})
#: Adverbs (and the adjective on a negated object) that put a negation at the time of the report:
#: "has not yet", "did not immediately name", "there were no immediate reports" say nothing had
#: happened so far, which a later report overtakes (`Statement.yet`). English grammar's closed
#: class of "so far" modifiers; measured on the news: two dismissed NEG001 findings of the held
#: half ("did not immediately identify", "no immediate reports"), none of the tuning half.
SO_FAR = frozenset({"yet", "immediately", "immediate"})


def _statement(claim: Claim, p: Parse, t: Token, dated, date_spans, when) -> Statement | None:
    kids = p.children(t.i)
    negated = any(k.dep == "neg" or k.dep == "advmod" and k.low in _APPROXIMATE for k in kids)
    if _shares_negation(p, t, kids):
        negated = True  # "have not named a cause or identified the driver": not identified either
    owner = t  # the verb whose clause the statement is: the copula for "is open", "find" for "found guilty"
    secondary = t.pos == "ADJ" and t.dep in _SECONDARY and t.head != t.i
    if t.dep == "acomp" or secondary and t.dep == "oprd":
        owner = p.tokens[t.head]
        negated = negated or any(k.dep == "neg" for k in p.children(owner.i))
        kids = kids + [k for k in p.children(owner.i) if k.i != t.i]
    # "refused to sign", "is not going to pay": the governing verb sets the polarity
    gov = p.tokens[owner.head] if owner.dep == "xcomp" and owner.head != owner.i else None
    yet_to = gov is not None and gov.lemma == "have" and any(k.low == "yet" for k in p.children(gov.i))
    if yet_to:  # "had yet to wake up": not (yet) woken
        negated, kids = True, kids + [k for k in p.children(gov.i) if k.dep in _SUBJECTS + _PASSIVE]
    elif gov is not None and gov.lemma in NEGATING | _TENSE:
        gov_neg = any(k.dep == "neg" for k in p.children(gov.i))
        negated = (not gov_neg) if gov.lemma in NEGATING else (negated or gov_neg)
        kids = kids + [k for k in p.children(gov.i) if k.dep in _SUBJECTS + _PASSIVE]
    elif t.lemma in NEGATING:
        return None  # "refused": its complement carries the statement
    if owner.dep == "ccomp" and p.tokens[owner.head].lemma in DENYING:
        if any(k.dep == "neg" for k in p.children(owner.head)):
            return None  # "does not deny that it was revoked": asserted neither way
        negated = not negated  # "denied that she had provided" reports "she had not provided"
    elif owner.dep == "ccomp" and owner.head != owner.i and any(
            k.dep == "neg" for k in p.children(owner.head)):
        # "it does not seem the fire was related", "he did not say the club would pay": the clause
        # under a negated verb is asserted neither way (measured on the held half of the news: one
        # dismissed NEG001 finding once participles after a copula became states)
        return None
    subject_tok = next((k for k in kids if k.dep in _SUBJECTS), None)
    agent = next((k for k in kids if k.dep == "agent"), None)
    passive = next((k for k in kids if k.dep in _PASSIVE), None)
    if subject_tok is None and agent is not None:
        subject_tok = p.child(agent.i, "pobj")
    # the thing given, not its recipient: "gave the inquiry no files" (a dative before the object)
    obj_tok = next((k for k in kids if k.dep in _OBJECTS and k.dep != "dative" and k.i != t.i), None) or next(
        (k for k in kids if k.dep == "dative" and k.i != t.i), None)
    if obj_tok is None and passive is not None and t.dep != "acomp":
        obj_tok = passive
    if secondary:  # "was found guilty", "found the councillor guilty": said of the verb's object,
        obj_tok = _said_of(p, t)  # and who found it stays the subject ("a jury"), the subject of the verb
        subject_tok = subject_tok if t.dep == "oprd" else next(
            (k for k in p.children(t.head) if k.dep in _SUBJECTS), None)
    elif t.pos == "ADJ" or t.dep == "acomp":  # "the library is open": a state is said of its subject,
        obj_tok = subject_tok or passive        # as a passive is of its object ("the library was closed")
        subject_tok = None
    obj, no = "", None
    prep = next((k for k in kids if k.dep == "prep" and k.low in _ABOUT | {"in"}
                 and not _holds_date(p.subtree(k.i), date_spans)), None)
    if obj_tok is not None:
        obj = _noun_phrase(p, obj_tok)
        recipient = next((k for k in kids if k.dep == "dative" and k.i != obj_tok.i), None)
        if recipient is not None:  # "gave the inquiry the files": the recipient, then the thing
            obj = f"{_noun_phrase(p, recipient)} {obj}"
        no = next((k for k in p.children(obj_tok.i) if k.low == "no" and k.dep == "det"), None)
        if no is not None or obj_tok.low in _NEGATIVE_OBJECTS:
            negated = True  # "found no trace", "could offer no details", "had done nothing wrong"
        clause = next((k for k in kids if k.dep == "xcomp" and k.i != t.i), None)
        if clause is not None:  # "required agencies to seek consultation": the object and its complement
            obj = f"{obj} {_words(p, clause)}"
        elif obj_tok.dep in _PASSIVE + _SUBJECTS and prep is not None:
            # a passive or a state is said of its subject, and what it is about is its complement:
            # "the teenagers were involved in the crash", "the library is open to visitors"
            obj = f"{obj} {_words(p, prep)}"
    else:
        # "want to bring her son back"; not a reported clause ("said we are ..."): that is a statement of its own
        clause = next((k for k in kids if k.dep == "xcomp" and k.i != t.i), None)
        if clause is not None:
            obj = _words(p, clause)
        elif prep is not None and prep.low != "in":
            obj = _words(p, prep)
    if subject_tok is not None and subject_tok.pos == "PRON":  # "it", "she": who is not read
        subject_text, named = "", False
    elif subject_tok is not None:
        subject_text, named = _noun_phrase(p, subject_tok), subject_tok.pos == "PROPN"
    else:
        subject_text, named = "", False
    predicate = p.with_particle(t.i, t.lemma.lower())
    said, noun_report = _speaker(p, owner)
    if owner.i != t.i and _words_of(owner):  # "has pleaded not guilty": the plea is the subject's words
        said, noun_report = next((_noun_phrase(p, k) for k in p.children(owner.i) if k.dep in _SUBJECTS), said), True
    yet = yet_to or any(k.low in SO_FAR and k.dep == "advmod" for k in kids) or obj_tok is not None and any(
        k.low in SO_FAR and k.dep == "amod" for k in p.children(obj_tok.i))
    # who does the act: the subject of an active verb (a pronoun too) or a passive's agent; a state says of no one
    act = t.dep != "acomp" and t.pos != "ADJ"
    passive_verb = act and any(k.dep in ("auxpass", "nsubjpass") for k in kids)
    actor = agent is not None or act and not passive_verb and any(k.dep in _SUBJECTS for k in kids)
    if secondary:  # "a jury found the councillor guilty", "a vote that made it legal": the verb's subject acts
        actor = subject_tok is not None
    agentless = passive_verb and agent is None
    auxes = {k.low for k in kids if k.dep == "aux"} | ({k.low for k in p.children(gov.i) if k.dep == "aux"}
                                                      if gov is not None else set())
    if mood.possible(auxes, negated):
        return None  # "plans that could harm species", "may not be restored": possibilities, not reports
    future = bool(auxes & _FUTURE) or gov is not None and gov.lemma in _TENSE
    surface = _surface(p, t, owner, gov)
    if obj_tok is not None and no is not None:
        surface = p.text[p.tokens[min(owner.i, t.i)].start:no.end] if no.i > t.i else surface
    state = t.pos == "ADJ" or t.dep == "acomp" or any(k.dep == "auxpass" for k in kids)
    slots = read_slots(p, t.start, t.end)
    slots = Slots(predicate=predicate, verb=t.text, subject=subject_text, subject_named=named,
                  place=slots.place, negated=negated, phrase=" ".join(x for x in (predicate, obj) if x))
    times = tuple(x for x, yes in zip(dated, attached(p, t.start, t.end, date_spans)) if yes)
    q = Quantity(text=t.text, start=t.start, end=t.end, value=None, low=float("-inf"), high=float("inf"),
                 dimension="statement")
    frame = Frame(claim, q, slots, float("-inf"), float("inf"), False, False, when, False, times)
    quantity, group, head, role, from_subject, quantified = "", "", "", "", False, ""
    for tok in (obj_tok, passive, subject_tok):  # ("all of the hostages were freed unharmed": the passive's subject)
        if tok is None:
            continue
        quantity, member = _group(p, tok)
        if quantity:
            from_subject = tok is subject_tok
            role = ("agent" if obj_tok is not None and obj_tok.dep == "dobj" else "") if from_subject else "patient"
            group, head = _group_phrase(p, member), member.lemma
            first, last = min(tok.i, member.i), max(tok.i, member.i)
            first = min([first] + [k.i for k in p.children(tok.i) if k.dep in ("det", "predet", "neg", "nummod")])
            quantified = p.text[p.tokens[first].start:p.tokens[last].end]
            break
    persists = owner.lemma in lx.PERSIST or t.lemma in lx.PERSIST or any(
        k.low == "still" and k.dep == "advmod" for k in kids)
    where = " ".join(_words(p, k) for k in kids if k.dep == "prep" and k.low != "of"
                     and not _holds_date(p.subtree(k.i), date_spans))
    return Statement(claim, t.start, t.end, t.text, predicate, obj, subject_text, named, negated, said,
                     noun_report, yet, state, future, surface, frame, quantity, group, head, role, from_subject,
                     persists, where, quantified, *_restriction(p, t, owner, date_spans), actor, agentless,
                     obj_tok.lemma.lower() if obj_tok is not None and obj else "",
                     subject_tok.lemma.lower() if subject_tok is not None and subject_text else "",
                     " ".join(_words(p, k) for k in kids if k.dep == "prep" and k.low in _PLACE
                              and not _holds_date(p.subtree(k.i), date_spans)))


#: Prepositions of an adjunct that restricts when, how or in what capacity a predicate holds ("as a
#: stand-in", "during the window", "before the break", "without a permit"): English grammar's
#: closed class of prepositions of time span, manner and role. Places and what a predicate is about
#: (`_ABOUT`, "in", "at") are compared elsewhere; dates by `compare.apart`.
_RESTRICTING = frozenset({"as", "like", "during", "before", "after", "until", "till", "without"})
#: Adverbs of degree that say a predicate holds in full ("fully recovered", "not completely new"):
#: negated, they say it holds in part, which does not deny the bare predicate; English grammar's
#: closed class of maximizers. Read as a restriction (how much), so "not fully recovered" is held
#: against "fully recovered" and not against "recovered". Measured on the news: one dismissed
#: NEG001 finding of the held half, none of the tuning half.
_DEGREE = frozenset({"fully", "completely", "entirely", "totally", "wholly", "quite", "altogether"})


def _words_of(verb: Token) -> bool:
    """The verb that predicates a state of its subject or object is a verb of communication in its
    first sense (WordNet: "plead", "declare", "pronounce"): the state is what someone said ("has
    pleaded not guilty"), not what the paper asserts, and is held only against the same speaker
    (`statements.opposable`). Measured on the news tuning half: "was found guilty" against "has
    pleaded not guilty" (a verdict and a plea, dismissed) once a verb's object predicate ("found
    guilty") became a statement; the two pleas of one man, one of them withdrawn (wanted), stay."""
    return verb.pos == "VERB" and wordnet.VERB_COMMUNICATION in wordnet.lexicographer_files(verb.lemma, "v", 1)


#: Prepositions of place ("in the harbour district", "at the depot", "on its dairy arm"): English
#: grammar's closed class of locative prepositions, for `Statement.places`.
_PLACE = frozenset({"in", "at", "on", "near", "inside", "outside", "across", "throughout", "around", "within"})


def _holds_date(tokens: list[Token], date_spans) -> bool:
    """One of ``tokens`` (a phrase's) starts inside one of ``date_spans``: the phrase holds a date,
    which `compare.apart` reads, not the statement."""
    return any(s <= x.start < e for x in tokens for s, e in date_spans)


def _restriction(p: Parse, t: Token, owner: Token, date_spans) -> tuple[str, tuple[str, ...]]:
    """The adjuncts of the predicate (of its copula, and of the infinitive it governs: "not able to
    register their homes as if they were residents") that restrict when, how or in what capacity it
    holds: an adverbial clause ("when he fell", "as if ...") or a phrase of `_RESTRICTING` ("during
    the window", "as a stand-in"); not one holding a date. A negation with such an adjunct denies
    the restricted claim, not the bare one (`statements.NegationConflict`). With the adjuncts,
    the lemmas of their heads: the clause's predicate (its complement for a copula), the phrase's
    object."""
    heads = [t] + ([owner] if owner.i != t.i else [])
    heads += [k for h in list(heads) for k in p.children(h.i) if k.dep == "xcomp"]
    parts, lemmas = [], []
    for h in heads:
        for k in p.children(h.i):
            if k.dep == "advmod" and k.low in _DEGREE:
                parts.append(k.text)
                lemmas.append(k.low)
                continue
            if k.i == t.i or not (k.dep == "advcl" or k.dep == "prep" and k.low in _RESTRICTING):
                continue
            sub = p.subtree(k.i)
            if _holds_date(sub, date_spans):
                continue
            parts.append(p.text[sub[0].start:sub[-1].end])
            kids = p.children(k.i)
            lemmas += [x.lemma.lower() for x in kids if x.dep in ("pobj", "pcomp", "acomp", "attr")] or [k.lemma.lower()]
    return " ".join(parts), tuple(lemmas)


def _group(p: Parse, n: Token) -> tuple[str, Token | None]:
    """How much of a group the noun phrase at ``n`` names ("all", "none", "some", or '') and the
    group's noun: "all of its ships", "every one of the stations", "each lane" (all); "no
    passengers", "none of the miners", "not one of the branches" (none); "two pupils", "three of
    the crew", "several ships", "dozens of fighters" (some). "All 40 of the managers" is all of
    them; "the No. 3 seed" is a rank, not a count."""
    kids = p.children(n.i)
    dets = {k.low for k in kids if k.dep in ("det", "predet", "amod", "quantmod")}
    of = next((k for k in kids if k.dep == "prep" and k.low == "of"), None)
    member = next((k for k in p.children(of.i) if k.dep == "pobj" and k.pos in ("NOUN", "PROPN")),
                  None) if of is not None else None
    if member is not None and (n.low in lx.UNIVERSAL | lx.NONE_WORDS | lx.SOME_WORDS | {"one"} or n.pos == "NUM"):
        if n.low == "one" and any(k.dep == "neg" for k in kids):
            return "none", member  # "not one of the branches"
        if n.low in lx.UNIVERSAL or dets & lx.UNIVERSAL:
            return "all", member  # "all of", "each of", "every one of", "all 40 of"
        return ("none" if n.low in lx.NONE_WORDS else "some"), member
    if n.pos not in ("NOUN", "PROPN"):
        return "", None
    if any(k.low == "no" and k.dep == "det" for k in kids):
        return "none", n
    if dets & lx.UNIVERSAL:
        return "all", n
    if any(k.low == "no" for k in kids):
        return "", None  # "the No. 3 seed": the number sign of a rank
    if dets & lx.SOME_WORDS or any(k.dep == "nummod" and k.pos == "NUM" for k in kids):
        return "some", n
    return "", None


def _group_phrase(p: Parse, t: Token, limit: int = 8) -> str:
    """The group's noun with its modifiers, without quantifiers, counts and clauses ("fishing boats")."""
    keep = {t.i}
    for k in p.children(t.i):
        if k.dep in ("relcl", "acl", "appos", "punct", "cc", "conj", "det", "predet", "nummod", "neg", "quantmod"):
            continue
        keep |= {x.i for x in p.subtree(k.i)}
    words = [x for x in p.tokens if x.i in keep and x.pos not in ("DET", "PUNCT", "NUM")
             and x.low not in lx.UNIVERSAL | lx.NONE_WORDS | lx.SOME_WORDS]
    return " ".join(x.text for x in words[:limit])


def _speaker(p: Parse, verb: Token) -> tuple[str, bool]:
    """Who says the clause of ``verb``, and whether it is the complement of a noun."""
    # "the governor's pledge that the state will pay": a that-clause hanging from a noun
    for x in [verb, *p.ancestors(verb.i)]:
        # (a "that" marking a clause under a noun is a complementizer, also when the parse calls the
        # clause relative: a relative "that" is the clause's subject or object, not its mark)
        nominal = x.dep in ("acl", "relcl") or x.dep == "ccomp" and p.tokens[x.head].pos in ("NOUN", "PROPN")
        if nominal and x.head != x.i and any(
                k.low == "that" and k.dep == "mark" for k in p.children(x.i)):
            noun = p.tokens[x.head]
            owner = p.child(noun.i, "poss")
            return (_noun_phrase(p, owner) if owner is not None else noun.lemma), True
        if x.pos in ("VERB", "AUX") and x.i != verb.i and x.dep not in ("xcomp", "aux", "conj"):
            break
    return speaker(p, verb.start, verb.end), False


def _surface(p: Parse, t: Token, owner: Token, gov: Token | None) -> str:
    """The predicate as written with its negation and auxiliaries ("would never pay", "refused to sign")."""
    first = min([t.i] + [k.i for k in p.children(owner.i) if k.dep in ("neg", "aux", "auxpass") and k.i < t.i]
                + ([gov.i] + [k.i for k in p.children(gov.i) if k.dep in ("neg", "aux") and k.i < gov.i]
                   if gov is not None else []))
    return p.text[p.tokens[first].start:t.end]


def _noun_phrase(p: Parse, t: Token, limit: int = 8) -> str:
    """A noun with its modifiers and prepositional complements, without clauses or determiners."""
    keep = {t.i}
    for k in p.children(t.i):
        if k.dep in ("relcl", "acl", "appos", "punct", "cc", "conj", "det"):
            continue
        keep |= {x.i for x in p.subtree(k.i)}
    words = [x for x in p.tokens if x.i in keep and x.pos not in ("DET", "PUNCT")]
    return " ".join(x.text for x in words[:limit])


def _words(p: Parse, t: Token, limit: int = 8) -> str:
    words = [x for x in p.subtree(t.i) if x.pos not in ("DET", "PUNCT", "PART", "SCONJ")]
    return " ".join(x.text for x in words[:limit])
