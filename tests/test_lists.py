"""Lists in the statement stage: text -> the tallies it holds (family, stated, fewest, most, exact)."""

import pytest

from conftest import read_statements_of
from verify.statements.lists import split_items

SPLITS = [
    ("北京、上海、广州、深圳", 4, 4),
    ("巴西、墨西哥和阿根廷", 3, 3),                       # 和 before the last name joins two
    ("那曲、阿里、日喀则、拉萨、山南以及昌都", 6, 6),
    ("医药制造业、计算机及办公设备制造业投资", 2, 2),      # 制造业: 及 inside one name
    ("信息传输软件和信息技术服务业、租赁和商务服务业增加值", 2, 2),
    ("提案委员会、外事委员会、文史和学习委员会", 3, 3),
    ("批发和零售业、住宿和餐饮业", 2, 2),                  # vocabulary: one category each
    ("在区二次党代会和三届人代会、政协会", 3, 3),          # both end alike: two names
    ("沙特阿拉伯、阿尔及利亚和阿曼", 3, 3),                # 阿尔及利亚 is one name
    ("纺织服装、干鲜瓜果及坚果", 2, 3),                    # 及 may sit inside one category
    ("城镇和农村", 1, 2),                                   # no 、: either
    ("秦山核电站、广东岭澳核电站和江苏连云港核电站、田湾核电站", 4, 4),   # 核电站 on both sides of 和
    ("《邓小平同志像》、《和毛泽东同志在一起》", 2, 2),     # a title is one name
    ("新疆、西藏、甘肃、宁夏、青海和内蒙古、宁夏", 7, 7),   # two places: 和 joins two names
    ("诈骗、勒索和挪用公款、挪用公款", 4, 4),             # the right side is a name of the list
    ("西藏和四川、云南、甘肃、青海", 5, 5),
]


@pytest.mark.parametrize("text,fewest,most", SPLITS)
def test_split_items(text, fewest, most):
    split = split_items(text)
    assert (split.fewest, split.most) == (fewest, most)


TALLIES = [
    ("在册亨、罗甸、望谟、三都、贞丰、榕江、镇宁、关岭等8个重点县建设基地。", [("named-list", 8, 8, 8, False)]),
    ("那曲、阿里、日喀则、拉萨、山南以及昌都等６地市都出现了降雪。", [("named-list", 6, 6, 6, False)]),
    ("我国将参加滑冰、滑雪、冰球、冬季两项共４个大项。", [("named-list", 4, 4, 4, True)]),
    ("8个主要产油国：沙特阿拉伯、俄罗斯、伊拉克、阿联酋、科威特、哈萨克斯坦、阿尔及利亚和阿曼的代表决定10月继续增产，日均增产13.7万桶。",
     [("named-list", 8, 8, 8, True)]),
    ("这４座跨世纪的核电站分别是秦山二期、秦山三期、广东岭澳核电站和江苏连云港核电站。", [("named-list", 4, 4, 4, True)]),
    ("全国农村拥有五种主要农业机械（大型拖拉机、小型拖拉机、联合收割机、机动脱粒机、农用运输车）。", [("named-list", 5, 5, 5, True)]),
    ("督查北京、重庆、甘肃等2市1省的换届风气情况。", [("named-list", 3, 3, 3, False)]),
    ("北京、上海、广州、深圳40个一线城市新建商品住宅价格环比上涨。", [("named-list", 40, 4, 4, True)]),   # places
    # a name repeated right after a join: the join is between two names of one list, not two lists
    ("向新疆、西藏、甘肃、宁夏、青海和内蒙古、内蒙古等六个地区投放。", [("named-list", 6, 7, 7, False)]),
    ("那曲、阿里、日喀则、拉萨、山南以及昌都、昌都等６地市都出现了降雪。", [("named-list", 6, 7, 7, False)]),
    ("巴西、墨西哥和阿根廷、阿根廷3国所获的资金。", [("named-list", 3, 4, 4, True)]),
    ("西藏和四川、云南、甘肃、青海四省藏区干部群众。", [("named-list", 4, 4, 4, True)]),   # the 、 list after 和
    ("8个主要产油国：沙特阿拉伯、俄罗斯、伊拉克、阿联酋、科威特、哈萨克斯坦、阿尔及利亚和阿曼、阿曼的代表决定继续增产。",
     [("named-list", 8, 9, 9, True)]),   # the last name ends at 的
    ("客船上的400多名乘客涉及江苏、上海、天津、山东、浙江、福建、重庆和安徽等八个省市。",
     [("named-list", 8, 8, 8, False)]),   # the names start after the verb that takes them
    ("1月6日终于在美国波士顿法院承认犯有诈骗、勒索和挪用公款、挪用公款等3项罪名。",
     [("named-list", 3, 4, 4, False)]),   # a date in the clause's lead is no figure among the names
    ("取消、下放、转出49项审批事项。", []),   # far above names that are no places: not the list's count
    ("连同腹心区的浮山、翼城、沁水、士敏共９个县。", []),   # 共 far above: counts more than these names
    # counts that are not the list's: none
    ("党的十八大精神，把思想和行动统一到党的十八大上来。", []),
    ("31个省（自治区、直辖市）和新疆生产建设兵团报告新增确诊病例42例。", []),
    ("北京、天津、上海、重庆四个直辖市。", [("named-list", 4, 4, 4, True)]),   # the count right after a plain list
    ("巴西、墨西哥和阿根廷3国所获的资金达888.2亿美元。", [("named-list", 3, 3, 3, True)]),
    ("新增铜基新材料、长三角（含江西）大飞机2个国家先进制造业集群。", [("named-list", 2, 2, 2, True)]),
    ("提高城乡居民养老金、残疾人补贴等1项标准。", [("named-list", 1, 2, 2, False)]),   # 等1项: still counted
    ("主要有场道、围场路、机场围界、排水、消防给水、通讯导航等7项工程。", [("named-list", 7, 6, 6, False)]),
    # a count right after names without 等 that is not theirs: none
    ("实施“双极带动、多点支撑、三区协同”战略。", []),               # the count is an item
    ("从去年开始，中科院、科技部联合四省市启动了科技示范工程。", []),   # the object of a verb
    ("厦门远华队、上海浦东队和辽宁队各2人。", []),                  # 各: each
    ("河西地区、沿黄灌区、城郊县至少建3个。", []),                  # no noun after the count
    ("来自南部、西部和东部军区5个防空编队的1000多名官兵。", []),    # a body's head: its units are counted
    ("俄罗斯、德国、波兰、北欧五国和波罗的海三国共十一个成员国。", []),   # names that are counts
    ("我台综合频道、新闻频道及英语、法语、俄语3个外语频道进行直播。", [("named-list", 3, 3, 3, True)]),   # the 、 list after 及
    ("我台综合频道、新闻频道及英语、法语2个外语频道进行直播。", [("named-list", 2, 2, 2, True)]),
    ("包括省会、计划单列城市、经济特区和北京、天津、上海、重庆四个直辖市以及香港。", [("named-list", 4, 4, 4, True)]),
    ("经济特区和北京、天津、上海、重庆四个直辖市以及香港。", []),   # 4 may count 经济特区 and three: no reading
    ("北京和上海、广州三个城市。", []),   # the whole list may be the three: no reading
    ("提案委员会、经济委员会、社会和法制委员会、文史和学习委员会、外事委员会等五个专门委员会。",
     [("named-list", 5, 5, 5, False)]),   # 和 inside a name opens no second list
    ("取消、下放、转出49项涉及企业的投资核准事项。", []),             # far more than the names: verbs
    ("恩克鲁玛总统、毛泽东主席、周恩来总理等两国老一辈领导人。", []),
    ("严把土地、信贷两个闸门。", [("named-list", 2, 2, 2, True)]),   # gwr_2008_national: 两个 counts the names
    ("全力支持香港、澳门两个特别行政区发展经济。", [("named-list", 2, 2, 2, True)]),
    ("双方同意继续推进以协调、合作、稳定为基调的两国关系。", []),   # 两国: the two the text speaks of
    ("将有效缓解华东、华南、华中地区、川滇两省的用电紧张。", []),
    ("加强党政军警民“五位一体”合力强边固防工作。", []),   # five run together, no list (“五位一体” counts 5)
    ("构建起“一匠五创”(新区工匠,创新能手、班组、企业、工作室、成果)全员创新培育选树体系。",
     [("counted-label", 6, 6, 6, True)]),
    ("“七条底线”是：法律法规底线、社会主义制度底线、国家利益底线、公民合法权益底线、社会公共秩序底线、道德风尚底线和信息真实性底线。",
     [("counted-label", 7, 7, 7, True)]),
    ("我国对东盟、欧盟、美国进出口同比分别增长7.7%、2.9％、2％。", [("respectively", 3, 3, 3, True)]),
    ("跨国公司地区总部、外资研发中心分别新认定60家和30家，累计分别达到1016家和591家。",
     [("respectively", 2, 2, 2, True), ("respectively", 2, 2, 2, True)]),
    ("城镇、农村居民收入分别增长4.8%、5.9%。", [("respectively", 2, 2, 2, True)]),
    ("今年前11个月我国对东盟、欧盟进出口分别为4.24万亿元、4.05万亿元。", [("respectively", 2, 2, 2, True)]),
    ("全市110报警数、刑事立案数分别下降7%、14.4%。", [("respectively", 2, 2, 2, True)]),   # 110 is part of a name
    ("化学需氧量、二氧化硫排放总量首次出现双下降，比上年分别下降3.14%和4.66%。", [("respectively", 2, 2, 2, True)]),
    ("被告人甲、乙、丙犯包庇罪、受贿罪，分别被判处有期徒刑十六年、十三年、十一年。", []),   # no comparison: nothing to take
    ("5月份，电脑、家电、手机等电子产品出口分别增长47.6%、9.1%、3.7%。", [("respectively", 3, 3, 3, True)]),
    ("大力发展粮食、畜牧、果蔬“三位一体”的生产格局。", [("counted-label", 3, 3, 3, True)]),
    ("我们党领导人民统筹推进“五位一体”总体布局。", []),
    ("全体居民收入增长5.5%，城乡居民收入分别增长4.8%、5.9%。", [("respectively", 2, 2, 2, True)]),   # 城乡 packs two (packed_counts)
    ("全国进出口分别增长4.8%、5.9%。", []),    # 进出口 packs several, but no count is known for it (packed_counts)
    ("高技术制造业增加值分别增长8.9%、7.7%。", [("respectively", 2, 1, 1, True)]),   # one name: one item
    ("延续实施失业保险援企稳岗政策，城镇新增就业分别完成年计划的113.4%、256.1%。", [("respectively", 2, 1, 1, True)]),
    ("3月份价格环比下降的城市有50个，比2月份减少16个；持平和上涨的城市分别有8个和12个。", []),   # 平和 is no word here
    ("财政部发行60亿元债券，其中，3年期和5年期均为30亿元，发行利率分别为1.42%和1.56%。", []),   # names in the clause before
    # things each after a figure of its own, then one measure of each: as many names as things (贫困人口, 特困村脱贫)
    ("全省有５６３万贫困人口和１９４５个特困村脱贫，脱贫率分别达到８０％和７０％。", [("respectively", 2, 2, 2, True)]),
    ("全省有５６３万贫困人口和１９４５个特困村脱贫，脱贫率分别达到８０％、７５％和７０％。", [("respectively", 3, 2, 2, True)]),
    ("全省有５６３万贫困人口、１９４５个特困村和３个县脱贫，脱贫率分别达到８０％、７５％和７０％。", [("respectively", 3, 3, 3, True)]),
    ("白菜、萝卜大量上市。价格分别为每斤3元和4元。", []),
    ("巴西、墨西哥和阿根廷所获的资金达８８８．２亿美元。巴西是拉美地区吸收外资最多的国家。墨西哥阿根廷去年分别获得外资２８３．９８亿和２６０．１９亿美元。",
     []),   # two names stated apart before, written together without 、
    ("截至１９９７年底，我国广播电视的综合覆盖率已分别达到８５．８％和８７．４％。", []),   # 广播电视 packs two
    ("对中亚五国进出口分别增长37.2％、19％。", []),   # a numeral: 五国 packs five
    ("其价格分别为3元和4元。", []),                     # 其 points back
    ("41个国家先进制造业集群、30个国家级战略性新兴产业集群集聚成势，数量分别占到全国的51%和45%。", []),   # the list before a comma
    ("打造示范区1000万亩、“吨粮田”900万亩，粮肉奶产量分别稳定在800亿斤、60亿斤、160亿斤以上。", []),   # 粮肉奶 packs three
    ("粮食产量首次跃上1.4万亿斤新台阶、亩产提升10.1斤；高技术制造业增加值分别增长8.9%、7.7%。",
     [("respectively", 2, 1, 1, True)]),   # a 、 between two statements in a clause closed by ；
    ("能源集团、林草生态公司利润分别增长1倍和15倍，交通集团营收分别增长1.1倍和4.3倍。",
     [("respectively", 2, 2, 2, True), ("respectively", 2, 1, 1, True)]),   # 交通集团: one more 集团
    ("能源集团、文旅集团营收分别增长1倍和15倍，集团利润分别增长1.1倍和4.3倍。",
     [("respectively", 2, 2, 2, True), ("respectively", 2, 2, 2, True)]),   # 集团利润: the groups again
    ("总部、中心分别新认定60家和30家，累计分别达到1016家和591家；研发投入分别增长5%、6%。",
     [("respectively", 2, 2, 2, True), ("respectively", 2, 2, 2, True), ("respectively", 2, 1, 1, True)]),
    # after a ；the names of the first 分别 do not carry over
    ("增值税12.8亿元、城镇土地使用税9.5亿元、城市维护建设税3.3亿元，同比分别增长210.8%、29.5%、17.8%，"
     "企业所得税1.6亿元、个人所得税1.5亿元、房产税1.3亿元，同比分别下降31.5%、0.9%、39%。",
     [("respectively", 3, 3, 3, True), ("respectively", 3, 3, 3, True)]),   # the levels before name the items
    # verb-object pairs with levels of different units (the 开行N列、发送货物M标箱，同比分别增长x%、y%)
    ("中欧班列开行1.2万列、发送货物130万标箱，同比分别增长5%、8%。", [("respectively", 2, 2, 2, True)]),
    ("中欧班列开行1.2万列、发送货物130万标箱，同比分别增长5%、8%、10%。", [("respectively", 3, 2, 2, True)]),
    ("去年全省村集体年均为２３万元和２８００元，分别比上年增长１５％和１２．３％。",
     [("respectively", 2, 1, 1, True)]),   # names paired with values before: one name, two values
    ("城乡居民人均可支配收入为5万元和2万元，分别增长5%和6%。", []),   # 城乡 packs two
    ("提高最低工资、失业保险金标准，城镇新增就业分别完成年计划的113.4%、256.1%。",
     [("respectively", 2, 1, 1, True)]),   # the list before is the object of its own verb
    ("白菜、萝卜大量上市，价格分别为每斤1元、2元。", []),   # the list before may name the items
    ("３００多年来，仅有１９９０年和１９４９年、１９４８年的年平均气温高于１９９７年，分别为１０．６３摄氏度和１０．６２摄氏度。",
     [("respectively", 2, 3, 3, True)]),   # the years named before, not the one compared with
    ("2019年的营收和利润，分别为5亿元、1亿元。", []),   # one year dates several things
    ("３００多年来，仅有１９９０年和１９４９年的年平均气温高于１９９７年，分别为１０．６３摄氏度和１０．６２摄氏度。",
     [("respectively", 2, 2, 2, True)]),
    ("大企业开放创新中心80家、16家，累计分别达到1522家、103家。浦东新区法规分别新增4部、10部。",
     [("respectively", 2, 1, 1, True)]),   # the 、 between the values of a 分别 joins no names
    ("城乡居民人均可支配收入分别从2012年的18734元和11316元，增加到2021年的35786元。",
     [("respectively", 1, 2, 2, True), ("respectively", 2, 2, 2, True)]),   # 从 two values, 到 one; 城乡 packs two
    ("城乡居民人均可支配收入分别从2012年的18734元和11316元，增加到2021年的35786元和24040元。",
     [("respectively", 2, 2, 2, True), ("respectively", 2, 2, 2, True)]),   # 从/到 sides; 城乡 packs two
    ("仅有1990年和1949年的年平均气温高于1997年，分别为10.63摄氏度和10.62摄氏度。", [("respectively", 2, 2, 2, True)]),
    ("仅有1990年的年平均气温高于1997年，分别为10.63摄氏度和10.62摄氏度。", [("respectively", 2, 1, 1, True)]),   # one year of one thing
    ("2019年的城乡居民收入，分别为3万元和1万元。", []),   # one name that packs two
    ("居民消费价格分别由2月份下降0.1%和持平转为3月份上涨0.2%和0.3%。", []),   # 持平: a value in words
    ("将第二、三、四季度的增速预期从原来的7.1%、7.4%、7.5%分别调高至7.4%、7.5%和7.6%。", []),
    ("9月份国内70个大中城市中，北京、上海、广州、深圳4个一线城市上涨1.4%，天津等31个二线城市上涨0.7%，唐山等35个三线城市上涨0.6%。",
     [("count-partition", 70, 70, 70, True)]),
    ("41个工业大类行业中，农副食品加工业、汽车制造等29个行业利润同比增长，石油化工以及钢铁等11个行业利润同比下降。",
     [("count-partition", 41, 40, 40, False)]),
    ("31个省份中，20个省份增速超过6%，25个省份增速超过5%。", []),    # parts may overlap
    # xwlb_20200721 (300余件 with 余 left out): 包括…在内 names some, not all, of what is counted
    ("俄黑海舰队3000名军人，300件包括军舰、战机在内的技术装备接受检查。", [("named-list", 300, 2, 2, False)]),
    # probe rewrites (small counts as Chinese numerals and back), each text true as published:
    # xwlb_20200924 (1位, 4个 written 一位, 四个): the count may take in the one name before 和 (全国政协机关),
    # which is no name of a 、 list joined to another — unlike …、经济特区和北京、天津、上海、重庆四个直辖市
    ("十一位全国、省、市、县政协委员和一位基层群众在全国政协机关和浙江、广东、四川四个会场以及通过视频连线方式发言。", []),
    ("参加运动会的单位包括沿海开放城市、经济特区和北京、天津、上海三个直辖市以及香港特别行政区。",
     [("named-list", 3, 3, 3, True)]),
    # corpus xwlb_20260104 (78个, 2025年 written 七十八个, 二〇二五年): a year in Chinese numerals among the words
    # before 分别 is a time, as 2025年 is, and they are no plain list of names
    ("元旦假期，餐饮消费增长2.8%，全国七十八个重点步行街、商圈日均客流量、营业额较二〇二五年元旦分别增长5.9%和4.9%。", []),
    # gwr_2025_jiangxi: a 、 that opens a statement with a figure of its own leaves the count the list's apposition
    ("新增铜基新材料、长三角（含江西）大飞机2个国家先进制造业集群、总数达3个。", [("named-list", 2, 2, 2, True)]),
    # xwlb_20131208 (71个县 written 七十一个县): the noun after 3省 holds a count of its own, whose kinds the brackets list
    ("供水范围涉及江苏、安徽、山东3省的七十一个县(市、区)，直接受益人口1亿人。", []),
    # xwlb_20200607 (两个战场 written 2个战场): the counted phrase is one item of a 、 list that goes on after it
    ("正文分为4个部分，分别是中国抗击疫情的艰辛历程、防控和救治2个战场协同作战、凝聚抗击疫情的强大力量、共同构建人类卫生健康共同体。", []),
    # one name and one level to a clause, back to a clause that is no such pair (xwlb_20230411, rmrb_19980115)
    ("其中，3月份，中欧班列开行1488列，运送16.2万标箱，同比分别增长31%、52%。", [("respectively", 2, 2, 2, True)]),
    ("出口1.2万亿元，进口9000亿元，分别增长5.1%、3.2%和4.4%。", [("respectively", 3, 2, 2, True)]),
    # a first level no less than the sum of the others is their total, not one of the items
    ("全省地区生产总值2000亿元，一产100亿元，二产800亿元，三产1100亿元，分别增长3%、5%和6%。",
     [("respectively", 3, 3, 3, True)]),
    # a clause with two figures is no pair: nothing to count
    ("出口1.2万亿元，增长5%，进口9000亿元，分别增长5.1%、3.2%。", []),
    ("出口1.2万亿元，比上年增加300亿元，进口9000亿元，分别增长5.1%、3.2%。", []),   # a change, no name
    # a glossary entry: a line of its own, the items to the next line's end, all ending alike (gwr_2026_hainan)
    ("注释\n［17］四个一批：\n谋划一批、开工一批、建设一批、竣工一批。", [("counted-label", 4, 4, 4, True)]),
    ("注释\n［18］五张清单：项目盯引清单、储备清单、开工清单、在建清单、竣工清单。", [("counted-label", 5, 5, 5, True)]),
    # a label with no count in running text (大 and 库 are no classifiers) is read as the body quotes it;
    # 高等 inside a name does not close the list
    ("注释\n［11］四库：\n水库、粮库、钱库、碳库。", [("counted-label", 4, 4, 4, True)]),
    ("注释\n［19］三大行动：\n基础教育扩优提质行动、高等教育整体跃升行动、教育科技人才协同发展行动。",
     [("counted-label", 3, 3, 3, True)]),
    # …not a definition in a sentence, nor items that end otherwise, nor a list closed with 等
    ("注释\n［20］五个网：\n将水、电、光、气网融入路网。", []),
    ("注释\n［21］三个平台：\n城市规划建设管理委员会、城市规划建设管理委员会办公室、城市运行管理服务平台。", []),
    ("注释\n［22］三个清单：\n正面清单、负面清单等。", []),
    # …unless the label counts words that the items hold, each item one and each word in some item
    ("注释\n［21］一委一办一平台：\n城市规划建设管理委员会、城市规划建设管理委员会办公室、城市运行管理服务平台。",
     [("counted-label", 3, 3, 3, True)]),
    ("注释\n［14］两非两资：\n非主业、非优势、低效资产、无效资产。", [("counted-label", 4, 4, 4, True)]),
    ("注释\n［14］两非两资：\n非主业、低效资产、无效资产。", [("counted-label", 4, 3, 3, True)]),   # one dropped: a mismatch
    ("注释\n［14］两非两资：\n非主业、非优势、低效产业、无效产业。", []),   # no 资: not the label's items
    # a numbered note with its colon list on its line (gwr_2025_jiangxi) is read once, as the body reads a label
    ("名词注释\n12.“三通一码”：赣服通、赣政通、赣企通、赣通码。", [("counted-label", 4, 4, 4, True)]),
]


@pytest.mark.parametrize("text,expected", TALLIES)
def test_tallies(text, expected):
    _, reading = read_statements_of(text, "t.txt")
    found = [(t.family, t.stated, t.fewest, t.most, t.exact) for t in reading.tallies
             if t.family in {e[0] for e in expected} or not expected]
    assert sorted(found) == sorted(expected)


@pytest.mark.parametrize("text, count", [
    ("成功创建石化新材料、现代金融、现代商贸3个千亿级，食品工业、现代种业2个百亿级产业集群。", "3个"),   # gwr_2026_hainan
    ("在册亨、罗甸、望谟、三都、贞丰、榕江、镇宁、关岭等8个重点县建设露地冬春果菜基地6.2万亩。", "8个"),   # gwr_2026_guizhou
])
def test_a_named_list_rests_on_its_count(text, count):
    """The count of a named list is a figure the check rests on: it counts as checked (coverage)."""
    quantities, reading = read_statements_of(text, "t.txt")
    tally = next(t for t in reading.tallies if t.family == "named-list")
    assert [quantities[i].text for i in tally.figures] == [count]


def test_one_fault_is_one_finding():
    """Two rules that find the same figure wrong with the same arithmetic (the colon-list pattern and the
    statement stage's reading of a label) give the editor one finding, the surest."""
    from verify.checking.engine import check_document
    from verify.loaders import load_rules
    from verify.reading.document import Document

    text = "“七条底线”是：法律法规底线、社会主义制度底线、国家利益底线、公民合法权益底线、社会公共秩序底线和信息真实性底线。\n"
    result = check_document(Document("t.txt", text), load_rules())
    assert [(f.text, f.expected) for f in result.findings] == [("七条底线", "6")]
