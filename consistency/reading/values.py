"""Small value parsers shared by the readers."""

from __future__ import annotations

import datetime as dt
import json
import sys
from typing import Any


def parse_date(value: object) -> dt.date | None:
    """An ISO 8601 date or date-time (``2026-03-07``, ``2026-03-07T10:00:00Z``), else None."""
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    if not isinstance(value, str):
        return None
    text = value.strip()
    try:
        return dt.date.fromisoformat(text)
    except ValueError:
        pass
    try:
        return dt.datetime.fromisoformat(text).date()
    except ValueError:
        return None


def display_path(path: str) -> str:
    """``path`` as text: bytes of a file name that are not UTF-8 (which Python keeps as lone
    surrogates) shown as ``\\xff`` escapes, so the name can be printed and written to a report."""
    if text_problem(path) is None:
        return path
    try:
        return path.encode("utf-8", "surrogateescape").decode("utf-8", "backslashreplace")
    except UnicodeEncodeError:
        return path.encode("utf-8", "backslashreplace").decode("utf-8")


def text_problem(value: str) -> str | None:
    """Why ``value`` is not valid Unicode text (a lone surrogate such as ``"\\udfff"``, which a
    JSON or YAML escape can produce and no encoder can write), or None when it is fine."""
    try:
        value.encode("utf-8")
        return None
    except UnicodeEncodeError as exc:
        return f"holds a lone surrogate \\u{ord(value[exc.start]):04x}, which is not text; fix the escape"


def parse_json(text: str) -> Any:
    """``json.loads``, where every failure is a `ValueError` saying what is wrong: a
    `json.JSONDecodeError` for bad syntax, and a plain `ValueError` for nesting deeper
    than the parser can follow or an integer longer than Python reads from text
    (4,300 digits by default), which ``json.loads`` raises as other exceptions."""
    try:
        return json.loads(text)
    except json.JSONDecodeError:
        raise
    except RecursionError:
        raise ValueError("JSON nested too deeply") from None
    except ValueError:
        raise ValueError(f"a number has more than {sys.get_int_max_str_digits()} digits") from None


def shown(value: object, limit: int = 60) -> str:
    """``repr(value)`` cut to about ``limit`` characters, for messages that quote input."""
    text = repr(value)
    return text if len(text) <= limit else text[:limit - 1] + "…"
