"""Disputed facts: several outlets reporting one measure of one story differently show as one fact
with each value and who reported it, not as every pair of claims (issue 11 item 6).

The articles are ours: a fishing boat lost off an invented headland, as four outlets report it;
three say five crew members died, one says six.
"""

from __future__ import annotations

import io
import json
from importlib.resources import files

import jsonschema
import pytest

from consistency import api
from consistency.config import Settings
from consistency.reporters import ReportOptions, get_renderer

SCHEMA = json.loads(files("consistency").joinpath("schemas/report.schema.json").read_text(encoding="utf-8"))

ARTICLES = {
    "tidewater.md": ("Tidewater Gazette", """Five crew members died when the trawler Kestrel Dawn sank off Brannock Point on Tuesday, the coastguard said.

Rescuers pulled two survivors from a life raft near the harbour wall after a search lasting most of the night.
"""),
    "herald.md": ("Brannock Herald", """Grief gripped the fishing town on Wednesday. The coastguard said five crew members died after the Kestrel Dawn went down near Brannock Point.

The skipper's brother told the paper the boat had been fitted with new pumps in the spring.
"""),
    "quayside.md": ("Quayside Radio", """Five crew members died in the sinking of the Kestrel Dawn off Brannock Point, according to the coastguard.

A helicopter from the Ardrie base joined lifeboat volunteers in the search.
"""),
    "northsea.md": ("Northsea Wire", """Six crew members died when the Kestrel Dawn capsized in heavy swell off Brannock Point, coastguard officials said.

Insurers said the vessel was forty years old and had changed owners twice.
"""),
}


@pytest.fixture(scope="module")
def kestrel(tmp_path_factory, embedder):
    folder = tmp_path_factory.mktemp("kestrel")
    for name, (source, body) in ARTICLES.items():
        (folder / name).write_text(f"---\nsource: {source}\ndate: 2025-11-04\n---\n{body}", encoding="utf-8")
    return folder, api.check([str(folder)], Settings(), embedder=embedder)


def render(report, fmt: str) -> str:
    out = io.StringIO()
    get_renderer(fmt)(report, out, ReportOptions(width=100))
    return out.getvalue()


def test_three_outlets_against_one_are_one_fact_with_each_value_and_who_said_it(kestrel):
    _, report = kestrel
    [fact] = report.facts
    assert [(v.value.lower(), sorted(c.source for c in v.claims)) for v in fact.values] == [
        ("five", ["Brannock Herald", "Quayside Radio", "Tidewater Gazette"]), ("six", ["Northsea Wire"])]
    conflicts = [f for f in report.findings if f.kind == "conflict"]
    assert len(conflicts) == 3 and {f.fact for f in conflicts} == {fact.id}
    assert sorted(fact.findings) == sorted(f.fingerprint for f in conflicts)


def test_json_keeps_every_pairwise_conflict_under_its_fact(kestrel):
    from consistency.reporters.base import report_dict

    _, report = kestrel
    data = json.loads(json.dumps(report_dict(report)))
    jsonschema.validate(data, SCHEMA)
    [fact] = data["facts"]
    assert sorted(fact["findings"]) == sorted(c["id"] for c in data["conflicts"])
    assert all(c["fact"] == fact["id"] for c in data["conflicts"])
    assert [v["sources"] for v in fact["values"]][1] == ["Northsea Wire"]


def test_text_and_markdown_show_the_fact_once(kestrel):
    _, report = kestrel
    text = render(report, "text")
    assert "disputed fact 1: 3 conflicts between 4 claims" in text
    assert "«five» — Brannock Herald, Quayside Radio, Tidewater Gazette" in text.replace("«Five»", "«five»")
    assert "[2]" not in text, "one item for the fact, not three pairs"
    markdown = render(report, "markdown")
    rows = [line for line in markdown.splitlines() if line.startswith("| 1 ")]
    assert len(rows) == 1 and "Northsea Wire" in rows[0] and "| 2 " not in markdown


def test_html_shows_the_fact_once_with_its_pairs_folded(kestrel):
    """The HTML page listed every pairwise conflict of a fact as its own card (a 1,500-row dataset
    gave a page a browser could not render); like the text and Markdown reports it now shows the
    fact once, each value with who reported it, and the pairs inside a closed disclosure."""
    import re

    _, report = kestrel
    page = render(report, "html")
    facts = re.findall(r'<article class="finding fact[^"]*"', page)
    assert len(facts) == 1 and len(re.findall(r'<article class="finding[ "]', page)) == 1
    assert "disputed fact 1: 3 conflicts between 4 claims" in page
    assert re.search(r"<mark>[Ff]ive</mark> — Brannock Herald, Quayside Radio, Tidewater Gazette", page)
    assert re.search(r"<mark>[Ss]ix</mark> — Northsea Wire", page)
    assert len(re.findall(r'<article class="pair-finding', page)) == 3  # every pair, folded
    assert re.search(r'<details class="pairs">\s*<summary>', page)


def test_the_console_script_shows_the_fact(kestrel):
    import subprocess
    import sys
    from pathlib import Path

    folder, _ = kestrel
    script = Path(sys.executable).with_name("consistency")
    import os

    out = subprocess.run([str(script), "check", str(folder), "--no-color"], capture_output=True, text=True,
                         timeout=300, env={**os.environ, "COLUMNS": "120"})
    assert out.returncode == 1, out.stderr
    assert "disputed fact 1: 3 conflicts between 4 claims" in out.stdout
    assert "3 conflicts (3 new)" in out.stdout, "the summary still counts the pairwise conflicts"


def test_an_incremental_run_reports_the_fact(kestrel, tmp_path):
    from test_store import run_json

    folder, report = kestrel
    code, data = run_json(tmp_path / "desk.db", folder)
    assert code == 1
    [fact] = data["facts"]
    assert sorted(fact["findings"]) == sorted(f.fingerprint for f in report.findings if f.kind == "conflict")


def test_several_conflicts_between_the_same_two_claims_are_no_fact(embedder, tmp_path):
    """Two claims that disagree on two figures are one pair, shown as such: a fact needs a third claim."""
    rows = [{"id": "a", "text": "A crossing on the Larkin ferry costs 4 euros for a car and 9 euros for a lorry.",
             "source": "Harbour Notes", "date": "2025-05-02"},
            {"id": "b", "text": "A crossing on the Larkin ferry costs 5 euros for a car and 12 euros for a lorry.",
             "source": "Port Bulletin", "date": "2025-05-02"}]
    report = _check_rows(tmp_path / "fares.jsonl", rows, embedder)
    assert len([f for f in report.findings if f.kind == "conflict"]) >= 2
    assert report.facts == () and all(f.fact is None for f in report.findings)


def test_a_claim_with_two_disputed_figures_is_in_two_facts(embedder, tmp_path):
    """A fact's nodes are figures, not claims: the claim that gives both the dead and the hurt takes
    part in the dispute over each, and the two disputes stay two facts (as claim nodes they were one
    fact of four values: a real article's nine-value "fact" mixed tolls, wounded and shells)."""
    rows = [
        ("a", "Varn Courier", "Four miners died and 12 were hurt when the Varn pit flooded on Monday, the operator said."),
        ("b", "Dale Radio", "Five miners died when the Varn pit flooded on Monday, the miners' union said."),
        ("c", "Pit Post", "Five miners died in the flooding of the Varn pit on Monday."),
        ("d", "Dale Radio Online", "Nine miners were hurt when the Varn pit flooded on Monday, the union said."),
        ("e", "Valley Times", "Nine miners were hurt as floodwater filled the Varn pit on Monday."),
    ]
    report = _check_rows(tmp_path / "varn.jsonl", [{"id": i, "text": t, "source": s, "date": "2025-03-03"}
                                                   for i, s, t in rows], embedder)
    facts = sorted(sorted(v.value.lower() for v in fact.values) for fact in report.facts)
    assert facts == [["12", "nine"], ["five", "four"]], [(f.rule, f.explanation) for f in report.findings]


def _check_rows(path, rows: list[dict], embedder):
    """The default check of ``rows`` written as a claims dataset (JSON Lines) at ``path``."""
    path.write_text("".join(json.dumps(r) + "\n" for r in rows), encoding="utf-8")
    return api.check([str(path)], Settings(), embedder=embedder)
