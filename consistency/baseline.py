"""A baseline for CI: the findings a team has accepted, in a small JSON file.

::

    {
      "version": 1,
      "findings": [
        {
          "id": "41fb87b1ae51c2db14f0",
          "rule": "DIR001",
          "explanation": "exports: rose vs fell (same period)",
          "claims": ["capital-dispatch.html:377f6a4cbe", "gulf-observer.txt:9c1d2e3f4a"],
          "decision": "open"
        }
      ]
    }

Entries are sorted by ``id`` (the finding's fingerprint, which ignores
positions), keys are always in the same order, and there are no timestamps or
line numbers, so the file diffs cleanly in review. ``rule``, ``explanation`` and ``claims`` are
for humans (a pull-request reviewer sees what is being accepted); ``decision`` is ``open`` (accepted, not reviewed) or a review
decision (``confirmed``, ``dismissed``, ``resolved``) with an optional ``note``,
which people may edit by hand. `consistency check --baseline FILE` marks every
finding in the file ``baselined`` and fails only on the others.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Mapping, Sequence

from .errors import BaselineError
from .reading import read_bytes
from .reading.values import parse_json, text_problem
from .records import Finding, Status
from .triage import DECISIONS, Decision, statuses

BASELINE_VERSION = 1
#: The largest baseline file read (a finding takes about 200 bytes).
MAX_BASELINE_BYTES = 64 * 2**20
_ID = re.compile(r"^[0-9a-f]{8,64}$")


@dataclass(frozen=True, slots=True)
class Entry:
    id: str
    rule: str
    claims: tuple[str, ...]
    decision: str = "open"
    note: str = ""
    #: what was found, so a pull-request reviewer sees what is being accepted
    explanation: str = ""

    def to_dict(self) -> dict:
        out: dict[str, Any] = {"id": self.id, "rule": self.rule}
        if self.explanation:
            out["explanation"] = self.explanation
        out.update({"claims": list(self.claims), "decision": self.decision})
        if self.note:
            out["note"] = self.note
        return out


@dataclass(frozen=True, slots=True)
class Baseline:
    entries: tuple[Entry, ...] = ()

    def fingerprints(self) -> set[str]:
        return {e.id for e in self.entries}

    def statuses(self) -> dict[str, Status]:
        return statuses(baselined=self.fingerprints())


@dataclass(frozen=True, slots=True)
class Update:
    """A rebuilt baseline and what changed: entries kept, added and trimmed."""

    baseline: Baseline
    kept: int
    added: int
    removed: int


def build(findings: Sequence[Finding], previous: Baseline | None = None,
          decisions: Mapping[str, Decision] | None = None) -> Update:
    """The baseline of ``findings``; entries of ``previous`` keep their decision and note,
    and those no longer found (their claims are gone, or a value changed) are trimmed."""
    old = {e.id: e for e in (previous.entries if previous else ())}
    entries: dict[str, Entry] = {}
    for f in findings:
        before = old.get(f.fingerprint)
        decided = (decisions or {}).get(f.fingerprint)
        if before is not None:
            decision, note = before.decision, before.note
        elif decided is not None:
            decision, note = decided.decision, decided.note
        else:
            decision, note = "open", ""
        entries[f.fingerprint] = Entry(f.fingerprint, f.rule, tuple(sorted((f.a.id, f.b.id))), decision, note,
                                       f.explanation)
    kept = len(entries.keys() & old.keys())
    return Update(Baseline(tuple(entries[k] for k in sorted(entries))), kept=kept,
                  added=len(entries) - kept, removed=len(old.keys() - entries.keys()))


def decide(baseline: Baseline, fingerprint: str, decision: str, note: str = "") -> Baseline:
    """``baseline`` with the entry ``fingerprint`` decided (`baseline audit`)."""
    return Baseline(tuple(Entry(e.id, e.rule, e.claims, decision, note or e.note, e.explanation)
                          if e.id == fingerprint else e for e in baseline.entries))


def dumps(baseline: Baseline) -> str:
    data = {"version": BASELINE_VERSION, "findings": [e.to_dict() for e in sorted(baseline.entries, key=_id)]}
    return json.dumps(data, indent=2, ensure_ascii=False) + "\n"


def _id(entry: Entry) -> str:
    return entry.id


def load(path: str | Path) -> Baseline:
    """Read a baseline file; any problem is a one-line `BaselineError` naming the file."""
    path = Path(path)
    if not path.exists():
        raise BaselineError(f"no baseline file {path}",
                            hint=f"create it with `consistency baseline create {path} PATH...`")
    data, problem = read_bytes(path, limit=MAX_BASELINE_BYTES)
    if problem is not None:
        raise BaselineError(f"cannot read baseline {problem.path}: {problem.reason.split(';')[0]}",
                            hint="give the baseline's JSON file")
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        line = data[:exc.start].count(b"\n") + 1
        raise BaselineError(f"{path}:{line}: not UTF-8 text", hint="re-save the file as UTF-8") from None
    return parse(text, str(path))


def parse(text: str, where: str = "baseline") -> Baseline:
    try:
        data = parse_json(text)
    except json.JSONDecodeError as exc:
        raise BaselineError(f"{where}:{exc.lineno}: not valid JSON ({exc.msg})",
                            hint="fix the file, or recreate it with `consistency baseline create`") from None
    except ValueError as exc:
        raise BaselineError(f"{where}: unreadable JSON ({exc})",
                            hint="recreate it with `consistency baseline create`") from None
    if not isinstance(data, dict) or not isinstance(data.get("findings"), list):
        raise BaselineError(f"{where}: not a consistency baseline (expected an object with a 'findings' list)",
                            hint="recreate it with `consistency baseline create`")
    if data.get("version") != BASELINE_VERSION:
        raise BaselineError(f"{where}: unsupported baseline version {data.get('version')!r}",
                            hint=f"this consistency reads version {BASELINE_VERSION}")
    entries: dict[str, Entry] = {}
    for number, raw in enumerate(data["findings"], start=1):
        entry = _entry(raw, f"{where}: entry {number}")
        if entry.id in entries:
            raise BaselineError(f"{where}: entry {number}: duplicate id {entry.id}", hint="keep one of them")
        entries[entry.id] = entry
    return Baseline(tuple(entries.values()))


def _entry(raw: Any, where: str) -> Entry:
    if not isinstance(raw, dict):
        raise BaselineError(f"{where}: must be an object with 'id', 'rule', 'claims' and 'decision'")
    fid, rule, claims = raw.get("id"), raw.get("rule"), raw.get("claims", [])
    decision, note = raw.get("decision", "open"), raw.get("note", "")
    explanation = raw.get("explanation", "")
    if not isinstance(fid, str) or not _ID.match(fid):
        raise BaselineError(f"{where}: 'id' must be a finding id (hex), got {fid!r}")
    if not isinstance(rule, str) or not rule:
        raise BaselineError(f"{where}: 'rule' must be a rule code such as NUM001")
    if not isinstance(claims, list) or not all(isinstance(c, str) for c in claims):
        raise BaselineError(f"{where}: 'claims' must be a list of claim ids")
    if decision not in DECISIONS:
        raise BaselineError(f"{where}: 'decision' must be one of {', '.join(DECISIONS)}, got {decision!r}")
    if not isinstance(note, str):
        raise BaselineError(f"{where}: 'note' must be a string")
    if not isinstance(explanation, str):
        raise BaselineError(f"{where}: 'explanation' must be a string")
    for name, value in (("rule", rule), ("note", note), ("explanation", explanation),
                        *(("claims", c) for c in claims)):
        why = text_problem(value)
        if why:
            raise BaselineError(f"{where}: '{name}' {why}")
    return Entry(fid, rule, tuple(claims), decision, note, explanation)
