"""Check stage: rules on candidate pairs -> findings with stable fingerprints."""

from __future__ import annotations

import hashlib
import re
from typing import Iterable, Sequence

from .group import Pair
from .records import SEVERITY_ORDER, Claim, Finding
from .rules import Rule


def claim_anchor(claim: Claim) -> str:
    """The part of a claim's identity that survives edits: its row id, or its document."""
    return claim.row_id or claim.doc_key


def fingerprint(rule: str, a: Claim, key_a: str, b: Claim, key_b: str) -> str:
    """Hash of the rule code and both sides' normalised keys, sides sorted.

    Positions, line numbers, sentence wording around the evidence and run ids are
    left out, so a finding keeps its id when its article is re-ingested, edited
    or reordered, and gets a new one when an evidence value changes.
    """
    sides = sorted((f"{claim_anchor(a)}\x1f{key_a}", f"{claim_anchor(b)}\x1f{key_b}"))
    digest = hashlib.sha256("\x1e".join([rule, *sides]).encode("utf-8", "surrogatepass"))
    return digest.hexdigest()[:20]


def run_rules(claims: Sequence[Claim], pairs: Iterable[Pair], rules: Sequence[Rule]) -> list[Finding]:
    """Every rule on every pair; one finding per fingerprint (the most similar pair wins).

    A claim is never compared with its own copy: pairs of claims that say the same words in the
    same order (`_copies`) are skipped, whichever documents they come from.
    """
    best: dict[str, Finding] = {}
    pairs = [p for p in pairs if not _copies(claims[p.i], claims[p.j])]
    for rule in rules:  # a plug-in (NLI) judges all candidate pairs in one batch
        if getattr(rule, "plugin", False) and hasattr(rule, "prime"):
            rule.prime([(claims[p.i], claims[p.j]) for p in pairs])
    ordered = [(rule, bool(getattr(rule, "plugin", False)))
               for rule in sorted(rules, key=lambda r: getattr(r, "plugin", False))]
    for pair in pairs:
        a, b = claims[pair.i], claims[pair.j]
        flagged = False
        for rule, plugin in ordered:
            if flagged and plugin:
                continue  # plug-ins only speak where no explicit rule did
            for verdict in rule.check(a, b):
                flagged = True
                kind = verdict.kind or rule.kind
                fp = fingerprint(rule.code, a, verdict.key_a, b, verdict.key_b)
                current = best.get(fp)
                if current is not None and current.similarity >= pair.similarity:
                    continue
                best[fp] = Finding(
                    rule=rule.code,
                    name=rule.name,
                    severity="info" if kind == "update" else rule.severity,
                    kind=kind,
                    a=a,
                    b=b,
                    spans_a=verdict.spans_a,
                    spans_b=verdict.spans_b,
                    explanation=verdict.explanation,
                    fingerprint=fp,
                    similarity=round(pair.similarity, 4),
                )
    return sorted(best.values(), key=finding_order)


def _copies(a: Claim, b: Claim) -> bool:
    """The same words in the same order, whatever the case, punctuation and spacing ("didn't" and
    a tokenised "didn ’ t" are one word pair)."""
    return a.text == b.text or _WORDS.findall(a.text.lower()) == _WORDS.findall(b.text.lower())


_WORDS = re.compile(r"[^\W_]+")


def finding_order(f: Finding) -> tuple:
    return (-SEVERITY_ORDER[f.severity], f.rule, f.a.path, f.a.line or 0, f.a.id, f.b.id)
