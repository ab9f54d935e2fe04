"""The completion-rate warning names the rate that would give a round plan (issue 12)."""

from __future__ import annotations

from fractions import Fraction

import pytest

from conftest import SAMPLE
from verify.rules.formula.printing import format_round, round_targets
from verify.reading.document import Document
from verify.checking.engine import check_document
from verify.reading.interval import Interval
from verify.reading.reader import read_quantities
from verify.loaders import load_rules


@pytest.fixture(autouse=True)
def private_cache(tmp_path_factory, monkeypatch):
    monkeypatch.setenv("VERIFY_CACHE_DIR", str(tmp_path_factory.getbasetemp() / "verify-cache"))


@pytest.mark.parametrize("low, high, targets", [
    (361300, 361800, [360000, 350000]),      # 36.16万: 36万 nearest, 35万 the nearest half-step
    (10220000, 10225000, [10000000]),        # 1022万: 1000万 on both grids
    (1234, 1240, [1200]),                    # 1000 is more than 10% away
    (96, 99, [97, 100]),
    (None, 99, []),                          # no judgement on open intervals
])
def test_round_targets(low, high, targets):
    iv = Interval(None if low is None else Fraction(low), Fraction(high))
    assert round_targets(iv) == [Fraction(t) for t in targets]


def test_format_round_keeps_scale_and_unit():
    (done,) = read_quantities(Document("<t>", "33.88万人"))
    assert format_round(Fraction(350000), done) == "35万人"
    assert format_round(Fraction(365000), done) == "36.5万人"


@pytest.mark.parametrize("lang, text, expected", [
    ("zh", "截至10月底，全市城镇新增就业33.88万人，完成全年计划的93.7%，总量为全省第一。",
     "；若全年计划为36万人，完成率应为94.1%；若为35万人，应为96.8%"),
    ("en", "截至10月底，全市城镇新增就业33.88万人，完成全年计划的93.7%，总量为全省第一。",
     "; if the annual plan were 36万人, the completion rate would be 94.1%; if 35万人, 96.8%"),
    ("zh", "全国城镇新增就业695万人，完成全年目标任务的68%。", "；若全年计划为1000万人，完成率应为69.5%"),
])
def test_completion_rate_warning_names_the_rate_of_a_round_plan(lang, text, expected):
    rules = [r for r in load_rules() if r.id == "completion-rate"]
    (found,) = check_document(Document("<t>", text), rules, lang=lang).findings
    assert found.severity == "warning"
    assert found.message.endswith(expected), found.message


def test_a_round_plan_gets_no_suggestion():
    rules = [r for r in load_rules() if r.id == "completion-rate"]
    result = check_document(Document(str(SAMPLE), SAMPLE.read_text(encoding="utf-8")), rules)
    assert [f.severity for f in result.findings] == ["info", "info"]
    assert not any("若" in f.message for f in result.findings)


def test_an_implied_range_wider_than_twofold_prints_without_a_middle():
    """超过3000万吨 ÷ 60%以上 (xwlb_20170720): 0 to 6667万吨, whose middle (3333万吨) no figure says."""
    from conftest import only
    from verify.rules.formula.printing import format_interval
    like = only("3000万吨")
    assert format_interval(Interval(Fraction(0), Fraction(200000000, 3)), like, extra=0) == "≤6667万吨"
    assert format_interval(Interval(Fraction(10000000), Fraction(30000000)), like, extra=0) == "1000万吨～3000万吨"
    assert format_interval(Interval(Fraction(34990000), Fraction(35010000)), like, extra=0) == "3500万吨（3499万吨～3501万吨）"
