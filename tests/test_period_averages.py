"""Daily averages over a named period (verify/statements/averages.py): the days from the calendar."""

from __future__ import annotations

import pytest

from conftest import bound_pairs, read_statements_of
from verify.statements.averages import days_in
from verify.statements.periods import Period


@pytest.mark.parametrize("text, expected", [
    # the period in a clause of its own, or in the total's words (xwlb_20200606, xwlb_20210120)
    ("5月份，全国铁路发送旅客1.57亿人次，日均发送508万人次。", [("508万人次", "1.57亿人次")]),
    ("全年新设立外商投资企业38570家，平均每天新设立100多家。", [("100多家", "38570家")]),
    # an average that names no measure: the level just before it (xwlb_20170822)
    ("上半年，仅银监会系统就开出罚单超过1300张，平均每天7张，罚款总额超过3.3亿元。", [("7张", "超过1300张")]),
    # the average names a period of its own: June's, not the half year's
    ("上半年，国家铁路累计发送货物16.9亿吨，同比增长3.6%，其中，6月份日均货物发送量突破1000万吨。", []),
    # no period named: no days
    ("今年以来，全国铁路发送旅客1.57亿人次，日均发送508万人次。", []),
    # a span of dates: daily-average's, not this reading's
    ("自7月1日暑运启动至22日，全国铁路累计发送旅客3.07亿人次，日均发送旅客1397.6万人次。", []),
    # a stock has no days
    ("截至5月底，全国铁路发送旅客1.57亿人次，日均发送508万人次。", []),
])
def test_period_daily_averages(text, expected):
    assert bound_pairs(text, "period_daily") == expected


@pytest.mark.parametrize("period, days", [
    (Period(1, 12, None), (365, 366)),      # 全年, the year not stated: a leap year may be meant
    (Period(1, 12, "2021"), (365, 365)),
    (Period(1, 3, "2020"), (91, 91)),       # 一季度 of a leap year
    (Period(1, 6, None), (181, 182)),       # 上半年
    (Period(7, 12, None), (184, 184)),      # 下半年: no February
    (Period(5, 5, None), (31, 31)),
])
def test_days_in(period, days):
    assert days_in(period) == days


def test_the_year_stated_decides_february():
    quantities, reading = read_statements_of("2020年1—2月，全国铁路发送旅客6000万人次，日均发送100万人次。")
    assert [f.constants for f in reading.facts if "period_daily" in f.bound()] == [(("days", (60, 60)),)]
