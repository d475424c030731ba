"""Everything a user can type is documented (in the manner of sqlite-utils' test_docs): every
command, every long option of every command, and every setting appear in README.md or docs/*.md."""

from __future__ import annotations

import dataclasses
import re

import click
import pytest

from consistency.cli import cli
from consistency.config import Settings

from conftest import ROOT

DOCS = "\n".join(p.read_text(encoding="utf-8") for p in [ROOT / "README.md", *sorted((ROOT / "docs").glob("*.md"))])


def commands(group: click.Group = cli, prefix: tuple[str, ...] = ()):
    for name, command in sorted(group.commands.items()):
        yield (*prefix, name), command
        if isinstance(command, click.Group):
            yield from commands(command, (*prefix, name))


COMMANDS = list(commands())
OPTIONS = sorted({(" ".join(path), opt) for path, command in COMMANDS for param in command.params
                  if isinstance(param, click.Option) for opt in param.opts + param.secondary_opts
                  if opt.startswith("--") and opt != "--help"})


@pytest.mark.parametrize("path", [" ".join(p) for p, _ in COMMANDS])
def test_every_command_is_documented(path):
    assert re.search(rf"consistency {re.escape(path)}\b", DOCS), f"`consistency {path}` is not in README.md or docs/"


@pytest.mark.parametrize("command,option", OPTIONS)
def test_every_option_is_documented(command, option):
    assert re.search(rf"(?<![\w-]){re.escape(option)}(?![\w-])", DOCS), \
        f"{option} (consistency {command}) is not in README.md or docs/"


@pytest.mark.parametrize("name", [f.name for f in dataclasses.fields(Settings)])
def test_every_setting_is_in_the_settings_table(name):
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    assert re.search(rf"^\| `{name}`[ `,|]", readme, re.MULTILINE) or re.search(rf"^\| `\w+`, `{name}`", readme,
                                                                                 re.MULTILINE), \
        f"setting {name} is not in README.md's settings table"
    assert f"CONSISTENCY_{name.upper()}" in readme, f"CONSISTENCY_{name.upper()} is not in README.md"


def test_the_api_reference_is_generated_from_the_docstrings():
    """docs/api.md is what ``python -m consistency.apidoc`` writes: a changed signature or
    docstring without the regenerated page fails here."""
    from consistency import api, apidoc

    page = (ROOT / "docs" / "api.md").read_text(encoding="utf-8")
    assert page == apidoc.page(), "run: python -m consistency.apidoc > docs/api.md"
    for name in ("check", "check_frame", "run", "extract", "compare_pairs"):
        assert f"### `consistency.api.{name}(" in page and getattr(api, name).__doc__.split("\n")[0].strip() in page
    assert "`to_pandas()`" in page and "* `device: str = 'cpu'`" in page
