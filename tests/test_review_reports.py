"""Decisions mean what they say in every report format: the decision, the reviewer, the date
and the note are shown; a confirmed or disputed conflict stays visible (and stays an open
alert) until resolved; a dismissed one is settled."""

from __future__ import annotations

import dataclasses
import io
import json

import pytest

from consistency.records import Decision, Review
from consistency.reporters import ReportOptions, get_renderer
from consistency.triage import reviews

from test_reporters import fixed_report

CONFIRMED = Review("confirmed", "ana", "2026-03-09T08:15:00+00:00", "the ministry corrected itself")
DISPUTED = Review("dismissed", "ben", "2026-03-10T09:00:00+00:00", "different spans",
                  (Decision("x", "confirmed", "ana", "2026-03-09T08:15:00+00:00", "looks real", 1),))


@pytest.fixture(scope="module")
def decided(embedder):
    """The fixed report with its new NUM001 conflict confirmed and its reviewed one disputed."""
    report = fixed_report(embedder)
    conflicts = [f for f in report.findings if f.kind == "conflict"]
    new = next(f for f in conflicts if f.status == "new")
    settled = next(f for f in conflicts if f.status == "reviewed")
    changed = {new.fingerprint: dataclasses.replace(new, status="reviewed", review=CONFIRMED),
               settled.fingerprint: dataclasses.replace(settled, review=DISPUTED)}
    findings = tuple(changed.get(f.fingerprint, f) for f in report.findings)
    return dataclasses.replace(report, findings=findings), new.fingerprint, settled.fingerprint


def render(name: str, report, **options) -> str:
    out = io.StringIO()
    get_renderer(name)(report, out, ReportOptions(**options))
    return out.getvalue()


def test_text_shows_confirmed_and_disputed_conflicts_with_who_when_and_note(decided):
    report, _, _ = decided
    text = render("text", report, width=200)
    assert "reviewed: confirmed by ana, 2026-03-09: the ministry corrected itself" in text
    assert "reviewed: dismissed by ben, 2026-03-10: different spans (disagreement: confirmed by ana, 2026-03-09)" in text
    assert "2 reviewed: 1 confirmed, 1 dismissed, 1 disputed" in text


def test_json_keeps_the_status_and_adds_the_review(decided):
    report, confirmed, disputed = decided
    data = json.loads(render("json", report))
    by_id = {c["id"]: c for c in data["conflicts"]}
    assert by_id[confirmed]["status"] == "reviewed"
    assert by_id[confirmed]["review"] == {"decision": "confirmed", "by": "ana", "at": "2026-03-09T08:15:00+00:00",
                                          "note": "the ministry corrected itself", "disagreement": []}
    assert by_id[disputed]["review"]["disagreement"] == [
        {"decision": "confirmed", "by": "ana", "at": "2026-03-09T08:15:00+00:00", "note": "looks real"}]
    assert data["summary"]["decisions"] == {"confirmed": 1, "dismissed": 1, "resolved": 0, "disputed": 1}


def test_sarif_keeps_a_confirmed_conflict_an_open_alert(decided):
    report, confirmed, disputed = decided
    results = {r["partialFingerprints"]["consistency/v1"]: r
               for r in json.loads(render("sarif", report))["runs"][0]["results"]}
    assert "suppressions" not in results[confirmed] and "suppressions" not in results[disputed]
    assert results[confirmed]["properties"]["review"]["by"] == "ana"
    baselined = [r for r in results.values() if r["properties"]["status"] == "baselined"]
    assert baselined and all("suppressions" in r for r in baselined)


def test_markdown_github_and_html_show_the_decision(decided):
    report, _, _ = decided
    assert "(confirmed by ana, 2026-03-09: the ministry corrected itself)" in render("markdown", report)
    annotations = render("github", report)
    assert "(confirmed)" in annotations and "reviewed: confirmed by ana" in annotations
    html = render("html", report)
    assert "Reviewed: confirmed by ana, 2026-03-09: the ministry corrected itself" in html
    assert 'class="decision disputed"' in html


def test_reviews_from_a_log():
    log = [Decision("f1", "confirmed", "ana", "t1", "", 1), Decision("f1", "dismissed", "ben", "t2", "", 2),
           Decision("f2", "dismissed", "ana", "t1", "", 3), Decision("f2", "dismissed", "ben", "t2", "", 4),
           Decision("f3", "confirmed", "ana", "t1", "", 5), Decision("f3", "dismissed", "ben", "t2", "", 6),
           Decision("f3", "confirmed", "ben", "t3", "", 7),
           Decision("f4", "confirmed", "ana", "t1", "", 8), Decision("f4", "open", "ana", "t2", "undo", 9),
           Decision("f4", "dismissed", "ben", "t3", "", 10)]
    got = reviews(log)
    assert (got["f1"].decision, [d.by for d in got["f1"].disagreement]) == ("dismissed", ["ana"])
    assert got["f2"].disagreement == ()  # they agree
    assert got["f3"].disagreement == ()  # ben changed his mind
    assert got["f4"].disagreement == ()  # ana withdrew hers
