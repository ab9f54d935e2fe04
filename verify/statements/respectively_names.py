"""Where the names of a 分别 come from when its own clause names none (respectively.py): the clause
before it, when that lists names and states no figure (化学需氧量、二氧化硫排放总量首次出现双下降，比上年分别
下降…), lists names each with one level (增值税12.8亿元、城镇土地使用税9.5亿元，同比分别增长…), or the clauses
before are one name and one level each (开行1488列，运送16.2万标箱，同比分别增长…), pairs names
with values of its own (村集体年均和农民人均纯收入为23万元和2800元，分别比上年增长…), or names years
(仅有1990年和1949年的年平均气温高于1997年，分别为…); and where names begin after a time that opens a
clause (今年前11个月我国对东盟、欧盟…).
"""

from __future__ import annotations

import bisect
import functools
import re

from verify import regexes
from verify.reading.numerals import compile_alternation
from verify.reading.quantity import NUMERIC_KINDS, Quantity
from verify.statements.clauses import Layout
from verify.statements.lists import split_items
from verify.statements.names import Split
from verify.statements.vocabulary import Vocabulary, vocabulary, word_pattern

GLUE = regexes.lazy(r"\s*(?:、|和|及|与|以及)\s*")   # between two values or names of one list
NUMERAL = regexes.lazy(r"[0-9０-９一二两三四五六七八九十百千双]")
DIGIT = regexes.lazy(r"\d")   # a figure written in digits
RUN_AFTER = regexes.lazy(r"[\u4e00-\u9fff]{2,6}")


@functools.cache
def _leads() -> re.Pattern[str]:
    """The words that open a clause and name nothing (name_leads), one or more of them."""
    return regexes.compile("(?:" + compile_alternation(vocabulary().words("name_leads")) + ")+")


def strip_leads(text: str) -> str:
    """The text less the words that open it and name nothing (其中, 同期, 今年 …)."""
    lead = _leads().match(text)
    return text[lead.end():] if lead else text


def names_of_clause_before(clause: tuple[int, int], sentence: tuple[int, int], layout: Layout,
                            starts: list[int]) -> tuple[int, object] | None:
    """比上年分别下降3.14％和4.66％ after 化学需氧量、二氧化硫排放总量首次出现双下降: a clause that only
    compares takes the names listed in the clause before it, when that clause states no figure."""
    if clause[0] - 1 <= sentence[0] or layout.text[clause[0] - 1] != ",":
        return None
    start, end = layout.clause(clause[0] - 2)
    text = strip_leads(layout.text[start:end - 1].strip())
    i = bisect.bisect_left(starts, start)
    if "、" not in text or (i < len(starts) and starts[i] < end):
        return None
    split = split_items(text)
    return (start, split) if split.most >= 2 else None


def levels_of_clause_before(clause: tuple[int, int], sentence: tuple[int, int], layout: Layout,
                             quantities: list[Quantity], starts: list[int]) -> tuple[int, Split] | None:
    """增值税12.8亿元、城镇土地使用税9.5亿元、城市维护建设税3.3亿元，同比分别增长…: the clause before,
    after a comma, a 、 list of names each ending in one level: as many names as levels. Their units
    may differ, as verb and object pairs' do (开行1.2万列、发送货物130万标箱，同比分别增长…)."""
    view = layout.text
    if clause[0] - 1 <= sentence[0] or view[clause[0] - 1] != ",":
        return None
    start, end = layout.clause(clause[0] - 2)
    names, pos = [], start
    for piece in view[start:end - 1].split("、"):
        figures = figures_in(pos, pos + len(piece), quantities, starts)
        if len(figures) != 1 or view[figures[0].end:pos + len(piece)].strip() or not figures[0].unit:
            return None
        name = strip_leads(view[pos:figures[0].start].strip())
        if not RUN_AFTER.match(name):
            return None
        names.append(name)
        pos += len(piece) + 1
    if len(names) < 2:
        return None
    return start, Split(tuple(names), len(names), len(names))


def levels_of_clauses_before(clause: tuple[int, int], sentence: tuple[int, int], layout: Layout,
                              quantities: list[Quantity], starts: list[int], vocab: Vocabulary) -> tuple[int, Split] | None:
    """出口1.2万亿元，进口9000亿元，分别增长5.1%和3.2%: the clauses before, each after a comma, each a name
    and one level that ends it, back to a clause that is no such pair (or one opened by 其中, the last
    taken): one name to a clause. A clause that lists several levels is levels_of_clause_before's."""
    view, pairs = layout.text, []   # (where the clause starts, its name, its level), last clause first
    changes = _COMPARED + change_verbs(vocab)
    pos = clause[0]
    while pos - 1 > sentence[0] and view[pos - 1] == ",":
        start, end = layout.clause(pos - 2)
        figures = figures_in(start, end, quantities, starts)
        if len(figures) != 1 or view[figures[0].end:end - 1].strip() or not figures[0].unit:
            break
        text = view[start:figures[0].start].strip()
        name = strip_leads(text)
        if not RUN_AFTER.fullmatch(name) or figures[0].kind not in ("amount", "count") or name.startswith(changes):
            break   # 增长5%, 增加300亿元, 比上年多3万人: a change of the level before, no name of its own
        pairs.append((start, name, figures[0]))
        pos = start
        if text.startswith("其中"):
            break
    pairs.reverse()
    if len(pairs) >= 3 and _total_of(pairs[0][2], [level for _, _, level in pairs[1:]]):
        pairs = pairs[1:]   # 生产总值2000亿元，一产100亿元，二产…: a total, then its parts
    if len(pairs) < 2:
        return None
    return pairs[0][0], Split(tuple(name for _, name, _ in pairs), len(pairs), len(pairs))


_COMPARED = ("比", "较", "同比")   # a name opening so states a change (比上年增加300亿元)


@functools.cache
def _verbs_of(words: tuple[str, ...]) -> tuple[str, ...]:
    return tuple(sorted(set(words), key=len, reverse=True))


def change_verbs(vocab: Vocabulary) -> tuple[str, ...]:
    """The verbs of change (提高, 降低, 增加…) of the vocabulary, longest first."""
    return _verbs_of(tuple(w for w in vocab.words("change_up") + vocab.words("change_down") if len(w) >= 2))


def _total_of(first: Quantity, rest: list[Quantity]) -> bool:
    """Whether the first level, in the unit of the rest, may be their total (it is no less than their sum)."""
    if any(q.unit != first.unit or q.interval.low is None for q in rest) or first.interval.high is None:
        return False
    return first.interval.high >= sum(q.interval.low for q in rest)


def names_with_values_before(clause: tuple[int, int], sentence: tuple[int, int], layout: Layout,
                              quantities: list[Quantity], starts: list[int], vocab: Vocabulary) -> tuple[int, Split] | None:
    """去年全省村集体年均和农民人均纯收入为23万元和2800元，分别比上年增长15%和12.3%: the clause before,
    after a comma, states names, then 为/是/达到, then two or more values joined by 、/和 that end it —
    a pairing of its own, without 分别 — so its names are the names of the 分别 after it. One name
    counts only when nothing shows it packs several (packed_names, a numeral, back_references)."""
    view = layout.text
    if clause[0] - 1 <= sentence[0] or view[clause[0] - 1] != ",":
        return None
    start, end = layout.clause(clause[0] - 2)
    figures = figures_in(start, end, quantities, starts)
    if len(figures) < 2 or view[figures[-1].end:end - 1].strip():
        return None
    for a, b in zip(figures, figures[1:]):
        if not GLUE.fullmatch(view[a.end:b.start]):
            return None
    verb = re.search(r"(?:为|是|达到|达)$", view[start:figures[0].start])
    if verb is None:
        return None
    lead = leading_time(start, figures[0].start, quantities, starts, view)
    names = strip_leads(view[lead:start + verb.start()].strip())
    split = split_items(names)
    if not RUN_AFTER.match(names) or split.most < 2 and (NUMERAL.search(names) or any(
            w in names for w in vocab.words("packed_names")) or any(
            names.startswith(w) or len(w) > 1 and w in names for w in vocab.words("back_references"))):
        return None   # 均 of 年均 points nowhere: a one-character word points back only where the name starts
    return lead, split


_ITEM = regexes.lazy(r"([\u4e00-\u9fff]{2,8}?)\s*(?:、|和|及|与|以及)\s*")
_LAST_ITEM = regexes.lazy(r"[\u4e00-\u9fff]{2,10}")


def items_with_figures_before(clause: tuple[int, int], sentence: tuple[int, int], layout: Layout,
                              quantities: list[Quantity], starts: list[int]) -> tuple[int, Split] | None:
    """全省有563万贫困人口和1945个特困村脱贫，脱贫率分别达到80%和70%: the clause before, after a comma,
    lists things each after a figure of its own (of any unit: people and villages), joined by 、/和/及/与,
    the last running to the comma; the 分别 after it names one measure of each of them. The names are
    the things (贫困人口, 特困村脱贫), one to a figure."""
    view = layout.text
    if clause[0] - 1 <= sentence[0] or view[clause[0] - 1] != ",":
        return None
    start, end = layout.clause(clause[0] - 2)
    figures = figures_in(start, end, quantities, starts)
    if len(figures) < 2:
        return None
    names = []
    for a, b in zip(figures, figures[1:]):
        m = _ITEM.fullmatch(view, a.end, b.start)
        if m is None:
            return None
        names.append(m.group(1))
    if not _LAST_ITEM.fullmatch(view, figures[-1].end, end - 1):
        return None
    names.append(view[figures[-1].end:end - 1])
    return figures[0].start, Split(tuple(names), len(names), len(names))


def years_before(clause: tuple[int, int], sentence: tuple[int, int], layout: Layout, quantities: list[Quantity],
                  starts: list[int], vocab: Vocabulary) -> tuple[int, Split] | None:
    """仅有1990年和1949年的年平均气温高于1997年，分别为10.63摄氏度和10.62摄氏度: the clause before, after
    a comma, states no figure but years, and the years it names (not one it compares with: 高于1997年),
    joined by 和/、 and owning what follows (…年的) with no other list after them, are the names; one year
    is one name when what it owns is one name (仅有1990年的年平均气温高于1997年: not one that packs
    several, 城乡居民收入): one year, or years before a list of other things, may only date them (2019年的营收和
    利润，分别为…; 截至2020年底，分别…)."""
    view = layout.text
    if clause[0] - 1 <= sentence[0] or view[clause[0] - 1] != ",":
        return None
    start, end = layout.clause(clause[0] - 2)
    i, years = bisect.bisect_left(starts, start), []
    while i < len(quantities) and quantities[i].start < end:
        q = quantities[i]
        i += 1
        if q.qualifier and q.qualifier in vocab.words("base_words"):
            continue   # 高于1997年: what the names are compared with (read as a bound), no name
        if q.kind != "year":
            return None
        if not vocab.base_word.search(view[start:q.start]):
            years.append(q)
    if not years or any(not GLUE.fullmatch(view[a.end:b.start]) for a, b in zip(years, years[1:])) \
            or not view.startswith("的", years[-1].end) or re.search("、|和|及|与", view[years[-1].end:end]):
        return None   # one year may date several things (2019年的营收和利润，分别为…), and so may years before a list
    if len(years) == 1:   # 仅有1990年的年平均气温高于1997年，分别为…: one year of one thing is one name
        name = word_pattern(vocab.words("base_words")).split(view[years[0].end + 1:end])[0]   # not 高于1997年
        if len(name) < 2 or NUMERAL.search(name) or any(w in name for w in vocab.words("packed_names")):
            return None   # 2019年的城乡居民收入: one name that packs several
    return years[0].start, Split(tuple(q.text for q in years), len(years), len(years))


def leading_time(start: int, end: int, quantities: list[Quantity], starts: list[int], view: str) -> int:
    """Where the names begin: after a time that opens the clause (今年前11个月我国对东盟、欧盟…)."""
    lead = _leads().match(view, start)
    pos = lead.end() if lead else start
    i = bisect.bisect_left(starts, pos)
    while i < len(quantities) and quantities[i].start < end and quantities[i].kind not in NUMERIC_KINDS \
            and not view[pos:quantities[i].start].strip(" 今年去年,"):
        pos = quantities[i].end
        i += 1
    return pos


def figures_in(start: int, end: int, quantities: list[Quantity], starts: list[int]) -> list[Quantity]:
    """The figures in digits between start and end."""
    found, i = [], bisect.bisect_left(starts, start)
    while i < len(quantities) and quantities[i].start < end:
        if quantities[i].kind in NUMERIC_KINDS and DIGIT.search(quantities[i].text):
            found.append(quantities[i])
        i += 1
    return found
