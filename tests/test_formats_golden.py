"""Golden files: every format's exact output on two corpora, pinned in tests/golden/.

* ``reports``: the small fixed corpus in tests/data/reports (dataset rows, an
  article, bad rows), with one conflict baselined and one reviewed;
* ``seeds``: the sample corpus in seeds/ that the README shows.

Paths are relative (the check runs from the repository root), the tool
version is written as ``<version>`` and similarities as ``<similarity>`` (their
last digit may differ between CPUs), so the files only change when the output
does. When a rule or a format changes on purpose, regenerate them all with one
command and review the diff:

    UPDATE_GOLDEN=1 .venv/bin/python -m pytest tests/test_formats_golden.py
"""

from __future__ import annotations

import io
import os
import re

import pytest
from conftest import ROOT
from test_reporters import fixed_report

from consistency import __version__, api
from consistency.reporters import FORMATS, ReportOptions, get_renderer

GOLDEN = ROOT / "tests" / "golden"
EXTENSIONS = {"text": "txt", "json": "json", "jsonl": "jsonl", "sarif": "sarif", "markdown": "md",
              "github": "github.txt", "html": "html"}
UPDATE = os.environ.get("UPDATE_GOLDEN") == "1"
#: Cosine similarities can differ in the last digit between CPUs; they are not what goldens pin.
SIMILARITY = re.compile(r"(\"similarity\": |similarity )-?\d+(?:\.\d+)?")


@pytest.fixture(scope="module")
def reports(embedder):
    with pytest.MonkeyPatch.context() as mp:
        mp.chdir(ROOT)
        return {"reports": (fixed_report(embedder), True), "seeds": (api.check(["seeds"], embedder=embedder), False)}


def rendered(report, name: str, show_all: bool) -> str:
    out = io.StringIO()
    with pytest.MonkeyPatch.context() as mp:
        mp.chdir(ROOT)
        get_renderer(name)(report, out, ReportOptions(color=False, width=100, show_all=show_all))
    return SIMILARITY.sub(r"\1<similarity>", out.getvalue().replace(__version__, "<version>"))


def test_every_format_has_goldens():
    assert set(EXTENSIONS) == set(FORMATS)


@pytest.mark.parametrize("corpus", ["reports", "seeds"])
@pytest.mark.parametrize("name", list(EXTENSIONS))
def test_golden(reports, corpus, name):
    report, show_all = reports[corpus]
    actual = rendered(report, name, show_all)
    path = GOLDEN / f"{corpus}.{EXTENSIONS[name]}"
    if UPDATE:
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(actual, encoding="utf-8", newline="")
    assert path.exists(), f"no golden file {path.name}: run UPDATE_GOLDEN=1 .venv/bin/python -m pytest {__file__}"
    expected = path.read_text(encoding="utf-8")
    assert actual == expected, (f"{name} output on {corpus} changed; if on purpose, regenerate with "
                                f"UPDATE_GOLDEN=1 .venv/bin/python -m pytest tests/test_formats_golden.py "
                                f"and review the diff")
