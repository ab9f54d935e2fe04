"""Periods within periods (verify/statements/periods.py): which levels are paired as a flow for a
part of a period and for the period that holds it, and which are left alone."""

from __future__ import annotations

import pytest

from conftest import read_statements_of


def pairs(text: str) -> list[tuple[str, str]]:
    """(within, level) of every period fact of a text, as figure texts."""
    quantities, reading = read_statements_of(text)
    return [(quantities[f.bound()["within"]].text, quantities[f.level].text)
            for f in reading.facts if "within" in f.bound()]


@pytest.mark.parametrize("text, expected", [
    # xwlb_20200607: a month and the months to date
    ("今年1—5月，我国外贸进出口总值11.54万亿元，同比下降4.9%。5月份当月，我国进出口总值2.47万亿元，增长3.5%。",
     [("2.47万亿元", "11.54万亿元")]),
    # xwlb_20200716: the period opens the sentence (上半年，…), the month the next paragraph
    ("上半年，全国实际使用外资4721.8亿元人民币，同比下降1.3%。\n6月当月，全国实际使用外资1170亿元人民币。",
     [("1170亿元", "4721.8亿元")]),
    # xwlb_20220918: 前8个月 and 8月份
    ("1—8月，全国快递业务量累计完成703.0亿件，同比增长4.4%。其中8月份，全国快递业务量达94.3亿件。",
     [("94.3亿件", "703.0亿件")]),
    # two spans to date, one inside the other
    ("1—10月，全国固定资产投资45万亿元；1—9月，全国固定资产投资40万亿元。", [("40万亿元", "45万亿元")]),
])
def test_a_flow_and_the_period_that_holds_it_are_paired(text, expected):
    assert pairs(text) == expected


@pytest.mark.parametrize("text", [
    # a profit may be a loss in some months: signed_measures
    "1—5月，规模以上工业企业实现利润总额2.3万亿元。5月份，规模以上工业企业实现利润总额2.5万亿元。",
    # a stock at a date has no span
    "截至5月底，全国累计发放贷款11.5万亿元。5月份，全国发放贷款1.4万亿元。",
    # another measure (出口 is no 进出口), another unit
    "1—5月，我国外贸进出口总值11.54万亿元。5月份当月，我国出口总值1.47万亿元。",
    "1—5月，全国快递业务量累计完成703.0亿件。5月份，全国快递业务收入94.3亿元。",
    # two years
    "2019年1—5月，我国外贸进出口总值11.54万亿元。2020年5月，我国外贸进出口总值2.47万亿元。",
    # periods that only overlap
    "1—5月，全国固定资产投资20万亿元；4—6月，全国固定资产投资12万亿元。",
])
def test_other_measures_stocks_signed_flows_and_other_years_are_left_alone(text):
    assert pairs(text) == []
