"""Facts: the figures that state one measure together — a level, its change, its rate, its share,
where it started (由A增加到B), the whole it is a share of — so that rules can relate them.

A change, rate, share or completion is linked to its level by the reader (`Statement.of`); a
level reached by 增长到/降至 is linked to the figure after 由/从 before it in the same sentence; a
share's whole is the figure stated inside its own words (占全区全部工业产值212亿元的40%). Changes
and rates are bound by direction (change/drop, rate/fall), so rule formulas need no signs.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from verify.quantities import Quantity
from verify.statements.clauses import Layout
from verify.statements.records import Role, Statement

_TO = re.compile(r"(?:增长|增加|提高|提升|上升|上涨|扩大|下降|减少|降低|回落|缩小|下跌|降|升|增|减)了?(?:到|至)")


@dataclass(frozen=True, slots=True)
class Fact:
    """Figures about one measure, by the name rules use for them (level, change, drop, rate, fall,
    times, before, share, whole, completion), as quantity indexes."""

    level: int
    figures: tuple[tuple[str, int], ...]

    def bound(self) -> dict[str, int]:
        """The figures by name, the level included."""
        return {"level": self.level, **dict(self.figures)}


def facts(quantities: list[Quantity], statements: dict[int, Statement], layout: Layout,
          parts_lists=()) -> list[Fact]:
    """Every level that has at least one other figure stating about it."""
    about: dict[int, dict[str, int]] = {}
    total_of = {part: pl.total for pl in parts_lists if pl.certain for part in pl.parts}
    for index, st in statements.items():
        if st.of is None or statements.get(st.of) is None:
            continue
        name = _name(st, quantities[index])
        if name:
            about.setdefault(st.of, {}).setdefault(name, index)
    for index, st in statements.items():
        if st.role in (Role.LEVEL, Role.AVERAGE):
            before = _started_from(index, quantities, statements, layout)
            if before is not None:
                about.setdefault(index, {})["before"] = before
        if st.role is Role.SHARE and st.of is not None:
            whole = _whole_inside(index, quantities, statements)
            if whole is None and st.of in total_of and _names_no_other_whole(index, quantities, statements, layout):
                whole = total_of[st.of]   # 其中，一线的100.6万名，占50.8%: a share of the list's total
            if whole is not None:
                about.setdefault(st.of, {})["whole"] = whole
    return [Fact(level, tuple(sorted(named.items()))) for level, named in sorted(about.items())
            if statements[level].role in (Role.LEVEL, Role.AVERAGE)]


def _name(st: Statement, q: Quantity) -> str | None:
    if st.role is Role.CHANGE and q.unit != "百分点":
        return "change" if st.sign >= 0 else "drop"
    if st.role is Role.RATE:
        if st.compare and "均" in st.compare:
            return None   # 年均增长8.8%: an average annual rate is no ratio of the two ends
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
