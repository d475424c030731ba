"""The mutable working record of one quantity while it is being read, and its final frame.

`Draft` collects what the readers find around a number; `Draft.freeze` turns it
into the immutable `Quantity` with its interval, dimension and canonical interval.
"""

from __future__ import annotations

import math
from dataclasses import dataclass

from consistency.quantities.change import APPROX_TOLERANCE, SHORT_OF
from consistency.quantities.money import Currency
from consistency.quantities.numbers import Number
from consistency.quantities.units import Unit, canonical
from consistency.records import Bound, Direction, Quantity, QuantityKind

#: Dimensions whose values cannot be negative: "up to 40" starts at 0 for these.
_NON_NEGATIVE = {"count", "currency", "length", "mass", "time", "age", "area", "volume", "speed", "power", "energy",
                 "frequency", "information", "data rate", "concentration", "multiple"}


@dataclass(slots=True)
class Draft:
    """What is known so far about one quantity (internal, mutable)."""

    number: Number
    start: int
    end: int
    value: float | None
    low: float | None = None
    high: float | None = None
    bound: Bound = "exact"
    bound_phrase: str = ""
    unit: Unit | None = None
    currency: Currency | None = None
    measured: str | None = None
    subject: str | None = None
    per: str | None = None
    change: Direction | None = None
    kind: QuantityKind = "level"
    signed: bool = False
    #: Direction of the clause's change verb, even when this number is a level ("from 240 to 273").
    clause_direction: Direction | None = None
    #: Whether ``measured`` is the counted noun right after the number ("32 ships"), not a clause subject.
    counted: bool = False
    #: A range stated from high to low ("from 208 to 193").
    descending: bool = False
    #: Where the counted noun ends ("310 Ford and Opel vans"), when there is one.
    noun_end: int = 0
    #: Where the change verb governing the number starts, when there is one.
    verb_start: int | None = None
    #: See `consistency.records.Quantity` for these.
    person: str | None = None
    ordinal: bool = False
    score: tuple[float, float] | None = None
    outcome: str | None = None
    cumulative: bool = False
    corrects: float | None = None
    superseded: bool = False

    @property
    def has_unit(self) -> bool:
        return self.unit is not None or self.currency is not None

    @property
    def unit_key(self) -> str | None:
        """What two drafts must share to form a range: the currency code or the unit's dimension."""
        if self.currency is not None:
            return "currency:" + self.currency.code
        if self.unit is not None:
            return self.unit.dimension + ":" + self.unit.name
        return None

    def interval(self) -> tuple[float, float]:
        """[low, high] from the value and the bound (see docs/quantities.md for the tolerances)."""
        if self.low is not None and self.high is not None:
            return self.low, self.high
        v = float(self.value if self.value is not None else 0.0)
        if self.bound == "approx":
            spread = abs(v) * APPROX_TOLERANCE
            if self.bound_phrase in SHORT_OF:
                return v - spread, v
            return v - spread, v + spread
        if self.bound == "lower":
            return v, math.inf
        if self.bound == "upper":
            floor = 0.0 if v >= 0 and self.dimension in _NON_NEGATIVE else -math.inf
            return floor, v
        return v, v

    @property
    def is_fraction(self) -> bool:
        """A bare fraction ("two-thirds of voters", "half the condos"): a share, like a percentage."""
        return self.number.fraction and self.unit is None and self.currency is None

    @property
    def dimension(self) -> str:
        if self.currency is not None:
            return "currency"
        if self.measured == "age" and (self.unit is None or self.unit.dimension == "time"):
            return "age"  # an attribute of a person, not a duration or a count
        if self.unit is not None:
            return self.unit.dimension
        if self.is_fraction:
            return "percent"
        return "count"

    def freeze(self, text: str) -> Quantity:
        """The immutable frame of this draft."""
        low, high = self.interval()
        unit_name, canon = self._canonical(low, high)
        return Quantity(
            text=text[self.start: self.end],
            start=self.start,
            end=self.end,
            value=self.value if self.bound != "range" else None,
            low=low,
            high=high,
            bound=self.bound,
            unit=unit_name,
            dimension=self.dimension,
            change=self.change,
            kind=self.kind,
            measured=self.measured,
            canonical_unit=canon[0] if canon else None,
            canonical_low=canon[1] if canon else None,
            canonical_high=canon[2] if canon else None,
            subject=self.subject,
            per=self.per,
            descending=self.descending and self.bound == "range",
            person=self.person,
            ordinal=self.ordinal,
            score=self.score,
            outcome=self.outcome,
            cumulative=self.cumulative,
            corrects=self.corrects,
            superseded=self.superseded,
        )

    def _canonical(self, low: float, high: float) -> tuple[str | None, tuple[str, float, float] | None]:
        per = f"/{self.per}" if self.per else ""
        if self.currency is not None:
            c = self.currency
            return c.unit, (c.code + per, low / c.per_main_unit, high / c.per_main_unit)
        if self.is_fraction:
            return "fraction", ("percent" + per, low * 100, high * 100)
        if self.unit is None:
            return None, ("count" + per, low, high)
        unit = self.unit
        if unit.name == "basis point":
            return unit.name, ("percentage point" + per, low / 100, high / 100)
        if unit.pint is None:
            return unit.name, ((unit.name if unit.dimension != "degree" else "degree") + per, low, high)
        converted = canonical(unit, low, high, delta=self.kind == "change")
        if converted is None:
            return unit.name, None
        return unit.name, (converted[0] + per, converted[1], converted[2])
