"""The rule interface and the one append-only registry of rule codes.

A rule is a class with a stable ``code`` (never reused, never renamed), a
``name``, ``groups`` and a docstring that *is* its documentation: what it flags,
why, an example, and what it does not flag. `consistency rules CODE` prints it.
A rule looks at one candidate pair of claims and yields `Verdict`s; the engine
turns them into `Finding`s with fingerprints.
"""

from __future__ import annotations

import inspect
from dataclasses import dataclass
from typing import Callable, ClassVar, Iterable, Iterator

from ..errors import NotFoundError, UsageError
from ..records import Claim, FindingKind, Severity, Span


@dataclass(frozen=True, slots=True)
class Verdict:
    """What a rule found in a pair.

    ``key_a``/``key_b`` are the normalised evidence of each side ("ship=32"): with
    the rule code and the documents they make the fingerprint, so a finding keeps
    its identity when the sentences around the evidence are edited, and a changed
    value makes a new finding.
    """

    spans_a: tuple[Span, ...]
    spans_b: tuple[Span, ...]
    explanation: str
    key_a: str
    key_b: str
    kind: FindingKind | None = None
    #: calibrated probability that a reviewer confirms the finding (None: the rule's prior).
    confidence: float | None = None


class Rule:
    code: ClassVar[str]
    name: ClassVar[str]
    groups: ClassVar[tuple[str, ...]] = ()
    severity: ClassVar[Severity] = "error"
    kind: ClassVar[FindingKind] = "conflict"
    #: A plug-in rule needs something the caller provides (a model): it is listed in
    #: the catalogue but `select_rules` does not build it; the API does, on request.
    plugin: ClassVar[bool] = False
    #: the confidence of a finding whose verdict carries none: the share of this rule's findings
    #: reviewers confirmed on real news (docs/rules.md, "Confidence").
    prior: ClassVar[float] = 0.5

    def check(self, a: Claim, b: Claim, ctx=None) -> Iterable[Verdict]:  # pragma: no cover - interface
        """Verdicts on one candidate pair; ``ctx`` is a `consistency.rules.compare.PairContext`."""
        raise NotImplementedError

    @classmethod
    def doc(cls) -> str:
        return inspect.cleandoc(cls.__doc__ or "")

    @classmethod
    def summary(cls) -> str:
        return cls.doc().splitlines()[0] if cls.__doc__ else ""


REGISTRY: dict[str, type[Rule]] = {}


def register(cls: type[Rule]) -> type[Rule]:
    """Class decorator: add a rule to the registry; a duplicate code is a programming error."""
    if cls.code in REGISTRY:
        raise ValueError(f"duplicate rule code {cls.code}: {REGISTRY[cls.code].__name__} and {cls.__name__}")
    if not cls.__doc__:
        raise ValueError(f"rule {cls.code} has no docstring; the docstring is its documentation")
    REGISTRY[cls.code] = cls
    return cls


def all_rules() -> list[type[Rule]]:
    return [REGISTRY[c] for c in sorted(REGISTRY)]


def get_rule(code: str) -> type[Rule]:
    key = code.strip().upper()
    for rule in REGISTRY.values():
        if rule.code == key or rule.name == code.strip().lower():
            return rule
    raise NotFoundError(f"no rule {code!r}", hint="run `consistency rules` to list the rule codes")


def select_rules(select: Iterable[str] = (), ignore: Iterable[str] = ()) -> list[Rule]:
    """Instances of the rules picked by codes, names or groups (empty select: all)."""
    select, ignore = list(select), list(ignore)
    for token in select + ignore:
        if not names_a_rule(token):
            raise UsageError(f"unknown rule or group {token!r}",
                             hint="run `consistency rules` to list codes and groups")
    chosen = [r for r in all_rules() if not r.plugin and (not select or any(_matches(r, t) for t in select))]
    return [r() for r in chosen if not any(_matches(r, t) for t in ignore)]


def names_a_rule(token: str) -> bool:
    """Whether ``token`` is a code, code prefix, name or group of a registered rule."""
    return any(_matches(r, token) for r in REGISTRY.values())


def rule_enabled(rule: type[Rule], select: Iterable[str] = (), ignore: Iterable[str] = ()) -> bool:
    """Whether ``--select``/``--ignore`` leave ``rule`` on (plug-ins are asked this by the API)."""
    select, ignore = list(select), list(ignore)
    return (not select or any(_matches(rule, t) for t in select)) and not any(_matches(rule, t) for t in ignore)


def _matches(rule: type[Rule], token: str) -> bool:
    t = token.strip()
    return (rule.code == t.upper() or rule.code.startswith(t.upper()) and t.isalpha()
            or rule.name == t.lower() or t.lower() in rule.groups)


def spans(*items: tuple[int, int, str, str]) -> tuple[Span, ...]:
    return tuple(Span(start, end, text, norm) for start, end, text, norm in items)


def iter_pairs(xs, ys) -> Iterator[tuple]:
    for x in xs:
        for y in ys:
            yield x, y


def per_claim(test: Callable[[Claim], bool]) -> Callable[[Claim], bool]:
    """``test`` remembered per claim object (while the claims it was asked about are alive): a
    rule's ``parses(pairs)`` hook asks about each claim once however many pairs it is in."""
    seen: dict[int, bool] = {}

    def cached(claim: Claim) -> bool:
        found = seen.get(id(claim))
        if found is None:
            found = seen[id(claim)] = test(claim)
        return found

    return cached
