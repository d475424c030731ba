"""Quantity and date extraction: cheap, rule-based, offline.

    >>> from consistency.quantities import extract_quantities, extract_dates
    >>> [q.text for q in extract_quantities("Strikes were down 90% to 32 ships.")]
    ['90%', '32']

See docs/quantities.md for the fields, the conventions and the benchmark.
"""

from consistency.quantities.dates import extract_dates
from consistency.quantities.extract import extract_quantities

__all__ = ["extract_dates", "extract_quantities"]
