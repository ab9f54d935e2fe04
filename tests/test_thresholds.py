"""A threshold passed and the level reached right after it (statements/reached_levels.passed_thresholds):
超过40万，达到401763例 is one figure said roughly and then exactly; rules threshold-reached (error: below
the threshold) and threshold-restated (warning: beyond what 超 reaches) judge it."""

import pytest

from conftest import bound_pairs, read_statements_of
from verify.checking.engine import check_document
from verify.loaders import load_rules
from verify.reading.document import Document


@pytest.mark.parametrize("text,pairs", [
    ("死亡病例超过40万，达到401763例。", [("超过40万", "401763例")]),
    ("日本6日新增确诊病例首次超过6000例，达到6001例。", [("超过6000例", "6001例")]),
    ("东京都28日新增确诊病例首次超过3000例，达3177例，连续两天达新高。", [("超过3000例", "3177例")]),
    ("英国29日报告单日新增再超4万例，达到43467例。", [("超4万例", "43467例")]),
    ("二孩及以上占出生人口比重超过45%，达到2000年以来最高水平。", []),       # no level after 达到
    ("地区生产总值突破2万亿元、达到23562亿元。", [("突破2万亿元", "23562亿元")]),   # 突破: more than, as 超过
    ("死亡病例约40万，达到401763例。", []),                                     # 约 is no threshold
    ("参会人数超过4万人，达到43467例。", []),                                   # 人 and 例 count other things
    ("死亡病例超过40万，其中达到重症标准的401763例。", []),                     # not opened by 达到 alone
])
def test_thresholds_and_levels(text, pairs):
    assert bound_pairs(text, "threshold") == pairs


def test_a_threshold_without_unit_takes_the_unit_of_its_level():
    quantities, reading = read_statements_of("死亡病例超过40万，达到401763例。")
    assert [(quantities[i].text, unit) for i, unit in reading.borrowed_units] == [("超过40万", "例")]


@pytest.fixture(scope="module")
def rules():
    return [r for r in load_rules() if r.id.startswith("threshold-")]


@pytest.mark.parametrize("text,found", [
    ("死亡病例超过40万，达到401763例。", []),
    ("死亡病例超过40万，达到391763例。", [("threshold-reached", "error", "391763例")]),
    ("死亡病例超过40万，达到601763例。", [("threshold-restated", "warning", "601763例")]),
    ("死亡病例超过40万，达到501763例。", [("threshold-restated", "warning", "501763例")]),   # 超40万: 40万 to 50万
    ("累计确诊超过12万，达到143000例。", []),        # a fifth of 12万 reaches 14.4万
])
def test_threshold_rules(rules, text, found):
    result = check_document(Document("t.txt", text), rules)
    assert [(f.rule_id, str(getattr(f.severity, "value", f.severity)), f.text) for f in result.findings] == found
    assert len(result.checked) == 2
