"""Disputed facts: the conflicts about one measure of one story, as values and who reported each.

When several outlets report one figure of one event, the rules find a conflict between every two
of them that disagree: four outlets against four make 16 findings about one fact. A reader wants
the fact once: "32 — Harbor Ledger; 28 — Northern Wire, Gulf Observer". A **fact** is a connected
set of conflicts of one rule inside one story (the figures of the claims are the nodes, conflicts
the edges: a conflict links two figures that report the same measure differently, so the figures a
chain of them links report one measure). A node is a figure, not its claim: a claim that gives a
toll and a count of wounded ("30 were killed and 55 wounded") takes part in two facts, which
claim nodes merged into one (a real article's "fact" of nine values: tolls of several strikes,
their wounded and the shells fired). Its **values** are the evidence each claim gives, as
written, with the claims (and so the outlets) that give it.

Only sets linking three or more claims become facts: the conflicts between two claims are their
own best summary. The
pairwise findings stay in the report, each with its ``fact``; their fingerprints do not change,
so review decisions keep applying to them.
"""

from __future__ import annotations

import dataclasses
from typing import Sequence

from .records import Claim, Fact, Finding, Report, Reported


def disputed_facts(findings: Sequence[Finding]) -> tuple[tuple[Fact, ...], dict[str, int]]:
    """The facts among ``findings`` (numbered in the order of their first conflict) and the
    fact of each conflict that belongs to one, by fingerprint."""
    parent: dict[tuple, tuple] = {}

    def find(x: tuple) -> tuple:
        parent.setdefault(x, x)
        while parent[x] != x:
            parent[x] = parent[parent[x]]
            x = parent[x]
        return x

    conflicts = [f for f in findings if f.kind == "conflict"]
    for f in conflicts:
        a, b = find(_figure(f, f.a, f.spans_a)), find(_figure(f, f.b, f.spans_b))
        if a != b:
            parent[max(a, b)] = min(a, b)
    members: dict[tuple, list[Finding]] = {}
    for f in conflicts:
        members.setdefault(find(_figure(f, f.a, f.spans_a)), []).append(f)
    facts: list[Fact] = []
    fact_of: dict[str, int] = {}
    for found in members.values():
        if len({c for f in found for c in (f.a.id, f.b.id)}) < 3:
            continue  # one pair of claims, however many conflicts: the pairwise view is the fact
        number = len(facts) + 1
        facts.append(Fact(id=number, story=found[0].story, rule=found[0].rule, name=found[0].name,
                          values=_values(found), findings=tuple(f.fingerprint for f in found)))
        fact_of.update((f.fingerprint, number) for f in found)
    return tuple(facts), fact_of


def _figure(f: Finding, claim: Claim, spans) -> tuple:
    """The node of a conflict's side: the figure (its evidence spans) of a claim, in a story and rule."""
    return (f.story, f.rule, claim.id, tuple((s.start, s.end) for s in spans))


def _values(found: Sequence[Finding]) -> tuple[Reported, ...]:
    """Each value as written (the evidence, case and spacing aside) with the claims that give it:
    most claims first. "nearly 90%" and "90%" both show as 90%: against "about 60%" they are
    one side of the dispute."""
    values: dict[str, tuple[str, dict[str, Claim]]] = {}
    for f in found:
        for claim, spans in ((f.a, f.spans_a), (f.b, f.spans_b)):
            text = " … ".join(s.text for s in spans)
            values.setdefault(" ".join(text.casefold().split()), (text, {}))[1].setdefault(claim.id, claim)
    ordered = sorted(values.items(), key=lambda kv: (-len(kv[1][1]), kv[0]))
    # claims of a value by outlet, then place: not the order the findings came in (that is by confidence)
    return tuple(Reported(value=text, claims=tuple(sorted(claims.values(), key=_claim_order)))
                 for _, (text, claims) in ordered)


def _claim_order(claim: Claim) -> tuple:
    return (claim.source or "", claim.path, claim.line or 0, claim.id)


def with_facts(report: Report) -> Report:
    """``report`` with its disputed facts, and each conflict of a fact marked with its id."""
    facts, fact_of = disputed_facts(report.findings)
    findings = tuple(dataclasses.replace(f, fact=fact_of[f.fingerprint]) if f.fingerprint in fact_of else f
                     for f in report.findings)
    return dataclasses.replace(report, findings=findings, facts=facts)
