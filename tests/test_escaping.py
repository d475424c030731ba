"""Terminal escape injection (issue 10 item 7): control characters in claim text, sources,
ids and file names reach no human-facing output raw. A terminal would act on them: ESC
starts colour and OSC sequences (window title, clipboard write with OSC 52, hyperlinks),
C1 controls do the same in 8 bits, bidi controls reorder what is shown, CR overwrites a
line. They are written as visible escapes (``\\x1b``, ``\\u202e``); the Markdown report
also makes no link GitHub would make by itself, and rich markup in a source is text."""

from __future__ import annotations

import json
import re

import pytest

#: ESC (an OSC 52 clipboard write, a colour), the 8-bit CSI, a bidi override, a CR, a BEL, a DEL.
HOSTILE = "\x1b]52;c;cm0gLXJmIH4=\x07\x1b[31m\x9b2J\u202e\r\x7f"
RAW = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]")


@pytest.fixture()
def hostile(in_tmp):
    rows = [{"id": "ferry" + HOSTILE, "text": f"The ferry carries 1,200 {HOSTILE}passengers on weekdays.",
             "source": "[link=https://evil.example]Harbor[/link] [bold]Ledger" + HOSTILE,
             "url": "https://harbor.example/ferry"},
            {"id": "ferry-2", "text": "The ferry carries 800 passengers on weekdays, see www.evil.example "
                                      "and https://evil.example/x."},
            {"id": "bad", "text": "x", "date": "2026-13-01" + HOSTILE}]
    (in_tmp / "c.jsonl").write_text("".join(json.dumps(r) + "\n" for r in rows))
    return in_tmp


@pytest.mark.parametrize("fmt", ["text", "markdown", "github"])
def test_human_formats_show_control_characters_as_escapes(run, hostile, fmt):
    result = run("check", "c.jsonl", "-f", fmt, "--color")
    assert result.exit_code == 2  # the bad row
    out = result.stdout if fmt != "text" else re.sub(r"\x1b\[[0-9;]*m", "", result.stdout)  # our own colours
    assert not RAW.search(out), repr(RAW.search(out))
    assert not RAW.search(result.stderr)
    assert out.count("x1b") >= 4  # in the text, source and id of the first claim, as escapes
    assert "c.jsonl:3: bad date '2026-13-01\\x1b]52;c;cm0gLXJmIH4=\\x07" in result.stderr


def test_text_shows_rich_markup_in_data_as_text(run, hostile):
    result = run("check", "c.jsonl", "-f", "text")
    assert "[link=https://evil.example]Harbor[/link]" in result.stdout and "[bold]Ledger" in result.stdout


def test_markdown_makes_no_links_from_data(run, hostile):
    from markdown_it import MarkdownIt

    result = run("check", "c.jsonl", "-f", "markdown")
    page = MarkdownIt("gfm-like", {"linkify": True}).enable("linkify").render(result.stdout)
    links = re.findall(r'<a href="([^"]+)"', page)
    assert links and all(not link.startswith(("https://evil", "http://www.evil")) for link in links), links
    assert "https://harbor.example/ferry" in links  # the row's url is the one link made from data
    assert "www&#8203;.evil.example" in result.stdout and "https&#8203;://evil.example/x" in result.stdout


def test_extract_and_compare_text_show_control_characters_as_escapes(run, hostile):
    extract = run("extract", "c.jsonl", "-f", "text")
    assert not RAW.search(extract.stdout) and "\\x1b]52" in extract.stdout
    compare = run("compare", f"Tolls rose 5% {HOSTILE} in May.", "Tolls fell 2% in May.", "--select", "DIR001")
    assert not RAW.search(compare.stdout) and compare.exit_code == 1
