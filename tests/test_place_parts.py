"""A place's count within the world's stated just before it (verify/statements/place_parts.py)."""

from __future__ import annotations

import pytest

from conftest import bound_pairs

WORLD = "根据世卫组织的统计数据，全球累计新冠肺炎确诊病例为93194922例，死亡病例为2014729例。\n"


@pytest.mark.parametrize("text, expected", [
    # cases with cases, deaths with deaths, across a title line (xwlb_20210118)
    (WORLD + "美国累计病例超2393万 死亡人数近40万\n截至北京时间今天（1月18日）16时，美国累计确诊病例达到23936775例，死亡病例达到397600例。",
     [("23936775例", "93194922例"), ("397600例", "2014729例")]),
    # a count of one day is no part of a running total
    (WORLD + "17日美国单日新增确诊病例超过20万例。", []),
    # the world's figure named without 全球 in its sentence: no whole
    ("世卫组织称，累计确诊病例为93194922例。\n美国累计确诊病例达到23936775例。", []),
    # two days named: not compared
    ("截至1月17日，全球累计确诊病例为93194922例。截至1月18日，美国累计确诊病例达到23936775例。", []),
    # rates are no counts (病死率 of the world and of a country)
    ("截至目前，全球确诊病例病死率为2.1%，美国确诊病例病死率为3.1%。", []),
    # too far: three paragraphs on
    (WORLD + "甲\n乙\n美国累计确诊病例达到23936775例。", []),
])
def test_place_parts(text, expected):
    assert bound_pairs(text, "place_part") == expected
