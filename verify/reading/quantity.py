"""Quantity: a stated figure, where it is, what it says and the interval of values it can mean."""

from __future__ import annotations

from dataclasses import dataclass
from fractions import Fraction

from verify.reading.interval import Interval

KINDS = ("amount", "count", "percent", "point", "ratio", "year", "date", "weekday", "time", "ordinal")
NUMERIC_KINDS = frozenset({"amount", "count", "percent", "point", "ratio"})
# The units that state a part of a whole, and what divides them into a plain ratio (96.8% -> 0.968).
PERCENT_DIVISORS = {"%": 100, "‰": 1000, "成": 10, "百分点": 100}


@dataclass(frozen=True, slots=True)
class Quantity:
    """A stated figure: where it is, what it says, what it can mean."""

    text: str
    start: int
    end: int
    value: Fraction | str | None   # Fraction for numbers, ISO text for calendar kinds, None for ranges
    interval: Interval
    unit: str | None
    kind: str
    qualifier: str | None = None
    scale: str | None = None        # 万/亿 as written, to print implied values the same way
    label: bool = False             # a counted label such as “一匠五创”

    @property
    def is_numeric(self) -> bool:
        """Whether the figure takes part in arithmetic."""
        return self.kind in NUMERIC_KINDS

    def fraction_interval(self) -> Interval:
        """The interval as a plain ratio for % ‰ 成 (96.8% -> 0.968); otherwise as stated."""
        divisor = PERCENT_DIVISORS.get(self.unit or "")
        if divisor is None:
            return self.interval
        return self.interval * Interval.point(Fraction(1, divisor))
