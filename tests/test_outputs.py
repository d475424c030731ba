"""Where output goes (issue 10 items 3, 11 and 12): every command that prints a report takes
``-f FORMAT[:FILE]`` and ``-o FILE``; a regular file is replaced atomically, anything else
(a device, a FIFO, /dev/stdout) is written directly and a symbolic link is followed; a
reader that closes stdout early changes neither the other outputs nor the exit code."""

from __future__ import annotations

import json
import os
import stat
import subprocess
import sys
import threading

import pytest

from terminal import CONSOLE_SCRIPT

ROWS = [{"id": "ferry", "text": "The ferry carries 1,200 passengers on weekdays."},
        {"id": "ferry-2", "text": "The ferry carries 800 passengers on weekdays."}]
PAIR = {"id": "p1", "premise": "Exports rose 3% in October.", "hypothesis": "Exports fell 2% in October."}


@pytest.fixture()
def claims(in_tmp):
    (in_tmp / "c.jsonl").write_text("".join(json.dumps(r) + "\n" for r in ROWS))
    (in_tmp / "pairs.jsonl").write_text(json.dumps(PAIR) + "\n")
    return in_tmp


# -- item 12: one convention for every command that prints a report ------------------------------

def test_extract_takes_the_output_options_of_check(run, claims):
    result = run("extract", "c.jsonl", "-o", "claims.jsonl", "-f", "jsonl", "-f", "text:claims.txt")
    assert result.exit_code == 0 and result.stdout == ""
    assert [json.loads(line)["id"] for line in (claims / "claims.jsonl").read_text().splitlines()] == \
        ["ferry", "ferry-2"]
    assert (claims / "claims.txt").read_text().startswith("c.jsonl:1 The ferry carries 1,200 passengers")
    text = run("extract", "c.jsonl", "-f", "text")
    assert text.stdout == (claims / "claims.txt").read_text()


def test_compare_takes_the_output_options_of_check(run, claims):
    result = run("compare", "--pairs", "pairs.jsonl", "-f", "jsonl:verdicts.jsonl", "-f", "text")
    assert result.exit_code == 1
    assert result.stdout.startswith("p1: conflict DIR001: ")
    (verdict,) = [json.loads(line) for line in (claims / "verdicts.jsonl").read_text().splitlines()]
    assert verdict["id"] == "p1" and verdict["verdict"] == "conflict"
    two = run("compare", "Exports rose 3% in October.", "Exports fell 2% in October.", "-o", "v.txt")
    assert two.exit_code == 1 and two.stdout == "" and (claims / "v.txt").read_text().startswith("conflict DIR001")


@pytest.mark.parametrize("command", [["extract", "c.jsonl"], ["compare", "--pairs", "pairs.jsonl"]])
def test_output_mistakes_are_the_same_usage_errors_everywhere(run, claims, command):
    for args, message in ((["-f", "xml"], "unknown format 'xml' in --format xml"),
                          (["-f", "jsonl", "-f", "text"], "only one format can go to stdout")):
        result = run(*command, *args)
        assert result.exit_code == 2 and result.stderr.startswith("error[CNS101]") and message in result.stderr


# -- item 3: special output paths -----------------------------------------------------------------

def test_a_symlinked_report_path_is_followed_not_replaced(run, claims):
    (claims / "reports").mkdir()
    (claims / "reports" / "real.jsonl").write_text("old\n")
    os.chmod(claims / "reports" / "real.jsonl", 0o640)
    (claims / "latest.jsonl").symlink_to(claims / "reports" / "real.jsonl")
    (claims / "dangling.txt").symlink_to(claims / "reports" / "new.txt")
    result = run("extract", "c.jsonl", "-o", "latest.jsonl", "-f", "jsonl", "-f", "text:dangling.txt")
    assert result.exit_code == 0, result.output
    assert (claims / "latest.jsonl").is_symlink() and (claims / "dangling.txt").is_symlink()
    assert len((claims / "reports" / "real.jsonl").read_text().splitlines()) == 2
    assert stat.S_IMODE((claims / "reports" / "real.jsonl").stat().st_mode) == 0o640  # still atomic, same mode
    assert (claims / "reports" / "new.txt").read_text().startswith("c.jsonl:1 ")
    assert sorted(p.name for p in (claims / "reports").iterdir()) == ["new.txt", "real.jsonl"]  # no temp file left


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="needs FIFOs")
def test_a_fifo_is_written_to_not_replaced(run, claims):
    fifo = claims / "pipe"
    os.mkfifo(fifo)
    received = []
    reader = threading.Thread(target=lambda: received.append(fifo.read_text()), daemon=True)
    reader.start()
    result = run("check", "c.jsonl", "-q", "-f", f"json:{fifo}", "-f", "text:report.txt")
    reader.join(60)
    assert result.exit_code == 1, result.output
    assert stat.S_ISFIFO(fifo.stat().st_mode)
    assert json.loads(received[0])["summary"]["conflicts"] == 1


@pytest.mark.skipif(os.geteuid() != 0, reason="making a device node needs root")
def test_a_device_is_written_to_not_replaced(run, claims):
    null = claims / "null"  # a copy of /dev/null (character device 1,3) inside the test folder
    os.mknod(null, 0o666 | stat.S_IFCHR, os.makedev(1, 3))
    result = run("extract", "c.jsonl", "-o", str(null))
    assert result.exit_code == 0, result.output
    assert stat.S_ISCHR(null.stat().st_mode)
    assert sorted(p.name for p in claims.iterdir()) == ["c.jsonl", "null", "pairs.jsonl"]


def test_dev_stdout_and_a_link_to_it_write_to_stdout(claims):
    (claims / "out").symlink_to("/proc/self/fd/1")
    for target in ("/dev/stdout", "out"):
        result = subprocess.run([str(CONSOLE_SCRIPT), "extract", "c.jsonl", "-f", f"jsonl:{target}"],
                                capture_output=True, text=True, cwd=claims, timeout=300)
        assert result.returncode == 0, result.stderr
        assert [json.loads(line)["id"] for line in result.stdout.splitlines()] == ["ferry", "ferry-2"]
    assert (claims / "out").is_symlink() and os.readlink(claims / "out") == "/proc/self/fd/1"
    assert os.path.islink("/dev/stdout")


def test_a_folder_as_output_is_a_usage_error(run, claims):
    (claims / "dir").mkdir()
    result = run("extract", "c.jsonl", "-f", "jsonl:dir")
    assert result.exit_code == 2 and result.stderr.startswith("error[CNS101]: cannot write dir: it is a folder")


# -- item 11: a reader that goes away ---------------------------------------------------------------

def _closed_stdout(args: list[str], cwd) -> tuple[int, str]:
    """Run the console script with stdout a pipe whose reader is already gone (like `| true`)."""
    read, write = os.pipe()
    os.close(read)
    try:
        done = subprocess.run([str(CONSOLE_SCRIPT), *args], stdout=write, stderr=subprocess.PIPE, text=True,
                              cwd=cwd, timeout=600)
    finally:
        os.close(write)
    return done.returncode, done.stderr


@pytest.mark.parametrize("extra, code", [(["--exit-zero"], 0), ([], 1)])
def test_a_closed_stdout_keeps_the_exit_code_and_the_other_reports(claims, extra, code):
    returncode, stderr = _closed_stdout(["check", "c.jsonl", "-q", "-f", "text", "-f", "json:r.json", *extra],
                                        claims)
    assert (returncode, stderr) == (code, "")
    assert json.loads((claims / "r.json").read_text())["summary"]["conflicts"] == 1


def test_a_closed_stdout_on_a_command_without_conflicts_exits_0(claims):
    assert _closed_stdout(["extract", "c.jsonl"], claims) == (0, "")
    assert _closed_stdout(["rules"], claims) == (0, "")
