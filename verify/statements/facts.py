"""Facts: the figures that state one measure together — a level, its change, its rate, its share,
where it started (由A增加到B), the whole it is a share of — so that rules can relate them.

A change, rate, share or completion is linked to its level by the reader (`Statement.of`); a
level reached by 增长到/降至 is linked to the figure after 由/从 before it in the same sentence; a
share's whole is the figure stated inside its own words (占全区全部工业产值212亿元的40%) or the total
of its part's 其中 list; failing both, a `named_whole` is the level earlier in the text that the
share's words name (占发展党员总数的46.8%), or in its sentence the one the part shares a word with
(草原面积…退化面积…占到42.8%) — found, so rules on it warn. A rate of an official price index
(工业生产者出厂价格指数为142，同比上涨42%) is bound as `index_rate`/`index_fall`. Changes
and rates are bound by direction (change/drop, rate/fall), so rule formulas need no signs.
"""

from __future__ import annotations

import datetime
import re
from dataclasses import dataclass

from verify.reading.quantity import Clock, Quantity
from verify.statements.clauses import Layout
from verify.statements.reader import shares_a_word
from verify.statements.records import Role, Statement

_TO = re.compile(r"(?:增长|增加|提高|提升|上升|上涨|扩大|下降|减少|降低|回落|缩小|下跌|降|升|增|减)了?(?:到|至)")


@dataclass(frozen=True, slots=True)
class Fact:
    """Figures about one measure, by the name rules use for them (level, change, drop, rate, fall,
    times, before, share, whole, completion), as quantity indexes."""

    level: int
    figures: tuple[tuple[str, int], ...]
    constants: tuple[tuple[str, int], ...] = ()   # numbers the calendar gives: days of a stated span

    def bound(self) -> dict[str, int]:
        """The figures by name, the level included."""
        return {"level": self.level, **dict(self.figures)}


def facts(quantities: list[Quantity], statements: dict[int, Statement], layout: Layout,
          parts_lists=(), vocab=None) -> list[Fact]:
    """Every level that has at least one other figure stating about it."""
    about: dict[int, dict[str, int]] = {}
    total_of = {part: pl.total for pl in parts_lists if pl.certain for part in pl.parts}
    with_share = None   # levels with a share of their own, found once when a share needs them
    for index, st in statements.items():
        if st.of is None or statements.get(st.of) is None:
            continue
        name = role_name(st, quantities[index])
        if name in ("rate", "fall") and st.compare and vocab is not None \
                and _price_index(st.of, quantities, statements, vocab):
            name = "index_" + name   # 总指数为99.5，同比下降0.5%: a rate against the index's base of 100
        if name:
            about.setdefault(st.of, {}).setdefault(name, index)
    for rate, whole_rate in _rates_against_whole(quantities, statements, layout, parts_lists):
        about.setdefault(rate, {}).setdefault("before", whole_rate)
    for index, st in statements.items():
        if st.role is Role.CHANGE and st.of is None and vocab is not None:
            level = _average_restated(index, quantities, statements, vocab)
            if level is not None:
                about.setdefault(level, {}).setdefault(role_name(st, quantities[index]), index)
    for index, st in statements.items():
        if st.role in (Role.LEVEL, Role.AVERAGE, Role.RATE):
            before = _started_from(index, quantities, statements, layout) if st.role is not Role.RATE else None
            before = before if before is not None else _compared_with(index, quantities, statements, layout)
            if before is not None:
                about.setdefault(index, {})["before"] = before
        if st.role is Role.SHARE and st.of is not None:
            whole = _whole_inside(index, quantities, statements)
            if whole is None and st.of in total_of and _names_no_other_whole(index, quantities, statements, layout):
                whole = total_of[st.of]   # 其中，一线的100.6万名，占50.8%: a share of the list's total
            if whole is not None:
                about.setdefault(st.of, {})["whole"] = whole
            elif vocab is not None:
                if with_share is None:
                    with_share = {other.of for other in statements.values() if other.role is Role.SHARE}
                named = _named_whole(index, quantities, statements, layout, parts_lists, vocab, with_share)
                if named is not None:
                    about.setdefault(st.of, {})["named_whole"] = named
    for net, plus, minus in _balances(quantities, statements, layout, vocab):
        about.setdefault(net, {}).update({"plus": plus, "minus": minus})
    found = [Fact(level, tuple(sorted(named.items()))) for level, named in sorted(about.items())
             if statements[level].role in (Role.LEVEL, Role.AVERAGE, Role.NET)
             or statements[level].role is Role.RATE and "before" in named
             or statements[level].role is Role.PLAN and set(named) <= {"share", "whole", "named_whole"}]
    return found + _daily_averages(quantities, statements, layout, vocab)


def _daily_averages(quantities, statements, layout: Layout, vocab) -> list[Fact]:
    """自7月1日暑运启动至22日，累计发送旅客3.07亿人次，日均发送旅客1397.6万人次: a daily average,
    the total of its unit and measure before it in the sentence, and the days of the span of dates
    the sentence opens with (both ends counted; a span over 29 February needs its year)."""
    found = []
    for index, st in statements.items():
        if st.role is not Role.AVERAGE or vocab is None or not vocab.daily.search(st.measure):
            continue
        days = _days_spanned(index, quantities, st, layout)
        if days is None:
            continue
        for i in range(index - 1, max(-1, index - 8), -1):
            other = statements.get(i)
            if other is None:
                continue
            if other.sentence != st.sentence:
                break
            if other.role is Role.LEVEL and quantities[i].unit == quantities[index].unit \
                    and shares_a_word(other.measure, vocab.daily.sub("", st.measure)):
                found.append(Fact(i, (("daily", index),), (("days", days),)))
                break
    return found


_SPAN_JOIN = re.compile(r"^[^，,。；;]{0,12}?(?:至|到|—|–|-|~)[^，,。；;\d]{0,2}$")


def _days_spanned(index: int, quantities, st: Statement, layout: Layout) -> int | None:
    """The days from the first to the last date of a span in the sentence (7月1日…至22日: 22)."""
    dates = [i for i in range(max(0, index - 10), index)
             if quantities[i].kind == "date" and quantities[i].start >= st.sentence[0]]
    for a, b in zip(dates, dates[1:]):
        first, last = quantities[a].value, quantities[b].value
        if not _SPAN_JOIN.match(layout.text[quantities[a].end:quantities[b].start]):
            continue
        if first is None or last is None or first.month is None or first.day is None or last.day is None:
            continue
        year = first.year or last.year
        month_last = last.month or first.month
        try:
            start = datetime.date(year or 2001, first.month, first.day)   # 2001: no 29 February
            end = datetime.date(year or 2001, month_last, last.day)
        except ValueError:
            return None
        if year is None and (first.month <= 2 < month_last or (first.month == 2 and month_last == 2 and last.day == 29)):
            return None   # over 29 February with no year: the days are not known
        if end >= start:   # from the first hour of the first day (or the hour stated) to the last
            minutes = (end - start).days * _DAY + _clock_after(b, quantities, _DAY) - _clock_after(a, quantities, 0)
            return minutes // _DAY if minutes > 0 and minutes % _DAY == 0 else None   # 21日8时—24日8时: 3 days
    return None


_DAY = 24 * 60  # minutes


def _clock_after(i: int, quantities, default: int) -> int:
    """The minute of the day of a time written right after a date (24日8时: 480), else the default
    (a date alone runs from the day's first minute to its last)."""
    following = quantities[i + 1] if i + 1 < len(quantities) else None
    if following is not None and following.kind == "time" and following.start - quantities[i].end <= 1 \
            and isinstance(following.value, Clock):
        return following.value.hour * 60 + following.value.minute
    return default


def _compared_with(index: int, quantities, statements, layout: Layout) -> int | None:
    """突破9000万名，比1949年的448.8万名增长约19倍 / 上涨3.1%，涨幅比8月份的2.6%扩大了0.5个百分点:
    the figure after 比 that a change after it is measured from."""
    q = quantities[index]
    for i in range(index + 1, min(len(quantities), index + 3)):
        st = statements.get(i)
        if st is None:
            continue
        if st.sentence != statements[index].sentence:
            return None
        if st.role is Role.BASE and quantities[i].unit == q.unit and \
                re.search(r"(?:比|较|与)[^，,。；;]{0,16}$", layout.text[q.end:quantities[i].start]):
            following = statements.get(i + 1)
            if following is not None and following.role in (Role.CHANGE, Role.RATE) and following.of in (index, None):
                return i
        return None
    return None


def _balances(quantities, statements, layout: Layout, vocab) -> list[tuple[int, int, int]]:
    """贸易顺差2.36万亿元 after 出口14.39万亿元 … 进口12.04万亿元 in the same or the sentence
    before: the net figure with the flows it balances (vocabulary: balances)."""
    found = []
    for index, st in statements.items():
        if st.role is not Role.NET:
            continue
        for net, plus, minus in vocab.balances:
            if net not in st.measure:
                continue
            start = layout.sentence(max(0, st.sentence[0] - 1))[0] if st.sentence[0] > 0 else 0
            flows = {}
            for i in range(index - 1, max(-1, index - 12), -1):
                other = statements.get(i)
                if other is None or quantities[i].start < start:
                    break
                if other.role is Role.LEVEL and quantities[i].unit == quantities[index].unit:
                    for name, word in (("plus", plus), ("minus", minus)):
                        if name not in flows and _names_flow(other.measure, word, plus, minus):
                            flows[name] = i
            if len(flows) == 2:
                found.append((index, flows["plus"], flows["minus"]))
            break
    return found


def _names_flow(measure: str, word: str, plus: str, minus: str) -> bool:
    """出口 names the flow 出口, 进出口 names neither."""
    at = measure.rfind(word)
    return at >= 0 and not (word == plus and measure[max(0, at - 1):at + len(word)] in ("进" + word,)) \
        and not measure.endswith(plus + minus) and not measure.endswith(minus[0] + plus)


def role_name(st: Statement, q: Quantity) -> str | None:
    """The name a rule binds a change, rate, share or completion by (change/drop, rate/fall, …)."""
    if st.compare and "均" in st.compare:
        return None   # 年均增长8.8%, 年均增收900亿元: an average per year is no change between the ends
    if st.role is Role.CHANGE and q.unit == "百分点":
        return "gain" if st.sign > 0 else "loss" if st.sign < 0 else None
    if st.role is Role.CHANGE:
        return "change" if st.sign >= 0 else "drop"
    if st.role is Role.RATE:
        if q.unit == "倍":
            return "times" if st.sign >= 0 else None
        return "rate" if st.sign >= 0 else "fall"
    if st.role is Role.SHARE:
        return "share"
    if st.role is Role.COMPLETION:
        return "completion"
    return None


def _started_from(index: int, quantities, statements, layout: Layout) -> int | None:
    """由A增加到B: the figure after 由/从 before a level reached by 增加到, in one sentence."""
    q = quantities[index]
    for i in range(index - 1, max(-1, index - 4), -1):
        st = statements.get(i)
        if st is None:
            continue
        if st.sentence != statements[index].sentence:
            return None
        if st.role is Role.FROM and q.unit and quantities[i].unit == q.unit and _TO.search(layout.text, quantities[i].end, q.start):
            return i
    return None


_GENERIC_WHOLE = re.compile(r"^占(?:比|到|了)?(?:(?:全部|全体|整体|所有|发案|总)?(?:总数|总量|总额|总值|总和|合计|全部|总体|总计)的?)?"
                            r"(?:比重|比例)?(?:为|达|达到|是|约)?$")


def _names_no_other_whole(index: int, quantities, statements, layout: Layout) -> bool:
    """占50.8%, 占比约96%, 占总数的77%: the share names no whole of its own."""
    st = statements[index]
    words = layout.text[st.clause[0]:quantities[index].start].strip()
    return bool(_GENERIC_WHOLE.match(words))


def _whole_inside(index: int, quantities, statements) -> int | None:
    """占全区全部工业产值212亿元的40%: the figure inside a share's own words is its whole."""
    st = statements[index]
    for i in range(index - 1, max(-1, index - 3), -1):
        other = statements.get(i)
        if other is None or quantities[i].start < st.clause[0]:
            return None
        if other.role is Role.BASE:
            return i
    return None


_AGAINST_WHOLE = re.compile(r"(?:高出|低于|高于|快于|慢于|超出|低出)了?[^，,。；;\d]{0,12}(?:总体|整体|全国|全市|全省|全区|平均)"
                            r"[^，,。；;\d]{0,4}(?:增速|增幅|涨幅|降幅|水平)$")


def _rates_against_whole(quantities, statements, layout: Layout, parts_lists) -> list[tuple[int, int]]:
    """进出口16.72万亿元，同比增长8.6%。其中…进出口4.57万亿元，同比增长11.3%，增速高出同期我国外贸总体
    增速2.7个百分点: a part's rate set against the rate of its whole (总体, 全国, 平均 … 增速), stated with
    the total of the part's 其中 list: (the part's rate, the whole's rate)."""
    total_of = {part: pl.total for pl in parts_lists if pl.certain for part in pl.parts}
    found = []
    for index, st in statements.items():
        if st.role is not Role.CHANGE or quantities[index].unit != "百分点" or st.of is None:
            continue
        rate = statements.get(st.of)
        if rate is None or rate.role is not Role.RATE or rate.of not in total_of:
            continue
        if not _AGAINST_WHOLE.search(layout.text, quantities[st.of].end, quantities[index].start):
            continue
        total = total_of[rate.of]
        whole_rate = next((i for i, other in statements.items() if other.role is Role.RATE and other.of == total
                           and other.sign == rate.sign and quantities[i].unit == quantities[st.of].unit), None)
        if whole_rate is not None:
            found.append((st.of, whole_rate))
    return found


def _price_index(level: int, quantities, statements, vocab) -> bool:
    """工业生产者出厂价格指数为142: a plain number named by an official price index (price_indexes)."""
    q, st = quantities[level], statements[level]
    return q.unit is None and q.kind == "amount" and st.role is Role.LEVEL \
        and any(st.measure.endswith(word) for word in vocab.words("price_indexes"))


def _average_restated(index: int, quantities, statements, vocab) -> int | None:
    """单产382公斤/亩，每亩产量比上年增加0.9公斤，增长0.2%: a change that names the average again in
    words of its own (每亩产量), followed by the rate of that average: the average it changes."""
    st = statements[index]
    following = statements.get(index + 1)
    if following is None or following.role is not Role.RATE or following.of is None or following.of > index \
            or following.sentence != st.sentence:
        return None
    level = following.of
    if statements[level].role is not Role.AVERAGE or quantities[level].unit != quantities[index].unit \
            or not vocab.average.search(st.measure):
        return None
    return level


_SHARE_OF = re.compile(r"占(?:到|了)?(?P<name>[^，,。；;:：]{0,24}?)(?:的)?(?:比重|比例|份额)?(?:分别)?(?:为|达到|达|是|约|近|超过|超)*$")
_WHOLE_WORDS = re.compile(r"全部|全体|整体|所有|总数|总量|总额|总值|总和|合计|总计|总体|总|比|当年|同期|[在的了]")
_SUBJECTS = re.compile(r"全国|我国|全市|全省|全区|中国|全县|全球|世界")
_GAP = re.compile(r"[\s,，、;；%％.．·\d０-９]|同比|环比|比上年同期|比去年同期|比上年|比去年|较上年|较去年|较上月|比上月|个百分点|百分点|"
                  r"分别|约|均|仅|已|就|共|则|也|并|达到|达|为")


def _named_whole(index: int, quantities, statements, layout: Layout, parts_lists, vocab,
                 with_share: set) -> int | None:
    """占发展党员总数的46.8% after 全国共发展党员205.7万名 (the sentence before), 占比55.5% after 计划投资
    的9000亿元: a share of the level just before it (nothing between but that level's changes and rates)
    whose whole its words name, or leave to the sentence. The whole is the nearest level before, of the
    part's unit and role and no smaller than the part, that the share's words name (in the paragraph,
    or before it a level named by the whole's full name, 党员总数; a subject such as 我国 named too, the
    indicator the same: 进出口 is no 出口), or, when they name
    none, that shares a word with the part, in the part's sentence. A level with a share of its own
    is a sibling part, and the same figure restated (a headline) is the part itself: never the whole."""
    part = statements[index].of
    p_st, p_q = statements[part], quantities[part]
    text = layout.text
    m = _SHARE_OF.search(text, p_q.end, quantities[index].start)
    if m is None or m.end() != quantities[index].start:
        return None
    gap = vocab.up.sub("", vocab.down.sub("", _GAP.sub("", text[p_q.end:m.start()])))
    if re.sub("|".join(vocab.words("change_up") + vocab.words("change_down")), "", gap):
        return None   # 外资税收占比达到31%, 制造业项目占69%: the share names a part of its own
    name = m.group("name")
    subjects = _SUBJECTS.findall(name)
    core = _WHOLE_WORDS.sub("", _SUBJECTS.sub("", name))
    own_totals = set()
    for pl in parts_lists:
        if part in pl.parts and pl.certain and core:
            if _names(core, subjects, _words_of(pl.total, quantities, statements, layout), vocab):
                return pl.total   # 在实行直达管理的1.7万亿元资金中，…下达1.674万亿元，占直达资金总量的98.5%
            own_totals.add(pl.total)   # 其中…占同期中国外贸总值的45.4%: another whole than the list's
    floor = text.rfind("\n", 0, p_q.start) + 1
    low = p_q.interval.low if p_q.interval.low is not None else p_q.interval.high
    full = _SUBJECTS.sub("", name)
    by_core = None   # the nearest level named by the core of the whole's name (发展党员 of 发展党员总数)
    for i in range(part - 1, max(-1, part - 40), -1):
        q = quantities[i]
        if not core and q.start < p_st.sentence[0]:
            return _total_named_before(i, part, quantities, statements, layout, with_share)
        named_fully = len(full) >= 3 and full != core and statements.get(i) is not None \
            and _full_name(full, _SUBJECTS.sub("", statements[i].measure), vocab)
        if q.start < floor and not named_fully:
            continue   # before the paragraph, only a level named by the whole's full name (党员总数为…)
        cand = statements.get(i)
        if cand is None or cand.role is not p_st.role or q.unit != p_q.unit or q.kind not in ("amount", "count") \
                or cand.note or i in with_share or q.text == p_q.text or i in own_totals:
            continue
        if (p_st.time and cand.time and p_st.time != cand.time) or \
                (low is not None and q.interval.high is not None and q.interval.high < low):
            continue   # another period; smaller than the part: no whole of it
        words = _words_of(i, quantities, statements, layout)
        if not _same_indicator(words, p_st.measure, vocab):
            continue
        if core and named_fully and all(subject in words for subject in subjects):
            return i   # 中国共产党党员总数为9059.4万名 before 党员总量突破9000万名: the full name first
        if core and by_core is None and q.start >= floor and _names(core, subjects, words, vocab):
            by_core = i
        if not core and (shares_a_word(_SUBJECTS.sub("", cand.measure), _SUBJECTS.sub("", p_st.measure))
                         or (cand.head and cand.head == p_st.head)):
            return i
    return by_core


_TOTAL_NAMED = re.compile(r"(?:总数|总量|总额|总值)(?:为|达到|达|是)?$")
_SCOPE_OPENING = re.compile(r"(?:在)?(?P<scope>[^，,。；;：:\d]{2,12})中[，,]")


def _total_named_before(start: int, part: int, quantities, statements, layout: Layout, with_share: set) -> int | None:
    """党员总数为8956.4万名 … (another paragraph) 党员队伍中，少数民族党员651.4万名，占7.3%: a share that names
    no whole and has none in its sentence: the nearest level before whose name ends as a total's (总数, 总量,
    总额, 总值; not 总量突破9000万名, a bound) and shares a word with the part's name or with the scope its sentence opens with (党员队伍中),
    of the part's unit and role, no smaller than the part, of no other period."""
    p_st, p_q = statements[part], quantities[part]
    text = layout.text
    names = [_SUBJECTS.sub("", p_st.measure)]
    m = _SCOPE_OPENING.match(text, p_st.sentence[0], p_q.start)
    if m is not None:
        names.append(m.group("scope"))
    low = p_q.interval.low if p_q.interval.low is not None else p_q.interval.high
    for i in range(start, max(-1, part - 40), -1):
        q, cand = quantities[i], statements.get(i)
        if cand is None or cand.role is not p_st.role or q.unit != p_q.unit or q.kind not in ("amount", "count") \
                or cand.note or i in with_share or q.text == p_q.text:
            continue
        if not _TOTAL_NAMED.search(cand.measure):
            continue
        if (p_st.time and cand.time and p_st.time != cand.time) or \
                (low is not None and q.interval.high is not None and q.interval.high < low):
            continue
        measure = _TOTAL_NAMED.sub("", _SUBJECTS.sub("", cand.measure))
        if any(shares_a_word(measure, name) for name in names):
            return i
    return None


def _full_name(full: str, measure: str, vocab) -> bool:
    """党员总数 of 中国共产党党员总数, 外贸总值 of 我国外贸进出口总值 or of 我国进出口总值: the measure
    ends as the whole's name does and holds every two characters of it (names of one indicator
    taken for one another)."""
    full, measure = _one_name(full, vocab), _one_name(measure, vocab)
    return measure.endswith(full) or (len(full) >= 4 and measure.endswith(full[-2:])
                                      and all(full[k:k + 2] in measure for k in range(0, len(full) - 1, 2)))


def _one_name(words: str, vocab) -> str:
    """外贸总值 -> 进出口总值: each indicator by the first of its names (indicator_synonyms)."""
    for group in vocab.words("indicator_synonyms"):
        for word in sorted(group[1:], key=len, reverse=True):
            words = words.replace(word, group[0])
    return words


def _words_of(i: int, quantities, statements, layout: Layout) -> str:
    """A level's name: its measure and the words after it in its clause (1.7万亿元资金中)."""
    st = statements[i]
    return st.measure + layout.text[quantities[i].end:min(st.clause[1], quantities[i].end + 8)]


def _same_indicator(a: str, b: str, vocab) -> bool:
    """进出口 and 出口 are two indicators; a name without one of the vocabulary's heads says nothing."""
    x, y = vocab.heads.findall(a), vocab.heads.findall(b)
    if not x or not y:
        return True
    return x[-1] == y[-1] or any(x[-1] in group and y[-1] in group for group in vocab.words("indicator_synonyms"))


def _names(core: str, subjects: list[str], words: str, vocab) -> bool:
    """The share's whole (外贸, 发展党员, 直达资金) named by a level's words: contained, or every two
    characters of a longer name found; its subject (我国) named too; the same indicator."""
    if any(subject not in words for subject in subjects) or not _same_indicator(core, words, vocab):
        return False
    if core in words:
        return True
    return len(core) >= 4 and all(core[k:k + 2] in words for k in range(0, len(core) - 1, 2))
