"""Settings: defaults, then ``[tool.consistency]`` in pyproject.toml, then the
environment (``CONSISTENCY_*``), then command-line options.

Settings are one frozen record passed down explicitly; rules and stages never
read a global.
"""

from __future__ import annotations

import dataclasses
import os
import tomllib
from dataclasses import dataclass, fields
from pathlib import Path
from typing import Any, Mapping

from .store.connection import is_url
from .errors import ConfigError

FAIL_LEVELS = ("info", "warning", "error", "none")
BACKENDS = ("auto", "onnx-int8", "onnx-fp32", "torch")
INDEXES = ("auto", "exact", "ann")


@dataclass(frozen=True, slots=True)
class Settings:
    #: sentence-transformers model: a local folder, or a name already in the local
    #: Hugging Face cache. None means the bundled all-MiniLM-L6-v2.
    model: str | None = None
    #: embedding backend: auto (ONNX int8 for the bundled model, torch otherwise), onnx-int8, onnx-fp32, torch.
    backend: str = "auto"
    #: threads for embedding and grouping (0: all cores).
    threads: int = 0
    #: grouping search: auto (exact up to `consistency.group.EXACT_UP_TO` claims, an ANN index above),
    #: exact or ann.
    index: str = "auto"
    #: cosine similarity at or above which two claims are compared.
    threshold: float = 0.5
    #: most neighbours kept per claim, so near-duplicate floods stay linear.
    max_neighbors: int = 50
    #: compare claims of the same document too (off: only across documents).
    same_document: bool = False
    batch_size: int = 64
    #: lowest severity that makes `check` exit 1 ("none": never).
    fail_on: str = "warning"
    #: rule codes or groups to run (empty: all) and to skip.
    select: tuple[str, ...] = ()
    ignore: tuple[str, ...] = ()
    #: optional local CrossEncoder NLI model for non-numeric contradictions.
    nli_model: str | None = None
    #: store of `consistency run`, `review` and `serve`: an SQLite path or a postgresql:// URL (None:
    #: the default under the user data folder, ``$XDG_DATA_HOME/consistency/store.db``, see
    #: `consistency.store.default_store_path`).
    store: str | None = None
    #: seconds a run waits for another run holding the same store before exiting 2.
    lock_timeout: float = 10.0
    #: baseline file for `check`.
    baseline: str | None = None

    def replace(self, **changes: Any) -> "Settings":
        """A copy with the given settings changed; None values are ignored."""
        clean = {k: v for k, v in changes.items() if v is not None}
        return validate(dataclasses.replace(self, **clean))


ENV_PREFIX = "CONSISTENCY_"


def load_settings(start: Path | None = None, env: Mapping[str, str] | None = None) -> Settings:
    """Defaults, overridden by pyproject.toml (found upward from ``start``), then the environment."""
    env = os.environ if env is None else env
    values: dict[str, Any] = {}
    pyproject = find_pyproject(start or Path.cwd())
    if pyproject is not None:
        values.update(_from_pyproject(pyproject))
    values.update(_from_env(env))
    try:
        return validate(Settings(**values))
    except TypeError as exc:  # pragma: no cover - guarded by _coerce
        raise ConfigError(str(exc)) from None


def find_pyproject(start: Path) -> Path | None:
    for folder in (start, *start.parents):
        candidate = folder / "pyproject.toml"
        if candidate.is_file():
            return candidate
    return None


def _from_pyproject(path: Path) -> dict[str, Any]:
    try:
        data = tomllib.loads(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, tomllib.TOMLDecodeError) as exc:
        raise ConfigError(f"cannot read {path}: {exc}", hint="fix the TOML syntax") from None
    section = data.get("tool", {}).get("consistency", {})
    if not isinstance(section, dict):
        raise ConfigError(f"{path}: [tool.consistency] must be a table")
    out = {}
    for key, raw in section.items():
        name = key.replace("-", "_")
        out[name] = _coerce(name, raw, f"{path} [tool.consistency] {key}")
        if name in ("store", "baseline") and isinstance(out[name], str) and not is_url(out[name]):
            out[name] = str((path.parent / out[name]).resolve())
    return out


def _from_env(env: Mapping[str, str]) -> dict[str, Any]:
    out = {}
    for f in fields(Settings):
        raw = env.get(ENV_PREFIX + f.name.upper())
        if raw not in (None, ""):
            out[f.name] = _coerce(f.name, raw, ENV_PREFIX + f.name.upper())
    return out


def _coerce(name: str, raw: Any, where: str) -> Any:
    known = {f.name: f for f in fields(Settings)}
    if name not in known:
        raise ConfigError(f"unknown setting {name!r} in {where}", hint=f"known settings: {', '.join(known)}")
    default = known[name].default
    try:
        if isinstance(default, bool):
            if isinstance(raw, str):
                if raw.lower() not in ("1", "0", "true", "false", "yes", "no"):
                    raise ValueError(raw)
                return raw.lower() in ("1", "true", "yes")
            return bool(raw)
        if isinstance(default, float):
            return float(raw)
        if isinstance(default, int):
            return int(raw)
        if isinstance(default, tuple):
            items = raw.split(",") if isinstance(raw, str) else list(raw)
            return tuple(str(i).strip() for i in items if str(i).strip())
        return str(raw)
    except (TypeError, ValueError):
        raise ConfigError(f"bad value {raw!r} for {name} in {where}") from None


def validate(settings: Settings) -> Settings:
    if not 0.0 < settings.threshold <= 1.0:
        raise ConfigError(f"threshold must be in (0, 1], got {settings.threshold}")
    if settings.max_neighbors < 1:
        raise ConfigError("max_neighbors must be at least 1")
    if settings.batch_size < 1:
        raise ConfigError("batch_size must be at least 1")
    if settings.lock_timeout < 0:
        raise ConfigError(f"lock_timeout must be 0 or more seconds, got {settings.lock_timeout}")
    if settings.backend not in BACKENDS:
        raise ConfigError(f"backend must be one of {', '.join(BACKENDS)}, got {settings.backend!r}")
    if settings.index not in INDEXES:
        raise ConfigError(f"index must be one of {', '.join(INDEXES)}, got {settings.index!r}")
    if settings.threads < 0:
        raise ConfigError(f"threads must be 0 (all cores) or more, got {settings.threads}")
    if settings.fail_on not in FAIL_LEVELS:
        raise ConfigError(f"fail_on must be one of {', '.join(FAIL_LEVELS)}, got {settings.fail_on!r}")
    return settings
