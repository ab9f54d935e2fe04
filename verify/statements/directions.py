"""Directions: where a figure reached by a verb of change started, and which way the verb goes.

由A增加到B, 从2013年底的A减少到2019年底的B: B is bound with A as `rise_from` or `fall_from`, by the
direction of the verb before 到/至 (vocabulary change_up, change_down), so that a rule can ask
that a rise ends no lower than it started and a fall no higher. 分别从A、B提高到C、D pairs the
values item by item (A with C, B with D), when both sides have as many. A yearly average rate of
growth stated right after a single rise (由A增加到B、年均增长p%) is bound with it as `yearly_rate`:
the span is at least a year, so B ≥ A(1 + p); with the years of both written right before them
(从2002年的A增长到2012年的B) as `first_year` and `last_year`, for a measure grown at current prices.

Left alone: figures in rank or grade units (世行排名从78位跃升至31位, 水质从四类跃升到二类: the
number falls as it rises; vocabulary rank_units) and measures stated as an error (精度由10公里提高到
1公里; vocabulary inverse_measures). A start and an end in two units of one family (由1小时缩短至10分钟:
unit_factors.py) are paired too; a rule compares them only when it converts that family.
"""

from __future__ import annotations

import functools
import re

from verify import regexes
from verify.reading.quantity import Quantity
from verify.statements.clauses import Layout
from verify.statements.facts import Fact
from verify.statements.reader import NUMERIC
from verify.statements.records import FROM, RATE, Statement, with_role
from verify.statements.sides import joined, side
from verify.statements.unit_factors import one_measure
from verify.statements.vocabulary import Vocabulary, word_pattern

_YEARLY = "年均"


def directions(quantities: list[Quantity], statements: dict[int, Statement], layout: Layout,
               vocab: Vocabulary) -> list[Fact]:
    """Every level reached from a stated start by a verb of known direction, as a fact."""
    verbs = _verbs(vocab.words("change_up") + vocab.words("reached_up"), vocab.words("change_down") + vocab.words("reached_down"))
    ranks, inverse = vocab.words("rank_units"), vocab.words("inverse_measures")
    real = word_pattern(vocab.words("constant_price_measures") + vocab.words("often_real_measures") + vocab.words("real_growth_marks"))
    found = []
    for index, st in with_role(statements, FROM):
        if statements.get(index - 1) is not None \
                and statements[index - 1].role is FROM and joined(layout.text, quantities, index - 1, index):
            continue   # not the first value of its side
        if quantities[index].unit in ranks or any(w in st.measure for w in inverse):
            continue
        starts = side(quantities, statements, layout.text, index)
        verb, ends = _reached(quantities, statements, layout.text, starts[-1], verbs)
        if verb is None or len(ends) != len(starts):
            continue
        name = "rise_from" if verb == "up" else "fall_from"
        for start, end in zip(starts, ends):
            if one_measure(quantities, start, end, vocab) and quantities[end].unit not in ranks:
                figures = ((name, start),) + _yearly(quantities, statements, layout.text, end, starts, verb, real)
                found.append(Fact(end, figures))
    return found


def _reached(quantities: list[Quantity], statements: dict[int, Statement], text: str, last: int,
             verbs: tuple[re.Pattern[str], re.Pattern[str]]) -> tuple[str | None, list[int]]:
    """The direction of the verb after a side of starts, and the values it reached (its other side):
    only a verb, 到/至 and a time may stand between (从2020年的645元…提高到2025年的801元)."""
    after = last + 1
    while after < len(quantities) and quantities[after].kind not in NUMERIC and after not in statements:
        after += 1   # a year or a date of the end: part of the gap
    if after not in statements:
        return None, []
    gap = text[quantities[last].end:quantities[after].start]
    up, down = (bool(pattern.fullmatch(gap)) for pattern in verbs)
    verb = "up" if up and not down else "down" if down and not up else None
    return verb, (side(quantities, statements, text, after) if verb else [])


def _yearly(quantities: list[Quantity], statements: dict[int, Statement], text: str, end: int, starts: list[int],
            verb: str, real: re.Pattern[str]) -> tuple[tuple[str, int], ...]:
    """年均增长p% right after a single rise's end, in its sentence; with the years of the start and the
    end when each is written right before it (从2002年的A增长到2012年的B，年均增长p%) and no word of
    `real` (constant_price_measures, often_real_measures, real_growth_marks) stands in their clauses: 增加值 and 生产总值 grow
    at constant prices while their levels are current, so their yearly rate is no growth of the levels."""
    rate = statements.get(end + 1)
    if verb != "up" or len(starts) != 1 or rate is None or rate.role is not RATE or rate.sign <= 0 \
            or not rate.compare or _YEARLY not in rate.compare or quantities[end + 1].unit != "%" \
            or rate.sentence != statements[end].sentence:
        return ()
    years = tuple(_year_of(quantities, text, i) for i in (starts[0], end))
    clauses = text[statements[starts[0]].clause[0]:rate.clause[1]]
    if None in years or real.search(clauses):
        return (("yearly_rate", end + 1),)   # 地区生产总值…年均增长8.8%: a real rate of current-price levels
    return (("yearly_rate", end + 1), ("first_year", years[0]), ("last_year", years[1]))


_OF_YEAR = regexes.lazy(r"(?:年|年底|年末|年时)?的?")


def _year_of(quantities: list[Quantity], text: str, index: int) -> int | None:
    """The year a figure is of, written right before it (从2002年的547.67亿美元, 到2012年底的4001亿美元):
    the figure before it, a year of the calendar, with only 年, 年底, 年末 and 的 between; else None."""
    if index == 0 or quantities[index - 1].kind != "year":
        return None
    year = quantities[index - 1]
    gap = text[year.end:quantities[index].start]
    return index - 1 if _OF_YEAR.fullmatch(gap) else None


@functools.cache
def _verbs(up: tuple[str, ...], down: tuple[str, ...]) -> tuple[re.Pattern[str], re.Pattern[str]]:
    """The gap between a start and its end for a verb of each direction: (/月)，(大幅)提高到 (压缩至,
    延长为) and a time of the end (2025年的, 2019年底的, 现在的)."""
    def gap(words: tuple[str, ...]) -> re.Pattern[str]:
        return regexes.lazy(rf"(?:/[\u4e00-\u9fff])?[，,]?\s*[\u4e00-\u9fff]{{0,2}}?(?:{word_pattern(words).pattern})了?"
                          rf"(?:到|至|为)[^，,。；;、]{{0,12}}")
    return gap(up), gap(down)
