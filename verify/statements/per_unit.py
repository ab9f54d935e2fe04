"""Averages per a counted unit stated with their count: 全国农村从业人员为56085.58万人。按从事生产经营活动的
农村户数21455.74万户计算，户均从业人员数为2.61人 — the average (its word from the vocabulary's
`per_unit_averages`: 户均 divides by a count of 户), the count it divides by (the figure of that unit inside a
按…计算 of its sentence, before it) and the total divided (the nearest level before the count, of the average's
unit, whose measure shares a word with the average's: 从业人员; in the sentence or the one before): total =
count × average, as a Fact of the total with `average`, and the count as the constant `units` (a
number of another unit, 户, that the average's 人 is not compared with).
"""

from __future__ import annotations

import functools

from verify import regexes
from verify.reading.quantity import Quantity
from verify.statements.clauses import Layout
from verify.statements.facts import Fact
from verify.statements.reader import shares_a_word
from verify.statements.records import Role, Statement
from verify.statements.vocabulary import Vocabulary

_BASIS = regexes.compile(r"按[^,，。；;:：]{0,40}?计算")   # 按…户数21455.74万户计算: the count an average divides by


@functools.cache
def _per_unit(entries: tuple[str, ...]) -> tuple[tuple[str, tuple[str, ...]], ...]:
    """"户均 户" -> (户均, (户,)): an average's word and the units of the count it divides by."""
    return tuple((word, tuple(units)) for word, *units in (entry.split() for entry in entries))


def per_unit_averages(quantities: list[Quantity], statements: dict[int, Statement], layout: Layout,
                      vocab: Vocabulary) -> list[Fact]:
    """Each average per unit with its count (按…计算) and the total it divides."""
    text = layout.text
    found = []
    for index, st in statements.items():
        if st.role is not Role.AVERAGE or "计算" not in text[st.sentence[0]:quantities[index].start]:
            continue
        hit = next(((word, units) for word, units in _per_unit(vocab.words("per_unit_averages"))
                    if st.measure.startswith(word)), None)
        if hit is None:
            continue
        word, units = hit
        count = _count(index, units, quantities, statements, layout)
        if count is None:
            continue
        total = _total(count, quantities[index].unit, st.measure[len(word):], quantities, statements, layout)
        if total is not None:
            q = quantities[count]   # a count of another unit (户): given as a number, so 人 is not compared with 户
            found.append(Fact(total, (("average", index),), (("units", (q.interval.low, q.interval.high, q.text)),)))
    return found


def _count(index: int, units: tuple[str, ...], quantities, statements, layout: Layout) -> int | None:
    """The figure of the count's unit inside a 按…计算 before the average, in its sentence."""
    st = statements[index]
    for basis in _BASIS.finditer(layout.text, st.sentence[0], quantities[index].start):
        for i in range(index - 1, max(-1, index - 6), -1):
            q = quantities[i]
            if q.start < basis.start():
                break
            if q.end <= basis.end() and q.unit in units and q.kind in ("amount", "count") \
                    and statements.get(i) is not None and q.value is not None:
                return i
    return None


def _total(count: int, unit: str | None, words: str, quantities, statements, layout: Layout) -> int | None:
    """The nearest level before the count, of the average's unit, whose measure shares a word with the
    average's, in the count's sentence or the one before."""
    st = statements[count]
    floor = layout.sentence(st.sentence[0] - 1)[0] if st.sentence[0] > 0 else 0
    for i in range(count - 1, max(-1, count - 8), -1):
        other = statements.get(i)
        if other is None:
            continue
        if quantities[i].start < floor:
            return None
        if other.role is Role.LEVEL and not other.note and quantities[i].unit == unit \
                and quantities[i].value is not None and shares_a_word(other.measure, words):
            return i
    return None
