"""The time a figure is stated for, as a title and its body compare them: the periods, days and
years its words name (前10月 = 1—10月 = 截至10月底; 今年, 去年), and whether two such times can be
one (9月 is not 前三季度). Apart from headlines.py because it reads calendar figures and period
words only, never what a figure measures.
"""

from __future__ import annotations

import functools
import re

from verify import regexes
from verify.reading.quantity import CALENDAR_VALUES, Quantity
from verify.statements.vocabulary import word_pattern

_BASE_BEFORE = regexes.lazy(r"(?:比|较|与|从|由|相比|同比|环比)$")
_DATELINE = ("讯", "电")
_COMPARING = r"(?:比|较|与|同比|环比|相比)"   # what a compared period follows (比去年同期, 较一季度)

TimeScope = dict[str, frozenset]   # "period", "day", "year", "relative", "holiday", "stock" -> what the words name
_YEAR_END = regexes.lazy(r"(?:到|截至|截止|至)$")   # before a year whose end a stock is stated at (到1997年底)


def time_scope(view: str, quantities: list[Quantity], begin: int, end: int, index: int,
               periods: dict[str, tuple[str, str]]) -> TimeScope:
    """The time a figure is stated for, from its words since `begin`: periods as (kind, last month)
    — a month, a run from the year's start (前10月, 1—10月, 截至10月底, 上半年), a quarter, a day —
    explicit years, and the years named by their relation to now (今年, 去年); a year or month
    something is compared with (比2005年, 比去年同期), a dateline (1月22日讯) and the days before a
    year nearer the figure (记者今天（1月18日）了解到，2020年…: when it was told) are left out."""
    spans, years, whole_years, ends = set(), set(), set(), set()
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
            if q.kind == "year" and view.startswith(("底", "末"), q.end) \
                    and _YEAR_END.search(view[max(begin, q.start - 2):q.start]):
                ends.add(year)   # 到1997年底: a stock at a year's end, not a flow over the year
            spans |= {span} if span else set()
            if q.kind == "year" and not spans:
                break   # 记者今天（1月18日）了解到，2020年…: the year nearer the figure is its time
    words, compared = _patterns(periods)
    named = [periods[m.group()] for m in words.finditer(compared.sub(" ", view[begin:end]))]
    spans |= {p for p in named if p[0] not in ("year", "holiday")}
    holidays = frozenset(p[1] for p in named if p[0] == "holiday")
    relative = frozenset(p[1] for p in named if p[0] == "year")
    months = frozenset(p for p in spans if p[0] not in ("day", "to-day"))
    if not spans and not holidays and (whole_years or relative - {"this"}):
        months = frozenset({("to-date", "12")})   # 1997年, 去年: the whole year (not 2024年春节假期)
    return {"period": months, "day": frozenset(spans - months), "year": frozenset(years), "relative": relative,
            "holiday": holidays, "stock": frozenset(ends) if months == {("to-date", "12")} else frozenset()}


@functools.cache
def _compared(words: tuple[str, ...]) -> re.Pattern[str]:
    """A comparison and the period of the vocabulary it names (比去年同期, 较上季度, 比一季度): what a
    figure is compared with, not when it is stated."""
    return regexes.compile(f"{_COMPARING}(?:{word_pattern(words).pattern})?(?:同期)?")


def period_words(periods: dict) -> re.Pattern[str]:
    """The period words of the vocabulary (一季度, 上半年, 去年 …), longest first."""
    return _patterns(periods)[0]


_KEPT: dict[int, tuple] = {}   # id(periods) -> (periods, period_words, _compared)


def _patterns(periods: dict) -> tuple[re.Pattern[str], re.Pattern[str]]:
    """period_words and _compared of a vocabulary's periods, looked up once for each dict (kept
    with it, as a vocabulary's periods never change): a tuple of its hundred words was made and
    hashed for each look-up, for every figure a title is compared with."""
    kept = _KEPT.get(id(periods))
    if kept is None or kept[0] is not periods:
        if len(_KEPT) >= 16:
            _KEPT.clear()
        words = tuple(periods)
        kept = _KEPT[id(periods)] = (periods, word_pattern(words), _compared(words))
    return kept[1], kept[2]


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


def same_time(a: TimeScope, b: TimeScope) -> str:
    """"conflict" when a time named on both sides cannot be one (1—7月 against 4月份, 9月 against
    前三季度); "one-sided" when only one side names a period (or a holiday against one day) or a year (已建成…超5100家 against
    今年前10个月…新建成300余家: a stock against a flow), unless that period is only a year's end the
    stock is stated at (脱贫率达到80% under a title, 到1997年底…脱贫率分别达到80%); else "same"."""
    if any(a[name] and b[name] and not a[name] & b[name] for name in ("period", "day", "year", "relative", "holiday")):
        return "conflict"
    if bool(a["period"]) != bool(b["period"]) and not (a.get("stock") or b.get("stock")) \
            or _one_day_of_holiday(a, b) or _one_day_of_holiday(b, a):
        return "one-sided"
    return "same"


def _one_day_of_holiday(a: TimeScope, b: TimeScope) -> bool:
    """“五一”假期…累计14.67亿人次 against 今天（5月5日）…2.6亿人次: the holiday's figure and one day's
    (截至2月17日17时, a running day, may state the holiday's so far)."""
    return bool(a["holiday"]) and not b["holiday"] and not a["day"] and any(kind == "day" for kind, _ in b["day"])


def named_alike(a: TimeScope, b: TimeScope) -> int:
    """1 when both name the same period (一季度 and 今年一季度): more reason to take them as one."""
    return int(bool(a["period"] & b["period"] or a["holiday"] & b["holiday"]))
