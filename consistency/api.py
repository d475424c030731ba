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
import time
from typing import Callable, Iterable, Mapping, Sequence

import numpy as np

from .check import run_rules
from .claims import extract_claims
from .config import Settings, load_settings
from .embed import Embedder
from .group import Pair, candidate_pairs, components
from .reading import read_paths
from .records import Claim, Finding, Group, Problem, Report, Status
from .rules import select_rules

#: progress(stage, done, total) — the CLI draws it on stderr.
Progress = Callable[[str, int, int], None]


def extract(paths: Sequence[str]) -> tuple[list[Claim], tuple[Problem, ...]]:
    """Read ``paths`` and return their claims (with quantity frames) and input problems."""
    read = read_paths(paths)
    return extract_claims(read.documents), read.problems


def check(
    paths: Sequence[str],
    settings: Settings | None = None,
    *,
    embedder: Embedder | None = None,
    statuses: Mapping[str, Status] | None = None,
    progress: Progress | None = None,
) -> Report:
    """Read, extract, embed, group and check ``paths``; return the full report.

    ``statuses`` maps fingerprints to ``reviewed`` or ``baselined`` (from a
    baseline file or the store); every other finding is ``new``.
    """
    settings = settings or load_settings()
    timings: dict[str, float] = {}
    started = time.perf_counter()
    read = read_paths(paths)
    claims = extract_claims(read.documents)
    timings["read_extract_s"] = time.perf_counter() - started
    report = check_claims(claims, settings, embedder=embedder, statuses=statuses, progress=progress,
                          timings=timings)
    return dataclasses.replace(report, problems=read.problems, documents=len(read.documents))


def run(paths: Sequence[str], settings: Settings | None = None, *, progress: Progress | None = None,
        mark_reported: bool = True):
    """Incremental run of ``paths`` into the store ``settings.store``: a `consistency.incremental.RunResult`
    whose report holds what is new since the last reported run (see docs/store.md)."""
    from . import incremental

    settings = settings or load_settings()
    result = incremental.run(paths, settings, progress=progress)
    if mark_reported:
        incremental.mark_reported(settings, result.run_id)
    return result


def check_claims(
    claims: Sequence[Claim],
    settings: Settings,
    *,
    embedder: Embedder | None = None,
    statuses: Mapping[str, Status] | None = None,
    progress: Progress | None = None,
    timings: dict[str, float] | None = None,
    vectors: np.ndarray | None = None,
) -> Report:
    """The pipeline after extraction, for callers that already hold claims."""
    timings = {} if timings is None else timings
    rules = select_rules(settings.select, settings.ignore)  # fail on a bad code before the model loads
    claims = list(claims)
    if not claims:
        return Report(claims=(), findings=(), groups=(), stats={"timings": timings})
    embedder = embedder or Embedder(settings.model, batch_size=settings.batch_size)
    started = time.perf_counter()
    if vectors is None:
        step = (lambda done, total: progress("embed", done, total)) if progress else None
        vectors = embedder.encode([c.text for c in claims], progress=step)
    timings["embed_s"] = time.perf_counter() - started
    started = time.perf_counter()
    doc_index = _document_numbers(claims)
    pairs = candidate_pairs(vectors, threshold=settings.threshold, max_neighbors=settings.max_neighbors,
                            documents=doc_index, same_document=settings.same_document)
    member_lists = components(len(claims), pairs)
    timings["group_s"] = time.perf_counter() - started
    started = time.perf_counter()
    findings = run_rules(claims, pairs, rules)
    timings["check_s"] = time.perf_counter() - started
    groups, group_of = _groups(claims, member_lists)
    findings = [dataclasses.replace(f, group=group_of.get(f.a.id), status=(statuses or {}).get(f.fingerprint, "new"))
                for f in findings]
    stats = {"timings": timings, "pairs": len(pairs), "embedded": embedder.encoded}
    return Report(claims=tuple(claims), findings=tuple(findings), groups=tuple(groups), stats=stats)


def compare_texts(premise: str, hypothesis: str, settings: Settings | None = None) -> list[Finding]:
    """Run the rules on two claims directly, without embedding or grouping."""
    from .records import Document
    from .claims import document_claims

    settings = settings or load_settings()
    rules = select_rules(settings.select, settings.ignore)
    a = document_claims(Document(key="premise", path="<premise>", text=premise, row_id="premise"))
    b = document_claims(Document(key="hypothesis", path="<hypothesis>", text=hypothesis, row_id="hypothesis"))
    claims = a + b
    pairs = [Pair(i, len(a) + j, 1.0) for i in range(len(a)) for j in range(len(b))]
    return run_rules(claims, pairs, rules)


def _document_numbers(claims: Iterable[Claim]) -> list[int]:
    numbers: dict[str, int] = {}
    return [numbers.setdefault(c.doc_key, len(numbers)) for c in claims]


def _groups(claims: Sequence[Claim], member_lists: list[list[int]]) -> tuple[list[Group], dict[str, int]]:
    groups = []
    group_of: dict[str, int] = {}
    for number, members in enumerate(member_lists, start=1):
        ids = tuple(claims[i].id for i in members)
        groups.append(Group(id=number, claim_ids=ids))
        for claim_id in ids:
            group_of[claim_id] = number
    return groups, group_of
