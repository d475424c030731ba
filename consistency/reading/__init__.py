"""Read stage: paths (files or folders) -> `Document` records and input problems.

Articles: ``.txt``, ``.md``, ``.html``/``.htm``. Datasets: ``.jsonl``, ``.csv``
with one claim per row (DESIGN section 3). A bad row or an unreadable file is
recorded as a `Problem` (``path:line: reason``) and never stops the other rows
or files from being read. A path that does not exist is an `InputError`.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from ..errors import InputError
from ..records import Document, Problem
from .articles import read_html, read_text_article
from .datasets import read_csv, read_jsonl

ARTICLE_SUFFIXES = {".txt": read_text_article, ".md": read_text_article, ".markdown": read_text_article,
                    ".html": read_html, ".htm": read_html}
DATASET_SUFFIXES = {".jsonl": read_jsonl, ".ndjson": read_jsonl, ".csv": read_csv}
READERS = {**ARTICLE_SUFFIXES, **DATASET_SUFFIXES}


@dataclass(frozen=True, slots=True)
class ReadResult:
    documents: tuple[Document, ...]
    problems: tuple[Problem, ...]
    files: tuple[str, ...]


def discover(paths: list[str] | tuple[str, ...]) -> list[tuple[Path, str]]:
    """Expand paths into ``(file, key)`` pairs, sorted, with each file's stable key.

    A file's key is its path relative to the folder argument it was found under
    (its name when given directly), so keys do not depend on the working folder.
    """
    found: list[tuple[Path, str]] = []
    for raw in paths:
        path = Path(raw)
        if not path.exists():
            raise InputError(f"no such file or folder: {raw}", hint="check the path")
        if path.is_dir():
            for file in sorted(p for p in path.rglob("*") if p.is_file()):
                rel = file.relative_to(path)
                if any(part.startswith(".") for part in rel.parts):
                    continue
                if file.suffix.lower() in READERS:
                    found.append((file, rel.as_posix()))
        else:
            if path.suffix.lower() not in READERS:
                raise InputError(
                    f"{raw}: unsupported file type {path.suffix or '(none)'}",
                    hint=f"use one of {', '.join(sorted(READERS))}",
                )
            found.append((path, path.name))
    seen: set[Path] = set()
    unique = []
    for file, key in found:
        resolved = file.resolve()
        if resolved not in seen:
            seen.add(resolved)
            unique.append((file, key))
    return unique


def read_paths(paths: list[str] | tuple[str, ...]) -> ReadResult:
    """Read every supported file under ``paths``."""
    documents: list[Document] = []
    problems: list[Problem] = []
    files = discover(paths)
    for file, key in files:
        reader = READERS[file.suffix.lower()]
        try:
            data = file.read_bytes()
        except OSError as exc:
            problems.append(Problem(str(file), None, f"cannot read file: {exc.strerror or exc}"))
            continue
        docs, probs = reader(data, path=str(file), key=key)
        documents.extend(docs)
        problems.extend(probs)
    _check_unique_row_ids(documents, problems)
    order = {str(f): n for n, (f, _) in enumerate(files)}
    problems.sort(key=lambda p: (order.get(p.path, len(order)), p.line or 0))  # file order, then line
    return ReadResult(tuple(documents), tuple(problems), tuple(str(f) for f, _ in files))


def _check_unique_row_ids(documents: list[Document], problems: list[Problem]) -> None:
    """Row ids are unique across all datasets read together; later duplicates are bad rows."""
    first: dict[str, Document] = {}
    keep = []
    for doc in documents:
        if doc.row_id is None:
            keep.append(doc)
            continue
        if doc.row_id in first:
            other = first[doc.row_id]
            problems.append(Problem(doc.path, doc.line,
                                    f"duplicate id {doc.row_id!r} (first at {other.path}:{other.line})"))
            continue
        first[doc.row_id] = doc
        keep.append(doc)
    documents[:] = keep
