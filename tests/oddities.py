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
