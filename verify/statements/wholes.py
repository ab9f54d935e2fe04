"""A share's whole: the figure a share (占…的p%) is a part of — stated in the share's own words
(占全区全部工业产值212亿元的40%), the total of the share's 其中 list, or an earlier level the share's
words name (占发展党员总数的46.8%) or, naming none, the total its sentence opens with (党员队伍中，…
占7.3%), or the whole of a share in the paragraph before (whole_carried). Apart from facts.py, which binds
what is found here as `whole` and `named_whole`.
"""

from __future__ import annotations

import re

from verify import regexes
from verify.statements.clauses import Layout
from verify.statements.reader import shares_a_word
from verify.statements.records import BASE, LEVEL, Statement, of_one_time

_GENERIC_WHOLE = regexes.lazy(r"^占(?:比|到|了)?(?:(?:全部|全体|整体|所有|发案|总)?(?:总数|总量|总额|总值|总和|合计|全部|总体|总计)的?)?"
                            r"(?:比重|比例)?(?:为|达|达到|是|约)?$")


def names_no_other_whole(index: int, quantities, statements, layout: Layout) -> bool:
    """占50.8%, 占比约96%, 占总数的77%: the share names no whole of its own."""
    st = statements[index]
    words = layout.text[st.clause[0]:quantities[index].start].strip()
    return bool(_GENERIC_WHOLE.match(words))


def whole_inside(index: int, quantities, statements) -> int | None:
    """占全区全部工业产值212亿元的40%: the figure inside a share's own words is its whole."""
    st = statements[index]
    for i in range(index - 1, max(-1, index - 3), -1):
        other = statements.get(i)
        if other is None or quantities[i].start < st.clause[0]:
            return None
        if other.role is BASE:
            return i
    return None


_SHARE_OF = regexes.lazy(r"占(?:到|了)?(?P<name>[^，,。；;:：]{0,24}?)(?:的)?(?:比重|比例|份额)?(?:分别)?(?:为|达到|达|是|约|近|超过|超)*$")
_WHOLE_WORDS = regexes.lazy(r"全部|全体|整体|所有|总数|总量|总额|总值|总和|合计|总计|总体|总|比|当年|同期|[在的了]")
_SUBJECTS = regexes.lazy(r"全国|我国|全市|全省|全区|中国|全县|全球|世界")
_SAME_TIME = regexes.lazy(r"^(?:同期|当期|当年|同年)")   # the part's own time, no word of the whole's name
_GAP = regexes.lazy(r"[\s,，、;；%％.．·\d０-９]|个百分点|百分点|分别|约|均|仅|已|就|共|则|也|并|达到|达|为")


def named_whole(index: int, quantities, statements, layout: Layout, parts_lists, vocab,
                 with_share: set, bare_share: set = frozenset()) -> int | None:
    """占发展党员总数的46.8% after 全国共发展党员205.7万名 (the sentence before), 占比55.5% after 计划投资
    的9000亿元: a share of the level just before it (nothing between but that level's changes and rates)
    whose whole its words name, or leave to the sentence. The whole is the nearest level before, of the
    part's unit and role and no smaller than the part (failing any, the nearest one smaller: the part or it
    is wrong), that the share's words name (in the paragraph,
    or before it a level named by the whole's full name, 党员总数; a subject such as 我国 named too, the
    indicator the same: 进出口 is no 出口), or, when they name
    none, that shares a word with the part, in the part's sentence. A level with a share of its own
    is a sibling part, and the same figure restated (a headline) is the part itself: never the whole."""
    part = statements[index].of
    named = _share_name(index, part, quantities, layout, vocab)
    if named is None:
        return None
    name, subjects, core = named
    own_totals = set()
    for pl in parts_lists:
        if part in pl.parts and pl.certain and core:
            if _names(core, subjects, _words_of(pl.total, quantities, statements, layout), vocab) \
                    or _opened_with(pl.marker, core, layout):
                # 在实行直达管理的1.7万亿元资金中，…下达1.674万亿元，占直达资金总量的98.5%; but 我国对共建“一带一路”
                # 国家进出口16.94万亿元。其中，对东盟进出口…占同期我国进出口总值的15.7%: a level before named by the
                # whole's full name (我国货物贸易进出口总值36.02万亿元) is the whole the share names
                fuller = _nearest_named_level(part, named, {pl.total}, quantities, statements, layout, vocab,
                                              with_share, bare_share, fully_only=True)
                return pl.total if fuller is None else fuller
            own_totals.add(pl.total)   # 其中…占同期中国外贸总值的45.4%: another whole than the list's
    return _nearest_named_level(part, (name, subjects, core), own_totals, quantities, statements, layout, vocab,
                                with_share, bare_share)


_SCOPE = re.compile(r"在?(?P<name>[^，,。；;\d]{1,16}?)(?:当中|之中|中)[，,]")


def _opened_with(marker: int, core: str, layout: Layout) -> bool:
    """在全部外资中，…占全部外资的七成左右: the share names the scope its breakdown opened with."""
    m = _SCOPE.match(layout.text, marker)
    return m is not None and core in m.group("name")


def _share_name(index: int, part: int, quantities, layout: Layout, vocab) -> tuple[str, list[str], str] | None:
    """What the share's words call its whole (占发展党员总数的: 发展党员总数), the subjects they name
    (我国), and its core (发展党员); None when the share names a part of its own (外资税收占比)."""
    text = layout.text
    p_q = quantities[part]
    m = _SHARE_OF.search(text, p_q.end, quantities[index].start)
    if m is None or m.end() != quantities[index].start:
        return None
    gap = vocab.up.sub("", vocab.down.sub("", _GAP.sub("", vocab.compare.sub("", text[p_q.end:m.start()]))))
    if re.sub("|".join(vocab.words("change_up") + vocab.words("change_down")), "", gap):
        return None   # 外资税收占比达到31%, 制造业项目占69%: the share names a part of its own
    name = m.group("name")
    return name, _SUBJECTS.findall(name), _WHOLE_WORDS.sub("", _SUBJECTS.sub("", name))


def _may_be_whole(i: int, cand: Statement | None, q, p_st: Statement, p_q, taken: set) -> bool:
    """A level of the part's role, unit and time, no note, not the part's own figure again, and not a
    figure with a share of its own or a list's own total (taken)."""
    return cand is not None and cand.role is p_st.role and q.unit == p_q.unit and q.kind in ("amount", "count") \
        and not cand.note and i not in taken and q.text != p_q.text and of_one_time(p_st, cand)


def _nearest_named_level(part: int, named: tuple[str, list[str], str], own_totals: set, quantities, statements,
                         layout: Layout, vocab, with_share: set, bare_share: set, fully_only: bool = False) -> int | None:
    """The nearest level before the part that can be the whole its share's words name (see named_whole);
    fully_only, only one named by the whole's full name (党员总数, 进出口总值)."""
    name, subjects, core = named
    p_st, p_q = statements[part], quantities[part]
    floor = layout.text.rfind("\n", 0, p_q.start) + 1
    low = p_q.interval.low if p_q.interval.low is not None else p_q.interval.high
    full = _SAME_TIME.sub("", _SUBJECTS.sub("", name))   # 同期我国进出口总值: 进出口总值
    by_core = None   # the nearest level named by the core of the whole's name (发展党员 of 发展党员总数)
    smaller = None   # failing any, the nearest level named so but smaller than the part: the part or it is wrong
    taken = with_share | own_totals   # levels with a share of their own, lists' own totals: no whole here
    for i in range(part - 1, max(-1, part - 40), -1):
        q = quantities[i]
        if not core and q.start < p_st.sentence[0]:
            return smaller if smaller is not None else _total_named_before(i, part, quantities, statements, layout,
                                                                             bare_share)
        named_fully = len(full) >= 3 and full != core and statements.get(i) is not None \
            and _full_name(full, _SUBJECTS.sub("", statements[i].measure), vocab)
        if q.start < floor and not named_fully:
            continue   # before the paragraph, only a level named by the whole's full name (党员总数为…)
        cand = statements.get(i)
        if not _may_be_whole(i, cand, q, p_st, p_q, taken):
            continue
        small = low is not None and q.interval.high is not None and q.interval.high < low
        words = _words_of(i, quantities, statements, layout)
        if not _same_indicator(words, p_st.measure, vocab):
            continue
        if core and named_fully and all(subject in words for subject in subjects):
            if not small:
                return i   # 中国共产党党员总数为9059.4万名 before 党员总量突破9000万名: the full name first
            smaller = smaller if smaller is not None else i
        if fully_only:
            continue
        if core and q.start >= floor and _names(core, subjects, words, vocab):
            if not small:
                by_core = i if by_core is None else by_core
            elif smaller is None and (_named_wholly(cand.measure, core) or q.start >= p_st.sentence[0]):
                smaller = i   # 全国共发展党员205.7万名 … 发展党员962万名，占发展党员总数的46.8%: the part is wrong
        if not core and _subjects_named(subjects, cand, words) \
                and (shares_a_word(_SUBJECTS.sub("", cand.measure), _SUBJECTS.sub("", p_st.measure))
                     or (cand.head and cand.head == p_st.head)):
            if not small:
                return i
            if smaller is None and layout.text.startswith("中", q.end):
                smaller = i   # 在计划投资的9000亿元中…49930亿元，占比55.5%: the whole its sentence names; the part is wrong
    if by_core is not None or fully_only:
        return by_core   # (fully_only: a level named so but smaller than the part is no better than the list's total)
    return smaller


def _subjects_named(subjects: list[str], cand, words: str) -> bool:
    """美国…死亡病例68.7万例，占全球14%: a share naming only a place (全球, 世界, 全国) is of that
    place's whole, not of a level of another subject in its sentence (美国累计确诊病例4285万例)."""
    return all(subject in words or subject == cand.subject for subject in subjects)


_LEADING = regexes.lazy(r"^(?:共|有|全|累计|已|新)+")


def _named_wholly(measure: str, core: str) -> bool:
    """全国共发展党员 is named wholly by 发展党员 (of 发展党员总数), not by 党员 (of 党员总数): a level smaller
    than the part is taken for its whole only when the share's words name all of it (or it is in the part's
    sentence: 共治理水土流失面积18万平方公里，而…治理的面积就达44.5万平方公里，约占总面积的24.7%)."""
    own = _LEADING.sub("", _WHOLE_WORDS.sub("", _SUBJECTS.sub("", measure)))
    return len(own) >= 2 and own in core


_QUALIFIES = regexes.lazy(r"(?:以上|以下|左右)?的")
_BARE_INDICATOR = regexes.lazy(r"^(?:共|有|实现|完成|累计|全年|其)+|(?:为|达到|达|是|约)+$")
_TOTAL_NAMED = regexes.lazy(r"(?:总数|总量|总额|总值)(?:为|达到|达|是)?$")
_SCOPE_OPENING = regexes.lazy(r"(?:在)?(?P<scope>[^，,。；;：:\d]{2,12})中[，,]")


def _total_named_before(start: int, part: int, quantities, statements, layout: Layout, bare_share: set) -> int | None:
    """党员总数为8956.4万名 … (another paragraph) 党员队伍中，少数民族党员651.4万名，占7.3%: a share that names
    no whole and has none in its sentence: the nearest level before whose name ends as a total's (总数, 总量,
    总额, 总值; not 总量突破9000万名, a bound) and shares a word with the part's name or with the scope its sentence opens with (党员队伍中),
    or whose name ends with the part's whole name when that is an indicator alone of four characters or more
    (千户企业…实现销售收入15230.8亿元 … 销售收入为4797亿元，占31.5%),
    of the part's unit and role, no smaller than the part (failing any, the nearest smaller), of no other period.
    A level whose own share names no whole of its own (占2%) is a sibling part, never the whole."""
    p_st, p_q = statements[part], quantities[part]
    text = layout.text
    indicator = _BARE_INDICATOR.sub("", p_st.measure)
    indicator = indicator if len(indicator) >= 4 and p_st.head else None   # an indicator: a head of the vocabulary
    names = [_SUBJECTS.sub("", p_st.measure)]
    m = _SCOPE_OPENING.match(text, p_st.sentence[0], p_q.start)
    if m is not None:
        names.append(m.group("scope"))
    low = p_q.interval.low if p_q.interval.low is not None else p_q.interval.high
    smaller = None   # failing any, the nearest such total smaller than the part: the part or it is wrong
    for i in range(start, max(-1, part - 40), -1):
        q, cand = quantities[i], statements.get(i)
        if cand is None or cand.role is not p_st.role or q.unit != p_q.unit or q.kind not in ("amount", "count") \
                or cand.note or i in bare_share or q.text == p_q.text:
            continue
        if not of_one_time(p_st, cand):
            continue
        if _TOTAL_NAMED.search(cand.measure):
            measure = _TOTAL_NAMED.sub("", _SUBJECTS.sub("", cand.measure))
            named = any(shares_a_word(measure, name) for name in names)
        else:   # not 销售收入100亿元以上的企业: a bound that qualifies a noun is no amount stated
            named = indicator is not None and cand.measure.endswith(indicator) and q.interval.high is not None \
                and not _QUALIFIES.match(text, q.end)
        if named:
            if low is None or q.interval.high is None or q.interval.high >= low:
                return i
            smaller = smaller if smaller is not None else i
    return smaller


def _full_name(full: str, measure: str, vocab) -> bool:
    """党员总数 of 中国共产党党员总数, 外贸总值 of 我国外贸进出口总值 or of 我国进出口总值: the measure
    ends as the whole's name does and holds every two characters of it (names of one indicator
    taken for one another)."""
    full, measure = _one_name(full, vocab), _one_name(measure, vocab)
    return measure.endswith(full) or (len(full) >= 4 and measure.endswith(full[-2:])
                                      and all(full[k:k + 2] in measure for k in range(0, len(full) - 1, 2)))


def _one_name(words: str, vocab) -> str:
    """外贸总值 -> 进出口总值 (Vocabulary.one_name)."""
    return vocab.one_name(words)


def _words_of(i: int, quantities, statements, layout: Layout) -> str:
    """A level's name: its measure and the words after it in its clause (1.7万亿元资金中)."""
    st = statements[i]
    return st.measure + layout.text[quantities[i].end:min(st.clause[1], quantities[i].end + 8)]


def _same_indicator(a: str, b: str, vocab) -> bool:
    """进出口 and 出口 are two indicators; a name without one of the vocabulary's heads says nothing."""
    x, y = vocab.heads.findall(a), vocab.heads.findall(b)
    if not x or not y:
        return True
    return x[-1] == y[-1] or any(x[-1] in group and y[-1] in group for group in vocab.words("indicator_synonyms"))


def _names(core: str, subjects: list[str], words: str, vocab) -> bool:
    """The share's whole (外贸, 发展党员, 直达资金) named by a level's words: contained, or every two
    characters of a longer name found; its subject (我国) named too; the same indicator."""
    if any(subject not in words for subject in subjects) or not _same_indicator(core, words, vocab):
        return False
    if core in words:
        return True
    return len(core) >= 4 and all(core[k:k + 2] in words for k in range(0, len(core) - 1, 2))


def whole_carried(index: int, previous: tuple[int, int], quantities, statements, layout: Layout) -> int | None:
    """在全部外资中，…所获的资金共达776.66亿美元，占全部外资的七成左右。\n巴西、墨西哥和阿根廷3国所获的资金达
    888.2亿美元，占80%左右: a share that names no whole (占80%左右), with no level of its part's unit before the
    part in its sentence, in the paragraph right after a share of a found whole of that unit (or in its
    paragraph), is a share of that whole too."""
    part = statements[index].of
    share, whole = previous
    unit = quantities[part].unit
    if quantities[whole].unit != unit or whole >= part:
        return None
    text = layout.text
    paragraph = text.rfind("\n", 0, quantities[index].start) + 1
    before = text.rfind("\n", 0, max(0, paragraph - 1)) + 1 if paragraph else 0
    if quantities[share].start < before or "\n\n" in text[quantities[share].end:paragraph]:
        return None   # no further back than the paragraph before, and no blank line (another article) between
    sentence = statements[part].sentence
    if any(statements.get(i) is not None and statements[i].role is LEVEL and quantities[i].unit == unit
           and quantities[i].start >= sentence[0] for i in range(max(0, part - 6), part)):
        return None   # a level of its unit before the part in its sentence: the whole may be that one
    return whole
