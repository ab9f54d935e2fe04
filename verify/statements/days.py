"""The days a span of dates lasts on the calendar (7月1日…至22日: 22; 21日8时—24日8时: 3), for the
daily averages (facts.py) and the stated lengths of spans (spans.py): month ends, leap years, and
hours at either end, which must make whole days.
"""

from __future__ import annotations

import datetime

from verify import regexes
from verify.reading.quantity import Clock
from verify.statements.clauses import Layout
from verify.statements.records import Statement

_SPAN_JOIN = regexes.lazy(r"^[^，,。；;]{0,12}?(?:至|到|—|–|-|~)[^，,。；;\d]{0,2}$")


def days_spanned(index: int, quantities, st: Statement, layout: Layout) -> int | None:
    """The days from the first to the last date of a span in the sentence (7月1日…至22日: 22)."""
    dates = [i for i in range(max(0, index - 10), index)
             if quantities[i].kind == "date" and quantities[i].start >= st.sentence[0]]
    for a, b in zip(dates, dates[1:]):
        first, last = quantities[a].value, quantities[b].value
        if not _SPAN_JOIN.match(layout.text[quantities[a].end:quantities[b].start]):
            continue
        if first is None or last is None or first.month is None or first.day is None or last.day is None:
            continue
        year = first.year or last.year
        month_last = last.month or first.month
        try:
            start = datetime.date(year or 2001, first.month, first.day)   # 2001: no 29 February
            end = datetime.date(year or 2001, month_last, last.day)
        except ValueError:
            return None
        if year is None and (first.month <= 2 < month_last or (first.month == 2 and month_last == 2 and last.day == 29)):
            return None   # over 29 February with no year: the days are not known
        if end >= start:   # from the first hour of the first day (or the hour stated) to the last
            minutes = (end - start).days * _DAY + _clock_after(b, quantities, _DAY) - _clock_after(a, quantities, 0)
            return minutes // _DAY if minutes > 0 and minutes % _DAY == 0 else None   # 21日8时—24日8时: 3 days
    return None


_DAY = 24 * 60  # minutes


def _clock_after(i: int, quantities, default: int) -> int:
    """The minute of the day of a time written right after a date (24日8时: 480), else the default
    (a date alone runs from the day's first minute to its last)."""
    following = quantities[i + 1] if i + 1 < len(quantities) else None
    if following is not None and following.kind == "time" and following.start - quantities[i].end <= 1 \
            and isinstance(following.value, Clock):
        return following.value.hour * 60 + following.value.minute
    return default
