"""分别: the values after it pair item by item with the names before it, so there are as many of each.

The values are the figures right after 分别 joined only by 、/和/及/与 (分别增长10.6%、7.5%和11.7%;
分别比上届提高0.6、0.5、0.5个百分点). The names are the list of the clause before 分别, after a time
that opens it (今年前11个月), split by shared heads (lists.split_items); a bare number is part of a
name (110报警数), a figure with a unit among the names means they are no plain list. A clause that
names nothing before 分别 (比上年分别下降…) takes its names from the 分别 before it in the sentence;
else, when it only compares, from the list of the clause before if that states no figure (化学需氧量、
二氧化硫排放总量首次出现双下降，比上年分别下降…); else from the clause just before when it is a 、
list of names each with one level (增值税12.8亿元、城镇土地使用税9.5亿元，同比分别增长…; levels in
clauses of their own, 客运量114亿人次，货运量99亿吨，分别增长2%和0.6%, are not read: the levels before
may include a lead figure), or names paired with values there without 分别 (村集体年均和农民人均纯收入为
23万元和2800元，分别比上年增长…), or the years it names (仅有1990年和1949年的年平均气温高于1997年，
分别为…). The names of a 分别 carry over to the next only when no other statement
stands between them (a figure, a ；). A clause that names one measure (脱贫率分别达到80%和70%) after a
clause listing things each after a figure of its own (全省有563万贫困人口和1945个特困村脱贫) takes those
things as its names, one to a value. Both ways are found: a value dropped as well as one added.
"""

from __future__ import annotations

import bisect
import functools
import re

from verify.frozen import record
from verify import regexes
from verify.reading.numerals import compile_alternation
from verify.reading.quantity import NUMERIC_KINDS, Quantity
from verify.statements.clauses import Layout
from verify.statements.lists import patterns as list_patterns
from verify.statements.lists import split_items
from verify.statements.packed import packed_count
from verify.statements.records import Statement, Tally
from verify.statements.respectively_names import (DIGIT, GLUE, NUMERAL, RUN_AFTER, change_verbs, figures_in,
                                                   items_with_figures_before, leading_time, levels_of_clause_before,
                                                   levels_of_clauses_before, names_of_clause_before,
                                                   names_with_values_before, strip_leads, years_before)
from verify.statements.vocabulary import Vocabulary, word_pattern

_RESPECTIVELY = regexes.lazy("分别")
_JOIN = regexes.lazy(r"、|和|及|与")
_RUN_BEFORE = regexes.lazy(r"[\u4e00-\u9fff]{2,6}$")
_LISTED = regexes.lazy(r"[^\s,;:。；！？!?](?:和|及|与|以及)[^\s,;:。；！？!?]")


def respectively(quantities: list[Quantity], statements: dict[int, Statement], layout: Layout,
                 vocab: Vocabulary) -> list[Tally]:
    """Every 分别 with two or more values and names it can be checked against."""
    view = layout.text
    found: list[Tally] = []
    starts = [q.start for q in quantities]
    previous: dict[tuple[int, int], _Last] = {}   # sentence -> its last checked 分别
    bound: list[tuple[int, int]] = []   # where the values of each 分别 so far are: their 、 join no names
    for m in _RESPECTIVELY.finditer(view):
        first = bisect.bisect_left(starts, m.end())
        values = _values(first, quantities, view, m.end())
        pair = _from_to(values, quantities, starts, view, m.end(), vocab)
        if pair is not None:
            found.append(pair)
        if len(values) < 2:
            continue
        spot = _Spot(tuple(values), (quantities[values[0]].start, quantities[values[-1]].end),
                     layout.clause(m.start()), layout.sentence(m.start()),
                     leading_time(layout.clause(m.start())[0], m.start(), quantities, starts, view))
        bound.append(spot.span)
        names = strip_leads(view[spot.lead:m.start()].strip())
        own = bool(names) and not _empty(vocab.words("compare_marks"), vocab.words("respectively_fillers")).match(names)
        if own and _figures_among(spot.lead, m.start(), quantities, starts):
            continue   # 从原来的7.1%、7.4%分别调高至…, 78个步行街、商圈…: figures among the names
        carried = previous.get(spot.sentence)
        if carried is not None and not _carries_over(carried, names, spot.lead, quantities, starts, view, vocab):
            carried = None
        tally, last = _tally(spot, names, own, carried, previous.get(spot.sentence), bound, layout, quantities,
                             starts, vocab)
        if tally is not None:
            found.append(tally)
        previous[spot.sentence] = last
    return found


@record(slots=True)
class _Spot:
    """One 分别 with two or more values: where it is, its values, and where its names may begin."""

    values: tuple[int, ...]
    span: tuple[int, int]        # from the first value to the last
    clause: tuple[int, int]
    sentence: tuple[int, int]
    lead: int                    # after a time that opens the clause


@record(slots=True)
class _Last:
    """The last checked 分别 of a sentence, whose names a later one may take."""

    count: int                   # its values
    end: int                     # where they end
    items: tuple[str, ...]       # its names


def _tally(spot: _Spot, names: str, own: bool, carried: _Last | None, before: _Last | None,
           bound: list[tuple[int, int]], layout: Layout, quantities: list[Quantity], starts: list[int],
           vocab: Vocabulary) -> tuple[Tally | None, _Last]:
    """What one 分别 counts against (`carried`: the 分别 before it in its sentence, when it may take its
    names; `before`: that 分别 in any case), and what it leaves for the next one."""
    if own:
        split = split_items(names)
        if split.most < 2 and carried is None:
            last = _Last(len(spot.values), spot.span[1], split.items)
            things = items_with_figures_before(spot.clause, spot.sentence, layout, quantities, starts)
            if things is not None:   # 563万贫困人口和1945个特困村脱贫，脱贫率分别…: one measure of each thing
                return Tally("respectively", len(spot.values), spot.span, things[1].items, things[1].most,
                             things[1].most, True, things[0], spot.span[1], certain=False,
                             figures=spot.values), _Last(len(spot.values), spot.span[1], things[1].items)
            since = before.end if before else None
            if _single(names, spot.lead, layout, vocab, bound, quantities, starts, since):
                return Tally("respectively", len(spot.values), spot.span, split.items, 1, 1, True, spot.lead,
                             spot.span[1], certain=False, figures=spot.values), last   # 高技术制造业增加值分别增长8.9%、7.7%
            packs = packed_count(names, vocab)
            if packs is not None and _single(names, spot.lead, layout, vocab, bound, quantities, starts, since,
                                             packed=True):
                return Tally("respectively", len(spot.values), spot.span, split.items, packs, packs, True, spot.lead,
                             spot.span[1], certain=False, figures=spot.values), last   # 汽车产销分别完成…: two
            return None, last   # one name (城乡居民收入, 一二三产): it may pack several; nothing to count
        if split.most >= 2:
            etc = "等" in names   # 电脑、家电、手机等电子产品: examples of a group; more values may follow
            return Tally("respectively", len(spot.values), spot.span, split.items, split.fewest, split.most, True,
                         spot.clause[0], spot.span[1], certain=split.fewest == split.most and not etc,
                         figures=spot.values), _Last(len(spot.values), spot.span[1], split.items)
        # 累计分别达到…, 占…比重分别…: the names of the 分别 before
    tally = _names_elsewhere(list(spot.values), spot.span, spot.clause, spot.sentence, names,
                             carried.count if carried else None, layout, quantities, starts, vocab)
    return tally, _Last(len(spot.values), spot.span[1], carried.items if carried else ())


def _carries_over(carried: _Last, names: str, lead: int, quantities: list[Quantity],
                  starts: list[int], view: str, vocab: Vocabulary) -> bool:
    """Whether a 分别 whose clause names one thing or nothing takes the names of the 分别 before it in
    its sentence (…分别新认定60家和30家，累计分别达到1016家和591家): not when another statement stands
    between them — a figure of its own or a ；(…分别增长8.9%、7.7%，新能源汽车年产量突破1300万辆；信息传输…
    增加值分别增长…) — nor when the name is one more thing of the kind the names before were, ending
    in the same head of a body (能源集团、林草生态公司利润分别…，交通集团营收分别…: 集团)."""
    end, items = carried.end, carried.items
    if "；" in view[end:lead] or ";" in view[end:lead]:
        return False
    i = bisect.bisect_left(starts, end)
    if i < len(quantities) and quantities[i].start < lead and any(
            quantities[k].kind in NUMERIC_KINDS for k in range(i, bisect.bisect_left(starts, lead))):
        return False
    heads = tuple(vocab.words("unit_heads"))
    for item in items:
        for size in (4, 3, 2):
            tail = item[-size:]
            at = names.find(tail)
            if len(item) > size and tail.endswith(heads) and RUN_AFTER.fullmatch(tail) and at >= 2 \
                    and _RUN_BEFORE.search(names[:at]) and item not in names:
                return False   # 交通集团: a name of its own before the head (not 集团利润, the groups again)
    return True


def _names_elsewhere(values: list[int], span: tuple[int, int], clause: tuple[int, int], sentence: tuple[int, int],
                     names: str, count: int | None, layout: Layout, quantities: list[Quantity],
                     starts: list[int], vocab: Vocabulary) -> Tally | None:
    """A 分别 whose clause names nothing of its own: as many names as the 分别 before it in its sentence
    had values (`count`), else, when the clause only compares, the list of the clause before; else the
    levels listed in the clause before, one to a name (增值税12.8亿元、城镇土地使用税9.5亿元、城市维护
    建设税3.3亿元，同比分别增长…); else the names of a clause before that pairs names with values itself
    (村集体年均和农民人均纯收入为23万元和2800元，分别比上年增长…); else the years a clause before names
    (仅有1990年和1949年的年平均气温高于1997年，分别为…)."""
    if count:
        return Tally("respectively", len(values), span, (), count, count, True, clause[0], span[1],
                     certain=False, figures=tuple(values))
    listed = names_of_clause_before(clause, sentence, layout, starts) if names else None
    if listed is None:
        listed = levels_of_clause_before(clause, sentence, layout, quantities, starts)
    if listed is None:
        listed = levels_of_clauses_before(clause, sentence, layout, quantities, starts, vocab)
    if listed is None:
        listed = names_with_values_before(clause, sentence, layout, quantities, starts, vocab)
    if listed is None:
        listed = years_before(clause, sentence, layout, quantities, starts, vocab)
    if listed is None:
        return None
    start, split = listed
    return Tally("respectively", len(values), span, split.items, split.fewest, split.most, True,
                 start, span[1], certain=False, figures=tuple(values))


def _from_to(values: list[int], quantities: list[Quantity], starts: list[int], view: str, after: int,
             vocab: Vocabulary) -> Tally | None:
    """分别从27只、42只增长到70只、80只: as many values after 到/至 as after 从/由 (one dropped from either
    side is a finding). The values after 从 must end right before the verb and its 到 (not 由2月份下降0.1%
    和持平转为…: a value in words among them)."""
    if not values or not view.startswith(("从", "由"), after):
        return None
    last = quantities[values[-1]]
    verb = _to_pattern(vocab).match(view, last.end)
    if verb is None:
        return None
    to = _values(bisect.bisect_left(starts, verb.end()), quantities, view, verb.end())
    if not to or max(len(to), len(values)) < 2:
        return None
    end = quantities[to[-1]].end
    if end < len(view) and view[end] not in ",;。；！？!?\n":
        return None   # …降至2秒、3秒左右的: the values after 到 run on
    named = tuple(quantities[i].text for i in values)
    return Tally("respectively", len(to), (quantities[to[0]].start, end), named, len(values), len(values), True,
                 after - 2, end, certain=False, figures=tuple(values) + tuple(to))


def _to_pattern(vocab: Vocabulary) -> re.Pattern[str]:
    return _to_after(vocab.words("change_up") + vocab.words("change_down"))


@functools.cache
def _to_after(verbs: tuple[str, ...]) -> re.Pattern[str]:
    """到/至 after a verb of change (提高到, 调低至), or 转为/变为: built once, not at every 分别."""
    verbs += ("调高", "调低", "调整", "压缩", "下调", "上调")
    return regexes.compile(r"[\s,]*(?:" + compile_alternation(set(verbs)) + r")(?:到|至)|\s*(?:转为|变为)")


def _single(name: str, start: int, layout: Layout, vocab: Vocabulary, bound: list[tuple[int, int]],
            quantities: list[Quantity], starts: list[int], since: int | None, packed: bool = False) -> bool:
    """One name before 分别 that can only be one thing (高技术制造业增加值, 能源集团利润): no word that packs
    several (城乡, 进出口, 存贷款; `packed_names`), no numeral (中亚五国, 两市, 一二三产), no word pointing
    back (其, 上述, 二者; `back_references`), no 分别 before it in its sentence whose names it may take
    (`since`, where the values of a 分别 before it end, when that one's names do not carry over: the
    caller asks _carries_over; its names paired with its values, and only the text after them counts),
    no list in its clause or the clause before (白菜、萝卜上市。价格分别为…: the names are elsewhere; a
    clause before that opens with a verb of change lists its own objects: 提高最低工资、失业保险金标准; the
    values of a 分别 are no list of names, and in a clause closed by ；or 。 a 、 between figures joins
    statements, not names: 首次跃上1.4万亿斤新台阶、亩产提升10.1斤；…; before a comma such a list may
    still be the names: 41个国家先进制造业集群、30个…产业集群集聚成势，数量分别占到…), and not two
    names that the text before it states apart (巴西、墨西哥和阿根廷…。墨西哥阿根廷去年分别…: a 、 left
    out). With `packed`, the name packs a known number of items (packed.py has checked its words), and
    only the context is asked."""
    view = layout.text
    if len(name) < 2 or list_patterns().soft.search(_compounds(vocab).sub("_", name)) or not packed and (
            NUMERAL.search(name) or any(w in name for w in vocab.words("packed_names") + vocab.words("back_references"))):
        return False   # 持平和上涨的城市: 平和 is a word, but here 和 joins two names
    sentence, clause = layout.sentence(start), layout.clause(start)
    before = layout.clause(clause[0] - 2) if clause[0] >= 2 else clause
    if since is not None and since > before[0]:
        before = (since, before[1])
    if before != clause and strip_leads(view[before[0]:before[1]].strip()).startswith(change_verbs(vocab)):
        before = clause   # 提高最低工资、失业保险金标准，城镇新增就业分别…: the list is the object of its own verb
    region = view[before[0]:start]
    for a, b in bound:   # …累计分别达到1522家、103家。浦东新区法规分别新增…: values, not names
        if before[0] <= a and b <= start:
            region = region[:a - before[0]] + "_" * (b - a) + region[b - before[0]:]
    if since is None and "分别" in view[sentence[0]:start]:
        return False
    closed = before != clause and view[before[1] - 1] in "；;。"   # the clause before ends its statement
    if _names_joined(region, before[0], quantities, starts, closed) \
            or _LISTED.search(list_patterns().compound.sub("_", region)):
        return False
    return not _holds_two_names(name, view[max(0, start - 300):start])


def _names_joined(region: str, offset: int, quantities: list[Quantity], starts: list[int], closed: bool) -> bool:
    """Whether a 、 in the region joins names (or values that pair with names elsewhere: 创新中心80家、
    16家): in a `closed` clause before, not when it joins two statements, each piece with a figure in
    digits and the piece after it with words of its own (…首次跃上1.4万亿斤新台阶、亩产提升10.1斤；)."""
    for m in re.finditer("、", region):
        if not closed:
            return True
        left = max(region.rfind(mark, 0, m.start()) for mark in "、,;；:。") + 1
        right = min((k for k in (region.find(mark, m.end()) for mark in "、,;；:。") if k >= 0), default=len(region))
        before, after = figures_in(offset + left, offset + m.start(), quantities, starts), \
            figures_in(offset + m.end(), offset + right, quantities, starts)
        words = region[m.end():right]
        for q in after:
            words = words.replace(q.text, "")
        if not (before and after and re.search(r"[\u4e00-\u9fff]{2}", words)):
            return True
    return False


def _holds_two_names(name: str, window: str) -> bool:
    """Whether the name holds two names that the window writes beside a join (巴西、墨西哥和阿根廷…, then
    墨西哥阿根廷去年分别…): the last characters before a join or the first after it, two or more."""
    spans = set()
    for m in _JOIN.finditer(window):
        left = _RUN_BEFORE.search(window, 0, m.start())
        right = RUN_AFTER.match(window, m.end())
        ends = [left.group()[-size:] for size in range(2, len(left.group()) + 1)] if left else []
        ends += [right.group()[:size] for size in range(2, len(right.group()) + 1)] if right else []
        for piece in ends:
            at = name.find(piece)
            if at >= 0:
                spans.add((at, at + len(piece)))
    return any(a[1] <= b[0] for a in spans for b in spans)


def _compounds(vocab: Vocabulary) -> re.Pattern[str]:
    """The names with 、 or 和/及 inside that are one item (信息传输软件和信息技术服务业)."""
    return word_pattern(vocab.words("compound_names"))


def _figures_among(start: int, end: int, quantities: list[Quantity], starts: list[int]) -> bool:
    """A figure in digits with a unit, a date or a year between the names: they are no plain list of
    names (a bare number is part of a name: 110报警数; 九年义务教育, 万元GDP are words). A year or date
    in Chinese numerals (较二〇二五年元旦) is one as much as 2025年 is."""
    i = bisect.bisect_left(starts, start)
    while i < len(quantities) and quantities[i].start < end:
        q = quantities[i]
        if DIGIT.search(q.text) and (q.kind != "amount" or q.unit) or q.kind in ("year", "date"):
            return True
        i += 1
    return False


_SENTENCE_MARK = regexes.lazy(r"[。；;!?！？\n]")


def _values(first: int, quantities: list[Quantity], view: str, after: int) -> list[int]:
    """The figures right after 分别 (within a few words), joined only by 、/和/及/与."""
    values: list[int] = []
    for i in range(first, min(len(quantities), first + 12)):
        q = quantities[i]
        if q.kind not in NUMERIC_KINDS:
            if values or q.kind not in ("year", "date"):
                break
            continue   # 分别从2020年的645元/月、…: a time before the first value
        gap = view[(quantities[values[-1]].end if values else after):q.start]
        if values and not GLUE.fullmatch(gap):
            break
        if not values and (len(gap) > 16 or _SENTENCE_MARK.search(gap)):
            break
        values.append(i)
    return values


@functools.cache
def _empty(compare: tuple[str, ...], fillers: tuple[str, ...]) -> re.Pattern[str]:
    """Words before 分别 that name nothing: comparisons (compare_marks of two characters and more:
    同比, 比上年同期; 比2012年), and the fillers of the vocabulary's respectively_fillers (增幅, 也, 各)."""
    words = tuple(w for w in compare if len(w) >= 2) + fillers
    return regexes.compile(rf"^(?:[\s,，]|(?:比|较)\d{{4}}年|{word_pattern(words).pattern})*$")
