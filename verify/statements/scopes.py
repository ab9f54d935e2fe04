"""Parts lists: which total a breakdown splits, which figures after it are its parts, and
whether they are all of them.

A breakdown opens with 其中, with "X中，" naming the total's measure (新增债券中，), with a dimension
(从隶属关系看，分地域看，), as a parenthetical right after its total (1128万亩（水田168万亩、旱田
960万亩）), or, with no word at all, as levels right after a level that name every member of one
partition (无症状感染者79例，境外输入8例，本土71例) or as a total and the parts the vocabulary's named
sums name in its sentence (累计报告确诊病例 = 现有确诊 + 累计死亡 + 累计治愈出院). It ends at the end of its sentence (of its
parenthetical), at the next breakdown outside the parentheticals of its parts, at a clause that
opens a new statement (截至, 当日, 新增 … from the vocabulary), or at a figure of another unit
after ； or after a figure that is no part. Parts are levels
of one unit and indicator (a part of another unit right after the first ends the list when the two figures
before the marker are of the same two units: 6万户…、24万人…，其中3万多户、12万人…); averages, changes,
rates, comparisons and attributes never are. The
total is the nearest level before of the parts' unit and indicator, after the last ； of its
sentence, else in the sentence before when the breakdown opens its own; when several could be
meant, the total is uncertain (totals.py finds it). Whether the parts are complete is decided by
words, never by arithmetic (partitions.py): members of one partition (vocabulary), a pair and its
非-complement, a dimension, a bare breakdown in brackets, or a stated number of kinds (五种主要农业机械)
equal to the parts named. Bare short names after a first part that names a partition member
(境外输入16例，甘肃11例，北京4例) break that part down.
"""

from __future__ import annotations

import bisect
import itertools

from verify.frozen import record
from verify import regexes
from verify.reading.numerals import counted_as
from verify.reading.quantity import Quantity
from verify.statements.clauses import Layout
from verify.statements.complements import complements
from verify.statements.included import listed_after, some_parts_openers
from verify.statements.members import clause_after, counts_the_set
from verify.statements.flow_sums import flow_sums
from verify.statements.partitions import completeness, named_partition, sub_parts
from verify.statements.totals import PAIRED_ROLES, compatible, dimension_total, skip_space, total_before, unit_of
from verify.statements.records import CHANGE, LEVEL, NET, PLAN, RATE, SHARE, PartsList, Role, Statement, with_role
from verify.statements.vocabulary import Vocabulary

_QIZHONG = regexes.lazy("其中")   # at the start of the text or after \s , ; ； : 。 ( (see _opens_clause)
_ENDS = regexes.lazy("中(?=[,，])")
_ALL = regexes.lazy("^(?:全部|所有|全体)")
_AMONG = regexes.lazy(r"(?:(?<=^)|(?<=[\s,;；:。(]))在(?P<inner>[^，,。；;！？\n]{2,40}?)(?:当中|之中|中)(?=[,，])", guard=True)
# (searched near each 中 before a comma only: regexes.ending_at, reach 在 + 40 + 当中 and 在 + 14 + 当中)
_WITHIN_HAS = regexes.lazy(r"(?:(?<=^)|(?<=[\s,;；:。(]))在(?P<name>[\u4e00-\u9fff]{2,14}?)中有(?=[\u4e00-\u9fff])", guard=True)
_WITHIN = regexes.lazy(r"(?:(?<=^)|(?<=[\s,;；:。(]))(?:在)?(?P<name>[\u4e00-\u9fff“”\"]{2,14}?)(?:当中|之中|中)(?=[,，])")


@record
class Marker:
    """Where a breakdown opens: its kind, and for "X中" the total it names."""

    start: int
    end: int
    kind: str              # "其中", "中", "看" (a dimension), "（）" (a parenthetical), "包括" (some parts)
    total: int | None = None


def parts_lists(quantities: list[Quantity], statements: dict[int, Statement], layout: Layout,
                vocab: Vocabulary) -> list[PartsList]:
    """Every breakdown of the page with a total and at least one part."""
    starts = [q.start for q in quantities]
    markers = _markers(quantities, statements, layout, vocab, starts)
    found: list[PartsList] = []
    taken: set[int] = set()   # parts of earlier lists: no total of a later dimension
    shared = None             # the figures a share speaks of, found once when a dimension needs them
    for n, marker in enumerate(markers):
        next_marker = _next_marker(n, markers, layout)
        parts, end = _parts(marker, next_marker, quantities, statements, starts, layout, vocab)
        for role in PAIRED_ROLES:
            # a balance (利润, 顺差) is no more than the level it is a part of (利税, 进出口): a part
            # within a level total, never a member of its complete sum
            chosen = [i for i in parts if statements[i].role is role or role is LEVEL
                      and statements[i].role is NET]
            if not chosen:
                continue
            total, certain, net_total = _total_of(marker, chosen, role, quantities, statements, starts, layout,
                                                  taken, vocab)
            if total is None or statements[total].role is not role and marker.total is None and not net_total:
                continue
            chosen = _parts_of(marker, total, chosen, quantities, statements, layout.text, vocab, next_marker)
            if not chosen or (marker.kind == "（）" and len(chosen) < 2):
                continue   # （地方配套资金1725万元）: one figure in brackets is a note, no breakdown
            if marker.kind == "其中" and sub_parts([statements[i].measure for i in chosen], vocab):
                note = layout.note_at(marker.start)   # （其中境外输入…16例，甘肃11例，…上海1例）: to the bracket's
                whole = "complete" if note is not None and end >= note[1] else "open"   # close, they are all of it
                found.append(PartsList(marker.start, chosen[0], tuple(chosen[1:]), True, end, whole, True))
                chosen = chosen[:1]   # 其中境外输入确诊病例16例，甘肃11例，北京4例…: the places break down the 16
            if marker.kind == "看" and shared is None:
                shared = frozenset(st.of for st in statements.values() if st.role is SHARE)
            complete = completeness(total, chosen, quantities, statements, layout, vocab,
                                    shared if marker.kind == "看" else None)
            if any(statements[i].role is NET for i in chosen) or net_total:
                complete = "open"
            if marker.kind == "列" and complete != "complete":
                continue
            probable = marker.kind in ("看", "（）", "列", "包括") or net_total
            if marker.kind == "（）" and complete == "open" and not _NOT_ALL.match(layout.text, marker.end):
                complete = "complete"   # 当日新增30例（湖北29例，海南1例）: a bare breakdown in brackets names all
            if marker.kind == "中" and complete == "open":   # 在…1.7万亿元资金中，下达1.674万亿元，…实际支出
                chosen = chosen[:1]   # 5097亿元: later figures may be parts of the first, so only the first is surely
                complete = completeness(total, chosen, quantities, statements, layout, vocab, None)   # a part
            found.append(PartsList(marker.start, total, tuple(chosen), certain, end, complete, probable))
            taken.update(chosen)
    found += _named_sums(quantities, statements, vocab)
    return found + flow_sums(quantities, statements, layout, vocab, frozenset(i for pl in found for i in pl.parts)) \
        + complements(quantities, statements, layout, vocab)


def _total_of(marker, chosen: list[int], role: Role, quantities, statements, starts, layout: Layout,
              taken: set[int], vocab: Vocabulary) -> tuple[int | None, bool, bool]:
    """The total a breakdown's parts of one role split, whether only it could be meant, and whether
    it is a net change (净增经营主体…其中企业…) rather than a level."""
    if marker.total is not None:
        return marker.total, True, False
    if marker.kind == "看":
        return (*dimension_total(marker, chosen, quantities, statements, starts, layout, role, taken, vocab), False)
    total, certain = total_before(marker, chosen, quantities, statements, starts, layout, role, taken)
    if total is None and role is LEVEL and marker.kind == "其中":
        total, certain = total_before(marker, chosen, quantities, statements, starts, layout, NET, taken)
        net_total = total is not None and _net_count(total, quantities, statements, layout, vocab)
        return (total if net_total else None), certain, net_total
    return total, certain, False


def _net_count(total: int, quantities, statements, layout: Layout, vocab: Vocabulary) -> bool:
    """净增经营主体242.8万户，其中企业57.5万户: a net change of a stock, named just before its figure, is the
    total of its 其中 parts (a warning at most: a part may exceed it when another part fell)."""
    st = statements[total]
    words = layout.text[st.clause[0]:quantities[total].start]
    return any(word in words for word in vocab.words("net_totals"))


_NOT_ALL = regexes.lazy(r"\s*(?:包括|包含|含|主要|如|例如|比如|其中|有|约|分别|均|全部|以|仅)")   # a note naming some only


def _named_sums(quantities, statements, vocab: Vocabulary) -> list[PartsList]:
    """累计报告确诊病例81054例，…；现有确诊病例5549例，…；累计死亡病例3261例；累计治愈出院病例72244例: a
    total and all its parts, each named by the words of the vocabulary's named_sums, in one sentence,
    levels of one unit: a complete breakdown (a warning at most: the words say it, not the layout)."""
    found = []
    for index, st in with_role(statements, LEVEL):
        for total_word, part_words in vocab.named_sums:
            if not st.measure.endswith(total_word):
                continue
            parts = {}
            for i in range(index + 1, min(len(quantities), index + 30)):
                other = statements.get(i)
                if other is None or other.note:
                    continue   # a note's figures speak of the figure before them
                if other.sentence != st.sentence:
                    break
                if other.role is not LEVEL or quantities[i].unit != quantities[index].unit:
                    continue
                named = [w for w in part_words if other.measure.endswith(w)]
                if named and named[0] not in parts:
                    parts[named[0]] = i
            if len(parts) == len(part_words):
                chosen = tuple(sorted(parts.values()))
                found.append(PartsList(quantities[index].end, index, chosen, True, quantities[chosen[-1]].end,
                                       "complete", True))
    return found


def _next_marker(n: int, markers: list[Marker], layout: Layout) -> int:
    """Where the next breakdown opens: one inside a parenthetical that this list's marker stands
    outside of (其中受害者死亡1件（1人），重伤3件…) is a note on one part, and does not end the list."""
    own = layout.note_at(markers[n].start + 1) if markers[n].kind == "（）" else layout.note_at(markers[n].start)
    for later in markers[n + 1:]:
        inner = layout.note_at(later.start + 1) if later.kind == "（）" else layout.note_at(later.start)
        if inner is None or inner == own:
            return later.start
    return len(layout.text)


def _opens_clause(text: str, at: int) -> bool:
    """At the text's start or after a space or clause mark: tested here, not by a lookbehind at the
    head of the pattern, which would keep the search from skipping to the literal 其中."""
    return at == 0 or text[at - 1].isspace() or text[at - 1] in ",;；:。("


def _parts_of(marker: Marker, total: int, chosen: list[int], quantities, statements, text: str,
              vocab: Vocabulary, next_marker: int) -> list[int]:
    """The parts that count or measure what the total does (compatible), less the total of the next
    breakdown when it names this one's measure or follows a ； (unless the parts name all of a partition
    with it); after 在N个Y中, counts of Y's
    things (members.counts_the_set: not 在5个试点城市中，建成充电桩500个); none when 包括 lists no parts
    (included.listed_after)."""
    whole = statements[total]
    chosen = [i for i in chosen if compatible(whole, statements[i])]
    if chosen and len(whole.measure) >= 2 and statements[chosen[-1]].measure == whole.measure \
            and not text[quantities[chosen[-1]].end:next_marker].strip(" ,，"):
        chosen = chosen[:-1]   # 遇难人数8人，其中…，遇难人数9人，其中…: the next breakdown's total, named as this one
    if len(chosen) >= 2 and _semicolon(text, quantities[chosen[-2]].end, quantities[chosen[-1]].start) \
            and text.startswith("其中", next_marker) and not text[quantities[chosen[-1]].end:next_marker].strip(" ,，") \
            and named_partition([statements[i].measure for i in chosen], vocab.partitions) != "complete":
        chosen = chosen[:-1]   # …村卫生室58.3万个；专业公共卫生机构1.2万个，其中…: after ；, a figure with a breakdown of
        # its own is the next of the items this list's total stands among, not one of its parts
    if marker.kind == "中" and quantities[total].kind == "count" and whole.head:
        people = counted_as(quantities[total].unit) == "人"
        chosen = [i for i in chosen if counts_the_set(statements[i].measure, statements[i].head + clause_after(
            text, quantities[i]), whole.head, people, vocab)]
    if marker.kind == "包括" and not listed_after(marker.end, total, chosen, quantities, text):
        return []
    return chosen


def _markers(quantities, statements, layout: Layout, vocab: Vocabulary, starts) -> list[Marker]:
    text = layout.text
    markers = [Marker(m.start(), m.end(), "其中") for m in _QIZHONG.finditer(text) if _opens_clause(text, m.start())]
    markers += [Marker(m.start(), m.end(), "看") for m in vocab.dimension.finditer(text)]
    markers += [Marker(start, end, "包括") for start, end in some_parts_openers(text)]
    ends = [m.end() for m in _ENDS.finditer(text)]   # every match of _WITHIN and _AMONG ends at a 中 before a comma
    # 新增债券中，…; 在医院中有公立医院1.2万个，民营医院2.7万个 (a part broken down in turn): the total named by its words
    for m in itertools.chain(regexes.ending_at(_WITHIN, text, ends, 17, ahead=1), _WITHIN_HAS.finditer(text)):
        total = _named_total(m.group("name"), m.start(), quantities, statements, starts, layout, vocab)
        if total is not None:
            markers.append(Marker(m.start(), m.end(), "中", total))
    for m in regexes.ending_at(_AMONG, text, ends, 43, ahead=1):   # 在实行直达管理的1.7万亿元资金中，…: the figure inside is the total
        inside = [i for i in range(bisect.bisect_left(starts, m.start("inner")), bisect.bisect_left(starts, m.end("inner")))
                  if statements.get(i) is not None and statements[i].role is LEVEL
                  and quantities[i].kind in ("amount", "count")]
        if inside:
            markers.append(Marker(m.start(), m.end(), "中", inside[-1]))
    for open_, close in layout.notes:
        before = bisect.bisect_left(starts, open_) - 1
        if before >= 0 and 0 <= open_ - quantities[before].end <= 1 and "其中" not in text[open_:close]:
            st = statements.get(before)
            if st is not None and st.role in (LEVEL, PLAN):   # 计划播种面积1128万亩（水田…、旱田…）
                markers.append(Marker(open_, open_ + 1, "（）", before))
    taken = [mk.start for mk in markers]
    taken.sort()
    markers += _named_members(quantities, statements, layout, vocab, taken)
    markers.sort(key=lambda mk: mk.start)
    return markers


def _named_members(quantities, statements, layout: Layout, vocab: Vocabulary, opened: list[int]) -> list[Marker]:
    """新增无症状感染者79例，境外输入8例，本土71例: a level followed, in its sentence and with no 其中,
    by levels of its unit that name every member of one partition, each once: a breakdown (a
    warning at most, as the words say it only by the partition)."""
    found = []
    for index, st in with_role(statements, LEVEL):
        q = quantities[index]
        if q.kind not in ("amount", "count") or st.note:
            continue
        labels, after = [], []
        for i in range(index + 1, min(len(quantities), index + 8)):
            other = statements.get(i)
            if other is None:
                continue
            if other.sentence != st.sentence or other.note or len(other.measure) > 8 \
                    or not after and _semicolon(layout.text, q.end, quantities[i].start):
                break   # the members follow the total in its own clause group, each named shortly
            if other.role in (RATE, CHANGE, SHARE):
                continue
            if other.role is not LEVEL or quantities[i].unit != q.unit \
                    or vocab.breaker.match(layout.text, skip_space(layout.text, other.clause[0])):
                break
            labels.append(other.measure)
            after.append(i)
            if len(after) >= 2 and named_partition(labels, vocab.partitions) == "complete":
                break
        if len(after) < 2 or named_partition(labels, vocab.partitions) != "complete" \
                or named_partition([st.measure], vocab.partitions) is not None:
            continue
        k = bisect.bisect_right(opened, q.end)
        if k < len(opened) and opened[k] < quantities[after[0]].start:
            continue   # a 其中 (or another breakdown) between: that list speaks of them
        found.append(Marker(q.end, q.end, "列", index))
    return found


def _named_total(name: str, pos: int, quantities, statements, starts, layout: Layout, vocab: Vocabulary) -> int | None:
    """新增债券中，: the level before whose measure ends with the words before 中 (在全部外资中，: 外资, named
    by any of its names, 外部资金)."""
    name = vocab.one_name(_ALL.sub("", name.strip("“”\"的")))
    if len(name) < 2:
        return None
    window = layout.sentence(pos)[0]
    while window > 0:   # the sentence before, past the empty one a line break ends (在全部外资中， opening a paragraph)
        window = layout.sentence(window - 1)[0]
        if layout.text[window:layout.sentence(window)[1]].strip():
            break
    for i in range(bisect.bisect_left(starts, pos) - 1, -1, -1):
        if quantities[i].start < window:
            return None
        st = statements.get(i)
        measure = vocab.one_name(st.measure) if st is not None else ""
        if st is not None and st.role is LEVEL and len(measure) >= 2 and \
                (measure.endswith(name) or name.endswith(measure)):
            return i
    return None


def _parts(marker: Marker, next_marker: int, quantities, statements, starts, layout: Layout,
           vocab: Vocabulary) -> tuple[list[int], int]:
    """The figures after the marker that can be parts, and where the list ends. A dimension's list
    goes on into the next sentence of its paragraph while that one's first part names one more
    member of a partition with the parts before (从东、中、西部地区来看，东部…。中部…。西部…)."""
    note = layout.note_at(marker.start + 1) if marker.kind == "（）" else layout.note_at(marker.start)
    end = note[1] if note else layout.sentence(marker.start)[1]
    parts, stop = _parts_until(min(end, next_marker), marker, quantities, statements, starts, layout, vocab)
    while marker.kind == "看" and parts and not note and stop == end < next_marker \
            and layout.text[end - 1:end] != "\n":
        following = layout.sentence(end)
        first = next((i for i in range(bisect.bisect_left(starts, end), bisect.bisect_left(starts, following[1]))
                      if statements.get(i) is not None and statements[i].role in PAIRED_ROLES
                      and quantities[i].kind in ("amount", "count")), None)
        if first is None or quantities[first].unit != quantities[parts[0]].unit or named_partition(
                [statements[i].measure for i in (*parts, first)], vocab.partitions) is None:
            break
        end = following[1]
        parts, stop = _parts_until(min(end, next_marker), marker, quantities, statements, starts, layout, vocab)
    return parts, stop


def _parts_until(end: int, marker: Marker, quantities, statements, starts, layout: Layout,
                 vocab: Vocabulary) -> tuple[list[int], int]:
    note = layout.note_at(marker.start + 1) if marker.kind == "（）" else layout.note_at(marker.start)
    parts, unit, seen, between, nets = [], None, False, False, []
    for i in range(bisect.bisect_left(starts, marker.end), len(quantities)):
        q = quantities[i]
        if q.start >= end:
            break
        st = statements.get(i)
        if st is None:
            continue
        if seen and not note and vocab.breaker.match(layout.text, skip_space(layout.text, st.clause[0])):
            end = st.clause[0]   # 其中，新增…: the first clause is the list's own; later ones may end it
            break                # (inside its parenthetical, the note's end ends the list)
        seen = True
        if st.role is NET and not (st.note and not note) and q.kind in ("amount", "count") \
                and (unit is None or unit_of(q) == unit):
            nets.append(i)   # 利税3200万元，其中利润2500万元: a balance within a level (see parts_lists)
        if st.note and not note or st.role not in PAIRED_ROLES or q.kind not in ("amount", "count"):
            between = between or bool(parts)
            continue
        unit = unit or unit_of(q)
        if unit_of(q) != unit and not _alternate_unit(layout.text, marker.start, unit, q.unit):
            if len(parts) >= 2 or parts and (between or _semicolon(layout.text, quantities[parts[-1]].end, q.start)
                                              or _measured_after(quantities[parts[-1]], q, st)):
                end = st.clause[0]   # …其中擅自设立的3082个；查出…382.8万件: a new topic ends the list
                break
            if len(parts) == 1 and _names_next_part(i, unit, quantities, statements, layout):
                continue   # …的7件，30名以上代表联名提出的394件: a count in the next part's name, no part
            if len(parts) == 1 and _paired_units(marker.start, unit, unit_of(q), quantities, starts, layout):
                end = q.start   # 6万户…、24万人…，其中3万多户、12万人…: each part goes with the total of its unit
                break
            return [], end   # 问题100多个，意见150多条: parts of other units, no breakdown of one total
        parts.append(i)
    unit = unit or (unit_of(quantities[nets[0]]) if nets else None)
    return sorted(parts + [i for i in nets if unit_of(quantities[i]) == unit and quantities[i].start < end]), end


def _names_next_part(i: int, unit: str, quantities, statements, layout: Layout) -> bool:
    """30名以上代表联名提出的394件: a figure of another unit whose clause goes on, with no separator, to a
    level of the list's unit within _NAMING_REACH characters: it says which things the next part counts."""
    if i + 1 >= len(quantities):
        return False
    q, nxt, st = quantities[i], quantities[i + 1], statements.get(i + 1)
    return st is not None and st.role in PAIRED_ROLES and unit_of(nxt) == unit and nxt.kind in ("amount", "count") \
        and nxt.start - q.end <= _NAMING_REACH and not _SEPARATOR.search(layout.text, q.end, nxt.start)


_NAMING_REACH = 12
_SEPARATOR = regexes.lazy(r"[,，、;；。:：!！?？\n()（）]")


def _paired_units(at: int, first: str, second: str, quantities, starts, layout: Layout) -> bool:
    """全区共吸收6万户计划生育家庭、24万人参加…，其中3万多户、12万人稳定脱贫: the last two figures before
    the marker, in its sentence, are of the parts' two units in the same order — two totals, each split."""
    k = bisect.bisect_left(starts, at)
    if k < 2 or quantities[k - 2].start < layout.sentence(at)[0]:
        return False
    return (unit_of(quantities[k - 2]), unit_of(quantities[k - 1])) == (first, second)


def _alternate_unit(text: str, at: int, unit: str, other: str) -> bool:
    """总量2469.61万台（辆）…其中，…机动脱粒机752.15万台，农用运输车458.84万辆: a unit written with its
    alternative in brackets shortly before the list counts parts of either."""
    window = text[max(0, at - 300):at]   # the normalised view: （辆） reads (辆)
    return f"{unit}({other})" in window or f"{other}({unit})" in window


def _measured_after(part: Quantity, other: Quantity, st: Statement) -> bool:
    """其中396公里将穿越黑海海底，有些地方深达2150米 / 其中灯光球场4个，总面积5000多平方米: a measure (not a
    count of other things, as 问题100多个，意见150多条 are) in a later clause says something else of the list,
    and ends it."""
    return "amount" in (part.kind, other.kind) and st.clause[0] >= part.end


def _semicolon(text: str, start: int, end: int) -> bool:
    return text.find("；", start, end) >= 0 or text.find(";", start, end) >= 0   # (no copy of the span)
