"""Sentences of ../shared rewritten so that every statement stays true (增长 as 增加, 25% as 百分之二十五,
small counts as Chinese numerals and back …), which drew a finding the published wording did not.
Each is a misreading the published wording hid; the rewritten sentence must stay silent for its rule.
Rows: source and rewrite, the rewritten text, the rule that must not fire."""

from __future__ import annotations

import json

import pytest

from verify.cli import main

REWRITTEN = [
    # daqing_article_14, 增长 written 增加: 较大 compares nothing, and the bracket's figure is 发酵酒's own growth
    ("纳入统计的82种工业产品中，产量同比增长的有45种，其中增幅较大的有发酵酒（增加87%）、汽车（增加35.8%）、液体乳（增加51.8%）等。",
     "rate-change-in-points"),
    # xwlb_20171118, 1万多亿元 written 1万亿元 (多 taken out) and 2016年/2017年 written 二〇一六年/二〇一七年: a year in Chinese numerals
    # dates a period as 2017年 does, so 二〇一六年5月至二〇一七年9月 is no part of 今年前三季度
    ("翻开我国的减税账本也可以看到，二〇一六年5月至二〇一七年9月，全面推开营改增试点累计减税1万亿元。\n"
     "今年前三季度，支持小微企业发展减税1200亿元，支持科技创新累计减税2200亿元。", "period-within-period"),
    # xwlb_20201011, 57420例 raised to 61420例 (true of some week, within 超50000's reach of a fifth): 接连超 is what
    # each day passed, no total the 9th's figure is a part of
    ("美国过去四天单日新增确诊病例接连超50000例。其中9日单日新增61420例病例，为8月以来最高。", "parts-of-total"),
]


@pytest.mark.parametrize("text, rule", REWRITTEN, ids=[r for _, r in REWRITTEN])
def test_rewritten_sentence_draws_no_finding(tmp_path, capsys, text, rule):
    page = tmp_path / "rewritten.txt"
    page.write_text(text + "\n", encoding="utf-8")
    main(["--format", "json", "--fail-on", "never", str(page)])
    out, _ = capsys.readouterr()
    found = [f for file in json.loads(out)["files"] for f in file["findings"] if f["rule"] == rule]
    assert found == []
