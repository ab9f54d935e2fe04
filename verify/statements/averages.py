"""Averages over time stated with their total: a daily average over a span of dates the sentence
opens with (自7月1日…至22日，累计发送旅客3.07亿人次，日均发送旅客1397.6万人次), bound as `daily` with the
`days` of the span; and a yearly average increase of a level reached from a stated start (N年来…从A增加
到B，年均增加C), bound as `yearly` with the `years` of its span. (A daily average over a named period,
全年 or 5月份, is period_averages.py's.)
"""

from __future__ import annotations

from fractions import Fraction

from verify.statements.clauses import Layout
from verify.statements.days import days_spanned
from verify.statements.facts import Fact, level_before, started_from
from verify.statements.records import Role, with_role
from verify.statements.vocabulary import Vocabulary


def daily_averages(quantities, statements, layout: Layout, vocab) -> list[Fact]:
    """自7月1日暑运启动至22日，累计发送旅客3.07亿人次，日均发送旅客1397.6万人次: a daily average,
    the total of its unit and measure before it in the sentence, and the days of the span of dates
    the sentence opens with (both ends counted; a span over 29 February needs its year)."""
    found = []
    for index, st in with_role(statements, Role.AVERAGE):
        if vocab is None or not vocab.daily.search(st.measure):
            continue
        days = days_spanned(index, quantities, st, layout)
        if days is None:
            continue
        total = level_before(index - 1, 7, st.sentence, quantities[index].unit, vocab.daily.sub("", st.measure),
                              quantities, statements)
        if total is not None:
            found.append(Fact(total, (("daily", index),), (("days", days),)))
    return found


def yearly_averages(quantities, statements, layout: Layout, vocab: Vocabulary | None) -> list[Fact]:
    """改革开放的35年来，就业人员从40152万人增加到76704万人，年均增加1075万人: a yearly average
    increase of a level reached from a stated start, over the years the sentence opens with (N年来,
    N年间); N years may count N−1 steps between the first and the last (1978 to 2012 are 35 years),
    so `years` is the interval [N−1, N]."""
    found = []
    for index, st in with_role(statements, Role.CHANGE):
        if st.sign <= 0 or not st.compare or "年均" not in st.compare \
                or st.of is None or statements.get(st.of) is None or statements[st.of].role is not Role.LEVEL:
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
