"""``--format json``: one JSON object, the contract of DESIGN section 3."""

from __future__ import annotations

import json
from typing import TextIO

from ..records import Report
from .base import ReportOptions, report_dict


def render(report: Report, out: TextIO, options: ReportOptions) -> None:
    json.dump(report_dict(report), out, indent=2, ensure_ascii=False)
    out.write("\n")
