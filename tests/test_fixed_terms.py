"""Fixed terms (rules/lists/fixed-term-numerals.yaml): a quoted label read against the numerals of
the term it spells with its numerals set aside; every form in use holds, any other numeral draws a
warning, and labels of no listed term are left alone (neither checked nor found)."""

import pytest

from verify.checking.engine import check_document
from verify.loaders import load_rules
from verify.reading.document import Document

RULE = "fixed-term-numerals"


@pytest.fixture(scope="module")
def rules():
    return [r for r in load_rules() if r.id == RULE]


def _check(rules, text):
    result = check_document(Document("t.txt", text), rules)
    checked = sorted(result.quantities[i].text for i in result.checked)
    return checked, [(f.text, f.expected, f.severity) for f in result.findings]


@pytest.mark.parametrize("text,found,expected", [
    ("共建“一带两路”。", "一带两路", "一带一路"),
    ("增强“三个意识”。", "三个意识", "四个意识"),
    ("巩固“两不愁四保障”成果。", "两不愁四保障", "两不愁三保障"),
    ("做到“二个维护”。", "二个维护", "两个维护"),                 # 二 is not the term's 两
    ("坚定“五个自信”。", "五个自信", "四个自信"),                 # neither of the term's two forms
])
def test_a_term_with_other_numerals_is_a_warning(rules, text, found, expected):
    checked, findings = _check(rules, text)
    assert checked == [found]
    assert [(t, e, str(getattr(s, "value", s))) for t, e, s in findings] == [(found, expected, "warning")]


@pytest.mark.parametrize("text,label", [
    ("增强“三个自信”。", "三个自信"),          # the form in use until 2016
    ("自觉坚定“三个维护”。", "三个维护"),      # the army's form (xwlb_20180202)
    ("坚持“一国两制”方针。", "一国两制"),
])
def test_every_form_in_use_holds(rules, text, label):
    assert _check(rules, text) == ([label], [])


@pytest.mark.parametrize("text", [
    "兜牢“三保”底线，落实“六保”任务。",          # one character besides the numerals: not listed
    "建设“五个中心”。",                          # a term of one city, not listed
    "紧扣“一轴、一带、两湾”布局。",              # another skeleton than 一带一路's
    "一带一路倡议提出十周年。",                   # not quoted: not read as a label
])
def test_labels_of_no_listed_term_are_left_alone(rules, text):
    assert _check(rules, text) == ([], [])
