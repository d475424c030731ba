"""Rerun issue 10's hostile cases through the installed console script and count how many meet
the contract: never exit 3, never a traceback, never hang (each case has a time limit), bad input
named as ``path:line: reason`` / ``path: reason`` / ``error[CNS1xx]``, good rows kept, outputs
where they belong.

    .venv/bin/python benchmarks/hostile.py            # every case (about 5 minutes on 2 cores)
    .venv/bin/python benchmarks/hostile.py -k csv     # the cases whose name contains "csv"

Needs the test extras (pexpect). Everything is made in a temporary folder; nothing is read from
``../shared``. Cases that need root (a device node, dropping capabilities) are skipped without it.
"""

from __future__ import annotations

import argparse
import ctypes
import json
import os
import re
import stat
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import Callable

ROOT = Path(__file__).resolve().parent.parent
SCRIPT = Path(sys.executable).with_name("consistency")
SEEDS = ROOT / "seeds"
GOOD = {"id": "good", "text": "The ferry carries 1,200 passengers on weekdays."}
OTHER = {"id": "other", "text": "The ferry carries 800 passengers on weekdays."}
RAW_CONTROLS = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]")


@dataclass
class Outcome:
    code: int
    stdout: str
    stderr: str
    seconds: float


@dataclass
class Case:
    name: str
    args: list[str]
    codes: tuple[int, ...]
    make: Callable[[Path], None] = lambda d: None
    stderr_has: tuple[str, ...] = ()
    check: Callable[[Path, Outcome], bool] = lambda d, o: True
    env: dict[str, str] = field(default_factory=dict)
    runner: str = "pipe"  # pipe | closed-stdout | pty | pty-ctrl-c | no-dac
    timeout: float = 300
    needs_root: bool = False


def jsonl(path: Path, *rows) -> None:
    path.write_bytes(b"".join((r if isinstance(r, bytes) else json.dumps(r).encode()) + b"\n" for r in rows))


def ids(out: Outcome) -> list[str]:
    return [json.loads(line)["id"] for line in out.stdout.splitlines() if line.startswith("{")]


def run_case(case: Case, folder: Path) -> Outcome:
    env = {k: v for k, v in os.environ.items() if not k.startswith("CONSISTENCY_") and k != "NO_COLOR"}
    env.update(case.env)
    started = time.monotonic()
    if case.runner.startswith("pty"):
        import pexpect

        child = pexpect.spawn(str(SCRIPT), case.args, cwd=str(folder), env={**env, "TERM": "xterm-256color"},
                              dimensions=(50, 80), encoding="utf-8", codec_errors="replace", timeout=case.timeout)
        if case.runner == "pty-ctrl-c":
            child.expect(r"\| +" + case.env["TRIGGER"] + r"\r\n")
            child.sendintr()
        text = child.read()
        child.close()
        code = child.exitstatus if child.exitstatus is not None else 128 + (child.signalstatus or 0)
        return Outcome(code, text, text, time.monotonic() - started)
    stdout = subprocess.PIPE
    read_end = None
    if case.runner == "closed-stdout":
        read_end, stdout = os.pipe()
        os.close(read_end)
    try:
        done = subprocess.run([str(SCRIPT), *case.args], cwd=folder, env=env, stdout=stdout, stderr=subprocess.PIPE,
                              timeout=case.timeout, preexec_fn=_drop_dac if case.runner == "no-dac" else None)
    finally:
        if case.runner == "closed-stdout":
            os.close(stdout)
    out = done.stdout.decode("utf-8", "replace") if done.stdout else ""
    return Outcome(done.returncode, out, done.stderr.decode("utf-8", "replace"), time.monotonic() - started)


def _drop_dac() -> None:
    """As root: no CAP_DAC_OVERRIDE / CAP_DAC_READ_SEARCH, so folder permissions apply."""
    libc = ctypes.CDLL(None, use_errno=True)
    for capability in (1, 2):
        libc.prctl(24, capability, 0, 0, 0)  # PR_CAPBSET_DROP


def meets_contract(case: Case, folder: Path, out: Outcome) -> tuple[bool, str]:
    if out.code not in case.codes:
        return False, f"exit {out.code}, expected {case.codes}"
    if "Traceback" in out.stderr or "internal error" in out.stderr:
        return False, "traceback or internal error"
    missing = [s for s in case.stderr_has if s not in out.stderr]
    if missing:
        return False, f"stderr lacks {missing[0]!r}"
    if case.runner not in ("pty", "pty-ctrl-c"):
        bad = [line for line in out.stderr.splitlines()
               if not re.match(r"^(error\[CNS1\d\d\]: |interrupted$|run \d+ |\.\.\. and |.+?:(\d+:)? .)", line)]
        if bad:
            return False, f"stderr line not in the contract: {bad[0][:80]!r}"
    try:
        return (True, "") if case.check(folder, out) else (False, "case check failed")
    except Exception as exc:  # noqa: BLE001 - a failed check is a failed case
        return False, f"case check raised {exc!r}"


def cases() -> list[Case]:
    big_row = "The ferry carries 1,200 passengers " + "and more " * 25_000 + "on weekdays."
    sentence = "Officials said the ferry carried {} passengers across the bay on the busiest day of the year. "
    bomb = "---\na: &a [x, x, x, x, x, x, x, x, x]\n" + "".join(
        f"{n}: &{n} [{', '.join(['*' + p] * 9)}]\n" for n, p in zip("bcdefghi", "abcdefgh")) + \
        "source: *i\n---\nThe ferry carries 1,200 passengers on weekdays, the operator said.\n"
    sparse = lambda path, size: open(path, "wb").truncate(size)  # noqa: E731
    out_json = lambda d: json.loads((d / "r.json").read_text())  # noqa: E731
    return [
        # item 1: lone surrogates
        *[Case(f"surrogate in {f}", ["extract", "c.jsonl", "--all"], (2,),
               lambda d, f=f: jsonl(d / "c.jsonl", GOOD, json.dumps({**OTHER, f: "x\udfff"}).encode()),
               ("c.jsonl:2: '" + f + "' holds a lone surrogate",), lambda d, o: ids(o) == ["good"])
          for f in ("text", "id", "source")],
        Case("surrogate row in run --store", ["run", "--store", "s.db", "c.jsonl", "-q", "-f", "json:r.json"], (2,),
             lambda d: jsonl(d / "c.jsonl", GOOD, b'{"id": "s", "text": "x\\udfff"}', OTHER), (),
             lambda d, o: out_json(d)["summary"]["claims"] == 2
             and subprocess.run([str(SCRIPT), "run", "--store", "s.db", "c.jsonl", "-q"], cwd=d,
                                stdout=subprocess.DEVNULL).returncode in (0, 2)),
        # item 2: nesting, long integers, non-UTF-8 pairs
        Case("deeply nested JSON row", ["extract", "c.jsonl"], (2,),
             lambda d: jsonl(d / "c.jsonl", b"[" * 200_000 + b"]" * 200_000, GOOD), ("c.jsonl:1: unreadable JSON",),
             lambda d, o: ids(o) == ["good"]),
        Case("5,000-digit integer in a row", ["extract", "c.jsonl"], (2,),
             lambda d: jsonl(d / "c.jsonl", b'{"id": "n", "text": ' + b"9" * 5000 + b"}", GOOD),
             ("more than 4300 digits",), lambda d, o: ids(o) == ["good"]),
        Case("deeply nested baseline", ["check", "c.jsonl", "--baseline", "b.json"], (2,),
             lambda d: (jsonl(d / "c.jsonl", GOOD), (d / "b.json").write_text("[" * 100_000)), ("error[CNS140]",)),
        Case("5,000-digit integer in a baseline", ["check", "c.jsonl", "--baseline", "b.json"], (2,),
             lambda d: (jsonl(d / "c.jsonl", GOOD), (d / "b.json").write_text('{"version": ' + "1" * 5000 + "}")),
             ("error[CNS140]",)),
        Case("non-UTF-8 --pairs file", ["compare", "--pairs", "p.jsonl", "-f", "jsonl"], (2,),
             lambda d: (d / "p.jsonl").write_bytes(b'{"id": "a", "premise": "Exports rose 3% in May.", '
                                                   b'"hypothesis": "Exports fell 2% in May."}\n\xff\xfe\n'),
             ("p.jsonl:2: not UTF-8 text",), lambda d, o: ids(o) == ["a"]),
        # item 3: special output paths
        Case("-f jsonl:/dev/stdout", ["extract", "c.jsonl", "-f", "jsonl:/dev/stdout"], (0,),
             lambda d: jsonl(d / "c.jsonl", GOOD), (),
             lambda d, o: ids(o) == ["good"] and os.path.islink("/dev/stdout")),
        Case("-o a device node (a copy of /dev/null)", ["extract", "c.jsonl", "-o", "null"], (0,),
             lambda d: (jsonl(d / "c.jsonl", GOOD), os.mknod(d / "null", 0o666 | stat.S_IFCHR, os.makedev(1, 3))),
             (), lambda d, o: stat.S_ISCHR((d / "null").stat().st_mode), needs_root=True),
        Case("-o a symlink to a report", ["extract", "c.jsonl", "-o", "link.jsonl"], (0,),
             lambda d: (jsonl(d / "c.jsonl", GOOD), (d / "real.jsonl").write_text(""),
                        (d / "link.jsonl").symlink_to(d / "real.jsonl")), (),
             lambda d, o: (d / "link.jsonl").is_symlink() and "good" in (d / "real.jsonl").read_text()),
        # item 5: inputs that block, never end, or are too large; front matter; long paragraphs
        Case("a FIFO given as input", ["extract", "f.jsonl", "c.jsonl"], (2,),
             lambda d: (os.mkfifo(d / "f.jsonl"), jsonl(d / "c.jsonl", GOOD)), ("f.jsonl: not a regular file (a FIFO)",),
             lambda d, o: ids(o) == ["good"], timeout=60),
        Case("a symlink to /dev/zero in a folder", ["extract", "in"], (2,),
             lambda d: ((d / "in").mkdir(), (d / "in" / "z.jsonl").symlink_to("/dev/zero"),
                        jsonl(d / "in" / "c.jsonl", GOOD)), ("z.jsonl: not a regular file (a character device)",),
             lambda d, o: ids(o) == ["good"], timeout=60),
        Case("a dataset over 512 MiB", ["extract", "big.jsonl", "c.jsonl"], (2,),
             lambda d: (sparse(d / "big.jsonl", 512 * 2**20 + 1), jsonl(d / "c.jsonl", GOOD)),
             ("big.jsonl: file is larger than 512 MiB",), lambda d, o: ids(o) == ["good"], timeout=60),
        Case("an article over 16 MiB", ["extract", "big.md", "c.jsonl"], (2,),
             lambda d: (sparse(d / "big.md", 16 * 2**20 + 1), jsonl(d / "c.jsonl", GOOD)),
             ("big.md: file is larger than 16 MiB",), lambda d, o: ids(o) == ["good"], timeout=60),
        Case("a YAML alias bomb in front matter", ["extract", "a.md", "--all"], (2,),
             lambda d: (d / "a.md").write_text(bomb), ("a.md:3: front matter uses a YAML alias",),
             lambda d, o: len(ids(o)) == 1, timeout=60),
        Case("front matter nested 5,000 deep", ["extract", "a.md", "--all"], (2,),
             lambda d: (d / "a.md").write_text("---\nsource: " + "[" * 5000 + "]" * 5000 + "\n---\n"
                                               "The ferry carries 1,200 passengers on weekdays, the operator said.\n"),
             ("front matter is nested too deeply",), lambda d, o: len(ids(o)) == 1, timeout=60),
        Case("a 1 MB paragraph without breaks", ["extract", "p.md", "-q", "-o", "claims.jsonl"], (0,),
             lambda d: (d / "p.md").write_text("".join(sentence.format(n) for n in range(11_000))), (),
             lambda d, o: len((d / "claims.jsonl").read_text().splitlines()) == 11_000, timeout=600),
        # item 6: CSV
        Case("a CSV field of 225,000 characters", ["extract", "c.csv", "--all"], (0,),
             lambda d: (d / "c.csv").write_text(f'id,text\nbig,"{big_row}"\nafter,The bridge is 180 metres long.\n'),
             (), lambda d, o: ids(o) == ["big", "after"]),
        Case("a CSV quote that never closes", ["extract", "c.csv", "--all"], (2,),
             lambda d: (d / "c.csv").write_text('id,text\nq,"The ferry carries 1,200 passengers\n'
                                                'r2,The bridge is 180 metres long.\nr3,The tunnel is 3 km long.\n'),
             ("c.csv:2: bad CSV record: a quoted field never ends",), lambda d, o: ids(o) == ["r2", "r3"]),
        Case("a CSV quoted field with a newline", ["extract", "c.csv", "--all"], (0,),
             lambda d: (d / "c.csv").write_text('id,text\nn,"The ferry carries 1,200 passengers\non weekdays."\n'
                                                'r2,The bridge is 180 metres long.\n'),
             (), lambda d, o: ids(o) == ["n", "r2"]),
        Case("a CSV header naming text twice", ["extract", "c.csv", "d.jsonl"], (2,),
             lambda d: ((d / "c.csv").write_text("id,text,text\nr1,a,b\n"), jsonl(d / "d.jsonl", GOOD)),
             ("c.csv:1: header names column(s) text more than once",), lambda d, o: ids(o) == ["good"]),
        # item 7: terminal escapes in every human format
        *[Case(f"control characters in -f {fmt}", ["check", "c.jsonl", "-f", fmt], (1,),
               lambda d: jsonl(d / "c.jsonl", {**GOOD, "text": GOOD["text"] + " \x1b]52;c;eA==\x07\u202e\x9b2J",
                                               "source": "\x1b]0;pwned\x07[bold]S"}, OTHER), (),
               lambda d, o: not RAW_CONTROLS.search(o.stdout.replace("\x1b[", "")) and "x1b" in o.stdout)
          for fmt in ("text", "markdown", "github")],
        Case("no autolinks in Markdown", ["check", "c.jsonl", "-f", "markdown"], (1,),
             lambda d: jsonl(d / "c.jsonl", {**GOOD, "text": GOOD["text"] + " See https://evil.example and "
                                             "www.evil.example."}, OTHER), (),
             lambda d, o: "https://evil" not in o.stdout and "www.evil" not in o.stdout),
        # item 8: configuration
        *[Case(f"pyproject {setting}", ["run", "--store", "s.db", "c.jsonl"], (2,),
               lambda d, s=setting: (jsonl(d / "c.jsonl", GOOD),
                                     (d / "pyproject.toml").write_text(f"[tool.consistency]\n{s}\n")),
               ("error[CNS102]",))
          for setting in ("lock_timeout = nan", "threshold = true", "batch_size = 1.7")],
        Case("CONSISTENCY_LOCK_TIMEOUT=nan", ["run", "--store", "s.db", "c.jsonl"], (2,),
             lambda d: jsonl(d / "c.jsonl", GOOD), ("error[CNS102]",), env={"CONSISTENCY_LOCK_TIMEOUT": "nan"}),
        Case("--lock-timeout nan", ["run", "--store", "s.db", "c.jsonl", "--lock-timeout", "nan"], (2,),
             lambda d: jsonl(d / "c.jsonl", GOOD), ("error[CNS102]",)),
        # item 11: signals and small contract breaks
        *[Case(f"Ctrl-C after {module} is imported", ["check", str(SEEDS)], (130,), runner="pty-ctrl-c",
               env={"PYTHONPROFILEIMPORTTIME": "1", "TRIGGER": module},
               check=lambda d, o: o.stdout.rstrip().endswith("interrupted") and "Traceback" not in o.stdout)
          for module in ("click", "numpy", "onnxruntime")],
        Case("closed stdout with --exit-zero", ["check", "c.jsonl", "-q", "--exit-zero", "-f", "json:r.json"], (0,),
             lambda d: jsonl(d / "c.jsonl", GOOD, OTHER), (), lambda d, o: out_json(d)["summary"]["conflicts"] == 1,
             runner="closed-stdout"),
        Case("closed stdout without --exit-zero", ["check", "c.jsonl", "-q"], (1,),
             lambda d: jsonl(d / "c.jsonl", GOOD, OTHER), runner="closed-stdout"),
        Case("an unreadable sub-folder", ["extract", "."], (2,),
             lambda d: ((d / "closed").mkdir(), jsonl(d / "closed" / "x.jsonl", OTHER), os.chmod(d / "closed", 0),
                        jsonl(d / "c.jsonl", GOOD)),
             ("closed: cannot read folder: Permission denied",), lambda d, o: ids(o) == ["good"], runner="no-dac"),
        Case("a whitespace-only id", ["extract", "c.jsonl"], (2,),
             lambda d: jsonl(d / "c.jsonl", GOOD, {"id": "  ", "text": OTHER["text"]}), ("c.jsonl:2: 'id' is blank",),
             lambda d, o: ids(o) == ["good"]),
        Case("a UTF-16 file", ["extract", "u.jsonl", "c.jsonl"], (2,),
             lambda d: ((d / "u.jsonl").write_bytes((json.dumps(OTHER) + "\n").encode("utf-16") * 50),
                        jsonl(d / "c.jsonl", GOOD)),
             ("u.jsonl: file is UTF-16; re-save it as UTF-8",),
             lambda d, o: ids(o) == ["good"] and o.stderr.count("u.jsonl") == 1),
        Case("1,000,000 bad rows", ["check", "c.jsonl", "-f", "json:r.json", "--select", "NUM001"], (2,),
             lambda d: (d / "c.jsonl").write_text(json.dumps(GOOD) + "\n" + "not json\n" * 1_000_000),
             ("... and 999,900 more input problems",),
             lambda d, o: len(o.stderr.splitlines()) == 101 and len(out_json(d)["problems"]) == 1_000_000,
             timeout=900),
        Case("a file name that is not UTF-8", ["extract", "."], (2,),
             lambda d: (jsonl(d / "c.jsonl", GOOD),
                        open(os.path.join(os.fsencode(d), b"bad\xff.jsonl"), "w").write(json.dumps(OTHER) + "\n")),
             ("bad\\xff.jsonl: file name is not UTF-8",), lambda d, o: ids(o) == ["good"]),
        # the headline: README's first command in a terminal; a nightly run in a terminal
        Case("check seeds/ in an 80-column terminal", ["check", str(SEEDS)], (1,), runner="pty",
             check=lambda d, o: "7 conflicts (7 new)" in o.stdout),
        Case("run --store in a terminal, twice", ["run", "--store", "s.db", str(SEEDS)], (1,), runner="pty",
             check=lambda d, o: subprocess.run([str(SCRIPT), "run", "--store", "s.db", str(SEEDS), "-q"], cwd=d,
                                               stdout=subprocess.DEVNULL).returncode == 0),
        # item 12: one output convention; path:line never split
        Case("extract -o and -f FORMAT:FILE", ["extract", "c.jsonl", "-o", "a.jsonl", "-f", "jsonl", "-f",
                                               "text:a.txt"], (0,), lambda d: jsonl(d / "c.jsonl", GOOD), (),
             lambda d, o: o.stdout == "" and (d / "a.jsonl").exists() and (d / "a.txt").exists()),
        Case("compare -o and -f FORMAT:FILE", ["compare", "Exports rose 3% in May.", "Exports fell 2% in May.",
                                               "-o", "v.txt", "-f", "text", "-f", "jsonl:v.jsonl"], (1,),
             check=lambda d, o: o.stdout == "" and (d / "v.txt").exists() and (d / "v.jsonl").exists()),
        Case("path:line not split in the text table", ["check", "a-rather-long-folder-name/another-long-folder/x",
                                                       "-f", "text"], (1,),
             lambda d: (os.makedirs(d / "a-rather-long-folder-name/another-long-folder/x"),
                        jsonl(d / "a-rather-long-folder-name/another-long-folder/x/claims-dataset.jsonl",
                              *[{"id": f"p{n}", "text": f"Filler row {n} is about the weather."} for n in range(8)],
                              GOOD, OTHER)),
             (), lambda d, o: "claims-dataset.jsonl:9" in o.stdout and "claims-dataset.jsonl:10" in o.stdout),
    ]


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("-k", default="", help="run only the cases whose name contains this")
    args = parser.parse_args()
    chosen = [c for c in cases() if args.k.lower() in c.name.lower()]
    passed = skipped = 0
    with tempfile.TemporaryDirectory(prefix="consistency-hostile-") as tmp:
        for number, case in enumerate(chosen, start=1):
            if case.needs_root and os.geteuid() != 0:
                print(f"{number:3d}  skip  {case.name} (needs root)")
                skipped += 1
                continue
            folder = Path(tmp, f"case-{number}")
            folder.mkdir()
            try:
                case.make(folder)
                out = run_case(case, folder)
                ok, why = meets_contract(case, folder, out)
            except subprocess.TimeoutExpired:
                out, ok, why = Outcome(-1, "", "", case.timeout), False, f"no answer within {case.timeout:g} s"
            finally:
                if (folder / "closed").exists():
                    os.chmod(folder / "closed", 0o755)
            passed += ok
            print(f"{number:3d}  {'ok  ' if ok else 'FAIL'}  exit {out.code:<3d} {out.seconds:6.1f} s  {case.name}"
                  + (f"  -- {why}" if why else ""), flush=True)
    print(f"{len(chosen) - skipped} cases, {passed} passed" + (f", {skipped} skipped" if skipped else ""))
    return 0 if passed == len(chosen) - skipped else 1


if __name__ == "__main__":
    sys.exit(main())
