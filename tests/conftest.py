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


@pytest.fixture(scope="session")
def embedder():
    from consistency.embed import Embedder

    e = Embedder()
    e.model  # load now, once
    return e


@pytest.fixture()
def in_tmp(tmp_path, monkeypatch):
    """Run in an empty folder, so no pyproject.toml settings apply."""
    monkeypatch.chdir(tmp_path)
    return tmp_path
