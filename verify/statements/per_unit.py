"""Averages per a counted unit stated with their count: 全国农村从业人员为56085.58万人。按从事生产经营活动的
农村户数21455.74万户计算，户均从业人员数为2.61人 — the average (its word from the vocabulary's
`per_unit_averages`: 户均 divides by a count of 户), the count it divides by (the figure of that unit inside a
按…计算 of its sentence, before it; for 人均, a figure written N万人口 there) and the total divided (the nearest
level before the average, of its unit, whose measure shares a word with the average's: 从业人员; in the sentence
or the one before; the only one of its sentence when the average names no measure, 突破人均万元大关): total =
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
from verify.statements.records import AVERAGE, LEVEL, Statement, with_role
from verify.statements.vocabulary import Vocabulary

_DIGIT = regexes.lazy(r"[0-9０-９]")
_BASIS = regexes.lazy(r"按[^,，。；;:：]{0,40}?计算")   # 按…户数21455.74万户计算: the count an average divides by


@functools.cache
def _per_unit(entries: tuple[str, ...]) -> tuple[tuple[str, tuple[str, ...]], ...]:
    """"户均 户" -> (户均, (户,)): an average's word and the units of the count it divides by."""
    return tuple((word, tuple(units)) for word, *units in (entry.split() for entry in entries))


def per_unit_averages(quantities: list[Quantity], statements: dict[int, Statement], layout: Layout,
                      vocab: Vocabulary) -> list[Fact]:
    """Each average per unit with its count (按…计算, or N万人口 for 人均) and the total it divides; an
    average after a word of a lower bound (突破人均万元大关) is bound as `average_floor`, a bare 万 (no digits)
    as the exact mark it names."""
    text = layout.text
    found = []
    floors = vocab.words("title_lower_bounds")
    for index, st in with_role(statements, AVERAGE):
        lead = text[st.sentence[0]:quantities[index].start]
        if "计算" not in lead and "人口" not in lead:
            continue
        hit = next(((word, units) for word, units in _per_unit(vocab.words("per_unit_averages")) if word in st.measure), None)
        if hit is None:
            continue
        word, units = hit
        before, rest = st.measure.split(word, 1)
        floor = bool(before) and before.endswith(floors)
        if before and not floor:
            continue   # 人均 inside the words of another measure
        count = _count(index, units, quantities, statements, layout) or _population(index, units, quantities,
                                                                                     statements, layout)
        if count is None:
            continue
        total = _total(index, count, quantities[index].unit, rest, quantities, statements, layout)
        if total is None:
            continue
        q = quantities[count]   # a count of another unit (户): given as a number, so 人 is not compared with 户
        units_of = ("units", (q.interval.low, q.interval.high, q.text))
        avg = quantities[index]
        if floor and not _DIGIT.search(avg.text) and avg.value is not None:
            # 突破人均万元大关: a bare 万 passed is a round mark, exactly 10000, not a figure rounded to 万
            found.append(Fact(total, (), (units_of, ("average_floor", (avg.value, avg.value, avg.text)))))
        else:
            found.append(Fact(total, (("average_floor" if floor else "average", index),), (units_of,)))
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


def _population(index: int, units: tuple[str, ...], quantities, statements, layout: Layout) -> int | None:
    """53万人口的象山县…人均: a count of people written as N人口, before a 人均 in its sentence."""
    if "人口" not in units:
        return None
    st = statements[index]
    for i in range(index - 1, max(-1, index - 6), -1):
        q = quantities[i]
        if q.start < st.sentence[0]:
            break
        if q.unit == "人" and layout.text.startswith("口", q.end) and q.value is not None and statements.get(i) is not None:
            return i
    return None


def _total(index: int, count: int, unit: str | None, words: str, quantities, statements, layout: Layout) -> int | None:
    """The nearest level before the average (not the count), of its unit, in its sentence or the one before,
    whose measure shares a word with the average's; when the average names no measure of its own (突破人均
    万元), the only level of its unit in its sentence."""
    st = statements[index]
    floor = layout.sentence(st.sentence[0] - 1)[0] if st.sentence[0] > 0 else 0
    if not words:
        found = [i for i in range(max(0, index - 8), index) if i != count and statements.get(i) is not None
                 and statements[i].role is LEVEL and quantities[i].unit == unit
                 and quantities[i].start >= st.sentence[0] and quantities[i].value is not None]
        return found[0] if len(found) == 1 else None
    for i in range(index - 1, max(-1, index - 10), -1):
        other = statements.get(i)
        if other is None or i == count:
            continue
        if quantities[i].start < floor:
            return None
        if other.role is LEVEL and not other.note and quantities[i].unit == unit \
                and quantities[i].value is not None and shares_a_word(other.measure, words):
            return i
    return None
