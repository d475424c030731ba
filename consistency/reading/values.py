"""Small value parsers shared by the readers."""

from __future__ import annotations

import datetime as dt


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
