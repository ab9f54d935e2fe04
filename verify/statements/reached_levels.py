"""A rise and the level it reached, written after it: 港口万吨级以上泊位增加379个，总量达2971个; 财政补助标准再次
提高60元，达到人均380元; 土地适度规模经营面积比上年增加21万亩，达到近300万亩.

An increase (a change up) and, right after it across ， or 、, a level of the same unit (or one counting
the same things, 增加12名，达到33人, unless both may be ranks: 排名上升12名，达到33名) that only a word of
`reached_words` (or 达) opens, after at most 已, 人均 or 总 and a name of one to three characters (总量, 总里程):
the level is where the increase took the measure, and what it started from was no less than zero, so the
increase is at most the level (fact of the level with `increase`, rule increase-within-level).

A figure after 超过/超/逾/突破 and, right after it across the same gap, the level it reached: 全球累计确诊病例超过40万，
达到401763例. The level is the figure the threshold rounds off, so it is no less than the threshold (rule
threshold-reached) and no further above it than 超 reaches (rule threshold-restated; fact of the level with
`threshold`).
"""

from __future__ import annotations

import functools

from verify import regexes
from verify.reading.bounds import QUALIFIER_BOUND
from verify.reading.numerals import counted_as
from verify.reading.quantity import Quantity
from verify.statements.clauses import Layout
from verify.statements.facts import Fact
from verify.statements.records import AVERAGE, CHANGE, LEVEL, Statement, with_role
from verify.statements.vocabulary import Vocabulary, word_pattern


def reached_levels(quantities: list[Quantity], statements: dict[int, Statement], layout: Layout,
                   vocab: Vocabulary, known: list) -> list[Fact]:
    """Every increase followed by the level it reached, as a fact of the level."""
    view = layout.text
    gap = _gap(vocab.words("reached_words"))
    signed = word_pattern(vocab.words("signed_measures"))
    ranks = frozenset(vocab.words("rank_units"))
    read = {(f.level, i) for f in known for name, i in f.figures if name == "increase"}
    found = []
    for index, st in with_role(statements, CHANGE):
        if st.sign <= 0 or index + 1 not in statements:
            continue
        q, level = quantities[index], quantities[index + 1]
        reached = statements[index + 1]
        if reached.role not in (LEVEL, AVERAGE) or counted_as(level.unit) != counted_as(q.unit) or q.kind not in ("amount", "count") \
                or level.kind not in ("amount", "count") or q.value is None or level.value is None or q.label or level.label \
                or reached.sentence != st.sentence or q.unit in ranks and level.unit in ranks \
                or signed.search(st.measure) or signed.search(reached.measure) \
                or not gap.fullmatch(view, q.end, level.start) or (index + 1, index) in read:
            continue
        found.append(Fact(index + 1, (("increase", index),)))
    return found


def passed_thresholds(quantities: list[Quantity], statements: dict[int, Statement], layout: Layout,
                      vocab: Vocabulary) -> list[Fact]:
    """Every level after 超过 followed by the level it reached, as a fact of the reached level."""
    view = layout.text
    gap = _gap(vocab.words("reached_words"))
    found = []
    for index, st in with_role(statements, LEVEL):
        q = quantities[index]
        if QUALIFIER_BOUND.get(q.qualifier or "") != "over" or index + 1 not in statements:
            continue
        level, reached = quantities[index + 1], statements[index + 1]
        if reached.role != LEVEL or reached.sentence != st.sentence or q.label or level.label \
                or q.kind not in ("amount", "count") or level.kind not in ("amount", "count") \
                or q.unit is not None and counted_as(q.unit) != counted_as(level.unit) \
                or not gap.fullmatch(view, q.end, level.start):
            continue
        found.append(Fact(index + 1, (("threshold", index),)))
    return found


def borrowed_units(found: list[Fact], quantities: list[Quantity]) -> tuple[tuple[int, str], ...]:
    """A threshold without a unit counts what the level it reached counts (超过40万，达到401763例)."""
    out = []
    for fact in found:
        for name, index in fact.figures:
            if name == "threshold" and quantities[index].unit is None and quantities[fact.level].unit is not None:
                out.append((index, quantities[fact.level].unit))
    return tuple(out)


@functools.cache
def _gap(reached: tuple[str, ...]):
    """，总量达 / ，达到人均 / ，已达到: what may stand between an increase and the level it reached."""
    return regexes.lazy(rf"[，,、]\s*(?:已|总[\u4e00-\u9fff]{{1,3}}?)?(?:{word_pattern(reached).pattern}|达)(?:了|人均)?")
