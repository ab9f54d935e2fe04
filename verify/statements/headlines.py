"""Headlines: for each figure of a title line the body figure that states the same thing — the same
measure (and so the same subject), the same time scope, the same role.

Title lines and the article each heads (at most WINDOW characters of it searched) come from
titles.py; the time a figure is stated for from stated_times.py; what the words around a figure
name from headline_words.py.

For a title's figure with a unit, the body figures that may restate it have its unit and its role
(a level, a plan, a change or a rate of the same direction, a share …; 增速9.5% is a rate) and no
other time scope (前10月 = 1—10月 = 截至10月底; 9月 is not 前三季度; 比去年同期 is a comparison, no
time; a title that names no time before its figure names it after: 28条河湖入选2025年…). A title rounds and bounds (33.9万 for 33.88万, 超6万亿 for 61218亿, 突破300万册 for 317.6万册):
when such a figure can equal the title's, the title is restated (an approximate body figure,
9500多万, decides nothing against a precise title). Otherwise the figure whose name shares most
two-character words with the title's (at least two, or all of the title's; counted things alike:
201个城市) is paired with it, when no other shares as much and it names the same period as the
title or neither names one (已建成 against 今年前10个月新建成 is a stock against a flow). Never
paired: an approximate figure against a precise title (30多人 under 五十万人), a figure read through
分别 (unless the 分别 binds it to an item that the title names, and no other of its items: 贫困人口脱贫率
over 563万贫困人口和1945个特困村脱贫，脱贫率分别达到80%和70%), in a parenthetical, a part of a 其中 list or of a list of kinds
(1054家国家级…、4055家省级…), one that names a place the title does not (在佛罗里达州), a running
total (至此…共有) or a whole (90名志愿者中的6人), and one that with another of its paragraph adds up
to the title's (87人 = 83人 + 4人). A title's figure that no body figure can equal and that no body
figure's name pairs is paired with the one body figure of its unit, role and time printing its digits
moved or one changed (约25% / 约2.5%): the same figure misprinted (_misprinted_by).
"""

from __future__ import annotations

import bisect
import re

from verify import regexes
from verify.frozen import record
from verify.reading.interval import Interval
from verify.reading.numerals import counted_as
from verify.reading.quantity import Quantity, printed_apart
from verify.statements.headline_words import (after, in_series, listed, named_after, other_subject, same_thing,
                                              whole_or_total, words, words_in)
from verify.statements.reader import NUMERIC
from verify.statements.records import AVERAGE, CHANGE, COMPLETION, LEVEL, NET, OTHER, PLAN, RATE, SHARE, Statement
from verify.statements.stated_times import named_alike, same_time, time_scope
from verify.statements.title_bounds import coarser, loose, misprinted, significant_digits, title_bound
from verify.statements.titles import articles
from verify.statements.vocabulary import Vocabulary, word_pattern

WINDOW = 3000       # characters of body searched after a title
LEAD_SCORE = 4      # words (and period) a lead's figure shares with the title's to state its measure
_NAMED_LEAD = 3     # words (and period) a lead's figure shares with the title's to state it against a bare equal later
_CLASSES = {LEVEL: "level", PLAN: "plan", CHANGE: "change", RATE: "rate",
            SHARE: "share", COMPLETION: "completion", AVERAGE: "average", NET: "net"}


@record(slots=True)
class Restatement:
    """A title's figure and the body figure read as the same statement (quantity indexes)."""

    headline: int
    body: int
    title: tuple[int, int]    # the title line
    certain: bool = False     # a title is paired by its words: probable, never certain


def restatements(view: str, quantities: list[Quantity], statements: dict[int, Statement],
                 vocab: Vocabulary, parts: frozenset[int] = frozenset(),
                 whole: frozenset[int] = frozenset(), items: dict | None = None) -> list[Restatement]:
    """For every figure of every title, the body figure that states the same, if one does (`items`:
    each value of a 分别 bound to its item, with the other items: item_of)."""
    found: list[Restatement] = []
    starts = [q.start for q in quantities]
    page = _Page(view, quantities, statements, vocab, vocab.periods, parts,
                 word_pattern(tuple(vocab.periods) + vocab.words("subject_words")), whole, items or {})
    for titles, body in articles(view):
        heads = [(i, title) for title in titles
                 for i in _title_figures(title, starts, view, quantities, statements, vocab)]
        if not heads:
            continue   # (most titles state no figure: their bodies' statements are not gathered)
        lo, hi = bisect.bisect_left(starts, body[0]), bisect.bisect_left(starts, min(body[1], body[0] + WINDOW))
        bodies = [statements[i] for i in range(lo, hi) if i in statements]
        for i, title in heads if bodies else ():
            body_index = _restated_by(statements[i], title, bodies, page)
            if body_index is None:
                body_index = _misprinted_by(statements[i], title, bodies, page)
            if body_index is not None:
                found.append(Restatement(i, body_index, title))
    return found


def _title_figures(title: tuple[int, int], starts: list[int], view: str, quantities: list[Quantity],
                   statements: dict[int, Statement], vocab: Vocabulary) -> list[int]:
    """The figures of a title line worth pairing (_title_figure), in text order."""
    chosen = []
    for i in range(bisect.bisect_left(starts, title[0]), bisect.bisect_left(starts, title[1])):
        st = statements.get(i)
        glued = i > 0 and quantities[i - 1].end == quantities[i].start   # 1万5812例 read as 1万, 5812例
        if st is not None and not glued and _title_figure(st, quantities[i], view, vocab):
            chosen.append(i)
    return chosen


def _title_figure(st: Statement, q: Quantity, view: str, vocab: Vocabulary) -> bool:
    """A figure of a title worth pairing: with a unit and a role, no duration (连续三个月) and no
    number in a series (播出第二十一 二十二集)."""
    return bool(q.unit) and _role_class(st, q, vocab) is not None and q.unit not in vocab.words("title_skip_units") \
        and not in_series(view, st, q)


_GROWTH_MEASURE = regexes.lazy(r"(?:增速|增幅|涨幅|增长率|增长速度)$")
_FALL_MEASURE = regexes.lazy(r"(?:降幅|跌幅|下降幅度)$")


def _role_class(st: Statement, q: Quantity, vocab: Vocabulary, ranges: bool = False) -> tuple[str, int] | None:
    """What a figure states, as titles and bodies compare it: 增速9.5% is a rate like 增长9.5%.
    A range (12亿到20亿吨) states no value, but may restate a title's (约20亿吨)."""
    if q.value is None and not ranges or q.label or st.note:
        return None
    name = _CLASSES.get(st.role)
    if name is None:
        return None
    if name == "level" and q.unit in ("%", "‰"):
        if vocab.up.search(st.measure) and _GROWTH_MEASURE.search(st.measure):
            return "rate", 1
        if _FALL_MEASURE.search(st.measure):
            return "rate", -1
    return name, st.sign


@record
class _Page:
    """What every look at one page shares."""

    view: str
    quantities: list[Quantity]
    statements: dict[int, Statement]
    vocab: Vocabulary
    periods: dict[str, tuple[str, str]]
    parts: frozenset[int]
    times_and_subjects: re.Pattern[str]   # what _timeless takes out of a counted thing
    whole: frozenset[int] = frozenset()   # counts of whole things: each exactly what it prints (whole_counts.py)
    items: dict = None   # a 分别's value -> (its item, all the items): item_of

    def can_be(self, index: int) -> Interval:
        """The values a figure can have, as loose reads them; a count of whole things only its own."""
        q = self.quantities[index]
        return Interval.point(q.value) if index in self.whole else loose(q)


def _restated_by(head: Statement, title: tuple[int, int], bodies: list[Statement], page: _Page) -> int | None:
    """The body figure that states what the title's figure states. One of its unit, role and time
    that can equal it restates it (paired when their names share a word, or when it is the lead's —
    the first sentence with figures — and equal within its own rounding: 已致84人死亡 / 已造成84人
    遇难); so does any within a bound the title sets (突破300万册). Otherwise the figure whose name
    shares most with the title's — at least two words or all of the title's, and a quarter of the
    shorter name's — when no other in its sentence shares as much (_best_named). A lead's figure
    sharing LEAD_SCORE words is the title's statement even when a later sentence repeats the
    title's figure, unless that sentence names it as well (余额4.26万亿元 in the lead, 累计投放…贷款
    1.9万亿元 later, under 累计投放稳外贸贷款1.9万亿元)."""
    hq = page.quantities[head.index]
    head_words = words(head, page.vocab, page.periods)
    head_time = _title_time(head, title, page)
    bound = title_bound(head, hq, page.view, page.vocab)
    scored = []
    lead, lead_sentence = [], bodies[0].sentence   # the first sentence with a figure
    for st in bodies:
        q = page.quantities[st.index]
        if not _comparable(head, hq, st, q, page.vocab, page.view):
            continue
        body_time = time_scope(page.view, page.quantities, st.sentence[0], q.start, st.index, page.periods)
        time = same_time(head_time, body_time)
        if time == "conflict":
            continue
        body_words = words(st, page.vocab, page.periods) | named_after(page.view, q) | _named_before(st, q, page) \
            | _item_words(st.index, title, page)
        shared = len(head_words & body_words)
        if hq.kind == "count" and head.head and st.head and same_thing(head.head, st.head):
            shared += 2
        if bound is not None and bound.intersects(page.can_be(st.index)):
            return None   # 突破300万册 and 317.6万册: restated, though the reader takes 300万 as rounded
        score = shared + named_alike(head_time, body_time)
        if page.can_be(head.index).intersects(page.can_be(st.index)) and not printed_apart(hq, q):
            # (4% and 5% meet at 4.5% but print apart: no equal restatement; named, they may still pair)
            found = _equal_restates(hq, st, q, shared, score, (lead, lead_sentence), scored, page)
            if found is not _GO_ON:
                return found
            continue
        if time != "same" or not _pairable(head, hq, st, q, title, bodies, page, score):
            continue
        if (score >= 2 or shared == len(head_words)) and 4 * shared >= min(len(head_words), len(body_words)):
            scored.append((score, st.index))
            if st.sentence == lead_sentence and score >= LEAD_SCORE:
                lead.append((score, st.index))
    return _best_named(scored, page)


def _misprinted_by(head: Statement, title: tuple[int, int], bodies: list[Statement], page: _Page) -> int | None:
    """For a title's figure that no body figure can equal: the one body figure of its unit, role and
    time that prints its significant digits moved (9.4% and 94%, 48亿件 and 480亿件) or, three digits
    or more, one of them changed (136.97万株 and 136.98万株), though their names share no word: the
    same figure printed two ways. None when two such figures stand in the body. (No title figure of
    the archive and corpus, 1,837, has such a body figure beside it that does not equal it.)"""
    hq, view = page.quantities[head.index], page.view
    digits = significant_digits(view[hq.start:hq.end])
    if len(digits) < 2 or hq.value is None:
        return None
    title_can_be, bound = page.can_be(head.index), title_bound(head, hq, view, page.vocab)
    head_time, found = _title_time(head, title, page), []
    for st in bodies:
        q = page.quantities[st.index]
        if q.value is None or not _comparable(head, hq, st, q, page.vocab, view):
            continue
        can_be = page.can_be(st.index)
        if title_can_be.intersects(can_be) and not printed_apart(hq, q) or bound is not None and bound.intersects(can_be):
            return None   # restated, or may be (33.88万 and 33.89万 print apart: no equal restatement)
        if misprinted(digits, significant_digits(view[q.start:q.end])) and same_time(
                head_time, time_scope(view, page.quantities, st.sentence[0], q.start, st.index, page.periods)) != "conflict":
            found.append(st.index)
    return found[0] if len(found) == 1 else None


def _named_before(st: Statement, q: Quantity, page: _Page) -> frozenset[str]:
    """The words of the clauses before a rate or change whose own clause names no indicator, when they
    state no figure (我国货物贸易进出口5月保持平稳增长，前5个月同比增长2.5%): its sentence names its
    measure before it. (After a figure, 贷款增加10.6万亿元，同比多增2.27万亿元, the words are that
    figure's.)"""
    if st.role not in (RATE, CHANGE) or st.of is not None or st.clause[0] <= st.sentence[0] \
            or page.vocab.heads.search(page.view, st.clause[0], q.start):
        return frozenset()
    i = st.index - 1
    while i >= 0 and page.quantities[i].end > st.sentence[0]:
        if page.quantities[i].kind in NUMERIC:
            return frozenset()
        i -= 1
    return words_in(page.view[st.sentence[0]:st.clause[0]], "", page.vocab, page.periods)


def _title_time(head: Statement, title: tuple[int, int], page: _Page):
    """The time a title's figure is stated for: what its words name before it, or, when they name
    no time, what the title names after it up to its next amount (28条河湖入选2025年幸福河湖优秀案例:
    the year 2025 is the 28's, as the body's 2025年…28条河湖入选)."""
    hq = page.quantities[head.index]
    before = time_scope(page.view, page.quantities, title[0], hq.start, head.index, page.periods)
    if any(before.values()):
        return before
    end = head.index + 1
    while end < len(page.quantities) and page.quantities[end].start < title[1] \
            and page.quantities[end].kind in ("date", "year"):
        end += 1
    stop = page.quantities[end].start if end < len(page.quantities) else len(page.view)
    return time_scope(page.view, page.quantities, title[0], min(stop, title[1]), end, page.periods)


_GO_ON = -1   # _equal_restates: this figure decides nothing; look on


def _equal_restates(hq: Quantity, st: Statement, q: Quantity, shared: int, score: int, leads: tuple[list, tuple],
                    scored: list[tuple[int, int]], page: _Page) -> int | None:
    """What a body figure that can equal the title's says of the title's statement (see _restated_by):
    the figure that states it, None when it is restated without a pair, _GO_ON when it decides nothing."""
    lead, lead_sentence = leads
    if q.qualifier is not None and hq.qualifier is None:
        if st.sentence == lead_sentence and shared:
            return None   # 云南３０支工作队 and the lead's ３０多支工作队: restated, roughly
        return _GO_ON   # 9500多万名 agrees with 9514.8万名 and with 9541.8万名: it decides nothing
    if coarser(q, hq):
        return _GO_ON   # 十项举措 beside a title's 15项 (十 is 5 to 15), 1亿户 beside 1.69亿户: decides nothing
    if len(lead) == 1 and st.sentence != lead_sentence and score <= lead[0][0]:
        return lead[0][1]   # the lead states the title's measure otherwise; a later sentence repeats it
    if shared or st.sentence == lead_sentence and hq.fraction_interval().intersects(q.fraction_interval()):
        return st.index   # the title's figure, restated (rounded, or with 超/近), or the lead's equal figure
    named = [(s, i) for s, i in scored if s >= _NAMED_LEAD and page.statements[i].sentence == lead_sentence]
    return max(named)[1] if named else None   # a bare 计60.88亿元 later: the lead's named figure states it


def _best_named(scored: list[tuple[int, int]], page: _Page) -> int | None:
    """Of the body figures scored by the words they share with the title's (in text order), the one
    that shares most; of equals in several sentences, the earliest (the lead); else none, since
    equals in one sentence leave the title's statement open."""
    if not scored:
        return None
    best = max(score for score, _ in scored)
    top = [index for score, index in scored if score == best]
    if len(top) > 1 and page.statements[top[0]].sentence[1] <= page.quantities[top[1]].start:
        return top[0]   # equally named in several sentences: the earliest, the lead, restates the title
    return top[0] if len(top) == 1 else None


def _comparable(head: Statement, hq: Quantity, st: Statement, q: Quantity, vocab: Vocabulary, view: str) -> bool:
    """The same unit and role (a range, 其中大约12亿到20亿吨, has no role, but may restate 约20亿吨;
    not a target, 下降40%-45%的目标)."""
    if q.unit != hq.unit or q.kind != hq.kind and {q.kind, hq.kind} != {"amount", "count"} \
            or vocab.plan_after.match(view, q.end):
        return False
    if st.role in (CHANGE, RATE) and _per_period(view[st.clause[0]:q.start], vocab) \
            != _per_period(view[head.clause[0]:hq.start], vocab):
        return False   # 年均比上年增收900亿元 is a yearly average, not the year's 增收1114亿元
    return _role_class(st, q, vocab, ranges=True) == _role_class(head, hq, vocab) \
        or q.value is None and st.role is OTHER


def _per_period(text: str, vocab: Vocabulary) -> bool:
    """Whether a change or rate is an average over periods or heads (年均, 月均, 人均, 平均: the
    average words of two characters ending in 均)."""
    return any(w in text for w in vocab.words("average_words") if len(w) == 2 and w.endswith("均"))


def _pairable(head: Statement, hq: Quantity, st: Statement, q: Quantity, title: tuple[int, int],
              bodies: list[Statement], page: _Page, score: int) -> bool:
    """Whether a body figure that differs from the title's may still be its statement: not an
    approximation under a precise title unless their names and period agree well (碳强度下降5%左右
    under 上半年我国碳强度下降5%), no part, no other place, thing, whole or running total."""
    view = page.view
    if q.value is None or st.index in page.parts or in_series(view, st, q):
        return False   # 第37、38颗: a number in a series, no amount
    if q.qualifier is not None and hq.qualifier is None \
            and (score < 3 or after(view, hq, short=True) != after(view, q, short=True)):
        return False   # 约70公里处, 200多万人 under 140万人流离失所: other things than the title's
    hedge = word_pattern(page.vocab.words("hedge_words"))
    if hedge.search(view, title[0], hq.start) and not hedge.search(view, st.sentence[0], q.start):
        return False   # 恐致300人死亡 under the body's 已造成111人死亡: an estimate against the count so far
    if _PLACE_AFTER.match(view, q.end) and not _PLACE_AFTER.match(view, hq.end):
        return False   # 东南方向70公里处 under 烟柱高达两公里: a place, not what the title measures
    if listed(st, q, page.quantities, page.statements, view) and not _title_item(st.index, title, page) \
            or other_subject(view[st.clause[0]:q.start], view[title[0]:title[1]]):
        return False
    if word_pattern(page.vocab.words("added_words")).search(view[st.clause[0]:q.start]):
        return False   # 同时…还发布了…等五类 under 六类产品消费提示: five more than the lead's one
    if hq.kind == "count" and not same_thing(_timeless(head.head, page), _timeless(st.head, page)) \
            or not same_thing(after(view, hq), after(view, q)):
        return False
    return not whole_or_total(view, st, q, title, page.vocab) \
        and not _sum_of_parts(head, st, bodies, page)


def _title_item(index: int, title: tuple[int, int], page: _Page) -> bool:
    """A value of a 分别 whose item the title names, and no other of its items (河北…贫困人口脱贫率达到80%
    over 563万贫困人口和1945个特困村脱贫，脱贫率分别达到80%和70%): that item's value, not a part."""
    bound = page.items.get(index)
    if bound is None:
        return False
    text = page.view[title[0]:title[1]]
    item, others, _ = bound
    return item in text and not any(other in text for other in others if other != item)


def _item_words(index: int, title: tuple[int, int], page: _Page) -> frozenset[str]:
    """The words of a 分别 value's item, and of the measure its first value names (脱贫率分别达到80%和70%:
    脱贫率 is 70%'s too), when the title names that item (_title_item)."""
    if not _title_item(index, title, page):
        return frozenset()
    item, _, first = page.items[index]
    named = page.statements.get(first)
    return words_in(item, "", page.vocab, page.periods) | (words(named, page.vocab, page.periods) if named else frozenset())


def item_of(tallies) -> dict[int, tuple[str, tuple[str, ...], int]]:
    """Each value of a 分别 read item by item (as many names as values, each name one item) -> its item,
    all the items and the first value."""
    found = {}
    for t in tallies:
        if t.family == "respectively" and t.items and t.fewest == t.most == t.stated == len(t.items) \
                == len(t.figures):
            for item, index in zip(t.items, t.figures):
                found[index] = (item, t.items, t.figures[0])
    return found


_PLACE_AFTER = regexes.lazy(r"处(?![于在置理罚分境长事方级室])")   # 6212米处 (not 处于, 处级)


def _timeless(head: str, page: _Page) -> str:
    """What a count counts, less the times and the words every sentence names (四条高速公路今天通车:
    高速公路通车, as the body's 4条高速公路通车)."""
    return page.times_and_subjects.sub("", head or "")


def _sum_of_parts(head: Statement, st: Statement, bodies: list[Statement], page: _Page) -> bool:
    """The title's figure is this one and another of its unit in the same paragraph added up
    (87人 = 83人 in one state + 4人 in another; 超17亿件 = 揽收10.79亿件 + 投递6.41亿件), each as
    the values it can have (a count of whole things only its own: 16个 and 39个 make 55个, not a
    title's 56个). Rates and shares do not add up (能耗下降4.2%，碳强度下降5%左右 under 碳强度下降5%). A figure
    stated to a step ten times the title's or more (1亿户 beside 1.69亿户, coarser) adds up with almost
    anything, so it shows no sum: 企业和个体工商户…跃上5000万户和1亿户 leaves 1.09亿户 the title's statement."""
    quantities, view = page.quantities, page.view
    hq, q = quantities[head.index], quantities[st.index]
    if hq.unit in ("%", "‰"):
        return False
    line = (view.rfind("\n", 0, q.start) + 1, view.find("\n", q.end) % (len(view) + 1))
    title = page.can_be(head.index)
    for other in bodies:
        o = quantities[other.index]
        if other.index != st.index and counted_as(o.unit) == counted_as(q.unit) \
                and line[0] <= o.start < line[1] and o.value is not None and not coarser(o, hq):
            if title.intersects(page.can_be(st.index) + page.can_be(other.index)):
                return True
    return False
