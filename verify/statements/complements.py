"""One member and all the others, after 除X以外，其他: 湖北新增确诊病例126例；除湖北以外，其他省份新增确诊
病例17例 — the member and the rest together are the whole of their measure, stated before them in the
paragraph (当日新增143例, the day's new ones of 累计报告确诊病例). A complete breakdown, probable only (a
warning at most): the words say it, but the whole is found by its name.

The others' figure is the first figure right after 除X以外(之外, 外)，其他 in its clause, a level whose
name ends with the member's name once X is cut (其他省份新增确诊病例 and 湖北新增确诊病例: 新增确诊病例);
the member is the nearest level before it in its sentence whose name opens with X, of the same unit. The
whole is the nearest level of that unit before the member in its paragraph, out of brackets, named by
the same name (全国新增确诊病例, never 武汉新增确诊病例: only 全X or the day may lead it), or by its first word only (当日新增, a word of `new_counts`) after a
running total of its sentence (a word of `cumulative_words`) named by the rest of it (累计报告确诊病例),
and of the parts' time when both state one.
"""

from __future__ import annotations

import bisect

from verify import regexes
from verify.reading.quantity import Quantity
from verify.statements.clauses import Layout
from verify.statements.records import LEVEL, PartsList, Statement, of_one_time
from verify.statements.vocabulary import Vocabulary

_OTHERS = regexes.lazy(r"除(?P<member>[\u4e00-\u9fff]{1,8}?)(?:以外|之外|外)[，,]?其他")
_REACH = 30   # figures before the member that may hold the whole
# What may stand before the whole's name: nothing, 全国/全省 or the day (当日新增), never another place (武汉新增…)
_WHOLE_LEAD = regexes.lazy(r"(?:全[\u4e00-\u9fff]{0,2}|当日|当天|今日|本日|共|共计|合计)?")


def complements(quantities: list[Quantity], statements: dict[int, Statement], layout: Layout,
                vocab: Vocabulary) -> list[PartsList]:
    """Every member's figure and the others' after 除X以外，其他, with the whole they make up."""
    text = layout.text
    found: list[PartsList] = []
    starts = None
    for m in _OTHERS.finditer(text):   # one scan of the page: the construction is rare
        starts = starts if starts is not None else [q.start for q in quantities]
        others = bisect.bisect_left(starts, m.end())
        st = statements.get(others)
        if st is None or st.role is not LEVEL or st.note or layout.clause(m.end())[1] <= quantities[others].start:
            continue
        member = _member(m.group("member"), others, quantities, statements)
        if member is None:
            continue
        rest = statements[member].measure[len(m.group("member")):]
        whole = _whole(rest, member, quantities, statements, layout, vocab)
        if whole is not None:
            found.append(PartsList(m.start(), whole, (member, others), True, quantities[others].end, "complete", True))
    return found


def _member(name: str, others: int, quantities: list[Quantity], statements: dict[int, Statement]) -> int | None:
    """The nearest level before the others' figure in its sentence named by the member (湖北新增确诊病例),
    the rest of its name ending the others' name (其他省份新增确诊病例)."""
    st = statements[others]
    for i in range(others - 1, max(-1, others - 8), -1):
        other = statements.get(i)
        if other is None or other.sentence != st.sentence:
            return None
        if other.role is LEVEL and not other.note and other.measure.startswith(name) \
                and quantities[i].unit == quantities[others].unit:
            rest = other.measure[len(name):]
            return i if len(rest) >= 2 and st.measure.endswith(rest) and of_one_time(other, st) else None
    return None


def _whole(rest: str, member: int, quantities: list[Quantity], statements: dict[int, Statement], layout: Layout,
           vocab: Vocabulary) -> int | None:
    """The whole of the measure the member and the others split: the nearest level before them in the
    paragraph of their unit and time named by their name, or by its first word after a running total
    named by the rest of it."""
    text, unit, part = layout.text, quantities[member].unit, statements[member]
    paragraph = text.rfind("\n", 0, quantities[member].start)
    firsts = [w for w in vocab.words("new_counts") if rest.startswith(w) and len(rest) - len(w) >= 2]
    cumulative = vocab.words("cumulative_words")
    for i in range(member - 1, max(-1, member - _REACH), -1):
        q, st = quantities[i], statements.get(i)
        if q.start <= paragraph:
            return None
        if st is None or st.role is not LEVEL or st.note or q.unit != unit or not of_one_time(st, part):
            continue
        if st.measure.endswith(rest) and _WHOLE_LEAD.fullmatch(st.measure, 0, len(st.measure) - len(rest)):
            return i
        first = next((w for w in firsts if st.measure.endswith(w)
                      and _WHOLE_LEAD.fullmatch(st.measure, 0, len(st.measure) - len(w))), None)
        if first is not None and _running_total(i, rest[len(first):], cumulative, quantities, statements):
            return i
    return None


def _running_total(new: int, name: str, cumulative: tuple[str, ...], quantities: list[Quantity],
                   statements: dict[int, Statement]) -> bool:
    """Whether the nearest level before a new figure in its sentence, out of brackets, of its unit, is
    a running total named by `name` (累计报告确诊病例 for 确诊病例)."""
    st = statements[new]
    for i in range(new - 1, max(-1, new - 8), -1):
        other = statements.get(i)
        if other is not None and other.note:
            continue   # （其中境外输入确诊病例36例）: a breakdown of the total in brackets
        if other is None or other.sentence != st.sentence:
            return False
        if other.role is LEVEL and quantities[i].unit == quantities[new].unit:
            return other.measure.endswith(name) and any(w in other.measure for w in cumulative)
    return False
