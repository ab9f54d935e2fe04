"""Sums stated by 加上: 补助资金预算1亿元，加上已提前下达的10.8亿元，合计下达预算11.8亿元 — the level before
加上 (in its sentence or the one before), the figure added (after 加上, in its clause) and the total after
it in its sentence, named as one (合计, 共计, 共, 实际: vocabulary sum_words): earlier + added = total.
"""

from __future__ import annotations

from verify.reading.quantity import Quantity
from verify.statements.clauses import Layout
from verify.statements.facts import Fact
from verify.statements.records import LEVEL, PLAN, Statement
from verify.statements.vocabulary import word_pattern

_ROLES = (LEVEL, PLAN)


def added_totals(quantities: list[Quantity], statements: dict[int, Statement], layout: Layout, vocab,
                 parts: frozenset[int]) -> list[Fact]:
    """Each figure added by 加上 with the level before it and the total after it, as a Fact of the
    total with `earlier` and `added`. The level before is the nearest of the added figure's unit, not a
    part of a 其中 list (8480亿元，其中…2900亿元。加上…1万亿元，共…18480亿元: 8480), in the sentence of 加上
    or the one before; the total is the next figure of the unit in the sentence, named by a sum word,
    with none of the unit between (加上A和B，共C is no sum of two)."""
    text = layout.text
    adds = word_pattern(vocab.words("addition_words")).search   # (looked up once: searched for most figures)
    sums = word_pattern(vocab.words("sum_words"))
    not_sums = word_pattern(vocab.words("not_sum_words"))   # 公共, 共同: no sum word
    found = []
    for index, st in statements.items():
        q = quantities[index]
        if st.role not in _ROLES or st.note or q.kind not in ("amount", "count"):
            continue
        if adds(text, st.clause[0], q.start) is None:
            continue
        earlier = _earlier(index, quantities, statements, layout, parts)
        total = None
        for i in range(index + 1, min(len(quantities), index + 8)):
            other = statements.get(i)
            if other is None or other.note or other.role not in _ROLES or quantities[i].unit != q.unit:
                continue
            if other.sentence != st.sentence:
                break
            if sums.search(not_sums.sub("", text[other.clause[0]:quantities[i].start])) is not None:
                total = i
            break   # the next of the unit is the total, or there is none
        if earlier is not None and total is not None:
            found.append(Fact(total, (("earlier", earlier), ("added", index))))
    return found


def _earlier(index: int, quantities, statements, layout: Layout, parts: frozenset[int]) -> int | None:
    """The nearest level before the added figure's clause, of its unit, in its sentence or the one
    before, no part of a 其中 list."""
    st, unit = statements[index], quantities[index].unit
    floor = layout.sentence(st.sentence[0] - 1)[0] if st.sentence[0] > 0 else 0
    for i in range(index - 1, max(-1, index - 12), -1):
        other = statements.get(i)
        if other is None:
            continue
        if quantities[i].start < floor:
            return None
        if other.clause == st.clause or other.note or i in parts:
            continue
        if other.role in _ROLES and quantities[i].unit == unit and quantities[i].kind in ("amount", "count"):
            return i
    return None
