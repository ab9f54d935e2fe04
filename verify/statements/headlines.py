"""Headlines: the title lines of a page, and for each figure of a title the body figure that states
the same thing — the same measure (and so the same subject), the same time scope, the same role.

A title is a short line without a sentence end (。！？；) and without figures side by side (a row
of a table); the title lines in a row (a subtitle, a byline) belong together. Its article is the
text after them up to the next title line (one item of a TV transcript, one article of a daily, a
roundup's item under its subheading), at most WINDOW characters.

For a title's figure with a unit, the body figures that may restate it have its unit and its role
(a level, a plan, a change or a rate of the same direction, a share …; 增速9.5% is a rate) and no
other time scope (前10月 = 1—10月 = 截至10月底; 9月 is not 前三季度; 比去年同期 is a comparison, no
time). A title rounds and bounds (33.9万 for 33.88万, 超6万亿 for 61218亿, 突破300万册 for 317.6万册):
when such a figure can equal the title's, the title is restated (an approximate body figure,
9500多万, decides nothing against a precise title). Otherwise the figure whose name shares most
two-character words with the title's (at least two, or all of the title's; counted things alike:
201个城市) is paired with it, when no other shares as much and it names the same period as the
title or neither names one (已建成 against 今年前10个月新建成 is a stock against a flow). Never
paired: an approximate figure against a precise title (30多人 under 五十万人), a figure read through
分别, in a parenthetical, a part of a 其中 list or of a list of kinds
(1054家国家级…、4055家省级…), one that names a place the title does not (在佛罗里达州), a running
total (至此…共有) or a whole (90名志愿者中的6人), and one that with another of its paragraph adds up
to the title's (87人 = 83人 + 4人).
"""

from __future__ import annotations

import bisect
import functools
import re
from dataclasses import dataclass

from verify.reading.interval import Interval
from verify.reading.quantity import CALENDAR_VALUES, Quantity
from verify.statements.reader import shares_a_word
from verify.statements.records import Role, Statement
from verify.statements.vocabulary import Vocabulary

MAX_TITLE = 64      # characters of a title line
WINDOW = 3000       # characters of body searched after a title
LEAD_SCORE = 4      # words (and period) a lead's figure shares with the title's to state its measure
_TITLE_BREAKS = re.compile(r"[。！？!?；;]|[,，:：、]\s*$")
_CJK = re.compile(r"[\u4e00-\u9fff]")
_CLASSES = {Role.LEVEL: "level", Role.PLAN: "plan", Role.CHANGE: "change", Role.RATE: "rate",
            Role.SHARE: "share", Role.COMPLETION: "completion", Role.AVERAGE: "average", Role.NET: "net"}
_BASE_BEFORE = re.compile(r"(?:比|较|与|从|由|相比|同比|环比)$")
_NOT_A_WORD = re.compile(r"[^\u4e00-\u9fffA-Za-z]")


@dataclass(frozen=True, slots=True)
class Restatement:
    """A title's figure and the body figure read as the same statement (quantity indexes)."""

    headline: int
    body: int
    title: tuple[int, int]    # the title line
    certain: bool = False     # a title is paired by its words: probable, never certain


def restatements(view: str, quantities: list[Quantity], statements: dict[int, Statement],
                 vocab: Vocabulary, parts: frozenset[int] = frozenset()) -> list[Restatement]:
    """For every figure of every title, the body figure that states the same, if one does."""
    found: list[Restatement] = []
    starts = [q.start for q in quantities]
    page = _Page(view, quantities, statements, vocab, vocab.periods, parts)
    for titles, body in _articles(view):
        lo, hi = bisect.bisect_left(starts, body[0]), bisect.bisect_left(starts, min(body[1], body[0] + WINDOW))
        bodies = [statements[i] for i in range(lo, hi) if i in statements]
        if not bodies:
            continue
        for title in titles:
            a, b = bisect.bisect_left(starts, title[0]), bisect.bisect_left(starts, title[1])
            for i in range(a, b):
                st = statements.get(i)
                glued = i > 0 and quantities[i - 1].end == quantities[i].start   # 1万5812例 read as 1万, 5812例
                if st is not None and not glued and _title_figure(st, quantities[i], view, vocab):
                    body_index = _restated_by(st, title, bodies, page)
                    if body_index is not None:
                        found.append(Restatement(i, body_index, title))
    return found


def _title_figure(st: Statement, q: Quantity, view: str, vocab: Vocabulary) -> bool:
    """A figure of a title worth pairing: with a unit and a role, no duration (连续三个月) and no
    number in a series (播出第二十一 二十二集)."""
    return bool(q.unit) and _role_class(st, q, vocab) is not None and q.unit not in vocab.words("title_skip_units") \
        and "第" not in view[max(st.clause[0], q.start - 8):q.start]


def _articles(view: str) -> list[tuple[list[tuple[int, int]], tuple[int, int]]]:
    """Each run of title lines and the body after it, up to the next line read as a title (a
    subheading opens another story: 国内联播快讯 and its items)."""
    lines, pos = [], 0
    for line in view.split("\n"):
        text = line.strip()
        kind = "blank" if not text else ("title" if _title_like(text) else "body")
        lines.append((pos, pos + len(line), kind))
        pos += len(line) + 1
    articles, i, n = [], 0, len(lines)
    while i < n:
        if lines[i][2] != "title":
            i += 1
            continue
        j = i
        while j < n and lines[j][2] != "body":
            j += 1
        k = j + 1
        while k < n and lines[k][2] != "title":
            k += 1
        if j < n:
            titles = [(s, e) for s, e, kind in lines[i:j] if kind == "title"]
            articles.append((titles, (lines[j][0], lines[k - 1][1])))
        i = max(k, i + 1)
    return articles


def _title_like(text: str) -> bool:
    """A short line without a sentence end, with words, and no figures side by side (a table row)."""
    return len(text) <= MAX_TITLE and not _TITLE_BREAKS.search(text) and bool(_CJK.search(text)) \
        and not _SIDE_BY_SIDE.search(text)


_SIDE_BY_SIDE = re.compile(r"[\d０-９%％][\s　]+[-－+＋]?[\d０-９]")


def _role_class(st: Statement, q: Quantity, vocab: Vocabulary, ranges: bool = False) -> tuple[str, int] | None:
    """What a figure states, as titles and bodies compare it: 增速9.5% is a rate like 增长9.5%.
    A range (12亿到20亿吨) states no value, but may restate a title's (约20亿吨)."""
    if q.value is None and not ranges or q.label or st.note:
        return None
    name = _CLASSES.get(st.role)
    if name is None:
        return None
    if name == "level" and q.unit in ("%", "‰"):
        if vocab.up.search(st.measure) and re.search(r"(?:增速|增幅|涨幅|增长率|增长速度)$", st.measure):
            return "rate", 1
        if re.search(r"(?:降幅|跌幅|下降幅度)$", st.measure):
            return "rate", -1
    return name, st.sign


@dataclass(frozen=True)
class _Page:
    """What every look at one page shares."""

    view: str
    quantities: list[Quantity]
    statements: dict[int, Statement]
    vocab: Vocabulary
    periods: dict[str, tuple[str, str]]
    parts: frozenset[int]


def _restated_by(head: Statement, title: tuple[int, int], bodies: list[Statement], page: _Page) -> int | None:
    """The body figure that states what the title's figure states. One of its unit, role and time
    that can equal it restates it (paired when their names share a word, or when it is the lead's —
    the first sentence with figures — and equal within its own rounding: 已致84人死亡 / 已造成84人
    遇难); so does any within a bound the title sets (突破300万册). Otherwise the figure whose name
    shares most with the title's — at least two words or all of the title's, and a quarter of the
    shorter name's — when no other in its sentence shares as much (of equals in several sentences,
    the earliest: the lead). A lead's figure sharing LEAD_SCORE words is the title's statement even
    when a later sentence repeats the title's figure."""
    hq = page.quantities[head.index]
    head_words = _words(head, page.vocab, page.periods)
    head_time = _scope(page.view, page.quantities, title[0], hq.start, head.index, page.periods)
    bound = _bound(head, hq, page.view, page.vocab)
    scored = []
    lead, lead_sentence = [], bodies[0].sentence   # the first sentence with a figure
    for st in bodies:
        q = page.quantities[st.index]
        if not _comparable(head, hq, st, q, page.vocab, page.view):
            continue
        body_time = _scope(page.view, page.quantities, st.sentence[0], q.start, st.index, page.periods)
        time = _same_time(head_time, body_time)
        if time == "conflict":
            continue
        body_words = _words(st, page.vocab, page.periods) | _named_after(page.view, q)
        shared = len(head_words & body_words)
        if hq.kind == "count" and head.head and st.head and _same_thing(head.head, st.head):
            shared += 2
        if bound is not None and bound.intersects(_loose(q)):
            return None   # 突破300万册 and 317.6万册: restated, though the reader takes 300万 as rounded
        if _loose(hq).intersects(_loose(q)):
            if q.qualifier is not None and hq.qualifier is None:
                continue   # 9500多万名 agrees with 9514.8万名 and with 9541.8万名: it decides nothing
            if len(lead) == 1 and st.sentence != lead_sentence:
                return lead[0]   # the lead states the title's measure otherwise; a later sentence repeats it
            if shared or st.sentence == lead_sentence and hq.fraction_interval().intersects(q.fraction_interval()):
                return st.index   # the title's figure, restated (rounded, or with 超/近), or the lead's equal figure
            return None
        score = shared + _named_alike(head_time, body_time)
        if time != "same" or not _pairable(head, hq, st, q, title, bodies, page, score):
            continue
        if (score >= 2 or shared == len(head_words)) and 4 * shared >= min(len(head_words), len(body_words)):
            scored.append((score, st.index))
            if st.sentence == lead_sentence and score >= LEAD_SCORE:
                lead.append(st.index)
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
    if st.role in (Role.CHANGE, Role.RATE) and _per_period(view[st.clause[0]:q.start], vocab) \
            != _per_period(view[head.clause[0]:hq.start], vocab):
        return False   # 年均比上年增收900亿元 is a yearly average, not the year's 增收1114亿元
    return _role_class(st, q, vocab, ranges=True) == _role_class(head, hq, vocab) \
        or q.value is None and st.role is Role.OTHER


def _per_period(words: str, vocab: Vocabulary) -> bool:
    """Whether a change or rate is an average over periods or heads (年均, 月均, 人均, 平均: the
    average words of two characters ending in 均)."""
    return any(w in words for w in vocab.words("average_words") if len(w) == 2 and w.endswith("均"))


def _pairable(head: Statement, hq: Quantity, st: Statement, q: Quantity, title: tuple[int, int],
              bodies: list[Statement], page: _Page, score: int) -> bool:
    """Whether a body figure that differs from the title's may still be its statement: not an
    approximation under a precise title unless their names and period agree well (碳强度下降5%左右
    under 上半年我国碳强度下降5%), no part, no other place, thing, whole or running total."""
    view = page.view
    if q.value is None or st.index in page.parts or "第" in view[max(st.clause[0], q.start - 8):q.start]:
        return False   # 第37、38颗: a number in a series, no amount
    if q.qualifier is not None and hq.qualifier is None \
            and (score < 3 or _after(view, hq, short=True) != _after(view, q, short=True)):
        return False   # 约70公里处, 200多万人 under 140万人流离失所: other things than the title's
        return False
    if _listed(st, q, page.quantities, page.statements, view) \
            or _other_subject(view[st.clause[0]:q.start], view[title[0]:title[1]]):
        return False
    if hq.kind == "count" and not _same_thing(head.head, st.head) or not _same_thing(_after(view, hq), _after(view, q)):
        return False
    return not _whole_or_total(view, st, q, title, page.vocab) \
        and not _sum_of_parts(hq, st, q, bodies, page.quantities, view)


def _after(view: str, q: Quantity, short: bool = False) -> str:
    """The words right after a figure that say what it counts or does (140万人流离失所, 12人死亡;
    with `short`, a single character too: 约70公里处)."""
    m = (_AFTER_SHORT if short else _AFTER).match(view, q.end)
    return m.group(1) if m else ""


_AFTER = re.compile(r"([\u4e00-\u9fff]{2,6}?)(?=[\s,，。；;:：、！？)）]|$)")
_AFTER_SHORT = re.compile(r"([\u4e00-\u9fff]{1,6}?)(?=[\s,，。；;:：、！？)）]|$)")


def _whole_or_total(view: str, st: Statement, q: Quantity, title: tuple[int, int], vocab: Vocabulary) -> bool:
    """90名志愿者中的6人 (a whole some of which the title speaks of), 至此…共有十条 (a running total
    the title does not name), 累计 under a title's 新增 (new_counts): another measure than the title's."""
    if re.match(r"\s*[\u4e00-\u9fff]{0,8}?(?:中的|之中|当中|中(?=[,，]))", view[q.end:q.end + 12]):
        return True
    words, title_words = view[st.sentence[0]:q.start], view[title[0]:title[1]]
    if any(w in title_words for w in vocab.words("new_counts")) and "累计" in words \
            and not any(w in words for w in vocab.words("new_counts")):
        return True   # 累计确诊病例 under 单日新增确诊病例: a running total, not the new ones
    return any(w in words and w not in title_words for w in vocab.words("running_totals"))


def _sum_of_parts(hq: Quantity, st: Statement, q: Quantity, bodies: list[Statement], quantities: list[Quantity],
                  view: str) -> bool:
    """The title's figure is this one and another of its unit in the same paragraph added up
    (87人 = 83人 in one state + 4人 in another; 超17亿件 = 揽收10.79亿件 + 投递6.41亿件). Rates
    and shares do not add up (能耗下降4.2%，碳强度下降5%左右 under 碳强度下降5%)."""
    if hq.unit in ("%", "‰"):
        return False
    line = (view.rfind("\n", 0, q.start) + 1, view.find("\n", q.end) % (len(view) + 1))
    head = _loose(hq)
    for other in bodies:
        o = quantities[other.index]
        if other.index != st.index and _PEOPLE.get(o.unit, o.unit) == _PEOPLE.get(q.unit, q.unit) \
                and line[0] <= o.start < line[1] and o.value is not None:
            total = _loose(q) + _loose(o)
            if head.intersects(total):
                return True
    return False


_PEOPLE = {"名": "人", "位": "人"}   # 74名 and 8人 add up to 82人


def _same_thing(a: str, b: str) -> bool:
    """Two counted things that may be one (城市 and 城市空气质量超标), not 大单位 and 组."""
    return not a or not b or a.startswith(b) or b.startswith(a)


def _listed(st: Statement, q: Quantity, quantities: list[Quantity], statements: dict[int, Statement],
            view: str) -> bool:
    """A figure read through 分别, or one of a list of figures of its unit counting kinds of one
    thing (1054家国家级绿色矿山、4055家省级绿色矿山): a part, whose total a title may state."""
    if "分别" in view[st.clause[0]:q.start]:
        return True
    for i in (st.index - 1, st.index + 1):
        other = statements.get(i)
        if other is not None and quantities[i].unit == q.unit and st.head and other.head \
                and shares_a_word(st.head, other.head):
            a, b = sorted((quantities[i], q), key=lambda x: x.start)
            gap = view[a.end:b.start]
            if re.fullmatch(r"[^，,。；;:：！？]{0,12}", gap) and re.search(r"[、和及与]", gap):
                return True
    return False


def _other_subject(words: str, title: str) -> bool:
    """The body figure's words name a place the title does not (在佛罗里达州已造成83人死亡 under
    飓风在美国致87人死亡): another subject, perhaps a part of the title's."""
    return any(place.lstrip(_PREPOSITIONS) not in title for place in _PLACES.findall(words))


_PREPOSITIONS = "在从对向据于由"
_PLACES = re.compile(r"[\u4e00-\u9fff]{2,6}?(?:州|省|自治区)")


def _bound(st: Statement, q: Quantity, view: str, vocab: Vocabulary) -> Interval | None:
    """A title's bound that the reader leaves to the words before a figure: 突破300万册 is at least
    300万, 逼近9800万 at most 9800万 (title_lower_bounds, title_upper_bounds)."""
    before = view[max(st.clause[0], q.start - 4):q.start]
    if q.value is None or q.qualifier is not None:
        return None
    value = q.fraction_interval().midpoint
    if value is not None and any(before.endswith(w) for w in vocab.words("title_lower_bounds")):
        return Interval(value, None)
    if value is not None and any(before.endswith(w) for w in vocab.words("title_upper_bounds")):
        return Interval(None, value)
    return None


def _words(st: Statement, vocab: Vocabulary, periods: dict[str, tuple[str, str]]) -> frozenset[str]:
    """The two-character words of a figure's measure and head, less times, comparisons, verbs of
    change and the subjects every sentence names (全国, 我国), and the family of each indicator
    it names (#进出口 for 外贸)."""
    words = _alternation(periods).sub(" ", vocab.compare.sub(" ", st.measure))
    words = re.sub(r"[\d０-９]+(?:年|月份|月|日|季度)?", " ", words)
    for _ in range(2):
        words = vocab.up.sub("", vocab.down.sub("", words.rstrip()))
    words += " " + (st.head or "")
    families = {"#" + vocab.head_family[w] for w in vocab.heads.findall(words)}
    for subject in vocab.words("subject_words"):
        words = words.replace(subject, " ")
    return frozenset(w for w in (words[k:k + 2] for k in range(len(words) - 1)) if not _NOT_A_WORD.search(w)) \
        | families   # 外贸 and 货物贸易进出口总值: one family of indicators (measure_heads)


def _named_after(view: str, q: Quantity) -> frozenset[str]:
    """The two-character words of the noun a figure qualifies (以3250亿美元的进出口总值): the
    measure named after the figure instead of before it."""
    m = _QUALIFIED.match(view, q.end)
    if not m:
        return frozenset()
    noun = m.group(1)
    return frozenset(noun[k:k + 2] for k in range(len(noun) - 1))


_QUALIFIED = re.compile(r"的([\u4e00-\u9fff]{2,8}?)(?=[\s,，。；;:：、！？)）]|$)")


def _scope(view: str, quantities: list[Quantity], begin: int, end: int, index: int,
           periods: dict[str, tuple[str, str]]) -> dict[str, frozenset]:
    """The time a figure is stated for, from its words since `begin`: periods as (kind, last month)
    — a month, a run from the year's start (前10月, 1—10月, 截至10月底, 上半年), a quarter, a day —
    explicit years, and the years named by their relation to now (今年, 去年); a year or month
    something is compared with (比2005年, 比去年同期) and a dateline (1月22日讯) are left out."""
    spans, years, whole_years = set(), set(), set()
    for i in range(index - 1, -1, -1):
        q = quantities[i]
        if q.start < begin:
            break
        if q.kind in ("date", "year") and isinstance(q.value, CALENDAR_VALUES) \
                and not _BASE_BEFORE.search(view[max(begin, q.start - 2):q.start]) \
                and not view.startswith(_DATELINE, q.end):   # 本报北京1月22日讯: when it was filed
            year, span = _period_of(q, view)
            years |= {year} if year else set()
            whole_years |= {year} if q.kind == "year" else set()
            spans |= {span} if span else set()
    text = _COMPARED.sub(" ", view[begin:end])
    named = [periods[m.group()] for m in _alternation(periods).finditer(text)]
    spans |= {p for p in named if p[0] != "year"}
    relative = frozenset(p[1] for p in named if p[0] == "year")
    months = frozenset(p for p in spans if p[0] not in ("day", "to-day"))
    if not spans and (whole_years or relative - {"this"}):
        months = frozenset({("to-date", "12")})   # 1997年, 去年: the whole year
    return {"period": months, "day": frozenset(spans - months), "year": frozenset(years), "relative": relative}


_DATELINE = ("讯", "电")
_COMPARED = re.compile(r"(?:比|较|与|同比|环比|相比)(?:上年|去年|前年|上月|上季度)?(?:同期)?")


@functools.cache
def _alternation_of(words: tuple[str, ...]) -> re.Pattern[str]:
    return re.compile("|".join(re.escape(w) for w in sorted(words, key=len, reverse=True)))


def _alternation(periods: dict) -> re.Pattern[str]:
    return _alternation_of(tuple(periods))


def _period_of(q: Quantity, view: str) -> tuple[str | None, tuple[str, str] | None]:
    """The explicit year and the period of a calendar figure: 前10月, 1—10月, 截至10月底 and 10月底
    run from the year's start to October; 9月份 is one month; 3月14日 one day."""
    first, _, last = q.value.iso.partition("/")
    start, end = _ymd(first), _ymd(last or first)
    if q.kind == "year":
        return end[0], None
    run = bool(last) and start[1] == "01" and start[2] is None \
        or view[max(0, q.start - 2):q.start] in ("截至", "截止") or view.startswith(("底", "末"), q.end)
    if end[1] is None:
        return end[0], None
    if end[2] is not None:
        return end[0], ("day" if not run else "to-day", f"{end[1]}-{end[2]}")
    return end[0], ("to-date" if run else "month" if not last else "months", end[1])


def _ymd(iso: str) -> tuple:
    if iso.startswith("--"):
        parts = iso[2:].split("-")
        return (None, parts[0] if parts else None, parts[1] if len(parts) > 1 else None)
    parts = iso.split("-")
    return tuple(parts[k] if len(parts) > k else None for k in range(3))


def _same_time(a: dict[str, frozenset], b: dict[str, frozenset]) -> str:
    """"conflict" when a time named on both sides cannot be one (1—7月 against 4月份, 9月 against
    前三季度); "one-sided" when only one side names a period or a year (已建成…超5100家 against
    今年前10个月…新建成300余家: a stock against a flow); else "same"."""
    if any(a[name] and b[name] and not a[name] & b[name] for name in ("period", "day", "year", "relative")):
        return "conflict"
    if bool(a["period"]) != bool(b["period"]):
        return "one-sided"
    return "same"


def _named_alike(a: dict[str, frozenset], b: dict[str, frozenset]) -> int:
    """1 when both name the same period (一季度 and 今年一季度): more reason to take them as one."""
    return int(bool(a["period"] & b["period"]))


def _loose(q: Quantity) -> Interval:
    """The figure's interval, as an error would need it to fail: a rounded figure may have been cut
    instead (33.88 may be anything up to 33.89), so its top moves up by half its last digit."""
    iv = q.fraction_interval()
    if iv.low is None or iv.high is None or q.qualifier is not None or iv.low < 0:
        return iv
    return Interval(iv.low, iv.high + (iv.high - iv.low) / 2)
