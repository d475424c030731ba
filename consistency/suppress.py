"""Suppressed findings: what a finding's claims say not to report.

Two sources, one rule. A dataset row may ignore rules for its own claims
(``"consistency": {"ignore": ["NUM001"]}``, as a ``# noqa`` comment does in code:
`Claim.ignore`), and the ``per_file_ignores`` setting ignores rules for every claim
read from a matching file, as ruff's ``per-file-ignores`` does. A finding is
suppressed when either of its two claims ignores its rule. `check`, `baseline`, the
API and `run --store` all filter through `unsuppressed`.

Globs follow ruff: one without ``/`` matches a file's name in any folder; one with
``/`` matches the whole path, anchored at the folder of the configuration file that
sets it (the working folder for ``--per-file-ignores`` and the environment). ``*``
matches across folders, as in `fnmatch`.
"""

from __future__ import annotations

from fnmatch import fnmatchcase
from pathlib import Path
from typing import Sequence

from .errors import ConfigError
from .records import Claim, Finding

#: (glob, rule codes or groups) pairs: the ``per_file_ignores`` setting.
PerFileIgnores = Sequence[tuple[str, Sequence[str]]]


def checked(per_file: PerFileIgnores) -> PerFileIgnores:
    """``per_file`` when every code in it names a rule; else a one-line error (before any work)."""
    from .rules.base import names_a_rule

    for glob, tokens in per_file:
        for token in tokens:
            if not names_a_rule(token):
                raise ConfigError(f"unknown rule or group {token!r} in per_file_ignores for {glob!r}",
                                  hint="run `consistency rules` to list codes and groups")
    return per_file


class FileIgnores:
    """The rules ``per_file`` ignores for the claims of each path (looked up once per path)."""

    def __init__(self, per_file: PerFileIgnores) -> None:
        self.per_file = [(glob.replace("\\", "/"), tuple(tokens)) for glob, tokens in per_file]
        self._of: dict[str, tuple[str, ...]] = {}

    def of(self, path: str) -> tuple[str, ...]:
        if not self.per_file:
            return ()
        if path not in self._of:
            name = Path(path).name
            try:
                full = Path(path).resolve().as_posix()
            except (OSError, RuntimeError, ValueError):
                full = Path(path).as_posix()
            self._of[path] = tuple(token for glob, tokens in self.per_file
                                   if fnmatchcase(full if "/" in glob else name, glob) for token in tokens)
        return self._of[path]


def unsuppressed(findings: Sequence[Finding], per_file: PerFileIgnores = ()) -> tuple[list[Finding], int]:
    """The findings neither claim suppresses (its row's ``ignore``, or its file's ``per_file``
    entries), and how many were suppressed."""
    from .rules.base import REGISTRY, rule_enabled

    files = FileIgnores(per_file)

    def ignored(claim: Claim) -> tuple[str, ...]:
        return claim.ignore + files.of(claim.path)

    def suppressed(f: Finding) -> bool:
        tokens = ignored(f.a) + ignored(f.b)
        rule = REGISTRY.get(f.rule)
        return bool(tokens) and rule is not None and not rule_enabled(rule, ignore=tokens)

    kept = [f for f in findings if not suppressed(f)]
    return kept, len(findings) - len(kept)
