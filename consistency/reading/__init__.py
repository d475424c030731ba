"""Read stage: paths (files or folders) -> `Document` records and input problems.

Articles: ``.txt``, ``.md``, ``.html``/``.htm``. Datasets: ``.jsonl``, ``.csv``
with one claim per row (DESIGN section 3). A bad row, an unreadable file or
folder, a file that is not a regular file (a FIFO, a device) or is larger than
its limit is recorded as a `Problem` (``path:line: reason``) and never stops the
other rows or files from being read. A path that does not exist is an `InputError`.
"""

from __future__ import annotations

import os
import stat
from dataclasses import dataclass
from pathlib import Path

from ..errors import InputError
from ..records import Document, Problem
from .articles import read_html, read_text_article
from .datasets import read_csv, read_jsonl
from .values import display_path

ARTICLE_SUFFIXES = {".txt": read_text_article, ".md": read_text_article, ".markdown": read_text_article,
                    ".html": read_html, ".htm": read_html}
DATASET_SUFFIXES = {".jsonl": read_jsonl, ".ndjson": read_jsonl, ".csv": read_csv}
READERS = {**ARTICLE_SUFFIXES, **DATASET_SUFFIXES}

#: The largest article file read (16 MiB: a long book is a few MiB); a larger one is skipped.
MAX_ARTICLE_BYTES = 16 * 2**20
#: The largest claims dataset read (512 MiB); split a larger one into several files.
MAX_DATASET_BYTES = 512 * 2**20


@dataclass(frozen=True, slots=True)
class ReadResult:
    documents: tuple[Document, ...]
    problems: tuple[Problem, ...]
    files: tuple[str, ...]


def discover(paths: list[str] | tuple[str, ...],
             problems: list[Problem] | None = None) -> list[tuple[Path, str]]:
    """Expand paths into ``(file, key)`` pairs, sorted, with each file's stable key.

    A file's key is its path relative to the folder argument it was found under
    (its name when given directly), so keys do not depend on the working folder.
    Hidden files and folders are skipped, symbolic links to folders are not
    followed. A sub-folder that cannot be listed, and a file whose name is not
    UTF-8, are added to ``problems`` (when given) instead of being skipped silently.
    """
    problems = [] if problems is None else problems
    found: list[tuple[Path, str]] = []
    for raw in paths:
        path = Path(raw)
        if not path.exists():
            raise InputError(f"no such file or folder: {display_path(raw)}", hint="check the path")
        if path.is_dir():
            for file in _walk(path, problems):
                if file.suffix.lower() in READERS:
                    found.append((file, file.relative_to(path).as_posix()))
        else:
            if path.suffix.lower() not in READERS:
                raise InputError(
                    f"{display_path(raw)}: unsupported file type {path.suffix or '(none)'}",
                    hint=f"use one of {', '.join(sorted(READERS))}",
                )
            found.append((path, path.name))
    seen: set[Path] = set()
    unique = []
    for file, key in found:
        if display_path(str(file)) != str(file):
            problems.append(Problem(display_path(str(file)), None, "file name is not UTF-8; rename the file"))
            continue
        resolved = file.resolve()
        if resolved not in seen:
            seen.add(resolved)
            unique.append((file, key))
    return unique


def _walk(folder: Path, problems: list[Problem]) -> list[Path]:
    """Every non-hidden entry under ``folder`` that is not a folder, sorted; unlistable folders are problems."""
    def unlistable(exc: OSError) -> None:
        problems.append(Problem(display_path(str(exc.filename or folder)), None,
                                f"cannot read folder: {exc.strerror or exc}; its files were skipped"))

    files = []
    for parent, dirs, names in os.walk(folder, onerror=unlistable):
        dirs[:] = [d for d in dirs if not d.startswith(".")]
        files.extend(Path(parent, name) for name in names if not name.startswith("."))
    return sorted(files)


def read_bytes(file: Path, limit: int | None = None) -> tuple[bytes | None, Problem | None]:
    """The content of ``file``, or the problem that kept it from being read.

    Only regular files are read (a FIFO would block, ``/dev/zero`` never ends), and
    at most ``limit`` bytes (by default by kind: `MAX_ARTICLE_BYTES`, `MAX_DATASET_BYTES`).
    The file is opened without blocking and checked on the open descriptor, so a file
    swapped for a FIFO after the check cannot block either.
    """
    where = display_path(str(file))
    if limit is None:
        limit = MAX_DATASET_BYTES if file.suffix.lower() in DATASET_SUFFIXES else MAX_ARTICLE_BYTES
    try:
        fd = os.open(file, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0))
    except OSError as exc:
        return None, Problem(where, None, f"cannot read file: {exc.strerror or exc}")
    try:
        info = os.fstat(fd)
        if not stat.S_ISREG(info.st_mode):
            return None, Problem(where, None, f"not a regular file ({_kind(info.st_mode)}); give a file or a folder")
        data = b""
        if info.st_size <= limit:
            with os.fdopen(fd, "rb", closefd=False) as handle:
                data = handle.read(limit + 1)  # bounded: a file may grow, or lie about its size
    except OSError as exc:
        return None, Problem(where, None, f"cannot read file: {exc.strerror or exc}")
    finally:
        os.close(fd)
    if info.st_size > limit or len(data) > limit:
        kind = {MAX_DATASET_BYTES: " for a dataset", MAX_ARTICLE_BYTES: " for an article"}.get(limit, "")
        return None, Problem(where, None, f"file is larger than {limit // 2**20} MiB, the limit{kind}; "
                                          "split it into smaller files")
    return data, None


def _kind(mode: int) -> str:
    for test, name in ((stat.S_ISFIFO, "a FIFO"), (stat.S_ISCHR, "a character device"),
                       (stat.S_ISBLK, "a block device"), (stat.S_ISSOCK, "a socket"), (stat.S_ISDIR, "a folder")):
        if test(mode):
            return name
    return "not a file"


def read_paths(paths: list[str] | tuple[str, ...]) -> ReadResult:
    """Read every supported file under ``paths``."""
    documents: list[Document] = []
    problems: list[Problem] = []
    files = discover(paths, problems)
    for file, key in files:
        reader = READERS[file.suffix.lower()]
        data, problem = read_bytes(file)
        if problem is not None:
            problems.append(problem)
            continue
        docs, probs = reader(data, path=str(file), key=key)
        documents.extend(docs)
        problems.extend(probs)
    check_unique_row_ids(documents, problems)
    order = {str(f): n for n, (f, _) in enumerate(files)}
    problems.sort(key=lambda p: (order.get(p.path, len(order)), p.line or 0))  # file order, then line
    return ReadResult(tuple(documents), tuple(problems), tuple(str(f) for f, _ in files))


def check_unique_row_ids(documents: list[Document], problems: list[Problem]) -> None:
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
