"""Quantity: a stated figure, where it is, what it says and the interval of values it can mean;
and the typed values of calendar figures (named tuples: immutable, and cheap to build by the
thousand), which become ISO 8601 text only in output."""

from __future__ import annotations

import dataclasses
from fractions import Fraction
from typing import NamedTuple

from verify.frozen import record, slot_setters
from verify.reading.interval import Interval

KINDS = ("amount", "count", "percent", "point", "ratio", "year", "date", "weekday", "time", "ordinal")
NUMERIC_KINDS = frozenset({"amount", "count", "percent", "point", "ratio"})
# The units that state a part of a whole, and what divides them into a plain ratio (96.8% -> 0.968).
PERCENT_DIVISORS = {"%": 100, "‰": 1000, "成": 10, "百分点": 100}
_PERCENT_FACTORS = {unit: Fraction(1, divisor) for unit, divisor in PERCENT_DIVISORS.items()}


class CalendarDate(NamedTuple):
    """A date as far as the text states it: 11月4日 has no year, 10月 no day, 4日 only a day."""

    year: int | None
    month: int | None
    day: int | None

    @property
    def iso(self) -> str:
        """ISO 8601, partial where a part is unknown: 2022-11-04, --11-04, --10, 2022-11."""
        y = f"{self.year:04d}" if self.year is not None else "-"
        m = f"-{self.month:02d}" if self.month is not None else "-"
        if self.day is not None:
            return f"{y}{m}-{self.day:02d}"
        return f"{y}{m}" if self.month is not None else y


class MonthRange(NamedTuple):
    """Months of one year, first to last: 前10月, 1-10月."""

    first: int
    last: int

    @property
    def iso(self) -> str:
        """--01/--10."""
        return f"--{self.first:02d}/--{self.last:02d}"


class Year(NamedTuple):
    """A year, or a span of years (2021-2022年)."""

    first: int
    last: int | None = None

    @property
    def iso(self) -> str:
        """2022, or 2021/2022."""
        return f"{self.first:04d}" if self.last is None else f"{self.first:04d}/{self.last:04d}"


class Clock(NamedTuple):
    """A time of day on the 24-hour clock (24:00 ends a day); times compare in the order of the day."""

    hour: int
    minute: int

    @property
    def iso(self) -> str:
        """14:30."""
        return f"{self.hour:02d}:{self.minute:02d}"


class TimeRange(NamedTuple):
    """From one time of day to another: 下午2:30-4:00."""

    begin: Clock
    end: Clock

    @property
    def iso(self) -> str:
        """14:30/16:00."""
        return f"{self.begin.iso}/{self.end.iso}"


class Weekday(NamedTuple):
    """A day of the week, ISO-numbered: Monday 1 … Sunday 7."""

    day: int

    @property
    def iso(self) -> str:
        """1 to 7."""
        return str(self.day)


CalendarValue = CalendarDate | MonthRange | Year | Clock | TimeRange | Weekday
CALENDAR_VALUES = (CalendarDate, MonthRange, Year, Clock, TimeRange, Weekday)


@record(slots=True, init=False)
class Quantity:
    """A stated figure: where it is, what it says, what it can mean."""

    text: str
    start: int
    end: int
    value: Fraction | CalendarValue | None   # a calendar value for calendar kinds, None for ranges
    interval: Interval
    unit: str | None
    kind: str
    qualifier: str | None = None
    scale: str | None = None        # 万/亿 as written, to print implied values the same way
    label: bool = False             # a counted label such as “一匠五创”
    ratio_part: bool = False        # a part of a ratio of shares (三次产业比为3.9：59.5：36.6), read as a percentage
    ends: tuple[Quantity, Quantity] | None = None   # a range's two ends as written (5.5%—7.6%), in text order

    def __init__(self, text: str, start: int, end: int, value: Fraction | CalendarValue | None, interval: Interval,
                 unit: str | None, kind: str, qualifier: str | None = None, scale: str | None = None,
                 label: bool = False, ratio_part: bool = False, ends: tuple[Quantity, Quantity] | None = None) -> None:
        """The fields, stored through their slots (slot_setters)."""
        s_text, s_start, s_end, s_value, s_interval, s_unit, s_kind, s_qualifier, s_scale, s_label, s_ratio, s_ends = _SETTERS
        s_text(self, text), s_start(self, start), s_end(self, end), s_value(self, value), s_interval(self, interval)
        s_unit(self, unit), s_kind(self, kind), s_qualifier(self, qualifier), s_scale(self, scale)
        s_label(self, label), s_ratio(self, ratio_part), s_ends(self, ends)

    def exactly(self) -> Quantity:
        """The figure as exactly its value (a count of whole things: 出席186人 is 186, not 185.5 to 186.5)."""
        return self._read_as(Interval.point(self.value), self.unit)

    def with_unit(self, unit: str) -> Quantity:
        """The figure in a unit the text gives it elsewhere (超过40万，达到401763例: 40万 counts 例)."""
        return self._read_as(self.interval, unit)

    def _read_as(self, interval: Interval, unit: str | None) -> Quantity:
        """The same figure, as the statement stage reads its interval and unit."""
        return Quantity(self.text, self.start, self.end, self.value, interval, unit, self.kind,
                        self.qualifier, self.scale, self.label, self.ratio_part, self.ends)

    @property
    def is_range(self) -> bool:
        """Whether the figure is a range with two stated ends (5330万—5430万辆, 40%-45%)."""
        return self.ends is not None

    @property
    def is_numeric(self) -> bool:
        """Whether the figure takes part in arithmetic."""
        return self.kind in NUMERIC_KINDS

    def shifted(self, offset: int) -> Quantity:
        """The same figure placed `offset` characters further on (a section in its document)."""
        ends = None if self.ends is None else (self.ends[0].shifted(offset), self.ends[1].shifted(offset))
        return dataclasses.replace(self, start=self.start + offset, end=self.end + offset, ends=ends)

    def fraction_interval(self) -> Interval:
        """The interval as a plain ratio for % ‰ 成 (96.8% -> 0.968); otherwise as stated."""
        factor = _PERCENT_FACTORS.get(self.unit or "")
        if factor is None:
            return self.interval
        return self.interval.scaled(factor)


_SETTERS = slot_setters(Quantity)


def may_be_rounded(q: Quantity) -> bool:
    """Whether a figure may have been rounded or cut: decimals, 万/亿, or a percentage.
    A plain integer count (20例, 2517家) is exact."""
    return "." in q.text or q.scale is not None or q.unit in PERCENT_DIVISORS


def trailing_zero_place(q: Quantity) -> int:
    """10**n for an integer figure ending in n zeros (4200 -> 100), else 1."""
    if not isinstance(q.value, Fraction) or q.value.denominator != 1 or q.value == 0:
        return 1
    place, value = 1, abs(q.value.numerator)
    while value % (place * 10) == 0:
        place *= 10
    return place


def print_step(q: Quantity) -> Fraction | None:
    """The place a figure is printed to, as a plain ratio (33.88万 -> 100, 96.8% -> 0.001, 4200 -> 100,
    which may stand for 4187 rounded; 4187 -> 1); None for a qualified figure, a range or a reading
    with no value (超6万亿, 9亿~16亿)."""
    if q.qualifier is not None or q.ends is not None or type(q.value) is not Fraction:
        return None
    iv = q.fraction_interval()
    if iv.low is None or iv.high is None:
        return None
    if not may_be_rounded(q) and abs(q.value) >= 1000 and (place := trailing_zero_place(q)) >= 100:
        return Fraction(place)
    return iv.high - iv.low


def printed_apart(a: Quantity, b: Quantity) -> bool:
    """Two statements of one value printed to the same place with other digits (a title's 33.88万人
    and the body's 33.89万人): under one rounding rule they would print alike, though their closed
    intervals meet at 33.885万 (which 四舍五入 prints as 33.89 and rounding half to even as 33.88)."""
    if a.unit != b.unit or a.value == b.value:
        return False
    step = print_step(a)
    return step is not None and step == print_step(b)
