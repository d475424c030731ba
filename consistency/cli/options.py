"""Options shared by several commands, and the settings they build."""

from __future__ import annotations

import functools
import sys
from pathlib import Path
from typing import Callable

import click

from ..config import BACKENDS, DEVICES, FAIL_LEVELS, Settings, anchored, load_settings, per_file_ignores
from ..errors import UsageError


#: ``--device``: where the models run.
device_option = click.option(
    "--device", metavar="|".join(DEVICES) + "|cuda:N",
    help="Where the models run: cpu, auto (a CUDA or Apple MPS GPU when present, else cpu), cuda, cuda:N "
         "or mps. [default: cpu]")


def model_options(f: Callable) -> Callable:
    """--model / --backend / --device / --threshold / --batch-size, and --config: what embedding and
    grouping need."""
    decorators = [
        click.option("--model", metavar="PATH|NAME",
                     help="Embedding model: a local sentence-transformers folder or a name in the local "
                          "Hugging Face cache. Default: the bundled all-MiniLM-L6-v2. Never downloads."),
        click.option("--backend", type=click.Choice(BACKENDS),
                     help="Embedding backend: ONNX Runtime int8 or fp32, or torch (sentence-transformers). "
                          "[default: auto: onnx-int8 for the bundled model, torch for others]"),
        device_option,
        click.option("--threshold", type=click.FloatRange(0.0, 1.0, min_open=True), metavar="FLOAT",
                     help="Cosine similarity at or above which two claims are compared. [default: 0.5]"),
        click.option("--batch-size", type=click.IntRange(min=1), help="Embedding batch size. [default: 64]"),
        config_option,
    ]
    return functools.reduce(lambda acc, d: d(acc), reversed(decorators), f)


def rule_options(f: Callable) -> Callable:
    decorators = [
        click.option("--select", multiple=True, metavar="CODE|GROUP",
                     help="Run only these rules: codes, code prefixes (NUM), names or groups; a comma list, "
                          "repeatable."),
        click.option("--ignore", multiple=True, metavar="CODE|GROUP",
                     help="Skip these rules (as --select: a comma list, repeatable)."),
        click.option("--per-file-ignores", "per_file_ignores", multiple=True, metavar="GLOB:CODES",
                     help="Skip these rules for claims read from files matching GLOB (CODES as --ignore); "
                          "repeatable. A GLOB without / matches a file name in any folder. Replaces the "
                          "per_file_ignores setting."),
        click.option("--same-document/--across-documents", "same_document", default=None,
                     help="Also compare claims of the same document. [default: across documents only]"),
        click.option("--story-window", "story_window_days", type=click.IntRange(min=0), metavar="DAYS",
                     help="Documents dated further apart need names in common to be one story, and claims "
                          "of two stories are compared only within this many days. [default: 30]"),
    ]
    return functools.reduce(lambda acc, d: d(acc), reversed(decorators), f)


#: ``--min-confidence``: the cut-off under which conflicts stay out of the report.
confidence_option = click.option(
    "--min-confidence", "min_confidence", type=click.FloatRange(0.0, 1.0), metavar="P",
    help="Report conflicts whose calibrated confidence (the probability that a reviewer confirms them) is "
         "at least P; 0 shows every finding. [default: 0.1, the calibrated cut-off]")


def fail_on_option(f: Callable) -> Callable:
    return click.option("--fail-on", type=click.Choice(FAIL_LEVELS), default=None,
                        help="Lowest severity of a new finding that makes the exit code 1. "
                             "[default: warning]")(f)


#: ``--config FILE``: the settings file instead of the discovered pyproject.toml.
config_option = click.option(
    "--config", "config_file", type=click.Path(dir_okay=False), metavar="FILE",
    help="Read settings from FILE (a pyproject.toml with [tool.consistency], or a TOML file of settings) "
         "instead of the nearest pyproject.toml upward from the first input.")


def settings_from(*, config_file: str | None = None, paths=(), **options) -> Settings:
    """Settings from the configuration file (``--config``, else the pyproject.toml found upward from
    the first input, else from the working folder) and the environment, overridden by the options
    the user gave."""
    for key in ("select", "ignore"):
        if key in options:  # repeatable, and each a comma list (--select NUM001,DIR --select quantifier)
            options[key] = tuple(code.strip() for value in options[key] for code in value.split(",")
                                 if code.strip()) or None
    if options.get("per_file_ignores"):
        options["per_file_ignores"] = anchored(per_file_ignores(options["per_file_ignores"], "--per-file-ignores"),
                                               Path.cwd())
    else:
        options.pop("per_file_ignores", None)
    return load_settings(config=config_file, paths=paths).replace(**options)


def stderr_is_terminal() -> bool:
    return sys.stderr.isatty()


def configured_paths(paths: tuple[str, ...], settings: Settings) -> tuple[str, ...]:
    """The PATH arguments, else the ``paths`` setting (the whole dataset, for a pre-commit hook)."""
    if paths:
        return paths
    if settings.paths:
        return settings.paths
    raise UsageError("no PATHS given and no paths setting",
                     hint='give files or folders, or set paths = ["data/"] under [tool.consistency]')
