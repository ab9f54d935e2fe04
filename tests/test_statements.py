"""The statement stage: each figure's role, and which 其中 lists it finds (table-driven)."""

from __future__ import annotations

import json

import pytest

from conftest import read_statements_of
from verify.statements import Role


def roles(text: str) -> dict[str, Role]:
    quantities, result = read_statements_of(text)
    return {quantities[i].text: st.role for i, st in result.statements.items()}


def lists(text: str) -> list[tuple[str, tuple[str, ...], bool]]:
    quantities, result = read_statements_of(text)
    return [(quantities[p.total].text, tuple(quantities[i].text for i in p.parts), p.certain)
            for p in result.parts_lists]


MEASURE_CASES = [
    # a figure right after a bracket: the name before the bracket, not the abbreviation inside it
    ("上半年全市实现地区生产总值（GDP）1228亿元，同比增长1.5%。", {"1228亿元": "上半年全市实现地区生产总值"}),
]


@pytest.mark.parametrize("text,expected", MEASURE_CASES, ids=[c[0][:12] for c in MEASURE_CASES])
def test_measures(text, expected):
    quantities, result = read_statements_of(text)
    got = {quantities[i].text: st.measure for i, st in result.statements.items()}
    assert {k: got.get(k) for k in expected} == expected


ROLE_CASES = [
    ("地区生产总值实现626.9亿元，同比增长1.9%。", {"626.9亿元": Role.LEVEL, "1.9%": Role.RATE}),
    ("188.4亿元，比上年增加19.9亿元，增长11.8%", {"188.4亿元": Role.LEVEL, "19.9亿元": Role.CHANGE, "11.8%": Role.RATE}),
    ("第一产业增加值占国内生产总值比重为7.1%", {"7.1%": Role.SHARE}),
    ("完成全年计划的96.8%", {"96.8%": Role.COMPLETION}),
    ("辍学学生已由60万人降至2419人", {"60万人": Role.FROM, "2419人": Role.LEVEL}),
    ("平均单日新增确诊病例数达到了约6000例，远高于2月底的1000例。", {"约6000例": Role.AVERAGE, "1000例": Role.BASE}),
    # 比 inside a name (比利时, 比赛, 比例) and 较 inside 比较 compare with nothing
    ("至少有191人在洪灾中遇难，其中，德国160人、比利时31人。", {"31人": Role.LEVEL}),
    ("龙舟比赛达500多场，规模化供水工程覆盖农村人口的比例可达54%。", {"500多场": Role.LEVEL}),
    ("仔细比较了两台电视的图像。", {"两台": Role.LEVEL}),
    ("新增就业岗位仅7.5万个，较4月的22.4万个大幅下滑。", {"22.4万个": Role.BASE}),
    ("全国各类生产安全事故总量14405起，其中较大事故207起。", {"207起": Role.LEVEL}),   # 较大: an adjective
    # 10年前 is a time; the figure after it is the start 从 names
    ("全球学习汉语的人数从10年前的不足3000万人快速攀升至目前的1亿人。", {"10年": Role.OTHER, "不足3000万人": Role.FROM}),
    ("我国大熊猫野外种群总量从20世纪80年代的约1100只增长到近1900只。", {"20": Role.OTHER, "80年": Role.OTHER, "约1100只": Role.FROM}),
    # a time named by an event after 从/由 (成立时, 之初, 初期), not 从未 nor 每小时
    ("党的基层组织由新中国成立时的19.5万个增至486.4万个。", {"19.5万个": Role.FROM}),
    ("电价从未超过每千瓦时0.5元。", {"0.5元": Role.AVERAGE}),   # a price per unit, no start
    ("已有两台33万千瓦机组建成投产", {"33万千瓦": Role.ATTRIBUTE}),
    ("银行代客涉外收付款顺差162亿美元", {"162亿美元": Role.NET}),
    # a balance named by a verb of change (自然增长 = 出生 − 死亡), unless another verb changes it
    ("死亡人口6.5万人，人口自然增长1.9万人", {"1.9万人": Role.NET}),
    ("死亡率８．４‰，人口自然增长率２４．７０‰", {"２４．７０‰": Role.NET}),
    ("人口自然增长率下降0.5‰", {"0.5‰": Role.RATE}),
    ("格库铁路全长1206公里，最高时速120公里。", {"1206公里": Role.LEVEL, "120公里": Role.OTHER}),
    # 度 is a temperature or an angle, no amount, but with 万 or 亿 it is electricity (gwr_2025_neimenggu)
    ("发电超8000亿度，外送电量3150亿度、占全国16%；气温下降5度。", {"超8000亿度": Role.LEVEL, "3150亿度": Role.LEVEL,
                                                     "5度": Role.OTHER}),
    ("完成全年1.8万亿元投资目标任务的25.5%", {"1.8万亿元": Role.PLAN, "25.5%": Role.COMPLETION}),
    ("境外输入病例24例，含5例由无症状感染者转为确诊病例", {"24例": Role.LEVEL, "5例": Role.SUBPART}),
    ("CPI同比上涨2.1%，涨幅比上月回落0.4个百分点", {"2.1%": Role.RATE, "0.4个百分点": Role.CHANGE}),
    # the later values of a 、-list of percentages are what the first is (each a fall here)
    ("个人所得税1.5亿元、房产税1.3亿元，同比分别下降31.5%、0.9%、39%。",
     {"31.5%": Role.RATE, "0.9%": Role.RATE, "39%": Role.RATE}),
]


@pytest.mark.parametrize("text,expected", ROLE_CASES, ids=[c[0][:12] for c in ROLE_CASES])
def test_roles(text, expected):
    got = roles(text)
    assert {k: got.get(k) for k in expected} == expected


LIST_CASES = [
    # (text, [(total, parts, certain)])
    # after ；, a figure with a breakdown of its own is the next item beside this list's total, not its part
    # (the health institutions of a statistical bulletin: 基层… and 专业… stand beside each other)
    ("年末全国共有医疗卫生机构107.1万个，其中医院3.9万个；基层医疗卫生机构101.6万个，其中乡镇卫生院3.4万个，"
     "村卫生室58.3万个；专业公共卫生机构1.2万个，其中疾病预防控制中心3426个。",
     [("107.1万个", ("3.9万个",), True), ("101.6万个", ("3.4万个", "58.3万个"), True),
      ("1.2万个", ("3426个",), True)]),
    # 在X中有 breaks a part down in turn: its parts are the part's, not the total's (only the first surely, as
    # after any 在…中)
    ("全市共有学校500所，其中小学300所，在小学中有公办小学250所，民办小学50所；中学200所。",
     [("500所", ("300所",), True), ("300所", ("250所",), True)]),
    # …unless with it the parts name all of a partition
    ("新增确诊病例30例，其中境外输入病例2例；本土病例28例，其中江苏20例，北京8例。",
     [("30例", ("2例", "28例"), True), ("28例", ("20例", "8例"), True)]),
    ("全市引进集聚人才22.78万人,其中,新增专业技术人才9347人,高层次人才1.28万人。",
     [("22.78万人", ("9347人", "1.28万人"), True)]),
    ("地区生产总值实现626.9亿元，同比增长1.9%。其中，一产实现增加值16.9亿元，增长4.3%；二产实现增加值375.6亿元，增长0.4%。",
     [("626.9亿元", ("16.9亿元", "375.6亿元"), True)]),
    # the list ends where a clause opens a new statement
    ("新增确诊病例15例，其中境外输入病例12例，本土病例3例；截至12月6日24时，现有确诊病例281例。",
     [("15例", ("12例", "3例"), True)]),
    ("新增无症状感染者38例，其中本土19例，境外输入19例，当日转为确诊病例24例。",
     [("38例", ("19例", "19例"), True)]),
    # a change is no total: the level it changes is
    ("全国铁路固定资产投资完成3258亿元，超去年同期38亿元，同比增长1.2%，其中国家铁路基建投资完成2451亿元。",
     [("3258亿元", ("2451亿元",), True)]),
    # counted things of another noun are no parts
    ("南北横贯太原市3个行政区，其中，光在万柏林区，过去就有2000多个小煤窑。", []),
    # averages are neither totals nor parts
    ("全国确诊新冠肺炎患者人均医疗费用约2.3万元。其中，重症患者人均治疗费用超过15万元。", []),
    # a surplus is a balance: no total for its parts
    ("银行代客涉外收付款顺差162亿美元，环比增长57%。其中，4月货物贸易跨境收支顺差443亿美元。", []),
    # each parenthetical belongs to the figure it follows
    ("中国已对外缔结39项引渡条约(其中29项已经生效)、52项刑事司法协助条约(其中46项已经生效)。",
     [("39项", ("29项",), True), ("52项", ("46项",), True)]),
    # two figures could be the total: uncertain, the larger is taken
    ("代表团包括65名运动员和8名教练员，其中金牌获得者59名。", [("65名", ("59名",), False)]),
    # … unless the part names a word only the nearest one's words name (贫困县, 村), and none only another's
    ("全区13个县市中有9个是贫困县，其中国家重点扶持的贫困县有7个。", [("9个", ("7个",), False)]),
    ("15个行政村中8个村拥有专利，其中3个村被命名为“山东专利村”。", [("8个", ("3个",), False)]),
    ("41个工业大类行业中有40个行业利润同比增长或扭亏为盈，1个行业同比持平。其中，有36个行业利润实现两位数及以上增长。",
     [("40个", ("36个",), False)]),
    ("该国新增确诊病例4970例，累计确诊超过10万例，累计死亡3163例。其中，马哈拉施特拉邦累计确诊超过35000例。",
     [("超过10万例", ("超过35000例",), False)]),
    # … or the nearest, when 其中 opens the clause right after its own and the others, earlier in the sentence, are no
    # smaller (nested: the part within the nearest, the nearest within them)
    ("全长８９６．８公里长的南昆铁路，在贵州境内有２４６公里，其中有１８６．７公里穿越黔西南州。",
     [("２４６公里", ("１８６．７公里",), False)]),
    ("全国已累计查处问题146431起、处理196947人，给予党纪政纪处分98836人，其中包含15名省部级干部，999名地厅级干部。",
     [("98836人", ("15名", "999名"), False)]),
    # from with from, to with to
    ("辍学学生已由60万人降至2419人，其中建档立卡贫困家庭辍学学生由20万人降至0人。",
     [("2419人", ("0人",), True), ("60万人", ("20万人",), True)]),
    # parts of other units: no breakdown of one total
    ("梳理汇总有效意见、建议1.1万条，其中针对“四风”方面存在的问题100多个，意见150多条。", []),
    # a net change of a stock is the total of its 其中 parts; a surplus is not (above)
    ("新增减税降费及退税超800亿元，净增经营主体242.8万户，其中企业57.5万户。", [("242.8万户", ("57.5万户",), True)]),
    # a total's unit with its alternative in brackets (万台（辆）) has parts of either
    ("全国农村拥有五种主要农业机械总量2469.61万台（辆）。按五种主要农业机械类别来看，其中，大型拖拉机67.78万台，"
     "小型拖拉机1179.50万台，联合收割机11.34万台，机动脱粒机752.15万台，农用运输车458.84万辆。",
     [("2469.61万台", ("67.78万台", "1179.50万台", "11.34万台", "752.15万台", "458.84万辆"), True)]),
    # 名 and 位 count people as 人 does, in the list's own sentence; a sentence before needs the same word
    ("山西省共对448名严重违法违纪人员进行了立案调查，其中已查结给予党政纪处分的252人。", [("448名", ("252人",), True)]),
    ("一等奖第一研究者获奖时的平均年龄是64.7岁，仅有2人在60岁以下。其中4位科学家获奖时已不在人世。", []),
    # paragraphs splitting one lead along other dimensions, each naming all of a partition: past them, the lead
    # of what their parts count (the first, next to the lead, needs its words: 在…工商税收收入中 may stand between)
    ("上半年全市实现地区生产总值1228亿元，同比增长1.5%。\n从中直和地方看，地方经济正向拉动明显：中直经济实现增加值384.8亿元，"
     "同比下降1.2%；地方经济实现增加值843.2亿元，同比增长3.4%。\n从油与非油看，非油经济发力明显：油经济实现增加值275.7亿元，"
     "同比下降0.9%；非油经济实现增加值952.3亿元。",
     [("1228亿元", ("275.7亿元", "952.3亿元"), True)]),
    # the lead's name stands before its abbreviation in brackets: 地区生产总值（GDP）1228亿元
    ("上半年全市实现地区生产总值（GDP）1228亿元，同比增长1.5%。\n从中直和地方看，中直经济实现增加值384.8亿元；地方经济实现增加值"
     "843.2亿元。\n从油与非油看，油经济实现增加值275.7亿元；非油经济实现增加值952.3亿元。",
     [("1228亿元", ("275.7亿元", "952.3亿元"), True)]),
    # not past a sibling for parts that name only some (主要行业)
    ("上半年全市实现地区生产总值1228亿元，同比增长1.5%。\n从油与非油看，油经济实现增加值275.7亿元；非油经济实现增加值952.3亿元。"
     "\n从主要行业看，石化行业实现增加值102.5亿元；石油和天然气开采业实现增加值275.7亿元。", []),
    # after a first part named as a member of a partition, bare names of no member of it break that part down
    ("当日新增143例（其中境外输入确诊病例16例，甘肃11例，北京4例，上海1例）；累计死亡病例3042例。",
     [("16例", ("11例", "4例", "1例"), True), ("143例", ("16例",), True)]),
    # places after places are parts of the total
    ("当日新增30例（其中湖北11例，北京4例，上海1例）；累计死亡病例3042例。", [("30例", ("11例", "4例", "1例"), True)]),
    # a measure of another unit in a later clause says something else, and ends the list
    ("俄方最重视的是关于铺设俄土之间长达1213公里天然气管道的协定，其中396公里将穿越黑海海底，有些地方深达2150米。",
     [("1213公里", ("396公里",), True)]),
    ("分别为各营修建了12个水泥篮球场，其中灯光球场4个，总面积5000多平方米，共投入经费80多万元。",
     [("12个", ("4个",), True)]),
    # 其中 inside a word is no list
    ("吸引了众多的体育爱好者投身其中，参与者达2000人。", []),
    # a parenthetical on one part does not end the list
    ("共受理赔偿案7件，其中受害者死亡1件（1人），重伤3件（3人），轻伤3件（3人）。",
     [("7件", ("1件", "3件", "3件"), True)]),
    # ；其中: the clause group just before holds the total
    ("在本乡以内从事劳动的为4.9万人，占87%；在本乡以外从事劳动的为7222.6万人，占12.88%；其中，在本县外乡的为2735.40万人，在外省的为2363.50万人。",
     [("7222.6万人", ("2735.40万人", "2363.50万人"), True)]),
    # a paragraph that opens with 其中: the sentence before the line break
    ("全年国内生产总值990865亿元，比上年增长6.1%。\n其中，第一产业增加值70467亿元；第二产业增加值386165亿元。",
     [("990865亿元", ("70467亿元", "386165亿元"), True)]),
    # a figure of another unit after ； ends the list, it does not undo it
    ("各类开发区4210个，其中擅自设立的3082个；查出土地违法案件382.8万件。", [("4210个", ("3082个",), True)]),
    # a part naming in its own words what the total counts
    ("已有15趟列车实行公交化售票，其中开往市郊的旅客列车共10趟，开往苏州的旅客列车共5趟。",
     [("15趟", ("10趟", "5趟"), True)]),
    # a plan broken down in brackets
    ("全市计划播种面积1128万亩（水田168万亩、旱田960万亩）。", [("1128万亩", ("168万亩", "960万亩"), True)]),
    # every member of a partition right after a level, with no 其中
    ("新增无症状感染者79例，境外输入8例，本土71例；当日转为确诊病例4例。", [("79例", ("8例", "71例"), True)]),
    # a partition named after X中: all its members are parts
    ("地方债券发行61218亿元，其中新增债券44945亿元。新增债券中，一般债券发行9479亿元，已完成全年计划；专项债券发行35466亿元。",
     [("61218亿元", ("44945亿元",), True), ("44945亿元", ("9479亿元", "35466亿元"), True)]),
    # a total and all its parts named by the vocabulary (named_sums), across clauses and notes
    ("累计报告确诊病例81054例，其中累计报告境外输入确诊病例314例；当日新增确诊病例46例（其中境外输入确诊病例45例）；"
     "现有确诊病例5549例；累计死亡病例3261例，当日新增6例（其中湖北5例）；累计治愈出院病例72244例。",
     [("81054例", ("314例",), True), ("46例", ("45例",), True), ("6例", ("5例",), True),
      ("81054例", ("5549例", "3261例", "72244例"), True)]),
    # a note opening with 其中, its own clause without a total: the sentence's figure before it
    ("中直投资完成159.5亿元，同比下降11.7%，负向拉动全市投资8.7个百分点（其中：油田产能项目完成投资150亿元，下降10.8%；"
     "石化公司1.1亿元，下降57.1%）。", [("159.5亿元", ("150亿元", "1.1亿元"), True)]),
    # past a sentence of averages only, to the sentence before; a figure of another unit after two parts
    # ends the list (unless the total's unit names it in brackets, 万台（辆）: above)
    ("全国农村拥有主要农业机械总量2469.61万台。平均每万名从业人员拥有440.3台。按类别来看，其中，大型拖拉机67.78万台，"
     "小型拖拉机1179.50万台，农用运输车458.84万辆。", [("2469.61万台", ("67.78万台", "1179.50万台"), True)]),
    # 从事 opens no new statement (从…看 does)
    ("农村从业人员为56085.58万人；其中，从事农业人员为42441.19万人，占75.67%；从事非农业人员13644.39万人，占24.33%。",
     [("56085.58万人", ("42441.19万人", "13644.39万人"), True)]),
    # a paragraph opening with its dimension splits the previous paragraph's lead, over sentences
    # while they name members of one partition
    ("全国农村从业人员为56085.58万人。\n从东、中、西部地区来看，东部地区共有农村从业人员22426.02万人，占39.99%。"
     "中部地区农村从业人员为19434.45万人。西部地区农村从业人员为14225.11万人。",
     [("56085.58万人", ("22426.02万人", "19434.45万人", "14225.11万人"), True)]),
    # not when the paragraph before is a breakdown of its own
    ("从中直和地方看，地方工业拉动增长：中直工业实现增加值384.8亿元；地方规上工业实现增加值94.2亿元。\n"
     "从主要行业看，石化行业实现增加值102.5亿元；石油和天然气开采业实现增加值275.7亿元。", []),
    # a balance (利润) within a level (利税): a part, at most the total
    ("实现利税3200万元，比上年增11%，其中利润达2500万元。", [("3200万元", ("2500万元",), True)]),
    # the figure right before the next 其中 that names this total's measure again is the next breakdown's
    # total, no part of this one (on one line without a full stop the 9人 was a part above 8人: an error)
    ("遇难人数8人，其中5名大陆居民和2名香港居民，遇难人数9人，其中6名大陆居民和3名香港居民。",
     [("8人", ("5名", "2名"), True), ("9人", ("6名", "3名"), False)]),
    # a part of a list right before the next 其中 is what that 其中 breaks down (a nested breakdown)
    ("新增确诊病例42例，其中境外输入病例20例，本土病例22例，其中广东10例。",
     [("42例", ("20例", "22例"), True), ("22例", ("10例",), False)]),
    ("在芬兰所有６４种哺乳动物中，城市里可以看到４０种，其中２９种在赫尔辛基市可以经常见到。",   # rmrb_19980105
     [("６４种", ("４０种",), True), ("４０种", ("２９种",), False)]),
    # 包括 after a comma lists some parts of the figure before it (xwlb_20150819, xwlb_20170608) …
    ("在17号曼谷爆炸案中遇难的中国公民人数已升至7人，包括5名大陆居民和2名香港居民。", [("7人", ("5名", "2名"), True)]),
    ("问责处理相关地方职能部门122名责任人，包括厅级16人、处级58人。", [("122名", ("16人", "58人"), True)]),
    # … but not figures after a list of names, in a later clause (xwlb_20230118), nor parts of a name in
    # quotes (xwlb_20150927), nor a part inside its whole's phrase (包括…在内的: included.py)
    ("国家医保局公布新版医保药品目录，新增111种药品，包括慢性病、肿瘤、罕见病、新冠治疗用药等，药品总数达2967种。", []),
    ("中国将向发展中国家提供“6个100”项目支持，包括100个减贫项目，100个农业合作项目。", []),
    ("枪击事件造成3人死亡，包括两名警察在内的10人受伤。", []),
    # after 在N个Y中, a count that names another thing than Y is no part of it
    ("在5个试点城市中，建成充电桩500个。", []),
]


COMPLETENESS_CASES = [
    # a bare breakdown in brackets right after its total names all of it
    ("累计死亡病例3042例，当日新增30例（湖北29例，海南1例）。", [("30例", "complete")]),
    # a total of flows and the flows its paragraph states apart, of its subject and time
    ("１９９７年我国以３２５０亿美元的进出口总值，排位第十。１９９７年，我国外贸出口１８２７亿美元，列第十位，进口１４２３亿美元。",
     [("３２５０亿美元", "complete")]),
    ("1—5月，我国进出口总值11.54万亿元。5月份当月，出口1.95万亿元，进口1.52万亿元。", []),
    # places after a partition member break that member down; to the bracket's close, all of it
    ("当日新增143例（其中境外输入确诊病例16例，甘肃11例，北京4例，上海1例）；累计死亡病例3042例。",
     [("16例", "complete"), ("143例", "disjoint")]),
    # a dimension naming all of a partition splits the lead of an earlier paragraph that names its indicator,
    # past a lead of another (两税收入); not past the article's title
    ("去年工商税收７５４８亿元\n全年共完成工商税收收入７５４８亿元，比上年增长了１７·２％。\n"
     "在全国工商税收收入中，国内增值税和消费税两税收入共完成４０４７亿元。\n"
     "分收入级次看，中央级税收收入完成４２６１亿元，比上年增长１９·３％；地方级税收收入完成３２８７亿元。",
     [("７５４８亿元", "complete")]),
    # where outside the township: in the county, in the province, outside it (乡外县内, 县外省内, 省外)
    ("在本乡以外从事劳动的从业人员为７２２２．６万人，占１２·８８％；其中，在本县外乡从事劳动的为２７３５．４０万人，"
     "在本省外县从事劳动的为２１２３．７０万人，在外省从事劳动的为２３６３．５０万人。", [("７２２２．６万人", "complete")]),
    # a partition only of the whole the total names: 党政一把手 are 书记 and 县长; other cadres are not
    ("为５个贫困县选配了８名党政一把手，其中县委书记３名，县长５名。", [("８名", "complete")]),
    ("为５个贫困县选派了８０名干部，其中县委书记３名，县长５名。", [("８０名", "open")]),
    # two totals of two units, each split in the same order: the part of the first unit goes with its total
    ("８年间，全区共吸收６万户计划生育家庭、２４万人参加这一活动，其中３万多户、１２万人稳定脱贫。", [("６万户", "open")]),
    # one that says it names some (包括, 主要, 如) does not
    ("新增投资30亿元（包括省级资金20亿元、市级资金5亿元）。", [("30亿元", "open")]),
    ("新增投资30亿元（主要是省级资金20亿元、市级资金5亿元）。", [("30亿元", "open")]),
    # a bound after a list of names (…等省份…超300万) or after 均/都 is what each passed: no total
    ("陕西、江苏、浙江等省份接待观众超300万人次，其中陕西接待游客652万人次，江苏接待游客320万人次。", []),
    ("三个省份接待观众均超300万人次，其中陕西接待游客652万人次，江苏接待游客320万人次。", []),
    ("三个省份接待观众超1000万人次，其中陕西接待游客652万人次，江苏接待游客320万人次。", [("超1000万人次", "open")]),
    # a whole a partition leaves short (partitions_left_short): the electricity used is the three sectors' and
    # the households'; freight also goes by pipeline, passengers do not
    ("1—10月，全社会用电量累计72422亿千瓦时。其中，第一产业用电量1078亿千瓦时，第二产业用电量47653亿千瓦时，"
     "第三产业用电量13190亿千瓦时。", [("72422亿千瓦时", "disjoint")]),
    ("1—10月，全社会用电量累计72422亿千瓦时。其中，第一产业用电量1078亿千瓦时，第二产业用电量47653亿千瓦时，"
     "第三产业用电量13190亿千瓦时，城乡居民生活用电量10501亿千瓦时。", [("72422亿千瓦时", "complete")]),
    ("全年货物运输总量557亿吨。其中，铁路货运量50.1亿吨，公路货运量403.4亿吨，水路货运量93.7亿吨，民航货运量735万吨。",
     [("557亿吨", "disjoint")]),
    ("全年货物运输总量557亿吨。其中，铁路货运量50.1亿吨，公路货运量403.4亿吨，水路货运量93.7亿吨，民航货运量735万吨，"
     "管道货运量9.2亿吨。", [("557亿吨", "complete")]),
    ("全年旅客运输总量93.0亿人次，其中铁路38.5亿人次，公路45.7亿人次，水路2.6亿人次，民航6.2亿人次。",
     [("93.0亿人次", "complete")]),
]


@pytest.mark.parametrize("text,expected", COMPLETENESS_CASES, ids=[c[0][:12] for c in COMPLETENESS_CASES])
def test_parts_lists_complete(text, expected):
    quantities, result = read_statements_of(text)
    assert [(quantities[p.total].text, p.complete) for p in result.parts_lists] == expected


@pytest.mark.parametrize("text,expected", LIST_CASES, ids=[c[0][:12] for c in LIST_CASES])
def test_parts_lists(text, expected):
    assert lists(text) == expected


def test_full_width_and_dot_decimal():
    """１３４３·３亿美元 (older copy writes the decimal point as a middle dot) is one total."""
    got = lists("韩国所欠１４家外国银行债务的总额达到了１３４３·３亿美元，其中短期外债达８００亿美元。")
    assert got == [("１３４３·３亿美元", ("８００亿美元",), True)]


DAILY_CASES = [
    ("自7月1日暑运启动至22日，全国铁路累计发送旅客3.07亿人次，日均发送旅客1397.6万人次。", 22),
    ("2024年2月25日至3月2日，全市累计接待游客70万人次，日均接待游客10万人次。", 7),    # leap year: 29 Feb
    ("2023年2月25日至3月2日，全市累计接待游客60万人次，日均接待游客10万人次。", 6),
    ("2月25日至3月2日，全市累计接待游客70万人次，日均接待游客10万人次。", None),       # no year: unknown
    ("2023年3月21日8时—24日8时，全省累计降雨量120亿立方米，日均降雨量40亿立方米。", 3),  # 72 hours, not 4 days
    ("2023年3月21日至24日8时，全省累计降雨量120亿立方米，日均降雨量40亿立方米。", None),  # 80 hours: no whole days
    ("从2025年10月1日零时至10月8日24时，充电量达到1.23亿千瓦时，日均充电量1535.91万千瓦时。", 8),  # xwlb_20251009
]


@pytest.mark.parametrize("text,days", DAILY_CASES, ids=[c[0][:14] for c in DAILY_CASES])
def test_daily_average_takes_its_days_from_the_calendar(text, days):
    _, result = read_statements_of(text)
    found = [dict(f.constants)["days"] for f in result.facts if f.constants]
    assert found == ([days] if days is not None else [])


def test_statements_command_shows_the_reading(capsys):
    """verify --statements: each figure's role, the 其中 list of the sample page, and JSON."""
    from conftest import SAMPLE
    from verify.cli import main

    assert main(["--statements", str(SAMPLE)]) == 0
    table = capsys.readouterr().out
    assert "completion" in table and "其中: 22.78万人 ⊇ 9347人、1.28万人" in table
    assert main(["--statements", "--format", "json", str(SAMPLE)]) == 0
    data = json.loads(capsys.readouterr().out)
    assert data["schema"] == "verify-statements/2"
    lists = data["files"][0]["parts_lists"]
    assert [p["total"]["text"] for p in lists] == ["22.78万人"]


def named_wholes(text: str) -> list[tuple[str, str]]:
    quantities, result = read_statements_of(text)
    return [(quantities[f.level].text, quantities[dict(f.figures)["named_whole"]].text)
            for f in result.facts if "named_whole" in dict(f.figures)]


NAMED_WHOLE_CASES = [
    # the whole named by the share's words, in the sentence before
    ("全国共发展党员205.7万名，较上年减少35.1万名。在生产、工作一线发展党员96.2万名，占发展党员总数的46.8%。",
     [("96.2万名", "205.7万名")]),
    # no whole named: the level before in the sentence that shares a word with the part
    ("自治区共有草原面积14亿亩，目前退化面积已达6亿亩，占到42.8%。", [("6亿亩", "14亿亩")]),
    # naming none, a smaller level before in the sentence is the whole only when the sentence opens with it (…中)
    ("广东在2022年度计划投资的9000亿元中规划，基础设施工程年度计划投资49930亿元，占比55.5%。", [("49930亿元", "9000亿元")]),
    ("一产增加值100亿元，二产增加值300亿元，占比30%。", []),
    # a share naming the scope its sentence opens with (在全部外资中) is a share of that scope's total, found by
    # another name of the indicator (外部资金) in the sentence before, across the paragraph's break
    ("拉美国家共引进外部资金1146亿多美元，继续成为吸收外资最多的地区之一。\n在全部外资中，实施私有化计划所获的资金"
     "共达776.66亿美元，占全部外资的七成左右。", [("776.66亿美元", "1146亿多美元")]),
    # a share that names a part of its own (外资税收) is no share of the level before it
    ("目前在天津的外商投资企业达到15000家、世界500强企业达到249家、外资税收占比达到31%。", []),
    # 我国进出口总值 is not the total of a list of trade with some countries
    ("前10个月，我国对共建“一带一路”国家进出口16.94万亿元，增长6.2%。其中，对东盟进出口5.67万亿元，增长8.8%，"
     "占同期我国进出口总值的15.7%。", []),
    # a level smaller than the part is its whole only when nothing larger is named and the share's words
    # name all of it (发展党员 of 发展党员总数): then the part or the whole is wrong, and the share says which
    ("全国共发展党员205.7万名，较上年减少35.1万名。在生产、工作一线发展党员962万名，占发展党员总数的46.8%。",
     [("962万名", "205.7万名")]),
    ("近5年来，全国共治理水土流失面积18万平方公里，而通过拍卖、股份合作等形式治理的面积就达44.5万平方公里，约占总面积的24.7%。",
     [("44.5万平方公里", "18万平方公里")]),
    ("中国共产党党员总数为9059.4万名。\n随着教育事业全面快速发展，大专及以上学历党员已达44937万名，占49.6%。",
     [("44937万名", "9059.4万名")]),
    # a level smaller than the part is no whole of it; a sibling with its own share neither
    ("全国共发展党员205.7万名。全国有女党员2167.2万名，占党员总数的24.7%。大专及以上学历党员3775.5万名，占党员总数的43.0%。", []),
    # 外贸总值 is 进出口总值 (indicator_synonyms), named by the level two paragraphs before
    ("我国外贸进出口总值11.54万亿元，同比下降4.9%。5月份当月，我国进出口总值2.47万亿元，同比下降4.9%。\n"
     "民营企业进出口5.11万亿元，增长1.8%，占我国外贸总值的44.3%。", [("5.11万亿元", "11.54万亿元")]),
    # 外贸总值 is 进出口总值 by the full name before the paragraph
    ("我国进出口总值2.34万亿元人民币，同比增长7.3%。\n1月份，我国一般贸易进出口13502.3亿元，同比增长18.4%，"
     "占我国外贸总值的57.7%。", [("13502.3亿元", "2.34万亿元")]),
    # a whole named otherwise than the part's 其中 total is not that total
    ("2013年到2022年，中国与共建国家进出口总额累计19.1万亿美元，年均增长6.4%。其中，2022年，中国与共建国家进出口总额"
     "近2.9万亿美元，占同期中国外贸总值的45.4%。", []),
    # no whole named nor in the sentence: the level before named by the part's indicator (销售收入, 利润总额),
    # not one whose own share names another whole, nor a bound that qualifies a noun (100亿元以上的企业);
    # a share of a balance (利润总额) too
    ("千户企业实现销售收入15230.8亿元，占6.7万户国有及国有控股企业的60%；实现利润总额720.7亿元。\n"
     "千户企业销售收入100亿元以上的企业23户。其企业户数占2%，销售收入为4797亿元，占31.5%；利润总额为403.2亿元，占56%。",
     [("4797亿元", "15230.8亿元"), ("403.2亿元", "720.7亿元")]),
    # 进出口 is no 出口
    ("民营企业进出口14.33万亿元，同比增长6%。其中机电产品出口8.97万亿元，同比增长3.6%，占同期我国出口总值的58%。", []),
    # a share naming no whole, in the paragraph after a share of a found whole of its unit: that whole
    ("拉美国家共引进外部资金1146亿多美元。在全部外资中，拉美国家政府和企业所获的资金共达776.66亿美元，占全部外资的七成左右。\n"
     "巴西、墨西哥和阿根廷3国所获的资金达888.2亿美元，占80%左右。",
     [("776.66亿美元", "1146亿多美元"), ("888.2亿美元", "1146亿多美元")]),
    # not past a blank line (another article), nor with a level of its unit before the part in its sentence
    ("拉美国家共引进外部资金1146亿多美元。在全部外资中，拉美国家政府和企业所获的资金共达776.66亿美元，占全部外资的七成左右。\n\n"
     "巴西、墨西哥和阿根廷3国所获的资金达888.2亿美元，占80%左右。", [("776.66亿美元", "1146亿多美元")]),
    ("拉美国家共引进外部资金1146亿多美元。在全部外资中，拉美国家政府和企业所获的资金共达776.66亿美元，占全部外资的七成左右。\n"
     "三国引进资金1000亿美元，巴西所获的资金达888.2亿美元，占80%左右。",
     [("776.66亿美元", "1146亿多美元"), ("888.2亿美元", "1000亿美元")]),   # its sentence's own level
    # a share naming only a place (占全球, 占世界) is of that place's whole, not of another subject's level
    ("截至北京时间今天（9月25日）16时，美国累计确诊病例4285万例，死亡病例68.7万例，占全球14%。", []),
    ("铁路营业里程达到12.1万公里，其中高速铁路1.9万公里，占世界60%以上。", []),
    # … and of a level that names that place
    ("全球新冠肺炎死亡病例472万例，美国死亡病例68.7万例，占全球14.5%。", [("68.7万例", "472万例")]),
    # a part of a 其中 list whose share names a whole by its full name, stated before the list's total (xwlb_20241107)
    ("今年前10个月，我国货物贸易进出口总值36.02万亿元，同比增长5.2%。\n"
     "今年前10个月，我国对共建“一带一路”国家进出口16.94万亿元，增长6.2%。其中，对东盟进出口5.67万亿元，增长8.8%，"
     "占同期我国进出口总值的15.7%。", [("5.67万亿元", "36.02万亿元")]),
]


@pytest.mark.parametrize("text,expected", NAMED_WHOLE_CASES, ids=[c[0][:12] for c in NAMED_WHOLE_CASES])
def test_share_of_a_named_whole(text, expected):
    assert named_wholes(text) == expected


def fact_names(text: str) -> list[dict[str, str]]:
    quantities, result = read_statements_of(text)
    return [{"level": quantities[f.level].text, **{k: quantities[v].text for k, v in f.figures}} for f in result.facts]


FACT_CASES = [
    # 高出 is a verb of change: the points between two rates
    ("才能开出17%的增值税发票，但企业的税率也比原来的3%高出了14个百分点。",
     [{"level": "17%", "before": "3%", "gain": "14个百分点"}]),
    # an average named again in words of its own (每亩产量), then its rate
    ("全国粮食作物单产382公斤/亩，每亩产量比上年增加0.9公斤，增长0.2%。",
     [{"level": "382公斤", "change": "0.9公斤", "rate": "0.2%"}, {"level": "382公斤", "increase": "0.9公斤"}]),
    # a part's rate set against its whole's rate (总体增速), the whole being its 其中 list's total
    ("我国货物贸易进出口16.72万亿元，同比增长8.6%。其中我国与沿线国家外贸进出口4.57万亿元，同比增长11.3%，"
     "增速高出同期我国外贸总体增速2.7个百分点。",
     [{"level": "16.72万亿元", "rate": "8.6%"}, {"level": "4.57万亿元", "rate": "11.3%"},
      {"level": "11.3%", "before": "8.6%", "gain": "2.7个百分点"}]),
    # a gap in points to a percentage named by words of its measure (收入 of 营业总收入)
    ("营业总收入同比增长8.9%，利润同比增长16.7%，增幅高于收入7.8个百分点。",
     [{"level": "16.7%", "gap": "7.8个百分点", "lower": "8.9%"}]),
    # the one named (制造业增加值) is not stated: the stated 高技术制造业增加值 is the figure's own
    ("规模以上工业增加值同比增长3.6%；高技术制造业增加值同比增长7.4%，高于制造业增加值增速4.4个百分点。", []),
    # a figure added by 加上 to the level before it (not its 其中 part), and the total named after it
    ("提前下达债务限额8480亿元，其中一般债务限额5580亿元、专项债务限额2900亿元。加上此前下达的专项债务1万亿元，"
     "共提前下达债务限额18480亿元。", [{"level": "18480亿元", "earlier": "8480亿元", "added": "1万亿元"}]),
    # what is still missing (还差) is no total, nor is a figure after 公共
    ("已经有20位路人归还了4800元，加上秦小亮自己捡回的3000元，还差9800元。", []),
    ("补助资金1亿元，加上已下达的10.8亿元，用于公共服务11.8亿元。", []),
    # a level that is no average is not named again by 每亩产量
    ("全年粮食播种面积17.5亿亩，每亩产量比上年增加0.9公斤，增长0.2%。", [{"level": "17.5亿亩", "rate": "0.2%"}]),
    # a rate of constant prices (增加值, or marked 实际/可比/不变价) is not bound beside a current-price increase;
    # an income's plain rate is of current prices
    ("规模以上工业增加值1200亿元，比上年增加60亿元，增长7.0%。",
     [{"level": "1200亿元", "change": "60亿元"}, {"level": "1200亿元", "increase": "60亿元"}]),
    ("全年全国居民人均可支配收入39218元，比上年增加2335元，增长6.3%，扣除价格因素，实际增长6.1%。",
     [{"level": "39218元", "change": "2335元", "rate": "6.3%"}, {"level": "39218元", "increase": "2335元"}]),
    # a change after a parenthetical speaks of the figure before it, not of one inside it
    ("年末全国民用汽车保有量33618万辆（包括三轮汽车和低速货车736万辆），比上年末增加1882万辆。",
     [{"level": "33618万辆", "change": "1882万辆"}, {"level": "33618万辆", "increase": "1882万辆"}]),
]


@pytest.mark.parametrize("text,expected", FACT_CASES, ids=[c[0][:12] for c in FACT_CASES])
def test_facts(text, expected):
    assert fact_names(text) == expected


PROPORTION_CASES = [
    # the rate itself, however it is stated (gwr_2016_national, bulletins, xwlb_20130915)
    ("到2020年，常住人口城镇化率达到60%、户籍人口城镇化率达到45%。", ["60%", "45%"]),
    ("城镇登记失业率控制在4.5%左右。", ["4.5%左右"]),
    ("乌海市的森林覆盖率也从2000年的8.8%提高到现在的20.5%。", ["8.8%", "20.5%"]),   # the level reached, too
    ("学前教育毛入园率提高到88.1%，高中阶段毛入学率达到91.2%。", []),   # gross ratios may pass 100% (open_rates)
    ("１９９７年全省普及率达到９５．５％。", ["９５．５％"]),
    ("全国重点监测的粮食生产、加工企业的复工率达94.6%。", ["94.6%"]),            # xwlb: 复工率
    ("根据法国内政部的公告，马克龙得票率为23.75%。", ["23.75%"]),                # xwlb: 得票率
    # not a proportion: a growth rate, a completion, a change in points, a share, a rate that may pass 100%
    ("全员劳动生产率年均增长5%左右。", []),
    ("森林覆盖率比上年提高0.6个百分点。", []),
    ("粮食自给率达到105%。", []),
    ("消费对经济增长的贡献率为66.4%。", []),
    ("覆盖率达到90%的地区，投资占比为35%。", ["90%"]),
]


@pytest.mark.parametrize("text,expected", PROPORTION_CASES, ids=[c[0][:12] for c in PROPORTION_CASES])
def test_proportions_are_rates_of_a_whole(text, expected):
    quantities, result = read_statements_of(text)
    bound = [quantities[dict(f.figures)["proportion"]].text for f in result.facts if "proportion" in dict(f.figures)]
    assert sorted(bound) == sorted(expected)


GROUP_SHARE_CASES = [
    ("在被访问的５４７名华裔男性移民中，２６％的人失业，６％的人只有兼职工作。", ["２６％", "６％"]),
    ("40家创意设计机构，其中60%以上都是外省来的年轻设计师。", ["60%以上"]),
    ("营业收入增长120%的企业有15家。", []),          # a growth rate, not a part of the group
    ("全市居民人均可支配收入的35%用于消费。", []),   # no group after it
    ("根据协定，中国96.8%的税目将实现自由化。", ["96.8%"]),                     # xwlb_20150617: counted things
    ("开化县下溪村有近65%的农户存在违建。", ["近65%"]),                         # xwlb_20191030: households
    ("马杜罗赢得67.8%的选票得以连任。", ["67.8%"]),                            # xwlb_20190112: votes
    ("上周五美方宣布拟对3000亿美元中国输美商品加征10%关税。", []),              # a rate, not a part
    ("美方对中国商品加征145%的关税。", []),                                    # a rate, no group of the vocabulary
]


@pytest.mark.parametrize("text,expected", GROUP_SHARE_CASES, ids=[c[0][:12] for c in GROUP_SHARE_CASES])
def test_group_shares_are_parts_of_their_group(text, expected):
    quantities, result = read_statements_of(text)
    bound = [quantities[dict(f.figures)["group_share"]].text for f in result.facts if "group_share" in dict(f.figures)]
    assert bound == expected


DIRECTION_CASES = [
    ("全盟贫困人口从2013年底的18.5万人减少到2019年底的12.5万人。", [("12.5万人", "fall_from", "18.5万人")]),
    ("城乡低保平均标准分别从2020年的645元/月、4318元/年提高到2025年的801元/月、7226元/年。",   # item by item
     [("801元", "rise_from", "645元"), ("7226元", "rise_from", "4318元")]),
    ("这五年，全体居民人均可支配收入由2.57万元增加到3.52万元、年均增长6.5%。",
     [("3.52万元", "rise_from", "2.57万元"), ("3.52万元", "yearly_rate", "6.5%")]),
    # a rank rises as its number falls, a precision is stated as an error (xwlb_20191210, _20220908, _20151020)
    ("营商环境明显改善，世行排名从2017年的78位跃升至2019年的31位。", []),
    ("我国从2012年的第34位上升到2021年的第12位。", []),
    ("神舟飞船返回控制及落点预报精度也由原来的10公里提高到1公里。", []),
    ("分别从100元、200元提高到300元。", []),   # sides of different lengths: which is which is unsure
]


@pytest.mark.parametrize("text,expected", DIRECTION_CASES, ids=[c[0][:12] for c in DIRECTION_CASES])
def test_directions_of_change_from_a_start(text, expected):
    quantities, result = read_statements_of(text)
    got = [(quantities[f.level].text, name, quantities[i].text) for f in result.facts for name, i in f.figures
           if name in ("rise_from", "fall_from", "yearly_rate")]
    assert got == expected


START_CASES = [
    # each end of 分别从A、B…到C、D starts from its own start, not from the nearest one
    ("城乡低保平均标准分别从2020年的645元/月、4318元/年提高到2025年的801元/月、7226元/年。",   # as the first of the side
     [("801元", "645元"), ("7226元", "4318元")]),
    ("城镇和农村居民人均可支配收入分别由20000元和10000元增加到30000元和15000元。",
     [("30000元", "20000元"), ("15000元", "10000元")]),
    ("分别从100元、200元提高到300元、400元。", [("300元", "100元"), ("400元", "200元")]),
    ("分别从100元、200元提高到300元。", []),   # sides of different lengths: which is which is unsure
]


@pytest.mark.parametrize("text,expected", START_CASES, ids=[c[0][:12] for c in START_CASES])
def test_each_end_starts_from_its_own_start(text, expected):
    quantities, result = read_statements_of(text)
    got = [(quantities[f.level].text, quantities[i].text) for f in result.facts for name, i in f.figures
           if name == "before"]
    assert got == expected


SHARE_GROUP_CASES = [
    # contributions to growth, one sentence each: the demand side is all of growth
    ("投资对经济增长的贡献率为57%，拉动GDP增长1.1个百分点。消费对经济增长的贡献率为35%。"
     "净流出对经济增长的贡献率为8%。", [("57%", "35%", "8%")]),
    # starting shares apart from those reached
    ("工业制成品的出口占出口总额的比重由77.5%上升到85.5%，而同期，初级产品的出口比重则由22.5%下降到14.5%。",
     [("77.5%", "22.5%"), ("85.5%", "14.5%")]),
    # each member's share of its own whole (城镇居民食品支出, 农村居民食品支出): no one whole
    ("城镇居民食品支出占比28.6%。农村居民食品支出占比32.1%。", []),
    # each from one place only: parts of one group that do not overlap
    ("其中47%来自中国内地，35%来自香港，12%来自台湾，其他人来自东南亚其他国家。", [("47%", "35%", "12%")]),
    # shares of two groups (税收, 就业), each from one place: no group
    ("税收的60%来自工业，就业的80%来自服务业。", []),
    # not every member named: no group
    ("投资对经济增长的贡献率为57%。消费对经济增长的贡献率为35%。", []),
    # right after their words in one sentence: the pattern rule shares-of-one-whole reads them
    ("第一产业增加值占国内生产总值比重为7.1%，第二产业增加值比重为39.0%，第三产业增加值比重为53.9%。", []),
]


@pytest.mark.parametrize("text,expected", SHARE_GROUP_CASES, ids=[c[0][:12] for c in SHARE_GROUP_CASES])
def test_share_groups(text, expected):
    quantities, result = read_statements_of(text)
    assert [tuple(quantities[i].text for i in g.parts) for g in result.share_groups] == expected


@pytest.mark.parametrize("text, shares, facts", [
    # a ratio of shares after a share word: its parts a share group; the parts' values before, by name
    ("公有制经济实现增加值833亿元，同比增长0.5%；非公有制经济实现增加值395亿元。公有与非公有制经济比重为67.8：32.2。",
     ["67.8", "32.2"], [("833亿元", "67.8", "395亿元", "32.2")]),
    # the values before name other parts than the ratio: no proportion
    ("油经济实现增加值275.7亿元；非油经济实现增加值952.3亿元。中直与地方经济比重为31.3：68.7。", ["31.3", "68.7"], []),
    # a score, ratios not of shares, a time: no share group (1.68:1 and 50：1 are plain ratio parts)
    ("甲乙两队比分为52：48，性别比是1.68:1，竞争比为50：1，10：30开会。", [], []),
    # a ratio that adds up to no 100 is still a proportion of the values before
    ("公有制经济实现增加值833亿元；非公有制经济实现增加值395亿元。公有与非公有制经济比重为27.8：32.2。",
     [], [("833亿元", "27.8", "395亿元", "32.2")]),
    # values of another indicator than the ratio's (三次产业投资比重): no proportion
    ("第一产业实现增加值47.5亿元；第二产业实现增加值730.5亿元；第三产业实现增加值450亿元。三次产业投资比重为6.8：77.3：15.9。",
     ["6.8", "77.3", "15.9"], []),
])
def test_ratio_of_shares(text, shares, facts):
    quantities, result = read_statements_of(text)
    assert [quantities[i].text for g in result.share_groups for i in g.parts] == shares
    found = [tuple(quantities[i].text for i in (f.level, *(i for _, i in f.figures))) for f in result.facts
             if dict(f.figures).keys() == {"ratio_share", "next_part", "next_share"}]
    assert found == facts


def test_no_clause_or_sentence_is_longer_than_a_writer_writes():
    # a page without marks (a hostile file, a table dumped as text) is cut into pieces of at most
    # LONGEST characters, so a look back over a clause or a sentence costs no more than over a real one
    from verify.statements.clauses import LONGEST, lay_out
    layout = lay_out("一二三四五六七八九十" * 500 + "，" + "其中国有企业310家，" * 400 + "。")
    for ends in (layout.sentence_ends, layout.clause_ends):
        spans = [b - a for a, b in zip((-1,) + ends, ends + (len(layout.text),))]
        assert max(spans) <= LONGEST
    assert set(layout.sentence_ends) <= set(layout.clause_ends)


def test_a_real_page_is_laid_out_as_its_marks_say():
    # the cut never touches a real page: the archive's longest sentence has 686 characters
    from verify.statements.clauses import CLAUSE_END, lay_out
    text = "。".join(f"全市共有企业{i}家，其中国有企业{i // 2}家" for i in range(300))
    assert lay_out(text).clause_ends == tuple(m.start() for m in CLAUSE_END.finditer(text))
