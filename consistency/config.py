"""Settings: defaults, then ``[tool.consistency]`` in pyproject.toml, then the
environment (``CONSISTENCY_*``), then command-line options.

Settings are one frozen record passed down explicitly; rules and stages never
read a global.
"""

from __future__ import annotations

import dataclasses
import math
import os
import sys
import tomllib
from dataclasses import dataclass, fields
from pathlib import Path
from typing import Any, Mapping, Sequence

from .store.connection import is_url
from .errors import ConfigError

FAIL_LEVELS = ("info", "warning", "error", "none")
BACKENDS = ("auto", "onnx-int8", "onnx-fp32", "torch")
INDEXES = ("auto", "exact", "ann")
#: where models run: ``auto`` is the first of cuda and mps that is present, else cpu; ``cuda:N`` picks a GPU.
DEVICES = ("cpu", "auto", "cuda", "mps")
#: Upper bounds that keep a typo from turning into an overflow or an out-of-memory error.
MAX_NEIGHBORS = 1_000_000
MAX_BATCH_SIZE = 65_536
MAX_STORY_WINDOW_DAYS = 36_500
MAX_THREADS = 1_024


@dataclass(frozen=True, slots=True)
class Settings:
    #: sentence-transformers model: a local folder, or a name already in the local
    #: Hugging Face cache. None means the bundled all-MiniLM-L6-v2.
    model: str | None = None
    #: embedding backend: auto (ONNX int8 for the bundled model, torch otherwise), onnx-int8, onnx-fp32, torch.
    backend: str = "auto"
    #: threads for embedding and grouping (0: all cores).
    threads: int = 0
    #: where the models run: cpu, auto (cuda, then mps, when present), cuda, cuda:N or mps.
    device: str = "cpu"
    #: grouping search: auto (exact up to ``exact_up_to`` claims, an ANN index above), exact or ann.
    index: str = "auto"
    #: with ``index = "auto"``, the most claims searched exactly (a run counts every stored claim);
    #: the default is `consistency.group.EXACT_UP_TO`.
    exact_up_to: int = 30_000
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
    #: rules skipped for the claims of matching files, as ruff's per-file-ignores: (glob, codes) pairs.
    #: A glob without "/" matches a file name in any folder; one with "/" the whole path, anchored at
    #: the configuration file's folder (the working folder for the option and the environment).
    per_file_ignores: tuple[tuple[str, tuple[str, ...]], ...] = ()
    #: optional local CrossEncoder NLI model for non-numeric contradictions.
    nli_model: str | None = None
    #: findings whose calibrated confidence is below this stay out of reports and exit codes
    #: (None: the cut-off calibrated with the model, docs/rules.md "Confidence"; 0 shows everything).
    min_confidence: float | None = None
    #: store of `consistency run`, `review` and `serve`: an SQLite path or a postgresql:// URL (None:
    #: the default under the user data folder, ``$XDG_DATA_HOME/consistency/store.db``, see
    #: `consistency.store.default_store_path`).
    store: str | None = None
    #: seconds a run waits for another run holding the same store before exiting 2.
    lock_timeout: float = 10.0
    #: baseline file for `check`.
    baseline: str | None = None
    #: days between two documents' dates beyond which they need more in common (names) to be one
    #: story, and beyond which claims of two stories are never compared (`consistency.stories`).
    story_window_days: int = 30
    #: what `check` and `run` read when given no PATH (relative to the configuration file): the
    #: whole dataset, for a pre-commit hook that must not check only the staged files.
    paths: tuple[str, ...] = ()

    def replace(self, **changes: Any) -> "Settings":
        """A copy with the given settings changed; None values are ignored."""
        clean = {k: v for k, v in changes.items() if v is not None}
        return validate(dataclasses.replace(self, **clean))


ENV_PREFIX = "CONSISTENCY_"


def load_settings(start: Path | None = None, env: Mapping[str, str] | None = None, *,
                  config: str | os.PathLike | None = None, paths: Sequence[str] = ()) -> Settings:
    """Defaults, overridden by a configuration file, then the environment.

    The file is ``config`` when given (a ``pyproject.toml`` with ``[tool.consistency]``, or any
    other TOML file holding the settings at its top level); else the nearest ``pyproject.toml``
    with a ``[tool.consistency]`` table upward from the first of ``paths`` (the inputs), as ruff
    finds its configuration; else upward from ``start`` (the working folder).
    """
    env = os.environ if env is None else env
    values: dict[str, Any] = {}
    if config is not None:
        path = Path(config)
        if not path.is_file():
            raise ConfigError(f"no configuration file {path}", hint="give --config an existing TOML file")
        values.update(_from_pyproject(path))
    else:
        pyproject = discover_config(paths, start or Path.cwd())
        if pyproject is not None:
            values.update(_from_pyproject(pyproject))
    values.update(_from_env(env))
    try:
        return validate(Settings(**values))
    except TypeError as exc:  # pragma: no cover - guarded by _coerce
        raise ConfigError(str(exc)) from None


def discover_config(paths: Sequence[str], start: Path) -> Path | None:
    """The ``pyproject.toml`` that configures ``paths``: upward from the first input, else from ``start``."""
    for path in list(paths)[:1]:
        try:
            resolved = Path(path).resolve()
            found = find_pyproject(resolved if resolved.is_dir() else resolved.parent)
        except OSError:
            found = None
        if found is not None:
            return found
    return find_pyproject(start)


def find_pyproject(start: Path) -> Path | None:
    """The nearest ``pyproject.toml`` upward from ``start`` that has a ``[tool.consistency]`` table."""
    for folder in (start, *start.parents):
        candidate = folder / "pyproject.toml"
        if candidate.is_file() and _configures_us(candidate):
            return candidate
    return None


def _configures_us(path: Path) -> bool:
    """Whether a ``pyproject.toml`` has our table (one that cannot be read does: its error is shown)."""
    try:
        tool = tomllib.loads(path.read_text(encoding="utf-8")).get("tool", {})
    except (OSError, UnicodeDecodeError, tomllib.TOMLDecodeError, RecursionError, ValueError):
        return True
    return isinstance(tool, dict) and "consistency" in tool


def _from_pyproject(path: Path) -> dict[str, Any]:
    try:
        data = tomllib.loads(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, tomllib.TOMLDecodeError) as exc:
        raise ConfigError(f"cannot read {path}: {exc}", hint="fix the TOML syntax") from None
    except RecursionError:
        raise ConfigError(f"cannot read {path}: arrays or tables nested too deeply") from None
    except ValueError:  # an integer longer than Python reads from text
        raise ConfigError(f"cannot read {path}: a number with more than {sys.get_int_max_str_digits()} digits") \
            from None
    tool = data.get("tool", {})
    if path.name != "pyproject.toml" and not (isinstance(tool, dict) and "consistency" in tool):
        section = data  # a file of its own (--config consistency.toml): the settings at the top level
    else:
        section = tool.get("consistency", {}) if isinstance(tool, dict) else {}
    if not isinstance(section, dict):
        raise ConfigError(f"{path}: [tool.consistency] must be a table")
    out = {}
    for key, raw in section.items():
        name = key.replace("-", "_")
        out[name] = _coerce(name, raw, f"{path} [tool.consistency] {key}")
        if name in ("store", "baseline") and isinstance(out[name], str) and not is_url(out[name]):
            out[name] = str((path.parent / out[name]).resolve())
        if name == "paths":
            out[name] = tuple(os.path.relpath(path.parent / p) for p in out[name])
        if name == "per_file_ignores":
            out[name] = anchored(out[name], path.parent)
    return out


def _from_env(env: Mapping[str, str]) -> dict[str, Any]:
    out = {}
    for f in fields(Settings):
        raw = env.get(ENV_PREFIX + f.name.upper())
        if raw not in (None, ""):
            out[f.name] = _coerce(f.name, raw, ENV_PREFIX + f.name.upper())
    if "per_file_ignores" in out:
        out["per_file_ignores"] = anchored(out["per_file_ignores"], Path.cwd())
    return out


def per_file_ignores(raw: Any, where: str) -> tuple[tuple[str, tuple[str, ...]], ...]:
    """``per_file_ignores`` from a TOML table (``{"legacy/*.jsonl" = ["NUM001"]}``) or from text:
    ``GLOB:CODES`` entries (CODES a comma list) separated by ``;`` (the environment) or given one
    by one (``--per-file-ignores``, repeatable)."""
    if isinstance(raw, str):
        raw = [raw]
    if isinstance(raw, (list, tuple)) and all(isinstance(e, str) for e in raw):
        entries = {}
        for entry in (e for text in raw for e in text.split(";") if e.strip()):
            glob, colon, codes = entry.rpartition(":")
            if not colon or not glob.strip():
                raise _bad(entry, "per_file_ignores", where, "GLOB:CODES, such as 'legacy/*.jsonl:NUM001,DIR001'")
            entries.setdefault(glob.strip(), []).append(codes)
        raw = {glob: ",".join(codes) for glob, codes in entries.items()}
    if not isinstance(raw, dict):
        raise _bad(raw, "per_file_ignores", where, 'a table of globs and rule codes, such as {"legacy/*" = ["NUM001"]}')
    out = []
    for glob, codes in raw.items():
        items = codes.split(",") if isinstance(codes, str) else codes
        if not glob.strip() or "\x00" in glob or not isinstance(items, list) \
                or not all(isinstance(c, str) for c in items) or not any(c.strip() for c in items):
            raise _bad({glob: codes}, "per_file_ignores", where, "a glob with a list of rule codes or groups")
        out.append((glob.strip(), tuple(c.strip() for c in items if c.strip())))
    return tuple(out)


def anchored(entries: tuple[tuple[str, tuple[str, ...]], ...], base: Path) -> tuple[tuple[str, tuple[str, ...]], ...]:
    """Globs with a folder in them made absolute from ``base``; a bare file-name glob stays as it is."""
    root = base.resolve()
    return tuple((os.path.normpath(root / glob).replace(os.sep, "/") if "/" in glob.replace("\\", "/") else glob, codes)
                 for glob, codes in entries)


#: settings that are a number or unset (None by default).
_OPTIONAL_FLOATS = frozenset({"min_confidence"})


def _coerce(name: str, raw: Any, where: str) -> Any:
    """``raw`` (a TOML value, or the text of an environment variable) as the setting's type.

    Nothing is converted silently: a boolean is not a number (``threshold = true``), a
    fraction is not a whole number (``batch_size = 1.7``), ``nan`` and ``inf`` are not
    numbers, a number is not a path, and a list holds only strings.
    """
    known = {f.name: f for f in fields(Settings)}
    if name not in known:
        raise ConfigError(f"unknown setting {name!r} in {where}", hint=f"known settings: {', '.join(known)}")
    default = known[name].default
    text = isinstance(raw, str)
    if name == "per_file_ignores":
        return per_file_ignores(raw, where)
    if name in _OPTIONAL_FLOATS:
        number = _number(raw)
        if number is None or not math.isfinite(number):
            raise _bad(raw, name, where, "a number")
        return float(number)
    if isinstance(default, bool):
        if isinstance(raw, bool):
            return raw
        if text and raw.strip().lower() in _BOOLEANS:
            return _BOOLEANS[raw.strip().lower()]
        raise _bad(raw, name, where, "true or false")
    if isinstance(default, (int, float)):
        number = _number(raw)
        if number is None or not math.isfinite(number):
            raise _bad(raw, name, where, "a number" if isinstance(default, float) else "a whole number")
        if isinstance(default, float):
            return float(number)
        if number != int(number):
            raise _bad(raw, name, where, "a whole number")
        return int(number)
    if isinstance(default, tuple):
        items = raw.split(",") if text else raw if isinstance(raw, list) else None
        if items is None or not all(isinstance(i, str) for i in items):
            raise _bad(raw, name, where, "a list of strings")
        return tuple(i.strip() for i in items if i.strip())
    if not text or "\x00" in raw:
        raise _bad(raw, name, where, "a string")
    return raw


_BOOLEANS = {"1": True, "true": True, "yes": True, "0": False, "false": False, "no": False}


def _number(raw: Any) -> float | int | None:
    """An int or float from a TOML number or a decimal string; None for anything else (booleans too)."""
    if isinstance(raw, bool):
        return None
    if isinstance(raw, (int, float)):
        return raw
    if isinstance(raw, str):
        try:
            return int(raw.strip())
        except ValueError:
            pass
        try:
            return float(raw.strip())
        except ValueError:
            return None
    return None


def _bad(raw: Any, name: str, where: str, wanted: str) -> ConfigError:
    shown = repr(raw) if len(repr(raw)) <= 60 else repr(raw)[:59] + "…"
    return ConfigError(f"bad value {shown} for {name} in {where}: must be {wanted}")


def validate(settings: Settings) -> Settings:
    if not math.isfinite(settings.lock_timeout):
        raise ConfigError(f"lock_timeout must be a finite number of seconds, got {settings.lock_timeout}")
    if not 0.0 < settings.threshold <= 1.0:
        raise ConfigError(f"threshold must be in (0, 1], got {settings.threshold}")
    if not 1 <= settings.max_neighbors <= MAX_NEIGHBORS:
        raise ConfigError(f"max_neighbors must be from 1 to {MAX_NEIGHBORS:,}, got {settings.max_neighbors}")
    if not 1 <= settings.batch_size <= MAX_BATCH_SIZE:
        raise ConfigError(f"batch_size must be from 1 to {MAX_BATCH_SIZE:,}, got {settings.batch_size}")
    if not 0 <= settings.story_window_days <= MAX_STORY_WINDOW_DAYS:
        raise ConfigError(f"story_window_days must be from 0 to {MAX_STORY_WINDOW_DAYS:,} days, "
                          f"got {settings.story_window_days}")
    if settings.min_confidence is not None and not 0.0 <= settings.min_confidence <= 1.0:
        raise ConfigError(f"min_confidence must be between 0 and 1, got {settings.min_confidence}")
    if settings.lock_timeout < 0:
        raise ConfigError(f"lock_timeout must be 0 or more seconds, got {settings.lock_timeout}")
    if settings.backend not in BACKENDS:
        raise ConfigError(f"backend must be one of {', '.join(BACKENDS)}, got {settings.backend!r}")
    if settings.device not in DEVICES and not _cuda_index(settings.device):
        raise ConfigError(f"device must be one of {', '.join(DEVICES)} or cuda:N, got {settings.device!r}")
    if settings.index not in INDEXES:
        raise ConfigError(f"index must be one of {', '.join(INDEXES)}, got {settings.index!r}")
    if settings.exact_up_to < 1:
        raise ConfigError(f"exact_up_to must be at least 1, got {settings.exact_up_to}")
    if not 0 <= settings.threads <= MAX_THREADS:
        raise ConfigError(f"threads must be 0 (all cores) to {MAX_THREADS:,}, got {settings.threads}")
    if settings.fail_on not in FAIL_LEVELS:
        raise ConfigError(f"fail_on must be one of {', '.join(FAIL_LEVELS)}, got {settings.fail_on!r}")
    return settings


def _cuda_index(device: str) -> bool:
    """``cuda:0``, ``cuda:1``...: one GPU of several."""
    return device.startswith("cuda:") and device[5:].isdigit()
