"""Dates, periods, years, weekdays and clock times: their patterns, how to read them, and the
builders that turn the reader's matches into quantities.

Calendar figures are quantities of their own kinds (year, date, weekday, time), which take part
in no arithmetic (their interval is unbounded). Their values are typed (verify.reading.quantity):
a date whose year or day may be unknown, a month range, a year, a time or time range, a weekday;
each prints as ISO 8601 only in output ("2022-11-04", "--11-04", "--01/--10", "14:30/16:00").
"""

from __future__ import annotations

import calendar
import datetime
import functools
import re

from verify import regexes
from verify.reading.interval import Interval
from verify.reading.numerals import read_chinese
from verify.reading.quantity import CalendarDate, CalendarValue, Clock, MonthRange, Quantity, TimeRange, Weekday, Year

_CN_SMALL = r"[一二三四五六七八九十]{1,3}"
_MONTH = rf"(?:1[0-2]|0?[1-9]|{_CN_SMALL})"
_DAY = rf"(?:3[01]|[12]\d|0?[1-9]|{_CN_SMALL})"
_SEP = r"(?:~|—|–|-|至|到)"
_AMPM = r"上午|下午|晚上|中午|凌晨|早上|早晨|傍晚|夜间|夜里|晚间|晚|早"   # (今晚8点, 今早6点 hold 晚 and 早; each starts with a character figure_pattern anchors on)
_CN_HOUR = r"(?:二十[一二三四]?|十[一二]?|[一二两三四五六七八九])"   # 晚上十点, 凌晨两点: an hour in numerals
_CN_MINUTE = r"(?:[一二三四五]?十[一二三四五六七八九]?|零?[一二三四五六七八九])"

WEEKDAYS = {"一": 1, "二": 2, "三": 3, "四": 4, "五": 5, "六": 6, "日": 7, "天": 7}
WEEKDAY_NAMES = {1: "一", 2: "二", 3: "三", 4: "四", 5: "五", 6: "六", 7: "日"}

# Named groups are prefixed by their alternative so they stay unique in the master pattern.
PATTERNS = {
    "iso_date": r"(?<!\d)(?P<iso_y>(?:19|20)\d{2})(?P<iso_sep>[-/.])(?P<iso_m>1[0-2]|0?[1-9])(?P=iso_sep)"
                r"(?P<iso_d>3[01]|[12]\d|0?[1-9])(?!\d)",
    "time": rf"(?P<t_ap>{_AMPM})?(?<!\d)(?P<t_h1>[01]?\d|2[0-4]):(?P<t_m1>[0-5]\d)"
            rf"(?:\s*{_SEP}\s*(?P<t_h2>[01]?\d|2[0-4]):(?P<t_m2>[0-5]\d))?(?![\d:])"
            rf"|(?P<t_ap2>{_AMPM})?(?<!\d)(?:(?P<t_h0>[01]?\d|2[0-4]){_SEP})?(?P<t_h3>[01]?\d|2[0-4])时(?:(?P<t_m3>[0-5]?\d)分)?"
            rf"|(?:(?P<t_ap3>{_AMPM})|(?<=时间))(?<!\d)(?P<t_h4>[01]?\d|2[0-4]|{_CN_HOUR})点(?:零?(?P<t_m4>[0-5]?\d|{_CN_MINUTE})分|(?P<t_half>半)|钟)?"
            rf"|(?<![\d.])(?P<t_h5>[01]?\d|2[0-4])点(?:零?(?P<t_m5>[0-5]?\d)分|(?P<t_half2>半)|钟)"
            rf"|(?P<t_h6>{_CN_HOUR})点(?:(?P<t_half3>半)|钟)",   # 十点半, 十点钟 (not 九点五分: a score)
    "period": rf"(?:前(?P<p_last>{_MONTH})个?月|(?<!\d)(?P<p_m1>{_MONTH}){_SEP}(?P<p_m2>{_MONTH})月"
              rf"|(?<!\d)(?P<p_m3>{_MONTH})月份?{_SEP}(?P<p_m4>{_MONTH})月(?!底|末|初|上旬|中旬|下旬))(?!\d|份?\d)",
    "date": rf"(?:(?P<d_y>(?<!\d)[1-9]\d{{3}}|[〇零一二三四五六七八九]{{4}})年)?(?<!\d)(?P<d_m>{_MONTH})月"
            rf"(?:(?P<d_d>{_DAY})[日号]|(?P<d_part>底|初|末|上旬|中旬|下旬))?"
            rf"|(?<![\d月])(?P<d_only>3[01]|[12]\d|0?[1-9])(?:日(?!元)|号(?![楼线院令文台机车门码位]))",
    # 1000-1899年 is a year too (1894年出生, 始建于1818年), unless it is a length of time: after 距今, 有,
    # 长达, 历时, 约, 近, 逾, 超过, 上下, or before 前, 来, 多, 间, 里, 历史, 文明, 之久 (1600年前, 2800年历史)
    "year": r"(?<!\d)(?P<y_1>(?:19|20)\d{2}|(?<![今有达时约近逾过下])1[0-8]\d{2}(?=年(?!前|来|多|间|里|历史|的历史|文明|之久)))"
            r"(?:" + _SEP + r"(?P<y_2>(?:19|20)\d{2}))?年"
            r"|(?P<y_cn>[〇零一二三四五六七八九]{4})年",
    "weekday": r"(?:(?<=[(（])|(?<=[本下上这]))(?:周|星期|礼拜)(?P<w_d>[一二三四五六日天])"
               r"|星期(?P<w_d2>[一二三四五六日天])",
}


def small_number(text: str) -> int | None:
    """A month, day or hour written in digits or Chinese numerals."""
    if text.isdigit():
        return int(text)
    reading = read_chinese(text)
    return int(reading.value) if reading and reading.value.denominator == 1 else None


def year_of(text: str) -> int | None:
    """'2022' or '二〇二二' -> 2022."""
    if text.isdigit():
        return int(text)
    reading = read_chinese(text)
    return int(reading.value) if reading else None


def calendar_date(year: int | None, month: int | None, day: int | None) -> CalendarDate | None:
    """The date as far as it is known; None for what is no date (13月, 32日). A day past its
    month's end (2月30日, 2023年2月29日) stays a date: the date-exists rule reports it."""
    if month is not None and not 1 <= month <= 12:
        return None
    if day is not None and not 1 <= day <= 31:
        return None
    return CalendarDate(year, month, day)


def days_in_month(year: int | None, month: int) -> int:
    """Days of a month; of February in a leap year when the year is unknown (2月29日 may be)."""
    if year is None or not 1 <= year <= 9999:
        year = 2000
    return calendar.monthrange(year, month)[1]


def clock(ampm: str | None, hour: int, minute: int) -> Clock | None:
    """'下午', 2, 30 -> 14:30; None when the hour cannot be on a clock."""
    if ampm in ("下午", "晚上", "傍晚", "夜间", "晚间", "晚") and hour < 12:   # (夜里 may be 11 or 1: as written)
        hour += 12
    if not (0 <= hour <= 24 and 0 <= minute < 60):
        return None
    return Clock(hour, minute)


def weekday_number(char: str) -> int:
    """'五' -> 5 (ISO: Monday 1 … Sunday 7)."""
    return WEEKDAYS[char]


FILE_DATE = regexes.lazy(r"(?<!\d)((?:19|20)\d{2})[-_.]?(0[1-9]|1[0-2])[-_.]?(0[1-9]|[12]\d|3[01])(?!\d)")


def date_in_name(name: str) -> datetime.date | None:
    """The issue date in a file name ('20221104', '2022-11-04'), if it names one."""
    for m in FILE_DATE.finditer(name):
        try:
            return datetime.date(int(m.group(1)), int(m.group(2)), int(m.group(3)))
        except ValueError:
            continue
    return None


# --- builders: a match of the reader's pattern -> calendar quantities ---------------------

_NO_BOUNDS = Interval(None, None)


def calendar_figure(kind: str, m: re.Match, text: str, value: CalendarValue | None) -> list[Quantity]:
    """The figure a match states, if its value could be read."""
    if value is None:
        return []
    return [Quantity(text[m.start():m.end()], m.start(), m.end(), value, _NO_BOUNDS, None, kind)]


def iso_date_figure(m: re.Match, text: str) -> list[Quantity]:
    value = calendar_date(int(m.group("iso_y")), int(m.group("iso_m")), int(m.group("iso_d")))
    return calendar_figure("date", m, text, value)


def date_figure(m: re.Match, text: str) -> list[Quantity]:
    return calendar_figure("date", m, text, _date_value(*m.group("d_only", "d_y", "d_m", "d_d")))


@functools.lru_cache(maxsize=1024)
def _date_value(only: str | None, year: str | None, month: str | None, day: str | None) -> CalendarDate | None:
    """The date of a date's numerals, once for each way they are written (10月, 11月4日 recur)."""
    if only:
        return calendar_date(None, None, int(only))
    return calendar_date(year_of(year) if year else None, small_number(month), small_number(day) if day else None)


def period_figure(m: re.Match, text: str) -> list[Quantity]:
    first = 1 if m.group("p_last") else small_number(m.group("p_m1") or m.group("p_m3"))
    last = small_number(m.group("p_last") or m.group("p_m2") or m.group("p_m4"))
    if first is None or last is None or not 1 <= first <= last <= 12:
        return []
    return calendar_figure("date", m, text, MonthRange(first, last))


def year_figure(m: re.Match, text: str) -> list[Quantity]:
    if m.group("y_cn"):
        year = year_of(m.group("y_cn"))
        return calendar_figure("year", m, text, Year(year) if year else None)
    first, last = m.group("y_1"), m.group("y_2")
    return calendar_figure("year", m, text, Year(int(first), int(last) if last else None))


def year_figure_at(start: int, end: int, text: str, year: int) -> list[Quantity]:
    """A year the number pattern met after a verb it took for a qualifier (超过2019年同期)."""
    return [Quantity(text[start:end], start, end, Year(year), _NO_BOUNDS, None, "year")]


def time_figure(m: re.Match, text: str) -> list[Quantity]:
    for hour, minute, half, ampm in (("t_h4", "t_m4", "t_half", "t_ap3"), ("t_h5", "t_m5", "t_half2", None),
                                       ("t_h6", None, "t_half3", None)):   # (t_h6 without 半: 十点钟)
        if m.group(hour) is not None:
            minutes = 30 if m.group(half) else small_number(m.group(minute) or "0") if minute else 0
            hours = small_number(m.group(hour))
            value = clock(m.group(ampm) if ampm else None, hours, minutes) if hours is not None and minutes is not None else None
            return calendar_figure("time", m, text, value)
    if m.group("t_h3") is not None:
        value = clock(m.group("t_ap2"), int(m.group("t_h3")), int(m.group("t_m3") or 0))
        if m.group("t_h0") is not None and value:  # 0—24时
            begin = clock(m.group("t_ap2"), int(m.group("t_h0")), 0)
            value = TimeRange(begin, value) if begin else None
        return calendar_figure("time", m, text, value)
    begin = clock(m.group("t_ap"), int(m.group("t_h1")), int(m.group("t_m1")))
    if m.group("t_h2") is None:
        return calendar_figure("time", m, text, begin)
    end_hour = int(m.group("t_h2"))
    begin_hour = begin.hour if begin else 0
    # "下午2:30-4:00": the period word covers both ends unless the end is already past it.
    ampm = m.group("t_ap") if end_hour < 12 and begin_hour >= 12 else None
    end = clock(ampm, end_hour, int(m.group("t_m2")))
    return calendar_figure("time", m, text, TimeRange(begin, end) if begin and end else None)


def weekday_figure(m: re.Match, text: str) -> list[Quantity]:
    day = weekday_number(m.group("w_d") or m.group("w_d2"))
    return calendar_figure("weekday", m, text, Weekday(day))
