"""One member and all the others (verify/statements/complements.py): 湖北…；除湖北以外，其他省份… with the
whole of that name before them in the paragraph, read as a complete breakdown at warning."""

from __future__ import annotations

import pytest

from conftest import read_statements_of

_DAY = ("截至3月5日24时，累计报告确诊病例80552例（其中境外输入确诊病例36例），当日新增143例；累计死亡病例3042例，"
        "当日新增30例；现有疑似病例482例，当日新增102例。")


def breakdowns(text: str) -> list[tuple[str, tuple[str, ...], str, bool]]:
    """(total, parts, completeness, probable) of every breakdown of a text, as figure texts."""
    quantities, reading = read_statements_of(text)
    return [(quantities[pl.total].text, tuple(quantities[i].text for i in pl.parts), pl.complete, pl.probable)
            for pl in reading.parts_lists]


@pytest.mark.parametrize("text, expected", [
    # xwlb_20200306: the whole is the day's new ones after the running total of 确诊病例, two sentences before
    (_DAY + "3月5日0一24时，湖北新增确诊病例126例（全部为武汉病例）；除湖北以外，其他省份新增确诊病例17例，新增疑似病例59例。",
     ("143例", ("126例", "17例"), "complete", True)),
    # the whole named as the parts are
    ("全国新增确诊病例143例。湖北新增确诊病例126例；除湖北之外，其他省份新增确诊病例17例。",
     ("143例", ("126例", "17例"), "complete", True)),
])
def test_a_member_and_the_others_make_up_the_whole_before_them(text, expected):
    assert expected in breakdowns(text)


@pytest.mark.parametrize("text", [
    # xwlb_20200228: the member's own figure is not stated
    "累计报告确诊病例78824例，当日新增327例；现有疑似病例2308例，当日新增452例。除湖北外，其他省份新增确诊病例9例，新增疑似病例120例。",
    # the others of another measure than the member's
    "全国新增确诊病例143例。湖北新增确诊病例126例；除湖北以外，其他省份新增疑似病例17例。",
    # no whole of that name in the paragraph (疑似 is another running total's)
    "现有疑似病例482例，当日新增102例。\n湖北新增确诊病例126例；除湖北以外，其他省份新增确诊病例17例。",
])
def test_no_breakdown_without_the_member_the_same_name_or_the_whole(text):
    assert not any(len(parts) == 2 and parts[1] in ("9例", "17例") for _, parts, _, _ in breakdowns(text))


def test_the_whole_is_no_other_place_named_alike():
    text = "全国新增确诊病例143例，武汉新增确诊病例100例。湖北新增确诊病例126例；除湖北以外，其他省份新增确诊病例17例。"
    assert ("143例", ("126例", "17例"), "complete", True) in breakdowns(text)
    assert not any(total == "100例" for total, *_ in breakdowns(text))
