"""Each statement's subject — who or where a figure is about (全国, 青岛, 东盟): the nearest subject
named before it in its paragraph, passing over comparisons (总量为全省第一); a change or rate takes
the subject of the level it speaks of."""

from __future__ import annotations

import pytest

from conftest import read_statements_of


def subjects(text: str) -> dict[str, str | None]:
    quantities, reading = read_statements_of(text)
    return {quantities[i].text: st.subject for i, st in reading.statements.items()}


def test_the_nearest_subject_before_a_figure_in_its_paragraph():
    found = subjects("美国GDP增长2%，日本增长1%。\n全国新增就业1200万人。\n新增岗位20万个。\n")
    assert found == {"2%": "美国", "1%": "日本", "1200万人": "全国", "20万个": None}


def test_a_comparison_is_no_subject():
    found = subjects("全市城镇新增就业33.88万人，总量为全省第一；政策性扶持创业2.64万人。\n")
    assert found["2.64万人"] == "全市"


def test_a_rate_takes_the_subject_of_its_level():
    found = subjects("青岛实现生产总值1000亿元，高于全国平均水平，同比增长5%。\n")
    assert found["1000亿元"] == "青岛" and found["5%"] == "青岛"


@pytest.mark.parametrize("text, subject", [("东盟与中国贸易额增长10%。", "东盟"),
                                           ("内蒙古自治区粮食产量800亿斤。", "内蒙古自治区"),
                                           ("中央财政安排资金500亿元。", "中央")])
def test_scopes_places_and_groups(text, subject):
    assert set(subjects(text).values()) == {subject}
