"""pandas in and out, for data teams (pandas is optional: ``pip install pandas``).

`claim_documents` turns a DataFrame's rows into documents exactly as the dataset reader turns a
JSONL or CSV file's rows (the same validation, the same problems, ids unique); `findings_frame`
is a report's findings as a DataFrame, one row per finding with both claims side by side.
"""

from __future__ import annotations

from typing import Any

from .errors import UsageError
from .reading import check_unique_row_ids
from .reading.datasets import row_document
from .records import Document, Problem, Report
from .reporters.base import finding_dict

#: The path shown for rows of a DataFrame (``<frame>:3`` is its third row).
FRAME_PATH = "<frame>"


def pandas() -> Any:
    try:
        import pandas
    except ImportError:
        raise UsageError("pandas is not installed", hint="pip install pandas") from None
    return pandas


def claim_documents(frame: Any, columns: dict[str, str]) -> tuple[list[Document], list[Problem]]:
    """The rows of ``frame`` as documents; ``columns`` maps our field names (id, text, source,
    date, url) to the frame's column names. A row's line is its position, from 1."""
    if not isinstance(frame, pandas().DataFrame):
        raise UsageError(f"check_frame takes a pandas DataFrame, got {type(frame).__name__}",
                         hint="use api.check for files and folders")
    missing = [ours for ours in ("id", "text") if columns[ours] not in frame.columns]
    if missing:
        raise UsageError(f"the DataFrame has no column {columns[missing[0]]!r} for {missing[0]}",
                         hint=f"name it with {missing[0]}=COLUMN")
    used = {ours: theirs for ours, theirs in columns.items() if theirs in frame.columns}
    docs: list[Document] = []
    problems: list[Problem] = []
    for line, values in enumerate(frame[list(used.values())].itertuples(index=False, name=None), start=1):
        row = {ours: _plain(value) for ours, value in zip(used, values)}
        doc, bad = row_document(row, path=FRAME_PATH, key="frame", line=line)
        problems.extend(bad)
        if doc is not None:
            docs.append(doc)
    check_unique_row_ids(docs, problems)
    problems.sort(key=lambda p: p.line or 0)
    return docs, problems


def _plain(value: Any) -> Any:
    """A cell as the reader expects it: missing values (NaN, None, NaT) are absent; numpy integers
    are ints; timestamps are ISO dates."""
    pd = pandas()
    if value is None or (not isinstance(value, (list, dict)) and pd.isna(value)):
        return None
    if hasattr(value, "isoformat"):
        return value.isoformat()[:10]
    if hasattr(value, "item") and not isinstance(value, (str, bytes)):
        return value.item()
    return value


def findings_frame(report: Report) -> Any:
    """One row per finding (conflicts and updates): its id, rule, name, severity, kind, status,
    similarity, group and explanation, and each claim's id, text, source, path, line, date and url
    (``a_`` and ``b_`` columns), and the review decision when there is one."""
    pd = pandas()
    rows = []
    for f in report.findings:
        data = finding_dict(f)
        row = {k: data.get(k) for k in ("id", "rule", "name", "severity", "kind", "status", "similarity",
                                         "group", "explanation")}
        for side, claim in zip("ab", data["claims"]):
            for key in ("id", "text", "source", "path", "line", "date", "url"):
                row[f"{side}_{key}"] = claim.get(key)
        row["decision"] = (data.get("review") or {}).get("decision")
        rows.append(row)
    columns = ["id", "rule", "name", "severity", "kind", "status", "similarity", "group", "explanation",
               *(f"{side}_{key}" for side in "ab" for key in ("id", "text", "source", "path", "line", "date", "url")),
               "decision"]
    return pd.DataFrame(rows, columns=columns)
