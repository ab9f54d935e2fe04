"""Sentences in the wording of a national statistical bulletin (统计公报), with consistent figures,
that drew false alarms once: each must draw no error and no warning. (Written for these tests after
the bulletin's wording; ../shared holds no bulletin of this kind.)"""

from __future__ import annotations

import pytest

from verify.checking.engine import check_document
from verify.loaders import load_rules
from verify.reading.document import Document


@pytest.fixture(scope="module")
def rules():
    return load_rules()


@pytest.mark.parametrize("text", [
    # freight also goes by pipeline: the four modes are not all of it
    "全年货物运输总量557亿吨。其中，铁路货运量50.1亿吨，公路货运量403.4亿吨，水路货运量93.7亿吨，民航货运量735万吨。",
    # the electricity used is the three sectors' and the households'
    "1—10月，全社会用电量累计72422亿千瓦时，同比增长6.9%。其中，第一产业用电量1078亿千瓦时，第二产业用电量47653亿千瓦时，"
    "第三产业用电量13190亿千瓦时。",
    "上半年全国全社会用电量同比增长16.2%。其中，一产、二产、三产用电量同比分别增长20.6%、16.6%、25.8%。",
    # after ；, each kind of institution with a breakdown of its own stands beside the one before
    "年末全国共有医疗卫生机构107.1万个，其中医院3.9万个，在医院中有公立医院1.2万个，民营医院2.7万个；基层医疗卫生机构"
    "101.6万个，其中乡镇卫生院3.4万个，社区卫生服务中心（站）3.7万个，门诊部（所）35.9万个，村卫生室58.3万个；"
    "专业公共卫生机构1.2万个，其中疾病预防控制中心3426个，卫生监督所（中心）2791个。",
    # kinds of enterprise that overlap (国有控股 and 股份制): their profits add up beyond the total
    "全年规模以上工业企业利润总额76858亿元，比上年下降2.3%。其中，国有控股企业22963亿元，股份制企业56773亿元，"
    "外商及港澳台投资企业18036亿元，私营企业23438亿元。",
    # a change after a parenthetical speaks of the figure before the parenthetical (三轮汽车 is a vehicle)
    "年末全国民用汽车保有量33618万辆（包括三轮汽车和低速货车736万辆），比上年末增加1882万辆，其中私人汽车保有量29427万辆，"
    "增加1669万辆。",
    # GDP and value added grow at constant prices while their levels and increases are current ones
    "全年国内生产总值1260582亿元，比上年增加50375亿元，按不变价格计算，比上年增长5.2%。",
    "全市实现地区生产总值3500亿元，比上年增加150亿元，增长6.5%。",
    "规模以上工业增加值1200亿元，比上年增加60亿元，增长7.0%。",
    # per head: the total's growth may leave its parts' range
    "全体居民人均可支配收入39218元，比上年增长6.3%。按常住地分，城镇居民人均可支配收入51821元，增长5.1%；"
    "农村居民人均可支配收入21691元，增长7.7%。",
])
def test_no_alarm(rules, text):
    result = check_document(Document("bulletin.txt", text), rules)
    assert [(f.rule_id, f.text) for f in result.findings
            if str(getattr(f.severity, "value", f.severity)) in ("error", "warning")] == []
