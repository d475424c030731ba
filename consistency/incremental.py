"""Incremental runs over a store: ``consistency run --store DB PATH...``.

A run reads only the files that are new or changed since the store last saw
them (by content hash), re-extracts only the documents inside them that
changed, embeds only texts the embeddings cache lacks, attaches the new
documents to the stored stories (`consistency.stories`), and matches the new
claims against every stored claim (within a story; across stories only as
`Stories.comparable` allows). Findings are kept by fingerprint; the
report of a run holds the findings opened since the last run whose report was
written, with review decisions applied.

Crash safety. A run holds the store's run lock from reading its inputs until
its report is written and marked (a second run waits ``lock_timeout``
seconds, then fails with `StoreLockedError`), so two runs never report the
same findings. Embedding
vectors are committed chunk by chunk, so a run killed while embedding keeps
the finished chunks. Everything else a run changes (files, documents,
claims, pairs, findings, the run row) is written in one final transaction:
a run killed before that commit leaves the store as it was, apart from the
cached vectors; one killed after it has done its work, and the next run's
report still shows its findings, because the report covers every run since
the last one marked as reported (after ``deliver`` has written the report).
Review decisions live in their own append-only table and are never touched by
a run; reviewers keep deciding while a run works, and see its results only
once it has committed.
"""

from __future__ import annotations

import dataclasses
import hashlib
import itertools
import json
import time
from collections import Counter
from dataclasses import dataclass
from pathlib import Path
from typing import Callable, Iterable, Sequence

import numpy as np

from . import __version__
from .api import counted_confident, stage
from .check import copied, crowd_counts, finding_order, left_out, run_rules
from .claims import extract_claims
from .clauses import MIN_FACTS, MIN_TOKENS, MIN_WORDS, claim_clauses
from .config import Settings, load_settings
from .copies import is_article
from .embed import Embedder, content_key, embedding_model_id
from .errors import EmptyInputError
from .facts import with_facts
from .group import (
    NPROBE,
    ROW_SENTENCES,
    Pair,
    Pairs,
    candidate_pairs,
    claim_pairs,
    components,
    document_numbers,
    group_records,
    keyed_hits,
    more_pairs,
    nearest,
    pairs_from_lists,
    pairs_with_stored,
    row_sentence_pairs,
    short_rows,
)
from .measures import MEASURES_THRESHOLD, measure_heads, measure_keys, measures_agree
from .reading import READERS, discover, read_bytes
from .records import Claim, Document, Finding, Group, Problem, Report
from .rules import select_rules
from .store import Store, codec, document_hash, open_store, resolve_store_path
from .store.connection import now
from .store.findings import confidence
from .store.hooks import crash_point
from .stories import Placed, Stories
from .stories import build as build_stories
from .stories import records as story_records
from .suppress import checked, unsuppressed
from .triage import apply, needs_attention, statuses

#: embedding batches per committed chunk: a killed run loses at most one chunk of work.
CHUNK_BATCHES = 4


@dataclass(frozen=True, slots=True)
class RunResult:
    """What a run did: its id, the report of what is new since the last report, counters."""

    run_id: int
    since_run: int
    report: Report
    counters: dict
    store_path: Path | str


def run(paths: Sequence[str], settings: Settings | None = None, *, progress=None,
        deliver: Callable[[RunResult], None] | None = None, mark_reported: bool = True) -> RunResult:
    """One incremental run of ``paths`` into the store ``settings.store`` (the default store when None).

    ``deliver(result)`` writes the report while the run still holds the store; once it returns,
    the run is marked as reported (unless ``mark_reported`` is false), so the next run reports
    only what is newer. A ``deliver`` that raises leaves the run unmarked: the next run reports
    its findings again.
    """
    settings = settings or load_settings()
    rules = select_rules(settings.select, settings.ignore)  # a bad code fails before anything is touched
    checked(settings.per_file_ignores)
    unlisted: list[Problem] = []  # folders that could not be listed, file names that are not text
    files = discover(list(paths), unlisted)
    if not files:
        raise EmptyInputError("no article or dataset files in the inputs",
                              hint="give article files (.txt/.md/.html) or claim datasets (.jsonl/.csv)")
    with open_store(resolve_store_path(settings.store), timeout=settings.lock_timeout) as store:
        crash_point("run:opened")
        with store.run_lock(settings.lock_timeout):
            crash_point("run:locked")
            result = _run(store, list(paths), files, settings, rules, progress, unlisted)
            if deliver is not None:
                deliver(result)
            crash_point("run:report-written")
            if mark_reported:
                with store.transaction():
                    store.runs.mark_reported(result.run_id)
                    crash_point("run:tx-reported")
    crash_point("run:reported")
    return result


def _signature(settings: Settings, rules, model_id: str) -> str:
    """What stored claims, pairs and findings depend on; a change re-matches everything."""
    return json.dumps({"version": __version__, "model": model_id, "threshold": settings.threshold,
                       "max_neighbors": settings.max_neighbors, "same_document": settings.same_document,
                       "story_window_days": settings.story_window_days, "rules": sorted(r.code for r in rules),
                       "clauses": [MIN_FACTS, MIN_WORDS, MIN_TOKENS],
                       **({"per_file_ignores": settings.per_file_ignores} if settings.per_file_ignores else {})},
                      sort_keys=True)


def _covered(path: str, roots: list[Path]) -> bool:
    p = Path(path)
    return any(p == root or root in p.parents for root in roots)


def _run(store: Store, paths: list[str], files: list[tuple[Path, str]], settings: Settings, rules,
         progress, unlisted: list[Problem]) -> RunResult:
    started_at = now()
    timings: dict[str, float] = {}
    spin = progress or (lambda name, done, total: None)  # progress(stage, done, total); 0 total: a spinner
    clock = time.perf_counter()
    model_id = embedding_model_id(settings.model, settings.backend)
    signature = _signature(settings, rules, model_id)
    rematch = store.meta.get("signature") not in (None, signature)

    # -- read: only files whose content (or location) changed ------------------------------------
    stored_files = store.documents.files()
    stored_docs = {d.key: d for d in store.documents.stored()}
    docs_of_file: dict[str, list[str]] = {}
    for d in stored_docs.values():
        docs_of_file.setdefault(d.file_key, []).append(d.key)
    seen: set[str] = set()
    transient: list[Problem] = list(unlisted)
    read: list[tuple[str, str, str, list[Problem]]] = []  # key, resolved path, hash, problems
    new_docs: list[tuple[Document, str, str]] = []  # document, file key, document hash
    removed_docs: set[str] = set()
    for done, (file, key) in enumerate(files):
        spin("read", done, len(files))
        seen.add(key)
        data, problem = read_bytes(file)
        if problem is not None:
            transient.append(problem)
            continue
        digest = hashlib.sha256(data).hexdigest()
        where = str(file.resolve())
        old = stored_files.get(key)
        if old is not None and old.content_hash == digest and old.path == where and not rematch:
            continue
        docs, problems = READERS[file.suffix.lower()](data, path=str(file), key=key)
        read.append((key, where, digest, list(problems)))
        current = set()
        for doc in docs:
            current.add(doc.key)
            dh = document_hash(doc)
            before = stored_docs.get(doc.key)
            if before is not None and before.content_hash == dh and before.file_key == key and not rematch:
                continue
            if before is not None:
                removed_docs.add(doc.key)
            new_docs.append((doc, key, dh))
        removed_docs.update(k for k in docs_of_file.get(key, []) if k not in current)
    roots = [Path(p).resolve() for p in paths]
    gone_files = [f.key for f in stored_files.values() if f.key not in seen and _covered(f.path, roots)]
    for key in gone_files:
        removed_docs.update(docs_of_file.get(key, []))
    removed_docs.update(_replaced_versions(store, new_docs))

    # row ids are unique across everything stored
    problems_of: dict[str, list[Problem]] = {key: probs for key, _, _, probs in read}
    row_owner = {d.row_id: d for d in stored_docs.values() if d.row_id is not None and d.key not in removed_docs}
    accepted: list[tuple[Document, str, str]] = []
    for doc, file_key, dh in new_docs:
        if doc.row_id is not None:
            other = row_owner.get(doc.row_id)
            if other is not None and other.key != doc.key:
                where = f"{other.path}:{other.line}" if other.line else other.path
                problems_of[file_key].append(Problem(doc.path, doc.line,
                                                     f"duplicate id {doc.row_id!r} (first at {where})"))
                continue
            row_owner[doc.row_id] = doc  # type: ignore[assignment]
        accepted.append((doc, file_key, dh))
    spin("extract", 0, len(accepted))
    new_claims: list[Claim] = extract_claims((doc for doc, _, _ in accepted), stage(progress, "extract"))
    new_hashes = [content_key(c.text) for c in new_claims]
    timings["read_extract_s"] = time.perf_counter() - clock
    crash_point("run:read")

    # -- embed: only what the cache lacks, committed chunk by chunk ------------------------------
    clock = time.perf_counter()
    removed_rows = store.claims.of_documents(removed_docs)  # (number, id)
    removed_ids = {claim_id for _, claim_id in removed_rows}
    kept_rows = [r for r in store.claims.rows() if r.doc_key not in removed_docs] if rematch else []
    # a long sentence of several facts is matched by its clauses too, as in `check` (on a rematch
    # the stored claims are split again: the clause settings may be what changed)
    kept: dict[int, Claim] = store.claims.load(r.n for r in kept_rows) if rematch else {}
    split = time.perf_counter()
    clauses = claim_clauses(new_claims + list(kept.values()))
    timings["clauses_s"] = time.perf_counter() - split
    clause_hashes = [[content_key(c.text) for c in cs] for cs in clauses]
    new_clause_hashes = clause_hashes[:len(new_claims)]
    kept_clause_hashes = {n: hs for n, hs in zip(kept, clause_hashes[len(new_claims):]) if hs}
    text_of = dict(zip(new_hashes, (c.text for c in new_claims)))
    text_of.update((h, c.text) for cs, hs in zip(clauses, clause_hashes) for c, h in zip(cs, hs))
    text_of.update((content_key(c.text), c.text) for c in kept.values())
    missing = store.embeddings.missing(model_id, text_of)
    embedded = 0
    # the model is loaded only when a text (a claim, a clause, or a phrase the rules compare) has no stored vector
    embedder = Embedder.from_settings(settings, cache=store.embeddings)
    if missing:
        chunk = settings.batch_size * CHUNK_BATCHES
        spin("embed", 0, len(missing))  # drawn while the model loads
        for begin in range(0, len(missing), chunk):
            embedder.encode([text_of[h] for h in missing[begin:begin + chunk]])  # put() commits
            crash_point("run:embedded-chunk")
            spin("embed", min(begin + chunk, len(missing)), len(missing))
        embedded = embedder.encoded
    timings["embed_s"] = time.perf_counter() - clock

    # -- match the new claims against the stored ones (everything against everything on a rematch) ----
    clock = time.perf_counter()
    spin("group", 0, 0)
    first_new = store.claims.last_number() + 1  # new claim k is numbered first_new + k until inserted
    # the new units: each new claim, then the clauses of each (`consistency.clauses`)
    unit_hashes = new_hashes + [h for hs in new_clause_hashes for h in hs]
    owner = np.concatenate([np.arange(len(new_claims)),
                            np.repeat(np.arange(len(new_claims)), [len(hs) for hs in new_clause_hashes])]).astype(np.int64)
    new_vectors = store.embeddings.get(model_id, unit_hashes)
    units = np.stack([new_vectors[h] for h in unit_hashes]) if unit_hashes else np.zeros((0, 0), dtype=np.float32)
    new = units[:len(new_claims)]
    total = (len(kept_rows) if rematch else store.claims.count() - len(removed_rows)) + len(new_claims)
    use_ann = settings.index == "ann" or (settings.index == "auto" and total > settings.exact_up_to)
    kept_vectors = store.embeddings.get(model_id, [h for hs in kept_clause_hashes.values() for h in hs])
    kept_units = {n: (kept[n].doc_key, np.stack([kept_vectors[h] for h in hs])) for n, hs in kept_clause_hashes.items()}
    pairs, vectors_read, gathered = _match(store, settings, model_id, units, owner, new_claims, removed_docs, first_new,
                                           rematch, use_ann, total, kept_units)
    pairs = _with_measures(pairs, store, settings, model_id, new_claims, new, kept, removed_docs, first_new, rematch,
                           use_ann, total)
    stored_needed = {x for p in pairs for x in (p.i, p.j) if x < first_new}
    if rematch and gathered is not None:  # the stories stage clusters every document afresh
        stored_needed = {int(x) for x in gathered[0] if x < first_new}
    pool: dict[int, Claim] = {n: kept[n] for n in stored_needed if n in kept}
    pool.update(store.claims.load(stored_needed - pool.keys()))
    pool.update({first_new + k: c for k, c in enumerate(new_claims)})
    stories: Stories | None = None
    cap_left = pairs.left
    if cap_left is not None and len(cap_left[0]):  # their claims, for the stories stage and the crowd
        stored_needed |= {x for x in np.concatenate(cap_left).tolist() if x < first_new}
        pool.update(store.claims.load(stored_needed - pool.keys()))
    if new_claims or (rematch and kept_rows):
        spin("stories", 0, 0)
        stories = _stories(store, settings, rematch, [d for d, _, _ in accepted], pool, new_claims, new, pairs,
                           gathered, removed_docs, first_new)
        pairs = [p for p in pairs if stories.comparable(pool[p.i], pool[p.j])]
    # two rows of several sentences that meet are compared whole, as in `check`
    rows = _row_members(store, pool, pairs, new_claims, first_new, removed_docs)
    stored_needed |= {n for ns in rows[0].values() for n in ns if n < first_new}
    extra = [p for p in row_sentence_pairs(pool, pairs, rows)
             if stories is None or stories.comparable(pool[p.i], pool[p.j])]
    if extra:
        pairs = [*pairs, *extra]
    spin("check", 0, 0)
    copies = {(p.i, p.j) for p in pairs if copied(pool[p.i], pool[p.j])}
    # the pairs the neighbour cap left out that the stories would compare: stored, and counted in
    # the crowd of their claims, as `check` counts them
    uncapped = left_out(pool, cap_left, stories.comparable if stories is not None else lambda a, b: True, pairs)
    crowds = _crowds(store, pool, pairs, copies, {n for n, _ in removed_rows}, removed_ids, first_new, rematch,
                     uncapped)
    stored_needed |= crowds.loaded
    # below the confidence cut-off, or suppressed by a row of either claim, a finding is not one of
    # this run's (as in `check`): never stored, so it is neither reported nor kept open; one stored
    # before its row suppressed it closes (the edited row's claims are new, the finding is not found)
    findings, hidden = counted_confident(run_rules(pool, [*pairs, *crowds.rescore], rules,  # type: ignore[arg-type]
                                                   embedder=embedder, crowds=crowds.counts), settings)
    findings, suppressed = unsuppressed(findings, settings.per_file_ignores)
    findings = [dataclasses.replace(f, story=stories.shared(f.a, f.b)) if stories else f for f in findings]
    timings["match_s"] = time.perf_counter() - clock
    crash_point("run:matched")

    # -- one transaction for everything else -----------------------------------------------------
    spin("write", 0, 0)
    touched = store.findings.open_all() if rematch else store.findings.open_touching(removed_ids) | crowds.rescored
    counters = {"files": len(files), "files_read": len(read), "documents_read": len(accepted),
                "documents_removed": len(removed_docs - {d.key for d, _, _ in accepted}),
                "claims_added": len(new_claims), "claims_removed": len(removed_ids), "embedded": embedded,
                "pairs": len(pairs), "claims_read": len(stored_needed), "vectors_read": vectors_read,
                "findings_rescored": len(crowds.rescored),
                "suppressed": suppressed, **hidden}
    with store.transaction():
        run_id = store.runs.insert(started_at, paths)
        if rematch:
            store.claims.delete_pairs()
        regroup = not rematch and store.groups.kept()  # else every group is rebuilt below
        # the groups of the claims going away lose them: their other members are regrouped
        touched_claims = store.groups.around(n for n, _ in removed_rows) if regroup else set()
        store.documents.delete(removed_docs)
        store.documents.delete_files(gone_files)
        crash_point("run:tx-removed")
        for key, where, digest, _ in read:
            store.documents.upsert_file(key, where, digest, problems_of[key], run_id)
        for doc, file_key, dh in accepted:
            store.documents.insert(doc, file_key=file_key, content_hash=dh, run=run_id)
        if rematch:
            store.stories.clear()
        if stories is not None:
            store.stories.insert(stories.placed)
        number_of = {first_new + k: store.claims.insert(claim, text_hash)
                     for k, (claim, text_hash) in enumerate(zip(new_claims, new_hashes))}
        store.clauses.clear(kept)  # a rematch splits the stored sentences again
        split_claims = [number_of[first_new + k] for k, hs in enumerate(new_clause_hashes) if hs] + list(kept_clause_hashes)
        for number, hashes in zip(split_claims, [hs for hs in new_clause_hashes if hs] + list(kept_clause_hashes.values())):
            store.clauses.insert(number, hashes)
        crash_point("run:tx-claims")
        stored_pairs = [(number_of.get(p.i, p.i), number_of.get(p.j, p.j), round(p.similarity, 6), (p.i, p.j) in copies)
                        for p in pairs]
        store.claims.insert_pairs(stored_pairs, run_id)
        store.claims.insert_left(sorted((min(x, y), max(x, y)) for x, y in
                                        ((number_of.get(a, a), number_of.get(b, b)) for a, b in uncapped)), run_id)
        store.claims.mark_copies(crowds.flags)
        _index_new_claims(store, model_id, new, [number_of[first_new + k] for k in range(len(new_claims))], total,
                          use_ann, split_claims)
        crash_point("run:tx-pairs")
        opened, closed, changed = _record_findings(store, findings, touched, removed_ids, run_id, crowds.rescored)
        crash_point("run:tx-findings")
        if regroup:
            touched_claims.update(number_of.values())
            touched_claims.update(x for a, b, _, _ in stored_pairs for x in (a, b))
            touched_claims.update(store.claims.numbers_of_ids(changed))
            counters["claims_regrouped"] = store.groups.update(touched_claims)
        else:
            store.groups.rebuild()
        if removed_ids:
            store.embeddings.prune()  # vectors no stored claim uses any more
        store.meta.set("signature", signature)
        counters.update(findings_opened=opened, findings_closed=closed)
        store.runs.finish(run_id, counters)
    crash_point("run:committed")
    report, since = build_report(store, run_id, extra_problems=transient)
    timings["total_s"] = sum(timings.values())
    # the report's own counts (below_cutoff: over every run it covers) win over this run's counters
    report = dataclasses.replace(report, stats={**counters, **report.stats, "timings": timings})
    return RunResult(run_id=run_id, since_run=since, report=report, counters=counters, store_path=store.path)


@dataclass(frozen=True, slots=True)
class Crowds:
    """What `_crowds` found: each claim's crowd, the stored pairs to check again, and so on."""

    counts: dict[int, int]  # claim number -> how many claims it is compared with (`check.run_rules`)
    rescore: list[Pair]  # stored pairs of open findings whose rows' crowd changed, to check again
    rescored: set[str]  # their findings' fingerprints
    flags: list[tuple[int, int, bool]]  # copies flags of stored pairs written before they were kept
    loaded: set[int]  # stored claims read for them


def _row_members(store: Store, pool: dict[int, Claim], pairs: list[Pair], new_claims: list[Claim], first_new: int,
                 removed_docs: set[str]) -> tuple[dict[str, list[int]], dict[str, int]]:
    """`group.row_members` for the rows of ``pairs`` (their claims, stored and new, loaded into
    ``pool``), with each of their files' short rows counted over the store and this run."""
    docs = {pool[x].doc_key for p in pairs for x in (p.i, p.j) if pool[x].row_id is not None}
    if not docs:
        return {}, {}
    members: dict[str, list[int]] = {}
    new_docs: dict[str, tuple[str, int]] = {}
    for k, c in enumerate(new_claims):
        if c.row_id is not None:
            path, size = new_docs.get(c.doc_key, (c.path, 0))
            new_docs[c.doc_key] = (path, size + 1)
            if c.doc_key in docs:
                members.setdefault(c.doc_key, []).append(first_new + k)
    stored = [(n, i) for n, i in store.claims.of_documents(sorted(docs - new_docs.keys() - removed_docs))]
    pool.update(store.claims.load({n for n, _ in stored} - pool.keys()))
    for n, _ in sorted(stored):
        members.setdefault(pool[n].doc_key, []).append(n)
    paths = {pool[x].path for ns in members.values() for x in ns}
    sizes = [(path, size) for key, path, size in store.claims.row_sizes(sorted(paths))
             if key not in removed_docs and key not in new_docs]
    return members, short_rows(sizes + [v for v in new_docs.values() if v[0] in paths])


def _crowds(store: Store, pool: dict[int, Claim], pairs: list[Pair], copies: set[tuple[int, int]], removed: set[int],
            removed_ids: set[str], first_new: int, rematch: bool, uncapped: Sequence[tuple[int, int]] = ()) -> Crowds:
    """The crowd of each claim of this run's pairs as `check` of every stored file counts it: how
    many claims it is compared with in the whole store after this run (its stored pairs, less those
    with a removed claim and copies, and this run's), not only in the pairs this run matched, and
    how many it would be compared with but for the neighbour cap (``uncapped``: this run's pairs the
    cap left out, `check.left_out`; ``left_pairs`` of the store: those of earlier runs), as
    `check.left_out_crowd` counts them.

    Only the rows model weighs the crowd (`check.run_rules`: pairs of two claims of short rows of a
    claims dataset, `check.row_documents`), so the store is read for the claims of rows of at most
    `group.ROW_SENTENCES` claims only (whatever their file: a row of a file of articles has its pairs
    checked again for nothing, with the same verdicts); another claim's count is
    its pairs of this run. A stored row whose crowd this run changes has its pairs with another
    short row checked again (``rescore``), so their confidences stay those `check` gives: those of
    its open findings when its crowd grows (new rows pair with it: a finding can only fall, and one
    the cut-off now holds back closes), and all its stored pairs when its crowd shrinks (partners
    removed: a pair held back may now pass). On a rematch every pair is matched again: nothing is read."""
    counted = [p for p in pairs if (p.i, p.j) not in copies]
    counts = crowd_counts(counted) + Counter(x for ab in uncapped for x in ab)
    if rematch:
        return Crowds(counts, [], set(), [], set())
    loaded: dict[int, Claim] = {}
    flags: list[tuple[int, int, bool]] = []

    def claims(numbers: Iterable[int]) -> None:
        loaded.update(store.claims.load(set(numbers) - pool.keys() - loaded.keys()))

    def claim(n: int) -> Claim:
        return pool[n] if n in pool else loaded[n]

    def rows(numbers: set[int]) -> set[int]:
        """The claims of short rows among ``numbers``: read from the store (a new claim: any row's)."""
        new = {n for n in numbers if n >= first_new}
        return {n for n in new if claim(n).row_id is not None} | store.claims.short_rows(numbers - new, ROW_SENTENCES)

    def flagged(found: list[tuple[int, int, float, int | None]]) -> list[tuple[int, int, float, int]]:
        """Stored pairs with their copies flags, read from the claims' words for pairs stored
        without one (before schema version 9; written back in the run's transaction)."""
        unknown = [(a, b) for a, b, _, c in found if c is None]
        if not unknown:
            return found  # type: ignore[return-value]
        claims(x for ab in unknown for x in ab)
        known = {(a, b): copied(claim(a), claim(b)) for a, b in unknown}
        flags.extend((a, b, c) for (a, b), c in known.items())
        return [(a, b, s, int(known[(a, b)]) if c is None else c) for a, b, s, c in found]

    def stored_pairs(numbers: set[int]) -> list[tuple[int, int, float]]:
        """The stored pairs of ``numbers`` that count (no copies), less those with a removed claim."""
        found = flagged(store.claims.pairs_of(numbers)) if numbers else []
        return [(a, b, s) for a, b, s, c in found if not c and a not in removed and b not in removed]

    # stored claims whose crowd changes: partners of new claims (grown), and of removed claims
    lost: Counter = Counter()
    for a, b, _, c in flagged(store.claims.pairs_of(removed)) if removed else []:
        for x in (a, b):
            if not c and x not in removed:
                lost[x] += 1
    for a, b in store.claims.left_of(removed) if removed else []:
        lost.update(x for x in (a, b) if x not in removed)
    # stored claims paired tonight (or left out by tonight's cap)
    partners = {x for p in counted for x in (p.i, p.j) if x < first_new} | {x for ab in uncapped for x in ab
                                                                             if x < first_new}
    changed = rows(partners | lost.keys())
    kept = {(min(a, b), max(a, b)): (a, b, s) for a, b, s in stored_pairs(changed)}
    shrunk = {x for x in changed if lost.get(x, 0) > counts.get(x, 0)}
    # pairs to check again: the open findings of every changed row, every stored pair of a shrunk one
    ends: dict[tuple[int, int], str | None] = {}
    if changed:
        stored = store.findings.get(store.findings.open_touching(store.claims.ids_of_numbers(changed).values()))
        number = store.claims.numbers_by_id({x for f in stored.values() for x in (f.claim_a, f.claim_b)}
                                            - removed_ids)
        for f in stored.values():
            if f.claim_a in number and f.claim_b in number:
                x, y = number[f.claim_a], number[f.claim_b]
                ends[(min(x, y), max(x, y))] = f.fingerprint
    for ab in kept:
        if ab[0] in shrunk or ab[1] in shrunk:
            ends.setdefault(ab, None)
    wanted = rows(partners | {x for ab in ends for x in ab})
    ends = {ab: fp for ab, fp in ends.items() if ab[0] in wanted and ab[1] in wanted}
    claims(x for ab in ends for x in ab)
    kept.update({(min(a, b), max(a, b)): (a, b, s) for a, b, s in stored_pairs(wanted - changed)})
    rescore: list[Pair] = []
    rescored: set[str] = set()
    for ab, fp in sorted(ends.items()):
        if ab in kept:
            a, b, s = kept[ab]
            rescore.append(Pair(a, b, s))
            if fp is not None:
                rescored.add(fp)
    # the store's count for the stored rows of the night's pairs and of the pairs checked again
    for a, b, _ in kept.values():
        for x in (a, b):
            if x in wanted:
                counts[x] += 1
    for a, b in store.claims.left_of(wanted) if wanted else []:
        if a not in removed and b not in removed:
            counts.update(x for x in (a, b) if x in wanted)
    pool.update(loaded)
    return Crowds(counts, rescore, rescored, flags, set(loaded))


def _replaced_versions(store: Store, new_docs: list[tuple[Document, str, str]]) -> set[str]:
    """Stored articles that a newly read article of the same URL, from another file, replaces (a
    nightly re-crawl of an updated page). Rows of one dataset file that share a URL are claims of
    one article, not versions of it: only documents of other files are replaced."""
    new = {doc.url: file_key for doc, file_key, _ in new_docs if doc.url and is_article(doc)}
    return {key for url, key, file_key in store.documents.with_urls(new) if file_key != new[url]
            and key not in {doc.key for doc, _, _ in new_docs}}


def _stories(store: Store, settings: Settings, rematch: bool, documents: list[Document], pool: dict[int, Claim],
             new_claims: list[Claim], new: np.ndarray, pairs: Pairs,
             gathered: tuple[np.ndarray, np.ndarray] | None, removed_docs: set[str], first_new: int) -> Stories:
    """The stories of the store after this run: the new documents attached to the stored stories
    (all documents clustered afresh when the settings changed). Pairs are numbered by claim
    number (new claim k: ``first_new + k``)."""
    if rematch and gathered is not None:
        ids, vectors = gathered  # ascending: stored claims by number, then the new ones
        kept = list(dict.fromkeys(pool[int(i)].doc_key for i in ids if i < first_new))
        documents = store.documents.load(kept) + documents
        claims = [pool[int(i)] for i in ids]
        position = [Pair(int(a), int(b), float(s)) for a, b, s in
                    zip(np.searchsorted(ids, pairs.i), np.searchsorted(ids, pairs.j), pairs.similarity)]
        return build_stories(documents, claims, vectors, position, window_days=settings.story_window_days)
    stored = [s for s in store.stories.placed() if s.profile.key not in removed_docs]
    pair_docs = [""] * (first_new + len(new_claims))  # the document of each claim number the pairs use
    for number, claim in pool.items():
        pair_docs[number] = claim.doc_key
    return build_stories(documents, new_claims, new, pairs, window_days=settings.story_window_days,
                         stored=stored, pair_docs=pair_docs)


def _match(store: Store, settings: Settings, model_id: str, units: np.ndarray, owner: np.ndarray,
           new_claims: list[Claim], removed_docs: set[str], first_new: int, rematch: bool, use_ann: bool, total: int,
           kept_units: dict[int, tuple[str, np.ndarray]]) -> tuple[Pairs, int, tuple[np.ndarray, np.ndarray] | None]:
    """Candidate pairs, numbered by claim number (new claim k: ``first_new + k``), how many stored
    vectors were read to find them, and (when every vector was gathered) the claims' numbers and vectors.

    Matching is by unit, as in `check`: a claim, and each clause of a long sentence of several facts
    (`consistency.clauses`; ``units`` holds the new claims' vectors, then their clauses', ``owner``
    the new claim of each); a claim pair's similarity is its best unit pair (`group.claim_pairs`).
    The stored clauses are read from the store, or on a rematch are ``kept_units`` (the stored
    claims split again: their document and clause vectors). While searching, a stored claim is
    numbered by its number, stored clauses from ``first_new`` up in the order they are read, and
    new unit ``u`` ``first_new + S + u`` (S: how many stored clauses there are), so the new units
    are numbered above every stored one, as the searches want.

    * exact search (up to ``settings.exact_up_to`` claims): the stored vectors stream past a block at a time
      (`group.pairs_with_stored`); only the new units' vectors are held;
    * ANN search with the store's neighbour index trained: only the lists the new units probe are
      read (`group.pairs_from_lists`);
    * a rematch (everything against everything), and the ANN search of a store whose index is not
      trained yet (or has grown fourfold since), gather every vector, as `check` does.
    """
    k = len(new_claims)
    documents = [new_claims[o].doc_key for o in owner]
    stored_clauses = sum(len(v) for _, v in kept_units.values()) if rematch else store.clauses.count()
    first_unit = first_new + stored_clauses
    options = {"first_new": first_unit, "threshold": settings.threshold, "max_neighbors": settings.max_neighbors,
               "same_document": settings.same_document}
    read = [0]
    clause_owner: list[np.ndarray] = []  # the claim of each stored clause read, in order

    def counted(blocks):
        for block in blocks:
            read[0] += len(block[-1])
            yield block

    def numbered(blocks, at: int):
        """Stored clause blocks with their claims' numbers (field ``at``) swapped for the clauses' own."""
        for block in blocks:
            start = first_new + sum(len(o) for o in clause_owner)
            clause_owner.append(block[at])
            yield block[:at] + (start + np.arange(len(block[at])),) + block[at + 1:]

    def by_claim(found: Pairs) -> Pairs:
        if first_unit == first_new and len(units) == k:  # no clauses: the units are the claims
            return found
        number = np.concatenate([np.arange(first_new), *clause_owner,
                                 np.zeros(stored_clauses - sum(len(o) for o in clause_owner), dtype=np.int64),
                                 first_new + owner]).astype(np.int64)
        return claim_pairs(found, number, settings.max_neighbors)

    if not rematch and not use_ann:
        blocks = itertools.chain(store.embeddings.scan(model_id, skip_documents=removed_docs),
                                 numbered(store.clauses.scan(model_id, skip_documents=removed_docs), 0))
        found = pairs_with_stored(units, documents, counted(blocks), **options)
        return by_claim(found), read[0], None
    trained = store.neighbours.centroids(model_id) if use_ann and not rematch else None
    if trained is not None and not store.neighbours.needs_training(model_id, total):
        probes = nearest(units, trained[0], NPROBE)
        lists = np.unique(probes)
        members = itertools.chain(store.neighbours.members(model_id, lists, skip_documents=removed_docs),
                                  numbered(store.clauses.members(model_id, lists, skip_documents=removed_docs), 1))
        found = pairs_from_lists(units, documents, probes, probes[:, 0], counted(members), **options)
        return by_claim(found), read[0], None
    numbers: list[np.ndarray] = []
    doc_keys: list[str] = []
    blocks: list[np.ndarray] = []
    for ns, docs, vectors in counted(store.embeddings.scan(model_id, skip_documents=removed_docs)):
        numbers.append(ns)
        doc_keys += docs
        blocks.append(vectors)
    claim_ids = np.concatenate(numbers + [first_new + np.arange(k)])
    claim_vectors = np.concatenate(blocks + ([units[:k]] if k else [])) if len(claim_ids) else units
    clause_source = _kept_blocks(kept_units) if rematch else store.clauses.scan(model_id, skip_documents=removed_docs)
    for ids, docs, vectors in counted(numbered(clause_source, 0)):
        numbers.append(ids)
        doc_keys += docs
        blocks.append(vectors)
    stored = read[0]
    empty = np.zeros(0, dtype=np.int64)
    if not stored + len(units):
        return Pairs(empty, empty, np.zeros(0, dtype=np.float32)), 0, None
    ids = np.concatenate(numbers + [first_unit + np.arange(len(units))])
    vectors = np.concatenate(blocks + ([units] if len(units) else []))
    found = candidate_pairs(vectors, threshold=settings.threshold, max_neighbors=settings.max_neighbors,
                            documents=document_numbers(doc_keys + documents), same_document=settings.same_document,
                            against=None if rematch else np.arange(stored, len(ids)), index=settings.index,
                            threads=settings.threads, exact_up_to=settings.exact_up_to)
    left = None if found.left is None else (ids[found.left[0]], ids[found.left[1]])
    pairs = by_claim(Pairs(ids[found.i], ids[found.j], found.similarity, left=left))
    return pairs, stored, (claim_ids, claim_vectors)


def _with_measures(pairs: Pairs, store: Store, settings: Settings, model_id: str, new_claims: list[Claim],
                   new: np.ndarray, kept: dict[int, Claim], removed_docs: set[str], first_new: int, rematch: bool,
                   use_ann: bool, total: int) -> Pairs:
    """``pairs`` and those of the second route to candidacy, as `check` finds them
    (`consistency.group.keyed_hits`: claims whose figures count one measure in two words of one
    meaning, `consistency.measures.measures_agree`, from `consistency.measures.MEASURES_THRESHOLD` up), under one
    neighbour cap. The new claims are searched against each other and the stored ones (every kept
    claim on a rematch); a stored claim's measures are read from the claim itself, and only the stored
    claims at that similarity to a new claim with a measure are read: one pass over the stored vectors
    (the lists those new claims probe, when the store's neighbour index serves the search, as in
    `_match`), none when no new claim names a measure."""
    heads = {first_new + k: measure_heads(c) for k, c in enumerate(new_claims)}
    vector = {first_new + k: new[k] for k in range(len(new_claims))}
    doc_of = {first_new + k: c.doc_key for k, c in enumerate(new_claims)}
    if rematch:
        stored_vectors = store.embeddings.get(model_id, [content_key(c.text) for c in kept.values()])
        for n, c in kept.items():
            heads[n], vector[n], doc_of[n] = measure_heads(c), stored_vectors[content_key(c.text)], c.doc_key
    else:
        probe = np.stack([vector[n] for n, h in heads.items() if h]) if any(heads.values()) else None
        if probe is None:
            return pairs
        trained = store.neighbours.centroids(model_id) if use_ann else None
        if trained is not None and not store.neighbours.needs_training(model_id, total):
            lists = np.unique(nearest(probe, trained[0], NPROBE))
            blocks = (b[1:] for b in store.neighbours.members(model_id, lists, skip_documents=removed_docs))
        else:
            blocks = store.embeddings.scan(model_id, skip_documents=removed_docs)
        near: dict[int, np.ndarray] = {}
        for ns, _, vectors in blocks:
            hit = np.flatnonzero((vectors @ probe.T >= MEASURES_THRESHOLD).any(axis=1))
            near.update(zip(ns[hit].tolist(), vectors[hit]))
        for n, c in store.claims.load(near).items():
            heads[n], vector[n], doc_of[n] = measure_heads(c), near[n], c.doc_key
    numbers = sorted(n for n, h in heads.items() if h)
    if len(numbers) < 2:
        return pairs
    ids = np.array(numbers, dtype=np.int64)
    docs = None if settings.same_document else np.asarray(document_numbers(doc_of[n] for n in numbers))
    i, j, s = keyed_hits(np.stack([vector[n] for n in numbers]), measure_keys([heads[n] for n in numbers]),
                         MEASURES_THRESHOLD, settings.threshold, settings.max_neighbors,
                         None if rematch else np.flatnonzero(ids >= first_new), docs, "ann" if use_ann else "exact",
                         settings.threads, lambda a, b: measures_agree(heads[numbers[a]], heads[numbers[b]]))
    had = set(zip(pairs.i.tolist(), pairs.j.tolist()))
    fresh = np.array([(int(a), int(b)) not in had for a, b in zip(ids[i], ids[j])], dtype=bool)
    if not fresh.any():
        return pairs
    return more_pairs(pairs, ids[i][fresh], ids[j][fresh], s[fresh], settings.max_neighbors)


def _kept_blocks(kept_units: dict[int, tuple[str, np.ndarray]]):
    """The clauses of the stored claims split again, as one block of `Clauses.scan`."""
    if kept_units:
        order = sorted(kept_units)
        sizes = [len(kept_units[n][1]) for n in order]
        yield (np.repeat(np.array(order, dtype=np.int64), sizes),
               [kept_units[n][0] for n, size in zip(order, sizes) for _ in range(size)],
               np.concatenate([kept_units[n][1] for n in order]))


def _index_new_claims(store: Store, model_id: str, new: np.ndarray, numbers: list[int], total: int,
                      use_ann: bool, split_claims: list[int]) -> None:
    """Keep the store's neighbour index: train it when the ANN search needs it and it is missing or
    the store outgrew it (reading every vector, rarely), else put the new claims, and the clauses
    stored for ``split_claims``, in their lists."""
    neighbours = store.neighbours
    if use_ann and total and neighbours.needs_training(model_id, total):
        centroids = neighbours.train(model_id, total, lambda: store.embeddings.scan(model_id))
        store.clauses.assign(model_id, centroids)
        return
    trained = neighbours.centroids(model_id)
    if trained is not None and numbers:
        neighbours.assign(np.array(numbers, dtype=np.int64), new, trained[0])
    if trained is not None and split_claims:
        store.clauses.assign(model_id, trained[0], split_claims)


def _record_findings(store: Store, findings: list[Finding], touched: set[str], removed_ids: set[str],
                     run_id: int, rescored: set[str] = frozenset()) -> tuple[int, int, set[str]]:  # type: ignore[assignment]
    """Store this run's findings; returns how many were opened and closed, and the claim ids of the
    findings that opened, closed or changed claims (their groups may change). A ``rescored`` finding
    (its pair checked again because a claim's crowd changed: `_crowds`) keeps its new confidence."""
    found = {f.fingerprint: f for f in findings}
    stored = store.findings.get(found)
    opened = 0
    changed: set[str] = set()
    for fp, f in found.items():
        before = stored.get(fp)
        if before is None:
            store.findings.insert(f, run_id)
            opened += 1
        elif before.closed_run is not None:
            store.findings.update(f, run_id, reopen=True)
            opened += 1
        elif (before.claim_a in removed_ids or before.claim_b in removed_ids
              or f.similarity > before.similarity or (fp in touched and fp not in rescored)
              or (fp in rescored and confidence(f) != before.confidence)):
            store.findings.update(f, run_id, reopen=False)
            changed.update((before.claim_a, before.claim_b))
        else:
            store.findings.seen([fp], run_id)
            continue
        changed.update((f.a.id, f.b.id))
    closing = sorted(touched - found.keys())
    changed.update(x for c in store.findings.get(closing).values() for x in (c.claim_a, c.claim_b))
    store.findings.close(closing, run_id)
    return opened, len(closing), changed


def build_report(store: Store, run_id: int, *, extra_problems: Sequence[Problem] = ()) -> tuple[Report, int]:
    """The report of everything opened since the last reported run, with decisions applied, and of
    every open conflict reviewers confirmed (until resolved) or disagree about."""
    with store.snapshot():
        return _build_report(store, run_id, extra_problems)


def _build_report(store: Store, run_id: int, extra_problems: Sequence[Problem]) -> tuple[Report, int]:
    since = store.runs.last_reported()
    review_of = store.decisions.reviews()
    opened = store.findings.opened_since(since)
    standing = {fp for fp, review in review_of.items() if needs_attention(review)} - {f.fingerprint for f in opened}
    findings = apply(opened + store.findings.open_of(standing), statuses(decisions=review_of), review_of)
    groups, group_of = groups_of(store)
    findings = sorted((dataclasses.replace(f, group=group_of.get(f.a.id)) for f in findings), key=finding_order)
    claims = StoredClaims(store.path, store.claims.count())
    problems = tuple(store.documents.problems_since(since)) + tuple(extra_problems)
    placed = store.stories.placed()
    # as `check` counts them (`reporters.base.summary_dict`): conflicts found under the cut-off, by
    # every run this report covers (never stored), and the reported conflicts with a row that names nothing
    nameless = nameless_rows(placed)
    unnamed = sum(f.kind == "conflict" and (f.a.doc_key in nameless or f.b.doc_key in nameless) for f in findings)
    stats = {"run": run_id, "since_run": since, "below_cutoff": store.runs.below_cutoff_after(since),
             **({"unnamed": unnamed} if unnamed else {})}
    report = Report(claims=claims, findings=tuple(findings), groups=tuple(groups), problems=problems,  # type: ignore[arg-type]
                    documents=store.documents.count(), stats=stats, stories=story_records(placed))
    return with_facts(report), since


def nameless_rows(placed: Sequence[Placed]) -> set[str]:
    """The stored documents of one claim (dataset rows) that name nothing: `Stories.names_nothing`
    of the documents a store keeps in stories."""
    return {s.profile.key for s in placed if len(s.profile.claim_names) == 1 and not s.profile.names}


def groups_of(store: Store) -> tuple[list[Group], dict[str, int]]:
    """The groups of similar claims in the store (connected components of its candidate pairs
    inside one story, and of the pairs of its open findings; `consistency.store.groups` keeps
    them run by run), numbered largest first, and the group of each grouped claim id."""
    if store.groups.kept():
        rows = store.groups.members()  # (number, root, id), by number
        members: dict[int, list[int]] = {}
        for k, (_, root, _) in enumerate(rows):
            members.setdefault(root, []).append(k)
        ids = [_Id(claim_id) for _, _, claim_id in rows]
    else:  # a store written before groups were kept: its next run keeps them
        every = store.claims.rows()
        position = {r.n: k for k, r in enumerate(every)}
        edges = store.groups.edges()
        members = {k: m for k, m in enumerate(components(len(every), [Pair(position[a], position[b], 0.0)
                                                                      for a, b in edges]))}
        ids = [_Id(r.id) for r in every]
    ordered = sorted(members.values(), key=lambda m: (-len(m), m[0]))
    return group_records(ids, ordered)


@dataclass(frozen=True, slots=True)
class _Id:
    """What `group_records` needs of a claim."""

    id: str


class StoredClaims(Sequence[Claim]):
    """A report's claims: their number, and the claims themselves read from the store on first access.

    Most reports need only how many there are; reading and decoding every stored claim would
    dominate a run that has little new. The store is opened again when a reporter (HTML) asks for
    the claims themselves.
    """

    def __init__(self, store_path, count: int) -> None:
        self._path = store_path
        self._count = count
        self._claims: tuple[Claim, ...] | None = None

    def _all(self) -> tuple[Claim, ...]:
        if self._claims is None:
            with open_store(self._path, create=False) as store:
                self._claims = tuple(codec.loads(Claim, data) for data in store.claims.data()[:self._count])
        return self._claims

    def __len__(self) -> int:
        return self._count

    def __getitem__(self, index):  # type: ignore[override]
        return self._all()[index]

    def __iter__(self):
        return iter(self._all())

    def __eq__(self, other: object) -> bool:
        return isinstance(other, Sequence) and list(self) == list(other)
