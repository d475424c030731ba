"""Claims datasets: JSONL and CSV, one claim per row.

Columns: ``id`` (string, required, unique), ``text`` (required), optional
``source``, ``date`` (ISO 8601) and ``url``. Every bad row is reported as
``path:line: reason``; the good rows are kept.
"""

from __future__ import annotations

import csv
import io
import json
from typing import Any, Iterator

from ..records import Document, Problem
from .articles import decode
from .values import parse_date

REQUIRED = ("id", "text")
OPTIONAL = ("source", "date", "url")


def row_document(row: Any, *, path: str, key: str, line: int) -> tuple[Document | None, list[Problem]]:
    """Validate one row; return its document, or None and every reason it is bad."""
    if not isinstance(row, dict):
        return None, [Problem(path, line, "row must be a JSON object with 'id' and 'text'")]
    reasons: list[str] = []
    row_id = row.get("id")
    if row_id is None or row_id == "":
        reasons.append("missing required field 'id'")
    elif isinstance(row_id, bool) or not isinstance(row_id, (str, int)):
        reasons.append(f"'id' must be a string, got {type(row_id).__name__}")
    text = row.get("text")
    if text is None:
        reasons.append("missing required field 'text'")
    elif not isinstance(text, str):
        reasons.append(f"'text' must be a string, got {type(text).__name__}")
    elif not text.strip():
        reasons.append("'text' is empty")
    for name in ("source", "url"):
        if row.get(name) is not None and not isinstance(row.get(name), str):
            reasons.append(f"'{name}' must be a string")
    date = None
    if row.get("date") not in (None, ""):
        date = parse_date(row["date"])
        if date is None:
            reasons.append(f"bad date {row['date']!r}; use ISO 8601 such as 2026-03-07")
    if reasons:
        return None, [Problem(path, line, "; ".join(reasons))]
    row_id = str(row_id).strip()
    doc = Document(
        key=f"{key}#{row_id}",
        path=path,
        text=text,
        line=line,
        row_id=row_id,
        source=(row.get("source") or None),
        date=date,
        url=(row.get("url") or None),
        text_line=line,
    )
    return doc, []


def read_jsonl(data: bytes, *, path: str, key: str) -> tuple[list[Document], list[Problem]]:
    problems: list[Problem] = []
    return _documents(_jsonl_rows(data, path, problems), path=path, key=key, problems=problems)


def _jsonl_rows(data: bytes, path: str, problems: list[Problem]) -> Iterator[tuple[int, Any]]:
    for number, raw in enumerate(data.split(b"\n"), start=1):
        if number == 1 and raw.startswith(b"\xef\xbb\xbf"):
            raw = raw[3:]
        if not raw.strip():
            continue
        try:
            line = raw.decode("utf-8")
        except UnicodeDecodeError:
            problems.append(Problem(path, number, "not UTF-8 text; re-save the file as UTF-8"))
            continue
        try:
            yield number, json.loads(line)
        except json.JSONDecodeError as exc:
            problems.append(Problem(path, number, f"invalid JSON: {exc.msg} (column {exc.colno})"))


def read_csv(data: bytes, *, path: str, key: str) -> tuple[list[Document], list[Problem]]:
    text, problem = decode(data, path)
    if text is None:
        return [], [problem]
    reader = csv.reader(io.StringIO(text, newline=""))
    try:
        header = next(reader)
    except StopIteration:
        return [], [Problem(path, None, "empty CSV file")]
    except csv.Error as exc:
        return [], [Problem(path, 1, f"bad CSV header: {exc}")]
    names = [h.strip().lower() for h in header]
    missing = [c for c in REQUIRED if c not in names]
    if missing:
        return [], [Problem(path, 1, f"header lacks required column(s) {', '.join(missing)}; "
                                     f"the header must name id and text")]
    problems: list[Problem] = []
    return _documents(_csv_rows(reader, names, path, problems), path=path, key=key, problems=problems)


def _csv_rows(reader: Any, names: list[str], path: str, problems: list[Problem]) -> Iterator[tuple[int, dict]]:
    for line, values in _records(reader, path, problems):
        if not any(v.strip() for v in values):
            continue
        if len(values) != len(names):
            problems.append(Problem(path, line, f"expected {len(names)} fields, found {len(values)}"))
            continue
        yield line, {n: (v if v != "" else None) for n, v in zip(names, values)}


def _documents(rows: Iterator[tuple[int, Any]], *, path: str, key: str,
               problems: list[Problem]) -> tuple[list[Document], list[Problem]]:
    """Validate every row; keep the good ones, collect every bad one."""
    docs: list[Document] = []
    for line, row in rows:
        doc, probs = row_document(row, path=path, key=key, line=line)
        problems.extend(probs)
        if doc is not None:
            docs.append(doc)
    if not docs and not problems:
        problems.append(Problem(path, None, "no rows"))
    return docs, problems


def _records(reader: Any, path: str, problems: list[Problem]) -> Iterator[tuple[int, list[str]]]:
    """CSV records with the line each starts on (a quoted field may span lines)."""
    start = reader.line_num + 1
    while True:
        try:
            values = next(reader)
        except StopIteration:
            return
        except csv.Error as exc:
            problems.append(Problem(path, start, f"bad CSV record: {exc}"))
            return
        yield start, values
        start = reader.line_num + 1
