"""The length a sentence states for its span of dates (statements/spans.py), and range ends
compared by range-order."""

from __future__ import annotations

import pytest

from conftest import read_statements_of
from verify.checking.engine import check_document
from verify.loaders import load_rules
from verify.reading.document import Document

SPAN_CASES = [
    ("2月2日（农历除夕）至8日放假调休，共7天。", 7),
    ("4月29日至5月1日放假调休，共3天。", 3),                       # over a month's end
    ("2024年成都世界园艺博览会将于4月26日至10月28日举行，持续186天。", 186),
    ("2024年2月28日至3月1日放假，共3天。", 3),                      # leap year: 29 February counted
    ("2023年2月28日至3月1日放假，共3天。", 2),
    ("2月28日至3月1日放假，共3天。", None),                          # no year: the days are unknown
    ("3月21日8时—24日8时，连续3天。", None),                         # bounded by hours, not dates
    ("3月21日8时至24日8时，共3天。", None),
    ("1月1日至10日，全市共3天出现霾。", None),                        # days within the span, not its length
    ("2月2日至8日放假，2月12日至13日上班，共7天。", None),            # which span: unsure
]


@pytest.mark.parametrize("text,days", SPAN_CASES, ids=[c[0][:14] for c in SPAN_CASES])
def test_a_stated_length_is_bound_with_the_calendar_days(text, days):
    _, reading = read_statements_of(text)
    found = [dict(f.constants)["days"] for f in reading.facts if "length" in dict(f.figures)]
    assert found == ([days] if days is not None else [])

RANGE_RULES = [r for r in load_rules() if r.id == "range-order"]

NEVER_INVERTED = [   # written high to low, or no range of one measure at all
    "2020-2025年，全省新建学校120所。", "1-4月，全市完成投资30亿元。", "中国队以3∶2战胜对手。", "中国队3-0胜越南队。",
    "咨询电话：0532-85912345。", "一架波音757-200型客机备降丹佛。", "包括距今10万至1万年的山东沂水跋山遗址群。",
    "被告人分获8年至1年半不等的有期徒刑，并处8000至2000元不等的罚金。", "从2012年突破50万亿到2020年突破100万亿。",
    "利率从5%到3%。", "增值税税率由原来的17%至13%。", "增值税税率17%至13%不等。", "气温为-5℃—-10℃。", "增长55—7.6%。", "每天20点至6点禁止通行。", "北风5到4级。", "约5000年至3000年前的遗址。", "多云，26℃～18℃。", "在1.3万亿斤至1.29万亿斤之间。",
]


@pytest.mark.parametrize("text", NEVER_INVERTED)
def test_range_order_leaves_alone_what_is_no_inverted_range(text):
    result = check_document(Document("<test>", text), RANGE_RULES)
    assert [f for f in result.findings if f.rule_id == "range-order"] == []


@pytest.mark.parametrize("text", ["增长都在55.0%—7.6%之间。", "日均流量将达到53300万—5430万辆。", "下降40%-35%的目标。",
                                  "下降４０％－３５％。"])
def test_range_order_flags_a_range_written_high_to_low(text):
    result = check_document(Document("<test>", text), RANGE_RULES)
    assert [f.rule_id for f in result.findings] == ["range-order"]
