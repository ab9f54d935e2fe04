"""Daily averages over a named period: 全年新设立外商投资企业38570家，平均每天新设立100多家; 5月份，全国
铁路发送旅客1.57亿人次，日均发送508万人次. The days come from the calendar, over the months the total's
period covers (全年, 上半年, 一季度, 5月份, 1—8月, as periods.py reads them), February taken as 28 or
29 days unless the sentence names the year. An average that names a period of its own other than the
total's is no average of it (上半年，…发送货物16.9亿吨，…其中，6月份日均货物发送量突破1000万吨: June's).
A sentence with a span of dates (自7月1日…至22日) is daily-average's, read in facts.py, not here.
"""

from __future__ import annotations

import calendar
import re

from verify.reading.quantity import Quantity
from verify.statements.clauses import Layout
from verify.statements.days import days_spanned
from verify.statements.facts import Fact, level_before
from verify.statements.periods import Period, month_spans, period_in, period_of
from verify.statements.records import Role, Statement, with_role
from verify.statements.vocabulary import Vocabulary


def period_daily_averages(quantities: list[Quantity], statements: dict[int, Statement], layout: Layout,
                          vocab: Vocabulary) -> list[Fact]:
    """A fact of each total with its daily average (`period_daily`) and the days of its period
    (`days`, an interval when February's length is not known)."""
    found, spans = [], None
    for index, st in with_role(statements, Role.AVERAGE):
        if not vocab.daily.search(st.measure) or days_spanned(index, quantities, st, layout) is not None:
            continue
        words = vocab.daily.sub("", st.measure)
        total = level_before(index - 1, 7, st.sentence, quantities[index].unit, words, quantities, statements) \
            if words else _level_just_before(index, quantities, statements)
        if total is None:
            continue
        spans = spans if spans is not None else month_spans(vocab)
        of_total = statements[total]
        period = period_of(of_total, layout, spans) \
            or period_in(layout.text[of_total.clause[0]:quantities[total].start], spans)   # 全年新设立…38570家
        own = period_of(st, layout, spans) if period is not None else None
        if period is None or own is not None and (own.first, own.last) != (period.first, period.last):
            continue
        found.append(Fact(total, (("period_daily", index),), (("days", days_in(period)),)))
    return found


def _level_just_before(index: int, quantities: list[Quantity], statements: dict[int, Statement]) -> int | None:
    """An average that names no measure (平均每天7张) averages the level just before it, of its unit
    and sentence (开出罚单超过1300张)."""
    other = statements.get(index - 1)
    if other is not None and other.role is Role.LEVEL and other.sentence == statements[index].sentence \
            and quantities[index - 1].unit == quantities[index].unit:
        return index - 1
    return None


def days_in(period: Period) -> tuple[int, int]:
    """The fewest and the most days the months can have: one more when they hold a February of an
    unknown year."""
    year = re.search(r"\d{4}", period.year or "")
    days = sum(calendar.monthrange(int(year.group()) if year else 2001, month)[1]
               for month in range(period.first, period.last + 1))
    return (days, days + 1) if year is None and period.first <= 2 <= period.last else (days, days)
