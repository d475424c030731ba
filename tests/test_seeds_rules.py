"""The planted conflicts, updates and traps of seeds/ (the demo corpus)."""

from __future__ import annotations

import pytest

from consistency import api
from consistency.config import Settings

from conftest import SEEDS


@pytest.fixture(scope="module")
def report(embedder):
    return api.check([str(SEEDS)], Settings(), embedder=embedder)


def _evidence(f) -> tuple[str, str, str]:
    return f.rule, f.spans_a[0].text, f.spans_b[0].text


def _has(findings, rule: str, one: str, other: str) -> bool:
    return any(f.rule == rule and {f.spans_a[0].text, f.spans_b[0].text} == {one, other} for f in findings)


def test_planted_conflicts_are_found(report):
    conflicts = [f for f in report.findings if f.kind == "conflict"]
    assert _has(conflicts, "NUM001", "90%", "60%")  # strikes down 90% vs about 60%
    assert _has(conflicts, "NUM001", "32", "28")  # all 32 ships vs 28 ships
    assert _has(conflicts, "NUM002", "5 percentage points", "5%")  # points vs percent
    assert _has(conflicts, "DIR001", "4%", "2%")  # Brent up 4% vs down 2%
    ships = next(f for f in conflicts if f.rule == "NUM001" and f.explanation.startswith("32"))
    assert ships.explanation.startswith("32 ships vs 28 ships: exact counts differ")


@pytest.mark.xfail(strict=True, reason="known: the found-pair model scores date conflicts low (1 of 41 date "
                                       "findings on real news was confirmed), so opened March 12 / started "
                                       "March 14 falls under the floor")
def test_planted_date_conflict_is_found(report):
    assert _has(report.findings, "DAT001", "opened", "started")


def test_findings_are_ordered_by_confidence_within_a_severity(report):
    errors = [f.confidence for f in report.findings if f.severity == "error"]
    assert errors == sorted(errors, reverse=True)
    assert all(0.0 <= f.confidence <= 1.0 for f in report.findings)


def test_death_toll_is_reported_as_updates_not_conflicts(report):
    updates = [f for f in report.findings if f.kind == "update"]
    assert {f.rule for f in updates} == {"UPD001"} and all(f.severity == "info" for f in updates)
    values = {frozenset((f.spans_a[0].text, f.spans_b[0].text)) for f in updates}
    assert frozenset(("140", "212")) in values
    # "passed 300" is in Capital Dispatch's report on the Muscat talks, another story, and names
    # nothing the 212 report names: the two are not compared (consistency.stories)
    assert frozenset(("212", "300")) not in values
    assert not any({"140", "212", "300"} & {f.spans_a[0].text, f.spans_b[0].text}
                   for f in report.findings if f.kind == "conflict")


def test_traps_are_not_flagged(report):
    texts = {t for f in report.findings for t in (f.spans_a[0].text, f.spans_b[0].text)}
    assert "30" not in texts  # about 30 ships: within approximation of 32 and 28
    assert not texts & {"13 miles", "21 kilometres"}  # 13 miles = 21 km
    allowed = {"NUM001", "NUM002", "DAT001", "DIR001", "UPD001"}
    assert {f.rule for f in report.findings} <= allowed


@pytest.mark.xfail(strict=True, reason="known: a different holder (hospital / field clinic) is a weak feature, "
                                       "not a veto (on VitaminC it separates nothing)")
def test_beds_of_different_places_are_not_compared(report):
    texts = {t for f in report.findings for t in (f.spans_a[0].text, f.spans_b[0].text)}
    assert "500" not in texts and "320" not in texts
