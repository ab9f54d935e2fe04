"""Calendar figures -> Quantity: dates, periods, years, clock times and weekdays, as ISO text.

The patterns are in dates.py; these builders turn their matches into quantities of kinds date,
year, time and weekday, which take part in no arithmetic (their interval is unbounded).
"""

from __future__ import annotations

import re
import sys

from verify import dates
from verify.interval import Interval
from verify.quantity import Quantity

_NO_BOUNDS = Interval(None, None)


def calendar_figure(kind: str, m: re.Match, text: str, iso: str | None) -> list[Quantity]:
    if iso is None:
        return []
    return [Quantity(text[m.start():m.end()], m.start(), m.end(), sys.intern(iso), _NO_BOUNDS, None, kind)]


def iso_date_figure(m: re.Match, text: str) -> list[Quantity]:
    iso = dates.iso_date(int(m.group("iso_y")), int(m.group("iso_m")), int(m.group("iso_d")))
    return calendar_figure("date", m, text, iso)


def date_figure(m: re.Match, text: str) -> list[Quantity]:
    if m.group("d_only"):
        return calendar_figure("date", m, text, dates.iso_date(None, None, int(m.group("d_only"))))
    year = dates.year_of(m.group("d_y")) if m.group("d_y") else None
    month = dates.small_number(m.group("d_m"))
    day = dates.small_number(m.group("d_d")) if m.group("d_d") else None
    return calendar_figure("date", m, text, dates.iso_date(year, month, day))


def period_figure(m: re.Match, text: str) -> list[Quantity]:
    first = 1 if m.group("p_last") else dates.small_number(m.group("p_m1"))
    last = dates.small_number(m.group("p_last") or m.group("p_m2"))
    if first is None or last is None or not 1 <= first <= last <= 12:
        return []
    return calendar_figure("date", m, text, f"--{first:02d}/--{last:02d}")


def year_figure(m: re.Match, text: str) -> list[Quantity]:
    if m.group("y_cn"):
        year = dates.year_of(m.group("y_cn"))
        return calendar_figure("year", m, text, f"{year:04d}" if year else None)
    first, last = m.group("y_1"), m.group("y_2")
    if last and int(last) < int(first):
        return calendar_figure("year", m, text, f"{first}/{last}")
    return calendar_figure("year", m, text, f"{first}/{last}" if last else first)


def time_figure(m: re.Match, text: str) -> list[Quantity]:
    for hour, minute, half, ampm in (("t_h4", "t_m4", "t_half", "t_ap3"), ("t_h5", "t_m5", "t_half2", None)):
        if m.group(hour) is not None:
            minutes = 30 if m.group(half) else int(m.group(minute) or 0)
            return calendar_figure("time", m, text, dates.clock(m.group(ampm) if ampm else None, int(m.group(hour)), minutes))
    if m.group("t_h3") is not None:
        iso = dates.clock(m.group("t_ap2"), int(m.group("t_h3")), int(m.group("t_m3") or 0))
        if m.group("t_h0") is not None and iso:  # 0—24时
            begin = dates.clock(m.group("t_ap2"), int(m.group("t_h0")), 0)
            iso = f"{begin}/{iso}" if begin else None
        return calendar_figure("time", m, text, iso)
    begin = dates.clock(m.group("t_ap"), int(m.group("t_h1")), int(m.group("t_m1")))
    if m.group("t_h2") is None:
        return calendar_figure("time", m, text, begin)
    end_hour = int(m.group("t_h2"))
    begin_hour = int(begin[:2]) if begin else 0
    # "下午2:30-4:00": the period word covers both ends unless the end is already past it.
    ampm = m.group("t_ap") if end_hour < 12 and begin_hour >= 12 else None
    end = dates.clock(ampm, end_hour, int(m.group("t_m2")))
    return calendar_figure("time", m, text, f"{begin}/{end}" if begin and end else None)


def weekday_figure(m: re.Match, text: str) -> list[Quantity]:
    day = dates.weekday_number(m.group("w_d") or m.group("w_d2"))
    return calendar_figure("weekday", m, text, str(day))
