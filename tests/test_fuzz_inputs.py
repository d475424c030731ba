"""Random input to the four readers a user feeds (issue 10): the dataset reader (JSONL and
CSV), the article reader (front matter), the config loader (pyproject.toml) and the baseline
loader. Whatever the input, the CLI exits 0, 1 or 2, never 3; every stderr line is a
``path:line: reason``, ``path: reason`` or ``error[CNS1xx]: ...`` line; and every good row
mixed into the input is still read.

The many generated cases run the CLI in-process (``consistency.cli.main(argv)``, the model
loaded once); `extract` needs no model, `check` embeds a handful of claims. A few fixed
hostile files go through the installed console script at the end.
"""

from __future__ import annotations

import codecs
import contextlib
import csv
import io
import json
import os
import re
import subprocess
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings, strategies as st

from consistency.cli import main

from terminal import CONSOLE_SCRIPT

GOOD_TEXTS = ("The ferry carries 1,200 passengers on weekdays.", "The harbour bridge is 180 metres long.",
              "Exports of timber rose 3% in October.", "The new tunnel under the river is 3 km long.")
HOSTILE_STRINGS = ("\udfff", "\ud800x", "\x1b]52;c;cm0gLXJmIH4=\x07", "\x9b2J", "\u202eevil", "   ", "", "\r\n",
                   "\x00", "[bold]x[/]", "2026-02-30", "https://www.example.org/x", "Ünïcödé ✓")
#: Each stderr line: a problem (``path:line: reason`` or ``path: reason``), an error, or the count of more.
LINE = re.compile(r"^(?:error\[CNS1\d\d\]: .+|.+?:\d+: .+|.+?: .+|\.\.\. and [\d,]+ more input problems; .+)$")

FUZZ = settings(max_examples=int(os.environ.get("FUZZ_EXAMPLES", "100")), deadline=None,
                suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture,
                                       HealthCheck.filter_too_much])

texts = st.one_of(st.sampled_from(HOSTILE_STRINGS),
                  st.text(st.characters(codec=None, exclude_categories=()), max_size=20))
json_values = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats() | texts,
    lambda inner: st.lists(inner, max_size=3) | st.dictionaries(texts, inner, max_size=3), max_leaves=6)
bad_rows = st.fixed_dictionaries({}, optional={name: json_values for name in ("id", "text", "source", "date",
                                                                               "url")})
special_lines = st.sampled_from([b"[" * 3000, b"{" * 3000, b'{"id": "n", "text": ' + b"7" * 5000 + b"}",
                                 b'{"id": "s", "text": "\\udfff"}', b'{"id": "  ", "text": "x"}', b"\xff\xfe\x00",
                                 b"\xef\xbb\xbf{}", b'{"id": "c", "text": "\x1b]0;title\x07 rose 5%."}'])


def _dumps(value, ascii_only: bool) -> bytes:
    return json.dumps(value, ensure_ascii=ascii_only).encode("utf-8", "surrogatepass")


jsonl_lines = st.one_of(
    st.builds(_dumps, json_values, st.booleans()),
    st.builds(_dumps, bad_rows.filter(lambda r: not str(r.get("id", "")).startswith("good")), st.booleans()),
    st.binary(max_size=40).filter(lambda b: b"good" not in b),
    special_lines)


def cli(*argv: str) -> tuple[int, str, str]:
    """The CLI in this process: exit code, stdout, stderr."""
    out, err = io.StringIO(), io.StringIO()
    with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
        code = main(list(argv))
    return code, out.getvalue(), err.getvalue()


def assert_contract(code: int, stderr: str) -> None:
    assert code in (0, 1, 2), stderr[-2000:]
    assert "Traceback" not in stderr and "internal error" not in stderr, stderr[-2000:]
    lines = stderr.splitlines()
    assert all(LINE.match(line) for line in lines), [line for line in lines if not LINE.match(line)]
    if code == 2:
        assert lines, "exit 2 names its reason"


def kept_ids(path: Path) -> list[str]:
    code, out, err = cli("extract", str(path), "--all", "-f", "jsonl")
    assert_contract(code, err)
    return [json.loads(line)["id"] for line in out.split("\n") if line] if code != 2 or out else []


@pytest.fixture()
def workdir(tmp_path_factory, embedder):
    """An empty working folder (no pyproject.toml above it applies), the model loaded."""
    folder = tmp_path_factory.mktemp("fuzz")
    before = Path.cwd()
    os.chdir(folder)
    try:
        yield folder
    finally:
        os.chdir(before)


def _interleave(good: list[bytes], bad: list[bytes], order: list[int]) -> list[bytes]:
    lines, g, b = [], iter(good), iter(bad)
    for pick in order:
        lines.append(next(b, None) if pick else next(g, None))
    return [line for line in [*lines, *g, *b] if line is not None]


@FUZZ
@given(bad=st.lists(jsonl_lines, max_size=8), order=st.lists(st.booleans(), max_size=12),
       count=st.integers(1, 4))
def test_dataset_reader_jsonl(workdir, bad, order, count):
    good = [json.dumps({"id": f"good-{n}", "text": GOOD_TEXTS[n]}).encode() for n in range(count)]
    path = workdir / "claims.jsonl"
    path.write_bytes(b"\n".join(_interleave(good, bad, order)) + b"\n")
    if path.read_bytes().startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):  # a byte-order mark decides
        assert cli("extract", str(path))[2].startswith(f"{path}: file is UTF-16; re-save it as UTF-8\n")
        return
    assert [i for i in kept_ids(path) if i.startswith("good-")] == [f"good-{n}" for n in range(count)]
    code, out, err = cli("check", str(path), "--select", "NUM001", "-f", "json:report.json")
    assert_contract(code, err)
    if code != 2 or (workdir / "report.json").exists():
        report = json.loads((workdir / "report.json").read_text())
        assert report["summary"]["claims"] >= count


csv_cells = st.text(st.characters(codec=None, exclude_categories=(), exclude_characters='"'), max_size=20)


def _csv_line(cells: list[str]) -> bytes:
    return ",".join(cells).encode("utf-8", "surrogatepass")


@FUZZ
@given(bad=st.lists(st.lists(csv_cells, max_size=4).map(_csv_line) | st.binary(max_size=30), max_size=8),
       order=st.lists(st.booleans(), max_size=12), count=st.integers(1, 4),
       header=st.sampled_from(["id,text", "text,id,source", "id,text,date,url,extra"]))
def test_dataset_reader_csv(workdir, bad, order, count, header):
    names = header.split(",")
    good = []
    for n in range(count):
        row = {"id": f"good-{n}", "text": GOOD_TEXTS[n], "source": "S", "date": "2026-03-07", "url": "", "extra": "x"}
        buffer = io.StringIO()
        csv.writer(buffer, lineterminator="").writerow([row[name] for name in names])
        good.append(buffer.getvalue().encode())
    path = workdir / "claims.csv"
    path.write_bytes(b"\n".join([header.encode(), *_interleave(good, [b for b in bad if b"good" not in b], order)])
                     + b"\n")
    assert [i for i in kept_ids(path) if i.startswith("good-")] == [f"good-{n}" for n in range(count)]


yaml_pieces = st.sampled_from(["source: ", "date: ", "url: ", "title: ", "&a ", "*a", "[", "]", "{", "}", ", ",
                               "- ", "!!python/object:os.system ", "'", '"', "\\udfff", "\n", "  ", "|", ">",
                               "2026-03-07", "x", "yes", "~", "---", "...", "%YAML 1.1", "#"])


@FUZZ
@given(front=st.lists(yaml_pieces | st.text(max_size=20), max_size=30).map("".join))
def test_article_reader_front_matter(workdir, front):
    """Any front matter (UTF-8 text: an article that is not UTF-8 is one problem and is not read)."""
    body = "The ferry carries 1,200 passengers on weekdays, the operator said on Friday."
    path = workdir / "article.md"
    path.write_text(f"---\n{front}\n---\n{body}\n", encoding="utf-8")
    code, out, err = cli("extract", str(path), "--all", "-f", "jsonl")
    assert_contract(code, err)
    assert body in [json.loads(line)["text"] for line in out.split("\n") if line]


toml_values = st.one_of(
    st.integers(-10**30, 10**30).map(str), st.floats().map(lambda f: repr(f).replace("inf", "inf")),
    st.sampled_from(["nan", "inf", "-inf", "true", "false", "1.7", "0", "1", "0.5", "1e400", "2026-03-07",
                     '"NUM001"', '["NUM001", "DIR001"]', "[1, 2]", "{a = 1}", '"a\\u0000b"', '"0.7"', "'x'",
                     "[" * 200 + "]" * 200, "9" * 5000, '"none"', '"error"', '"warning"']),
    texts.map(json.dumps))
toml_keys = st.sampled_from(["threshold", "max_neighbors", "same_document", "batch_size", "fail_on", "select",
                             "ignore", "lock_timeout", "baseline", "store", "model", "nli_model", "backend",
                             "threads", "index", "per_file_ignores", "per-file-ignores", "thresh old", "x"])


@pytest.fixture()
def dataset(workdir):
    path = workdir / "c.jsonl"
    path.write_text(json.dumps({"id": "good-0", "text": GOOD_TEXTS[0]}) + "\n"
                    + json.dumps({"id": "good-1", "text": GOOD_TEXTS[0].replace("1,200", "800")}) + "\n")
    return path


@FUZZ
@given(entries=st.lists(st.tuples(toml_keys, toml_values), max_size=4), garbage=st.sampled_from(["", "[", "=", "\x00"]))
def test_config_loader(dataset, entries, garbage):
    entries = [(k, v) for k, v in entries if not (k in ("model", "nli_model") and v.startswith(('"', "'")))]
    lines = [f"{k if ' ' not in k else json.dumps(k)} = {v}" for k, v in dict(entries).items()]
    (dataset.parent / "pyproject.toml").write_text("[tool.consistency]\n" + "\n".join(lines) + "\n" + garbage,
                                                   encoding="utf-8", errors="surrogatepass")
    code, out, err = cli("check", str(dataset), "-f", "json:report.json")
    assert_contract(code, err)
    if code == 2:
        assert err.startswith("error[CNS1"), err


entry_values = st.fixed_dictionaries({}, optional={"id": json_values | st.sampled_from(["abcdef12", "ABCDEF12"]),
                                                   "rule": json_values, "claims": json_values,
                                                   "decision": json_values | st.sampled_from(["open", "dismissed"]),
                                                   "note": json_values})


@FUZZ
@given(version=json_values | st.just(1), entries=st.lists(entry_values | json_values, max_size=4),
       raw=st.none() | st.binary(max_size=60))
def test_baseline_loader(dataset, version, entries, raw):
    path = dataset.parent / "baseline.json"
    path.write_bytes(raw if raw is not None else _dumps({"version": version, "findings": entries}, False))
    code, out, err = cli("check", str(dataset), "--baseline", str(path), "-f", "json:report.json")
    assert_contract(code, err)
    if code == 2:
        assert err.startswith("error[CNS140]"), err


def test_fixed_hostile_files_through_the_console_script(tmp_path):
    """One real run of the installed script over one file of each hostile kind."""
    (tmp_path / "claims.jsonl").write_bytes(b"\n".join([
        json.dumps({"id": "good-0", "text": GOOD_TEXTS[0]}).encode(), b"[" * 100_000,
        b'{"id": "n", "text": ' + b"7" * 5000 + b"}", b'{"id": "s", "text": "a\\udfff"}',
        json.dumps({"id": "good-1", "text": GOOD_TEXTS[0].replace("1,200", "800") + " \x1b]0;t\x07"}).encode()]))
    (tmp_path / "u16.jsonl").write_bytes(json.dumps({"id": "u", "text": GOOD_TEXTS[1]}).encode("utf-16"))
    (tmp_path / "bomb.md").write_text("---\na: &a [x, x]\nb: &b [*a, *a]\nsource: *b\n---\n"
                                      "The harbour bridge is 180 metres long, the city said.\n")
    (tmp_path / "zero.txt").symlink_to("/dev/zero")
    done = subprocess.run([str(CONSOLE_SCRIPT), "check", str(tmp_path), "-f", "json"], capture_output=True,
                          text=True, cwd=tmp_path, timeout=600)
    assert_contract(done.returncode, done.stderr)
    assert done.returncode == 2 and len(done.stderr.splitlines()) == 6
    report = json.loads(done.stdout)
    assert report["summary"]["conflicts"] == 1 and report["summary"]["claims"] == 3
