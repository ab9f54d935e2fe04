"""Which figure a breakdown splits: the nearest level before of the parts' unit and indicator (in its
clause group, else the sentence(s) before when the breakdown opens its own), uncertain when several
could be meant (then the widest, unless the part names a word only the nearest one's words name:
13个县市中有9个是贫困县，其中…贫困县有7个); for a dimension (分地域看，…), the lead figure of its paragraph or of the paragraph
its sibling breakdowns split. Apart from scopes.py, which finds the breakdowns and their parts.
"""

from __future__ import annotations

import bisect
import re

from verify import regexes
from verify.reading.bounds import QUALIFIER_BOUND
from verify.reading.numerals import counted_as
from verify.reading.quantity import Quantity
from verify.statements.clauses import Layout
from verify.statements.partitions import names_all
from verify.statements.reader import shares_a_word
from verify.statements.records import FROM, LEVEL, Role, Statement, of_one_time
from verify.statements.vocabulary import Vocabulary


PAIRED_ROLES = (LEVEL, FROM)   # the roles a total and its parts share
def unit_of(q: Quantity) -> str:
    """近2000人…其中包括400多名乐迷: 名 and 位 count people as 人 does."""
    return counted_as(q.unit)


def skip_space(text: str, pos: int) -> int:
    """The first position at or after pos that is no space."""
    while pos < len(text) and text[pos] in " \t　":
        pos += 1
    return pos


_MARKS = regexes.lazy(r"[\s,;；:，：]")
_BY_VIEW = regexes.lazy(r"(?:从|分|按)[^，,。；;]{1,12}(?:来看|看|分)")


def total_before(marker, parts: list[int], quantities, statements, starts, layout: Layout,
           role: Role, taken: set[int]) -> tuple[int | None, bool]:
    """The nearest level before the marker that the parts can belong to; uncertain when its
    clauses hold several. A (parenthetical) list belongs to the figure its note follows."""
    unit = unit_of(quantities[parts[0]])
    note = layout.note_at(marker.start)
    text = layout.text
    at = note[0] if note else marker.start
    window_start = layout.clause(note[0])[0] if note else layout.sentence(marker.start)[0]
    semicolon = max(text.rfind("；", window_start, at), text.rfind(";", window_start, at))
    before = text[window_start:at].rstrip(" \t,:，：")
    opens = not _MARKS.sub("", before) or before.endswith(("；", ";")) or marker.kind == "看" \
        or bool(_BY_VIEW.fullmatch(before))
    if semicolon >= 0 and not before.endswith(("；", ";")):
        window_start = semicolon + 1          # …；当日新增6例，其中…: the total is in its own clause group
    last = bisect.bisect_left(starts, at) - 1
    if marker.kind == "其中" and last >= 0 and last in taken and not text[quantities[last].end:at].strip(" ,，"):
        taken = _AllBut(taken, last)   # 本土病例22例，其中广东10例: a part of an earlier list, right before 其中,
    candidates = []                    # is what it breaks down
    if before.endswith(("；", ";")):         # …的为7222.6万人，占12.88%；其中，…: the group just before first
        group = max(text.rfind("；", window_start, len(before) + window_start - 1),
                    text.rfind(";", window_start, len(before) + window_start - 1)) + 1
        if group > window_start:
            candidates = _candidates(last, group, quantities, statements, unit, role, parts[0], taken)
    candidates = candidates or _candidates(last, window_start, quantities, statements, unit, role, parts[0], taken)
    if not candidates and note and text[note[0] + 1:marker.start].strip(" \t") == "":
        # 中直投资完成159.5亿元，…，负向拉动全市投资8.7个百分点（其中：油田产能项目完成投资150亿元…）: a note
        # opening with 其中 whose own clause holds no total breaks down the sentence's figure before it
        candidates = _candidates(last, layout.sentence(note[0])[0], quantities, statements, unit, role, parts[0], taken)
    if not candidates and not note and opens:   # 。其中，… / 分地域看，…: the sentence(s) before
        line_start = text.rfind("\n", 0, window_start) + 1
        if line_start == window_start and line_start > 0:   # a paragraph that opens with 其中
            line_start = text.rfind("\n", 0, line_start - 1) + 1
        for _ in range(3 if marker.kind == "看" else 2):
            if window_start <= line_start:
                break
            back = window_start - 1
            while back > line_start and text[back] in "\n \t　":
                back -= 1   # 。\n其中，…: the sentence before the line break, not the break itself
            skipped = window_start
            window_start = max(line_start, layout.sentence(back)[0])
            candidates = _candidates(last, window_start, quantities, statements, unit, role, parts[0], taken,
                                     strict=True)   # in a sentence before, 2人 is no total of 4位科学家
            if candidates or (marker.kind != "看" and _states_a_level(window_start, skipped, quantities, statements,
                                                                     starts)):
                break   # past a sentence of averages only (平均每万名从业人员拥有440.3台), one more
    candidates = [i for i in candidates if not bound_of_each(i, quantities, statements, text)]
    return _chosen(candidates, parts[0], quantities, statements, starts, text)


_EACH_BEFORE = regexes.lazy(r"、[^，,。；;]{0,12}等[^，,。；;]{0,16}$|(?:[均都各每]|接连|连续)[^，,。；;]{0,2}$")


def bound_of_each(i: int, quantities, statements, text: str) -> bool:
    """陕西、江苏、浙江等省份接待观众超300万人次，其中陕西…652万人次: a bound (超, 以上) after a list of
    names, or after 均/都/各/每/接连/连续 (单日新增确诊病例接连超50000例), is what each of them passed, no total."""
    q = quantities[i]
    return QUALIFIER_BOUND.get(q.qualifier or "") in ("over", "lower") \
        and _EACH_BEFORE.search(text, statements[i].clause[0], q.start) is not None


def _chosen(candidates: list[int], part: int, quantities, statements, starts, text: str) -> tuple[int | None, bool]:
    """Of the totals a breakdown may split (nearest first): the only one, certain; else the one the part
    names (_named_by_part), else the nearest when the others hold it (_nested), else the widest, each uncertain."""
    if not candidates:
        return None, False
    if len(candidates) == 1:
        return candidates[0], True
    named = _named_by_part(candidates, part, quantities, statements, starts, text)
    if named is not None:
        return named, False
    if _nested(candidates, part, quantities, statements, text):
        return candidates[0], False
    return max(candidates, key=lambda i: (quantities[i].interval.high is None, quantities[i].interval.high or 0)), False


def _nested(candidates: list[int], part: int, quantities, statements, text: str) -> bool:
    """全长896.8公里长的南昆铁路，在贵州境内有246公里，其中有186.7公里穿越黔西南州: 其中 opening the clause right
    after the nearest total's, in its sentence, breaks that one down when every other total is stated in an
    earlier clause of the sentence and is no smaller (the nearest may lie within them; the part lies within it).
    Not across a sentence end (累计死亡3163例。其中…累计确诊超过35000例) nor within one clause (65名运动员和
    8名教练员，其中金牌获得者59名: a list of two totals)."""
    nearest = candidates[0]
    st = statements[nearest]
    if st.sentence != statements[part].sentence or not text.startswith("其中", st.clause[1]) \
            or quantities[nearest].interval.high is None:
        return False
    high = quantities[nearest].interval.high
    return all(statements[i].sentence == st.sentence and statements[i].clause[1] <= st.clause[0]
               and quantities[i].interval.low is not None and high <= quantities[i].interval.low
               for i in candidates[1:])


def _named_by_part(candidates: list[int], part: int, quantities, statements, starts, text: str) -> int | None:
    """全区13个县市中有9个是贫困县，其中国家重点扶持的贫困县有7个: of several totals, the nearest when the
    part names a word (two characters) that only its words name, and none that only another's do (the
    words of a figure: its measure, its head and what follows it in its clause up to the next figure)."""
    def words(i: int) -> set[str]:
        st, q = statements[i], quantities[i]
        following = starts[i + 1] if i + 1 < len(starts) else len(text)
        name = st.measure + st.head + text[q.end:min(st.clause[1], following)]
        return {name[k:k + 2] for k in range(len(name) - 1)}
    nearest, others = candidates[0], candidates[1:]
    own = words(part)
    near = own & words(nearest)
    far = own & set().union(*(words(i) for i in others))
    return nearest if near - far and not far - near else None


def _states_a_level(start: int, end: int, quantities, statements, starts) -> bool:
    return any(statements.get(i) is not None and statements[i].role in PAIRED_ROLES
               for i in range(bisect.bisect_left(starts, start), bisect.bisect_left(starts, end)))


def dimension_total(marker, parts: list[int], quantities, statements, starts, layout: Layout,
                     role: Role, taken: set[int], vocab: Vocabulary) -> tuple[int | None, bool]:
    """分地域看，…: the whole split is the paragraph's lead figure of the parts' unit, measure and
    time (or the previous paragraph's lead, when the breakdown opens its paragraph and the lead names
    what its parts have in common; for parts naming all of a partition, up to three paragraphs back within
    the article, past leads of other indicators, a lead named by the last four or more characters of it:
    分收入级次看，中央级税收收入…地方级税收收入… splits 全年共完成工商税收收入7548亿元)."""
    text = layout.text
    line_start = text.rfind("\n", 0, marker.start) + 1   # the paragraph's own lead only: a
    first = bisect.bisect_left(starts, line_start)       # paragraph opening with 从…看 may follow any
    unit = quantities[parts[0]].unit
    for i in range(first, bisect.bisect_left(starts, marker.start)):
        st = statements.get(i)
        q = quantities[i]
        if st is None or st.role is not role or q.unit != unit or q.kind not in ("amount", "count") or i in taken:
            continue
        part = statements[parts[0]]
        if compatible(st, part) and of_one_time(st, part) \
                and any(shares_a_word(st.measure, statements[p].measure) for p in parts):
            return i, True
    if text[line_start:marker.start].strip() or line_start == 0:
        return None, False
    return _earlier_lead(line_start, parts, quantities, statements, starts, text, role, taken, vocab)


def _previous_paragraph(text: str, before: int) -> tuple[int, int]:
    """The paragraph before the one starting at `before`, blank lines passed over: (start, end)."""
    end = before - 1
    while end > 0 and text[end - 1] == "\n":
        end -= 1
    return text.rfind("\n", 0, end) + 1, end


def _earlier_lead(line_start: int, parts: list[int], quantities, statements, starts, text: str, role: Role,
                  taken: set[int], vocab: Vocabulary) -> tuple[int | None, bool]:
    """从东、中、西部地区来看，东部地区共有农村从业人员…: a paragraph opening with its dimension splits the
    previous paragraph's lead figure, when that names what the parts have in common (农村从业人员)."""
    unit = quantities[parts[0]].unit
    common = _common_suffix([statements[p].measure for p in parts])
    before, end = _previous_paragraph(text, line_start)
    whole = names_all([statements[p].measure for p in parts], vocab)   # 中直/地方, 油/非油: all of a partition
    siblings = 0   # 从中直和地方看，… / 从油与非油看，…: paragraphs splitting one lead along other dimensions
    while vocab.dimension.match(text, skip_space(text, before)):
        if siblings == 4 or before == 0 or not whole:
            return None, False   # that paragraph is a breakdown of its own: its lead is a part
        before, end = _previous_paragraph(text, before)
        siblings += 1
    part = statements[parts[0]]
    for back in range(_LEADS_BACK if whole else 1):
        lead = _lead(before, end, quantities, statements, starts, unit, role, taken)
        if lead is not None:
            st = statements[lead]
            named = len(common) >= 3 and common in st.measure or siblings and part.head and st.head == part.head \
                or back and _names_indicator(common, st.measure)
            if named and compatible(st, part) and of_one_time(st, part):
                return lead, True   # past sibling breakdowns that name all of a partition, the lead of what they count
            if not whole or named or _names_indicator(common, st.measure):
                return None, False   # the lead only
        elif not whole:
            return None, False
        # 分收入级次看，中央级税收收入…；地方级税收收入…: all of a partition, whose total may be the lead of an
        # earlier paragraph of the article (全年共完成工商税收收入7548亿元), past leads that name another indicator
        before, end = _previous_paragraph(text, before)
        if end <= 0 or not _SENTENCE_END.search(text, before, end):
            break   # a title line: the article starts here
    return None, False


_LEADS_BACK = 3   # paragraphs back to look for the lead a breakdown naming all of a partition splits
_SENTENCE_END = re.compile("[。！？]")


def _lead(start: int, end: int, quantities, statements, starts, unit, role: Role, taken: set[int]) -> int | None:
    """A paragraph's lead figure of the unit and role: its first."""
    for i in range(bisect.bisect_left(starts, start), bisect.bisect_left(starts, end)):
        st = statements.get(i)
        q = quantities[i]
        if st is None or st.role is not role or q.unit != unit or q.kind not in ("amount", "count") or i in taken:
            continue
        return i
    return None


def _names_indicator(common: str, measure: str) -> bool:
    """级税收收入 (of 中央级税收收入, 地方级税收收入) names 工商税收收入 by its last four characters or more."""
    return any(common[k:] in measure for k in range(len(common) - 3))


def _common_suffix(words: list[str]) -> str:
    """东部地区共有农村从业人员, 中部地区农村从业人员 -> 农村从业人员."""
    if len(words) < 2:
        return ""
    n = 0
    while all(len(w) > n for w in words) and len({w[len(w) - n - 1] for w in words}) == 1:
        n += 1
    return words[0][len(words[0]) - n:] if n else ""


class _AllBut:
    """The figures taken by earlier lists but one: a membership test, no copy of the set."""

    def __init__(self, taken: set[int], but: int) -> None:
        self.taken, self.but = taken, but

    def __contains__(self, index: object) -> bool:
        return index != self.but and index in self.taken


def _candidates(last: int, window_start: int, quantities, statements, unit, role: Role, part: int,
                taken: set[int], strict: bool = False) -> list[int]:
    """Levels before the list that can be its total; strict: of the part's own unit word (人 is no 位)."""
    found = []
    for i in range(last, -1, -1):
        q = quantities[i]
        if q.start < window_start:
            break
        st = statements.get(i)
        if st is None or st.role is not role or unit_of(q) != unit or strict and q.unit != quantities[part].unit \
                or q.kind not in ("amount", "count") or st.note or i in taken:
            continue
        if compatible(st, statements[part]):
            found.append(i)
    return found


def compatible(total: Statement, part: Statement) -> bool:
    """Whether a part counts or measures what its total does (行政区 is no 小煤窑, 产值 no 投资)."""
    if not total.head or not part.head:
        return True
    if total.head in part.head or part.head in total.head:
        return True
    # 15趟列车…其中开往市郊的旅客列车共10趟: a part whose head comes from its own words (no noun after
    # its figure) and whose words name what the total counts
    return part.head in part.measure and total.head in part.measure
