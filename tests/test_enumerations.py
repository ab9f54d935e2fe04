"""Enumerations after a count: one form, across paragraphs, lists inside a paragraph skipped."""

from __future__ import annotations

import pytest

from verify.checking.kinds.count import enumerated_items

LONG = "略" * 2500  # a paragraph longer than the gap allowed between inline items


@pytest.mark.parametrize("text, items", [
    # gwr_2016_national: 三项工作 listed 一是…三是, then the next section's headings (四)(五)
    ("一是加快农业转移人口市民化。二是推进城镇棚户区改造。三是加快推进新型城市建设。\n（四）扩大对外开放。\n（五）加强生态保护。",
     ["一是", "二是", "三是"]),
    # xwlb_20171121: the third item is written 第三就是
    ("一是组成少数派政府。二是同社民党组阁。第三就是重新选举。", ["一是", "二是", "第三就是"]),
    # headings that start paragraphs, sections longer than the inline gap, lists of their own inside
    (f"\n（一）扩大内需。{LONG}一是扩大投资；二是提振消费。\n（二）做强产业。{LONG}\n（三）深化改革。",
     ["（一）", "（二）", "（三）"]),
    # gwr_2026_ningxia: paragraphs that start with 一是…, lists of 一是 inside a paragraph skipped
    (f"\n一是攻坚。{LONG}具体来说：一是稳投资，二是稳消费。\n二是振兴。{LONG}\n三是生态。", ["一是", "二是", "三是"]),
    # an item at a line start, then the rest inline: one list
    ("\n 一是健全法规；二是落实责任；三是创新机制。", ["一是", "二是", "三是"]),
    # xwlb_20250416: 三点意见 as paragraphs 一是…三是; 第四，… of a later item is another list
    (f"\n一是坚持战略自主。\n二是凝聚发展合力。\n三是传承世代友好。\n\n{LONG[:900]}\n第四，加强合作。\n第五，推进交流。",
     ["一是", "二是", "三是"]),
    # a new list that starts a line ends the run
    ("\n一是甲。\n二是乙。\n一是丙。\n二是丁。\n三是戊。", ["一是", "二是"]),
])
def test_enumerated_items(text, items):
    assert enumerated_items(text, 2000) == items


def test_inline_items_too_far_apart_end_the_run():
    assert enumerated_items(f"一是甲。{LONG}二是乙。", 2000) == ["一是"]


@pytest.mark.parametrize("count", ["20多部", "20部"])
def test_a_count_joined_to_another_thing_is_not_the_enumeration_count(tmp_path, count):
    """xwlb_20181229 (items shortened; 20多部 as published, and with 多 left out): 改革事项和20部法律。
    一是…: the items may list either thing, so the count is not checked against them."""
    from verify.cli import main
    page = tmp_path / "page.txt"
    page.write_text(f"本次会议的议程涉及多个领域的改革事项和{count}法律。一是修改农村土地承包法；二是审议通过耕地占用税法；"
                    "三是全面修改公务员法；四是分别通过4个决定。\n", encoding="utf-8")
    assert main([str(page), "--format", "json", "--fail-on", "warning", "-q"]) == 0
