"""Warnings on the real texts of ../shared/corpus that are real oddities of the published text,
each with why it is one. Plain data: the corpus and mutation tests and benchmarks/quality.py read it."""

KNOWN_ODDITIES: set[tuple[str, str, str]] = {
    # "每年新增常住人口40—50万人": GB/T 15835 writes a range as 40万—50万; 40—50万 may be read 40 to 50万.
    ("xwlb_20200716.txt", "range-repeat-unit", "40—50万人"),
    # "占比提升至近五成左右": 近 (not quite) and 左右 (either side) qualify one figure twice, and disagree.
    ("xwlb_20190630.txt", "redundant-approximation", "近五成左右"),
    # "总产值超1420多亿元": 超 and 多 both say "more than"; one of them is redundant.
    ("xwlb_20200228.txt", "redundant-approximation", "超1420多亿元"),
}

# Errors on ../shared/archive that are real arithmetic mistakes of the published text, each checked
# by hand (the archive test allows these and no other errors): (folder/file, rule, figure).
PUBLISHED_MISTAKES: set[tuple[str, str, str]] = {
    # "工商税收收入7548亿元…比上年增长了17.2%，增收1114亿元": last year is 7548 − 1114 = 6434, and
    # 1114 ÷ 6434 = 17.31% (17.30% at the least, allowing rounding and truncation), not 17.2%.
    ("rmrb1998/rmrb_19980109.txt", "growth-change-rate", "１７·２％"),
    # "工商各税七十六点九六亿元，比去年同期增长百分之二十三点四一，增收十五点六亿元": 15.6 ÷ (76.96 − 15.6)
    # = 25.4%; at 23.41% the increase would be 14.6亿元 (a digit off in 十五/十四).
    ("rmrb1998/rmrb_19980115.txt", "growth-change-rate", "百分之二十三点四一"),
    # "各项外币存款余额为355.08亿美元，各项现汇贷款余额为397.87亿美元，贷存比为106.98%": 397.87 ÷ 355.08
    # = 112.05%; 106.98% is 379.87 ÷ 355.08 to the cent, so 397.87 has two digits swapped.
    ("rmrb1998/rmrb_19980115.txt", "loan-deposit-ratio", "１０６．９８％"),
    # "1997年世界旅游总收入达4482亿美元，比前年的4350.69亿美元增加了3.3%": 4482 ÷ 4350.69 − 1 = 3.02%;
    # at 3.3% the total would be 4494亿美元.
    ("rmrb1998/rmrb_19980129.txt", "growth-from-to", "３·３％"),
}
