"""``consistency rules [CODE]``: the rule catalogue, or one rule's documentation."""

from __future__ import annotations

import json

import click

from ..rules import all_rules, get_rule
from .app import EXIT_OK


@click.command()
@click.argument("code", required=False)
@click.option("-f", "--format", "fmt", type=click.Choice(["text", "json"]), default="text", show_default=True,
              help="text: a table (or one rule's documentation); json: machine-readable.")
def rules(code, fmt) -> int:
    """List the rules (code, name, groups, severity), or show one rule's documentation.

    CODE is a rule code (NUM001) or name (numeric-mismatch). Use the codes and groups
    with `consistency check --select/--ignore`.
    """
    chosen = [get_rule(code)] if code else all_rules()
    if fmt == "json":
        rows = [{"code": r.code, "name": r.name, "groups": list(r.groups), "severity": r.severity,
                 "kind": r.kind, "plugin": r.plugin, "summary": r.summary(),
                 **({"doc": r.doc()} if code else {})} for r in chosen]
        click.echo(json.dumps(rows[0] if code else rows, indent=2))
        return EXIT_OK
    if code:
        r = chosen[0]
        extra = " · plug-in (off by default)" if r.plugin else ""
        click.echo(f"{r.code} {r.name}  [{', '.join(r.groups)}] · {r.severity} · {r.kind}{extra}\n")
        click.echo(r.doc())
        return EXIT_OK
    for r in chosen:
        note = " (plug-in: --nli-model)" if r.plugin else ""
        click.echo(f"{r.code}  {r.name:<22} {','.join(r.groups):<18} {r.severity:<8} {r.summary()}{note}")
    return EXIT_OK
