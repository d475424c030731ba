"""Near-duplicate documents: one article read twice is folded into one before extraction.

A desk's crawl holds the same article more than once: an updated version of a
page, a wire story syndicated by several outlets, a copy with other page
furniture around it. Their sentences would be compared with each other, and a
claim is never a conflict with its own copy.

Two documents are copies when most of the shorter one's word 5-grams
(shingles, after lower-casing and dropping punctuation) occur in the longer one:
*containment* ``|A ∩ B| / min(|A|, |B|) >= FOLD_THRESHOLD``. Containment, not
Jaccard, because an updated version adds paragraphs to the one it updates.
Shared shingles are counted exactly through an inverted index (a shingle held
by more than ``COMMON_SHINGLE_DOCS`` documents is boilerplate and is not
counted), so the result is exact and does not depend on input order or hash
seeds.

Copies are joined transitively and each group keeps one document, the *kept*
one: the latest dated (the newest version), then the longest, then the first
read. The others are *folded* into it: their claims are not extracted, and the
report lists each fold (`Fold`). Shingles are taken from what each document says
once page furniture is dropped (its claim sentences), so two pages of one site
that share a photo gallery or a newsletter box are not copies. Only articles are compared: documents with at
least ``MIN_SHINGLES`` shingles (a one-sentence dataset row is a claim, not an
article).

Threshold: on the 1,781 crawled articles of ``../shared/data/news``, no pair of
articles about different events reaches containment 0.3 (the highest is 0.2); the 53
pairs at 0.8 or more read as one article twice (a wire story on several sites, a page
and its update), while the 130 pairs between 0.4 and 0.8 are differently edited versions
of a wire story, whose own claims are kept (docs/rules.md, "Copies are never
compared"; ``benchmarks/crawl.py`` lists the folds).
"""

from __future__ import annotations

import re
import zlib
from collections import defaultdict
from typing import Sequence

from .records import Document, Fold, FoldedDocument

FOLD_THRESHOLD = 0.8
SHINGLE = 5
MIN_SHINGLES = 20
COMMON_SHINGLE_DOCS = 50
_TOKEN = re.compile(r"[^\W_]+")


def shingles(text: str) -> frozenset[int]:
    """The word 5-grams of ``text`` (lower case, punctuation dropped), as stable 32-bit hashes."""
    words = _TOKEN.findall(text.lower())
    return frozenset(zlib.crc32(" ".join(words[i:i + SHINGLE]).encode("utf-8"))
                     for i in range(len(words) - SHINGLE + 1))


def containments(sets: Sequence[frozenset[int]]) -> dict[tuple[int, int], float]:
    """Containment of every pair ``i < j`` of shingle sets that share a counted shingle."""
    postings: dict[int, list[int]] = defaultdict(list)
    for n, s in enumerate(sets):
        for h in s:
            postings[h].append(n)
    shared: dict[tuple[int, int], int] = defaultdict(int)
    for docs in postings.values():
        if len(docs) < 2 or len(docs) > COMMON_SHINGLE_DOCS:
            continue
        for x in range(len(docs)):
            for y in range(x + 1, len(docs)):
                shared[(docs[x], docs[y])] += 1
    return {(i, j): count / min(len(sets[i]), len(sets[j])) for (i, j), count in shared.items()}


def fold(documents: Sequence[Document], texts: Sequence[str], *,
         threshold: float = FOLD_THRESHOLD) -> tuple[set[int], list[Fold]]:
    """Which documents are copies of another (their indexes), and the folds made.

    ``texts`` are what each document says, page furniture left out (its claim sentences):
    two pages of one site that share a photo gallery are not copies.
    """
    articles = [n for n, d in enumerate(documents) if is_article(d)]
    sets = {n: shingles(texts[n]) for n in articles}
    articles = [n for n in articles if len(sets[n]) >= MIN_SHINGLES]
    scores = containments([sets[n] for n in articles])
    parent = list(range(len(documents)))

    def root(x: int) -> int:
        while parent[x] != x:
            parent[x] = parent[parent[x]]
            x = parent[x]
        return x

    best: dict[tuple[int, int], float] = {}
    for (i, j), score in scores.items():
        if score >= threshold:
            a, b = articles[i], articles[j]
            best[(a, b)] = score
            parent[root(b)] = root(a)
    members: dict[int, list[int]] = defaultdict(list)
    for n in {x for pair in best for x in pair}:
        members[root(n)].append(n)
    folded_out: set[int] = set()
    folds: list[Fold] = []
    for group in members.values():
        kept = min(group, key=lambda n: _keep_order(documents[n], n))
        others = sorted((n for n in group if n != kept), key=lambda n: n)
        folded_out.update(others)
        folds.append(Fold(kept=_ref(documents[kept], None),
                          folded=tuple(_ref(documents[n], _score(best, kept, n, sets)) for n in others)))
    folds.sort(key=lambda f: (f.kept.path, f.kept.key))
    return folded_out, folds


def is_article(doc: Document) -> bool:
    """An article (a file, or a dataset row longer than a sentence or so), not a one-claim row."""
    return doc.row_id is None or doc.text.count(" ") >= MIN_SHINGLES + SHINGLE


def _keep_order(doc: Document, n: int) -> tuple:
    """Latest date first, then the longest text, then the first read."""
    return (-(doc.date.toordinal() if doc.date else 0), -len(doc.text), n)


def _score(best: dict[tuple[int, int], float], a: int, b: int, sets: dict[int, frozenset[int]]) -> float:
    score = best.get((min(a, b), max(a, b)))
    if score is None:  # joined through a third copy: measure the pair itself
        shared = len(sets[a] & sets[b])
        score = shared / min(len(sets[a]), len(sets[b]))
    return round(score, 3)


def _ref(doc: Document, containment: float | None) -> FoldedDocument:
    return FoldedDocument(key=doc.key, path=doc.path, row_id=doc.row_id, source=doc.source, url=doc.url,
                          date=doc.date, containment=containment)
