"""The whole of a 分别 list: which level before its values they are parts of, and whether they are all of it
(statements/respectively_wholes.py; table-driven)."""

from __future__ import annotations

import pytest

from conftest import read_statements_of


def wholes(text: str) -> list[tuple[str, tuple[str, ...], str]]:
    """(whole, parts, complete) of every breakdown of a text whose parts a 分别 reads."""
    quantities, reading = read_statements_of(text)
    respectively = {t.figures for t in reading.tallies if t.family == "respectively"}
    return [(quantities[p.total].text, tuple(quantities[i].text for i in p.parts), p.complete)
            for p in reading.parts_lists if p.parts in respectively]


CASES = [
    # the measure after 分别 is the level's (出口), in the sentence before
    ("出口3.5万亿元，同比增长0.9%。出口方面，我国对东盟、日本和韩国分别出口5700亿元、1835.6亿元和1652.2亿元。",
     [("3.5万亿元", ("5700亿元", "1835.6亿元", "1652.2亿元"), "open")]),
    # 外贸进出口总值 is 进出口 (indicator_synonyms; 总值 left out); 一般贸易进出口 is another measure
    ("今年一季度，我国外贸进出口总值9.42万亿元，同比增长10.7%。\n据海关统计，一季度我国一般贸易进出口5.95万亿元。"
     "我国对东盟、欧盟、美国分别进出口1.35万亿元、1.31万亿元、1.18万亿元。",
     [("9.42万亿元", ("1.35万亿元", "1.31万亿元", "1.18万亿元"), "open")]),
    ("据海关统计，一季度我国一般贸易进出口5.95万亿元。我国对东盟、欧盟、美国分别进出口1.35万亿元、1.31万亿元、1.18万亿元。", []),
    # the head the names end in names the level's measure (教育经费总投入)
    ("2023年全国教育经费总投入为64595亿元。2023年全国学前教育、义务教育、高等教育经费总投入分别为5382亿元、28427亿元、17640亿元。",
     [("64595亿元", ("5382亿元", "28427亿元", "17640亿元"), "open")]),
    # all members of a partition, no measure: the only level of their unit ending the clause before
    ("全国人口3.46亿人，北方和南方分别为1.86亿人和1.61亿人。", [("3.46亿人", ("1.86亿人", "1.61亿人"), "complete")]),
    # a 其中 list whose parts a 分别 names as all of a partition is complete
    ("10月份，我国外贸进出口3.7万亿元，其中出口、进口分别为2.17万亿元、1.53万亿元。",
     [("3.7万亿元", ("2.17万亿元", "1.53万亿元"), "complete")]),
    # no whole: changes, averages, a level of another measure, a level itself read through 分别
    ("最低工资标准每月提高183元，城乡居民基础养老金、低保标准每月分别提高25元、50元。", []),
    ("全省居民收入3万元，城镇和农村居民人均可支配收入分别为4万元和2万元。", []),
    ("预计跨区域人员流动量将达到90亿人次左右。铁路、民航客运量有望分别突破5.1亿人次和9000万人次。", []),
    # a level itself read through 分别 is no whole of this reading (the 其中 list is scopes.py's, each part at most the total)
    ("今年一季度，我国汽车产销分别完成756.1万辆和747万辆。其中，新能源汽车产销分别完成318.2万辆和307.5万辆。",
     [("756.1万辆", ("318.2万辆", "307.5万辆"), "open")]),
    ("今年一季度，我国汽车产销分别完成756.1万辆和747万辆。新能源汽车产销分别完成318.2万辆和307.5万辆。", []),
]


@pytest.mark.parametrize("text,expected", CASES, ids=[c[0][:12] for c in CASES])
def test_wholes_of_respectively_values(text, expected):
    assert wholes(text) == expected
