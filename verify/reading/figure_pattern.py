"""The one pattern the reader runs over a page: every kind of figure as a named alternative
(labels, numerals that are no figure, ordinals, calendar figures, scores, 百分之, fractions, numbers
with their qualifiers, units and ranges), each behind a test of the characters it can start with.
Apart from reader.py, which turns each match into quantities, because what a figure looks like
and what it means change for different reasons.
"""

from __future__ import annotations

import functools
import re

from verify import regexes

from verify.reading import calendar
from verify.reading.numerals import compile_alternation, lexicon

# A space after the decimal point is a typesetting slip when the figure follows a Chinese character
# (降至15. 8%, 环节税8. 99万亿元); at a line's start, 1. 2022年 is an item's number and a year.
_SPACED_POINT = "|".join(rf"(?<=[\u4e00-\u9fff]\d{{{n}}}\. )" for n in range(1, 7))
_AR = (r"(?<![A-Za-zＡ-Ｚａ-ｚ\d.])(?<![A-Za-zＡ-Ｚａ-ｚ][-－—–])\d+(?:,\d{3}(?!\d))*"
       rf"(?:\.(?: (?=\d)(?:{_SPACED_POINT}))?\d+)?")
# A numeral of at most 32 characters (一千二百三十四亿五千六百七十八万九千零一十二 has 22), its decimals at most 16:
# a longer run is no figure, and an unbounded one would be scanned to its end again from every start
# where a pattern fails after it (分之 of a fraction), a square of its length.
_CN = r"(?:[零〇一二两三四五六七八九十百万亿]|千(?![伏瓦克米卡帕焦赫兆])){1,32}(?:点[零〇一二三四五六七八九]{1,16})?"
# Characters a figure can start with, besides qualifiers and not-a-number words (added at compile):
# digits, numerals, signs, 第 前 百(分之), weekdays 周/星期/礼拜, clock words 上午/下午/晚/中午/凌晨/早上/傍晚/夜间.
_NUMERAL_START = r"\d零〇一二两三四五六七八九十百千万亿双负+\-第前周星礼上下晚中凌早傍夜"
_MULT = r"万亿|千亿|百亿|亿|千万|百万|万(?!隆)|千(?![伏瓦克米卡帕兆赫焦])|百(?!分点)"  # 千兆, 千赫: unit prefixes; 万隆 a city
_Q_BEFORE = (r"大约|约为|(?<![签制预节合邀公条契租隐])约|将近|接近|(?<![最附临靠亲晚逼就贴])近|不到|不足|超过了|超过"
             r"|(?<![赶高])超|逾|突破了|突破|多于|少于|低于|高于|至少|最多|不少于|不低于|不超过|不高于")
# 余 and 多 start words of their own (余额, 余震; 多次, 多种): there they are no qualifier
# (109次余震, Ｍ０余额, 近两年多次会晤, 20部多类型影片). Right after digits 多 stays one (100多个).
_MORE_NOT = r"(?!额|震|粮|热|温|波|晖|生|量)"
_NMORE = rf"余{_MORE_NOT}|多"
_Q_AFTER_NOT_MORE = rf"左右|上下(?!班|游|级|楼|车)|以上|以下|以内|之内|有余|余{_MORE_NOT}"
_Q_AFTER = rf"{_Q_AFTER_NOT_MORE}|多"
# After a unit, 多 before a classifier starts a word (两年多次, 20部多类型); after 万/亿 it qualifies (5万多名).
_QA = rf"{_Q_AFTER_NOT_MORE}|(?(UNIT)多(?![次种类样元方地国项家名位批轮措个条部])|多)"
# A score or a ratio (３∶２, 8.3∶41.4∶50.3, 1:1) is no range: the reader consumes it whole, and reads
# figures of it only for a ratio of shares after a share word (reader._score: 三次产业比为3.9：59.5：36.6).
# Clock times (14:30) are read before it.
_SCORE = r"(?<![\d.])\d{1,30}(?:\.\d{1,30})?(?:\s?[∶:]\s?\d+(?:\.\d+)?)+(?![\d.])"   # (bounded: see _CN)
_RANGE_SEP = r"~|—|–|-|至|到"
# 个 before 多 or 半 and a measure is no classifier: ６个多美元 is 6多 美元, 2个多百分点 2多 百分点,
# 3个半小时 3.5 小时, 一个半月 1.5 个月.
_MEASURE_AFTER_GE = r"美元|欧元|港元|日元|英镑|元|百分点|小时|月(?![份底初末中])|星期|工作日"
# 半 right after a unit of time or measure is half of one more: ５天半 5.5天, 两年半 2.5年, 一斤半.
_HALF = r"(?<=[年天时斤岁亩里周])半(?![数径岛导场决价身边夜天日月年个小分途截百成壁拍山坡])"
_SPECIAL_UNITS = r"个百分点|百分点|%|‰|倍|成(?!为|立|功|本|果|交|员|效|绩|熟|长|都|型|品|年|就|批|套|片|群)"


# Alternatives whose groups only their own builders read, and which match seldom (clock times,
# spans of months, weekdays, 百分之, fractions): in the master pattern without their groups, since
# every group it holds before a number's makes each match of a number dearer (a fifth of the
# reading's search), and read again with them where one matched (reread_patterns).
_REREAD = ("time", "period", "weekday", "cnpercent", "fraction")
_GROUP = regexes.lazy(r"\(\?P<\w+>")


@functools.cache
def master_pattern() -> re.Pattern[str]:
    """The one pattern the reader runs: labels, non-numbers, ordinals, calendar, numbers."""
    lex = lexicon()
    guarded = _alternatives()
    pattern = "|".join(f"(?P<{name}>{_without_groups(body) if name in _REREAD else body})"
                       for name, body in guarded.items())
    # One character test rejects most positions before any alternative is tried: every
    # alternative starts with one of these (lexicon patterns start with a numeral or digit).
    starts = set(_NUMERAL_START) | {w[0] for w in lex.not_number_words} | set("大约将接近不超逾突多少低高至最")
    for skip in lex.not_number_patterns:
        starts |= _leading_chars(skip)
    first = "".join(sorted(starts - set(_NUMERAL_START)))
    return regexes.compile(f"(?=[{_NUMERAL_START}{re.escape(first)}])(?:{pattern})")


@functools.cache
def reread_patterns() -> dict[str, re.Pattern[str]]:
    """The alternatives the master pattern holds without their groups, with them: matched at the
    start of a match of one, each finds the same match, its groups read."""
    guarded = _alternatives()
    return {name: regexes.lazy(f"(?P<{name}>{guarded[name]})") for name in _REREAD}


def _without_groups(body: str) -> str:
    """The alternative with its groups made plain (?:…), the same matches; as it is when it refers
    to one of them (a backreference or a conditional needs its group)."""
    return body if "(?P=" in body or "(?(" in body else _GROUP.sub("(?:", body)


def _alternatives() -> dict[str, str]:
    """Each alternative of the master pattern by name, behind its guards (_guarded)."""
    lex = lexicon()
    units = "|".join([_SPECIAL_UNITS, compile_alternation(lex.units)])
    number = (rf"(?P<NCORE>(?>{_AR}|{_CN}))(?P<NMORE>{_NMORE})?(?P<NMULT>{_MULT})?"
              rf"(?P<NTAIL>(?<=亿)零?\d+(?:\.\d+)?(?:千万|万|千)?|(?<=万)(?:零?\d+(?:\.\d+)?|\d千)亿|(?<=万)[多余]亿"
              rf"|(?<=\d万)[一二两三四五六七八九]千(?![千万亿])"
              rf"|(?<=万)(?:\d{{4}}|零\d{{1,3}}|\d千)(?![\d.年千万亿]))?(?![月日号](?!元))(?![:：∶]\d)")
    second = (rf"(?P<RSIGN>-)?(?P<RCORE>{_AR}|{_CN})(?P<RMORE>{_NMORE})?(?P<RMULT>{_MULT})?")
    alternatives = {
        "label": r"(?<=[“\"「『‘])(?:[一二两三四五六七八九十双][^\W\d一二两三四五六七八九十双]{1,3}[、·]?){1,6}(?=[”\"」』’])",
        "skip": "|".join([compile_alternation(lex.not_number_words), *lex.not_number_patterns]),
        "ordinal": "|".join(lex.ordinal_patterns),
        **{name: body for name, body in calendar.PATTERNS.items()},
        "score": _SCORE,
        "cnpercent": rf"(?P<PQ>{_Q_BEFORE})?百分之(?P<PCORE>{_CN}|\d+(?:\.\d+)?)(?P<PAFTER>{_Q_AFTER})?",
        "fraction": rf"(?P<FQ>{_Q_BEFORE})?(?:(?P<FDEN>{_CN}|\d{{1,30}})分之(?P<FNUM>{_CN}|\d{{1,30}}(?:\.\d{{1,30}})?)"
                    rf"|(?<![\d/.])(?P<FN2>\d{{1,3}})/(?P<FD2>\d{{1,3}})(?![\d/]))(?P<FQA>左右|以上|以下|多)?",
        "number": (rf"(?P<QB>{_Q_BEFORE})?(?P<SIGN>负|零下|(?<![\dA-Za-z])-|(?<![\dA-Za-z\u4e00-\u9fff])\+|(?<=[比为至达是])\+)?{number}"
                   rf"(?:个(?P<GEQ>多|半)(?=(?:{_MEASURE_AFTER_GE})))?(?P<UNIT>{units}|(?<=个[多半])月)?(?P<HALF>{_HALF})?"
                   rf"(?:(?P<RSEP>{_RANGE_SEP}){second}(?P<RUNIT>{units})?)?(?P<QA>{_QA})?(?(UNIT)|(?P<UNIT2>{units})?)(?!(?<=[\d.])(?:[A-Za-z]|\+[A-Za-z]))"),
    }
    # Each alternative behind a test of the characters it can start with: a 中 or a 大 is tried
    # only by the few alternatives that can start there, not by all thirteen.
    return {name: _guarded(body, _MARKERS.get(name)) for name, body in alternatives.items()}


# What every match of a calendar, score or fraction alternative holds a few characters after its
# start: a figure that is none of these (most of them) is rejected by a short scan, not tried.
_MARKERS = {"iso_date": r"\-/.", "time": ":时点", "period": "月", "date": "月日号", "year": "年",
            "score": "∶:", "fraction": "分/"}

# Characters one of which every figure holds near its start: digits, numerals; and, for the
# weekdays, 周 星 礼 (周日, 星期天). Not-a-number words holding none add their first characters.
_ANCHORS = r"\d零〇一二两三四五六七八九十百千万亿周星礼"


@functools.cache
def anchors() -> tuple[re.Pattern[str], int] | None:
    """A class of characters one of which every match of the master pattern holds, and how many
    characters a match can start before its first one (verified on the pattern by
    regexes.anchor_reach); None when that cannot be verified. Most characters of a page are
    far from any of them: the master pattern need not be tried there."""
    lex = lexicon()
    numerals = set("零〇一二两三四五六七八九十百千万亿")
    bare = sorted({word[0] for word in lex.not_number_words if not any(ch.isdecimal() or ch in numerals for ch in word)})
    members = _ANCHORS + re.escape("".join(bare))
    reach = regexes.anchor_reach(master_pattern().pattern, members)
    return None if reach is None else (regexes.compile(f"[{members}]"), reach)


def _guarded(alternative: str, markers: str | None = None) -> str:
    """The alternative behind a lookahead of the characters a match of it can start with, and of
    the marker each of its matches holds near its start (regexes.needs), if it has one."""
    first = regexes.first_chars(alternative)
    near = regexes.needs(alternative, markers) if markers else ""
    guards = (f"(?={first})" if first else "") + near
    return f"{guards}(?:{alternative})" if guards else alternative   # (grouped: the guards stand before every branch)


def _leading_chars(pattern: str) -> set[str]:
    """Characters a lexicon pattern can start with: '[几数上成]…' -> 几数上成; '十…' -> 十."""
    body = re.sub(r"^(?:\(\?<[=!][^)]*\))+", "", pattern)
    if body.startswith("\\d"):
        return set()  # digits are always start characters
    if body.startswith("[") and "]" in body:
        return set(body[1:body.index("]")]) - set("\\^-")
    return {body[0]}
