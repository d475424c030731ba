"""Extract stage: documents -> claims, each with its quantity frames, dates and speaker.

A dataset row whose text is one sentence is one claim and keeps the row id. An
article (a file, or a dataset row longer than a sentence) is split into
sentences once (`consistency.sentences.read_text`); its claim-like sentences
become claims whose ids are stable: the document key and a hash of the
normalised sentence, so re-ingesting, reordering or editing other sentences
leaves a claim's id unchanged. Page furniture is dropped with its reason
(`read_document` returns the drops; `consistency extract --explain-drops`
shows them).
"""

from __future__ import annotations

import hashlib
import re
from collections import Counter
from dataclasses import dataclass
from typing import Callable, Iterable

from . import copies
from .quantities import extract_dates, extract_quantities
from .quantities.people import name_people
from .records import Claim, Document, Drop, Fold
from .sentences import read_text

_NAME = r"[A-Z][\w.'’-]*(?:\s+(?:al-|bin\s+|de\s+|van\s+|von\s+)?[A-Z][\w.'’-]*){0,3}"
_TITLE = r"(?:(?:[A-Z][a-z]+\s+){0,3}(?:spokes(?:wo)?man|spokesperson|minister|president|secretary|official|analyst|ambassador|chief|director|adviser|advisor)\s+)?"
_VERB = r"(?:said|says|told|stated|added|noted|claimed|warned|announced|wrote|confirmed|insisted|argued|estimated|reported)"
SPEAKER_PATTERNS = (
    re.compile(rf"\baccording\s+to\s+(?:the\s+)?(?P<s>{_NAME})"),
    re.compile(rf"(?:^|[,“”\"]\s*|\b(?:and|but)\s+){_TITLE}(?P<s>{_NAME})\s+{_VERB}\b"),
    re.compile(rf"\b{_VERB}\s+(?:the\s+)?(?P<s>{_NAME})(?:\s*[,.]|$)"),
)
NOT_SPEAKERS = {"The", "It", "He", "She", "They", "We", "I", "This", "That", "There", "But", "And", "In", "On",
                "As", "A", "An", "Officials", "Reports", "Media", "Analysts", "Sources"}


def document_claims(doc: Document) -> list[Claim]:
    """The claims of one document, in text order."""
    return read_document(doc)[0]


def read_document(doc: Document) -> tuple[list[Claim], tuple[Drop, ...]]:
    """The claims of one document in text order, and what was dropped as page furniture (the
    reader's drops first, then the text's, in text order)."""
    reading = read_text(doc.text)
    if doc.row_id is not None and reading.single:
        text = doc.text.strip()
        return [_claim(doc, doc.row_id, text, start=doc.text.find(text), line=doc.line)], doc.dropped
    claims = []
    seen: Counter[str] = Counter()
    for sentence in reading.claims:
        base = f"{doc.row_id or doc.key}:{text_hash(sentence.text)[:10]}"
        seen[base] += 1
        claim_id = base if seen[base] == 1 else f"{base}-{seen[base]}"
        claims.append(_claim(doc, claim_id, sentence.text, start=sentence.start,
                             line=_line_of(doc, sentence.start),
                             column=sentence.start - doc.text.rfind("\n", 0, sentence.start)
                             if doc.row_id is None and doc.text_line else None))
    claims = name_people(claims, doc.text)  # "35-year-old Doe": the Doe the article names in full
    if not claims and doc.row_id is not None and not copies.is_article(doc):
        # A dataset row is a claim its curator wrote down: when splitting leaves nothing claim-like
        # (one sentence broken over lines, a short row), the row is kept whole, never dropped.
        text = doc.text.strip()
        return [_claim(doc, doc.row_id, text, start=doc.text.find(text), line=doc.line)], doc.dropped
    return claims, doc.dropped + reading.dropped


@dataclass(frozen=True, slots=True)
class Extraction:
    """The claims of some documents, with near-duplicate documents folded into one
    (`consistency.copies`), and what was dropped from each document and why."""

    claims: tuple[Claim, ...]
    #: (document, drop) in document order; a folded document has one drop, reason ``copy``.
    dropped: tuple[tuple[Document, Drop], ...]
    folded: tuple[Fold, ...]


def extract(documents: Iterable[Document], progress: Callable[[int, int], None] | None = None) -> Extraction:
    """Claims of every document; a copy of another document gives none (it is folded into it).
    ``progress(done, total)`` is told after each document."""
    docs = list(documents)
    read = []
    for doc in docs:
        read.append(read_document(doc))
        if progress is not None:
            progress(len(read), len(docs))
    copy_of, folds = copies.fold(docs, [" ".join(c.text for c in claims) for claims, _ in read])
    into = {d.key: f.kept for f in folds for d in f.folded}
    claims: list[Claim] = []
    dropped: list[tuple[Document, Drop]] = []
    for n, (doc, (doc_claims, doc_drops)) in enumerate(zip(docs, read)):
        if n in copy_of:
            kept = into[doc.key]
            dropped.append((doc, Drop("copy", f"a copy of {kept.row_id or kept.key}")))
            continue
        claims.extend(doc_claims)
        dropped.extend((doc, d) for d in doc_drops)
    return Extraction(tuple(claims), tuple(dropped), tuple(folds))


def extract_claims(documents: Iterable[Document], progress: Callable[[int, int], None] | None = None) -> list[Claim]:
    """The claims of ``documents`` (copies folded; see `extract`)."""
    return list(extract(documents, progress).claims)


def _claim(doc: Document, claim_id: str, text: str, *, start: int, line: int | None,
           column: int | None = None) -> Claim:
    return Claim(
        id=claim_id,
        text=text,
        doc_key=doc.key,
        path=doc.path,
        line=line,
        start=start,
        end=start + len(text),
        source=doc.source,
        date=doc.date,
        date_source=doc.date_source,
        ignore=doc.ignore,
        column=column,
        url=doc.url,
        row_id=doc.row_id,
        speaker=find_speaker(text),
        quantities=extract_quantities(text, doc_date=doc.date),
        dates=extract_dates(text, doc_date=doc.date),
    )


def _line_of(doc: Document, offset: int) -> int | None:
    if not doc.text_line:
        return None
    return doc.text_line + doc.text.count("\n", 0, offset)


def normalize_text(text: str) -> str:
    """Lower case, curly quotes and dashes folded, whitespace collapsed."""
    text = text.lower().translate(_FOLD)
    return " ".join(text.split())


_FOLD = str.maketrans({"’": "'", "‘": "'", "“": '"', "”": '"', "–": "-", "—": "-", "\u00a0": " "})


def text_hash(text: str) -> str:
    return hashlib.sha256(normalize_text(text).encode("utf-8")).hexdigest()


def find_speaker(text: str) -> str | None:
    """The speaker of "X said" / "X told" / "according to X", when named."""
    for pattern in SPEAKER_PATTERNS:
        for match in pattern.finditer(text):
            name = match.group("s").strip(" ,.")
            if name.split()[0] in NOT_SPEAKERS:
                continue
            return name
    return None
