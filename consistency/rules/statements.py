"""Rules on what claims say happened: negation, antonyms, quantifiers.

NEG001, ANT001 and QNT001 read statement frames (`consistency.rules.assertions`: predicate,
object, subject, negation, speaker, place, times, the quantified group, from the same dependency
parse as quantity frames) and compare them by meaning (`compare.PairContext.sim`) with the veto of
`compare.apart` and the speaker disputes of `opposable`.
"""

from __future__ import annotations

import re
from functools import lru_cache
from typing import Iterable, Iterator, Sequence

from dataclasses import replace

from .. import wordnet
from ..parsing import parse, parsed
from ..records import UNDATED, Claim
from . import lexicon as lx
from .assertions import Statement, statements
from .base import Rule, Verdict, per_claim, register, spans
from .compare import PairContext, apart, disjoint_words
from .text import same_word, stem, view


def _stem_matches(word_stem: str, group: frozenset[str]) -> bool:
    return any(word_stem == g or (len(g) >= 4 and word_stem.startswith(g)) for g in group)


# --- statement frames: NEG001, ANT001, QNT001 ------------------------------------------------

#: Two statements say the same thing happened (or not) when their predicate-and-object phrases
#: are this similar (embedding cosine, `PairContext.sim`). Set on the reviewed NEG001 findings of
#: the tuning half of ../shared/data/news (benchmarks/labels/news.jsonl): the lowest value that
#: leaves out the dismissed pairs between 0.75 and 0.8 (a denial and a clarification about one
#: person's faith, phrased differently) and keeps the rule cases' paraphrases
#: ("provided intelligence" / "has not given any intelligence": 0.87).
SAME_STATEMENT = 0.8
#: ... and their predicates alone this similar: "provide" / "give" is 0.55; the dismissed tuning
#: pairs whose objects carried the phrase ("struggle to sustain drives" / "sustain drives",
#: "suggest" / "believe", "question" / "refer to") are 0.24-0.42.
SAME_PREDICATE = 0.5
#: Two predicates are said of one thing when their objects are this similar ("in a shooting" /
#: "in gang activity" is 0.47; "trace of explosives" / "traces of explosives" 0.95).
SAME_OBJECT = 0.6


def _same_statement(x: Statement, y: Statement, ctx: PairContext) -> bool:
    """The two statements say the same thing happened (or not), by meaning: the whole phrase, the
    predicate and the object each similar enough."""
    # (predicates first: few distinct lemmas, their similarities are cached across the pairs of a check)
    return (ctx.sim(x.predicate, y.predicate) >= SAME_PREDICATE and ctx.sim(x.object, y.object) >= SAME_OBJECT
            and ctx.sim(x.phrase, y.phrase) >= SAME_STATEMENT)


def _context(ctx) -> PairContext:
    return ctx if ctx is not None else PairContext()


def opposable(x: Statement, y: Statement, ctx: PairContext) -> str:
    """Why two statements cannot say opposite things of one event ('' when they can):

    - a clause that is the complement of a noun ("the governor's pledge that the state will pay") is
      someone's words, not the paper's assertion: it is only held against the same speaker;
    - both are reported speech of speakers who differ ("the governor vowed the state would pay" /
      "the mayor insisted it would never pay"): a dispute between speakers, which both outlets
      report faithfully, not a conflict between the reports (docs/rules.md, "Statements");
    - both name subjects with no word in common ("the minister" / "the president");
    - one is said of the future and the other of what happened ("charges will be filed" / "no
      charges have been filed");
    - `compare.apart`: different named subjects, places, or times that cannot overlap.
    """
    if x.future != y.future:
        return "another time"  # "charges will be filed" / "no charges have been filed"
    if (x.reported_noun or y.reported_noun) and (not x.speaker or not y.speaker
                                                 or disjoint_words(x.speaker, y.speaker)):
        return "reported words"
    if disjoint_words(x.speaker, y.speaker):
        return "different speakers"
    if disjoint_words(x.subject, y.subject):
        return "different subjects"
    return apart(x.frame, y.frame, ctx)


def _restricted(denial: Statement, other: Statement, ctx: PairContext) -> bool:
    """The denial is restricted by an adjunct of time, manner or capacity that the other statement
    lacks or restricts otherwise (`Statement.restriction`, similarity under `SAME_OBJECT`: "was not
    carrying an ice axe when he fell", "declined to bid during the window", "is not running as a
    stand-in"): the negation's focus is the adjunct, so it denies the restricted claim, not the bare
    one. A bare denial still contradicts a restricted report ("did not sign" / "signed during the
    window"), and two statements restricted alike are compared ("when the match began"), as is a
    denial whose adjunct's head the other claim names in another role ("not one branch was closed
    during the strike" / "the strike shut five branches")."""
    if not denial.restriction:
        return False
    if other.restriction:
        return ctx.sim(denial.restriction, other.restriction) < SAME_OBJECT
    named = view(other.claim).stems
    return not any(stem(h) in named for h in denial.restriction_heads)


def _same_day(a: Claim, b: Claim) -> bool:
    """Both claims' documents are dated, the same day: a "not yet" of one is news as of that day."""
    return bool(a.date and b.date) and a.date == b.date and a.date != UNDATED


def _key(s: Statement) -> str:
    return f"{'not ' if s.negated else ''}{s.predicate}"


#: A cost filter, not a reading: every negation a statement frame reads (a ``neg`` dependency:
#: not, n't, never, cannot; "no" on an object; a negative object: nothing, none, nobody;
#: `assertions.NEGATING`; `assertions.DENYING`; "has yet to") holds one of these words, so a
#: pair of claims without any is not parsed. Extra matches ("No. 1", "failure") only cost a parse.
_NEGATION_CUE = re.compile(r"\b(?:not|cannot|never|no|nothing|none|nobody|yet|refus\w*|fail\w*|declin\w*|"
                           r"den(?:y|ies|ied|ying))\b|n[’']t\b", re.I)


@register
class NegationConflict(Rule):
    """One claim says something happened, the other says it did not.

    Reads a statement frame for every predicate of both claims (`consistency.rules.assertions`:
    predicate, object, subject, negation, speaker, place, times, from the dependency parse) and
    flags a pair of statements of opposite polarity ("did not sign", "never attended", "refused
    to sign", "found no trace", "did nothing wrong", "denied that it had paid", "is not going to
    pay") whose predicates and objects say the same thing by meaning (embedding similarity of
    the phrase, the predicate and the object), of the same subject, with no evidence that they
    are about different occasions (`compare.apart`), and not a dispute between two speakers.

    Example::

        Russia provided intelligence to Iran on US warship positions.
        Russia has not given any intelligence to Iran, the Kremlin said.
        -> provided vs has not given: one claim negates the other

    Not flagged: the same verb with another object ("gave no details of the motive" vs "did not
    give the name of the driver"); different subjects; two negations ("would never sell" /
    "will not sell" agree); one person's promise against another's denial (reported speech of
    different speakers, or the complement of a noun: "the governor's pledge that the state will
    pay"); infinitives, participles, conditions and possibilities ("if the club does not sign
    him", "struggling to keep the ball", "the dam could flood the valley"); the future against
    what happened ("charges will be filed" / "no charges have been filed"); a denial so far ("has
    not yet", "did not immediately name") unless both reports are of one known day (that is news,
    not a conflict); a denial of what a subject did against a passive that does not say who did
    it ("he did not send the photo" / "the photo was sent"); a denial restricted by
    an adjunct of time, manner or capacity the other side lacks ("was not carrying an ice axe
    when he fell" / "was carrying an ice axe", "declined to bid during the window" / "has made a bid":
    the negation's focus is the adjunct; `Statement.restriction`), or by a degree ("has not fully
    recovered" / "has recovered").
    """

    code = "NEG001"
    name = "negation-conflict"
    groups = ("logic",)
    severity = "error"

    def parses(self, pairs: Sequence[tuple[Claim, Claim]]) -> Iterator[Claim]:
        """The claims `check` will parse for ``pairs``, as far as the parses made so far tell (the
        engine parses them in batches before the rules run: `consistency.check.prime_parses`):
        every claim with a negation cue, and both claims of a pair once one of them, parsed, holds
        a negated statement."""
        cue = per_claim(lambda c: bool(_NEGATION_CUE.search(c.text)))
        for a, b in pairs:
            sides = [c for c in (a, b) if cue(c)]
            if any(parsed(c.text) and any(s.negated for s in statements(c)) for c in sides):
                sides = [a, b]
            yield from sides

    def check(self, a: Claim, b: Claim, ctx=None) -> Iterable[Verdict]:
        # parse a claim with a negation cue first, and the other one only when it holds a negated
        # statement: a pair needs one
        if not any(_NEGATION_CUE.search(c.text) and any(s.negated for s in statements(c)) for c in (a, b)):
            return
        sa, sb = statements(a), statements(b)
        ctx = _context(ctx)
        for x in sa:
            for y in sb:
                if x.negated == y.negated or not x.object or not y.object:
                    continue
                denial, report = (x, y) if x.negated else (y, x)
                if denial.yet and not _same_day(a, b):
                    continue  # "not yet" then, or undated: a later report may have overtaken it
                if denial.actor and report.agentless:
                    continue  # "he did not send it" / "it was sent": by someone, not said who
                if _restricted(denial, report, ctx):
                    continue
                if opposable(x, y, ctx) or not _same_statement(x, y, ctx):
                    continue
                yield Verdict(spans_a=spans((x.start, x.end, x.text, _key(x))),
                              spans_b=spans((y.start, y.end, y.text, _key(y))),
                              explanation=f"{x.surface} vs {y.surface} ({y.object}): one claim negates the other",
                              key_a=_key(x), key_b=_key(y))
                return


@register
class AntonymConflict(Rule):
    """Two claims say opposite things of the same subject (won/lost, open/closed).

    Flags a pair of statement frames (`consistency.rules.assertions`) whose predicates are
    antonyms (won/lost, accepted/rejected, approved/rejected or vetoed, convicted/acquitted,
    open/closed, allowed/banned, supports/opposes, confirmed/denied, lifted/imposed; the pairs
    of `lexicon.ANTONYMS`: polarity is not in an embedding, which puts "won" next to "lost"),
    of the same polarity, said of one thing: their objects similar by meaning, or, without
    objects, the same subject, and one thing named on both sides (`_one_named`: one head noun,
    not a detail on each side that the other lacks); the actor of an act read (`_said_of_one`);
    not apart (`compare.apart`), not a dispute between speakers. An adjective a verb predicates of
    its object is a state of it ("was found guilty" against "was acquitted"). A verb of a
    contest's result (`_contest`: "beat", "defeat", "overcome", in WordNet below "defeat") says
    its subject won and its object lost in either voice ("Ostby beat Corby" / "Ostby were beaten
    by Corby"); one predicate of opposite objects is flagged too ("reported a loss" / "reported a
    profit", `_opposite_objects`), as is a thing itself shutting and reopening on one day.

    Example::

        The city council approved the stadium plan on Tuesday.
        The city council rejected the stadium plan on Tuesday.
        -> approved vs rejected: opposite predicates of the same subject

    Not flagged: different subjects ("Smith won the final" vs "Jones lost the final"); "did not
    win" vs "lost" (they agree); "opened higher" vs "closed lower" (open/closed counts as a state,
    "is open", "remained closed", or as an act of the thing itself without a comparative or a
    figure: `_opens_or_closes`); "opened an inquiry" / "closed the inquiry" (two steps); "Corby
    were beaten by Ostby" / "Ostby beat Corby" (one result); different objects ("opened a library" / "closed a
    gym"), or one named with a detail on each side ("the first leg" / "the second leg", "the
    upper house" / "the lower house"); acts of a pronoun ("he backed the plan" / "a group which
    opposes it"); all or none of a group ("won every home game", QNT001's); numeric rises and
    falls (DIR001).
    """

    code = "ANT001"
    name = "antonym-conflict"
    groups = ("logic",)
    severity = "error"

    def parses(self, pairs: Sequence[tuple[Claim, Claim]]) -> Iterator[Claim]:
        """The claims `check` will parse for ``pairs``, as far as the parses made so far tell: the
        first claim when both have a word of an antonym pair, the second too once the first, parsed,
        has an antonym predicate (see `NegationConflict.parses`)."""
        stems = per_claim(_antonym_stems)
        for a, b in pairs:
            if stems(a) and stems(b):
                yield a
                if parsed(a.text) and any(_read_for_antonyms(s) for s in statements(a)):
                    yield b

    def check(self, a: Claim, b: Claim, ctx=None) -> Iterable[Verdict]:
        if not _antonym_stems(a) or not _antonym_stems(b):
            return  # no word of an antonym pair on one side: no need to parse
        sa = [(s, _antonym_sides(s)) for s in statements(a) if _read_for_antonyms(s)]
        if not sa:
            return  # no antonym predicate in the first claim: the second is not parsed
        sb = [(s, _antonym_sides(s)) for s in statements(b) if _read_for_antonyms(s)]
        if not sb:
            return
        ctx = _context(ctx)
        for x, xs in sa:
            for y, ys in sb:
                if x.negated != y.negated:
                    continue
                if _contest(x) or _contest(y):
                    verdict = _result_conflict(x, xs, y, ys, ctx)
                    if verdict is not None:
                        yield verdict
                        return
                    continue
                pairs = {n for n, side in xs if (n, 1 - side) in ys}
                if not pairs:
                    verdict = _opposite_objects(x, y, ctx)
                    if verdict is not None:
                        yield verdict
                        return
                    continue
                if pairs == {5} and _changes(a) and _changes(b):
                    continue
                if pairs == {1} and not (x.state and y.state or _opens_or_closes(x) and _opens_or_closes(y)):
                    continue  # open/closed as a state, or of the thing itself, not a move ("opened higher")
                if {x.quantity, y.quantity} & {"all", "none"}:
                    continue  # "won every home game" / "lost most away games": all or none of a group is QNT001's
                if _tells_both(x, y) or _tells_both(y, x):
                    continue  # "approved the budget in March after rejecting it in February": a sequence
                if not (_said_of_one(x) and _said_of_one(y)) or _state_and_act(x, y) or _state_and_act(y, x):
                    continue  # "he backed the levy" / "the group, which opposes it": who acts is not read
                if not _same_thing(x, y, ctx) or opposable(x, y, ctx) or not (
                        _one_named(_told(x), x.object_head, _told(y), y.object_head)
                        and _one_named(x.subject, x.subject_head, y.subject, y.subject_head)):
                    continue
                yield Verdict(spans_a=spans((x.start, x.end, x.text, x.predicate)),
                              spans_b=spans((y.start, y.end, y.text, y.predicate)),
                              explanation=f"{x.text} vs {y.text}: opposite predicates of the same subject",
                              key_a=x.predicate, key_b=y.predicate)
                return


def _read_for_antonyms(s: Statement) -> bool:
    """The statement can hold an antonym: its predicate is on a side of an antonym pair, names a
    contest (`_contest`), or its object's head is on a side of one ("reported a loss")."""
    return bool(_antonym_sides(s) or _contest(s) or _object_sides(s))


def _object_sides(s: Statement) -> frozenset[tuple[int, int]]:
    """(antonym pair number, side) of the head of the statement's object ("loss" of "reported a
    pre-tax loss"), rises and falls aside (DIR001's)."""
    sides = _lemma_sides(stem(s.object_head)) if s.object_head else frozenset()
    return frozenset(x for x in sides if x[0] not in _DIRECTIONS)


#: The pairs of `lexicon.ANTONYMS` of a change of amount ("rose" / "fell", "raised" / "cut"): as
#: objects ("reported a rise") they are DIR001's moves.
_DIRECTIONS = (5, 6)


def _opposite_objects(x: Statement, y: Statement, ctx: PairContext) -> Verdict | None:
    """One predicate of opposite objects ("reported a pre-tax loss" / "reported a pre-tax profit",
    `_object_sides`), said by the same actor, the rest of each object and the predicate's phrases
    naming no detail on each side that the other lacks ("a loss on its bakery arm" / "a profit on
    its dairy arm", "a loss for 2024" / "a profit for 2025" are two), comparable (`opposable`)."""
    xs, ys = _object_sides(x), _object_sides(y)
    if not any((n, 1 - side) in ys for n, side in xs) or not (x.subject and y.subject):
        return None
    if ctx.sim(x.predicate, y.predicate) < SAME_PREDICATE or not _one_named(x.subject, x.subject_head, y.subject, y.subject_head):
        return None
    # (all its phrases: "for 2024" / "for 2025" is no date the claims read, yet two years)
    rest = [" ".join(w for w in f"{s.object} {s.where}".split() if stem(w) != stem(s.object_head)) for s in (x, y)]
    if not _one_named(rest[0], "", rest[1], "") or opposable(x, y, ctx):
        return None
    return Verdict(spans_a=spans((x.start, x.end, x.text, f"{x.predicate} {x.object_head}")),
                   spans_b=spans((y.start, y.end, y.text, f"{y.predicate} {y.object_head}")),
                   explanation=f"{x.surface} a {x.object_head} vs {y.surface} a {y.object_head}: opposite things of the same subject",
                   key_a=f"{x.predicate} {x.object_head}", key_b=f"{y.predicate} {y.object_head}")


def _opens_or_closes(s: Statement) -> bool:
    """The statement says a thing itself opened or closed ("the market hall shut", "the bridge
    reopened": no object; "the harbour was shut": a passive without agent), with no comparative and
    no figure in its claim: not a market's move ("stocks opened higher", "the index closed at
    1,200"). Times of one day ("opened at 9am" / "closed at 6pm") are `compare.apart`."""
    if s.object_head and not s.agentless or s.claim.quantities:
        return False  # "opened an inquiry": an act on something else ("the harbour was shut": on itself)
    p = parse(s.claim.text)
    return not any(k.tag in ("JJR", "RBR") for t in p.tokens_in(s.start, s.end) for k in p.children(t.i))


#: The number of the pair of `lexicon.ANTONYMS` that says who won and who lost ("won" / "lost").
_RESULT = 0
#: How far below WordNet's first sense of "defeat" (win a victory over) the first sense of a verb
#: may lie to name a contest's result (`_contest`): "beat" and "rout" one step, "outplay" two.
CONTEST_STEPS = 2


@lru_cache(maxsize=1)
def _defeat() -> frozenset:
    return frozenset(wordnet.synsets("defeat", "v")[:1])


@lru_cache(maxsize=65536)
def _contest_word(word: str) -> bool:
    """The first sense of ``word`` as a verb is, or lies at most `CONTEST_STEPS` below, WordNet's
    "defeat" (win a victory over): "beat", "defeat", "overcome", "rout", "outplay"."""
    return len(word) > 2 and word.isalpha() and wordnet.below(word, _defeat(), senses=1, steps=CONTEST_STEPS, pos="v")


def _contest(s: Statement) -> bool:
    """The statement's predicate names a contest's result (`_contest_word`): its subject won (in
    the passive its agent) and its object lost (in the passive its subject), whatever the voice."""
    return bool(s.predicate) and _contest_word(s.predicate.split()[0])


def _results(s: Statement, sides) -> list[tuple[int, str, str]]:
    """Who the statement says won (0) or lost (1), with the head noun: a contest verb says both
    ("Ostby beat Corby", "Ostby were beaten by Corby": Ostby won, Corby lost; "Corby beat Ostby":
    the other way), "won" or "lost" (`lexicon.ANTONYMS`' first pair) of its subject."""
    if _contest(s):
        return [(0, s.subject, s.subject_head), (1, s.object, s.object_head)]
    return [(side, s.subject, s.subject_head) for n, side in sides if n == _RESULT]


def _result_conflict(x: Statement, xs, y: Statement, ys, ctx: PairContext) -> Verdict | None:
    """One side was said to win and to lose, by a contest verb on one side at least ("Ostby beat
    Corby" / "Ostby were beaten by Corby", "Brevik defeated Tavel" / "Tavel defeated Brevik",
    "Rovena won the final" / "Dunmore beat Rovena"): the one side is named alike on both
    (`_one_named`), the rest of each statement (what a "won" or "lost" is of, where the contest
    was) names no detail on each side the other lacks, and the two are comparable (`opposable`,
    without the subjects: who won is compared here)."""
    for side, who, head in _results(x, xs):
        for other, whom, whom_head in _results(y, ys):
            if side == other or not who or not whom or disjoint_words(who, whom) or not _one_named(
                    who, head, whom, whom_head):
                continue
            if not _one_named(_rest(x), "", _rest(y), "") or opposable(_beside_subject(x), _beside_subject(y), ctx):
                continue
            won, lost = (x, y) if side == 0 else (y, x)
            return Verdict(spans_a=spans((x.start, x.end, x.text, x.predicate)),
                           spans_b=spans((y.start, y.end, y.text, y.predicate)),
                           explanation=f"{won.surface} vs {lost.surface}: {who} won in one report and lost in the other",
                           key_a=f"{x.predicate} {'won' if side == 0 else 'lost'}",
                           key_b=f"{y.predicate} {'won' if other == 0 else 'lost'}")
    return None


def _rest(s: Statement) -> str:
    """What a result is of besides who won and lost: where a contest verb's contest was ("beat
    Corby in the cup"), what a "won" or "lost" is of ("won the cup final")."""
    return s.places if _contest(s) else _told(s)


def _beside_subject(s: Statement) -> Statement:
    """The statement without its subject (who won or lost is compared by `_result_conflict`)."""
    frame = replace(s.frame, slots=replace(s.frame.slots, subject="", subject_named=False))
    return replace(s, subject="", subject_named=False, frame=frame)


def _said_of_one(s: Statement) -> bool:
    """The statement says whom or what its predicate is said of: an act names its actor (a subject
    that is no pronoun: "the council approved", "was won by Harlow"), a state or a passive without
    agent is said of its object ("the bridge was shut", "was found guilty"). An act of a pronoun
    ("he backed the plan", "a group which opposes the plan") is not: two reports' "he" and "which"
    may be two people, and opposite predicates of two are no conflict. Measured on the news tuning
    half: all 5 ANT001 findings under the cut-off had an act of a pronoun on one side (two people
    backing and opposing one plan, a vote that legalised a drug in one state and a law keeping it
    illegal), none wanted."""
    return bool(s.subject) or s.state and not s.actor


def _tells_both(x: Statement, y: Statement) -> bool:
    """The claim of ``x`` names the predicate of ``y`` too ("approved the budget in March after
    rejecting it in February"): it tells both, a sequence or a contrast, so its own antonym is no
    report of the other side (the other claim may tell one step of it)."""
    return bool(y.predicate) and stem(y.predicate.split()[0]) in view(x.claim).stems


def _state_and_act(x: Statement, y: Statement) -> bool:
    """``x`` is a state said with a copula ("remains illegal", "is open": no actor, no passive)
    and ``y`` an act of someone ("two provinces have legalised it", "the council opened it"): a state
    that holds under one rule or at one time, and an act of changing it, often somewhere else.
    Measured on the news tuning half: the one such ANT001 pair under the cut-off once the frames
    read the actor (a drug illegal under national law, legalised by states), not wanted."""
    return x.state and not x.actor and not x.agentless and y.actor and not y.state


def _told(s: Statement) -> str:
    """What a statement says its predicate is of, with where it happens: the object and the
    predicate's own phrases of place, dates aside ("lifted the curfew in the old town")."""
    return " ".join(w for w in (s.object, s.places) if w)


def _one_named(x: str, x_head: str, y: str, y_head: str) -> bool:
    """Two noun phrases (objects, or subjects) name one thing, when both sides name one: their head
    nouns are one word (`text.same_word`) or share a sense in WordNet, and they do not each add a
    detail the other lacks: each a content word the other does not hold ("the upper house" / "the
    lower house", "the first leg" / "the second leg", "convicted of fraud" / "acquitted of
    bribery", "exports" / "imports"). One side may say more ("the final" / "the cup final against
    Dunmore"), but not of another head ("the housing plan" / "the housing plan's parking section").
    An embedding puts such pairs close (0.6 and more, `SAME_OBJECT`), and opposite predicates of two
    things are no conflict: of 16 such pairs written for ANT001 on dataset rows (session 52), 12 were
    flagged by the embedding test alone."""
    if not x or not y:
        return True
    if x_head and y_head and not (same_word(stem(x_head), stem(y_head)) or wordnet.share_sense(x_head, y_head, "n")):
        return False
    wx, wy = ({stem(w) for w in z.split() if w.isalnum() and w.lower() not in lx.STOP} for z in (x, y))
    return not (any(not any(same_word(a, b) for b in wy) for a in wx)
                and any(not any(same_word(b, a) for a in wx) for b in wy))


def _same_thing(x: Statement, y: Statement, ctx: PairContext) -> bool:
    """The two predicates are said of one thing: similar objects, else one subject."""
    if x.object and y.object:
        return ctx.sim(x.object, y.object) >= SAME_OBJECT
    return bool(x.subject and y.subject) and ctx.sim(x.subject, y.subject) >= SAME_OBJECT


def _antonym_sides(s: Statement) -> frozenset[tuple[int, int]]:
    """(antonym pair number, side) of the statement's predicate lemma."""
    return _lemma_sides(stem(s.predicate.split()[0]) if s.predicate else "")


def _antonym_stems(claim: Claim) -> bool:
    """Whether a word of the claim is on a side of an antonym pair or a contest verb (`_contest_word`;
    a cost filter before parsing)."""
    return any(_lemma_sides(w) or _contest_word(w) for w in view(claim).stems)


@lru_cache(maxsize=65536)
def _lemma_sides(word_stem: str) -> frozenset[tuple[int, int]]:
    return frozenset((number, side) for number, sides in enumerate(lx.ANTONYMS)
                     for side, group in enumerate(sides) if _stem_matches(word_stem, group))


def _changes(claim: Claim) -> bool:
    return any(q.kind == "change" for q in claim.quantities)




# --- QNT001 ------------------------------------------------------------------------------------

#: A cost filter, not a reading: a quantified group (`assertions._group`) is named by one of these
#: words, and a count of part of it holds a digit or a number word; a pair without a quantifier on
#: one side and a count on the other is not parsed. Extra matches only cost a parse.
_QUANTIFIER_CUE = re.compile(r"\b(?:all|every|each|entire|whole|no|none|not one)\b", re.I)
_COUNT_CUE = re.compile(r"\d|\b(?:one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|\w+teen|"
                        r"twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety|hundred|dozen|dozens|hundreds|"
                        r"thousands|scores|some|several|few|many)\b", re.I)


@register
class QuantifierConflict(Rule):
    """A claim about all (or none) of a group, and a claim about some of them that contradicts it.

    Reads statement frames (`consistency.rules.assertions`) whose object or subject is a
    quantified group ("all of its ships", "every school", "no passengers", "none of the miners",
    "not one of the branches") and frames of the other claim that count part of a group ("three
    of its ships", "two pupils", "dozens of fighters"). The groups must be one by meaning
    (embedding similarity of the nouns without their quantifiers: "hostages" / "captives"),
    play the same part (not the agent on one side and the patient on the other), and the two
    statements must be comparable as for NEG001 (`opposable`: not a dispute between speakers,
    not the future against what happened, not `compare.apart`). Then:

    - **none** vs a count: the same predicate by meaning, said positively of the count ("none of
      the miners were hurt" / "four miners were injured");
    - **all** vs a count: the count is an exception to the universal's predicate: the same
      predicate negated ("two ships were not sunk"), its antonym (`lexicon.ANTONYMS`: "every
      school reopened" / "two schools stayed closed"), or a state that persists ("remain",
      "stay", "still": "three ships remain operational", "four patients were still trapped",
      "dozens of fighters remain in the town" they were all said to have left).

    Example::

        All of the navy's ships have been sunk, the minister said.
        Three of the navy's ships remain operational.
        -> All of the navy's ships have been sunk vs Three of the navy's ships remain
           operational: a claim about all of them has exceptions

    Not flagged: "all 32 ships" vs "28 ships" (a count mismatch: NUM001); groups of different
    things ("all ships" vs "three submarines", "passengers" / "crew"); a count of another
    predicate ("no players were injured" / "three players were booked"), or of a state that does
    not undo the universal ("all miners were brought to the surface" / "two miners remain in
    hospital"); two speakers' words ("the minister said no soldiers were killed" / "rebels said
    they killed twelve"); another day ("every school closed on Monday" / "two remained open on
    Friday").
    """

    code = "QNT001"
    name = "quantifier-conflict"
    groups = ("logic",)
    severity = "error"

    def check(self, a: Claim, b: Claim, ctx=None) -> Iterable[Verdict]:
        for first, second, flip in ((a, b, False), (b, a, True)):
            if not _QUANTIFIER_CUE.search(first.text) or not _COUNT_CUE.search(second.text):
                continue  # no quantifier on this side or no count on the other: no need to parse
            wholes = [s for s in statements(first) if s.quantity in ("all", "none")]
            if not wholes:
                continue
            parts = [s for s in statements(second) if s.quantity == "some"]
            if not parts:
                continue
            ctx = _context(ctx)
            for x in wholes:
                for y in parts:
                    why = _exception(x, y, ctx)
                    if not why:
                        continue
                    kx, ky = f"{x.quantity} {_key(x)}", f"some {_key(y)}"
                    sx, sy = spans((x.start, x.end, x.text, kx)), spans((y.start, y.end, y.text, ky))
                    expl = f"{_said(x)} vs {_said(y)}: {why}"
                    yield Verdict(spans_a=sy if flip else sx, spans_b=sx if flip else sy, explanation=expl,
                                  key_a=ky if flip else kx, key_b=kx if flip else ky)
                    return


#: Two quantified groups are one when their nouns (without quantifiers) are this similar, or
#: `SAME_OBJECT` with the same head noun ("flight out of the airport" / "flights": 0.63). Single
#: nouns of different groups measure up to 0.64 ("ships" / "submarines" 0.62, "soldiers" /
#: "civilians" 0.64, "students" / "teachers" 0.62, "passengers" / "crew members" 0.61); one group
#: named twice from 0.74 ("hostages" / "captives"). Names of one group that are further apart
#: ("students" / "pupils" 0.68, "climbers" / "mountaineers" 0.46) are missed.
SAME_GROUP = 0.7
#: "None did" and a count "did" are one act when their predicates are this similar: "harm" /
#: "wound" 0.46, "injure" / "wound" 0.49, "hurt" / "injure" 0.60, "harm" / "kill" 0.47 (killing
#: harms); different acts measure up to 0.34 ("kill" / "injure", "injure" / "book", "injure" /
#: "arrest", "injure" / "treat" 0.30). Lower than `SAME_PREDICATE`: a lemma's single-word
#: embedding puts synonyms of harm below 0.5.
SAME_ACT = 0.45


def _exception(x: Statement, y: Statement, ctx: PairContext) -> str:
    """Why the count ``y`` contradicts the universal (or none) ``x`` ('' when it does not)."""
    if {x.role, y.role} == {"agent", "patient"} or not x.group or not y.group:
        return ""  # "beat all its rivals" / "two rivals beat it"
    if ctx.sim(x.group, y.group) < (SAME_OBJECT if x.group_head == y.group_head else SAME_GROUP):
        return ""
    if opposable(_beside_group(x), _beside_group(y), ctx):
        return ""
    if x.quantity == "none":
        if y.negated or y.persists or ctx.sim(x.predicate, y.predicate) < SAME_ACT or _restricted(x, y, ctx):
            return ""  # (a restricted "none": "no shots were fired when he was arrested")
        if x.where and y.where and ctx.sim(x.where, y.where) < SAME_OBJECT:
            return ""  # "in the first half" / "in the final minutes"
        return "a claim that none did, and a count of those who did"
    if x.negated:
        return ""  # "not all of them", "all of them did not": not a claim about all
    same = x.predicate == y.predicate or ctx.sim(x.predicate, y.predicate) >= SAME_PREDICATE
    if y.negated and same and not y.persists:
        return "a claim about all of them has exceptions"  # "two ships were not sunk"
    if y.negated:
        return ""
    if _opposite(x, y):
        return "a claim about all of them has exceptions"  # "every school reopened" / "two stayed closed"
    if not y.persists:
        return ""
    if y.predicate.split()[0] in lx.PERSIST:  # "dozens of fighters remain in the town" they all left
        rest = f"{x.object} {x.where}" if x.group_subject else x.where
        return "a claim about all of them has exceptions" if y.where and rest.strip() and ctx.sim(
            y.where, rest) >= SAME_OBJECT else ""
    # "three ships remain operational", "four patients were still trapped": a state that continues
    return "" if same else "a claim about all of them has exceptions"


def _said(s: Statement) -> str:
    """The group and its predicate as written ("Three of the navy's ships remain operational")."""
    at = s.claim.text.find(s.quantified)
    if 0 <= at < s.start and s.end - at <= 120:
        return s.claim.text[at:s.end]
    return f"{s.surface} {s.quantified}"


def _beside_group(s: Statement) -> Statement:
    """The statement with the group left out of its subject: the group is compared by `_exception`."""
    return _beside_subject(s) if s.group_subject else s


def _opposite(x: Statement, y: Statement) -> bool:
    """The predicates are antonyms (`lexicon.ANTONYMS`): "reopened" / "stayed closed"."""
    xs, ys = _antonym_sides(x), _antonym_sides(y)
    return any((n, 1 - side) in ys for n, side in xs)
