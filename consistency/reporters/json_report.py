"""``--format json``: one JSON object, the contract of DESIGN section 3."""

from __future__ import annotations

from typing import TextIO

from ..records import Report
from .base import ReportOptions, indented_json, report_dict


def render(report: Report, out: TextIO, options: ReportOptions) -> None:
    out.write(indented_json(report_dict(report)) + "\n")
