"""consistency: find numeric and factual conflicts between claims."""

__version__ = "0.1.0"
