"""Every report format on a small fixed corpus (tests/data/reports): what each
promises beyond the golden files — line counts, escaping, limits, statuses."""

from __future__ import annotations

import dataclasses
import html
import io
import json
import re

import pytest
from conftest import DATA, ROOT

from consistency import api
from consistency.records import Review
from consistency.errors import UsageError
from consistency.reporters import FORMATS, ReportOptions, get_renderer, github, markdown
from consistency.reporters.base import web_url

CORPUS = "tests/data/reports"


def fixed_report(embedder):
    """The fixed corpus, checked from the repository root (relative paths), with the
    DIR001 conflict baselined and the first NUM001 one reviewed, so every status is rendered."""
    with pytest.MonkeyPatch.context() as mp:
        mp.chdir(ROOT)
        first = {}
        for f in api.check([CORPUS], embedder=embedder).findings:
            if "stadium" not in f.a.path:  # the stadium conflict stays new
                first.setdefault(f.rule, f.fingerprint)
        statuses = {first["DIR001"]: "baselined", first["NUM001"]: "reviewed"}
        reviews = {first["NUM001"]: Review("dismissed", "ana", "2026-03-09T08:15:00+00:00", "two different ports")}
        return api.check([CORPUS], embedder=embedder, statuses=statuses, reviews=reviews)


@pytest.fixture(scope="module")
def report(embedder):
    return fixed_report(embedder)


def render(name: str, report, **options) -> str:
    out = io.StringIO()
    get_renderer(name)(report, out, ReportOptions(**options))
    return out.getvalue()


def test_the_fixed_corpus_has_every_status_and_its_bad_rows(report):
    statuses = sorted(f.status for f in report.findings if f.kind == "conflict")
    assert statuses == ["baselined", "new", "reviewed"]
    assert sorted(p.line for p in report.problems if p.path.endswith("claims.jsonl")) == [8, 9, 10, 11]


def test_every_format_is_a_module_with_render():
    assert list(FORMATS) == ["text", "json", "jsonl", "sarif", "markdown", "github", "html"]
    for name in FORMATS:
        assert callable(get_renderer(name))
    with pytest.raises(UsageError, match="unknown format 'xml'"):
        get_renderer("xml")


def test_jsonl_is_one_finding_per_line_matching_the_json_report(report):
    lines = render("jsonl", report).splitlines()
    full = json.loads(render("json", report))
    assert len(lines) == len(report.findings) == len(full["conflicts"]) + len(full["updates"])
    rows = [json.loads(line) for line in lines]
    assert [r["id"] for r in rows if r["kind"] == "conflict"] == [c["id"] for c in full["conflicts"]]
    assert {r["status"] for r in rows} == {"new", "reviewed", "baselined"}


def test_jsonl_keeps_unicode_line_separators_inside_their_line(report):
    f = report.findings[0]
    odd = dataclasses.replace(f, a=dataclasses.replace(f.a, text="one\u2028two\u2029three\x85four\nfive"))
    text = render("jsonl", dataclasses.replace(report, findings=(odd,)))
    assert len(text.splitlines()) == 1 and text.endswith("\n")
    assert json.loads(text)["claims"][0]["text"] == "one\u2028two\u2029three\x85four\nfive"


def test_markdown_lists_new_conflicts_and_folds_the_settled_ones(report):
    text = render("markdown", report, show_all=True)
    assert text.startswith("## Claim consistency\n\n**1 new conflict** between claims.")
    assert "<summary>2 reviewed or baselined conflicts</summary>" in text
    assert "(baselined)" in text and "(dismissed by ana, 2026-03-09: two different ports)" in text
    assert "**40,000**" in text and "**25,000**" in text
    assert "### Input problems (4)" in text
    assert "- tests/data/reports/claims.jsonl:9: bad date 'last Tuesday'" in text
    assert "rules.md#num001" in text
    without = render("markdown", report)
    assert "reviewed or baselined" not in without and "**25,000**" in without


def test_markdown_makes_hostile_text_inert(report):
    f = next(f for f in report.findings if f.status == "new")
    hostile = ("<script>alert(1)</script> | [x](javascript:alert(2)) ![i](https://e.example/i.png) $x$ `c` "
               "**b** ~~s~~ @octocat")
    odd = dataclasses.replace(f, a=dataclasses.replace(f.a, text=hostile, source="A|B <b>",
                                                       url="javascript:alert(3)"),
                              spans_a=())
    text = render("markdown", dataclasses.replace(report, findings=(odd,), problems=()))
    row = next(line for line in text.splitlines() if line.startswith("| 1 |"))
    assert "<script>" not in text and "&lt;script&gt;" in text
    assert not re.search(r"(?<!\\)\]\(javascript", text) and "\\[x\\](javascript:alert(2))" in row
    assert "!\\[i\\](https" in row and "\\$x\\$" in row and "\\`c\\`" in row
    assert "\\*\\*b\\*\\*" in row and "\\~\\~s\\~\\~" in row and "@&#8203;octocat" in row
    # Exactly the table's own pipes are unescaped: 7 of them for 6 cells.
    assert len(re.findall(r"(?<!\\)\|", row)) == 7
    assert "javascript:alert(3)" not in text and "A\\|B &lt;b&gt;" in row


def test_markdown_renders_hostile_text_as_text(report):
    """Through a CommonMark renderer with GFM tables (markdown-it-py, which rich installs)."""
    from markdown_it import MarkdownIt

    f = next(f for f in report.findings if f.status == "new")
    hostile = ("# Heading | cell <script>alert(1)</script> [x](javascript:alert(2)) ![i](https://e.example/i.png) "
               "**b** <img src=x onerror=alert(3)> &lt;escaped&gt; \\| `c`")
    odd = dataclasses.replace(f, a=dataclasses.replace(f.a, text=hostile, source="1. [s](javascript:x)"), spans_a=())
    page = MarkdownIt("commonmark").enable(["table", "strikethrough"]).render(
        render("markdown", dataclasses.replace(report, findings=(odd,), problems=())))
    (row,) = re.findall(r"<tr>\n<td[^>]*>1</td>.*?</tr>", page, re.DOTALL)
    assert row.count("<td") == 6  # six cells: #, rule, two claims, why, confidence
    assert "<script" not in page and "<img" not in page, page
    assert not re.search(r"<a href=\"(?!https://)", page)
    assert "<strong>b</strong>" not in page and "<strong>25,000</strong>" not in page
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in row and "[x](javascript:alert(2))" in row
    assert "&amp;lt;escaped&amp;gt;" in row and "# Heading | cell" in row and "1. [s](javascript:x)" in row


def test_markdown_cuts_long_tables_with_a_count(report):
    f = next(f for f in report.findings if f.status == "new")
    many = tuple(dataclasses.replace(f, fingerprint=f"{i:020x}") for i in range(markdown.MAX_ROWS + 7))
    text = render("markdown", dataclasses.replace(report, findings=many))
    assert text.count("\n| ") == markdown.MAX_ROWS + 2  # header, separator and MAX_ROWS findings
    assert "_7 more rows not shown;" in text


def test_github_annotates_new_conflicts_and_bad_rows(report):
    lines = render("github", report).splitlines()
    errors = [line for line in lines if line.startswith("::error ")]
    # 4 bad rows and the one new conflict; reviewed and baselined ones are not annotated.
    assert len(errors) == 5
    assert "::error file=tests/data/reports/claims.jsonl,line=9,title=bad input row::bad date" in lines[1]
    conflict = errors[-1]
    assert conflict.startswith("::error file=tests/data/reports/stadium.jsonl,line=1,title=NUM001 numeric-mismatch::")
    assert "%0AConflicting claim: The new harbour stadium holds 40,000 fans" in conflict
    assert lines[-1].startswith("consistency: 3 conflicts (1 new, 1 reviewed: 1 dismissed, 1 baselined)")


def test_github_keeps_within_the_per_step_limits(report):
    f = next(f for f in report.findings if f.status == "new")
    errors = [dataclasses.replace(f, fingerprint=f"e{i:019x}") for i in range(23)]
    warnings = [dataclasses.replace(f, severity="warning", fingerprint=f"w{i:019x}") for i in range(11)]
    notices = [dataclasses.replace(f, severity="info", fingerprint=f"n{i:019x}") for i in range(3)]
    text = render("github", dataclasses.replace(report, findings=(*errors, *warnings, *notices), problems=()))
    lines = text.splitlines()
    assert sum(line.startswith("::error ") for line in lines) == github.PER_STEP
    assert sum(line.startswith("::warning ") for line in lines) == github.PER_STEP
    assert sum(line.startswith("::notice ") for line in lines) == 3
    assert "consistency: 13 more error annotations not shown (GitHub shows 10 per step); " \
           "see the SARIF, Markdown or JSON report for all of them" in lines
    assert any(line.startswith("consistency: 1 more warning annotations not shown") for line in lines)
    assert not any("more notice" in line for line in lines)


def test_github_escaping_stops_input_from_starting_a_command(report):
    f = next(f for f in report.findings if f.status == "new")
    hostile = "50% off\r\n::error file=evil.py,line=1::pwned\n::add-mask::x"
    odd = dataclasses.replace(f, a=dataclasses.replace(f.a, text=hostile, path="a,b:c.jsonl"), explanation="x%0Ay")
    lines = render("github", dataclasses.replace(report, findings=(odd,), problems=())).splitlines()
    assert len(lines) == 2 and lines[0].startswith("::error file=a%2Cb%3Ac.jsonl,line=1,")
    # Workflow commands start a line; the payload's "::error" is now inside one escaped line.
    assert not lines[1].startswith("::")
    assert "50%25 off\\x0d%0A::error file=evil.py" in lines[0] and "x%250Ay" in lines[0]


def test_html_escapes_text_and_allows_only_its_own_script(report):
    f = next(f for f in report.findings if f.status == "new")
    odd = dataclasses.replace(f, a=dataclasses.replace(f.a, text='<script>alert(1)</script>"\'<img src=x>',
                                                       url="javascript:alert(2)", source="<b>S</b>"),
                              spans_a=())
    text = render("html", dataclasses.replace(report, findings=(odd,)))
    assert text.count("<script>") == 1
    assert "&lt;script&gt;alert(1)&lt;/script&gt;&#34;&#39;&lt;img src=x&gt;" in text
    assert "javascript:" not in text and "&lt;b&gt;S&lt;/b&gt;" in text
    csp = html.unescape(re.search(r'http-equiv="Content-Security-Policy" content="([^"]+)"', text).group(1))
    assert "default-src 'none'" in csp and "'unsafe-inline'" not in csp and "script-src 'sha256-" in csp


def test_html_shows_every_status_and_the_groups(report):
    text = render("html", report)
    for status in ("new", "reviewed", "baselined"):
        assert f'data-status="{status}"' in text
    assert text.count('class="finding ') == len(report.findings)
    assert "<mark>25,000</mark>" in text and "<mark>40,000</mark>" in text
    assert f"Groups of similar claims ({len(report.groups)})" in text
    assert '<option value="NUM001">NUM001 numeric-mismatch</option>' in text
    assert "tests/data/reports/claims.jsonl:9: bad date" in text


@pytest.mark.parametrize("url, expected", [
    ("https://a.example/x?y=1", "https://a.example/x?y=1"),
    (" http://a.example ", "http://a.example"),
    ("javascript:alert(1)", None), ("JavaScript://a.example/%0Aalert(1)", None),
    ("data:text/html,<script>", None), ("//a.example", None), ("https://a.example/a b", None), (None, None),
])
def test_only_absolute_web_urls_become_links(url, expected):
    assert web_url(url) == expected


def test_the_sample_schema_file_is_the_one_we_vendored():
    import hashlib

    digest = hashlib.sha256((DATA / "sarif-2.1.0-rtm.5.json").read_bytes()).hexdigest()
    assert digest == "2d99159ae54a3eea97f81781cff48780548657c35949f4b7f25e99a2ba4de4f8"


def test_the_text_table_never_splits_path_and_line(report):
    """A location longer than its column is broken after a '/', or cut from its start, at every
    terminal width: ``...-file.jsonl:10`` never shows as ``...-file.jsonl:1`` and ``0``."""
    f = next(f for f in report.findings if f.status == "new")
    deep = "a-rather-long-folder-name/another-long-folder/x/claims-dataset-file-with-a-long-name.jsonl"
    odd = dataclasses.replace(report, findings=(dataclasses.replace(
        f, a=dataclasses.replace(f.a, path=deep, line=10), b=dataclasses.replace(f.b, path="short.md", line=1234)),))
    for width in range(60, 161):
        lines = render("text", odd, width=width).splitlines()
        cells = [part.strip() for line in lines if line.startswith("│") for part in line.strip("│").split("│")]
        assert any(re.search(r"\.jsonl:10\b", cell) for cell in cells), (width, cells)
        assert any(re.search(r"\.md:1234\b", cell) for cell in cells), (width, cells)
        assert max(len(line) for line in lines if line.startswith(("│", "┌", "└"))) == width


@pytest.mark.parametrize("swap", [False, True])
def test_markdown_updates_put_the_earlier_report_in_the_earlier_column(report, swap):
    """The table wrote claim a under "Earlier" whatever its date (the golden file pinned a later
    report there); both sides of each update, in either order, now go by date, as in the text report."""
    updates = [f for f in report.findings if f.kind == "update"]
    assert updates
    if swap:
        updates = [dataclasses.replace(f, a=f.b, b=f.a, spans_a=f.spans_b, spans_b=f.spans_a) for f in updates]
        report = dataclasses.replace(report, findings=tuple(f for f in report.findings if f.kind != "update")
                                     + tuple(updates))
    out = render("markdown", report)
    table = out[out.index("| Earlier | Later |"):]
    rows = [line for line in table.splitlines()[2:] if line.startswith("| ")]
    assert len(rows) == len(updates)
    for row in rows:
        earlier, later = (re.findall(r"\d{4}-\d\d-\d\d", cell) for cell in row.split(" | ")[2:4])
        assert earlier and later and earlier[0] <= later[0], row
