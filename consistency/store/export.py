"""Exports of a store's review work: the decision log (JSONL, CSV) and a baseline.

The same bytes from `consistency review export` and from the review page.
CSV cells that a spreadsheet would run as a formula (``=``, ``+``, ``-``, ``@``,
tab, carriage return first) are prefixed with ``'``.
"""

from __future__ import annotations

import csv
import io
import json

from .. import baseline
from ..records import Decision
from . import Store

FIELDS = ("id", "fingerprint", "decision", "by", "at", "note")
_FORMULA = ("=", "+", "-", "@", "\t", "\r")


def decisions_jsonl(entries: list[Decision]) -> str:
    return "".join(json.dumps({k: getattr(e, k) for k in FIELDS}, ensure_ascii=False) + "\n" for e in entries)


def decisions_csv(entries: list[Decision]) -> str:
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(FIELDS)
    for e in entries:
        writer.writerow([_cell(str(getattr(e, k))) for k in FIELDS])
    return out.getvalue()


def _cell(value: str) -> str:
    return "'" + value if value.startswith(_FORMULA) else value


def store_baseline(store: Store) -> str:
    """A baseline file (`consistency.baseline`) of the store's open findings, with each one's
    decision and note from the review log."""
    with store.snapshot():
        findings = store.findings.open()
        latest = store.decisions.latest()
    return baseline.dumps(baseline.build(findings, None, latest).baseline)


EXPORTS = {"jsonl": decisions_jsonl, "csv": decisions_csv}
