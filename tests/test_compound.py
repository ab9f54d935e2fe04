"""A yearly average rate over the years between two levels (kind compound, rule yearly-rate-over-years):
which rises are read with their years, and what the arithmetic allows."""

from __future__ import annotations

import pytest

from conftest import read_statements_of
from verify.checking.engine import check_document
from verify.loaders import load_rules
from verify.reading.document import Document


def years_bound(text: str) -> list[tuple[str, str, str, str, str]]:
    quantities, reading = read_statements_of(text)
    names = ("rise_from", "level", "yearly_rate", "first_year", "last_year")
    return [tuple(quantities[f.bound()[n]].text for n in names) for f in reading.facts
            if set(names) <= set(f.bound())]


def test_a_rise_between_two_years_is_read_with_them():
    # xwlb_20130819
    assert years_bound("双边贸易额从2002年的547.67亿美元增长到2012年的4001亿美元，年均增长22%。") == [
        ("547.67亿美元", "4001亿美元", "22%", "2002年", "2012年")]


@pytest.mark.parametrize("text", [
    # a year only at the end: the start's year is not stated
    "全体居民人均可支配收入由2.57万元增加到2025年的3.52万元、年均增长6.5%。",
    # value added and GDP grow at constant prices while their levels are current
    "地区生产总值从2012年的12.7万亿元增加到2017年的17.1万亿元，年均增长7.8%。",
    "居民人均可支配收入从2015年的2.2万元增加到2020年的3.2万元，年均实际增长6%。",
    # a rate of something else after the end (xwlb_20251009)
    "高新技术企业数量从2020年时的27万家增长至50多万家；“三新”经济增加值年均增速超过8.5%。",
])
def test_no_years_read(text):
    assert years_bound(text) == []


@pytest.fixture(scope="module")
def rule():
    return [r for r in load_rules() if r.id == "yearly-rate-over-years"]


@pytest.mark.parametrize("text, found", [
    ("双边贸易额从2002年的547.67亿美元增长到2012年的4001亿美元，年均增长22%。", []),
    ("双边贸易额从2002年的547.67亿美元增长到2012年的4001亿美元，年均增长23%。", ["23%"]),   # 1.23^10 is 7.9, not 7.3
    # 21% may be 21.9% cut (as a relation's figures may): 1.22^10 is 7.3
    ("双边贸易额从2002年的547.67亿美元增长到2012年的4001亿美元，年均增长21%。", []),
    ("双边贸易额从2002年的547.67亿美元增长到2012年的4001亿美元，年均增长20%。", ["20%"]),
    ("双边贸易额从2002年的547.67亿美元增长到2012年的40010亿美元，年均增长22%。", ["22%"]),
    # five years of growth counted from 2006 to 2012 (xwlb_20130915): one year fewer is allowed
    ("宁夏招商引资从2006年的220.18亿元增加到2012年的1280.23亿元，年均增速40%以上。", []),
    ("宁夏招商引资从2006年的220.18亿元增加到2012年的1280.23亿元，年均增速50%以上。", ["50%以上"]),
    # a rounded end: 1.3万亿元 is 1.25 to 1.35万亿元 (xwlb_20210926)
    ("中国非洲双边贸易额从2000年的873.7亿元增长至2020年的1.3万亿元，年均增长14.5%。", []),
])
def test_the_rate_against_the_years(rule, text, found):
    result = check_document(Document("t.txt", text), rule)
    assert [f.text for f in result.findings] == found


def test_a_finding_shows_the_rate_the_levels_imply(rule):
    result = check_document(Document("t.txt", "双边贸易额从2002年的547.67亿美元增长到2012年的4001亿美元，年均增长2.2%。"), rule)
    [finding] = result.findings
    assert finding.expected == "22.0%"
    assert "547.67亿美元 × (1 + 2.2%)^10 ≈ 681亿美元 ≠ 4001亿美元" in finding.calculation
