"""calendar: a date exists, a date and its weekday agree, a time range ends after it starts.

The year of 11月4日(周五) comes from the date itself, else the issue date (--date, or a date in the
file name), else the nearest year the text names before it. Only a year the text or the user
states makes a mismatch an error; an inferred year makes it a warning; no year at all, an info.
"""

from __future__ import annotations

import bisect
import datetime

from verify.frozen import record
from verify.reading.calendar import WEEKDAY_NAMES, days_in_month
from verify.reading.quantity import CalendarDate, TimeRange, Year
from verify.errors import RuleFileError
from verify.checking.kinds.common import finding, rule_message
from verify.messages import text_for
from verify.records import Severity
from verify.checking.records import Verdict
from verify.rules.records import KindParams, Rule

TYPES = {"check": str, "date": str, "weekday": str, "time": str}
REQUIRED = {"check"}
OPTIONAL = set(TYPES) - REQUIRED
MESSAGE_FIELDS = {"date", "weekday", "expected", "year", "time"}  # what a rule's message may name besides its slots and groups


@record
class CalendarParams(KindParams):
    """Which test a calendar rule makes, and the slots it reads."""

    check: str             # "weekday", "date-exists" or "time-order"
    date: str = "date"
    weekday: str = "weekday"
    time: str = "time"

    def may_find(self, quantity) -> bool:
        """date-exists finds only a day past its month's end: every other date (nearly all of a
        page's, 4,800 on 1 M mixed characters) is no match to make and judge."""
        if self.check != "date-exists":
            return True
        date = quantity.value
        return isinstance(date, CalendarDate) and date.month is not None and date.day is not None \
            and date.day > days_in_month(date.year, date.month)


def prepare(rule: Rule) -> CalendarParams:
    """Check which test the rule makes and that its slots exist."""
    check = rule.params["check"]
    names = {"weekday": ("date", "weekday"), "time-order": ("time",), "date-exists": ("date",)}
    if check not in names:
        raise RuleFileError(rule.path, rule.lines.get("check"), "check is 'weekday', 'date-exists' or 'time-order'")
    slots = {name: rule.params.get(name, name) for name in names[check]}
    for role, slot in slots.items():
        if slot not in rule.pattern.slots:
            raise RuleFileError(rule.path, rule.lines.get("pattern"), f"pattern needs a slot {{{slot}:{role}}}")
    return CalendarParams(check, **slots)


def evaluate(rule, matches, context):
    """Weekday of each date, or order of each time range."""
    verdict = Verdict()
    prep: CalendarParams = rule.prepared
    for match in matches:
        if prep.check == "weekday":
            _weekday(rule, prep, match, context, verdict)
        elif prep.check == "date-exists":
            _date_exists(rule, prep, match, context, verdict)
        else:
            _time_order(rule, prep, match, context, verdict)
    return verdict


def _weekday(rule, prep, match, context, verdict) -> None:
    date_i, day_i = match.figures.get(prep.date), match.figures.get(prep.weekday)
    if date_i is None or day_i is None:
        return
    date_q, day_q = context.quantities[date_i], context.quantities[day_i]
    date = date_q.value
    if isinstance(date, CalendarDate) and date.year is not None and date.month is not None and date.day is None:
        verdict.checked |= {date_i, day_i}  # 2022年11月(周五): checked, but no day to weigh the weekday against
        return
    if not isinstance(date, CalendarDate) or date.month is None or date.day is None:
        return
    month, day = date.month, date.day
    if day > days_in_month(date.year, month):
        return  # no such date (2月30日): the date-exists rule says so, a weekday cannot be checked
    stated_day = day_q.value.day
    years, source = _years_for(date_q, month, day, context)
    verdict.checked |= {date_i, day_i}
    if not years:
        message = text_for(context.lang, "weekday_no_year", date=date_q.text)
        verdict.findings.append(finding(rule, Severity.INFO, day_q, message, None, None, [date_q]))
        return
    fitting = [y for y in years if _weekday_of(y, month, day) == stated_day]
    if fitting:
        if context.checks:
            verdict.held(rule, day_q, f"{fitting[0]}-{month:02d}-{day:02d} = {weekday_name(stated_day, context.lang)}")
        return
    year = years[0]
    actual = _weekday_of(year, month, day)
    if actual is None:
        return
    severity = rule.severity if source in ("date", "option", "file name") else Severity.WARNING
    expected = weekday_name(actual, context.lang)
    names = {"date": date_q.text, "weekday": day_q.text, "expected": expected, "year": str(year)}
    dated = date_q.text if "年" in date_q.text else f"{year}年{date_q.text}"
    default = text_for(context.lang, "weekday_mismatch", date=dated, year=year, expected=expected,
                       stated=day_q.text)
    calculation = f"{year}-{month:02d}-{day:02d} = {expected}"
    verdict.findings.append(finding(rule, severity, day_q, rule_message(rule, context.lang, default, names),
                                    expected, calculation, [date_q]))


def _date_exists(rule, prep, match, context, verdict) -> None:
    """2023年2月29日, 11月31日: a day past its month's end (in the stated year, else in any year)."""
    index = match.figures.get(prep.date)
    if not isinstance(index, int):
        return
    date_q = context.quantities[index]
    date = date_q.value
    if not isinstance(date, CalendarDate) or date.month is None or date.day is None:
        return
    year, month, day = date.year, date.month, date.day
    days = days_in_month(year, month)
    if day <= days:
        return  # every date passes this test: listing it as a check that held would be noise
    verdict.checked.add(index)
    shown = f"{year}-{month:02d}" if year else f"--{month:02d}"
    key = "date_impossible" if year else "date_impossible_any_year"
    default = text_for(context.lang, key, date=date_q.text, year=year, month=month, days=days)
    message = rule_message(rule, context.lang, default, {"date": date_q.text})
    verdict.findings.append(finding(rule, rule.severity, date_q, message, None, f"{shown}: {day} > {days}"))


def weekday_name(day: int, lang: str) -> str:
    """周五 in Chinese, Friday in English."""
    return _ENGLISH_DAYS[day - 1] if lang == "en" else "周" + WEEKDAY_NAMES[day]


_ENGLISH_DAYS = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")


def _weekday_of(year: int, month: int, day: int) -> int | None:
    if year < 1583:  # before the Gregorian calendar: no weekday to check against
        return None
    try:
        return datetime.date(year, month, day).isoweekday()
    except ValueError:
        return None


def _years_for(date_q, month, day, context) -> tuple[list[int], str | None]:
    """The years the date may be in, and where they came from: the date, the issue date, the text."""
    if date_q.value.year is not None:
        return [date_q.value.year], "date"
    if context.issue_date is not None:
        issue = context.issue_date
        candidates = []
        for year in (issue.year - 1, issue.year, issue.year + 1):
            try:
                candidates.append((abs((datetime.date(year, month, day) - issue).days), year))
            except ValueError:
                continue
        return ([min(candidates)[1]], context.issue_date_source) if candidates else ([], None)
    years = _years_named_before(date_q, context)
    return years, ("text" if years else None)


def _years_named_before(date_q, context) -> list[int]:
    """The last two distinct years named before the date, nearest first (a heading 【2008年…】 and
    a 2007年12月30日 in its first line); else the latest year in the text."""
    starts, years, recent = _named_years(context)
    i = bisect.bisect_left(starts, date_q.start) - 1
    if i >= 0:
        return [y for y in recent[i] if y is not None]
    return [max(years)] if years else []


def _named_years(context) -> tuple[list[int], list[int], list[tuple]]:
    """Where the text names a year, which, and at each such place the two most recent distinct
    years up to it: computed once per document, so each date is a bisection, not a scan back."""
    cached = context.memo.get("named_years")
    if cached is None:
        named = [(q.start, _year_named(q.value)) for q in context.quantities
                 if q.kind in ("year", "date") and _year_named(q.value) is not None]
        recent, first, second = [], None, None
        for _, year in named:
            if year != first:
                first, second = year, first
            recent.append((first, second))
        cached = ([s for s, _ in named], [y for _, y in named], recent)
        context.memo["named_years"] = cached
    return cached


def _year_named(value) -> int | None:
    """The year a year or date figure names (the first of a span), if it names one."""
    if isinstance(value, Year):
        return value.first
    return value.year if isinstance(value, CalendarDate) else None


def _time_order(rule, prep, match, context, verdict) -> None:
    index = match.figures.get(prep.time)
    if index is None:
        return
    q = context.quantities[index]
    if not isinstance(q.value, TimeRange):
        return
    verdict.checked.add(index)
    begin, end = q.value.begin.iso, q.value.end.iso
    same_half = (q.value.begin.hour < 12) == (q.value.end.hour < 12)  # 22:00-2:00 may run past midnight
    if not (q.value.end < q.value.begin and same_half):
        if context.checks:
            verdict.held(rule, q, f"{begin} → {end}")
    else:
        message = rule_message(rule, context.lang, text_for(context.lang, "time_reversed", begin=begin, end=end),
                               {"time": q.text})
        verdict.findings.append(finding(rule, rule.severity, q, message, None, f"{begin} > {end}"))
