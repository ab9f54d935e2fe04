"""Titles and their bodies: which body figure the statement stage reads as a title's (table-driven)."""

from __future__ import annotations

import pytest

from conftest import read_statements_of


def pairs(text: str) -> list[tuple[str, str]]:
    quantities, reading = read_statements_of(text)
    return [(quantities[p.headline].text, quantities[p.body].text) for p in reading.headlines]


PAIR_CASES = [
    # a 分别 value pairs with a title that names its item and no other (贫困人口: 80%, the first); 到1997年底 is a
    # stock at the year's end, no flow over the year, so a title without a time may state it (rmrb_19980115)
    ("河北实施共富工程贫困人口脱贫率达到８％\n到１９９７年底，全省有５６３万贫困人口和１９４５个特困村脱贫，"
     "脱贫率分别达到８０％和７０％。", [("８％", "８０％")]),
    ("河北特困村脱贫率达到９０％\n到１９９７年底，全省有５６３万贫困人口和１９４５个特困村脱贫，"
     "脱贫率分别达到８０％和７０％。", [("９０％", "７０％")]),
    # a title that names both items, or neither, states no one value of the 分别
    ("河北贫困人口和特困村脱贫率达到９０％\n到１９９７年底，全省有５６３万贫困人口和１９４５个特困村脱贫，"
     "脱贫率分别达到８０％和７０％。", []),
    ("河北脱贫率达到９０％\n到１９９７年底，全省有５６３万贫困人口和１９４５个特困村脱贫，"
     "脱贫率分别达到８０％和７０％。", []),
    # a whole year (1997年) is a flow over the year: a title without a time is no pair for it
    ("河北实施共富工程贫困人口脱贫率达到８％\n１９９７年，全省有５６３万贫困人口和１９４５个特困村脱贫，"
     "脱贫率分别达到８０％和７０％。", []),
    # a year in Chinese numerals is a time, as 2013年 is, no word the title shares with the lead (probe
    # rewrite yr, xwlb_20140212 with 2013年 written 二〇一三年: 26.8% was paired with the lead's 5.8%)
    ("二〇一三年房地产用地同比增长26.8%\n国土资源部消息，二〇一三年全国国有建设用地供应量73万公顷，同比增长5.8%。"
     "其中，房地产用地量20万公顷，同比增长26.8%。", [("26.8%", "26.8%")]),
    # the same measure and time, named differently (前10月 = 截至10月底)
    ("前10月青岛城镇新增就业33.88万人\n截至10月底，全市城镇新增就业33.38万人，完成全年计划的96.8%。",
     [("33.88万人", "33.38万人")]),
    # two figures printed to one place with other digits are no equal restatement, though their intervals
    # meet (5% and 4% at 4.5%): the title's 5% is restated roughly by the lead's 5%左右 (no pair), and the 能耗
    # of 4% is no restatement of it (xwlb_20140813, its 4.2% rounded to 4% by the rounding probe)
    ("上半年我国碳强度下降5%\n上半年，我国单位国内生产总值能耗同比下降4%，碳强度下降5%左右，这也创下了最好成绩。",
     []),
    # … and the body's same-place figure that the title's words name still pairs, to be told apart
    ("前10月青岛城镇新增就业33.88万人\n截至10月底，全市城镇新增就业33.89万人，完成全年计划的96.8%。",
     [("33.88万人", "33.89万人")]),
    # a title rounds, or bounds with 超
    ("截至10月底地方政府债券发行超6万亿元\n财政部最新数据显示，截至10月底，今年已累计发行地方债61218亿元。",
     [("超6万亿元", "61218亿元")]),
    # 增速9.5% is a rate, like 增长9.5%
    ("一季度工业增速9.5% 总体符合预期\n今年一季度全国规模以上工业增加值的增速是5.5%，总体符合预期。",
     [("9.5%", "5.5%")]),
    # a rate speaks of its level's measure (新设立外商投资企业 … 同比增长)
    ("前4月我国新设立外商投资企业同比增95.4%\n数据显示，1至4月全国新设立外商投资企业19002家，同比增长55.4%。",
     [("95.4%", "55.4%")]),
    # 1月至11月份 is 前11月, as 1—11月 is
    ("前11月全国进出口增长12%\n1月至11月份，全国进出口总值比上年同期增长22%。", [("12%", "22%")]),
    # 9月 is not 前三季度
    ("9月居民消费价格总水平同比涨3.1%\n前三季度，全国居民消费价格总水平比去年同期上涨2.5%。", []),
    # a stock (已建成) against a flow of a period (今年前10个月): no pair
    ("我国已建成省级以上绿色矿山超5100家\n今年前10个月，我国新建成省级以上绿色矿山300余家。", []),
    # the parts of a list (1054家、4055家) add up to the title's total
    ("我国已建成省级以上绿色矿山超5100家\n截至目前，全国已建成1054家国家级绿色矿山、4055家省级绿色矿山。", []),
    # a place the title does not name: another subject, perhaps a part of the title's
    ("飓风“伊恩”在美国致87人死亡\n飓风“伊恩”在佛罗里达州已造成83人死亡，在北卡罗来纳州有4人死亡。", []),
    # 突破300万册 is more than 300万 (as 超过), and 317.6万册 restates it
    ("《习近平谈治国理政》发行突破300万册\n截至2015年1月15日，该书累计发行317.6万册。", [("突破300万册", "317.6万册")]),
    # 突破13万亿元 is more than 13万亿 (as 超过): 13.57万亿元 restates it
    ("2023年广东GDP突破13万亿元\n2023年广东地区生产总值达13.57万亿元，是全国首个突破13万亿元的省份。", [("突破13万亿元", "13.57万亿元")]),
    # 74名 and 8人 add up to the title's 82人
    ("也门政府军与胡塞武装交火致82人死亡\n政府军击退了胡塞武装，打死74名胡塞武装人员，政府军有8人死亡。", []),
    # counts of whole things add up to exactly their sum: 39个 and 16个 are no parts of a title's 56个 (xwlb_20140221)
    ("京津冀：56个城市空气重度污染\n截至今天下午2点，京津冀39个城市中，有16个城市为重度及以上污染。", [("56个", "16个")]),
    # an approximate body figure is not the precise title's statement
    ("西藏：精准扶贫 四年五十万人脱贫\n像这样明确帮扶措施的贫困群众还有30多人。", []),
    # an approximate body figure pairs only when names, period and what follows agree
    ("上半年我国碳强度下降5%\n 上半年，我国单位国内生产总值能耗同比下降4.2%，碳强度下降50%左右。", [("5%", "50%左右")]),
    # rates do not add up: 4.2% and 1%左右 are no parts of the title's 5%
    ("上半年我国碳强度下降5%\n 上半年，我国单位国内生产总值能耗同比下降4.2%，碳强度下降1%左右。", [("5%", "1%左右")]),
    # a target (下降40%-45%的目标) is no restatement of the title's figure
    ("国新办：2017年我国碳强度比2005年下降约46%\n2017年，中国碳强度比2005年下降约86%，已超过2020年碳强度下降40%-45%的目标。",
     [("约46%", "约86%")]),
    # the measure a figure qualifies is named after it (以3250亿美元的进出口总值); a dateline (1月22日讯) is no time
    ("中国外贸跻身全球十强去年进出口总值3250亿美元\n本报北京1月22日讯记者从海关总署获悉，1997年我国以7250亿美元的进出口总值，首次超过比利时—卢森堡。",
     [("3250亿美元", "7250亿美元")]),
    # a yearly average change (年均比上年增收900亿元) is not the year's change
    ("去年工商税收7548亿元全年增收1114亿元\n全年共完成工商税收收入7548亿元，在连续5年工商税收年均比上年增收900亿元的基础上，"
     "又比上年增长了17.2%，增收5114亿元。", [("7548亿元", "7548亿元"), ("1114亿元", "5114亿元")]),
    # the lead states the title's measure; a later sentence repeating the title's figure does not hide it
    ("前三季外贸同比增长16.6% 持续向好\n今年前三季度我国货物贸易进出口总值比去年同期增长56.6%，外贸发展新动能不断聚集。"
     "海关总署说，前三季度我国货物贸易进出口总值比去年同期增长16.6%。", [("16.6%", "56.6%")]),
    # what a count counts, less the times its words name (四条高速公路今天通车: 高速公路通车)
    ("湖北四条高速公路今天通车\n今天（7月16日），由湖北交投集团投资建设的40条高速公路通车，宣恩至鹤峰、恩施至建始。",
     [("四条", "40条")]),
    # a body figure stated ten times coarser (1亿户, 十项) decides nothing against the title's
    ("截至2022年底我国市场主体达1.39亿户\n记者今天（1月13日）从市场监管总局获悉，截至2022年底我国市场主体达1.69亿户，"
     "企业和个体工商户分别历史性地跃上5000万户和1亿户的大台阶。", [("1.39亿户", "1.69亿户")]),
    # 2024年春节假期 names the holiday, not the whole year 2024 (vocabulary period_words, holiday)
    ("春节假期5351.7万人次出入境 同比增长2.8倍\n2024年春节假期全国边检机关共验放中外出入境人员1351.7万人次，"
     "较2023年春节同期增长2.8倍。", [("5351.7万人次", "1351.7万人次"), ("2.8倍", "2.8倍")]),
    # a holiday's figure is not one day's (今天（5月5日）), but the day's figure restates it when equal
    ("“五一”假期预计全社会跨区域人员流动量累计14.67亿人次\n今天（5月5日）预计全社会跨区域人员流动量2.6亿人次，同比增长13%。"
     "从5月1日到5月5日，预计全社会跨区域人员流动量累计14.67亿人次。", [("14.67亿人次", "14.67亿人次")]),
    # the whole some of which the title counts (200万人口中已有…) is not its statement
    ("联合国机构称加沙地带140万人流离失所\n据联合国人道主义事务协调厅20日发布的报告，加沙地带200万人口中已有超过140万人"
     "流离失所。", []),
    # a hedged title (恐致300人死亡) is an estimate, not the body's count so far (已造成111人死亡)
    ("意海域偷渡船倾覆恐致300人死亡\n意大利海岸警卫队发言人说，偷渡船倾覆事件已造成111人死亡，超过150人获救，200人失踪，"
     "预计其中多数已经遇难，总遇难人数可能超过300人。", []),
    # a place (70公里处) is not what the title measures (烟柱高达两公里)
    ("墨西哥火山喷发 烟柱高达两公里\n波波卡特佩特火山27号喷发。当地安全部门封锁了火山周围的区域。"
     "波波卡特佩特火山位于墨西哥首都墨西哥城东南方向70公里处，上一次大规模喷发是在2000年。", []),
    # counted things alike for four characters before they part (大型活动顺利举行 / 大型活动安全顺利举行)
    ("春节期间全国治安秩序良好 5158场大型活动顺利举行\n春节期间，各地公安机关强化重点区域巡逻防控。截至2月17日17时，"
     "全国社会大局稳定，刑事治安警情同比下降，5108场大型活动安全顺利举行。", [("5158场", "5108场")]),
    # a bare later restatement (计60.88亿元) leaves the lead's named figure the title's statement
    ("国家发改委罚高通60.88亿元\n今天，国家发展改革委对高通公司滥用市场支配地位依法作出20.88亿元的罚款决定。"
     "依法处以高通公司2013年度在我国境内销售额761.02亿元人民币8%的罚款，计60.88亿元。", [("60.88亿元", "20.88亿元")]),
    # a running total (累计) is not the new ones a title counts; a number in a series (第37、38颗) is no amount
    ("美国单日新增确诊病例近24万例\n截至今天16时，美国累计确诊病例超过5154万例。22日，美国报告单日新增确诊病例238378例。",
     [("近24万例", "238378例")]),
    ("我国成功发射两颗北斗导航卫星\n昨天，我国以“一箭双星”方式成功发射第37、38颗北斗导航卫星。", []),
    ("墨西哥火山喷发 烟柱高达两公里\n波波卡特佩特火山位于墨西哥首都墨西哥城东南方向约70公里处。", []),
    # 1万5812例 is one figure (万 and the digits after it), restated by the body's 15812例
    ("日本新增确诊1万5812例 医院面临重压\n日本11日报告全国单日新增确诊15812例，为新高。东京都新增4200例。", [("1万5812例", "15812例")]),
    # of equally named figures in several sentences, the lead's is the title's
    ("全国共报告确诊病例600例 死亡13人\n截至目前，全国共报告60例人感染禽流感确诊病例，其中死亡13人。今天河南首次报告出现2例新发病例。",
     [("600例", "60例"), ("13人", "13人")]),
    # 当时 names another time than the title's
    ("美国龙卷风致5人死亡\n当时的龙卷风造成至少24人死亡、377人受伤。", []),
    # a duration is no amount of the measure
    ("中国制造业采购经理指数连续三个月保持扩张\n另外，装备制造业采购经理指数连续五个月位于扩张区间。", []),
    # a subheading opens another story: its figures are not the first title's body
    ("洛杉矶山火持续 仍有超17万人处于疏散令之下\n美国媒体报道，洛杉矶县仍有超过17万人处于疏散令之下。\n"
     "美加州一座发电站起火 一千多人疏散\n约1500人被要求疏散避难。", [("超17万人", "超过17万人"), ("一千多人", "约1500人")]),
    # a title that names no time before its figure names it after (入选2025年…): the body's 2025年…280条 is its statement
    ("28条河湖入选2025年幸福河湖优秀案例\n水利部近日发布2025年幸福河湖优秀案例名单，北京市亮马河等280条河湖入选。",
     [("28条", "280条")]),
    # …but a title's time before its figure is its own (一季度), whatever it names after
    ("一季度28条河湖入选2025年名单\n水利部近日发布2025年幸福河湖优秀案例名单，北京市亮马河等280条河湖入选。", []),
    # the lead's equal figure of the title's unit and role restates it, whatever its words
    ("日本石川县能登地区强震已致84人死亡\n据日本媒体报道，截至4日，地震已造成84人遇难。", [("84人", "84人")]),
    # a figure ten times coarser than the title's (1亿户) adds up with almost anything: no sum of parts,
    # so the body's 1.09亿户 (1.69亿户 changed) is the title's statement (xwlb_20230113)
    ("截至2022年底我国市场主体达1.69亿户\n记者从市场监管总局获悉，截至2022年底我国市场主体达1.09亿户，"
     "企业和个体工商户分别历史性地跃上5000万户和1亿户的大台阶。", [("1.69亿户", "1.09亿户")]),
    # a rate whose clause names no indicator takes the words of the clause before it, when that states no
    # figure: the lead's 25% (2.5% changed) is the title's statement, the later equal one repeats it (xwlb_20250609)
    ("前5个月我国货物贸易进出口同比增长2.5%\n海关总署今天公布数据显示，我国货物贸易进出口5月保持平稳增长，前5个月同比增长25%。"
     "据海关统计，今年前5个月，我国货物贸易进出口总值17.94万亿元，同比增长2.5%。", [("2.5%", "25%")]),
    # a place the title's event is said to have happened in (…省15日发生的6.2级地震已导致) is no other subject
    # (xwlb_20210118, 81人 changed to 810人 in the body)
    ("印尼地震导致的遇难人数升至81人\n印度尼西亚国家抗灾署17日说，西苏拉威西省15日发生的6.2级地震已导致810人死亡，超过250人重伤。",
     [("81人", "810人")]),
    # …but not after a figure of its sentence: 同比多增2.27万亿元 speaks of the 10.6万亿元 before it (xwlb_20230411)
    ("一季度人民币贷款增加106万亿元\n中国人民银行今天发布的数据显示，一季度人民币贷款增加10.6万亿元，同比多增2.27万亿元。",
     [("106万亿元", "10.6万亿元")]),
    # a title's figure no body figure can equal, whose words name it otherwise than the body's: the one body
    # figure of its unit, role and time with its digits moved (xwlb_20250722, 25% in the body changed to 2.5%;
    # xwlb_20250506, 超48亿件 to 超4.8亿件), or, three digits or more, one changed (xwlb_20240218, its title's
    # 136万余株 written 136.98万株) is the same figure misprinted
    ("惠誉将美国约25%行业展望下调至“恶化”\n央视网消息（新闻联播）：国际评级机构惠誉21日发布2025年年中展望，"
     "将美国约2.5%的行业前景下调至“恶化”，原因是不确定性增加、增长放缓。", [("约25%", "约2.5%")]),
    ("“五一”假期全国邮政快递业累计揽投快递包裹超48亿件\n记者从国家邮政局了解到，5月1日—5月5日，"
     "全国邮政快递业累计揽投快递包裹超4.8亿件，同比增长超两成，创历史同期新高。", [("超48亿件", "超4.8亿件")]),
    ("贵州今天开展义务植树活动 植树136.98万株\n今天（2月18日），贵州全省开展义务植树活动，共有16.77万人参加，"
     "植树136.97万株。", [("136.98万株", "136.97万株")]),
    # …not a figure of one significant digit (4 and 40 are too common to be one figure), not where two such
    # figures stand in the body, and not where a body figure can equal the title's
    ("吉林40项新举措赋能\n吉林在项目保障、审批便利、招投融资等方面，推出4项激励性政策。", []),
    ("惠誉将美国约25%行业展望下调至“恶化”\n央视网消息（新闻联播）：国际评级机构惠誉21日发布2025年年中展望，"
     "将美国约2.5%的行业前景下调至“恶化”，约250%的行业前景不变。", []),
    ("惠誉将美国约25%行业展望下调至“恶化”\n央视网消息（新闻联播）：国际评级机构惠誉21日发布2025年年中展望，"
     "将美国约2.5%的行业前景下调至“恶化”，约25%的行业前景不变。", [("约25%", "约25%")]),
]


@pytest.mark.parametrize("text,expected", PAIR_CASES, ids=[c[0][:14] for c in PAIR_CASES])
def test_title_figures_pair_with_the_body_statement_of_the_same(text, expected):
    assert pairs(text) == expected


def test_a_body_line_is_no_title():
    text = "截至10月底，全市城镇新增就业33.88万人，完成全年计划的96.8%。\n全市城镇新增就业33.38万人。"
    assert pairs(text) == []


def test_statements_command_shows_each_title_and_its_body_figure(tmp_path, capsys):
    """verify --statements: a line per title figure with the body figure read as the same, and JSON."""
    import json

    from verify.cli import main

    page = tmp_path / "page.txt"
    page.write_text("前10月青岛城镇新增就业33.88万人\n截至10月底，全市城镇新增就业33.38万人。\n", encoding="utf-8")
    assert main(["--statements", str(page)]) == 0
    assert "1:13 标题: 33.88万人 ~ 33.38万人 (2:16)" in capsys.readouterr().out
    assert main(["--statements", "--format", "json", str(page)]) == 0
    pairs_ = json.loads(capsys.readouterr().out)["files"][0]["headlines"]
    assert [(p["headline"]["text"], p["body"]["text"]) for p in pairs_] == [("33.88万人", "33.38万人")]
