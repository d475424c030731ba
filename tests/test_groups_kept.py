"""A run regroups only the claims around what it touched, and its report is the one a run over the
same rows into a new store gives (groups included), byte for byte apart from run metadata."""

from __future__ import annotations

import io
import json

from consistency import api
from consistency.config import Settings
from consistency.incremental import build_report, groups_of
from consistency.reporters.base import ReportOptions
from consistency.reporters.json_report import render
from consistency.store import open_store

from test_incremental_cost import write_rows

FIRST = [
    ("m1", "The Ardley museum welcomed 41,000 visitors in its first year, the director said."),
    ("m3", "Visitor numbers at the Ardley museum reached 41,000 in the opening year."),
    ("f1", "The Corran ferry carries 300 passengers on each crossing."),
    ("f2", "Each crossing of the Corran ferry takes up to 300 passengers."),
    ("w1", "Snow closed the mountain pass above Lindow for two days."),
    ("t1", "The new tram line to Pelham opened with twelve stations."),
    ("m2", "In its first year the Ardley museum drew 52,000 visitors, according to the city."),
]
LATER = [
    ("m4", "The Ardley museum had 38,000 visitors in its first year."),
    ("f3", "Up to 350 passengers ride the Corran ferry on every crossing."),
    ("t2", "Pelham's new tram line has twelve stations and opened this week."),
]
# the last rows removed (the other rows keep their lines, so they stay stored as they were), one changed
EDITED = FIRST[:-1]
EDITED[3] = ("f2", "Each crossing of the Corran ferry takes up to 320 passengers.")

def report_json(result) -> dict:
    return json.loads(rendered(result.report))


def groups(report: dict) -> list[set[str]]:
    return [set(g["claims"]) for g in report["groups"]]


def test_a_run_regroups_what_it_touched_and_reports_what_a_new_store_reports(store_target, tmp_path, embedder):
    folder = tmp_path / "data"
    folder.mkdir()
    settings = Settings(store=store_target)
    write_rows(folder / "a.jsonl", FIRST)
    first = api.run([str(folder)], settings, mark_reported=False)
    assert {"m1", "m2", "m3"} in groups(report_json(first))

    write_rows(folder / "b.jsonl", LATER)  # joins the museum and ferry groups, makes a tram group
    second = api.run([str(folder)], settings, mark_reported=False)
    # the museum, ferry and tram claims were regrouped; the snow claim, in no pair, was not read
    assert second.counters["claims_regrouped"] == len(FIRST) + len(LATER) - 1
    assert {"t1", "t2"} in groups(report_json(second))
    write_rows(folder / "a.jsonl", EDITED)  # m2 gone: the museum group loses it; f2 changed
    write_rows(folder / "b.jsonl", LATER[:-1])  # t2 gone: t1, in no new pair, is in no group any more
    third = api.run([str(folder)], settings, mark_reported=False)
    incremental = report_json(third)
    assert {"m1", "m3", "m4"} in groups(incremental) and not any("t1" in g for g in groups(incremental))

    # the same groups as a run over the same rows into a new store (claim numbers, and so the order
    # of groups and members, differ between the two stores; story numbers and finding sides too)
    fresh = Settings(store=str(tmp_path / "fresh.db"))
    scratch = report_json(api.run([str(folder)], fresh, mark_reported=False))
    assert sorted(map(sorted, groups(incremental))) == sorted(map(sorted, groups(scratch)))
    # apart from below_cutoff, which counts what the cut-off held back in every run the report
    # covers (docs/store.md), rows since removed included: the second run's "41,000" at the museum
    # against the "52,000" of a row the third removed
    assert {**incremental["summary"], "below_cutoff": 0} == {**scratch["summary"], "below_cutoff": 0}
    assert incremental["summary"]["below_cutoff"] >= scratch["summary"]["below_cutoff"]

    # and byte for byte the report a rebuild of every group from every stored pair gives
    with open_store(store_target) as store:
        kept = rendered(build_report(store, third.run_id)[0])
        with store.transaction():
            store.groups.rebuild()
        assert rendered(build_report(store, third.run_id)[0]) == kept
    assert json.loads(kept)["groups"] == incremental["groups"]


def rendered(report) -> str:
    out = io.StringIO()
    render(report, out, ReportOptions())
    return out.getvalue()


def test_a_store_written_before_groups_were_kept_reports_them_and_keeps_them_from_its_next_run(tmp_path, embedder):
    folder = tmp_path / "data"
    folder.mkdir()
    write_rows(folder / "a.jsonl", FIRST)
    settings = Settings(store=str(tmp_path / "s.db"))
    report = report_json(api.run([str(folder)], settings))
    with open_store(settings.store) as store, store.transaction():  # as a schema-5 store left it
        store.db.execute("DELETE FROM claim_groups")
        store.db.execute("DELETE FROM meta WHERE key = 'groups'")
    with open_store(settings.store) as store:
        assert not store.groups.kept()
        assert [set(g.claim_ids) for g in groups_of(store)[0]] == groups(report)
    write_rows(folder / "b.jsonl", LATER)
    after = report_json(api.run([str(folder)], settings))
    with open_store(settings.store) as store:
        assert store.groups.kept() and [set(g.claim_ids) for g in groups_of(store)[0]] == groups(after)
    assert {"t1", "t2"} in groups(after)

