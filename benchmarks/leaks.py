"""Find sentences of the measuring data that were copied into the project.

The data under ``--data`` (news articles, NewsQuant, quantulum3 cases, VitaminC, EQUATE, STS-B,
CheckThat!) is licensed differently from the project: neither its files nor sentences from them may
be committed. This prints every place in the repository's tracked files (``git ls-files``) that
shares a run of 7 words with any ``.jsonl`` file of the data folder, and exits 1 when there is one.

Words are lower-cased runs of letters and digits, so "170 , 000" (tokenised corpora) matches
"170,000", "13-year-olds" matches "13 year olds", and a quote wrapped over two lines of a
docstring or split into two string literals is still found (runs may cross lines). ``\\uXXXX``,
``\\n`` and HTML escapes are decoded on both sides (JSON and HTML files). Words inside one phrase
of the allow-list (``benchmarks/leaks_allow.txt``: generic page furniture judged not to be
anyone's writing, each with its reason) are not reported. ``--data DIR``, else
``$CONSISTENCY_DATA``, else ``$CONSISTENCY_BENCH_DATA``, else ``../shared/data``; skips (exit 0)
when the folder holds no ``.jsonl``. About 4 s for 0.9M data 7-grams and 300 files.

    $ .venv/bin/python benchmarks/leaks.py [--data DIR] [--untracked] [-n 7]
"""

from __future__ import annotations

import argparse
import html
import json
import re
import subprocess
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from benchdata import ROOT, data_dir  # noqa: E402

ALLOW = Path(__file__).resolve().parent / "leaks_allow.txt"
WORD = re.compile(r"[^\W_]+")
ESCAPE = re.compile(r"\\u([0-9a-fA-F]{4})|\\[nrt]")


def unescape(text: str) -> str:
    """``\\uXXXX`` as its character, ``\\n``, ``\\r`` and ``\\t`` as a space (JSON as written)."""
    return ESCAPE.sub(lambda m: chr(int(m.group(1), 16)) if m.group(1) else " ", text)


def words(text: str) -> list[str]:
    return WORD.findall(html.unescape(unescape(text)).casefold())


def grams(tokens: list[str], n: int) -> set[str]:
    return {" ".join(tokens[i:i + n]) for i in range(len(tokens) - n + 1)}


def strings(value):
    """Every string inside a parsed JSON value (keys are field names, not text: left out)."""
    if isinstance(value, str):
        yield value
    elif isinstance(value, dict):
        for item in value.values():
            yield from strings(item)
    elif isinstance(value, list):
        for item in value:
            yield from strings(item)


def data_grams(folder: Path, n: int) -> set[str]:
    """The n-grams of every string of every ``.jsonl`` row under ``folder``, each string on its own."""
    found: set[str] = set()
    for path in sorted(folder.rglob("*.jsonl")):
        with path.open(encoding="utf-8", errors="replace") as fh:
            for line in fh:
                try:
                    texts = list(strings(json.loads(line)))
                except ValueError:
                    texts = [line]
                for text in texts:
                    found |= grams(words(text), n)
    return found


def allowed_grams(path: Path, n: int) -> set[str]:
    """The n-grams of the allow-list's phrases: one a line, ``phrase  # reason``."""
    out: set[str] = set()
    if path.is_file():
        for line in path.read_text(encoding="utf-8").splitlines():
            phrase = line.split("#", 1)[0].strip()
            if phrase:
                out |= grams(words(phrase), n)
    return out


def repo_files(repo: Path, untracked: bool) -> list[Path]:
    args = ["git", "-C", str(repo), "ls-files", "-z", "--cached"]
    if untracked:
        args += ["--others", "--exclude-standard"]
    names = subprocess.run(args, check=True, capture_output=True).stdout.decode().split("\0")
    return [repo / name for name in sorted(set(names)) if name]


def scan_text(text: str, data: set[str], n: int) -> list[tuple[int, int, str]]:
    """(first line, last line, shared words) of each maximal run of words shared with the data."""
    tokens, lines = [], []
    for number, line in enumerate(text.splitlines(), 1):
        for token in words(line):
            tokens.append(token)
            lines.append(number)
    hits = [i for i in range(len(tokens) - n + 1) if " ".join(tokens[i:i + n]) in data]
    runs: list[tuple[int, int, str]] = []
    start = end = None
    for i in hits + [None]:
        if start is not None and (i is None or i > end + 1):
            last = end + n - 1
            runs.append((lines[start], lines[last], " ".join(tokens[start:last + 1])))
            start = None
        if i is not None:
            if start is None:
                start = i
            end = i
    return runs


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--data", help="the data folder (default: $CONSISTENCY_DATA, ../shared/data)")
    parser.add_argument("--repo", default=str(ROOT), help="the repository to scan (default: this one)")
    parser.add_argument("--allow", default=str(ALLOW), help="allow-list file (default: %(default)s)")
    parser.add_argument("--untracked", action="store_true",
                        help="also scan untracked files git does not ignore (before `git add`)")
    parser.add_argument("-n", type=int, default=7, help="words in a shared run (default: 7)")
    args = parser.parse_args(argv)

    folder = data_dir(args.data)
    if not folder.is_dir() or next(folder.rglob("*.jsonl"), None) is None:
        print(f"skipped: no .jsonl under {folder} (pass --data DIR)")
        return 0
    data = data_grams(folder, args.n)
    allowed = allowed_grams(Path(args.allow), args.n)
    data -= allowed
    repo = Path(args.repo).resolve()
    count = files = 0
    for path in repo_files(repo, args.untracked):
        try:
            raw = path.read_bytes()
        except OSError:  # a tracked file deleted in the working tree, or a directory (submodule)
            continue
        if b"\0" in raw[:8192]:
            continue
        files += 1
        for first, last, shared in scan_text(raw.decode("utf-8", errors="replace"), data, args.n):
            where = f"{first}" if first == last else f"{first}-{last}"
            print(f"{path.relative_to(repo)}:{where}: {shared}")
            count += 1
    print(f"{count} shared runs of {args.n}+ words in {files} files "
          f"({len(data):,} data {args.n}-grams, {len(allowed)} allowed)", file=sys.stderr)
    return 1 if count else 0


if __name__ == "__main__":
    sys.exit(main())
