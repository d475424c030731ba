"""Reading files and folders; bad rows are reported as path:line and never stop the others."""

from __future__ import annotations

import datetime as dt
import json

import pytest

from consistency.errors import InputError
from consistency.reading import read_paths


def write(path, text: str | bytes):
    path.parent.mkdir(parents=True, exist_ok=True)
    if isinstance(text, bytes):
        path.write_bytes(text)
    else:
        path.write_text(text, encoding="utf-8")
    return path


def test_folder_recurses_sorted_and_keys_are_relative(tmp_path):
    write(tmp_path / "b" / "two.md", "Exports rose 3% in October, officials said.\n")
    write(tmp_path / "a.txt", "Imports fell 2% in October, officials said.\n")
    write(tmp_path / ".hidden" / "x.txt", "Ignored because hidden folder.\n")
    write(tmp_path / "notes.docx", "not a supported type")
    result = read_paths([str(tmp_path)])
    assert [d.key for d in result.documents] == ["a.txt", "b/two.md"]
    assert result.problems == ()


def test_front_matter_gives_metadata_and_body_line(tmp_path):
    path = write(tmp_path / "a.md", "---\nsource: Harbor Ledger\ndate: 2026-03-07\nurl: https://x.example/a\n"
                                   "title: T\n---\nBody sentence here.\n")
    (doc,) = read_paths([str(path)]).documents
    assert (doc.source, doc.date, doc.url, doc.title) == ("Harbor Ledger", dt.date(2026, 3, 7), "https://x.example/a", "T")
    assert doc.text == "Body sentence here.\n"
    assert doc.text_line == 7


def test_bad_front_matter_date_is_a_problem_with_its_line(tmp_path):
    path = write(tmp_path / "a.md", "---\nsource: X\ndate: last Tuesday\n---\nBody sentence here.\n")
    result = read_paths([str(path)])
    assert len(result.documents) == 1
    assert [str(p) for p in result.problems] == [f"{path}:3: bad date 'last Tuesday'; use ISO 8601 such as 2026-03-07"]


def test_html_keeps_main_text_and_metadata(tmp_path):
    html = """<html><head><meta property="og:site_name" content="Capital Dispatch">
    <meta property="article:published_time" content="2026-03-15T08:30:00Z"><title>T</title></head>
    <body><nav><a href="/">Home</a> | <a href="/world">World</a></nav>
    <article><h1>Talks open</h1><p>Indirect talks opened in Muscat on March 12 with Omani mediators present.</p>
    <p>Brent crude rose 4% on March 6 before giving back part of the gain.</p></article>
    <footer>Copyright 2026 Capital Dispatch. All rights reserved.</footer></body></html>"""
    (doc,) = read_paths([str(write(tmp_path / "a.html", html))]).documents
    assert "Indirect talks opened in Muscat" in doc.text
    assert "Home" not in doc.text and "All rights reserved" not in doc.text
    assert doc.source == "Capital Dispatch"
    assert doc.date == dt.date(2026, 3, 15)


def test_jsonl_bad_rows_are_all_reported_and_good_rows_kept(tmp_path):
    rows = [
        json.dumps({"id": "c1", "text": "Exports rose 3% in October.", "date": "2026-11-02", "source": "A"}),
        "{not json",
        json.dumps({"id": "c2"}),
        json.dumps({"text": "No id here."}),
        "",
        json.dumps({"id": "c3", "text": "Imports fell 2%.", "date": "yesterday"}),
        json.dumps(["a", "list"]),
        json.dumps({"id": "c1", "text": "Duplicate id."}),
        json.dumps({"id": 7, "text": "Integer ids are read as strings."}),
        json.dumps({"id": True, "text": "A boolean id is not an id."}),
    ]
    path = write(tmp_path / "claims.jsonl", "\n".join(rows) + "\n")
    result = read_paths([str(path)])
    assert [d.row_id for d in result.documents] == ["c1", "7"]
    reasons = {p.line: p.reason for p in result.problems}
    assert sorted(reasons) == [2, 3, 4, 6, 7, 8, 10]
    assert reasons[2].startswith("invalid JSON")
    assert reasons[3] == "missing required field 'text'"
    assert reasons[4] == "missing required field 'id'"
    assert "bad date 'yesterday'" in reasons[6]
    assert reasons[8].startswith("duplicate id 'c1' (first at")
    assert all(str(p).startswith(f"{path}:{p.line}: ") for p in result.problems)


def test_jsonl_invalid_utf8_line_does_not_stop_the_file(tmp_path):
    data = (json.dumps({"id": "a", "text": "One good row here."}) + "\n").encode() + b'{"id": "b", "text": "\xff"}\n' \
        + (json.dumps({"id": "c", "text": "Another good row."}) + "\n").encode()
    result = read_paths([str(write(tmp_path / "c.jsonl", data))])
    assert [d.row_id for d in result.documents] == ["a", "c"]
    assert [(p.line, p.reason.split(";")[0]) for p in result.problems] == [(2, "not UTF-8 text")]


def test_csv_rows_with_line_numbers_including_multiline_fields(tmp_path):
    text = 'id,text,source\nr1,"Exports rose 3%\nin October.",A\nr2,,B\nr3,Imports fell 2% in October.,C,extra\nr4,Fine row.,D\n'
    path = write(tmp_path / "c.csv", text)
    result = read_paths([str(path)])
    assert [(d.row_id, d.line) for d in result.documents] == [("r1", 2), ("r4", 6)]
    assert [(p.line, p.reason) for p in result.problems] == [(4, "missing required field 'text'"), (5, "expected 3 fields, found 4")]


def test_csv_without_required_columns_is_one_problem(tmp_path):
    result = read_paths([str(write(tmp_path / "c.csv", "claim,source\nx,y\n"))])
    assert result.documents == ()
    assert result.problems[0].line == 1 and "id, text" in result.problems[0].reason


def test_missing_path_and_unsupported_file_are_input_errors(tmp_path):
    with pytest.raises(InputError, match="no such file or folder"):
        read_paths([str(tmp_path / "nope")])
    with pytest.raises(InputError, match="unsupported file type .docx"):
        read_paths([str(write(tmp_path / "x.docx", "x"))])


def test_non_utf8_article_is_a_problem(tmp_path):
    result = read_paths([str(write(tmp_path / "a.txt", b"Caf\xe9 prices rose 3% in a year.\n"))])
    assert result.documents == ()
    assert result.problems[0].line == 1 and "not UTF-8" in result.problems[0].reason


MILL_PAGE = """<!DOCTYPE html><html><head><title>Fire at grain mill injures three</title>
<meta property="og:site_name" content="The Lakeville Daily">{date}
<link rel="canonical" href="{url}"></head><body>
<header><nav><ul><li><a href="/">Home</a></li><li><a href="/news">News</a></li></ul></nav></header>
<main><article><h1>Fire at grain mill injures three</h1>
<figure><img src="mill.jpg"><figcaption>Smoke rises over the mill where 12 workers were on shift.</figcaption></figure>
<p>A fire at the Lakeville grain mill injured three workers on Tuesday morning, the fire chief said.</p>
<blockquote class="twitter-tweet"><p>Three hurt in the mill fire this morning, 40 firefighters on scene.</p>
&mdash; Lakeville Fire (@lakevillefire) May 4, 2021</blockquote>
<p>The fire started in a dryer and was under control within three hours, officials said.</p>
<aside><p>Another mill fire in 2019 cost the town 80 jobs.</p></aside>
<p>The mill employs 140 people and ships about 2 million bushels a year.<sup class="reference"><a href="#n1">[1]</a></sup></p>
<table><tr><td>Injured</td><td>3</td></tr></table>
<form><p>Sign up for our morning newsletter to get the 5 top stories.</p></form>
<ul><li><a href="/a">Mayor says 4 new parks are coming</a></li><li><a href="/b">School board cuts 9 bus routes</a></li>
<li><a href="/c">Police log: 7 cars stolen this week</a></li></ul>
</article></main><footer><p>Copyright 2021 The Lakeville Daily.</p></footer></body></html>"""


def test_html_furniture_is_removed_by_its_markup_and_kept_as_drops(tmp_path):
    html = MILL_PAGE.format(date='<meta property="article:published_time" content="2021-05-04T08:00:00Z">',
                            url="https://lakeville.example/news/mill-fire")
    (doc,) = read_paths([str(write(tmp_path / "mill.html", html))]).documents
    for said in ("injured three workers", "under control within three hours", "employs 140 people"):
        assert said in doc.text
    for furniture in ("12 workers", "40 firefighters", "80 jobs", "[1]", "5 top stories", "4 new parks", "Injured"):
        assert furniture not in doc.text, furniture
    reasons = {d.reason for d in doc.dropped}
    assert {"figcaption", "embed", "aside", "nav", "footer", "form", "table", "citation", "links"} <= reasons
    assert any("40 firefighters" in d.text for d in doc.dropped if d.reason == "embed")
    assert doc.date == dt.date(2021, 5, 4) and doc.date_source == "article"


def test_an_archive_copy_without_a_date_is_dated_by_its_capture_and_says_so(tmp_path):
    html = MILL_PAGE.format(date="", url="https://web.archive.org/web/20210509120000/https://lakeville.example/news/mill")
    (doc,) = read_paths([str(write(tmp_path / "mill.html", html))]).documents
    assert doc.date == dt.date(2021, 5, 9)
    assert doc.date_source == "crawl"


def test_dataset_and_front_matter_dates_are_the_articles(tmp_path):
    rows = write(tmp_path / "rows.jsonl", json.dumps({"id": "r1", "text": "The mill employs 140 people.",
                                                      "date": "2021-05-04"}) + "\n")
    article = write(tmp_path / "a.md", "---\ndate: 2021-05-04\n---\nThe mill employs 140 people.\n")
    undated = write(tmp_path / "b.md", "The mill employs 140 people.\n")
    docs = {d.path: d for d in read_paths([str(rows), str(article), str(undated)]).documents}
    assert docs[str(rows)].date_source == "article"
    assert docs[str(article)].date_source == "article"
    assert docs[str(undated)].date_source is None
