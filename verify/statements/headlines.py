"""Headlines: the title lines of a page, and for each figure of a title the body figure that states
the same thing — the same measure (and so the same subject), the same time scope, the same role.

A title is a short line without a sentence end (。！？；) that opens the page or follows a blank
line; the lines of its kind right after it (a subtitle, a byline) belong to it. Its article is the
text after it up to the next title that follows a blank line once body text has been met (one
item of a TV transcript, one article of a daily, a page's lead story), at most WINDOW characters.

For a title's figure, the body figures of its article that may restate it have its unit and its
role (a level, a plan, a change or a rate of the same direction, a share …; 增速9.5% is a rate),
no other time scope (前10月 = 1—10月 = 截至10月底, 一季度, 上半年, 去年 …, comparisons such as
比去年同期 left aside) and share a word of the measure's name (工业增速 / 工业增加值的增速) or,
for counts, the thing counted (201个城市). A title rounds (33.9万 for 33.88万, 超6万亿 for 61218亿):
when any such figure can equal the title's, that one restates it. Otherwise the one whose name
shares most with the title's is paired with it, and a rule compares them; a figure read through
分别, a parenthetical, a part of a 其中 list, or with two equally good names is never paired against
a title (it may still restate it).
"""

from __future__ import annotations

import bisect
import functools
import re
from dataclasses import dataclass
from fractions import Fraction

from verify.reading.interval import Interval
from verify.reading.quantity import CALENDAR_VALUES, Quantity
from verify.statements.reader import shares_a_word
from verify.statements.records import Role, Statement
from verify.statements.vocabulary import Vocabulary

MAX_TITLE = 64      # characters of a title line
WINDOW = 3000       # characters of body searched after a title
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
    periods = named_periods(vocab)
    for titles, body in _articles(view):
        lo, hi = bisect.bisect_left(starts, body[0]), bisect.bisect_left(starts, min(body[1], body[0] + WINDOW))
        bodies = [statements[i] for i in range(lo, hi) if i in statements]
        if not bodies:
            continue
        for title in titles:
            a, b = bisect.bisect_left(starts, title[0]), bisect.bisect_left(starts, title[1])
            for i in range(a, b):
                st = statements.get(i)
                if st is None or _role_class(st, quantities[i], vocab) is None \
                        or quantities[i].unit in vocab.words("title_skip_units") \
                        or "第" in view[max(st.clause[0], quantities[i].start - 8):quantities[i].start]:
                    continue   # 连续三个月, 播出第二十一 二十二集: a duration or a number in a series
                body_index = _restated_by(st, title, bodies, view, quantities, vocab, periods, parts, statements)
                if body_index is not None:
                    found.append(Restatement(i, body_index, title))
    return found


def _articles(view: str) -> list[tuple[list[tuple[int, int]], tuple[int, int]]]:
    """Each run of title lines that opens the page or follows a blank line, and the body after it,
    up to the next line read as a title (a subheading opens another story)."""
    lines, pos = [], 0
    for line in view.split("\n"):
        text = line.strip()
        kind = "blank" if not text else ("title" if _title_like(text) else "body")
        lines.append((pos, pos + len(line), kind))
        pos += len(line) + 1
    articles, i, n = [], 0, len(lines)
    while i < n:
        if lines[i][2] != "title" or (i > 0 and lines[i - 1][2] != "blank"):
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
    return len(text) <= MAX_TITLE and not _TITLE_BREAKS.search(text) and bool(_CJK.search(text))


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


def _restated_by(head: Statement, title: tuple[int, int], bodies: list[Statement], view: str,
                 quantities: list[Quantity], vocab: Vocabulary, periods: dict[str, tuple[str, str]],
                 parts: frozenset[int], statements: dict[int, Statement]) -> int | None:
    """The body figure that states what the title's figure states. A body figure of its unit, role
    and time that can equal it restates it (paired when their names share a word). Otherwise the
    figure whose name shares most with the title's — at least two words, and half the words of
    the shorter name — when no other shares as much; none when the title bounds its figure
    (突破300万册, 逼近9800万) and some body figure keeps within that bound."""
    hq = quantities[head.index]
    role = _role_class(head, hq, vocab)
    head_words = _words(head, vocab, periods)
    head_time = _scope(view, quantities, title[0], hq.start, head.index, periods)
    bound = _bound(head, hq, view, vocab)
    scored = []
    for st in bodies:
        q = quantities[st.index]
        if q.unit != hq.unit or q.kind != hq.kind and {q.kind, hq.kind} != {"amount", "count"}:
            continue
        if _role_class(st, q, vocab, ranges=True) != role and not (q.value is None and st.role is Role.OTHER):
            continue   # a range (其中大约12亿到20亿吨) has no role of its own, but may restate a title's 约20亿吨
        body_time = _scope(view, quantities, st.sentence[0], q.start, st.index, periods)
        time = _same_time(head_time, body_time)
        if time == "conflict":
            continue
        body_words = _words(st, vocab, periods)
        shared = len(head_words & body_words)
        if hq.kind == "count" and head.head and head.head == st.head:
            shared += 2
        if _loose(hq).intersects(_loose(q)):
            return st.index if shared else None   # the title's figure, restated (rounded, or with 超/近)
        if bound is not None and bound.intersects(_loose(q)):
            return None   # 突破300万册 and 317.6万册
        if time != "same" or q.value is None or st.index in parts or _listed(st, q, quantities, statements, view) \
                or _other_subject(view[st.clause[0]:q.start], view[title[0]:title[1]], vocab) \
                or hq.kind == "count" and not _same_thing(head.head, st.head):
            continue
        score = shared + _named_alike(head_time, body_time)
        if score >= 2 and 4 * shared >= min(len(head_words), len(body_words)):
            scored.append((score, st.index))
    if not scored:
        return None
    best = max(score for score, _ in scored)
    top = [index for score, index in scored if score == best]
    return top[0] if len(top) == 1 else None


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
            if re.fullmatch(r"[^，,。；;:：！？]{0,12}", view[a.end:b.start]) and re.search(r"[、和及与]", view[a.end:b.start]):
                return True
    return False


def _other_subject(words: str, title: str, vocab: Vocabulary) -> bool:
    """The body figure's words name a place the title does not (在佛罗里达州已造成83人死亡 under
    飓风在美国致87人死亡): another subject, perhaps a part of the title's."""
    return any(place.lstrip(_PREPOSITIONS) not in title for place in _PLACES.findall(words))


_PREPOSITIONS = "在从对向据于由"
_PLACES = re.compile(r"[\u4e00-\u9fff]{2,6}?(?:州|省|自治区)")


def _bound(st: Statement, q: Quantity, view: str, vocab: Vocabulary) -> Interval | None:
    """A title's bound that the reader leaves to the words before a figure: 突破300万册 is at least
    300万, 逼近9800万 at most 9800万 (title_lower_bounds, title_upper_bounds)."""
    before = view[max(st.clause[0], q.start - 4):q.start]
    iv = q.fraction_interval()
    if any(before.endswith(w) for w in vocab.words("title_lower_bounds")) and iv.low is not None:
        return Interval(iv.low, None)
    if any(before.endswith(w) for w in vocab.words("title_upper_bounds")) and iv.high is not None:
        return Interval(None, iv.high)
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


def _scope(view: str, quantities: list[Quantity], begin: int, end: int, index: int,
           periods: dict[str, tuple[str, str]]) -> dict[str, frozenset]:
    """The time a figure is stated for, from its words since `begin`: periods as (kind, last month)
    — a month, a run from the year's start (前10月, 1—10月, 截至10月底, 上半年), a quarter, a day —
    explicit years, and the years named by their relation to now (今年, 去年); a year or month
    something is compared with (比2005年, 比去年同期) is left out."""
    spans, years, whole_years = set(), set(), set()
    for i in range(index - 1, -1, -1):
        q = quantities[i]
        if q.start < begin:
            break
        if q.kind in ("date", "year") and isinstance(q.value, CALENDAR_VALUES) \
                and not _BASE_BEFORE.search(view[max(begin, q.start - 2):q.start]):
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


_COMPARED = re.compile(r"(?:比|较|与|同比|环比|相比)(?:上年|去年|前年|上月|上季度)?(?:同期)?")


def named_periods(vocab: Vocabulary) -> dict[str, tuple[str, str]]:
    """period_words of the vocabulary: each word and its period (一季度 -> (to-date, 03))."""
    found = {}
    for entry in vocab.words("period_words"):
        word, kind, last = entry.split()
        found[word] = (kind, last)
    return found


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
