"""Claims datasets: JSONL and CSV, one claim per row.

Columns: ``id`` (string, required, unique), ``text`` (required), optional
``source``, ``date`` (ISO 8601) and ``url``. Every bad row is reported as
``path:line: reason``; the good rows are kept.
"""

from __future__ import annotations

import codecs
import contextlib
import csv
import json
from typing import Any, Iterator

from ..records import Document, Problem
from .articles import encoding_problem
from .values import parse_date, parse_json, shown, text_problem

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
    elif not str(row_id).strip():
        reasons.append("'id' is blank")
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
    for name in ("id", "text", "source", "url", "date"):
        value = row.get(name)
        if isinstance(value, str) and (why := text_problem(value)):
            reasons.append(f"'{name}' {why}")
    date = None
    if row.get("date") not in (None, ""):
        date = parse_date(row["date"])
        if date is None:
            reasons.append(f"bad date {shown(row['date'])}; use ISO 8601 such as 2026-03-07")
    ignore = _suppressed(row, reasons)
    if reasons:
        return None, [Problem(path, line, "; ".join(dict.fromkeys(reasons)))]
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
        date_source="article" if date is not None else None,
        ignore=ignore,
    )
    return doc, []


def _suppressed(row: dict, reasons: list[str]) -> tuple[str, ...]:
    """The rules a row suppresses for its claims: ``"consistency": {"ignore": [...]}`` in JSONL, a
    ``consistency.ignore`` column (a comma list) in CSV. An unknown code is a bad row, never ignored."""
    raw = row.get("consistency")
    if raw is None and row.get("consistency.ignore") is not None:
        raw = {"ignore": str(row["consistency.ignore"]).split(",")}
    if raw is None:
        return ()
    tokens = raw.get("ignore") if isinstance(raw, dict) and set(raw) <= {"ignore"} else None
    if not isinstance(tokens, list) or not all(isinstance(t, str) for t in tokens):
        reasons.append("'consistency' must be {\"ignore\": [rule codes or groups]}")
        return ()
    from ..rules.base import names_a_rule

    tokens = [t.strip() for t in tokens if t.strip()]
    for token in tokens:
        if not names_a_rule(token):
            reasons.append(f"unknown rule or group {shown(token)} in consistency.ignore")
    return tuple(tokens)


def read_jsonl(data: bytes, *, path: str, key: str) -> tuple[list[Document], list[Problem]]:
    problem = encoding_problem(data, path)
    if problem is not None:
        return [], [problem]
    problems: list[Problem] = []
    return _documents(jsonl_rows(data, path, problems), path=path, key=key, problems=problems)


def jsonl_rows(data: bytes, path: str, problems: list[Problem]) -> Iterator[tuple[int, Any]]:
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
            yield number, parse_json(line)
        except json.JSONDecodeError as exc:
            problems.append(Problem(path, number, f"invalid JSON: {exc.msg} (column {exc.colno})"))
        except ValueError as exc:
            problems.append(Problem(path, number, f"unreadable JSON: {exc}"))


def read_csv(data: bytes, *, path: str, key: str) -> tuple[list[Document], list[Problem]]:
    problem = encoding_problem(data, path)
    if problem is not None:
        return [], [problem]
    problems: list[Problem] = []
    lines = _decoded_lines(data, path, problems)
    with _field_limit(len(data)):
        head = next((r for r in _records(lines, 0, None, path, problems) if any(v.strip() for v in r[1])), None)
        if head is None or (problems and problems[0].line <= head[0]):  # which line is the header?
            return [], problems[:1] or [Problem(path, None, "empty CSV file")]
        line, values, after = head
        names = [h.strip().lower() for h in values]
        missing = [c for c in REQUIRED if c not in names]
        if missing:
            return [], [Problem(path, line, f"header lacks required column(s) {', '.join(missing)}; "
                                            f"the header must name id and text")]
        twice = [c for c in (*REQUIRED, *OPTIONAL) if names.count(c) > 1]
        if twice:
            return [], [Problem(path, line, f"header names column(s) {', '.join(twice)} more than once; "
                                            "keep one of each")]
        rows = _csv_rows(_records(lines, after, len(names), path, problems), names, path, problems)
        return _documents(rows, path=path, key=key, problems=problems)


def _decoded_lines(data: bytes, path: str, problems: list[Problem]) -> list[str]:
    """The file's lines (ends kept), each decoded on its own: a line that is not UTF-8 is a problem
    and is read as an empty line, so one bad byte costs one row, not the file."""
    if data.startswith(codecs.BOM_UTF8):
        data = data[len(codecs.BOM_UTF8):]
    lines = []
    for number, raw in enumerate(data.splitlines(keepends=True), start=1):
        try:
            lines.append(raw.decode("utf-8"))
        except UnicodeDecodeError:
            problems.append(Problem(path, number, "not UTF-8 text; re-save the file as UTF-8"))
            lines.append("\n")
    return lines


def _csv_rows(records: Iterator[tuple[int, list[str], int]], names: list[str], path: str,
              problems: list[Problem]) -> Iterator[tuple[int, dict]]:
    for line, values, _ in records:
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


#: What the csv module's errors mean for the person fixing the file.
_CSV_ERRORS = {
    "unexpected end of data": 'a quoted field never ends (a " without its closing ")',
    "',' expected after '\"'": 'text follows a closing quote; write a " inside a quoted field as ""',
}


def _records(lines: list[str], first: int, width: int | None, path: str,
             problems: list[Problem]) -> Iterator[tuple[int, list[str], int]]:
    """``(line, values, next)`` for each CSV record from ``lines[first]`` on: the line it starts on
    (a quoted field may span lines), its fields, and the index of the line after it.

    A stray quote makes a record swallow the lines after it. So a malformed record (a quote
    that never closes, text after a closing quote), and a record over several lines that does
    not have ``width`` fields, is reported at the line it starts on, and reading resumes on
    the next line: the lines it swallowed are read as rows of their own.
    """
    resume = first
    while resume < len(lines):
        reader = csv.reader((lines[i] for i in range(resume, len(lines))), strict=True)
        start = resume
        try:
            for values in reader:
                after = resume + reader.line_num
                if width is not None and after - start > 1 and len(values) != width:
                    problems.append(Problem(path, start + 1, f"bad CSV record: expected {width} fields, found "
                                                             f"{len(values)} in a record over lines {start + 1}-"
                                                             f"{after}; its lines were read again as rows"))
                    resume = start + 1
                    break
                yield start + 1, values, after
                start = after
            else:
                return
        except csv.Error as exc:
            reason = _CSV_ERRORS.get(str(exc), str(exc))
            problems.append(Problem(path, start + 1, f"bad CSV record: {reason}; the row was skipped"))
            resume = start + 1


@contextlib.contextmanager
def _field_limit(size: int) -> Iterator[None]:
    """Let a field be as long as the file (the csv module stops at 131,072 characters)."""
    before = csv.field_size_limit()
    csv.field_size_limit(max(before, size + 1))
    try:
        yield
    finally:
        csv.field_size_limit(before)
