"""Parts no larger than their whole, read from the words that join them (Facts for rules/facts).

- A counted set and counts of its members: 美国50个州中有40个州, 首批40条授权事项中，22条已经正式
  落地, 船上454人中12人生还. The set is a count followed by its noun and 中 (当中, 之中); a member
  count stands right after it (中有, 中的, 中，已有…: vocabulary member_openers), or after a comma and
  the words of a subgroup (31个省区市中，东部11个省市; 美国占31家: counts_the_set), of the same
  classifier, and names the set's thing again (40个州), or no thing of its own: the words after it
  start with a predicate of the vocabulary's member_predicates (22条已经正式落地), or it counts people;
  counts of the classifier listed after it with 、 (13人获救、47人失踪) are members too. Without 中, a
  count and its noun ending a clause is a set of the count opening the next clause with a predicate
  (累计推出805项制度创新成果，88项在全国推广: _set_by_clause), never of people. A member is
  never more than its set (Fact: level the set, `member`); a percentage right after the first,
  after 占, 面 or 率 (member_share_words), is the members' share (`member_share`: 占企业数的96.1%).
- A running total and the new ones in it, one figure right after the other, joined by ， or 、 in
  one sentence: 累计死亡病例722例，当日新增86例 (the new ones name the total's thing or nothing);
  新增公园141座、累计达到973座 (the total names nothing but itself). The total's piece says a word of
  cumulative_words (累计, 总数…), the new ones' new_counts (新增); one unit, no 分别. The new ones are
  in the total: never more (Fact: level the total, `new`).
- A level and its increase on a stated comparison (比上年增加134亿元), of one unit: what the level
  was before is the level less the increase, never below zero for a measure that cannot be
  negative (Fact: level, `increase`).

- A running total and a figure right after it named by one of its parts (vocabulary named_parts:
  确诊 and 死亡, 治愈, 出院), neither of one day (累计确诊病例20665148例，累计死亡226188例) (Fact:
  level the whole, `named_part`).

Read from words, so rules on them are probable (warnings). Local: each reading looks only at a
figure, the next one and the words between. A roll call (应到…出席…缺席) is roll_calls.py's, the
rates of a total and its parts part_rates.py's, one part after 其中 single_parts.py's.
"""

from __future__ import annotations

import functools
import re

from verify import regexes
from verify.reading.numerals import counted_as
from verify.reading.quantity import Quantity
from verify.statements.clauses import Layout
from verify.statements.facts import Fact
from verify.statements.records import ATTRIBUTE, AVERAGE, LEVEL, OTHER, PLAN, Statement
from verify.statements.vocabulary import Vocabulary, word_pattern

_COMPARED = regexes.lazy("相比|相较|对比|比较")
_NOUN_REACH = 12
_NO_NOUN = regexes.lazy(r"[0-9０-９,，。；;:：!！?？、()（）“”\n]")
_NO_WORDS = regexes.lazy(r"(?<![A-Za-z\-])[0-9０-９]+(?![0-9０-９A-Za-z])|[,，。；;:：!！?？、()（）\n]")
# the words after a figure: quotes may stand in them, and digits of a Latin name (国家级5G工厂), no figure
_TIME_NOUNS = ("月", "年", "天", "日", "周", "星期", "小时", "世纪", "季度")


_SUBGROUP_REACH = 12   # 能够提供现货来源证明的仅 (the words of a subgroup, between 中， and the member)


@functools.cache
def _set_end(openers: tuple[str, ...]) -> re.Pattern[str]:
    """中 (当中, 之中) ending a counted set's noun, an optional comma and an opener, then the member;
    after the comma, the member may first be named by a subgroup (31个省区市中，东部11个; 61名院士中，
    女性占到了9名; 15个城市中，北京、南京、杭州等10个): words and 、 only."""
    words = "|".join(map(re.escape, sorted(openers, key=len, reverse=True)))
    return regexes.lazy(rf"(?:当中|之中|中)(?:(?:,|，)?(?:{words})?|(?:,|，)(?P<subgroup>[\u4e00-\u9fff、“”]{{1,{_SUBGROUP_REACH}}}))$")


@functools.cache
def _ending(words: tuple[str, ...]) -> re.Pattern[str]:
    """Any of the words at the end of a text."""
    return regexes.lazy(f"(?:{word_pattern(words).pattern})$")


def _same_unit(a: Quantity, b: Quantity) -> bool:
    return counted_as(a.unit) == counted_as(b.unit)   # 24名渔民中6人: 名 and 人 count people alike (as rules compare them)


def _counts(q: Quantity, counters: frozenset[str]) -> bool:
    return q.kind == "count" and not q.label and q.unit in counters and q.value is not None


def members(quantities: list[Quantity], statements: dict[int, Statement], layout: Layout,
            vocab: Vocabulary) -> list:
    """N个Y中M个: each member count against its set."""
    view = layout.text
    counters = frozenset(vocab.words("list_counters"))
    opener = _set_end(vocab.words("member_openers"))
    predicates = word_pattern(vocab.words("member_predicates"))
    share_words = word_pattern(vocab.words("member_share_words"))
    not_subgroups = word_pattern(vocab.words("member_not_subgroups"))
    found = []
    for index in range(len(quantities) - 1):
        whole, part = quantities[index], quantities[index + 1]
        if not _counts(whole, counters) or not _counts(part, counters) or not _same_unit(whole, part):
            continue
        st = statements.get(index)
        if st is None or st.role not in (LEVEL, OTHER, ATTRIBUTE) or part.start - whole.end > _NOUN_REACH + 6 + _SUBGROUP_REACH:
            continue
        between = view[whole.end:part.start]
        end = opener.search(between) or _CLAUSE_SET_END.search(between)
        if end is None or end.group("subgroup") and not_subgroups.search(end.group("subgroup")):
            continue   # 5个组中，共30个: a total of something else, no member
        noun = between[:end.start()]
        if _NO_NOUN.search(noun) or noun.endswith("其") or noun.startswith(_TIME_NOUNS) or len(noun) > _NOUN_REACH:
            continue
        people = counted_as(whole.unit) == "人"
        by_clause = end.groupdict().get("clause") is not None
        if st.role is ATTRIBUTE and not by_clause:
            continue   # (21批173项制度集成创新案例: a count read as describing the next is a set only by its clause)
        if by_clause:
            if not _set_by_clause(view, whole, part, noun, predicates, statements.get(index + 1)):
                continue
        elif not _names_member(view, part, noun, people, predicates) or end.group("subgroup") \
                and not counts_the_set(end.group("subgroup"), clause_after(view, part), noun, people, vocab):
            continue
        sentence_end = layout.sentence(part.start)[1]
        share = _share_of_members(quantities, index + 1, view, sentence_end, share_words)
        found.append(Fact(index, (("member", index + 1),) + ((("member_share", share),) if share is not None else ())))
        k = index + 1
        while k + 1 < len(quantities):   # 13人获救、47人失踪: the members listed on
            nxt = quantities[k + 1]
            if nxt.start >= sentence_end or not _counts(nxt, counters) or not _same_unit(whole, nxt) \
                    or view[nxt.start - 1] != "、" or not _joined(view, quantities[k].end, nxt.start):
                break
            found.append(Fact(index, (("member", k + 1),)))
            k += 1
    return found


# A counted set that ends its clause, its noun before the comma (173项制度集成创新案例，82项获国家层面认可)
_CLAUSE_SET_END = regexes.lazy(r"(?P<clause>[,，])(?P<subgroup>(?!))?$")
_SET_STARTS = regexes.lazy(r"[,，。；;:：!！?？\n]$")   # the words a set by its clause stands after
_SET_REACH = 16


@functools.cache
def _ending_predicate(predicates: re.Pattern[str]) -> re.Pattern[str]:
    """A predicate of member_predicates ending a set's words (12个项目已开工，: no noun, a clause of its own)."""
    return regexes.lazy(f"(?:{predicates.pattern})$")


def _set_by_clause(view: str, whole: Quantity, part: Quantity, noun: str, predicates: re.Pattern[str],
                   member: Statement | None) -> bool:
    """Whether the count opening the clause after a counted set counts members of that set: the set
    is a count and its noun of at least two characters ending its clause, said right after a verb of
    its clause (培育形成…173项制度集成创新案例); the member count opens the next clause and goes on with a
    predicate of member_predicates (82项获国家层面认可). No 中 says it here, so the member must name no
    thing of its own and no comparison (比上年) may stand in it, and counts of people are left alone:
    造成11人死亡，50人受伤 are two sets, each with its own verb."""
    if len(noun) < 2 or member is None or member.compare or member.role not in (LEVEL, OTHER) \
            or counted_as(whole.unit) == "人" or predicates.match(noun) or _ending_predicate(predicates).search(noun):
        return False   # 11人死亡，50人受伤: counts of people each with its own verb are two sets
    before = view[max(0, whole.start - _SET_REACH):whole.start]
    if not before or _SET_STARTS.search(before) or _NO_WORDS.search(before[-1:]) or before.endswith("中"):
        return False   # 12个项目，/其中7项: a bare set at a clause's start, or one after 中, may be a member itself
    return predicates.match(view, part.end) is not None


def counts_the_set(words: str, after: str, noun: str, people: bool, vocab: Vocabulary) -> bool:
    """Whether a count after 在N个Y中 (Y: noun) counts Y's things, from the words before it since the
    set (words: 东部, 美国占, 已复工) and the words after it in its clause: it counts people, Y's head
    stands in those words (东部11个省市), they name nothing, start with a predicate (已复工4400多家) or
    end with a verb of having (美国占31家, 轻工产品就有28个: vocabulary member_subgroup_verbs); not
    建成充电桩500个 after 在5个试点城市中, whose words name another thing."""
    if people or not words or noun[-1:] and noun[-1] in words + after:
        return True
    return _ending(vocab.words("member_subgroup_verbs")).search(words) is not None \
        or word_pattern(vocab.words("member_predicates")).match(words) is not None


def clause_after(view: str, q: Quantity) -> str:
    """Up to 8 characters after a figure, within its clause."""
    return _CLAUSE_END.split(view[q.end:q.end + 8], 1)[0]


_CLAUSE_END = regexes.lazy(r"[,，。；;:：!！?？\n]")


def _share_of_members(quantities: list[Quantity], member: int, view: str, sentence_end: int,
                      share_words: re.Pattern[str]) -> int | None:
    """102家企业中98家盈利，占企业数的96.1%; 41个行业中35个行业增加值实现增长，增长面达85.4%: the
    percentage right after a member count, in its sentence, after a word of member_share_words (占,
    面, 率), no figure between and none of a noun after it (50%以上的扩张区间): the members' share."""
    if member + 1 >= len(quantities):
        return None
    share = quantities[member + 1]
    words = view[quantities[member].end:share.start]
    if share.kind != "percent" or share.start >= sentence_end or len(words) > 30 or share.value is None \
            or not share_words.search(words) or view[share.end:share.end + 1] == "的":
        return None
    return member + 1


def _names_member(view: str, part: Quantity, noun: str, people: bool, predicates: re.Pattern[str]) -> bool:
    """Whether the count after 中 counts the set's things: it names the noun's head again, names
    nothing (ends its clause), starts with a predicate, or counts people."""
    after = view[part.end:part.end + 8]
    head = noun[-1:] if noun else ""
    if head and head in after:
        return True
    if not after or not ("\u4e00" <= after[0] <= "\u9fff"):
        return True
    return people or predicates.match(after) is not None


def _joined(view: str, end: int, start: int) -> bool:
    """The words between two listed counts: a short predicate and 、, no other figure or comma."""
    gap = view[end:start - 1]
    return len(gap) <= 8 and not _NO_NOUN.search(gap)


def new_in_totals(quantities: list[Quantity], statements: dict[int, Statement], layout: Layout,
                  vocab: Vocabulary) -> list:
    """累计X，新增Y or 新增Y、累计X, one right after the other: the new ones within the total."""
    view = layout.text
    new_word = word_pattern(vocab.words("new_counts"))
    total_word = word_pattern(vocab.words("cumulative_words"))
    found = []
    for index in _level_pairs(quantities, statements):
        first, second = quantities[index], quantities[index + 1]
        gap = view[first.end:second.start]
        cut = SEGMENT_END.search(gap)
        if len(gap) > WORDS_REACH or cut is None or cut.group() not in ",，、" or SEGMENT_END.search(gap, cut.end()) \
                or _NO_WORDS.search(gap[:cut.start()]) or view[second.end:second.end + 1] not in _SEPARATORS + "。\n" \
                or layout.sentence(first.start) != layout.sentence(second.start):
            continue   # one right after the other, the second the last word of its piece
        before_first = piece_before(view, first.start)
        first_piece, before_second = before_first + "|" + gap[:cut.start()], gap[cut.end():]
        if "分别" in first_piece or "分别" in before_second:
            continue
        t, n = end_of_last(total_word, before_first), end_of_last(new_word, before_second)
        if t is not None and n is not None and not new_word.search(before_first) and not total_word.search(before_second) \
                and _names_agree(first_piece[t:], before_second[n:]):
            found.append(Fact(index, (("new", index + 1),)))   # 累计死亡病例722例，当日新增86例
            continue
        t, n = end_of_last(total_word, before_second), end_of_last(new_word, before_first)
        if n is None:   # 新增铜基新材料、长三角（含江西）大飞机2个…: 新增 before the names the figure counts
            before_first = _clause_before(quantities, index, layout)
            n = end_of_last(new_word, before_first)
        if t is None and _reached(before_second, vocab):
            t = len(before_second)   # 新增…县2个、达到29个: the total names nothing at all
        if t is not None and n is not None and not new_word.search(before_second) \
                and not total_word.search(before_first, _past_other_figures(quantities, index, len(before_first))) \
                and not _FILLERS.sub("", before_second[t:]):
            found.append(Fact(index + 1, (("new", index),)))   # 新增3个…产业集群、总数达13个: the total names nothing else
    return found


def _past_other_figures(quantities: list[Quantity], index: int, reach: int) -> int:
    """Where, in the `reach` characters before a figure, the words after the last other figure start:
    a cumulative word before that one names it (新增经济总量超200亿元县2个: 总量 is the 200亿元's)."""
    start = quantities[index].start - reach
    previous = quantities[index - 1] if index > 0 else None
    return previous.end - start if previous is not None and previous.end > start else 0


def _clause_before(quantities: list[Quantity], index: int, layout: Layout) -> str:
    """The words of a figure's clause before it (brackets included: 长三角（含江西）大飞机), at most
    _CLAUSE_REACH characters, when no other figure of its unit stands among them ('' else)."""
    q = quantities[index]
    found = _CLAUSE_START.search(layout.text, max(0, q.start - _CLAUSE_REACH), q.start)
    start = found.start() + 1 if found else max(0, q.start - _CLAUSE_REACH)   # (the match runs on to the figure)
    for i in range(index - 1, -1, -1):
        if quantities[i].end <= start:
            break
        if quantities[i].unit == q.unit:
            return ""   # (经济总量超200亿元县2个: a figure of another unit may name what is counted)
    return layout.text[start:q.start]


_CLAUSE_REACH = 40
_CLAUSE_START = regexes.lazy(r"[,，。；;!！?？\n:：][^,，。；;!！?？\n:：]*$")


def _reached(words: str, vocab: Vocabulary) -> bool:
    """达到, 增至: the words before a figure say only that it is where a count got to."""
    return words in vocab.words("reached_words")


_SEPARATORS = ",，、;；"
WORDS_REACH = 24
SEGMENT_END = regexes.compile(r"[,，、;；。!?！？\n:：]")
SEGMENT_START = regexes.compile(r"[,，、;；。!?！？\n:：][^,，、;；。!?！？\n:：]*$")


def stated_level(q: Quantity, st: Statement | None) -> bool:
    """A figure read as a level with a value: an amount or a count, no range, no label."""
    return st is not None and st.role is LEVEL and q.value is not None and q.kind in ("amount", "count") \
        and not q.label


def _level_pairs(quantities: list[Quantity], statements: dict[int, Statement]):
    """Indexes of figures read as levels (stated_level), each followed at once by another of its kind
    and unit (the pairs new_in_totals and named_parts look at)."""
    for index in range(len(quantities) - 1):
        first, second = quantities[index], quantities[index + 1]
        if second.kind == first.kind and first.unit == second.unit \
                and stated_level(first, statements.get(index)) and stated_level(second, statements.get(index + 1)):
            yield index


def piece_before(view: str, start: int) -> str:
    """The words of a figure's piece before it: since the last separator, at most WORDS_REACH."""
    segment = SEGMENT_START.search(view, max(0, start - WORDS_REACH), start)
    return view[segment.start() + 1 if segment else max(0, start - WORDS_REACH):start]


_FILLERS = regexes.lazy(r"^(?:报告|达到|达|为|是|已|已达|共|共有|接种|完成)+|(?:达到|达|为|是)+$")


def end_of_last(pattern: re.Pattern[str], words: str) -> int | None:
    """Where the words after the last marker of the pattern start, or None."""
    end = None
    for m in pattern.finditer(words):
        end = m.end()
    return end


def _names_agree(total: str, new: str) -> bool:
    """累计死亡病例 and 当日新增死亡病例: the names share two characters; or the new ones name nothing
    (当日新增86例), naming back the total before them."""
    total, new = _FILLERS.sub("", total.replace("|", "")), _FILLERS.sub("", new)
    if not new:
        return True
    return any(total[i:i + 2] in new for i in range(len(total) - 1))


def increases(quantities: list[Quantity], statements: dict[int, Statement], layout: Layout, found: list,
              vocab: Vocabulary) -> list:
    """A level and its increase (报考人数达到176万，比去年增加10万多): the increase is the level less
    what it was before, which cannot be below zero for a measure that is never negative. Only an
    amount or count with its increase in the same unit (never 51.2% against 0.9个), of no rank
    (提升3位 lowers the number) and no measure that may be negative (vocabulary signed_measures:
    利润, 顺差, 净…); the increase names what it compares with (比去年, 同比, 较3月末), so that it is
    the change of this level, not of a figure the clause goes on to (带动贷款投放多增1万亿元) (Fact:
    level, `increase`)."""
    ranks = frozenset(vocab.words("rank_units"))
    signed = word_pattern(vocab.words("signed_measures"))
    out = []
    for fact in found:
        change = dict(fact.figures).get("change")
        if change is None:
            continue
        level, rise, st = quantities[fact.level], quantities[change], statements[fact.level]
        if level.kind not in ("amount", "count") or rise.kind != level.kind or rise.unit != level.unit \
                or level.unit in ranks or st.role not in (LEVEL, AVERAGE, PLAN) or statements[change].sign <= 0 \
                or not statements[change].compare \
                or signed.search(st.measure) or signed.search(statements[change].measure):
            continue
        if _COMPARED.search(layout.text, level.end, layout.clause(level.start)[1]):
            continue   # 与…月人均700元的水平相比，8年累计月人均增加1021元: the level is what it is compared with
        out.append(Fact(fact.level, (("increase", change),)))
    return out


def named_parts(quantities: list[Quantity], statements: dict[int, Statement], layout: Layout,
                vocab: Vocabulary) -> list:
    """全球累计新冠肺炎确诊病例达到185291530例，累计死亡病例为4010834例: a running total named by a whole
    of the vocabulary's named_parts (确诊) and, right after it across ， or ；, a figure of one unit
    named by one of its parts (死亡, 治愈, 出院), neither said of one day or of those now ill
    (named_parts_not: 新增, 单日, 现有, 疑似…): those who died were confirmed cases (Fact: level the
    whole, `named_part`)."""
    view = layout.text
    groups = [(word_pattern(group[:1]), word_pattern(group[1:])) for group in vocab.words("named_parts")]
    daily = word_pattern(vocab.words("named_parts_not"))
    found = []
    for index in _level_pairs(quantities, statements):
        whole, part = quantities[index], quantities[index + 1]
        gap = view[whole.end:part.start]
        cut = SEGMENT_END.search(gap)
        if len(gap) > WORDS_REACH or cut is None or cut.start() != 0 or cut.group() not in ",，;；" \
                or SEGMENT_END.search(gap, 1):
            continue   # the whole ends its piece, the part's piece follows at once
        whole_words = piece_before(view, whole.start)
        part_words = gap[1:]
        if daily.search(whole_words) or daily.search(part_words):
            continue
        if any(w.search(whole_words) and p.search(part_words) and not w.search(part_words) for w, p in groups):
            found.append(Fact(index, (("named_part", index + 1),)))
    return found
