"""Shared fixtures. The real embedding model is loaded once per session (the
loader caches it per process), so CLI tests through CliRunner reuse it."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
SEEDS = ROOT / "seeds"
DATA = Path(__file__).resolve().parent / "data"

# Configuration of the developer's machine must not leak into tests.
for _name in list(os.environ):
    if _name.startswith("CONSISTENCY_"):
        del os.environ[_name]
# Phrase vectors and parses kept from earlier runs (`consistency.runcache`) would change how many
# texts a test sees embedded or parsed.
os.environ["CONSISTENCY_CACHE"] = "off"


@pytest.fixture(scope="session")
def embedder():
    from consistency.embed import Embedder

    e = Embedder()
    _ = e.model  # load now, once
    return e


@pytest.fixture()
def in_tmp(tmp_path, monkeypatch):
    """Run in an empty folder, so no pyproject.toml settings apply."""
    monkeypatch.chdir(tmp_path)
    return tmp_path


@pytest.fixture()
def run(embedder, in_tmp):
    """Invoke the CLI in an empty folder (``run("check", path, ...)``); the model is already
    loaded in this process, so each call costs only the work of the command."""
    from click.testing import CliRunner

    from consistency.cli import cli

    runner = CliRunner()

    def invoke(*args: str):
        return runner.invoke(cli, list(args), catch_exceptions=False)

    return invoke


@pytest.fixture(scope="session")
def postgres_server():
    """A private PostgreSQL server (tests/postgres_server.py) for the whole session."""
    pytest.importorskip("psycopg", reason="pip install 'psycopg[binary]' (test extras)")
    from postgres_server import Server, binaries

    bindir = binaries()
    if bindir is None:
        pytest.skip("no PostgreSQL server binaries: apt-get install postgresql-15")
    server = Server(bindir)
    server.start()
    yield server
    server.stop()


@pytest.fixture(params=["sqlite", "postgresql"])
def store_target(request, tmp_path):
    """Where a store test puts its store: an SQLite file, or a new PostgreSQL database."""
    if request.param == "sqlite":
        return str(tmp_path / "store.db")
    return request.getfixturevalue("postgres_server").new_database()
