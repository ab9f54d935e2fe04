"""The sample page, labelled by hand: every stated quantity, and the numeral words that are none.

The labels were written by reading reports/qingdao-daily-2022-11-04.txt sentence by sentence
and applying the precision convention of verify/quantities.py, not by copying the reader's
output. Each label names its line and an anchor (a nearby piece of text that locates it),
so a label is found in the text without trusting the reader's offsets.
"""

from __future__ import annotations

from dataclasses import dataclass

import pytest

from conftest import SAMPLE, Expected, expected_full_row, full_row, overlaps, read, sample_text
from verify.reading.document import Document


@dataclass(frozen=True)
class Label:
    """One labelled quantity: its line, an anchor that contains it, and what it states."""

    line: int
    anchor: str
    expected: Expected


def q(line, anchor, text, value, low, high, unit, kind, qualifier=None, scale=None, label=False) -> Label:
    """A label; anchor None means the span is its own anchor."""
    return Label(line, anchor or text, Expected(text, value, low, high, unit, kind, qualifier, scale, label))


def cal(line, anchor, text, iso, kind) -> Label:
    """A calendar label: ISO value, no numeric bounds."""
    return q(line, anchor, text, iso, None, None, None, kind)


def ordinal(line, anchor, text, value) -> Label:
    """An ordinal label: a rank, the point interval of its number."""
    return q(line, anchor, text, value, value, value, None, "ordinal")


def counted(line, text, total) -> Label:
    """A counted label in quotes such as “一匠五创”: kind count, unit 项, value = sum of numerals."""
    return q(line, f"“{text}”", text, total, total, total, "项", "count", label=True)


# fmt: off
LABELS = [
    # 5: headline
    cal(5, "前10月青岛", "前10月", "--01/--10", "date"),
    q(5, None, "33.88万人", "338800", "338750", "338850", "人", "amount", scale="万"),
    # 9
    cal(9, "11月3日下午", "11月3日", "--11-03", "date"),
    # 11
    counted(11, "两稳两增四优", "8"),
    # 13: the employment paragraph
    ordinal(13, "一是就业", "一", "1"),
    cal(13, "截至10月底", "10月底", "--10", "date"),
    q(13, None, "33.88万人", "338800", "338750", "338850", "人", "amount", scale="万"),
    q(13, None, "96.8%", "96.8", "96.75", "96.85", "%", "percent"),
    ordinal(13, "全省第一", "第一", "1"),
    q(13, None, "2.64万人", "26400", "26350", "26450", "人", "amount", scale="万"),
    q(13, None, "88%", "88", "87.5", "88.5", "%", "percent"),
    q(13, None, "4.12亿元", "412000000", "411500000", "412500000", "元", "amount", scale="亿"),
    q(13, "达到10.41亿元", "10.41亿元", "1041000000", "1040500000", "1041500000", "元", "amount", scale="亿"),
    q(13, None, "5.26万人", "52600", "52550", "52650", "人", "amount", scale="万"),
    ordinal(13, "二是劳动", "二", "2"),
    q(13, None, "21153起", "21153", "21152.5", "21153.5", "起", "count"),
    q(13, None, "69.05%", "69.05", "69.045", "69.055", "%", "percent"),
    q(13, None, "4860件", "4860", "4859.5", "4860.5", "件", "count"),
    q(13, None, "100%", "100", "99.5", "100.5", "%", "percent"),
    q(13, None, "3.97亿元", "397000000", "396500000", "397500000", "元", "amount", scale="亿"),
    ordinal(13, "三是社保", "三", "3"),
    q(13, "达到8.48万人", "8.48万人", "84800", "84750", "84850", "人", "amount", scale="万"),
    q(13, None, "2517家", "2517", "2516.5", "2517.5", "家", "count"),
    q(13, "达到12.7万人", "12.7万人", "127000", "126500", "127500", "人", "amount", scale="万"),
    q(13, None, "近63亿元", "6300000000", "5670000000", "6300000000", "元", "amount", "近", "亿"),
    ordinal(13, "四是人才", "四", "4"),
    q(13, None, "22.78万人", "227800", "227750", "227850", "人", "amount", scale="万"),
    q(13, None, "9347人", "9347", "9346.5", "9347.5", "人", "count"),
    q(13, None, "1.28万人", "12800", "12750", "12850", "人", "amount", scale="万"),
    # 15
    ordinal(15, "上接第一版", "第一", "1"),
    # 25
    cal(25, "2022年以来", "2022年", "2022", "year"),
    # 35
    q(35, "20条措施", "20条", "20", "19.5", "20.5", "条", "count"),
    q(35, None, "1.55万个", "15500", "15450", "15550", "个", "amount", scale="万"),
    # 39: 超过 leaves a lower bound, 余 reaches the next ten-thousand-step, 近万 an upper bound (its step
    # below is all of it)
    q(39, None, "超过百场次", "100", "100", "200", "场次", "count", "超过"),
    q(39, None, "20余万人次", "200000", "200000", "300000", "人次", "amount", "余", "万"),
    q(39, None, "近万人", "10000", "0", "10000", "人", "amount", "近"),
    # 43
    q(43, None, "4200余万元", "42000000", "42000000", "43000000", "元", "amount", "余", "万"),
    # 45
    q(45, "习5808人", "5808人", "5808", "5807.5", "5808.5", "人", "count"),
    q(45, None, "174场", "174", "173.5", "174.5", "场", "count"),
    q(45, None, "2360家", "2360", "2359.5", "2360.5", "家", "count"),
    q(45, None, "17.5万个", "175000", "174500", "175500", "个", "amount", scale="万"),
    q(45, None, "27万户", "270000", "265000", "275000", "户", "amount", scale="万"),
    q(45, None, "11亿元", "1100000000", "1050000000", "1150000000", "元", "amount", scale="亿"),
    q(45, None, "3300余户", "3300", "3300", "3400", "户", "count", "余"),
    q(45, None, "5.2亿元", "520000000", "515000000", "525000000", "元", "amount", scale="亿"),
    q(45, None, "4.24亿元", "424000000", "423500000", "424500000", "元", "amount", scale="亿"),
    q(45, None, "6.31万个", "63100", "63050", "63150", "个", "amount", scale="万"),
    # 47
    q(47, "18条新政", "18条", "18", "17.5", "18.5", "条", "count"),
    q(47, "15条举措", "15条", "15", "14.5", "15.5", "条", "count"),
    q(47, None, "24.4万个", "244000", "243500", "244500", "个", "amount", scale="万"),
    q(47, None, "3.81万个", "38100", "38050", "38150", "个", "amount", scale="万"),
    q(47, None, "3.7万人", "37000", "36500", "37500", "人", "amount", scale="万"),
    # 51: the next programme: date, its weekday in brackets, an afternoon time range
    cal(51, None, "11月4日", "--11-04", "date"),
    cal(51, "(周五)", "周五", "5", "weekday"),
    cal(51, None, "下午2:30-4:00", "14:30/16:00", "time"),
    # 58
    counted(58, "一匠五创", "6"),
    q(58, None, "800余万元", "8000000", "8000000", "9000000", "元", "amount", "余", "万"),
    q(58, None, "25家", "25", "24.5", "25.5", "家", "count"),
    q(58, None, "256家", "256", "255.5", "256.5", "家", "count"),
    q(58, None, "121个", "121", "120.5", "121.5", "个", "count"),
    q(58, None, "562人", "562", "561.5", "562.5", "人", "count"),
    q(58, None, "577人", "577", "576.5", "577.5", "人", "count"),
    q(58, None, "1000余项", "1000", "1000", "2000", "项", "count", "余"),
    # 60
    counted(60, "双元三地", "5"),
    q(60, None, "70余个", "70", "70", "80", "个", "count", "余"),
    cal(60, "2021年开展", "2021年", "2021", "year"),
    q(60, None, "9.3万人次", "93000", "92500", "93500", "人次", "amount", scale="万"),
    # 62: “1个专业+1个…+N个合作企业”: the + joins terms, it is no sign
    q(62, "“1个专业", "1个", "1", "0.5", "1.5", "个", "count"),
    q(62, "+1个共建", "1个", "1", "0.5", "1.5", "个", "count"),
    # 64
    counted(64, "三水统筹", "3"),
    # 69
    cal(69, "本报11月3日讯", "11月3日", "--11-03", "date"),
    counted(69, "一轴、一带、两湾", "4"),
    # 71
    q(71, None, "66条", "66", "65.5", "66.5", "条", "count"),
    q(71, None, "46处", "46", "45.5", "46.5", "处", "count"),
    q(71, "12条黑臭", "12条", "12", "11.5", "12.5", "条", "count"),
    # 79: ordinals of sessions; a 分别 list sharing the unit of its last member
    counted(79, "两代表一委员", "3"),
    ordinal(79, "二次党代会", "二次", "2"),
    ordinal(79, "三届人代会", "三届", "3"),
    q(79, "提高0.6、", "0.6", "0.6", "0.55", "0.65", "百分点", "point"),
    q(79, "0.5、0.5个", "0.5", "0.5", "0.45", "0.55", "百分点", "point"),
    q(79, None, "0.5个百分点", "0.5", "0.45", "0.55", "百分点", "point"),
    # 81
    cal(81, "2022年命名", "2022年", "2022", "year"),
    q(81, "达68.3%", "68.3%", "68.3", "68.25", "68.35", "%", "percent"),
    # 83
    q(83, None, "18%", "18", "17.5", "18.5", "%", "percent"),
    q(83, None, "26%", "26", "25.5", "26.5", "%", "percent"),
    q(83, None, "17名", "17", "16.5", "17.5", "名", "count"),
    q(83, "奖励1万元", "1万元", "10000", "5000", "15000", "元", "amount", scale="万"),
    # 117
    q(117, None, "15部", "15", "14.5", "15.5", "部", "count"),
    q(117, None, "6辆", "6", "5.5", "6.5", "辆", "count"),
    # 119
    q(119, "历时2天", "2天", "2", "1.5", "2.5", "天", "amount"),
    # 121: 余 after 万 reaches only the next 万
    q(121, None, "10万余平方米", "100000", "100000", "110000", "平方米", "amount", "余", "万"),
]

# Numeral-bearing words on the page that state no quantity: (line, anchor, word).
NOT_QUANTITIES = [
    (13, "生态进一步优化", "进一步"), (13, "效能进一步优化", "进一步"),
    (13, "体系进一步优化", "进一步"), (13, "结构进一步优化", "进一步"),
    (17, "一体谋划", "一体"), (21, "“十四五”", "十四五"), (21, "工作一体谋划", "一体"),
    (21, "统一领导", "统一"), (25, "作用进一步提升", "进一步"), (31, "下一步", "下一步"),
    (33, "一码受理", "一码受理"), (37, "双重", "双重"), (37, "一件让", "一件"), (37, "双赢", "双赢"),
    (41, "一次次", "一次次"), (43, "一揽子政策", "一揽子"), (47, "这一问题", "这一"),
    (47, "下一步", "下一步"), (47, "二十大", "二十大"), (56, "之一", "之一"),
    (60, "十大产业集群", "十大产业集群"), (60, "“1+X”", "1+X"), (62, "三大平台", "三大平台"),
    (69, "进一步提升", "进一步"), (75, "进一步整合", "进一步"), (77, "一系列", "一系列"),
    (81, "面向一线", "一线"), (83, "一次性", "一次性"), (85, "下一步", "下一步"),
    (85, "二十大", "二十大"), (91, "③", "③"), (97, "半导体", "半导体"), (101, "半导体", "半导体"),
    (103, "一把尺子", "一把尺子"), (103, "一碗水", "一碗水"), (103, "调解在一线", "一线"),
    (115, "每一处", "一处"), (115, "第一时间", "第一时间"), (119, "二次环境", "二次环境"),
]
# fmt: on

# Labels the reader gets wrong today: anchor -> the bug.
LABEL_BUGS: dict[str, str] = {}
# Non-quantities the reader reads as quantities today: word -> the bug.
NOT_QUANTITY_BUGS: dict[str, str] = {}


def _locate(text: str, items, anchor_of, span_of, line_of) -> list[tuple[int, int]]:
    """Offsets of each item: its anchor searched after the previous one, its span inside it."""
    doc = Document(str(SAMPLE), text)
    spans, cursor = [], 0
    for item in items:
        at = text.find(anchor_of(item), cursor)
        assert at >= 0, f"anchor {anchor_of(item)!r} not found after offset {cursor}"
        start = at + anchor_of(item).index(span_of(item))
        end = start + len(span_of(item))
        assert doc.position(start).line == line_of(item), f"{span_of(item)!r} is not on line {line_of(item)}"
        spans.append((start, end))
        cursor = end
    return spans


TEXT = sample_text()
LABEL_SPANS = _locate(TEXT, LABELS, lambda lb: lb.anchor, lambda lb: lb.expected.text, lambda lb: lb.line)
NOT_SPANS = _locate(TEXT, NOT_QUANTITIES, lambda n: n[1], lambda n: n[2], lambda n: n[0])


@pytest.fixture(scope="module")
def found():
    """The reader's quantities of the sample page."""
    return read(TEXT, str(SAMPLE))


def _label_id(i: int) -> str:
    return f"{LABELS[i].line}:{LABELS[i].expected.text}"


def _xfail_if(bugs: dict, key):
    return [pytest.mark.xfail(strict=True, reason=bugs[key])] if key in bugs else []


def test_labels_are_in_text_order():
    starts = [start for start, _ in LABEL_SPANS]
    assert starts == sorted(starts) and len(set(starts)) == len(starts)


@pytest.mark.parametrize(
    "index", [pytest.param(i, id=_label_id(i), marks=_xfail_if(LABEL_BUGS, LABELS[i].anchor))
              for i in range(len(LABELS))])
def test_labelled_quantity(found, index):
    """The reader returns exactly this labelled quantity at exactly its span."""
    start, end = LABEL_SPANS[index]
    expected = LABELS[index].expected
    at_start = [x for x in found if x.start == start]
    assert at_start, f"nothing read at {start} ({expected.text!r}); near it: " + repr(
        [(x.text, x.start) for x in found if overlaps(x, start - 5, end + 5)])
    got = at_start[0]
    assert (got.start, got.end) == (start, end)
    assert full_row(got) == expected_full_row(expected)


def test_nothing_read_beyond_the_labels(found):
    """Every quantity the reader returns is one of the labels (known spurious ones excepted)."""
    labelled = set(LABEL_SPANS)
    buggy = [NOT_SPANS[i] for i, (_, _, word) in enumerate(NOT_QUANTITIES) if word in NOT_QUANTITY_BUGS]
    buggy += [LABEL_SPANS[i] for i, lb in enumerate(LABELS) if lb.anchor in LABEL_BUGS]
    extra = [(x.text, x.start, x.end) for x in found
             if (x.start, x.end) not in labelled and not any(overlaps(x, s, e) for s, e in buggy)]
    assert extra == []


@pytest.mark.parametrize(
    "index", [pytest.param(i, id=f"{n[0]}:{n[2]}", marks=_xfail_if(NOT_QUANTITY_BUGS, n[2]))
              for i, n in enumerate(NOT_QUANTITIES)])
def test_not_a_quantity(found, index):
    start, end = NOT_SPANS[index]
    assert [(x.text, x.start) for x in found if overlaps(x, start, end)] == []


@pytest.mark.xfail(condition=bool(LABEL_BUGS or NOT_QUANTITY_BUGS), strict=True,
                   reason="the reader differs from the labels: " + "; ".join([*LABEL_BUGS.values(),
                                                                              *NOT_QUANTITY_BUGS.values()]))
def test_page_reads_exactly_as_labelled(found):
    """The whole list, in order, every field: the page as the reader must see it."""
    got = [(x.start, x.end, *full_row(x)) for x in found]
    want = [(*span, *expected_full_row(lb.expected)) for span, lb in zip(LABEL_SPANS, LABELS)]
    assert got == want
