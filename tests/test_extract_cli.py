"""`consistency extract PATH... --format jsonl`: one claim per line with its quantities (DESIGN section 3)."""

from __future__ import annotations

import json

import pytest
from click.testing import CliRunner

from consistency.cli import cli

#: The quantity keys DESIGN section 3 pins; more may be added, none removed.
QUANTITY_KEYS = {"text", "start", "end", "value", "low", "high", "bound", "unit", "dimension", "change", "measured"}


@pytest.fixture()
def run(in_tmp):
    runner = CliRunner()

    def invoke(*args: str):
        return runner.invoke(cli, list(args), catch_exceptions=False)

    return invoke


def _lines(stdout: str) -> list[dict]:
    return [json.loads(line) for line in stdout.splitlines() if line.strip()]


def test_dataset_rows_are_claims_with_their_quantities(run, in_tmp):
    rows = [
        {"id": "a1", "text": "Ferry traffic rose 12% to 4,500 crossings a week."},
        {"id": "a2", "text": "The pier is about 300 metres long."},
    ]
    (in_tmp / "claims.jsonl").write_text("".join(json.dumps(r) + "\n" for r in rows), encoding="utf-8")
    result = run("extract", "claims.jsonl", "--format", "jsonl")
    assert result.exit_code == 0, result.output
    claims = _lines(result.stdout)
    assert [c["id"] for c in claims] == ["a1", "a2"]
    assert claims[0]["text"] == rows[0]["text"]
    first = claims[0]["quantities"]
    assert [q["text"] for q in first] == ["12%", "4,500"]
    expected = {"value": 12.0, "unit": "percent", "dimension": "percent", "change": "up", "bound": "exact"}
    assert expected.items() <= first[0].items()
    assert first[1]["measured"] == "crossing" and first[1]["per"] == "week"
    pier = claims[1]["quantities"][0]
    assert pier["bound"] == "approx" and pier["unit"] == "metre" and pier["low"] < 300 < pier["high"]
    for claim in claims:
        for q in claim["quantities"]:
            assert QUANTITY_KEYS <= set(q)
            assert claim["text"][q["start"]:q["end"]] == q["text"]


def test_an_article_is_split_into_sentence_claims(run, in_tmp):
    (in_tmp / "story.txt").write_text(
        "Harbour strike ends\n\nDock workers ended a six-day strike on Friday. "
        "The union said 1,200 members voted and two-thirds backed the deal.\n",
        encoding="utf-8",
    )
    result = run("extract", "story.txt", "-f", "jsonl")
    assert result.exit_code == 0, result.output
    claims = _lines(result.stdout)
    texts = [c["text"] for c in claims]
    assert "The union said 1,200 members voted and two-thirds backed the deal." in texts
    assert all(c["id"] for c in claims) and len({c["id"] for c in claims}) == len(claims)
    union = next(c for c in claims if c["text"].startswith("The union"))
    assert [(q["text"], q["value"]) for q in union["quantities"]] == [("1,200", 1200.0), ("two-thirds", pytest.approx(2 / 3))]


def test_infinite_bounds_are_valid_json(run, in_tmp):
    (in_tmp / "c.jsonl").write_text(json.dumps({"id": "x", "text": "More than 40 boats joined."}) + "\n", encoding="utf-8")
    result = run("extract", "c.jsonl")
    line = result.stdout.splitlines()[0]
    json.loads(line, parse_constant=lambda name: pytest.fail(f"non-standard JSON constant {name}"))
    q = json.loads(line)["quantities"][0]
    assert q["bound"] == "lower" and q["low"] == 40.0


def test_missing_path_is_a_one_line_error_with_exit_2(run):
    result = run("extract", "no-such-file.txt")
    assert result.exit_code == 2
    assert "no-such-file.txt" in result.output
    assert "Traceback" not in result.output


CRAWL = """---
source: Lakeville Daily
date: 2021-05-04
---
CLOSE Skip in Skip x Embed x Share A crash on the west side left one driver hurt. Sam Poe / The Daily

LAKEVILLE, Minn. — A fire at a grain mill injured three workers on Tuesday, the fire chief said.[4]

Firefighters spray water on the mill roof on Tuesday. (Photo: Dana Reyes)

Sign up for our morning newsletter to get the top stories in your inbox.
"""


def test_explain_drops_lists_what_was_left_out_and_why(run, in_tmp):
    (in_tmp / "mill.md").write_text(CRAWL, encoding="utf-8")
    result = run("extract", "mill.md", "--explain-drops", "--format", "text")
    assert result.exit_code == 0, result.output
    assert result.stdout.splitlines() == [
        "mill.md:5 dropped (carousel): CLOSE Skip in Skip x Embed x Share A crash on the west side left one "
        "driver hurt. Sam Poe / The Daily",
        "mill.md:7 dropped (dateline): LAKEVILLE, Minn. —",
        "mill.md:7 dropped (citation): [4]",
        "mill.md:9 dropped (caption): Firefighters spray water on the mill roof on Tuesday. (Photo: Dana Reyes)",
        "mill.md:11 dropped (prompt): Sign up for our morning newsletter to get the top stories in your inbox.",
        "mill.md:7 A fire at a grain mill injured three workers on Tuesday, the fire chief said.",
        "    'three': exact [3, 3]  count  level measured=worker",
        "    date 'Tuesday': 2021-05-04 (day)",
    ]


def test_explain_drops_as_json_lines_from_the_console_script(in_tmp):
    import subprocess
    import sys

    (in_tmp / "mill.md").write_text(CRAWL, encoding="utf-8")
    done = subprocess.run([sys.executable, "-m", "consistency", "extract", "mill.md", "--explain-drops"],
                          capture_output=True, text=True, cwd=in_tmp)
    assert done.returncode == 0, done.stderr
    lines = _lines(done.stdout)
    drops = [line for line in lines if "dropped" in line]
    assert [d["dropped"] for d in drops] == ["carousel", "dateline", "citation", "caption", "prompt"]
    assert all(d["path"] == "mill.md" and d["document"] == "mill.md" for d in drops)
    caption = drops[3]
    assert CRAWL.split("---\n", 2)[2][caption["start"]:caption["end"]] == caption["text"]
    claims = [line for line in lines if "dropped" not in line]
    assert [c["text"] for c in claims] == ["A fire at a grain mill injured three workers on Tuesday, the fire chief said."]
    assert claims[0]["quantities"][0]["value"] == 3.0
