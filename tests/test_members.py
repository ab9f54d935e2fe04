"""Parts no larger than their whole (verify/statements/members.py): which figures are read as the
members of a counted set, and which are left alone."""

from __future__ import annotations

import pytest

from conftest import bound_pairs, read_statements_of


@pytest.mark.parametrize("text, expected", [
    ("美国50个州中有40个州的确诊病例呈上升趋势。", [("40个", "50个")]),                       # xwlb_20200705
    ("首批40条授权事项中，22条已经正式落地，其他18条事项正在有序推进。", [("22条", "40条")]),   # xwlb_20211014
    ("41个工业大类行业中39个保持增长，装备和高技术制造业表现抢眼。", [("39个", "41个")]),     # xwlb_20211030
    ("2艘渔船沉没，船上60人中13人获救、47人失踪；1艘渔船失去联系，船上有28人。",               # xwlb_20130930
     [("13人", "60人"), ("47人", "60人")]),
    ("悉尼机场一度关闭了3条跑道中的2条跑道。", [("2条", "3条")]),                             # xwlb_20160605
    ("24名渔民中6人遇难、1人伤势较重。", [("6人", "24名"), ("1人", "24名")]),   # 名 and 人 count people alike (xwlb_20140209)
    ("全省421家A级景区中，共有266家恢复开放。", [("266家", "421家")]),   # an opener before the subgroup words
    ("在全球50家最盈利的大企业中，美国占31家。", [("31家", "50家")]),   # a verb of having ends the subgroup (rmrb_19980123)
    # a subgroup names the members after the comma
    ("31个省区市中，东部11个省市一季度GDP平均增速为9.48%。", [("11个", "31个")]),            # xwlb_20130427
    ("在新当选的61名中国科学院院士中，女性占到了9名。", [("9名", "61名")]),                    # xwlb_20151207
    ("长江经济带的11个省市中，贵州、湖北、浙江等7个省市增幅高于全国平均水平。", [("7个", "11个")]),   # xwlb_20170424
    # no 中: a count and its noun ending a clause, members opening the next with a predicate
    ("累计培育形成21批173项制度集成创新案例，82项获国家层面认可、37项向全国推广。",             # gwr_2026_hainan
     [("82项", "173项"), ("37项", "173项")]),
    ("已累计推出805项制度创新成果，88项在全国推广，实际利用港资336.6亿美元。", [("88项", "805项")]),   # xwlb_20231228
])
def test_members_of_a_counted_set(text, expected):
    assert bound_pairs(text, "member") == expected


@pytest.mark.parametrize("text", [
    "在3个省份中，有5个城市开展试点。",         # another thing of the same classifier
    "在这3个月中，有12个项目开工。",            # a span of time is no set
    "12个项目，其中5个已开工。",                # 其中 is a breakdown, read by scopes.py
    "在5个小组中，合计有30个。",                # a total (member_not_subgroups), not members
    "5个试点城市中，每个城市建设2个。",          # each, not members
    "3个省份中，平均每省12个。",                 # an average
    "在5个试点城市中，建成充电桩500个。",        # the subgroup's words name another thing (no city)
    "全市12个区县中，城区建成公园300个。\n\n全市12个区县中。",   # … nor past the clause's end
    "截止14点40分，火灾已造成11人死亡，50人受伤。",   # no 中: counts of people, each with its own verb (xwlb_20130414)
    "全国有201个城市的空气质量超标，其中44个城市为重度污染，5个为严重污染。",   # a count after 其中 is no set (xwlb_20150219)
    "建成项目12个，15个在建。",                 # a set with no noun of its own at its clause's end
    "这两座大桥，涉及近百项技术创新成果，其中7项达到国际领先水平，46项达到国际先进水平。",   # (rmrb)
])
def test_no_members(text):
    assert bound_pairs(text, "member") == []


@pytest.mark.parametrize("text, expected", [
    # xwlb_20200208: each running total and the new ones of the day right after it
    ("现有重症病例6101例，当日新增1280例；累计死亡病例722例，当日新增86例；累计治愈出院2050例，当日新增510例。",
     [("86例", "722例"), ("510例", "2050例")]),
    ("新增公园141座、累计达到973座，为“十四五”末建成千座公园城市打下基础。", [("141座", "973座")]),   # gwr_2025_shanghai
    ("新增3个国家中小企业特色产业集群、总数达13个。", [("3个", "13个")]),                         # gwr_2025_jiangxi
])
def test_new_ones_within_a_running_total(text, expected):
    assert bound_pairs(text, "new") == expected


@pytest.mark.parametrize("text", [
    # the new confirmed cases of the day after the running total of imported ones, across ；
    "其中累计报告境外输入确诊病例1618例；当日新增确诊病例6例，其中境外输入病例2例。",
    # the total names another thing (累计死亡) than the new ones before it
    "当日新增1280例，累计死亡病例722例。",
])
def test_no_new_ones_within_a_total(text):
    assert bound_pairs(text, "new") == []


@pytest.mark.parametrize("text, expected", [
    ("今年中央财政将安排科技支出1134亿元，比上年增加134亿元。", [("134亿元", "1134亿元")]),     # gwr_2008_national
    ("4月末，我国外汇储备规模为32817亿美元，较3月末上升410亿美元，升幅为1.27%。",                # xwlb_20250507
     [("410亿美元", "32817亿美元")]),
    # the level it reached, right after (reached_levels.py)
    ("在一系列政策支持下，港口万吨级以上泊位增加379个，总量达2971个；高等级航道通航里程增加1600公里，总里程达1.76万公里。",  # xwlb_20260108
     [("379个", "2971个"), ("1600公里", "1.76万公里")]),
    ("对城乡居民基本医疗保险的财政补助标准再次提高60元，达到人均380元。", [("60元", "380元")]),          # xwlb_20150116
    # 名 counts people as 人 does: no rank when the level reached is in 人
    ("委员会今年增加12名，达到33人。", [("12名", "33人")]),
])
def test_an_increase_within_its_level(text, expected):
    assert bound_pairs(text, "increase") == expected


@pytest.mark.parametrize("text", [
    # the level is what the increase is compared with (xwlb_20130109)
    "企业退休人员月人均养老金达到1721元，与2005年调整前月人均700元的水平相比，8年累计月人均增加1021元。",
    # no comparison stated: the increase may be of another figure the clause goes on to (xwlb_20220426)
    "创设400亿元普惠养老再贷款，预计带动金融机构贷款投放多增1万亿元。",
    # a measure that may be negative
    "全年实现利润50亿元，比上年增加80亿元。",
    # a percentage and a count (0.9个 of 0.9个和2个百分点)
    "采购经理指数分别为51.6%和51.2%，较上月上升0.9个和2个百分点。",
    # the level reached is of another unit (xwlb_20230427)
    "冬小麦播种面积同比增加116万亩，4月中旬产量达1603万吨。",
    # a measure that may be negative, then the level it reached
    "全年实现利润增加80亿元，达到50亿元。",
    # 名 and 名: perhaps a rank (排名上升12名，达到第33名)
    "在全国的排名上升12名，达到33名。",
    # a clause between the increase and the level
    "泊位增加379个，其中深水泊位达2971个。",
])
def test_no_increase_within_a_level(text):
    assert bound_pairs(text, "increase") == []


@pytest.mark.parametrize("text, expected", [
    ("会议应到190人，出席187人，缺席3人，出席人数符合法定人数。", [("187人", "190人")]),               # xwlb_20180304
    ("全国政协十四届一次会议应出席委员2169人，实到2132人，符合规定人数。", [("2132人", "2169人")]),   # xwlb_20230304
    # a figure between those expected and those present: 实到 is of the 2379 (xwlb_20221016)
    ("党的二十大应出席代表2296人，特邀代表83人，共2379人，今天实到2340人。", []),
])
def test_a_roll_call(text, expected):
    assert bound_pairs(text, "present") == expected


@pytest.mark.parametrize("text, expected", [
    ("旅游大巴侧翻事故，造成52人受伤，其中8人伤势较重，所有伤员都没有生命危险。", [("8人", "52人")]),   # xwlb_20130823
    ("本届残奥会中国体育代表团共派出437人，其中运动员251人，将参加20个大项、341个小项的角逐。",         # xwlb_20210824
     [("251人", "437人")]),
])
def test_one_part_after_qizhong(text, expected):
    assert bound_pairs(text, "part") == expected


@pytest.mark.parametrize("text", [
    "我国今年ＶＣＤ装机量已近3000万台，其中年产100万台以上的企业有9家。",     # rmrb_19980119: a threshold
    "机上101名乘客和7名机组人员全部获救，其中45人受伤。",                   # two totals could be meant
    "本届残奥会中国体育代表团共派出437人，其中运动员251人。",                 # a breakdown scopes.py reads
    "在3个省份，其中5个城市开展试点。",                                      # another thing of the classifier
])
def test_no_one_part_after_qizhong(text):
    assert bound_pairs(text, "part") == []


@pytest.mark.parametrize("text, expected", [
    ("印度卫生部5日公布的数据显示，印度累计确诊病例20665148例，累计死亡226188例。",          # xwlb_20210505
     [("226188例", "20665148例")]),
    ("巴西卫生部称，从去年7月至本月14日，巴西共确诊黄热病病例35例，死亡20例。", [("20例", "35例")]),   # xwlb_20180117
])
def test_a_named_part_after_its_whole(text, expected):
    assert bound_pairs(text, "named_part") == expected


@pytest.mark.parametrize("text", [
    "印度单日新增确诊病例343144例，新增死亡4000例。",     # one day's deaths may be of cases confirmed before
    "刚果（金）疑似病例升至867例，死亡的疑似病例为204例。",
    "现有确诊病例1020例，累计死亡病例4636例。",            # those now ill are not all who were
])
def test_no_named_part(text):
    assert bound_pairs(text, "named_part") == []


def rates(text: str) -> list[dict[str, str]]:
    quantities, reading = read_statements_of(text)
    return [{k: quantities[v].text for k, v in f.bound().items()} for f in reading.facts if "fastest" in f.bound()]


@pytest.mark.parametrize("text, expected", [
    # xwlb_20131110: all rise
    ("10月份我国进出口总值2.09万亿元，同比增长6.5%。其中出口1.14万亿元，同比增长5.6%；进口0.95万亿元，同比增长7.6%。",
     [{"level": "6.5%", "fastest": "7.6%", "slowest": "5.6%"}]),
    # xwlb_20230307: the total falls, one part rises: no faster than the part that falls
    ("前2个月，我国外贸进出口总值6.18万亿元人民币，同比微降0.8%；出口3.5万亿元，同比增长0.9%；进口2.68万亿元，同比下降2.9%。",
     [{"level": "0.8%", "fastest": "2.9%"}]),
])
def test_the_rate_of_a_total_and_of_its_parts(text, expected):
    assert rates(text) == expected


@pytest.mark.parametrize("text, expected", [
    # rates alone after 其中: a name packing the three sectors, 分别 (gwr_2026_guizhou)
    ("主要预期目标是：地区生产总值增长5%左右，其中一二三产增加值分别增长3.5%左右、6%左右、5%左右。",
     [{"level": "5%左右", "fastest": "6%左右", "slowest": "3.5%左右"}]),
    # the sectors and the households make all the electricity used (xwlb_20220517)
    ("1—4月全国全社会用电量同比增长3.4%。其中，一产、二产、三产和居民生活用电量同比分别增长10.8%、1.9%、3.1%和10.5%。",
     [{"level": "3.4%", "fastest": "10.8%", "slowest": "1.9%"}]),
    ("全年地区生产总值增长5.2%，其中第一产业增加值增长3.5%，第二产业增加值增长6%，第三产业增加值增长5%。",
     [{"level": "5.2%", "fastest": "6%", "slowest": "3.5%"}]),
])
def test_the_rate_of_a_total_and_of_its_parts_stated_as_rates_alone(text, expected):
    assert rates(text) == expected


@pytest.mark.parametrize("text", [
    # the three sectors alone are not all the electricity used (xwlb_20210719, xwlb_20241220)
    "上半年全国全社会用电量同比增长16.2%。其中，一产、二产、三产用电量同比分别增长20.6%、16.6%、25.8%。",
    "全社会用电量同比增长7.1%。其中，第一产业用电量同比增长6.8%，第二产业用电量同比增长5.3%，第三产业用电量同比增长10.4%。",
    # per head: the total's growth also moves with how many each part counts
    "全体居民人均可支配收入增长5.5%，其中城镇、农村居民人均可支配收入分别增长4.4%、6.6%。",
    # parts that are some of the total (xwlb_20180714), a level among them (read with the levels)
    "上半年，全国科学技术支出同比增长25.4%。其中，应用研究、基础研究支出同比分别增长62%、12.5%。",
    "进出口增长5%，其中出口1.2万亿元，增长7%，进口增长2%。",
])
def test_no_rates_alone_of_parts_that_are_not_all_of_it(text):
    assert rates(text) == []


def test_no_rates_of_parts_with_a_balance_read_among_them():
    # xwlb_20150113: 扩大45.9% (of the surplus) is read as a second rate of the imports, which fall 0.6%
    assert rates("我国外贸进出口总值26.43万亿元人民币，比2013年增长2.3%。其中，出口14.39万亿元，增长4.9%；"
                 "进口12.04万亿元，下降0.6%；贸易顺差2.36万亿元，扩大45.9%。") == []


@pytest.mark.parametrize("text, expected", [
    ("102家企业中98家盈利，占企业数的96.1%。", [("98家", "102家", "96.1%")]),                              # xwlb_20170525
    ("41个工业大类行业中35个行业增加值实现增长，增长面达85.4%。", [("35个", "41个", "85.4%")]),            # xwlb_20260319
    ("在调查的21个行业中，有11个位于50%以上的扩张区间。", [("11个", "21个", None)]),                       # a bound of a noun
    # 第一线 is a place, no ordinal between the members and their share (xwlb_20220327)
    ("央企系统（在京）单位189名推荐人选中有112名生产和工作第一线党员，占比59.3%。", [("112名", "189名", "59.3%")]),
])
def test_the_share_of_members(text, expected):
    quantities, reading = read_statements_of(text)
    found = [(quantities[f.bound()["member"]].text, quantities[f.level].text,
              quantities[f.bound()["member_share"]].text if "member_share" in f.bound() else None)
             for f in reading.facts if "member" in f.bound()]
    assert found == expected


@pytest.mark.parametrize("text, expected", [
    ("英国6日新增确诊病例62322例，再达新高。英国累计确诊病例已达到2836801例。", [("62322例", "2836801例")]),   # xwlb_20210107
    ("29日，英国单日新增确诊病例为20479例，连续第二天单日新增超过2万例。目前，英国累计确诊病例超过477万例。",   # xwlb_20210630
     [("20479例", "超过477万例")]),
])
def test_new_ones_and_their_total_in_the_next_sentence(text, expected):
    assert bound_pairs(text, "new") == expected


@pytest.mark.parametrize("text", [
    "韩国单日新增确诊病例达99837例。日本累计确诊已超过2370万例。",              # another country
    "英国6日新增确诊病例62322例，再达新高。\n英国累计确诊病例已达到2836801例。",   # another paragraph
    "英国6日新增确诊病例62322例。截至去年底，英国累计确诊病例达到2836801例。",     # another time
])
def test_no_total_in_the_next_sentence(text):
    assert bound_pairs(text, "new") == []


@pytest.mark.parametrize("text, expected", [
    ("跨国公司地区总部、外资研发中心分别新认定60家和30家，累计分别达到1016家和591家。",               # gwr_2025_shanghai
     [("60家", "1016家"), ("30家", "591家")]),
    ("“上海标准”、“上海品牌”分别新增11个和27项，累计分别达到52个和204项。",                           # gwr_2025_shanghai
     [("11个", "52个"), ("27项", "204项")]),
    ("新增各类总部机构、大企业开放创新中心80家、16家，累计分别达到1522家、103家。",                   # gwr_2025_shanghai:
     [("80家", "1522家"), ("16家", "103家")]),                                                           # item by item, not 16家 with 1522家
])
def test_new_ones_and_their_totals_each_given_respectively(text, expected):
    assert bound_pairs(text, "new") == expected


@pytest.mark.parametrize("text", [
    "分别新增11个、27项和5家，累计分别达到52个和204项。",          # three new ones, two totals
    "分别新增11个和27家，累计分别达到52个和204项。",               # 家 and 项
    "两地分别完成11个和27项，累计分别达到52个和204项。",           # no new ones named
])
def test_no_totals_given_respectively(text):
    assert bound_pairs(text, "new") == []
