"""[Quantity] -> {index: Statement}: what each figure states, read from the words around it.

The words just before a figure (since the previous figure of its clause) decide its role: a
change verb makes a rate (percent) or a change (amount), 占…比重 a share, 完成…计划的 a plan
completion, 由 where a change started, 高于 a comparison; 人均/每/密度 in the clause make an
average. The clause's words before its first figure name the measure; later figures of the
clause (增长4.3%) state more about the same measure. All words are vocabulary data.
"""

from __future__ import annotations

import functools
import re

from verify import regexes
from verify.reading.quantity import Quantity
from verify.statements.clauses import Layout
from verify.statements.records import (   # (the roles by name: records.LEVEL)
    ATTRIBUTE, AVERAGE, BASE, CHANGE, COMPLETION, FROM, LEVEL, NET, OTHER, PLAN, RATE, SHARE, SUBPART, Role, Statement,
)
from verify.statements.sides import joined
from verify.statements.vocabulary import Vocabulary, word_pattern

NUMERIC = frozenset({"amount", "count", "percent", "point", "ratio"})
CALENDAR = frozenset({"year", "date"})
PERCENT_UNITS = frozenset({"%", "‰", "成"})
_LEAD = regexes.compile(r"^(?:[\s,，、:：;；)）]|其中|而且|并且|同时|此外|另外|其余|而|并|且|及|和|与|另)+")
_TRAIL = regexes.compile(regexes.guarded(r"(?:为|达到|(?<!下|到|送|表|传|抵)达|实现|完成|是|有|共|共计|合计|累计|约|已|的|了|仅|超|近|逾)+$"))
_NOT_THE_NAME = regexes.compile(r"\s+|\([^()]*\)$")   # spaces; a bracketed abbreviation at the end
_NEW_CASES = regexes.compile(r"新增[\u4e00-\u9fff]*$")
# 比…低６个多美元, 比…高2个百分点: after a comparison, 高/低 right before a figure state the gap, a change.
_GAP_AFTER_COMPARE = regexes.compile(r"(?<![最偏较])(?:(?P<up>高)|低)(?:出|了)?$")
_COMPARED = regexes.compile(r"(?<![同环对])比(?!例|重|分|率|赛)")


@functools.cache
def _after_compare(before_bi: tuple[str, ...], bi_words: tuple[str, ...], after_jiao: tuple[str, ...]) -> re.Pattern[str]:
    """比/较 that compares, and the words after it (vocabulary not_compare_*: 比例, 同比, 较大 compare nothing)."""
    def either(words: tuple[str, ...]) -> str:
        return "|".join(map(re.escape, words))
    return regexes.compile(regexes.guarded(
        rf"(?<![{''.join(map(re.escape, before_bi))}])(?:比(?!{either(bi_words)})|(?<!比)较(?!{either(after_jiao)}))"
        r"([\u4e00-\u9fff“”]{0,12})$"))
_AFTER_NOUN = regexes.compile(r"[\u4e00-\u9fff]{1,8}")
_AFTER_STOP = regexes.compile(r"[的中有在是为将已被从和与及、等来以上下左右余多均占比同较增减降提实达共约]")


def read_statement(index: int, quantities: list[Quantity], layout: Layout, vocab: Vocabulary,
                   earlier: dict[int, Statement], subject: str | None = None) -> Statement:
    """One numeric figure as a statement; `earlier` holds the statements before it, `subject` is
    who or where its paragraph last named (a change or rate takes its level's instead)."""
    q = quantities[index]
    view = layout.text
    note = layout.note_at(q.start)
    clause = layout.clause_in(q.start, note)
    if clause[0] == q.start and q.start > 1 and view[q.start - 1] == ")" and layout.note_at(q.start - 2):
        clause = (layout.clause(layout.note_at(q.start - 2)[0])[0], clause[1])   # 地区生产总值（GDP）1228亿元
    last = earlier.get(index - 1)   # the sentence of the statement before, when it holds this figure too
    sentence = last.sentence if last is not None and not last.note and last.sentence[0] <= q.start < last.sentence[1] \
        else layout.sentence(q.start)
    previous = quantities[index - 1] if index > 0 else None
    since = clause[0]
    for i in range(index - 1, index - 4 if index > 3 else -1, -1):
        before_q = quantities[i]
        if before_q.kind in NUMERIC and (before_q.unit not in _AGO_UNITS or not _ago(before_q, view)):
            # the nearest numeric figure among the three before (_ago asked only of a figure in years or of none)
            if before_q.end > since:
                since = before_q.end
            break
    label = view[since:q.start].strip()
    before = view[clause[0]:q.start]
    role, sign = _role(q, _role_words(label), before, previous, vocab)
    if role is FROM and _ago(q, view):
        role = OTHER   # 从10年前的不足3000万人, 从20世纪80年代的约1100只: a time, the start is the figure after it
    if role is LEVEL and vocab.plan_after.match(view, q.end):
        role = PLAN
    if role is LEVEL and view.startswith("级", q.end):
        role = ATTRIBUTE   # 77公斤级比赛: a class, not an amount
    if last is not None and (role is not FROM and last.role is FROM or role is AVERAGE and last.role is LEVEL) \
            and joined(view, quantities, index - 1, index):
        role, sign = last.role, 0   # 平均标准…从645元/月、4318元/年提高到801元/月、7226元/年: as the first
    elif role is LEVEL and last is not None and last.role in _LISTED_ROLES \
            and previous.unit == q.unit and joined(view, quantities, index - 1, index):
        role, sign = last.role, last.sign   # 分别下降31.5%、0.9%、39%: each a fall
    if note is not None:   # （增长87%）: a note speaks of what is inside it, or of the figure just before it
        sentence = (max(sentence[0], view.rfind("，", sentence[0], note[0]) + 1, view.rfind(",", sentence[0], note[0]) + 1),
                    sentence[1])   # (a comma before the sentence would not count: not looked for)
    of = _described(index, role, label if "分别" not in before else "分别", sentence, earlier, vocab,
                    quantities, points=q.unit == "百分点", in_note=note is not None) if role in _DESCRIBING else None
    measure = earlier[of].measure if of is not None else _measure(label if since > clause[0] else before)
    compare = vocab.compare.search(before)
    return Statement(index, role, sign, measure, _head(q, measure, view, vocab),
                     compare.group() if compare else None, _time(index, quantities, sentence),
                     clause, sentence, note is not None, of, earlier[of].subject if of is not None else subject)


_AGO_UNITS = frozenset({"年", None, ""})   # the units of a figure that _ago can take for a time


def _ago(q: Quantity, view: str) -> bool:
    """10年前, 五年前的, 80年代, 20世纪: a time, no amount (the figure after it may be a start)."""
    return q.unit == "年" and view.startswith(("前", "代"), q.end) or not q.unit and view.startswith("世纪", q.end)


_LISTED_ROLES = frozenset({RATE, SHARE})   # roles the later values of a 、-list of percentages take from the first
_DESCRIBING = frozenset({CHANGE, RATE, SHARE, COMPLETION})   # roles that may speak of a level before


def _described(index: int, role: Role, label: str, sentence: tuple[int, int], earlier: dict[int, Statement],
               vocab: Vocabulary, quantities: list[Quantity] = (), points: bool = False, in_note: bool = False) -> int | None:
    """For a change, rate, share or completion whose words name no measure of their own (，同比增长
    4.3%), or name again the measure before it (，总产量十年增长1.3倍): the level it speaks of, the
    nearest level before it in its sentence, not inside a parenthetical unless it is in one too
    (保有量33618万辆（包括三轮汽车和低速货车736万辆），比上年末增加1882万辆: the 33618万辆). A change in
    百分点 speaks of the nearest rate."""
    if role not in _DESCRIBING or "分别" in label:
        return None   # 分别占…的97.8%和78.5%: a 分别 list binds its values item by item, not to one level
    rest = None   # the label's other words, found when a level or a figure described is met
    for i in range(index - 1, max(-1, index - 6), -1):
        st = earlier.get(i)
        if st is None or st.note and not in_note:
            continue   # a year or a date between (比2005年增加): no figure of the measure; a note's figure
        if st.clause[0] < sentence[0]:
            return None
        if points:   # 涨幅比8月份的2.6%扩大了0.5个百分点: the rate it changes
            if st.role in (RATE, LEVEL) and i >= index - 5 and quantities[i].unit in PERCENT_UNITS:
                return i
            continue
        if st.role is BASE and i == index - 1 and label.startswith("的") and role is CHANGE:
            rest = ""   # 比…２１美元的内部参考价低６个多美元: the words after the figure compared with name it
            continue
        if st.role in (LEVEL, AVERAGE) or (st.role is NET and role is SHARE) or st.role is PLAN:
            # 计划投资…，占比; 利润总额为403.2亿元，占56%: a share of a plan or of a balance too; a plan's or
            # forecast's change or rate (招生计划698万人，比上年增加4万人) is the plan's
            rest = _other_words(label, vocab) if rest is None and role is not SHARE else rest
            if role is not SHARE and len(rest) > 1 \
                    and not shares_a_word(_SUBJECT_WORDS.sub("", st.measure), _SUBJECT_WORDS.sub("", rest)):
                return None   # a share speaks of the level before it even when it names its whole
            return i
        if st.of is not None and not points:
            rest = _other_words(label, vocab) if rest is None and role is not SHARE else rest
            if role is not SHARE and len(rest) > 1:
                return None
            return st.of
    return None


def _compared_to(label: str, vocab: Vocabulary) -> bool:
    """比原来的3%, 比去年11.84%的增幅: after 比/较 and before any verb of change, a figure is what
    another is compared with (同比 and 环比 compare with a period, not with a figure). Asked only of
    words holding 比 or 较, as every match does."""
    m = _after_compare(vocab.words("not_compare_before_bi"), vocab.words("not_compare_bi_words"),
                       vocab.words("not_compare_after_jiao")).search(label)
    return bool(m) and not vocab.up.search(m.group(1)) and not vocab.down.search(m.group(1)) \
        and not word_pattern(vocab.words("change_up") + vocab.words("change_down")).search(m.group(1))


_SUBJECT_WORDS = regexes.compile(r"全国|我国|全市|全省|全区|中国|全县")


def shares_a_word(a: str, b: str) -> bool:
    """Two namings share a word of two characters (总产量 / 粮食总产, 零售总额 / 零售额): the same
    measure named again."""
    pairs = {a[k:k + 2] for k in range(len(a) - 1)}
    return any(b[k:k + 2] in pairs for k in range(len(b) - 1))


def _other_words(label: str, vocab: Vocabulary) -> str:
    """The words since the previous figure less comparisons, verbs of change and times."""
    rest = vocab.compare.sub("", _CALENDAR_WORDS.sub("", label))
    rest = vocab.up.sub("", vocab.down.sub("", rest))
    return _NOT_NAMING.sub("", rest)


_NOT_NAMING = regexes.compile(r"[\s,，、;；:：了为达到至幅度速分别和与及的]|同期|相比|增速|增幅|实现|完成|占|累计|共|合计")


_CALENDAR_WORDS = regexes.compile(regexes.guarded(r"(?:[\d一二三四五六七八九十]+世纪)?[\d一二三四五六七八九十]+年代(?:初期|中期|末期|初|中|末)?"
                             r"|[\d一二三四五六七八九十]+(?:年|月份|月|日|季度)(?:末|底|初|以来|同期|来|前)?|同期|去年|上年|前年|上月|全年|年底|年末|年初|月初"
                             r"|“十[一二三四五六七八九]?五”(?:时期|期间|期末|末|初)?"   # 比“十三五”时期: a plan's five years
                             r"|目前|当时|现在|如今|此前|之前|原来|原先|过去|以前|最初|起初|当初|昨天|前天|改革开放前|改革前|十年前|[一二三四五六七八九十\d]+年前"))


def _role_words(label: str) -> str:
    """The words that decide a role, without the times they name (从2012年的 -> 从, 提高到目前的 -> 提高到,
    由新中国成立时的 -> 由)."""
    words = _CALENDAR_WORDS.sub("", label).replace("的", "")
    return (_EVENT_TIME.sub("", words) if "从" in words or "由" in words else words).strip()   # (a match follows one)


# 由新中国成立时的19.5万个, 从试点之初的27只, 从建矿初期的3%: a time named by an event, right after 从/由 and
# right before the figure (not 从未…, nor a span of its own: 从剧本到拍摄历时4年多, nor 每小时).
_EVENT_TIME = regexes.compile(r"(?<=[从由])(?![未不来没])[\u4e00-\u9fff]{1,8}?(?:之初|初期|伊始|(?<!小)时)$")   # (每小时 is a rate's unit)


def _role(q: Quantity, label: str, before: str, previous: Quantity | None, vocab: Vocabulary) -> tuple[Role, int]:
    """The role and sign of a figure, from the words just before it."""
    percent = q.unit in PERCENT_UNITS or q.kind == "ratio"
    tails, last = vocab.tails, label[-1:]   # (a pattern ending at $, the stripped label's end, is searched only in a label ending as it can)
    sign = -1 if last in tails["down"] and vocab.down.search(label) \
        else (1 if last in tails["up"] and vocab.up.search(label) else 0)
    if not sign and ("高" in label or "低" in label) and (gap := _GAP_AFTER_COMPARE.search(label)) \
            and _COMPARED.search(before):   # (a gap holds 高 or 低)
        sign = 1 if gap.group("up") else -1
    if q.kind in ("amount", "count") and (q.value is None or not vocab.adds_up(q.unit, q.scale)):
        if q.value is not None and q.unit in vocab.ordered_units and vocab.from_word.search(label):
            return FROM, 0   # 受教育年限从10.23年(提高到10.8年): no amount, but where a change started
        return OTHER, 0   # magnitudes, ages, durations; ranges (二十年至三年) are no amount
    if vocab.subpart.search(label):
        return SUBPART, 0
    if q.unit == "百分点":
        return CHANGE, sign
    if sign > 0 and "新增" in label and _NEW_CASES.search(label) and not vocab.compare.search(label):
        sign = 0   # 当日新增3例, 新增确诊病例12例: the count of new cases, a level of its own
    if last in tails["change_to"] and vocab.change_to.search(label):
        return LEVEL, 0
    if percent and vocab.completion.search(before):
        return COMPLETION, 0
    if percent and (vocab.share.search(label) or vocab.share.search(before)):
        return SHARE, 0
    if _names_a_balance(label, vocab):
        return NET, 0   # 人口自然增长1.9万人, 自然增长率为2.7‰: 出生 less 死亡 (vocabulary balances), no change
    if sign:
        return (RATE if percent else CHANGE), sign
    if last in tails["from_word"] and vocab.from_word.search(label):
        return FROM, 0
    if last in tails["base_word"] and vocab.base_word.search(label) \
            or (not percent and "占" in label and vocab.whole_of_share.search(label)) \
            or ("比" in label or "较" in label) and _compared_to(label, vocab):   # (every match holds one)
        return BASE, 0
    if vocab.extreme.search(label):
        return OTHER, 0
    named = not percent and vocab.plan_average_net.search(before)   # (one search for the three below: most words hold none)
    if named and vocab.plan.search(before):
        return PLAN, 0
    if previous is not None and previous.kind == "count" and q.start == previous.end and not percent:
        return ATTRIBUTE, 0   # 两台33万千瓦机组: the size of each, not an amount of them
    if named and vocab.average.search(before):
        return AVERAGE, 0
    if named and vocab.net.search(before):
        return NET, 0
    return LEVEL, 0


def _names_a_balance(label: str, vocab: Vocabulary) -> bool:
    """The words name a balance whose own name holds a verb of change (自然增长: births less deaths),
    and no verb of change is left without it (自然增长率下降0.5‰ is a change of the balance)."""
    for net in vocab.verb_nets:
        if net in label:
            rest = label.replace(net, "")
            return not (vocab.up.search(rest) or vocab.down.search(rest))
    return False


def _measure(words: str) -> str:
    """The indicator a clause names: its words before the figure, connectives and verbs cut. One
    cut of each suffices: what is left after the lead starts with none, and a prefix of it neither;
    what is left after the trail, the leftmost run of trail words reaching the end, ends with none."""
    if words.endswith(")") or " " in words or not words.isprintable():   # (else no space, nor a bracket at
        words = _NOT_THE_NAME.sub("", words)   # the end: every other space is unprintable) and 地区生产总值(GDP): the name
    lead = _LEAD.match(words)   # (each pattern has one match at most, at the start or reaching the end:
    words = words[lead.end():] if lead else words   # cut by its span, as sub cuts it)
    trail = _TRAIL.search(words)
    return words[:trail.start()] + words[trail.end():] if trail else words


def _head(q: Quantity, measure: str, view: str, vocab: Vocabulary) -> str:
    """What is counted (3个行政区 -> 行政区) or which indicator is measured (投资, 产值)."""
    if q.kind == "count":
        noun = _AFTER_NOUN.match(view, q.end)
        if noun:
            cut = _AFTER_STOP.search(noun.group())
            head = noun.group()[:cut.start()] if cut else noun.group()
            if head:
                return head
    found = vocab.heads.findall(measure)
    return vocab.head_family[found[-1]] if found else ""


def _time(index: int, quantities: list[Quantity], sentence: tuple[int, int]) -> str | None:
    """The calendar figure nearest before, in the same sentence (前10月, 2021年)."""
    first = sentence[0]
    for i in range(index - 1, index - 7 if index > 6 else -1, -1):
        q = quantities[i]
        if q.start < first:
            break
        if q.kind in CALENDAR:
            return q.text
    return None
