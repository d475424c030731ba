"""The API reference page (docs/api.md), generated from the docstrings and signatures of the
public API, so the page cannot drift from the code: ``python -m consistency.apidoc > docs/api.md``
(tests/test_docs.py fails when the committed page differs)."""

from __future__ import annotations

import dataclasses
import inspect

from . import api, config, errors, records

#: What the page documents, in order: (heading, objects).
SECTIONS = (
    ("Checking", (api.check, api.check_frame, api.run, api.extract, api.explain, api.check_claims)),
    ("Comparing two claims", (api.compare_texts, api.compare_pairs, api.Comparison)),
    ("Results", (records.Report, records.Finding, records.Claim, records.Problem)),
    ("Settings and errors", (config.Settings, config.load_settings, errors.ConsistencyError)),
)


def page() -> str:
    out = ["# Python API reference", "",
           "Generated from the docstrings by `python -m consistency.apidoc`; the README's",
           "[Python API](../README.md#python-api) section shows it in use. Everything here is",
           "importable from the module named in each heading; errors a user can cause are",
           "`consistency.errors.ConsistencyError` subclasses.", ""]
    for heading, objects in SECTIONS:
        out += [f"## {heading}", ""]
        for obj in objects:
            out += _entry(obj)
    return "\n".join(out).rstrip() + "\n"


def _entry(obj) -> list[str]:
    name = f"{obj.__module__}.{obj.__qualname__}"
    doc = inspect.getdoc(obj) or ""
    if inspect.isclass(obj):
        lines = [f"### `{name}`", ""]
        if doc and not doc.startswith(f"{obj.__name__}("):  # not the signature dataclasses write
            lines += [doc, ""]
        if dataclasses.is_dataclass(obj):
            comments = _field_comments(obj)
            lines += ["Fields:", ""]
            for f in dataclasses.fields(obj):
                default = "" if f.default is dataclasses.MISSING else f" = {f.default!r}"
                about = f": {comments[f.name]}" if f.name in comments else ""
                lines.append(f"* `{f.name}: {_annotation(f.type)}{default}`{about}")
            lines.append("")
        for method_name, method in sorted(vars(obj).items()):
            if callable(method) and not method_name.startswith("_") and inspect.getdoc(method):
                summary = " ".join(inspect.getdoc(method).split("\n\n")[0].split())
                lines += [f"* `{method_name}{_signature(method)}`: {summary}"]
        return lines + [""]
    return [f"### `{name}{_signature(obj)}`", "", doc, ""]


def _field_comments(cls) -> dict[str, str]:
    """The ``#:`` comment lines above each field in the class's source."""
    out: dict[str, str] = {}
    pending: list[str] = []
    for line in inspect.getsource(cls).splitlines():
        stripped = line.strip()
        if stripped.startswith("#:"):
            pending.append(stripped[2:].strip())
            continue
        field = stripped.split(":", 1)[0]
        if pending and field.isidentifier():
            out[field] = " ".join(pending)
        pending = []
    return out


def _signature(obj) -> str:
    """``(a: str, *, b: int = 1) -> Report`` with the annotations as written in the source."""
    try:
        signature = inspect.signature(obj)
    except (TypeError, ValueError):
        return "(...)"
    parts, keyword_only = [], False
    for param in signature.parameters.values():
        if param.name == "self":
            continue
        if param.kind is param.KEYWORD_ONLY and not keyword_only:
            parts.append("*")
            keyword_only = True
        text = param.name if param.kind is not param.VAR_KEYWORD else f"**{param.name}"
        if param.annotation is not param.empty:
            text += f": {_annotation(param.annotation)}"
        if param.default is not param.empty:
            text += f" = {param.default!r}"
        parts.append(text)
    returns = "" if signature.return_annotation is signature.empty else \
        f" -> {_annotation(signature.return_annotation)}"
    return f"({', '.join(parts)}){returns}"


def _annotation(annotation) -> str:
    return annotation if isinstance(annotation, str) else inspect.formatannotation(annotation)


if __name__ == "__main__":
    print(page(), end="")
