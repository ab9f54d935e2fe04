"""Periods within periods: a flow stated for a month (5月份当月) and for the months to date that
hold it (1—5月), or for 1—9月 and 1—10月, of one measure on one page. A flow that cannot be
negative is no larger for a part of a period than for the whole of it.

Each level's period is read from its clause's time, or else from the words that open its
sentence (上半年，…); spans of months come from their form (1—5月, 前10个月, 5月份) or from the
vocabulary (period_words: 上半年, 前三季度 …). A stock (截至10月底, 年末) has no span. A measure that
may be negative (signed_measures: 利润, 顺差, 净…) is left alone. Two levels are one measure when
they count the same thing (head) and end in the same words, with the same unit, no more than a
paragraph apart, and neither names a year the other does not.
"""

from __future__ import annotations

import re

from verify.frozen import record
from verify import regexes
from verify.reading.quantity import Quantity
from verify.statements.clauses import Layout
from verify.statements.facts import Fact
from verify.statements.records import LEVEL, Statement, with_role

_CN_MONTH = {"一": 1, "二": 2, "两": 2, "三": 3, "四": 4, "五": 5, "六": 6, "七": 7, "八": 8, "九": 9, "十": 10,
             "十一": 11, "十二": 12}
_MONTH = r"(\d{1,2}|十[一二]?|[一二两三四五六七八九])"
_RANGE = regexes.compile(rf"{_MONTH}\s*(?:—|–|-|－|~|～|至|到)\s*{_MONTH}\s*月(?!\s*\d{{1,2}}\s*日)")
_FIRST = regexes.compile(rf"前{_MONTH}\s*(?:个)?月")
_ONE = regexes.compile(rf"(?<![\d—–\-－~～至到])(?<!前){_MONTH}\s*月(?:份)?(?!\s*[\d一二三四五六七八九十]{{1,3}}\s*日|[底末初中上下]|\d)")
_STOCK = regexes.compile(r"截至|截止|[底末]|年初|月初")
_ANY_PERIOD = regexes.compile(r"[月季年底末截]")  # a character every period or stock word has
_YEAR = regexes.compile(r"(\d{4}|[〇零一二三四五六七八九]{4}|今|去|上|前|明)年")   # 2017年 and 二〇一七年 alike
_YEAR_DIGITS = str.maketrans("〇零一二三四五六七八九", "00123456789")
_BEFORE = 40         # characters before a clause in which its sentence may name its period
_NEAR = 400          # characters: a paragraph of a bulletin; further apart, two figures are two topics
_SAME_ENDING = 4     # characters the two measures must end in alike (进出口总值)


@record(slots=True)
class Period:
    """Months first..last of one year (the year as written, when it is)."""

    first: int
    last: int
    year: str | None

    def inside(self, other: Period) -> bool:
        """Strictly within the other period, in the same year as far as the text says."""
        same_year = self.year is None or other.year is None or self.year == other.year
        return same_year and other.first <= self.first and self.last <= other.last and (self.first, self.last) != (other.first, other.last)


def period_facts(quantities: list[Quantity], statements: dict[int, Statement], layout: Layout, vocab) -> list[Fact]:
    """A fact for each level of a period (bound `level`) and a level of the same measure for a
    period inside it (bound `within`)."""
    signed = regexes.compile("|".join(map(re.escape, vocab.words("signed_measures"))))
    heads = vocab.heads
    levels = [(index, st) for index, st in with_role(statements, LEVEL)
              if not st.note and st.measure and not signed.search(st.measure)]
    # only a level with another of its unit and head word near it can be paired: read their periods alone
    head_words = {measure: _head_word(measure, heads) for measure in {st.measure for _, st in levels}}   # (each once)
    keys = {index: (quantities[index].unit, st.head, head_words[st.measure]) for index, st in levels}
    near: set[int] = set()
    by_key: dict[tuple, list[int]] = {}
    for index, _ in levels:
        by_key.setdefault(keys[index], []).append(index)
    for members in by_key.values():
        for a, b in zip(members, members[1:]):
            if quantities[b].start - quantities[a].end <= _NEAR:
                near.update((a, b))
    spans = month_spans(vocab) if near else {}
    flows = []
    for index, st in levels:
        period = period_of(st, layout, spans) if index in near else None
        if period is not None:
            flows.append((index, st, period))
    found = []
    for i, (index, st, period) in enumerate(flows):
        for other, ost, operiod in flows[i + 1:]:
            if quantities[other].start - quantities[index].end > _NEAR:
                break
            if keys[index] != keys[other] or not _same_measure(st, ost):
                continue
            if period.inside(operiod):
                found.append(Fact(other, (("within", index),)))
            elif operiod.inside(period):
                found.append(Fact(index, (("within", other),)))
    return found


def month_spans(vocab) -> dict[str, tuple[int, int]]:
    """The months each named period covers (period_words: 上半年 to-date 06, 二季度 quarter 06,
    下半年 half 12); words of a year or of the past name no months."""
    return {word: {"to-date": (1, int(last)), "quarter": (int(last) - 2, int(last)),
                   "half": (int(last) - 5, int(last))}.get(kind, (int(last), int(last)))
            for word, (kind, last) in vocab.periods.items() if last.isdigit()}


def period_of(st: Statement, layout: Layout, spans: dict[str, tuple[int, int]]) -> Period | None:
    """The months a level's clause says it covers, or else the nearest period named before it
    in its sentence (上半年，全国…; 数据显示，1—8月，…)."""
    before = layout.text[st.sentence[0]:st.clause[0]][-_BEFORE:]
    for words in (st.time, before):
        found = _last_span(words, spans) if words else None
        if found is not None:
            return _period(found, f"{st.time or ''} {before}")   # (the year searched only for a level with a period: few)
    return None


def period_in(words: str, spans: dict[str, tuple[int, int]]) -> Period | None:
    """The period the words name last (全年新设立外商投资企业: 1-12), none for a stock (年末)."""
    found = _last_span(words, spans)
    return _period(found, words) if found is not None else None


def _period(found: tuple[int, int, int, bool], year_words: str) -> Period | None:
    """The months of a span _last_span found, in the year year_words name, if they name one; none
    for a stock."""
    _, first, last, stock = found
    if stock:
        return None
    year = _YEAR.search(year_words)
    return Period(first, last, year.group().translate(_YEAR_DIGITS) if year else None)


def _last_span(words: str, spans: dict[str, tuple[int, int]]) -> tuple[int, int, int, bool] | None:
    """(end, first month, last month, is a stock) of the period named last in the words."""
    if not _ANY_PERIOD.search(words):  # most clauses name none: one search instead of twenty
        return None
    found = []
    for word, (first, last) in spans.items():
        at = words.rfind(word)
        if at >= 0:
            found.append((at + len(word), first, last, False))
    for m in _RANGE.finditer(words):
        first, last = _month(m.group(1)), _month(m.group(2))
        if 1 <= first < last <= 12:
            found.append((m.end(), first, last, False))
    for m in _FIRST.finditer(words):
        last = _month(m.group(1))
        if 1 < last <= 12:
            found.append((m.end(), 1, last, False))
    for m in _ONE.finditer(words):
        month = _month(m.group(1))
        if 1 <= month <= 12:
            found.append((m.end(), month, month, False))
    found.extend((m.end(), 0, 0, True) for m in _STOCK.finditer(words))
    return max(found) if found else None


def _month(text: str) -> int:
    return int(text) if text.isdigit() else _CN_MONTH.get(text, 0)


def _same_measure(a: Statement, b: Statement) -> bool:
    """(Of the same unit, head and head word as written: 出口 is no 进出口, though one family.) The
    same measure, or the same last words."""
    if a.measure == b.measure:
        return True
    ending = min(len(a.measure), len(b.measure))
    return ending >= _SAME_ENDING and a.measure[-_SAME_ENDING:] == b.measure[-_SAME_ENDING:]


def _head_word(measure: str, heads) -> str:
    """The last indicator head the measure names, as written."""
    found = heads.findall(measure)   # (no groups: the words themselves)
    return found[-1] if found else ""
