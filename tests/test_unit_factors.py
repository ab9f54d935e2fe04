"""Durations in two units (verify/statements/unit_factors.py): a start and an end of a change in two
units of one family are paired, and a rule that converts the family compares them in seconds; a
duration written as two figures (1小时30分) is no value of its own and is not paired."""

from __future__ import annotations

import pytest

from conftest import bound_pairs
from verify.reading.interval import Interval
from verify.statements.unit_factors import families


@pytest.mark.parametrize("text, expected", [
    ("国道351线夹金山隧道建成开通试运行，把翻越夹金山的车程从1小时缩短至10分钟。", [("1小时", "10分钟")]),   # xwlb_20251001
    ("海外零部件未到港就可以申报，整个流程从2天缩短到2个小时。", [("2天", "2个小时")]),                       # xwlb_20200424
    ("企业拿到“四证一章”的时间从一周缩短为2天，是国内最快的。", [("一周", "2天")]),                           # xwlb_20140417
    ("时间由原来的１个月减少到４天，也不需要走后门了。", [("１个月", "４天")]),                               # rmrb_19980123
])
def test_a_fall_in_two_units_of_a_duration(text, expected):
    assert bound_pairs(text, "fall_from") == expected


@pytest.mark.parametrize("text", [
    "建成后，萍乡市至莲花县的通行时间由1小时30分缩短至40分钟。",           # xwlb_20210925: 1小时 is not the start
    "通车后，运行时间将由2小时40分钟压缩至2小时左右。",                     # xwlb_20210824, changed: 40分钟 is not the start
    "办事环节由９个减少到２天。",                                           # a count and a duration: no family
])
def test_no_pair_of_two_units(text):
    assert bound_pairs(text, "fall_from") == []


def test_the_sizes_of_durations():
    sizes = families()["durations"]
    assert sizes["小时"] == sizes["个小时"] == Interval.point(3600)
    assert sizes["个月"] == Interval(28 * 86400, 31 * 86400)
    assert "个工作日" not in sizes   # no fixed number of days
