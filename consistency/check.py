"""Check stage: rules on candidate pairs -> findings with stable fingerprints."""

from __future__ import annotations

import hashlib
import math
import re
from collections import Counter
from typing import Callable, Iterable, Sequence

import numpy as np

from .group import Pair, short_row, short_rows
from .records import SEVERITY_ORDER, Claim, Finding
from .rules import Rule


def claim_anchor(claim: Claim) -> str:
    """The part of a claim's identity that survives edits: its row id, or its document."""
    return claim.row_id or claim.doc_key


def fingerprint(rule: str, a: Claim, key_a: str, b: Claim, key_b: str) -> str:
    """Hash of the rule code and both sides' normalised keys, sides sorted.

    Positions, line numbers, sentence wording around the evidence and run ids are
    left out, so a finding keeps its id when its article is re-ingested, edited
    or reordered, and gets a new one when an evidence value changes.
    """
    sides = sorted((f"{claim_anchor(a)}\x1f{key_a}", f"{claim_anchor(b)}\x1f{key_b}"))
    digest = hashlib.sha256("\x1e".join([rule, *sides]).encode("utf-8", "surrogatepass"))
    return digest.hexdigest()[:20]


class PhraseSimilarity:
    """Cosine similarity of short phrases (measures, predicates, holders) with the claims' model,
    cached for the whole check.

    With a backend that runs each text through the model alone (ONNX Runtime, the default:
    `consistency.onnx_backend`), a phrase's vector does not depend on the texts embedded with it, so
    a phrase is embedded when a rule first compares it: of the phrases of the frames `prime_frames`
    reads, about a quarter are never compared (at 2,000 rows of `benchmarks/throughput.py`, 1,148 of
    1,516). The torch backend pads each batch to its longest text, which moves vectors in their last
    digits, so there `prime` embeds the frames' phrases in one batch before the rules run, as before.
    """

    def __init__(self, embedder) -> None:
        self.parent = embedder
        self.embedder = None  # the parent's model with its own cache: phrases never fill a store's cache
        self.vectors: dict[str, np.ndarray] = {}
        #: embed each phrase on first use rather than in `prime` (the backend runs texts one by one)
        self.lazy = getattr(embedder, "backend", "torch") != "torch"

    def prime(self, texts: Iterable[str]) -> None:
        if not self.lazy:
            self._embed(texts)

    def _embed(self, texts: Iterable[str]) -> None:
        missing = sorted({t for t in texts if t and t not in self.vectors})
        if missing:
            if self.embedder is None:
                self.embedder = self.parent.scratch()
            for text, vector in zip(missing, self.embedder.encode(missing)):
                self.vectors[text] = vector

    def __call__(self, x: str, y: str) -> float:
        vx, vy = self.vectors.get(x), self.vectors.get(y)
        if vx is None or vy is None:
            self._embed((x, y))
            vx, vy = self.vectors[x], self.vectors[y]
        return float(np.dot(vx, vy))


def prime_frames(claims: Sequence[Claim], pairs: Sequence[Pair], similar: PhraseSimilarity | None) -> frozenset:
    """Parse, in one batch, the claims of candidate pairs with numbers on both sides, and embed
    their frames' phrases: the rules then read cached parses and vectors. Returns the predicate
    contrasts those claims show (`compare.measure_contrasts`: predicates and modifiers)."""
    from .parsing import parse_many
    from .rules.compare import measure_contrasts
    from .rules.frames import frames, needs_parse

    wanted = {i for p in pairs for i in (p.i, p.j) if needs_parse(claims[p.i]) and needs_parse(claims[p.j])}
    chosen = [claims[i] for i in sorted(wanted)]
    parse_many([c.text for c in chosen])
    if similar is not None:
        similar.prime(x for c in chosen for f in frames(c)
                      for x in (f.slots.phrase, f.slots.predicate, f.slots.holder, f.slots.subject, f.slots.context))
    return measure_contrasts(frames(c) for c in chosen)


#: Candidate pairs whose statement parses are fetched together (`prime_parses`) before the rules
#: see them: the texts held at once stay bounded whatever the size of the check.
PARSE_CHUNK = 5_000


def prime_parses(claims: Sequence[Claim], pairs: Sequence[Pair], rules: Sequence[Rule]) -> int:
    """Parse, in `nlp.pipe` batches, exactly the claims the rules will parse for ``pairs`` one at a
    time, and return how many texts that was.

    A rule that parses claims only on cues (NEG001 a negation word, ANT001 a word of an antonym pair)
    says which through its ``parses(pairs)`` hook, as far as the parses made so far tell (ANT001
    parses the second claim only when the first has an antonym predicate); asking again after each
    batch reaches the rules' own choice, so no claim is parsed that they would not parse. One batch
    costs about a third of the CPU per sentence of one-at-a-time parses, and a sentence's parse does
    not depend on its batch (tests/test_speed_caches.py), so no finding changes. A hook may base its
    choice for a pair only on the pair's two claims and whether they are parsed: a round after the
    first asks it only about the pairs with a claim the round before parsed.
    """
    from .parsing import parse_many, parsed

    hooks = [hook for rule in rules if (hook := getattr(rule, "parses", None)) is not None]
    if not hooks:
        return 0
    sides = [(claims[p.i], claims[p.j]) for p in pairs]
    done = 0
    for _ in range(PARSE_ROUNDS):
        wanted = list(dict.fromkeys(c.text for hook in hooks for c in hook(sides) if not parsed(c.text)))
        if not wanted:
            break
        parse_many(wanted)
        done += len(wanted)
        # A hook's choice for a pair depends on that pair's claims and which of them are parsed, so
        # only a pair with a claim parsed just now can name a new one: the next round asks about
        # those alone (all pairs in each of three rounds was about 2 % of a 10,000-row check).
        fresh = set(wanted)
        sides = [s for s in sides if s[0].text in fresh or s[1].text in fresh]
    return done


#: Rounds of `prime_parses`: a hook's choice depends on at most one earlier parse (the first claim's
#: statements), so the second round's batch completes it and the third finds nothing new.
PARSE_ROUNDS = 3


def run_rules(claims: Sequence[Claim], pairs: Iterable[Pair], rules: Sequence[Rule], *,
              embedder=None, given: bool = False, crowds: dict[int, int] | None = None,
              left_out: Counter | None = None) -> list[Finding]:
    """Every rule on every pair; one finding per fingerprint (the most similar pair wins).

    ``embedder`` (the claims' `Embedder`) lets the rules compare phrases by meaning; without it
    they fall back to word overlap. ``given``: the pairs were handed over to compare (`compare`),
    not found by similarity.

    A claim is never compared with its own copy: pairs of claims that say the same words in the
    same order (`copied`) are skipped, whichever documents they come from.

    ``crowds``: how many claims each claim of ``pairs`` is compared with in the whole corpus (the
    rows model's crowd); by default counted over ``pairs`` (after `copied`), as `check` passes
    every candidate pair. `run` passes the store's count (`incremental._crowds`). ``left_out``: the
    claims each claim would be compared with but for the neighbour cap (`left_out_crowd`), counted
    in its crowd too: a row like hundreds of others is crowded by all of them, not by the cap's
    number (`consistency.group`, "Neighbour cap").
    """
    from .rules.compare import PairContext, rule_prior

    best: dict[str, Finding] = {}
    pairs = [p for p in pairs if not copied(claims[p.i], claims[p.j])]
    similar = PhraseSimilarity(embedder) if embedder is not None else None
    contrasts = prime_frames(claims, pairs, similar)
    for rule in rules:  # a plug-in (NLI) judges all candidate pairs in one batch
        if getattr(rule, "plugin", False) and hasattr(rule, "prime"):
            rule.prime([(claims[p.i], claims[p.j]) for p in pairs])
    ordered = [(rule, bool(getattr(rule, "plugin", False)))
               for rule in sorted(rules, key=lambda r: getattr(r, "plugin", False))]
    sims: dict = {}  # phrase similarities, shared by all pairs
    articles: dict = {}  # each document's claims: what the rest of an article says
    for c in (claims.values() if isinstance(claims, dict) else claims):  # `run` passes its pool by number
        articles.setdefault(c.doc_key, []).append(c)
    compared = crowd_counts(pairs) if crowds is None else crowds
    if left_out:
        compared = Counter(compared) + left_out
    scored_as_rows = frozenset(row_documents(articles))
    for n, pair in enumerate(pairs):
        if n % PARSE_CHUNK == 0:
            prime_parses(claims, pairs[n:n + PARSE_CHUNK], rules)
        a, b = claims[pair.i], claims[pair.j]
        rows = not given and dataset_row(a, scored_as_rows) and dataset_row(b, scored_as_rows)
        ctx = PairContext(similarity=pair.similarity, given=given, rows=rows,
                          crowd=math.log(compared[pair.i] * compared[pair.j]), similar=similar, contrasts=contrasts,
                          sims=sims, articles=articles, short_rows=scored_as_rows)
        flagged = False
        for rule, plugin in ordered:
            if flagged and plugin:
                continue  # plug-ins only speak where no explicit rule did
            for verdict in rule.check(a, b, ctx):
                flagged = True
                kind = verdict.kind or rule.kind
                fp = fingerprint(rule.code, a, verdict.key_a, b, verdict.key_b)
                found = Finding(
                    rule=rule.code,
                    name=rule.name,
                    severity="info" if kind == "update" else rule.severity,
                    kind=kind,
                    a=a,
                    b=b,
                    spans_a=verdict.spans_a,
                    spans_b=verdict.spans_b,
                    explanation=verdict.explanation,
                    fingerprint=fp,
                    similarity=round(pair.similarity, 4),
                    confidence=round(verdict.confidence if verdict.confidence is not None else rule_prior(rule, given, rows), 4),
                )
                current = best.get(fp)
                if current is None or _preferred(found, current):
                    best[fp] = found
    return sorted(best.values(), key=finding_order)


def crowd_counts(pairs: Iterable[Pair]) -> Counter:
    """How many claims each claim is compared with among ``pairs`` (the rows model's crowd):
    `run_rules` counts its pairs, `incremental._crowds` the night's pairs and the store's."""
    return Counter(x for p in pairs for x in (p.i, p.j))


def left_out_crowd(claims: Sequence[Claim], left: tuple[np.ndarray, np.ndarray] | None,
                   comparable: Callable[[Claim, Claim], bool], compared: Iterable[Pair] = ()) -> Counter:
    """How many pairs of `left_out` each claim is a side of: the claims it would be compared with
    but for the neighbour cap, which `run_rules` counts in its crowd."""
    return crowd_counts(Pair(a, b, 0.0) for a, b in left_out(claims, left, comparable, compared))


def left_out(claims: Sequence[Claim], left: tuple[np.ndarray, np.ndarray] | None,
             comparable: Callable[[Claim, Claim], bool], compared: Iterable[Pair] = ()) -> list[tuple[int, int]]:
    """The pairs of ``left`` (claim numbers: the pairs over the threshold the neighbour cap left out,
    `group.Pairs.left`) that ``comparable`` passes (the stories stage's `stories.Stories.comparable`),
    that are no copies (`copied`) and that are not among the pairs ``compared`` after all (the
    sentences of two short rows are compared whole: `group.row_sentence_pairs`). ``claims``: a
    sequence, or a mapping of claim numbers (`run` keeps these pairs in its store, ``left_pairs``,
    and counts them in a stored row's crowd as `check` does)."""
    said: dict[int, list[str]] = {}

    def words(n: int) -> list[str]:
        if n not in said:
            said[n] = _said_words(claims[n].text)
        return said[n]

    if left is None or not len(left[0]):
        return []
    had = {(p.i, p.j) for p in compared}
    return [(a, b) for a, b in zip(left[0].tolist(), left[1].tolist())
            if (a, b) not in had and comparable(claims[a], claims[b]) and words(a) != words(b)]


def row_documents(articles: dict) -> set[str]:
    """The documents (keys) whose claims the rows model scores (`run_rules`): the dataset rows of at
    most `group.ROW_SENTENCES` claims (``articles``: the claims of each document) in files most of
    whose rows are that short (`group.short_rows`: a notice, a post, a line of minutes, as
    `group.row_sentence_pairs` reads them). Such a row has no article around it, whether its
    curator wrote it as one sentence or three ("Weather bulletin, Thursday. Snow has shut 27
    schools."); a JSONL of articles (most rows longer) is none, also for its short rows.

    Before, only rows of one claim in files most of whose rows were one claim were, so a row of two
    sentences against a row of one was scored by the found model, fitted on news whose similar sentences mostly measure different things: a reworded
    conflict of two rows fell to 0.03-0.05 there and 0.15-0.32 under the rows model. Tuning
    writers' pair files (P / R, main a09128a): voices3 0.917 / 0.880 -> 0.918 / 0.900, voices4
    0.925 / 0.740 -> 0.932 / 0.820, voices7 0.871 / 0.540 -> 0.879 / 0.580, the others unchanged;
    no false alarm added on any writer's file."""
    sizes = {key: (cs[0].path, len(cs)) for key, cs in articles.items() if cs and cs[0].row_id is not None}
    short = short_rows(sizes.values())
    return {key for key, (path, n) in sizes.items() if short_row(n, path, short)}


def dataset_row(claim: Claim, rows: set[str]) -> bool:
    """A claim of a short dataset row (``rows``: `row_documents`): scored by the rows model."""
    return claim.doc_key in rows


def _preferred(x: Finding, y: Finding) -> bool:
    """Of two findings with one fingerprint (several pairs of claims say the same), the most similar
    pair's, then the most confident, then the first by claim ids: never the order pairs came in."""
    return (x.similarity, x.confidence) > (y.similarity, y.confidence) or (
        (x.similarity, x.confidence) == (y.similarity, y.confidence) and (x.a.id, x.b.id) < (y.a.id, y.b.id))


def copied(a: Claim, b: Claim) -> bool:
    """The same words in the same order, whatever the case, punctuation and spacing ("didn't" and
    a tokenised "didn ’ t" are one word pair)."""
    return a.text == b.text or _said_words(a.text) == _said_words(b.text)


def _said_words(text: str) -> list[str]:
    """The words of ``text`` whatever their case, punctuation and spacing: what `copied` compares."""
    return _WORDS.findall(text.lower())


_WORDS = re.compile(r"[^\W_]+")


def finding_order(f: Finding) -> tuple:
    """Most severe first, then most probably confirmed (docs/rules.md, "Confidence")."""
    return (-SEVERITY_ORDER[f.severity], -round(f.confidence, 4), f.rule, f.a.path, f.a.line or 0, f.a.id, f.b.id)
