"""Tests for verify.reading.interval: exact intervals of rationals and their outer-enclosure arithmetic."""

from __future__ import annotations

import dataclasses
import operator
from fractions import Fraction

import pytest
from hypothesis import assume, given, settings
from hypothesis import strategies as st

from verify.reading.interval import Interval

F = Fraction
EVERYTHING = Interval(None, None)


def iv(low, high="same") -> Interval:
    """Interval from ints/decimal strings; iv(x) is the point x; None leaves a side unbounded."""
    low = None if low is None else F(str(low))
    high = low if high == "same" else (None if high is None else F(str(high)))
    return Interval(low, high)


# ---------------------------------------------------------------- construction


@pytest.mark.parametrize(
    "value, expected",
    [(3, Interval(F(3), F(3))), (F(1, 3), Interval(F(1, 3), F(1, 3))), (0, Interval(F(0), F(0))), (-2, iv(-2, -2))],
)
def test_point(value, expected):
    point = Interval.point(value)
    assert point == expected
    assert point.is_point
    assert isinstance(point.low, Fraction)


@pytest.mark.parametrize(
    "interval, is_point",
    [(iv(1, 2), False), (iv(1, None), False), (iv(None, 1), False), (EVERYTHING, False), (iv(5), True)],
)
def test_is_point(interval, is_point):
    assert interval.is_point is is_point


def test_everything():
    assert Interval.everything() == EVERYTHING


@pytest.mark.parametrize(
    "low, high",
    [(F(2), F(1)), (F(0), F(-1, 1000)), (F(1, 3), F(1, 4)), (F(-1), F(-2))],
)
def test_inverted_interval_is_refused(low, high):
    with pytest.raises(ValueError, match="inverted"):
        Interval(low, high)


@pytest.mark.parametrize("low, high", [(F(1), F(1)), (F(1), F(2)), (None, F(-5)), (F(5), None), (None, None)])
def test_ordered_or_half_open_intervals_are_accepted(low, high):
    assert (Interval(low, high).low, Interval(low, high).high) == (low, high)


def test_interval_stays_frozen_and_slotted():
    interval = iv(1, 2)
    with pytest.raises(dataclasses.FrozenInstanceError):
        interval.low = F(3)  # type: ignore[misc]
    assert not hasattr(interval, "__dict__")


@pytest.mark.parametrize(
    "interval, midpoint",
    [(iv(1, 2), F(3, 2)), (iv(1, None), F(1)), (iv(None, 2), F(2)), (EVERYTHING, None), (iv(7), F(7))],
)
def test_midpoint(interval, midpoint):
    assert interval.midpoint == midpoint


# ---------------------------------------------------------------- comparisons and set operations


@pytest.mark.parametrize(
    "interval, value, inside",
    [
        (iv(1, 2), 1, True),
        (iv(1, 2), 2, True),
        (iv(1, 2), F(3, 2), True),
        (iv(1, 2), F(999, 1000), False),
        (iv(1, 2), F(2001, 1000), False),
        (iv(1, None), 10**12, True),
        (iv(1, None), 0, False),
        (iv(None, 1), -(10**12), True),
        (iv(None, 1), 2, False),
        (EVERYTHING, 0, True),
        (iv(0), 0, True),
        (iv(0), F(1, 10**9), False),
    ],
)
def test_contains(interval, value, inside):
    assert interval.contains(value) is inside


@pytest.mark.parametrize(
    "a, b, meet",
    [
        (iv(1, 2), iv(2, 3), True),  # touching ends share a value
        (iv(1, 2), iv("2.001", 3), False),
        (iv(1, 5), iv(2, 3), True),
        (iv(3, 4), iv(1, 2), False),
        (iv(1, None), iv(None, 1), True),
        (iv(1, None), iv(None, "0.999"), False),
        (iv(None, 0), iv(None, -5), True),
        (EVERYTHING, iv(7), True),
        (iv(7), iv(7), True),
        (iv(7), iv(8), False),
    ],
)
def test_intersects(a, b, meet):
    assert a.intersects(b) is meet
    assert b.intersects(a) is meet


@pytest.mark.parametrize(
    "a, b, common",
    [
        (iv(1, 3), iv(2, 4), iv(2, 3)),
        (iv(1, 2), iv(2, 3), iv(2)),
        (iv(1, 5), iv(2, 3), iv(2, 3)),
        (iv(1, 2), iv(3, 4), None),
        (iv(1, None), iv(None, 3), iv(1, 3)),
        (iv(1, None), iv(2, None), iv(2, None)),
        (iv(None, 1), iv(None, 2), iv(None, 1)),
        (EVERYTHING, iv(-1, 1), iv(-1, 1)),
        (EVERYTHING, EVERYTHING, EVERYTHING),
        (iv(None, 0), iv(1, None), None),
    ],
)
def test_intersection(a, b, common):
    assert a.intersection(b) == common
    assert b.intersection(a) == common


@pytest.mark.parametrize(
    "a, b, hull",
    [
        (iv(1, 2), iv(3, 4), iv(1, 4)),
        (iv(1, 5), iv(2, 3), iv(1, 5)),
        (iv(1), iv(-1), iv(-1, 1)),
        (iv(1, None), iv(-3, 0), iv(-3, None)),
        (iv(None, 1), iv(0, 9), iv(None, 9)),
        (iv(None, 1), iv(2, None), EVERYTHING),
        (EVERYTHING, iv(0), EVERYTHING),
    ],
)
def test_hull(a, b, hull):
    assert a.hull(b) == hull
    assert b.hull(a) == hull


# ---------------------------------------------------------------- arithmetic

ARITHMETIC = [
    # (op, a, b, a op b)
    ("+", iv(1, 2), iv(10, 20), iv(11, 22)),
    ("+", iv(-1, 1), iv("0.5"), iv("-0.5", "1.5")),
    ("+", iv(1, None), iv(2, 3), iv(3, None)),
    ("+", iv(None, 1), iv(2, 3), iv(None, 4)),
    ("+", iv(None, 1), iv(2, None), EVERYTHING),
    ("+", EVERYTHING, iv(0), EVERYTHING),
    ("-", iv(1, 2), iv(10, 20), iv(-19, -8)),
    ("-", iv(5), iv(5), iv(0)),
    ("-", iv(1, 2), iv(1, 2), iv(-1, 1)),  # outer enclosure: x - x is not known to be 0
    ("-", iv(1, None), iv(0, 1), iv(0, None)),
    ("-", iv(1, 2), iv(3, None), iv(None, -1)),
    ("-", iv(1, None), iv(1, None), EVERYTHING),
    ("*", iv(2, 3), iv(4, 5), iv(8, 15)),
    ("*", iv(-1, 2), iv(3, 4), iv(-4, 8)),
    ("*", iv(-3, -2), iv(-5, -4), iv(8, 15)),
    ("*", iv(-3, 2), iv(-5, 4), iv(-12, 15)),
    ("*", iv(-3, -2), iv(4, 5), iv(-15, -8)),
    ("*", iv("0.5"), iv(338750, 338850), iv(169375, 169425)),
    ("*", iv(0), EVERYTHING, iv(0)),  # zero times anything is exactly zero
    ("*", iv(1, None), iv(0), iv(0)),
    ("*", iv(2, None), iv(3, 4), iv(6, None)),
    ("*", iv(0, None), iv(0, None), iv(0, None)),
    ("*", iv(None, -1), iv(None, -2), iv(0, None)),  # both non-positive: product non-negative
    ("*", iv(None, 0), iv(-2, -1), iv(0, None)),
    ("*", iv(None, -1), iv(2, 3), EVERYTHING),  # sound but loose: mixed signs with an open side
    ("*", iv(-1, None), iv(2, 3), EVERYTHING),
    ("*", EVERYTHING, iv(2), EVERYTHING),
    ("/", iv(1), iv(2, 4), iv("0.25", "0.5")),
    ("/", iv(-4, 8), iv(2), iv(-2, 4)),
    ("/", iv(1, 2), iv(-4, -2), iv(-1, "-0.25")),
    ("/", iv(6), iv(3), iv(2)),
    ("/", iv(1), iv(-1, 1), EVERYTHING),  # divisor may be zero: nothing is known
    ("/", iv(1), iv(0, 2), EVERYTHING),
    ("/", iv(1), iv(-2, 0), EVERYTHING),
    ("/", iv(0), iv(0), EVERYTHING),
    ("/", iv(1), EVERYTHING, EVERYTHING),
    ("/", iv(1, 2), iv(4, None), iv(0, "0.5")),
    ("/", iv(1, 2), iv(None, -4), iv("-0.5", 0)),
    ("/", iv(1, None), iv(2), iv("0.5", None)),
    ("/", iv(0), iv(2, 3), iv(0)),
]
_OPS = {"+": operator.add, "-": operator.sub, "*": operator.mul, "/": operator.truediv}


@pytest.mark.parametrize("op, a, b, expected", ARITHMETIC)
def test_arithmetic(op, a, b, expected):
    assert _OPS[op](a, b) == expected


@pytest.mark.parametrize("op, a, b, expected", [row for row in ARITHMETIC if row[0] in "+*"])
def test_addition_and_multiplication_commute(op, a, b, expected):
    assert _OPS[op](b, a) == expected


@pytest.mark.parametrize(
    "interval, negated",
    [(iv(1, 2), iv(-2, -1)), (iv(-1, 3), iv(-3, 1)), (iv(1, None), iv(None, -1)), (EVERYTHING, EVERYTHING)],
)
def test_negation(interval, negated):
    assert -interval == negated


@pytest.mark.parametrize(
    "interval, reciprocal",
    [
        (iv(2, 4), iv("0.25", "0.5")),
        (iv(-4, -2), iv("-0.5", "-0.25")),
        (iv(5), iv("0.2")),
        (iv(2, None), iv(0, "0.5")),
        (iv(None, -2), iv("-0.5", 0)),
        (iv(-1, 1), EVERYTHING),
        (iv(0, 1), EVERYTHING),
        (iv(-1, 0), EVERYTHING),
        (iv(0), EVERYTHING),
        (iv(0, None), EVERYTHING),
        (iv(None, 0), EVERYTHING),
        (EVERYTHING, EVERYTHING),
    ],
)
def test_reciprocal(interval, reciprocal):
    assert interval.reciprocal() == reciprocal


# ---------------------------------------------------------------- plain numbers on either side

MIXED = [
    # (expression, expected): a plain int or Fraction is coerced to a point
    (lambda: 1 - Interval.point(2), iv(-1)),
    (lambda: 1 / Interval.point(2), iv("0.5")),
    (lambda: 1 + Interval.point(2), iv(3)),
    (lambda: 3 * Interval.point(2), iv(6)),
    (lambda: Interval.point(2) - 1, iv(1)),
    (lambda: Interval.point(2) / 4, iv("0.5")),
    (lambda: 10 - iv(1, 3), iv(7, 9)),
    (lambda: F(1, 2) - iv(1, 3), iv("-2.5", "-0.5")),
    (lambda: 3 - iv(1, None), iv(None, 2)),
    (lambda: 0 - iv(None, 5), iv(-5, None)),
    (lambda: 1 / iv(2, 4), iv("0.25", "0.5")),
    (lambda: 12 / iv(-4, -3), iv(-4, -3)),
    (lambda: F(1, 3) / iv(1, 2), iv(F(1, 6), F(1, 3))),
    (lambda: 1 / iv(-1, 1), EVERYTHING),
    (lambda: 1 / iv(0), EVERYTHING),
    (lambda: 1 / iv(2, None), iv(0, "0.5")),
    (lambda: 0 / iv(2, 3), iv(0)),
]


@pytest.mark.parametrize("expression, expected", MIXED)
def test_plain_numbers_on_either_side(expression, expected):
    assert expression() == expected


def test_reflected_operators_return_exact_fractions():
    for result in (1 - Interval.point(2), 1 / Interval.point(3), 2 / iv(3, 5)):
        assert isinstance(result, Interval)
        assert all(isinstance(side, Fraction) for side in (result.low, result.high))


# ---------------------------------------------------------------- enclosure property

_lows = st.fractions(min_value=-1000, max_value=1000, max_denominator=1000)
_widths = st.fractions(min_value=0, max_value=100, max_denominator=100)
_picks = st.fractions(min_value=0, max_value=1, max_denominator=100)


@settings(max_examples=500, deadline=None, database=None)
@given(
    op=st.sampled_from(sorted(_OPS)),
    a_low=_lows,
    a_width=_widths,
    b_low=_lows,
    b_width=_widths,
    s=_picks,
    t=_picks,
)
def test_every_pair_of_points_lies_in_the_result(op, a_low, a_width, b_low, b_width, s, t):
    """For x in a and y in b, x op y lies in a op b: the arithmetic never under-approximates."""
    a, b = Interval(a_low, a_low + a_width), Interval(b_low, b_low + b_width)
    x, y = a_low + s * a_width, b_low + t * b_width
    if op == "/":
        assume(not b.contains(0))
    result = _OPS[op](a, b)
    assert result.low is not None and result.high is not None  # bounded in, bounded out
    assert result.contains(_OPS[op](x, y))


@pytest.mark.parametrize("low, high", [(0, 0), (1, 2), (-3, 5), (-4, -1), (Fraction(677, 2), Fraction(679, 2)),
                                       (None, 5), (None, -5), (2, None), (-2, None), (None, None)])
@pytest.mark.parametrize("factor", [Fraction(1, 100), Fraction(1, 1000), Fraction(1, 10), Fraction(3)])
def test_scaled_is_the_product_with_a_point(low, high, factor):
    """scaled(c) is exactly self * point(c) for c > 0, ends and all."""
    iv = Interval(None if low is None else Fraction(low), None if high is None else Fraction(high))
    assert iv.scaled(factor) == iv * Interval.point(factor)


def test_cut_widens_away_from_zero_by_half_the_width():
    """What a rounded figure may stand for when it was cut: up for a positive one, down for a negative
    one, both ways across zero; in Fractions or integers alike (Interval.cut, used by the relation
    kinds' leniency and the headline pairing)."""
    assert Interval(Fraction(33875, 1000), Fraction(33885, 1000)).cut() == Interval(Fraction(33875, 1000),
                                                                                    Fraction(3389, 100))
    assert Interval(Fraction(-2), Fraction(-1)).cut() == Interval(Fraction(-5, 2), Fraction(-1))
    assert Interval(Fraction(-1), Fraction(1)).cut() == Interval(Fraction(-2), Fraction(2))
    assert Interval(1, 3).cut() == Interval(1, 4)
