"""One part after 其中 where no breakdown was read (造成52人受伤，其中8人伤势较重): the figure right after
the clause's 其中 and the level ending the clause before it, the only one of its unit in the sentence so
far (Fact: level the whole, `part`). A whole given as a count and the size of each (两台33万千瓦机组，
其中有60万千瓦送往北京: the size is read as an attribute of the count right before it) is the count times
the size (Fact: level the part, `per_item` the size, the count as the constant `items`). Read from words,
so rules on them are probable (warnings); the breakdowns 其中 opens are scopes.py's.
"""

from __future__ import annotations

import bisect

from verify import regexes
from verify.reading.numerals import counted_as
from verify.reading.quantity import Quantity
from verify.statements.clauses import Layout
from verify.statements.facts import Fact
from verify.statements.members import SEGMENT_END, SEGMENT_START
from verify.statements.records import ATTRIBUTE, LEVEL, PLAN, Statement
from verify.statements.totals import bound_of_each, unit_of
from verify.statements.vocabulary import Vocabulary, word_pattern

_QIZHONG = regexes.lazy("其中")


def _lead(view: str, at: int) -> int | None:
    """Up to where the whole of a 其中 at `at` may reach: the separator right before a clause's 其中; the
    one before a short verb (审议4件法律草案，通过其中3件; 38枚导弹，乌防空火力拦截了其中30枚); or 其中 itself
    when no separator stands within reach (组建的12人委员会其中7人): the whole is in its clause."""
    if view[at - 1] in ",，;；:：":
        return at - 1
    if view[at - 1] in "。!！?？\n\"“”（）()、":
        return None
    cut = SEGMENT_START.search(view, max(0, at - _VERB_REACH), at)
    return cut.start() if cut else at


_VERB_REACH = 10
_PART_REACH = 12   # characters between 其中 and its one part (其中重症监护的病例约为2600例)


def single_parts(quantities: list[Quantity], statements: dict[int, Statement], layout: Layout, parts_lists,
                 vocab: Vocabulary) -> list:
    """造成52人受伤，其中8人伤势较重; 共派出437人，其中运动员251人: the figure right after a clause's 其中,
    where no breakdown was read, and the figure right before it, the only one of its unit in the
    sentence so far, a level of the same unit: the part cannot exceed the whole. The part must
    count what the whole does: its noun repeats the whole's (212条河流…，其中72条河流超保), it names no
    thing of its own (a predicate of member_predicates after it), or it counts people (Fact: level
    the whole, `part`)."""
    view = layout.text
    opened = {pl.marker for pl in parts_lists}
    starts = [q.start for q in quantities]
    predicates = word_pattern(vocab.words("member_predicates"))
    found = []
    for m in _QIZHONG.finditer(view):
        at = m.start()
        if at in opened or at == 0:
            continue
        lead = _lead(view, at)
        if lead is None:
            continue
        part = bisect.bisect_left(starts, m.end())
        whole = part - 1
        if whole < 0 or part >= len(quantities):
            continue
        p, w = quantities[part], quantities[whole]
        if not _part_and_whole(p, w, m.end(), at, view):
            continue
        ps, ws = statements.get(part), statements.get(whole)
        items = _items_of(quantities, statements, whole)
        if ps is None or ws is None or ps.role is not LEVEL or ps.note or ws.note \
                or ws.role not in (LEVEL, PLAN) and items is None:   # (a plan's part: 计划实施436项…，其中183项已建成)
            continue
        sentence = layout.sentence(at)
        if sentence != layout.sentence(p.start) or w.start < sentence[0] or SEGMENT_END.search(view, w.end, lead):
            continue   # the whole ends the clause right before 其中 (or stands in its clause before it)
        if any(unit_of(quantities[k]) == unit_of(w) and quantities[k].start >= sentence[0] for k in range(max(0, whole - 4), whole)):
            continue   # 101名乘客和7名机组人员全部获救，其中45人受伤: which total is not sure
        if bound_of_each(whole, quantities, statements, view):
            continue   # 陕西、江苏、浙江等省份接待观众超300万人次，其中陕西…: each passed it; no whole
        noun = ws.head[:2]
        after = view[p.end:p.end + 8]
        if after.startswith("的") or p.text[:1] in "亿万千百":
            continue   # 其中年产100万台以上的企业: a threshold of the things counted, no part of the whole
        if not (noun and noun in view[m.end():p.end + 8] or not ps.head or counted_as(p.unit) == "人"
                or predicates.match(after)):
            continue
        found.append(_part_fact(part, whole, items, quantities))
    return found


def _part_and_whole(p: Quantity, w: Quantity, opened: int, at: int, view: str) -> bool:
    """The figure after 其中 (opened: where 其中 ends) and the one before it (at: where 其中 starts) may
    be a part and its whole: near 其中 in one segment, amounts or counts of one unit, each a value."""
    return p.start - opened <= _PART_REACH and not SEGMENT_END.search(view, opened + 1, p.start) and w.end <= at \
        and p.kind in ("amount", "count") and w.kind == p.kind and unit_of(w) == unit_of(p) \
        and p.value is not None and w.value is not None and not p.label and not w.label


def _part_fact(part: int, whole: int, items: int | None, quantities: list[Quantity]) -> Fact:
    """The whole with its `part`; or, for a whole given as a count and the size of each (两台33万千瓦机组),
    the part with the size as `per_item` and the count as the constant `items` (of another unit, 台,
    as an average's count of units is)."""
    if items is None:
        return Fact(whole, (("part", part),))
    count = quantities[items]
    return Fact(part, (("per_item", whole),), (("items", (count.interval.low, count.interval.high, count.text)),))


def _items_of(quantities: list[Quantity], statements: dict[int, Statement], size: int) -> int | None:
    """两台33万千瓦机组: the count right before a figure read as the size of each thing it counts (an
    attribute, written right after the count), so the whole is the count times the size."""
    st, count = statements.get(size), statements.get(size - 1)
    if st is None or st.role is not ATTRIBUTE or count is None or count.role is not LEVEL \
            or quantities[size - 1].value is None or quantities[size - 1].end != quantities[size].start:
        return None
    return size - 1
