"""The rule catalogue. Importing this package registers every rule."""

from . import corrections, direction, numeric, statements  # noqa: F401  (registration side effect)
from .base import REGISTRY, Rule, Verdict, all_rules, get_rule, register, select_rules
from .. import nli  # noqa: F401,E402  (registers the NLI001 plug-in in the catalogue)

__all__ = ["REGISTRY", "Rule", "Verdict", "all_rules", "get_rule", "register", "select_rules"]
