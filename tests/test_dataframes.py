"""Data teams' pandas round trip (issue 15): ``api.check_frame(df)`` checks a DataFrame of claims
as a claims dataset file is checked, and ``report.to_pandas()`` gives the findings back."""

from __future__ import annotations

import json
import subprocess
import sys

import pytest

from consistency import api
from consistency.errors import UsageError

pd = pytest.importorskip("pandas", reason="pip install pandas (test extras)")

ROWS = [
    {"claim_id": "ferry-1", "claim": "The ferry carries 1,200 passengers on weekdays.", "outlet": "Harbour News",
     "published": "2026-03-01"},
    {"claim_id": "ferry-2", "claim": "The ferry carries 800 passengers on weekdays.", "outlet": "Coast Daily",
     "published": "2026-03-02"},
    {"claim_id": "bridge-1", "claim": "The bridge is 180 metres long.", "outlet": None, "published": None},
]
COLUMNS = {"id": "claim_id", "text": "claim", "source": "outlet", "date": "published"}


def test_a_frame_is_checked_as_the_same_rows_in_a_file(embedder, tmp_path):
    frame = pd.DataFrame(ROWS)
    report = api.check_frame(frame, embedder=embedder, **COLUMNS)
    (tmp_path / "c.jsonl").write_text("".join(json.dumps({"id": r["claim_id"], "text": r["claim"],
                                                          "source": r["outlet"], "date": r["published"]}) + "\n"
                                              for r in ROWS))
    from_file = api.check([str(tmp_path / "c.jsonl")], embedder=embedder)
    assert [(f.rule, f.explanation) for f in report.findings] == [(f.rule, f.explanation) for f in from_file.findings]
    assert report.problems == () and report.documents == 3 and len(report.findings) == 1

    out = report.to_pandas()
    assert isinstance(out, pd.DataFrame) and len(out) == 1
    row = out.iloc[0]
    assert row["rule"] == "NUM001" and row["status"] == "new" and row["kind"] == "conflict"
    assert {row["a_id"], row["b_id"]} == {"ferry-1", "ferry-2"}
    assert {row["a_source"], row["b_source"]} == {"Harbour News", "Coast Daily"}
    assert {row["a_date"], row["b_date"]} == {"2026-03-01", "2026-03-02"}
    assert list(out.columns[:9]) == ["id", "rule", "name", "severity", "kind", "status", "similarity", "group",
                                     "explanation"]


def test_bad_rows_are_problems_with_their_row_number_and_the_rest_is_checked(embedder):
    frame = pd.DataFrame([*ROWS, {"claim_id": "ferry-1", "claim": "A duplicate id.", "outlet": None,
                                  "published": None},
                          {"claim_id": "x", "claim": float("nan"), "outlet": None, "published": "soon"}])
    frame["published"] = frame["published"].astype(object)
    report = api.check_frame(frame, embedder=embedder, **COLUMNS)
    assert [str(p) for p in report.problems] == [
        "<frame>:4: duplicate id 'ferry-1' (first at <frame>:1)",
        "<frame>:5: missing required field 'text'; bad date 'soon'; use ISO 8601 such as 2026-03-07"]
    assert len(report.findings) == 1


def test_timestamps_and_integer_ids_are_read(embedder):
    frame = pd.DataFrame({"id": [1, 2], "text": [ROWS[0]["claim"], ROWS[1]["claim"]],
                          "date": pd.to_datetime(["2026-03-01", "2026-03-02"])})
    report = api.check_frame(frame, embedder=embedder)
    assert report.problems == () and len(report.findings) == 1
    assert {c.date.isoformat() for c in report.claims} == {"2026-03-01", "2026-03-02"}


def test_a_missing_column_is_named(embedder):
    with pytest.raises(UsageError, match="no column 'text' for text; name it with text=COLUMN"):
        api.check_frame(pd.DataFrame(ROWS), embedder=embedder, id="claim_id")


def test_pandas_stays_optional():
    """Without pandas the API imports and checks files; only the DataFrame calls ask for it."""
    code = ("import sys; sys.modules['pandas'] = None\n"
            "from consistency import api\n"
            "from consistency.errors import UsageError\n"
            "try:\n    api.check_frame(object())\nexcept UsageError as e:\n    print(e.one_line())\n")
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=300)
    assert done.returncode == 0, done.stderr
    assert "pandas is not installed" in done.stdout and "pip install pandas" in done.stdout
