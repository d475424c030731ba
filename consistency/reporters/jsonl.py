"""``--format jsonl``: one finding per line, for ``jq``, ``grep`` and streaming tools.

Each line is the same object as an entry of the JSON report's ``conflicts`` or
``updates`` (its ``kind`` says which), in report order, every status included.
Input problems are not findings: they go to stderr, and to the JSON report.
Characters that some line splitters treat as line breaks (U+0085, U+2028,
U+2029) are written as JSON escapes, so a line is always one finding.
"""

from __future__ import annotations

import json
from typing import TextIO

from ..records import Report
from .base import ReportOptions, finding_dict


def render(report: Report, out: TextIO, options: ReportOptions) -> None:
    for finding in report.findings:
        out.write(json_line(finding_dict(finding)))


def json_line(value: object) -> str:
    """``value`` as one line of JSON Lines, newline included; also used by `extract` and `compare`."""
    return json.dumps(value, ensure_ascii=False).translate(_LINE_BREAKS) + "\n"


_LINE_BREAKS = str.maketrans({"\x85": "\\u0085", "\u2028": "\\u2028", "\u2029": "\\u2029"})
