"""Exact intervals of rationals: what a stated number can mean.

A stated figure is never a point: "33.88万" is every value that prints as 33.88万. Checks
compare intervals, so a relation is broken only when no values inside them satisfy it.
Arithmetic here is an outer enclosure (it may over-approximate, never under-approximate),
which errs on the side of silence, never of a false alarm.
"""

from __future__ import annotations

from fractions import Fraction

from verify.frozen import record, slot_setters

Bound = Fraction | None


@record(slots=True, init=False)
class Interval:
    """Closed interval [low, high]; None on a side means unbounded there."""

    low: Bound
    high: Bound

    def __init__(self, low: Bound, high: Bound) -> None:
        """The bounds, checked and stored through their slots (frozen.slot_setters): every
        figure read makes a few, and the __init__ dataclass writes stores through object.__setattr__."""
        if low is not None and high is not None and low is not high:
            if type(low) is Fraction and type(high) is Fraction:   # (not through Fraction's >)
                inverted = low._numerator * high._denominator > high._numerator * low._denominator
            else:
                inverted = low > high
            if inverted:
                raise ValueError(f"inverted interval: low {low} > high {high}")
        _SET_LOW(self, low)
        _SET_HIGH(self, high)

    @staticmethod
    def point(value: Fraction | int) -> Interval:
        """The interval holding exactly one value (a Fraction as it is: it cannot change)."""
        v = value if type(value) is Fraction else Fraction(value)
        return Interval(v, v)

    @staticmethod
    def everything() -> Interval:
        """The unbounded interval: nothing is known."""
        return Interval(None, None)

    def cut(self) -> Interval:
        """A rounded figure's interval widened away from zero by half its width: what it may stand for
        when it was cut instead of rounded (33.88 may be anything up to 33.89). Bounded on both sides."""
        low, high = self.low, self.high
        if type(low) is Fraction and type(high) is Fraction and low.numerator >= 0:   # (denominators are positive)
            a, b, c, d = low.numerator, low.denominator, high.numerator, high.denominator   # high + (high - low) / 2
            return Interval(low, Fraction(3 * c * b - a * d, 2 * d * b))   # in integers: one Fraction made, not three
        half = (high - low) / 2
        if low >= 0:
            return Interval(low, high + half)
        if high <= 0:
            return Interval(low - half, high)
        return Interval(low - half, high + half)

    def contains(self, value: Fraction | int) -> bool:
        """Whether value lies inside the interval."""
        return (self.low is None or self.low <= value) and (self.high is None or value <= self.high)

    def intersects(self, other: Interval) -> bool:
        """Whether some value lies in both intervals."""
        if self.low is not None and other.high is not None and self.low > other.high:
            return False
        if other.low is not None and self.high is not None and other.low > self.high:
            return False
        return True

    def intersection(self, other: Interval) -> Interval | None:
        """The common part, or None when the intervals are disjoint."""
        if not self.intersects(other):
            return None
        low = _pick(self.low, other.low, max)
        high = _pick(self.high, other.high, min)
        return Interval(low, high)

    def hull(self, other: Interval) -> Interval:
        """The smallest interval holding both."""
        low = None if self.low is None or other.low is None else min(self.low, other.low)
        high = None if self.high is None or other.high is None else max(self.high, other.high)
        return Interval(low, high)

    @property
    def is_point(self) -> bool:
        """Whether the interval is a single known value."""
        return self.low is not None and self.low == self.high

    @property
    def midpoint(self) -> Fraction | None:
        """Centre of a bounded interval, else the bounded side, else None."""
        if self.low is not None and self.high is not None:
            return (self.low + self.high) / 2
        return self.low if self.low is not None else self.high

    def __neg__(self) -> Interval:
        return Interval(None if self.high is None else -self.high, None if self.low is None else -self.low)

    def __add__(self, other: Interval) -> Interval:
        other = _coerce(other)
        low = None if self.low is None or other.low is None else self.low + other.low
        high = None if self.high is None or other.high is None else self.high + other.high
        return Interval(low, high)

    def __sub__(self, other: Interval) -> Interval:
        return self + (-_coerce(other))

    def __mul__(self, other: Interval) -> Interval:
        other = _coerce(other)
        if self.is_point and self.low == 0 or other.is_point and other.low == 0:
            return Interval.point(0)
        if None in (self.low, self.high, other.low, other.high):
            return _mul_unbounded(self, other)
        products = [a * b for a in (self.low, self.high) for b in (other.low, other.high)]
        return Interval(min(products), max(products))

    def scaled(self, factor: Fraction) -> Interval:
        """The interval times a positive number: self * Interval.point(factor), in two products
        rather than four when both ends are known (96.8% -> 0.968 for every percentage checked)."""
        if self.low is None or self.high is None:
            return self * Interval.point(factor)
        low, high = self.low, self.high
        if type(low) is Fraction and type(high) is Fraction and type(factor) is Fraction:   # one Fraction made per end
            n, d = factor._numerator, factor._denominator
            return Interval(Fraction(low._numerator * n, low._denominator * d),
                            Fraction(high._numerator * n, high._denominator * d))
        return Interval(low * factor, high * factor)

    def __truediv__(self, other: Interval) -> Interval:
        other = _coerce(other)
        if other.contains(0):
            return Interval.everything()
        return self * other.reciprocal()

    def reciprocal(self) -> Interval:
        """1/x over an interval; everything when it may hold zero."""
        if self.contains(0):
            return Interval.everything()
        if self.low is not None and self.low > 0:  # [a, b] or [a, inf) with a > 0
            return Interval(Fraction(0) if self.high is None else 1 / self.high, 1 / self.low)
        return Interval(1 / self.high, Fraction(0) if self.low is None else 1 / self.low)

    def __rsub__(self, other: Fraction | int) -> Interval:
        return _coerce(other) - self

    def __rtruediv__(self, other: Fraction | int) -> Interval:
        return _coerce(other) / self

    __radd__ = __add__
    __rmul__ = __mul__


_SET_LOW, _SET_HIGH = slot_setters(Interval)   # (the slots' own stores)


def _coerce(value) -> Interval:
    return value if isinstance(value, Interval) else Interval.point(value)


def _pick(a: Bound, b: Bound, choose) -> Bound:
    if a is None:
        return b
    if b is None:
        return a
    return choose(a, b)


def _sign_range(iv: Interval) -> tuple[bool, bool]:
    """(can be negative, can be positive)."""
    return (iv.low is None or iv.low < 0), (iv.high is None or iv.high > 0)


def _mul_unbounded(a: Interval, b: Interval) -> Interval:
    """Product when a side is unbounded: exact for sign-definite factors, else everything."""
    a_neg, a_pos = _sign_range(a)
    b_neg, b_pos = _sign_range(b)
    if a_neg or b_neg:
        # Mixed signs with an open side: keep it simple and sound.
        if not (a_pos or b_pos):  # both non-positive: product non-negative
            return Interval(Fraction(0), None)
        return Interval.everything()
    # Both non-negative: low is the product of lows, high unbounded if either high is.
    low = a.low * b.low
    high = None if a.high is None or b.high is None else a.high * b.high
    return Interval(low, high)
