"""Mutations of real pages: one figure changed so that a relation no longer holds is caught (an
error or warning from the rule that owns the relation, on or about the changed figure); figures
changed together so that everything still holds draw no error or warning."""

from __future__ import annotations

import pytest

from conftest import corpus_file
from oddities import KNOWN_ODDITIES
from verify.reading.document import Document
from verify.checking.engine import check_document
from verify.loaders import load_rules

RULES = load_rules()
QINGDAO = "qingdao-daily-2022-11-04.txt"

# (corpus file, text as printed, text as mutated, rule that must catch it)
BROKEN = [
    (QINGDAO, "完成全年计划的96.8%", "完成全年计划的93.7%", "completion-rate"),
    (QINGDAO, "高层次人才1.28万人", "高层次人才23.28万人", "parts-of-total"),
    (QINGDAO, "提高0.6、0.5、0.5个百分点", "提高0.6、0.5个百分点", "respectively-values"),
    (QINGDAO, "“一匠五创”", "“一匠四创”", "counted-label-items"),
    (QINGDAO, "前10月青岛城镇新增就业33.88万人", "前10月青岛城镇新增就业33.58万人", "headline-restated"),
    (QINGDAO, "11月4日(周五)", "11月4日(周六)", "weekday-of-date"),
    (QINGDAO, "“三水统筹”", "“四水统筹”", "counted-label-quoted-list"),
    (QINGDAO, "按期结案率100%", "按期结案率110%", "share-above-100"),
    (QINGDAO, "长期离职率同比降低26%", "长期离职率同比降低126%", "decrease-100"),
    (QINGDAO, "下午2:30-4:00", "下午4:30-4:00", "time-range-order"),
    ("xwlb_20200228.txt", "第三产业增加值比重为53.9%", "第三产业增加值比重为59.3%", "shares-of-one-whole"),
    ("xwlb_20200228.txt", "第一产业增加值占国内生产总值比重为7.1%", "第一产业增加值占国内生产总值比重为7.8%", "share-of-whole"),
    ("xwlb_20201028.txt", "境外输入病例20例，本土病例22例", "境外输入病例20例，本土病例25例", "parts-of-total"),
    ("xwlb_20201028.txt", "一二三产就业人员占比分别为25.1%、27.5%", "一二三产就业人员占比分别为25.1%、37.5%", "shares-of-one-whole"),
    ("xwlb_20200716.txt", "比上年增加19.9亿元，增长11.8%", "比上年增加19.9亿元，增长18.8%", "growth-change-rate"),
    ("xwlb_20190630.txt", "比上年增加3.9万个，增幅为0.8%", "比上年增加3.9万个，增幅为8.0%", "growth-change-rate"),
    ("xwlb_20220713.txt", "2.71万亿元、2.47万亿元", "2.71万亿元、2.47万亿元、1.2万亿元", "respectively-values"),
    ("xwlb_20210118.txt", "完成全年目标的131.8%", "完成全年目标的113.8%", "completion-rate"),
    ("xwlb_20210630.txt", "党员总数为9514.8万名", "党员总数为9541.8万名", "headline-restated"),
    ("holiday_notices_2007-2025_clauses.txt", "将2006年12月30日（星期六)", "将2006年12月30日（星期日)", "weekday-of-date"),
    ("daqing_article_15.txt", "“八增长两收窄”", "“四增长两收窄”", "counted-label-items"),
    ("daqing_article_14.txt", "“一减四增”", "“三减四增”", "counted-label-colon-list"),
    ("daqing_article_14.txt", "二产实现增加值375.6亿元", "二产实现增加值395.6亿元", "parts-of-total"),
    ("xwlb_20201028.txt", "提出四点建议", "提出五点建议", "counted-enumeration"),
    ("xwlb_20190630.txt", "四个坚持：", "五个坚持：", "counted-enumeration"),
]

# (corpus file, [(text as printed, rewritten)]): figures changed together, all relations still hold.
CONSISTENT = [
    (QINGDAO, [("33.88万人", "34.85万人"), ("完成全年计划的96.8%", "完成全年计划的99.6%")]),
    (QINGDAO, [("引进集聚人才22.78万人", "引进集聚人才23.78万人")]),
    (QINGDAO, [("“一匠五创”(新区工匠,创新能手、班组、企业、工作室、成果)", "“一匠四创”(新区工匠,创新能手、班组、企业、工作室)")]),
    (QINGDAO, [("11月4日(周五)", "11月5日(周六)")]),
    (QINGDAO, [("提高0.6、0.5、0.5个百分点", "提高0.7、0.4、0.6个百分点")]),
    ("xwlb_20201028.txt", [("新增新冠肺炎确诊病例42例，其中境外输入病例20例，本土病例22例",
                            "新增新冠肺炎确诊病例45例，其中境外输入病例20例，本土病例25例")]),
    ("xwlb_20200716.txt", [("188.4亿元，比上年增加19.9亿元，增长11.8%", "208.3亿元，比上年增加39.8亿元，增长23.6%")]),
    ("xwlb_20200228.txt", [("第二产业增加值比重为39.0%", "第二产业增加值比重为38.9%"),
                           ("第三产业增加值比重为53.9%", "第三产业增加值比重为54.0%")]),
]


def firing(name: str, text: str):
    """Errors and warnings, less the oddities the published page really has (test_corpus)."""
    result = check_document(Document(name, text), RULES)
    return [f for f in result.findings if f.severity in ("error", "warning")
            and (name, f.rule_id, f.text) not in KNOWN_ODDITIES]


@pytest.mark.parametrize("name, printed, mutated, rule_id", BROKEN,
                         ids=[f"{r}:{m}" for _, _, m, r in BROKEN])
def test_a_broken_relation_is_caught(name, printed, mutated, rule_id):
    original = corpus_file(name).read_text(encoding="utf-8")
    assert printed in original, f"{printed!r} is not in {name}"
    changed = original.replace(printed, mutated, 1)
    start = original.index(printed)
    window = range(start - 400, start + len(mutated) + 400)
    caught = [f for f in firing(name, changed) if f.rule_id == rule_id
              and (f.start in window or any(r.start in window for r in f.related))]
    assert caught, f"{rule_id} did not catch {printed!r} -> {mutated!r} in {name}"
    assert firing(name, original) == [], "the unchanged page must be clean"


@pytest.mark.parametrize("name, rewrites", CONSISTENT, ids=[f"{n}:{r[0][1]}" for n, r in CONSISTENT])
def test_a_consistent_rewrite_is_not_flagged(name, rewrites):
    text = corpus_file(name).read_text(encoding="utf-8")
    for printed, rewritten in rewrites:
        assert printed in text, f"{printed!r} is not in {name}"
        text = text.replace(printed, rewritten)
    assert [f"{f.rule_id}: {f.message}" for f in firing(name, text)] == []
