"""consistency: find numeric and factual conflicts between claims."""

__version__ = "0.1.0"
#: The name to `pip install` (the import package and the command are `consistency`).
DISTRIBUTION = "claim-consistency"
