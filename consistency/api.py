"""The library API: everything the CLI does, Python code can call.

    from consistency import api
    report = api.check(["seeds/"])
    for finding in report.findings:
        print(finding.rule, finding.explanation)

The API never prints, never exits and never imports click; errors a user can
cause are raised as `consistency.errors.ConsistencyError` subclasses.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import os
import time
from typing import Callable, Mapping, Sequence, Union

import numpy as np

from .check import left_out_crowd, run_rules
from .claims import Extraction
from .claims import extract as extract_documents
from .clauses import claim_clauses
from .config import Settings, load_settings
from .embed import Embedder
from .facts import with_facts
from .group import (Pair, candidate_pairs, claim_pairs, components, document_numbers, group_records,
                    row_sentence_pairs)
from .measures import MEASURES_THRESHOLD, measure_heads, measure_keys, measures_agree
from .reading import read_paths
from .records import UNDATED, Claim, Document, Finding, Problem, Report, Review, Status  # noqa: F401  (UNDATED: public)
from .rules import select_rules
from .stories import build as build_stories
from .suppress import checked, unsuppressed

#: progress(stage, done, total) — the CLI draws it on stderr: a bar when ``total`` is known, a spinner
#: when it is 0. Stages of `check`: read, extract, embed, group, stories, check (in that order); of
#: `run`: read, extract, embed, group, stories, check, write.
Progress = Callable[[str, int, int], None]
#: One file or folder, or several.
Paths = Union[str, "os.PathLike[str]", Sequence[Union[str, "os.PathLike[str]"]]]


def stage(progress: Progress | None, name: str) -> Callable[[int, int], None] | None:
    """``progress`` for one stage with a known total: ``step(done, total)``."""
    return (lambda done, total: progress(name, done, total)) if progress is not None else None


def path_list(paths: Paths) -> list[str]:
    """``paths`` as a list of path strings: one path (a ``str`` or a `pathlib.Path`) is a list of one,
    not a sequence of characters."""
    if isinstance(paths, (str, bytes, os.PathLike)):
        paths = [paths]
    return [os.fsdecode(p) if isinstance(p, bytes) else os.fspath(p) for p in paths]


def extract(paths: Paths) -> tuple[list[Claim], tuple[Problem, ...]]:
    """Read ``paths`` and return their claims (with quantity frames) and input problems."""
    extraction, problems = explain(paths)
    return list(extraction.claims), problems


def explain(paths: Paths) -> tuple[Extraction, tuple[Problem, ...]]:
    """Read ``paths``: their claims, what was dropped from each document and why (page
    furniture, copies folded into another document), and the input problems."""
    read = read_paths(path_list(paths))
    return extract_documents(read.documents), read.problems


def check(
    paths: Paths,
    settings: Settings | None = None,
    *,
    embedder: Embedder | None = None,
    statuses: Mapping[str, Status] | None = None,
    reviews: Mapping[str, Review] | None = None,
    progress: Progress | None = None,
    nli_model: str | None = None,
) -> Report:
    """Read, extract, embed, group and check ``paths`` (a file or folder, or a list of them);
    return the full report.

    ``statuses`` maps fingerprints to ``reviewed`` or ``baselined`` (from a
    baseline file or the store); every other finding is ``new``. ``reviews``
    (a store's `Decisions.reviews`) says what reviewers decided, shown in reports.
    """
    settings = settings or load_settings()
    timings: dict[str, float] = {}
    started = time.perf_counter()
    if progress is not None:
        progress("read", 0, 0)
    read = read_paths(sorted(path_list(paths)))  # the same inputs in any order give the same report
    extraction = extract_documents(read.documents, stage(progress, "extract"))
    timings["read_extract_s"] = time.perf_counter() - started
    report = check_claims(extraction.claims, settings, embedder=embedder, statuses=statuses, reviews=reviews,
                          progress=progress, timings=timings, nli_model=nli_model, documents=read.documents)
    return dataclasses.replace(report, problems=read.problems, documents=len(read.documents),
                               folded=extraction.folded)


def check_frame(
    frame,
    settings: Settings | None = None,
    *,
    id: str = "id",
    text: str = "text",
    source: str = "source",
    date: str = "date",
    url: str = "url",
    embedder: Embedder | None = None,
    progress: Progress | None = None,
) -> Report:
    """`check` for a pandas DataFrame of claims, one row per claim, as a claims dataset file.

    The keyword arguments name the columns (``text="claim"``); ``source``, ``date`` and ``url``
    are optional. Bad rows are the report's ``problems`` (path ``<frame>``, line = row number from
    1), as for a file; the others are checked. ``report.to_pandas()`` gives the findings back as a
    DataFrame. Needs pandas.
    """
    from .dataframes import claim_documents

    settings = settings or load_settings()
    docs, problems = claim_documents(frame, {"id": id, "text": text, "source": source, "date": date, "url": url})
    extraction = extract_documents(docs)
    report = check_claims(extraction.claims, settings, embedder=embedder, progress=progress, documents=docs)
    return dataclasses.replace(report, problems=tuple(problems), documents=len(docs), folded=extraction.folded)


def run(paths: Paths, settings: Settings | None = None, *, progress: Progress | None = None,
        mark_reported: bool = True):
    """Incremental run of ``paths`` into the store ``settings.store``: a `consistency.incremental.RunResult`
    whose report holds what is new since the last reported run (see docs/store.md)."""
    from . import incremental

    settings = settings or load_settings()
    return incremental.run(path_list(paths), settings, progress=progress, mark_reported=mark_reported)


def check_claims(
    claims: Sequence[Claim],
    settings: Settings,
    *,
    embedder: Embedder | None = None,
    statuses: Mapping[str, Status] | None = None,
    reviews: Mapping[str, Review] | None = None,
    progress: Progress | None = None,
    timings: dict[str, float] | None = None,
    vectors: np.ndarray | None = None,
    nli_model: str | None = None,
    documents: Sequence[Document] | None = None,
) -> Report:
    """The pipeline after extraction, for callers that already hold claims.

    ``nli_model``: a local CrossEncoder NLI folder; its NLI001 rule judges candidate pairs only.
    ``documents``: the documents the claims come from (their titles name the stories); by
    default each claim's document is known only by its key and date. ``vectors``: the claims'
    own vectors, when already computed; a long sentence of several facts is also matched by its
    clauses (`consistency.clauses`), embedded here: a pair's similarity is its best pair of units.
    """
    timings = {} if timings is None else timings
    rules = _rules(settings, nli_model)  # fail on a bad code before the model loads
    claims = list(claims)
    if not claims:
        return Report(claims=(), findings=(), groups=(), stats={"timings": timings})
    embedder = embedder or Embedder.from_settings(settings)
    started = time.perf_counter()
    step = stage(progress, "embed")
    if vectors is None:
        vectors = embedder.encode([c.text for c in claims], progress=step)
    timings["embed_s"] = time.perf_counter() - started
    started = time.perf_counter()
    # a long sentence of several facts is matched by its clauses too (the best unit pair counts)
    clauses = claim_clauses(claims)
    numbers = np.arange(len(claims))
    owner = np.concatenate([numbers, np.repeat(numbers, [len(cs) for cs in clauses])])  # each unit's claim
    units = vectors
    if len(owner) > len(claims):
        units = np.concatenate([vectors, embedder.encode([c.text for cs in clauses for c in cs], progress=step)])
    timings["clauses_s"] = time.perf_counter() - started
    started = time.perf_counter()
    if progress is not None:
        progress("group", 0, 0)
    doc_index = np.asarray(document_numbers(c.doc_key for c in claims))
    heads = [measure_heads(c) for c in claims]
    measures = measure_keys(heads)
    pairs = candidate_pairs(units, threshold=settings.threshold, max_neighbors=settings.max_neighbors,
                            documents=doc_index[owner], same_document=settings.same_document, index=settings.index,
                            threads=settings.threads, exact_up_to=settings.exact_up_to,
                            keys=[measures[o] for o in owner.tolist()], key_threshold=MEASURES_THRESHOLD,
                            agree=lambda a, b: measures_agree(heads[owner[a]], heads[owner[b]]))
    if len(owner) > len(claims):
        pairs = claim_pairs(pairs, owner, settings.max_neighbors)
    timings["group_s"] = time.perf_counter() - started
    started = time.perf_counter()
    if progress is not None:
        progress("stories", 0, 0)
    stories = build_stories(documents or _claim_documents(claims), claims, vectors, pairs,
                            window_days=settings.story_window_days)
    candidates = len(pairs)
    left = pairs.left
    pairs = [p for p in pairs if stories.comparable(claims[p.i], claims[p.j])]
    # two rows of several sentences that meet are compared whole: their figure sentences too
    pairs += [p for p in row_sentence_pairs(claims, pairs) if stories.comparable(claims[p.i], claims[p.j])]
    # the pairs over the threshold the neighbour cap left out, that the stories would compare: counted
    # in the rows' crowd (how many claims a row is compared with), so its score does not depend on the cap
    left_out = left_out_crowd(claims, left, stories.comparable, pairs)
    timings["stories_s"] = time.perf_counter() - started
    started = time.perf_counter()
    if progress is not None:
        progress("check", 0, 0)
    findings, hidden = counted_confident(run_rules(claims, pairs, rules, embedder=embedder, left_out=left_out),
                                         settings)
    findings, suppressed = unsuppressed(findings, settings.per_file_ignores)
    timings["check_s"] = time.perf_counter() - started
    started = time.perf_counter()
    # groups stay inside a story: a claim pair across two stories is checked, and joins two groups
    # only when a rule flagged it; chaining every such pair joined a crawl's stories into one
    # group of thousands of claims
    index = {c.id: i for i, c in enumerate(claims)}
    member_lists = components(len(claims), [p for p in pairs if stories.shared(claims[p.i], claims[p.j]) is not None]
                              + [Pair(index[f.a.id], index[f.b.id], f.similarity) for f in findings])
    timings["group_s"] += time.perf_counter() - started
    groups, group_of = group_records(claims, member_lists)
    findings = [dataclasses.replace(f, group=group_of.get(f.a.id), story=stories.shared(f.a, f.b),
                                    status=(statuses or {}).get(f.fingerprint, "new"),
                                    review=(reviews or {}).get(f.fingerprint)) for f in findings]
    # conflicts with a row that names nothing: a reviewer cannot tell whether both are about one thing
    unnamed = sum(f.kind == "conflict" and (stories.names_nothing(f.a) or stories.names_nothing(f.b))
                  for f in findings)
    stats = {"timings": timings, "pairs": len(pairs), "candidate_pairs": candidates, "embedded": embedder.encoded,
             "suppressed": suppressed, **hidden, **({"unnamed": unnamed} if unnamed else {})}
    return with_facts(Report(claims=tuple(claims), findings=tuple(findings), groups=tuple(groups), stats=stats,
                             stories=stories.stories))


def _claim_documents(claims: Sequence[Claim]) -> list[Document]:
    """The documents of ``claims`` as far as the claims tell (key, path, date)."""
    seen: dict[str, Document] = {}
    for c in claims:
        seen.setdefault(c.doc_key, Document(key=c.doc_key, path=c.path, text="", date=c.date, row_id=c.row_id))
    return list(seen.values())


VERDICTS = ("conflict", "update", "consistent", "unrelated")


@dataclasses.dataclass(frozen=True, slots=True)
class Comparison:
    """The verdict on one pair of claims: ``conflict``, ``update``, ``consistent`` or ``unrelated``."""

    id: str
    verdict: str
    rule: str | None
    explanation: str
    similarity: float | None
    findings: tuple[Finding, ...] = ()

    def to_dict(self) -> dict:
        return {"id": self.id, "verdict": self.verdict, "rule": self.rule, "explanation": self.explanation,
                "similarity": self.similarity}


def compare_texts(premise: str, hypothesis: str, settings: Settings | None = None, *,
                  nli_model: str | None = None, embedder: Embedder | None = None) -> list[Finding]:
    """Run the rules on two claims directly, without grouping (the model compares their phrases)."""
    settings = settings or load_settings()
    rules = _rules(settings, nli_model)
    embedder = embedder or Embedder.from_settings(settings)
    return confident(_compare_findings(premise, hypothesis, rules, embedder=embedder), settings)


def compare_pairs(
    pairs: Sequence[tuple[str, str, str]],
    settings: Settings | None = None,
    *,
    embedder: Embedder | None = None,
    nli_model: str | None = None,
    use_model: bool = True,
) -> list[Comparison]:
    """One `Comparison` per ``(id, premise, hypothesis)``.

    The rules run on every pair; a pair with no finding is ``consistent`` when its
    claims are similar enough to be compared (cosine >= ``settings.threshold`` with
    the embedding model) and ``unrelated`` otherwise. The NLI plug-in, when given,
    judges only those candidate pairs. ``use_model=False`` skips the embedding
    model (every pair without a finding is ``consistent``).
    """
    settings = settings or load_settings()
    rules = _rules(settings, nli_model)
    explicit = [r for r in rules if not r.plugin]
    plugins = [r for r in rules if r.plugin]
    similarities: list[float | None] = [None] * len(pairs)
    if use_model and pairs:
        embedder = embedder or Embedder.from_settings(settings)
        va = embedder.encode([p[1] for p in pairs])
        vb = embedder.encode([p[2] for p in pairs])
        similarities = [float(x) for x in np.sum(_unit(va) * _unit(vb), axis=1)]
    else:
        embedder = None
    out = []
    for (pair_id, premise, hypothesis), sim in zip(pairs, similarities):
        findings = confident(_compare_findings(premise, hypothesis, explicit, embedder=embedder, similarity=sim),
                             settings)
        candidate = sim is None or sim >= settings.threshold
        if not findings and plugins and candidate:
            findings = _compare_findings(premise, hypothesis, plugins, similarity=sim)
        out.append(_verdict(pair_id, findings, sim, candidate))
    return out


def min_confidence(settings: Settings) -> float:
    """The confidence below which findings stay out of reports: the setting, else the calibrated cut-off."""
    from .rules.compare import model

    return settings.min_confidence if settings.min_confidence is not None else model().cutoff


def confident(findings: Sequence[Finding], settings: Settings) -> list[Finding]:
    """The findings at or above `min_confidence` (updates and corrections are always kept: they are
    information, not alarms)."""
    cut = min_confidence(settings)
    return [f for f in findings if f.kind != "conflict" or f.confidence >= cut]


def counted_confident(findings: Sequence[Finding], settings: Settings) -> tuple[list[Finding], dict]:
    """`confident`, and what a report's summary says of the rest (`reporters.base.summary_dict`):
    ``below_cutoff``, how many conflicts the cut-off left out, and ``min_confidence``, the cut-off."""
    kept = confident(findings, settings)
    return kept, {"below_cutoff": len(findings) - len(kept), "min_confidence": min_confidence(settings)}


def _rules(settings: Settings, nli_model: str | None):
    from .nli import NLIContradiction, NLIJudge
    from .rules.base import rule_enabled

    rules = select_rules(settings.select, settings.ignore)
    checked(settings.per_file_ignores)
    if nli_model and rule_enabled(NLIContradiction, settings.select, settings.ignore):
        rules.append(NLIContradiction(NLIJudge(nli_model, device=settings.device)))
    return rules


def _compare_findings(premise: str, hypothesis: str, rules, *, embedder: Embedder | None = None,
                      similarity: float | None = None) -> list[Finding]:
    from .claims import document_claims
    from .records import Document

    # Undated claims share one reference day, so "on March 12" and "on March 14" resolve to the
    # same year on both sides (and neither side counts as later: no updates between undated claims).
    a = document_claims(Document(key="premise", path="<premise>", text=premise, row_id="premise", date=UNDATED))
    b = document_claims(Document(key="hypothesis", path="<hypothesis>", text=hypothesis, row_id="hypothesis",
                                 date=UNDATED))
    claims = a + b
    sim = 1.0 if similarity is None else similarity
    pairs = [Pair(i, len(a) + j, sim) for i in range(len(a)) for j in range(len(b))]
    return run_rules(claims, pairs, rules, embedder=embedder, given=True)


def _verdict(pair_id: str, findings: list[Finding], sim: float | None, candidate: bool) -> Comparison:
    sim = None if sim is None else round(sim, 4)
    for kind, verdict in (("conflict", "conflict"), ("update", "update")):
        picked = [f for f in findings if f.kind == kind]
        if picked:
            f = picked[0]
            return Comparison(pair_id, verdict, f.rule, f.explanation, sim, tuple(findings))
    if candidate:
        return Comparison(pair_id, "consistent", None, "no rule found a conflict", sim)
    return Comparison(pair_id, "unrelated", None, f"similarity {sim} is below the threshold", sim)


def _unit(x: np.ndarray) -> np.ndarray:
    x = np.asarray(x, dtype=np.float32)
    return x / np.maximum(np.linalg.norm(x, axis=1, keepdims=True), 1e-12)

