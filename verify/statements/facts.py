"""Facts: the figures that state one measure together — a level, its change, its rate, its share,
where it started (由A增加到B), the whole it is a share of — so that rules can relate them.

A change, rate, share or completion is linked to its level by the reader (`Statement.of`); a
level reached by 增长到/降至 is linked to the figure after 由/从 before it in the same sentence; a
share's whole is the figure stated inside its own words (占全区全部工业产值212亿元的40%) or the total
of its part's 其中 list; failing both, a `named_whole` is the level earlier in the text that the
share's words name (占发展党员总数的46.8%), or in its sentence the one the part shares a word with
(草原面积…退化面积…占到42.8%) — found, so rules on it warn. A rate of an official price index
(工业生产者出厂价格指数为142，同比上涨42%) is bound as `index_rate`/`index_fall`. Changes
and rates are bound by direction (change/drop, rate/fall), so rule formulas need no signs. A completion rate with the plan stated before it (完成全年1.8万亿元…目标任务的25.5%) as `plan`. A gap
in points to a percentage named after 高于/低于 (增幅高于收入7.8个百分点) is a Fact of the higher one with
the `lower` and the `gap`.
"""

from __future__ import annotations

import functools
import re

from verify.frozen import record
from verify import regexes
from verify.reading.quantity import Quantity
from verify.statements.clauses import Layout
from verify.statements.reader import shares_a_word
from verify.statements.records import (
    AVERAGE, BASE, CHANGE, COMPLETION, FROM, LEVEL, NET, PLAN, RATE, SHARE, Statement, with_role,
)
from verify.statements.sides import first_of_side, side
from verify.statements.vocabulary import Vocabulary, vocabulary, word_pattern
from verify.statements.wholes import named_whole, names_no_other_whole, whole_carried, whole_inside



@record(slots=True)
class Fact:
    """Figures about one measure, by the name rules use for them (level, change, drop, rate, fall,
    times, before, share, whole, completion), as quantity indexes."""

    level: int
    figures: tuple[tuple[str, int], ...]
    constants: tuple = ()   # numbers the calendar gives: days of a stated span (an int), years of one ((low, high))

    def bound(self) -> dict[str, int]:
        """The figures by name, the level included."""
        return {"level": self.level, **dict(self.figures)}


def facts(quantities: list[Quantity], statements: dict[int, Statement], layout: Layout,
          parts_lists=(), vocab=None) -> list[Fact]:
    """Every level that has at least one other figure stating about it."""
    about: dict[int, dict[str, int]] = {}
    for index, st in statements.items():
        if st.of is None or statements.get(st.of) is None:
            continue
        name = role_name(st, quantities[index])
        if name in ("rate", "fall") and st.compare and vocab is not None \
                and _price_index(st.of, quantities, statements, vocab):
            name = "index_" + name   # 总指数为99.5，同比下降0.5%: a rate against the index's base of 100
        if name:
            about.setdefault(st.of, {}).setdefault(name, index)
    for rate, whole_rate in _rates_against_whole(quantities, statements, layout, parts_lists, vocab or vocabulary()):
        about.setdefault(rate, {}).setdefault("before", whole_rate)
    for index, st in with_role(statements, CHANGE):
        if st.of is None and vocab is not None:
            level = _average_restated(index, quantities, statements, vocab)
            if level is not None:
                about.setdefault(level, {}).setdefault(role_name(st, quantities[index]), index)
    starts = [i for role in (FROM, BASE) for i, _ in with_role(statements, role)]   # what those two may find
    near = {j for i in starts for j in range(i - 2, i + 4)}   # the figures with one of them among the 3 each side
    for index in sorted(near):   # (in text order, as a walk of all statements would meet them)
        st = statements.get(index)
        if st is not None and st.role in (LEVEL, AVERAGE, RATE):
            before = started_from(index, quantities, statements, layout, vocab) if st.role is not RATE else None
            before = before if before is not None else _compared_with(index, quantities, statements, layout)
            if before is not None:
                about.setdefault(index, {})["before"] = before
    _wholes_of_shares(about, quantities, statements, layout, parts_lists, vocab)
    for net, plus, minus in _balances(quantities, statements, layout, vocab):
        about.setdefault(net, {}).update({"plus": plus, "minus": minus})
    for done, plan, rate in _completions_of_plan(quantities, statements):
        about.setdefault(done, {}).update({"plan": plan, "completion": rate})
    if vocab is not None:
        _set_constant_price_rates_apart(about, quantities, statements, layout, vocab)
    found = [Fact(level, tuple(sorted(named.items()))) for level, named in sorted(about.items())
             if statements[level].role in (LEVEL, AVERAGE, NET)
             or statements[level].role is RATE and "before" in named
             or statements[level].role is PLAN and set(named) <= _OF_A_PLAN]
    return found


# What may be read of a plan or forecast (预计达到106万亿元，比“十三五”时期增加17万亿元，增长约19%): its share of
# a whole, and its change and rate against a stated comparison, which hold of the plan as of a level.
_OF_A_PLAN = frozenset({"share", "whole", "named_whole", "change", "drop", "rate", "fall"})


def level_before(start: int, reach: int, sentence: tuple[int, int], unit: str | None, words: str, quantities,
                  statements, valued: bool = False) -> int | None:
    """The nearest level at or before figure `start` (at most `reach` figures back) in `sentence`,
    of `unit`, whose measure shares a word with `words`; with `valued`, only one with a value
    (not 数万人)."""
    for i in range(start, max(-1, start - reach), -1):
        other = statements.get(i)
        if other is None:
            continue
        if other.sentence != sentence:
            return None
        if other.role is LEVEL and quantities[i].unit == unit and shares_a_word(other.measure, words) \
                and (not valued or quantities[i].value is not None):
            return i
    return None


def _completions_of_plan(quantities, statements) -> list[tuple[int, int, int]]:
    """公路水路完成投资4597亿元，…，完成全年1.8万亿元投资目标任务的25.5%: a completion rate
    with its plan stated right before it in its clause, and the amount done earlier in the
    sentence — the completion's own level, or the nearest level of the plan's unit whose measure
    shares a word with the completion's (投资). (done, plan, completion) as quantity indexes."""
    found = []
    for index, st in with_role(statements, COMPLETION):
        if index == 0:
            continue
        plan = statements.get(index - 1)
        if plan is None or plan.role is not PLAN or plan.clause != st.clause:
            continue
        unit = quantities[index - 1].unit
        done = st.of if st.of is not None and statements.get(st.of) is not None else None
        if done is None:
            done = level_before(index - 2, 10, st.sentence, unit, st.measure, quantities, statements, valued=True)
        if done is not None and done != index - 1 and quantities[done].unit == unit \
                and statements[done].role is LEVEL:
            found.append((done, index - 1, index))
    return found


_COMPARED_BEFORE = regexes.lazy(r"(?:比|较|与)[^，,。；;]{0,16}$")


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
        if st.role is BASE and quantities[i].unit == q.unit and \
                _COMPARED_BEFORE.search(layout.text[q.end:quantities[i].start]):
            following = statements.get(i + 1)
            if following is not None and following.role in (CHANGE, RATE) and following.of in (index, None):
                return i
        return None
    return None


def _balances(quantities, statements, layout: Layout, vocab) -> list[tuple[int, int, int]]:
    """贸易顺差2.36万亿元 after 出口14.39万亿元 … 进口12.04万亿元 in the same or the sentence
    before: the net figure with the flows it balances (vocabulary: balances)."""
    found = []
    for index, st in with_role(statements, NET):
        for net, plus, minus in vocab.balances:
            if net not in st.measure:
                continue
            start = layout.sentence(max(0, st.sentence[0] - 1))[0] if st.sentence[0] > 0 else 0
            flows = {}
            for i in range(index - 1, max(-1, index - 12), -1):
                other = statements.get(i)
                if other is None or quantities[i].start < start:
                    break
                if other.role is LEVEL and quantities[i].unit == quantities[index].unit:
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


NAMED_ROLES = frozenset({CHANGE, RATE, SHARE, COMPLETION})   # the only roles role_name names


def role_name(st: Statement, q: Quantity) -> str | None:
    """The name a rule binds a change, rate, share or completion by (change/drop, rate/fall, …)."""
    if st.compare and "均" in st.compare:
        return None   # 年均增长8.8%, 年均增收900亿元: an average per year is no change between the ends
    if st.role is CHANGE and q.unit == "百分点":
        return "gain" if st.sign > 0 else "loss" if st.sign < 0 else None
    if st.role is CHANGE:
        return "change" if st.sign >= 0 else "drop"
    if st.role is RATE:
        if q.unit == "倍":
            return "times" if st.sign >= 0 else None
        return "rate" if st.sign >= 0 else "fall"
    if st.role is SHARE:
        return "share"
    if st.role is COMPLETION:
        return "completion"
    return None



def _wholes_of_shares(about: dict[int, dict[str, int]], quantities, statements, layout: Layout, parts_lists,
                      vocab: Vocabulary | None) -> None:
    """The whole of each share, into `about`: stated in the share's own words, the total of its
    其中 list (其中，一线的100.6万名，占50.8%), or found earlier by the name its words give."""
    total_of = {part: pl.total for pl in parts_lists if pl.certain for part in pl.parts}
    previous = None     # the last share with a whole found: (its index, the whole)
    with_share = None   # levels with a share of their own, found once when a share needs them
    bare_share = None   # those whose share names no whole of its own (占31.5%): sibling parts, never a whole
    for index, st in with_role(statements, SHARE):
        if st.of is None:
            continue
        whole = whole_inside(index, quantities, statements)
        if whole is None and st.of in total_of and names_no_other_whole(index, quantities, statements, layout):
            whole = total_of[st.of]
        if whole is not None:
            about.setdefault(st.of, {})["whole"] = whole
        elif vocab is not None:
            if with_share is None:
                shares = with_role(statements, SHARE)
                with_share = {other.of for _, other in shares}
                bare_share = {other.of for i, other in shares if names_no_other_whole(i, quantities, statements, layout)}
            named = named_whole(index, quantities, statements, layout, parts_lists, vocab, with_share, bare_share)
            if named is None and previous is not None and st.of in bare_share:
                named = whole_carried(index, previous, quantities, statements, layout)
            if named is not None:
                about.setdefault(st.of, {})["named_whole"] = named
        if st.of in about and ("whole" in about[st.of] or "named_whole" in about[st.of]):
            previous = (index, about[st.of].get("whole", about[st.of].get("named_whole")))


def started_from(index: int, quantities, statements, layout: Layout, vocab: Vocabulary | None) -> int | None:
    """由A增加到B: the figure after 由/从 before a level reached by a verb of change and 到/至 (vocabulary
    change_up, change_down), in one sentence."""
    to = (vocab or vocabulary()).change_verb_to
    q = quantities[index]
    for i in range(index - 1, max(-1, index - 4), -1):
        st = statements.get(i)
        if st is None:
            continue
        if st.sentence != statements[index].sentence:
            return None
        if st.role is FROM and q.unit and quantities[i].unit == q.unit and to.search(layout.text, quantities[i].end, q.start):
            return _own_start(index, i, quantities, statements, layout.text)
    return None


def _own_start(index: int, last_start: int, quantities, statements, text: str) -> int | None:
    """分别从20000元、10000元提高到30000元、15000元: each end with the start of its place (15000元 with
    10000元, not with the nearest start); None when the two sides do not have as many values."""
    starts = side(quantities, statements, text, first_of_side(quantities, statements, text, last_start))
    if len(starts) == 1:
        return last_start
    ends = side(quantities, statements, text, first_of_side(quantities, statements, text, index))
    if len(ends) != len(starts) or index not in ends:
        return None
    return starts[ends.index(index)]


@functools.cache
def _gap_patterns(words: tuple[str, ...]) -> tuple[re.Pattern[str], re.Pattern[str]]:
    """A gap against the rate of a whole (高出同期我国外贸总体增速), and against another figure named
    (增幅高于收入), with the vocabulary's gap_words."""
    verbs = f"(?:{word_pattern(words).pattern})"
    against_whole = regexes.lazy(rf"{verbs}了?[^，,。；;\d]{{0,12}}(?:总体|整体|全国|全市|全省|全区|平均)"
                                    r"[^，,。；;\d]{0,4}(?:增速|增幅|涨幅|降幅|水平)$")
    gap_to = regexes.lazy(rf"(?P<subject>[^，,。；;]*?)(?P<verb>{verbs})了?(?P<name>[^，,。；;\d%]{{2,16}}?)$")
    return against_whole, gap_to


def _rates_against_whole(quantities, statements, layout: Layout, parts_lists, vocab: Vocabulary) -> list[tuple[int, int]]:
    """进出口16.72万亿元，同比增长8.6%。其中…进出口4.57万亿元，同比增长11.3%，增速高出同期我国外贸总体
    增速2.7个百分点: a part's rate set against the rate of its whole (总体, 全国, 平均 … 增速), stated with
    the total of the part's 其中 list: (the part's rate, the whole's rate)."""
    total_of = {part: pl.total for pl in parts_lists if pl.certain for part in pl.parts}
    found = []
    for index, st in with_role(statements, CHANGE):
        if quantities[index].unit != "百分点" or st.of is None:
            continue
        rate = statements.get(st.of)
        if rate is None or rate.role is not RATE or rate.of not in total_of:
            continue
        if not _gap_patterns(vocab.words("gap_words"))[0].search(layout.text, quantities[st.of].end,
                                                                 quantities[index].start):
            continue
        total = total_of[rate.of]
        whole_rate = next((i for i, other in statements.items() if other.role is RATE and other.of == total
                           and other.sign == rate.sign and quantities[i].unit == quantities[st.of].unit), None)
        if whole_rate is not None:
            found.append((st.of, whole_rate))
    return found


_GAP_WORDS = re.compile(r"^(?:同期|同类)|(?:的|增速|增幅|涨幅|降幅|占比|比重|比例|水平|增长)+$")


def gaps_to_named(quantities, statements, layout: Layout, vocab: Vocabulary) -> list[Fact]:
    """利润同比增长16.7%，增幅高于收入7.8个百分点 / 三产税收的占比…54.2%，二产税收的占比…45.7%，三产税收
    占比高出二产近9个百分点: a gap in points between a percentage and another its sentence states before,
    named after 高于/低于 (收入, 二产) by words of that one's measure: a Fact of the higher one (level), the
    lower one and the gap. The other is found by its name, so rules on it warn."""
    found = []
    gap_to = _gap_patterns(vocab.words("gap_words"))[1]
    for index, st in with_role(statements, CHANGE):
        q = quantities[index]
        if q.unit != "百分点" or q.kind != "point":
            continue
        m = gap_to.search(layout.text, st.clause[0], q.start)
        if m is None:
            continue
        name = _GAP_WORDS.sub("", m.group("name"))
        subject = _GAP_WORDS.sub("", m.group("subject"))
        percents = [i for i in range(index - 1, max(-1, index - 8), -1)
                    if statements.get(i) is not None and statements[i].sentence == st.sentence
                    and quantities[i].unit == "%" and statements[i].role in (LEVEL, RATE, SHARE)]
        own = next((i for i in percents if subject.replace("的", "") in statements[i].measure.replace("的", "")), None)
        if own is None or len(name) < 2 or name in statements[own].measure.replace("的", ""):
            continue   # 高技术制造业增加值…7.4%，高于制造业增加值增速: the one named is not stated
        named = next((i for i in percents if i != own and name in statements[i].measure.replace("的", "")), None)
        if named is None or statements[own].role is not statements[named].role:
            continue
        higher, lower = (own, named) if m.group("verb") in ("高出", "高于", "快于", "超出", "多出") else (named, own)
        found.append(Fact(higher, (("gap", index), ("lower", lower))))
    return found


_OF_TWO_LEVELS = ("change", "drop", "before")   # what relates a rate to a second level of current prices


def _set_constant_price_rates_apart(about: dict[int, dict[str, int]], quantities, statements, layout: Layout,
                                    vocab: Vocabulary) -> None:
    """地区生产总值3500亿元，比上年增加180亿元，增长6.5%: the rate of a measure grown at constant prices
    (constant_price_measures: 增加值, 生产总值) or marked so (real_growth_marks: 实际, 可比, 不变价) is no
    ratio of the level to the level less its increase, or to last year's, which are of current prices:
    such a rate is not bound beside them."""
    measures = word_pattern(vocab.words("constant_price_measures"))
    marks = word_pattern(vocab.words("real_growth_marks"))
    for level, named in about.items():
        rate = named.get("rate", named.get("fall"))
        if rate is None or not any(name in named for name in _OF_TWO_LEVELS):
            continue
        clause = statements[rate].clause
        if measures.search(statements[level].measure) or measures.search(statements[rate].measure) \
                or marks.search(layout.text, clause[0], clause[1]):
            named.pop("rate", None)
            named.pop("fall", None)


def _price_index(level: int, quantities, statements, vocab) -> bool:
    """工业生产者出厂价格指数为142: a plain number named by an official price index (price_indexes)."""
    q, st = quantities[level], statements[level]
    return q.unit is None and q.kind == "amount" and st.role is LEVEL \
        and any(st.measure.endswith(word) for word in vocab.words("price_indexes"))


def _average_restated(index: int, quantities, statements, vocab) -> int | None:
    """单产382公斤/亩，每亩产量比上年增加0.9公斤，增长0.2%: a change that names the average again in
    words of its own (每亩产量), followed by the rate of that average: the average it changes."""
    st = statements[index]
    following = statements.get(index + 1)
    if following is None or following.role is not RATE or following.of is None or following.of > index \
            or following.sentence != st.sentence:
        return None
    level = following.of
    if statements[level].role is not AVERAGE or quantities[level].unit != quantities[index].unit \
            or not vocab.average.search(st.measure):
        return None
    return level


