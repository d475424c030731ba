"""The benchmark scripts (benchmarks/<name>.py) as modules, for the tests of the benchmarks.

They are scripts, not a package: each test loads its script afresh from its file. The module is
registered under ``bench_<name>`` before it runs, since dataclasses look their module up.
"""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def benchmark(name: str):
    """``benchmarks/<name>.py``, executed as the module ``bench_<name>``."""
    spec = importlib.util.spec_from_file_location(f"bench_{name}", ROOT / "benchmarks" / f"{name}.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module
    spec.loader.exec_module(module)
    return module
