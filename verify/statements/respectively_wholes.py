"""The whole of a 分别 list: values read item by item that are parts of a level stated just before.

出口3.5万亿元；…我国对东盟、日本和韩国分别出口5700亿元、1835.6亿元和1652.2亿元: the values after 分别
measure what the level before measures (出口), each for one item, so they are parts of it — together at
most that level, and all of it when the items name every member of one partition of the vocabulary
(城镇、农村; 出口、进口). 全国教育经费总投入为64595亿元。…学前教育、义务教育、高中阶段教育、高等教育
经费总投入分别为5382亿元…: the measure that ends the names (教育经费总投入, four characters or more) is the
level's. The whole is found by words and position only: a level of the values' unit in the 分别's sentence
before its names or in the sentence before, whose measure (less subjects, times, 总值/总额 and the verb
before its figure; one name for each indicator, indicator_synonyms) is the word between 分别 and the
values (分别出口) or the head the names end in; a level that is itself read through 分别, an average, a
rate or a change never is. So the breakdown is probable: a warning at most (parts-of-total).
"""

from __future__ import annotations

import bisect
import dataclasses
import re

from verify import regexes
from verify.reading.numerals import counted_as
from verify.reading.quantity import CALENDAR_VALUES, Quantity
from verify.statements.clauses import Layout
from verify.statements.partitions import named_partition
from verify.statements.records import LEVEL, PartsList, Statement, Tally, of_one_time
from verify.statements.respectively_names import strip_leads
from verify.statements.vocabulary import Vocabulary

_VERBS = r"(?:为|是|达到|达|完成|实现|突破|超过|共|总计|合计|约|近|有|了)"
_VERB_EDGE = regexes.lazy(rf"^{_VERBS}+|{_VERBS}+$")
_TOTAL_WORDS = regexes.lazy(r"(?:总值|总额|总量|总数|规模)$")
_NAMED_HEAD = 4   # characters of a head the names end in, at least, to name a whole's measure
_SENTENCES_BACK = 2   # sentences before the 分别's own where its whole may stand


def respectively_wholes(quantities: list[Quantity], statements: dict[int, Statement], layout: Layout,
                        tallies: list[Tally], lists: tuple[PartsList, ...], vocab: Vocabulary) -> tuple[PartsList, ...]:
    """The breakdowns to check: `lists`, each whose parts are a 分别's values named as all members of one
    partition (其中出口、进口分别为…) complete; then every other 分别 of two or more levels, one to an
    item, with a level before whose measure they share, or, for all members of a partition, the level
    that ends the clause before (全国人口3.46亿人，北方和南方分别为…)."""
    view, found = layout.text, []
    starts = [q.start for q in quantities]
    listed = {pl.parts: n for n, pl in enumerate(lists)}
    checked = list(lists)
    for t in tallies:
        if t.family != "respectively" or t.stated < 2 or len(t.figures) != t.stated or not t.items:
            continue
        values = tuple(t.figures)
        complete = named_partition(list(t.items), vocab.partitions) or "open"
        if values in listed:
            if complete == "complete":
                checked[listed[values]] = dataclasses.replace(lists[listed[values]], complete=complete)
            continue
        if not _levels(values, quantities, statements, vocab):
            continue
        at = view.rfind("分别", t.start, quantities[values[0]].start)
        if at < 0 or _averaged(view[t.start:quantities[values[0]].start], vocab):
            continue
        after = _measure(view[at + 2:quantities[values[0]].start], vocab)
        whole = _whole(at, t.start, values, after, t.items[-1], quantities, statements, starts, layout, vocab)
        if whole is None and complete == "complete" and not after:
            whole = _clause_before(t.start, values, quantities, statements, starts, layout)
        if whole is not None:
            found.append(PartsList(at, whole[0], values, whole[1], quantities[values[-1]].end, complete, probable=True))
    return tuple(checked) + tuple(found)


def _clause_before(names: int, values: tuple[int, ...], quantities: list[Quantity], statements: dict[int, Statement],
                   starts: list[int], layout: Layout) -> tuple[int, bool] | None:
    """全国人口3.46亿人，北方和南方分别为…: the names open their clause, and the clause before, in their
    sentence, ends in the only level of their unit it states."""
    view = layout.text
    clause, sentence = layout.clause(names), layout.sentence(names)
    if clause[0] - 1 <= sentence[0] or view[clause[0] - 1] != "," or view[clause[0]:names].strip():
        return None
    start, end = layout.clause(clause[0] - 2)
    unit = counted_as(quantities[values[0]].unit)
    same = [i for i in range(bisect.bisect_left(starts, start), bisect.bisect_left(starts, end))
            if counted_as(quantities[i].unit) == unit]
    if len(same) != 1 or view[quantities[same[0]].end:end - 1].strip():
        return None
    st = statements.get(same[0])
    if st is None or st.role is not LEVEL or st.note or quantities[same[0]].value is None:
        return None
    return same[0], True


def _levels(values: list[int], quantities: list[Quantity], statements: dict[int, Statement], vocab: Vocabulary) -> bool:
    """Levels of one additive unit, each with a value (not rates, changes, shares or averages)."""
    units = {counted_as(quantities[i].unit) for i in values}
    unit = quantities[values[0]].unit
    return len(units) == 1 and bool(unit) and unit not in ("%", "‰") \
        and vocab.adds_up(unit, quantities[values[0]].scale) \
        and all(i in statements and statements[i].role is LEVEL and not statements[i].note
                and quantities[i].value is not None and quantities[i].kind in ("amount", "count") for i in values)


def _averaged(text: str, vocab: Vocabulary) -> bool:
    """人均, 平均, 每…: values per head or per unit, no parts of a total."""
    return any(w in text for w in vocab.words("average_words"))


def _measure(text: str, vocab: Vocabulary) -> str:
    """A measure as written, less the verbs at its ends, 总值/总额, and each indicator by one name
    (外贸进出口总值 -> 进出口)."""
    text = vocab.one_name(_TOTAL_WORDS.sub("", _VERB_EDGE.sub("", text.strip(" ，,"))))
    for group in vocab.lists["indicator_synonyms"]:
        text = re.sub(f"(?:{re.escape(group[0])})+", group[0], text)   # 对外贸易进出口 -> 进出口进出口 -> 进出口
    return text


def _whole(at: int, names: int, values: list[int], after: str, last_item: str, quantities: list[Quantity],
           statements: dict[int, Statement], starts: list[int], layout: Layout,
           vocab: Vocabulary) -> tuple[int, bool] | None:
    """The level before the names (in their sentence or the one before) whose measure is the 分别's:
    the word after 分别 (分别出口), else the head its names end in (…高等教育经费总投入分别为: 教育经费总投入);
    the nearest, certain when every other so named can equal it (a title's 超6.4万亿元 over 64595亿元)."""
    view = layout.text
    begin = layout.sentence(at)[0]
    line = view.rfind("\n", 0, view.rfind("\n", 0, at)) + 1   # the paragraph before, at most
    for _ in range(_SENTENCES_BACK):
        if begin < 2 or begin <= line:
            break
        begin = max(line, layout.sentence(begin - 2)[0])
    unit = counted_as(quantities[values[0]].unit)
    named = []
    for i in range(bisect.bisect_left(starts, names) - 1, -1, -1):
        q = quantities[i]
        if q.start < begin:
            break
        st = statements.get(i)
        if st is None or st.role is not LEVEL or st.note or q.value is None \
                or counted_as(q.unit) != unit or q.kind not in ("amount", "count"):
            continue
        before = view[st.clause[0]:q.start]
        if "分别" in before or _averaged(before, vocab) or any(not of_one_time(statements[v], st) for v in values):
            continue
        measure = _measure(_named_part(st.clause[0], q.start, quantities, starts, view, vocab), vocab)
        if len(measure) >= 2 and (measure == after if after else
                                  len(measure) >= _NAMED_HEAD and last_item.endswith(measure) and measure != last_item):
            named.append(i)
    if not named:
        return None
    nearest = quantities[named[0]].fraction_interval()
    return named[0], all(nearest.intersects(quantities[i].fraction_interval()) for i in named[1:])


def _named_part(start: int, end: int, quantities: list[Quantity], starts: list[int], view: str,
                vocab: Vocabulary) -> str:
    """The words before a figure in its clause that name its measure: after the last time figure and the
    words that open a clause, less the subjects every sentence names (全国, 我国)."""
    i = bisect.bisect_left(starts, start)
    while i < len(quantities) and quantities[i].start < end:
        if isinstance(quantities[i].value, CALENDAR_VALUES) or quantities[i].kind in ("year", "date"):
            start = quantities[i].end
        i += 1
    text = strip_leads(view[start:end].strip(" ，,"))
    for subject in vocab.words("subject_words"):
        text = text.replace(subject, "")
    return strip_leads(text)
