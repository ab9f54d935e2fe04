"""Averages over time stated with their total. A daily average: over a span of dates the sentence
opens with (自7月1日…至22日，累计发送旅客3.07亿人次，日均发送旅客1397.6万人次), bound as `daily` with the
`days` of the span; else over the period its total names (全年新设立外商投资企业38570家，平均每天新设立
100多家; 5月份，全国铁路发送旅客1.57亿人次，日均发送508万人次), bound as `period_daily` with the days of
that period's months on the calendar (periods.py reads them: 全年, 上半年, 一季度, 5月份, 1—8月), February
taken as 28 or 29 days unless the sentence names the year; an average that names another period of its
own is not the total's (上半年…16.9亿吨…其中，6月份日均…: June's). A yearly average increase of a level
reached from a stated start (N年来…从A增加到B，年均增加C), bound as `yearly` with the `years` of its span.
"""

from __future__ import annotations

import calendar
import re
from fractions import Fraction

from verify.reading.quantity import Quantity
from verify.statements.clauses import Layout
from verify.statements.days import days_spanned
from verify.statements.facts import Fact, level_before, started_from
from verify.statements.periods import Period, month_spans, period_in, period_of
from verify.statements.records import AVERAGE, CHANGE, LEVEL, Statement, with_role
from verify.statements.vocabulary import Vocabulary


def daily_averages(quantities: list[Quantity], statements: dict[int, Statement], layout: Layout,
                   vocab: Vocabulary | None) -> list[Fact]:
    """Each daily average with its total and days: of a span of dates (`daily`, the days an int;
    both ends counted, a span over 29 February needs its year), else of its total's named period
    (`period_daily`, the days an interval when February's length is not known)."""
    found, spans = [], None
    for index, st in with_role(statements, AVERAGE):
        if vocab is None or not vocab.daily.search(st.measure):
            continue
        words = vocab.daily.sub("", st.measure)
        days = days_spanned(index, quantities, st, layout)
        if days is not None:
            total = level_before(index - 1, 7, st.sentence, quantities[index].unit, words, quantities, statements)
            if total is not None:
                found.append(Fact(total, (("daily", index),), (("days", days),)))
            continue
        total = level_before(index - 1, 7, st.sentence, quantities[index].unit, words, quantities, statements) \
            if words else _level_just_before(index, quantities, statements)
        if total is None:
            continue
        spans = spans if spans is not None else month_spans(vocab)
        period = _period_of_total(total, quantities, statements, layout, spans)
        own = period_of(st, layout, spans) if period is not None else None
        if period is None or own is not None and (own.first, own.last) != (period.first, period.last):
            continue
        found.append(Fact(total, (("period_daily", index),), (("days", days_in(period)),)))
    return found


def _period_of_total(total: int, quantities: list[Quantity], statements: dict[int, Statement], layout: Layout,
                     spans: dict[str, tuple[int, int]]) -> Period | None:
    """The period a total is stated for: its clause's or its sentence's (periods.period_of), or the one
    its own words name (全年新设立外商投资企业38570家)."""
    st = statements[total]
    return period_of(st, layout, spans) or period_in(layout.text[st.clause[0]:quantities[total].start], spans)


def _level_just_before(index: int, quantities: list[Quantity], statements: dict[int, Statement]) -> int | None:
    """An average that names no measure (平均每天7张) averages the level just before it, of its unit
    and sentence (开出罚单超过1300张)."""
    other = statements.get(index - 1)
    if other is not None and other.role is LEVEL and other.sentence == statements[index].sentence \
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


def yearly_averages(quantities, statements, layout: Layout, vocab: Vocabulary | None) -> list[Fact]:
    """改革开放的35年来，就业人员从40152万人增加到76704万人，年均增加1075万人: a yearly average
    increase of a level reached from a stated start, over the years the sentence opens with (N年来,
    N年间); N years may count N−1 steps between the first and the last (1978 to 2012 are 35 years),
    so `years` is the interval [N−1, N]."""
    found = []
    for index, st in with_role(statements, CHANGE):
        if st.sign <= 0 or not st.compare or "年均" not in st.compare \
                or st.of is None or statements.get(st.of) is None or statements[st.of].role is not LEVEL:
            continue
        before = started_from(st.of, quantities, statements, layout, vocab)
        if before is None or quantities[before].unit != quantities[index].unit:
            continue
        for i in range(before - 1, max(-1, before - 4), -1):
            q, other = quantities[i], statements.get(i)
            if other is None or other.sentence != st.sentence:
                break
            if q.unit == "年" and q.kind == "amount" and q.qualifier is None and isinstance(q.value, Fraction) \
                    and q.value.denominator == 1 and q.value >= 2 and layout.text.startswith(_SPAN_OF_YEARS, q.end):
                found.append(Fact(st.of, (("before", before), ("yearly", index)), (("years", (int(q.value) - 1, int(q.value))),)))
                break
    return found


_SPAN_OF_YEARS = ("来", "间", "中", "里")
