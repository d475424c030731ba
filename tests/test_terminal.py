"""The real console script in a real (pseudo-)terminal, at 80 and 200 columns, with and
without NO_COLOR: what a user at a shell sees (README's first command).

Each run starts a fresh process (about 10 s of CPU for the model's imports), so the four
terminals (80 or 200 columns, NO_COLOR set or not) take turns: `check` and `run --store`
draw the width- and colour-dependent text report in two each (together all four, each
command at both widths and with and without NO_COLOR), and each machine format runs
once to stdout.
"""

from __future__ import annotations

import json
import re

import pytest

from conftest import SEEDS
from terminal import ANSI, COLOUR, in_terminal, terminal_env

TERMINALS = [(80, False), (200, True), (200, False), (80, True)]  # (columns, NO_COLOR set)
#: What both `check` and `run --store` print for the seeds: `run` embeds file by file and `check` all
#: claims at once, and a claim's vector does not depend on what is embedded with it, so the two agree
#: (they did not while the int8 backend quantised activations per batch: 9 groups against 8).
SUMMARY = "7 conflicts (7 new), 1 update — 27 claims from 5 documents in 2 stories and 8 groups"


def _env(no_color: bool) -> dict[str, str]:
    return terminal_env(**({"NO_COLOR": "1"} if no_color else {}))


def _assert_clean(session) -> None:
    assert "internal error" not in session.raw and "Traceback" not in session.raw, session.raw[-2000:]


def _assert_text_report(session, columns: int, no_color: bool, summary: str = SUMMARY) -> None:
    lines = session.screen_lines
    start = next(i for i, line in enumerate(lines) if line.startswith(summary[:12]))
    assert " ".join(line.strip() for line in lines[start:start + 2]).startswith(summary)  # wrapped at 80 columns
    tables = [line for line in lines if line.startswith(("┌", "│", "└"))]
    assert len(tables) > 20
    assert {len(line) for line in tables} == {columns}, "the side-by-side table takes the terminal's width"
    report = lines[:start + 2]
    assert max(len(line) for line in report if line.startswith(("[", " ", "U"))) <= columns
    assert (COLOUR.search(session.raw) is None) == no_color, "colour in a terminal, none under NO_COLOR"


@pytest.mark.parametrize("columns,no_color", [TERMINALS[0], TERMINALS[1]])
def test_check_text_report_fits_the_terminal(tmp_path, columns, no_color):
    session = in_terminal(["check", str(SEEDS)], columns=columns, cwd=tmp_path, env=_env(no_color))
    _assert_clean(session)
    assert session.exit_code == 1
    _assert_text_report(session, columns, no_color)


@pytest.mark.parametrize("fmt,terminal", [(fmt, TERMINALS[n % 4]) for n, fmt in enumerate(
    ["json", "jsonl", "sarif", "markdown", "github", "html"])])
def test_check_machine_formats_on_a_terminal(tmp_path, fmt, terminal):
    columns, no_color = terminal
    session = in_terminal(["check", str(SEEDS), "-f", fmt, "-q"], columns=columns, cwd=tmp_path,
                          env=_env(no_color))
    _assert_clean(session)
    assert session.exit_code == 1
    out = session.raw.replace("\r\n", "\n")
    assert "\x1b" not in out, "machine formats carry no terminal escapes"
    if fmt in ("json", "jsonl", "sarif"):
        data = [json.loads(line) for line in out.splitlines()] if fmt == "jsonl" else json.loads(out)
        conflicts = {"json": lambda: data["conflicts"], "sarif": lambda: data["runs"][0]["results"],
                     "jsonl": lambda: [row for row in data if row["kind"] == "conflict"]}[fmt]()
        assert len(conflicts) == 7
    else:
        assert "7 new conflicts" in out or "7 conflicts (7 new)" in out


@pytest.mark.parametrize("columns,no_color", [TERMINALS[2], TERMINALS[3]])
def test_run_store_in_a_terminal_reports_once(tmp_path, columns, no_color):
    db = tmp_path / "news.db"
    first = in_terminal(["run", "--store", str(db), str(SEEDS)], columns=columns, cwd=tmp_path,
                        env=_env(no_color))
    _assert_clean(first)
    assert first.exit_code == 1
    _assert_text_report(first, columns, no_color, SUMMARY)  # the same summary as `check`
    assert any(line.startswith("run 1 (") for line in first.screen_lines)
    # the first run marked its report: the next one has nothing new and exits 0
    second = in_terminal(["run", "--store", str(db), str(SEEDS)], columns=columns, cwd=tmp_path,
                         env=_env(no_color))
    _assert_clean(second)
    assert second.exit_code == 0
    assert any(line.startswith("0 conflicts (0 new)") for line in second.screen_lines)
    assert any(line.startswith("run 2 (") and "report covers runs after 1" in line
               for line in second.screen_lines)


@pytest.mark.parametrize("sigint", ["default", "ignored"])
@pytest.mark.parametrize("module", ["click", "numpy", "onnxruntime"])
def test_ctrl_c_during_start_up_exits_130_without_a_traceback(tmp_path, module, sigint):
    """Ctrl-C (the terminal's interrupt character) right after ``module`` is imported: while the
    console script imports the CLI (click), the pipeline (numpy) or the embedding runtime (onnxruntime).

    ``ignored``: the launcher handed the process SIGINT ignored, as a test runner or a script's
    background job may. The Ctrl-C typed at the terminal was then swallowed and the check ran to
    its end (exit 1); a command in the terminal's foreground now takes it."""
    import signal

    import pexpect

    from terminal import CONSOLE_SCRIPT, exit_status

    env = terminal_env(PYTHONPROFILEIMPORTTIME="1")  # each finished import is a line on stderr
    disposition = signal.SIG_IGN if sigint == "ignored" else signal.SIG_DFL
    child = pexpect.spawn(str(CONSOLE_SCRIPT), ["check", str(SEEDS)], cwd=str(tmp_path), env=env,
                          dimensions=(50, 100), encoding="utf-8", timeout=600,
                          preexec_fn=lambda: signal.signal(signal.SIGINT, disposition))
    child.expect(rf"\| +{module}\r\n")
    child.sendintr()
    out = child.before + child.after + child.read()
    code = exit_status(child)
    assert code == 130, out[-3000:]
    assert "Traceback" not in out and "KeyboardInterrupt" not in out
    assert out.rstrip().endswith("interrupted")


@pytest.mark.parametrize("no_color", [False, True])
def test_progress_names_every_stage_on_stderr_while_stdout_is_piped(tmp_path, no_color):
    """Progress used to show only embedding: nothing while files were read and claims extracted, and
    a full bar while grouping and rules ran. Now every stage draws, on stderr only: a spinner for
    the stages without a known total (read, group, check), a bar with counts for embedding."""
    from pathlib import Path

    (tmp_path / "c.jsonl").write_text(
        '{"id": "a", "text": "The ferry carries 1,200 passengers on weekdays."}\n'
        '{"id": "b", "text": "The ferry carries 800 passengers on weekdays."}\n')
    from terminal import CONSOLE_SCRIPT

    session = in_terminal(["-c", f"{CONSOLE_SCRIPT} check c.jsonl > out.txt"], columns=120, cwd=tmp_path,
                          env=_env(no_color), command=Path("/bin/bash"))
    _assert_clean(session)
    assert session.exit_code == 1
    shown = session.raw
    stages = [shown.find(f" {stage} ") for stage in ("read", "embed", "group", "check")]
    assert -1 not in stages and stages == sorted(stages), shown[-2000:]
    assert "2/2" in shown and "0/?" in shown  # a bar with counts; a stage without a total
    assert any(spinner in shown for spinner in "⠋⠙⠹⠸⠼⠴⠦⠧⠇⠏")
    assert (COLOUR.search(shown) is None) == no_color
    report = (tmp_path / "out.txt").read_text()
    assert "\x1b" not in report and "1 conflict (1 new)" in report
    assert {len(line) for line in report.splitlines() if line.startswith(("┌", "│", "└"))} == {100}


@pytest.mark.parametrize("columns", [None, "150", "72"])
def test_piped_text_report_takes_its_width_from_columns(tmp_path, columns):
    """Piped output was always 100 columns; ``COLUMNS`` (as ``COLUMNS=$COLUMNS cmd | less`` passes it)
    now sets it, as it does for most command-line tools."""
    import subprocess

    from terminal import CONSOLE_SCRIPT

    (tmp_path / "c.jsonl").write_text(
        '{"id": "a", "text": "The ferry carries 1,200 passengers on weekdays."}\n'
        '{"id": "b", "text": "The ferry carries 800 passengers on weekdays."}\n')
    env = terminal_env(**({"COLUMNS": columns} if columns else {}))
    done = subprocess.run([str(CONSOLE_SCRIPT), "check", "c.jsonl", "-q"], cwd=tmp_path, env=env,
                          capture_output=True, text=True, timeout=600)
    assert done.returncode == 1, done.stderr
    widths = {len(line) for line in done.stdout.splitlines() if line.startswith(("┌", "│", "└"))}
    assert widths == {int(columns or 100)}


RUN_STAGES = ("read", "extract", "embed", "group", "stories", "check", "write")


@pytest.mark.parametrize("how", ["terminal", "quiet", "stderr piped"])
def test_run_draws_every_stage_on_stderr_only_in_a_terminal(tmp_path, how):
    """`run --store` showed a bar for embedding alone: nothing while files were read and claims
    extracted, nothing while the store was matched, checked and written. Now each stage draws on
    stderr, through the same progress as `check`: a bar with counts where the total is known (files
    read, documents extracted, texts embedded), a spinner with the stage's name otherwise; nothing
    under --quiet or when stderr is not a terminal."""
    from pathlib import Path

    from terminal import CONSOLE_SCRIPT

    (tmp_path / "a.jsonl").write_text(
        '{"id": "a", "text": "The ferry carries 1,200 passengers on weekdays."}\n'
        '{"id": "b", "text": "The ferry carries 800 passengers on weekdays."}\n')
    (tmp_path / "c.jsonl").write_text('{"id": "c", "text": "The ferry carries 950 passengers on weekdays."}\n')
    command = f"{CONSOLE_SCRIPT} run --store s.db a.jsonl c.jsonl > out.txt"
    command += {"terminal": "", "quiet": " -q", "stderr piped": " 2> err.txt"}[how]
    session = in_terminal(["-c", command], columns=120, cwd=tmp_path, env=_env(False), command=Path("/bin/bash"))
    _assert_clean(session)
    assert session.exit_code == 1
    assert "3 conflicts (3 new)" in (tmp_path / "out.txt").read_text()
    shown = session.raw
    if how != "terminal":
        shown += (tmp_path / "err.txt").read_text() if how == "stderr piped" else ""
        assert not any(f" {stage} " in shown for stage in RUN_STAGES), shown[-2000:]
        assert "\x1b[?25l" not in shown and not any(spinner in shown for spinner in "⠋⠙⠹⠸⠼⠴⠦⠧⠇⠏")
        return
    stages = [shown.find(f" {stage} ") for stage in RUN_STAGES]
    assert -1 not in stages and stages == sorted(stages), shown[-3000:]
    bars = {stage: re.findall(rf" {stage} .*?(\d+)/(\d+)", ANSI.sub("", shown)) for stage in ("read", "extract", "embed")}
    assert ("2", "2") in bars["read"] and ("3", "3") in bars["extract"] and ("3", "3") in bars["embed"], bars
    assert "0/?" in shown  # a stage without a total: the spinner and its name
    assert any(spinner in shown for spinner in "⠋⠙⠹⠸⠼⠴⠦⠧⠇⠏")
