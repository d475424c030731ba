"""The rule catalogue. Importing this package registers every rule."""

from . import direction, numeric  # noqa: F401  (registration side effect)
from .base import REGISTRY, Rule, Verdict, all_rules, get_rule, register, select_rules

__all__ = ["REGISTRY", "Rule", "Verdict", "all_rules", "get_rule", "register", "select_rules"]
