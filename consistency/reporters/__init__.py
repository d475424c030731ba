"""Reporters: one module per output format, behind one small interface.

A reporter module defines ``render(report, out, options)``. Formats are looked up
by name here; commands never branch on the format.
"""

from __future__ import annotations

import importlib
from collections.abc import Callable
from typing import TextIO

from ..errors import UsageError
from ..records import Report
from .base import ReportOptions

#: name -> module with ``render``; the order is the order of the help text.
FORMATS: dict[str, str] = {
    "text": "consistency.reporters.text",
    "json": "consistency.reporters.json_report",
    "jsonl": "consistency.reporters.jsonl",
    "sarif": "consistency.reporters.sarif",
    "markdown": "consistency.reporters.markdown",
    "github": "consistency.reporters.github",
    "html": "consistency.reporters.html",
}

Renderer = Callable[[Report, TextIO, ReportOptions], None]


def get_renderer(name: str) -> Renderer:
    module = FORMATS.get(name)
    if module is None:
        raise UsageError(f"unknown format {name!r}", hint=f"use one of {', '.join(FORMATS)}")
    return importlib.import_module(module).render


__all__ = ["FORMATS", "ReportOptions", "get_renderer"]
