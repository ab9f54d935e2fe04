"""cn2an's "normal" reading of a Chinese numeral (cn2an 0.5.24, cn2an/cn2an.py), step by step, for
numerals of the reader's characters only (零〇一二两三四五六七八九十百千万亿): the shapes numerals.py
does not read itself (三千五, 两亿五千, 千百), which a page of transcripts holds a few of.

Importing cn2an builds its converters, and they compile its large patterns: about 1.2 G
instructions (0.15 s), a seventh of a whole check of 1 M transcript characters, spent on a handful of
numerals. Here its steps are the same, its patterns (restricted to these characters) come from the
pattern cache, and the answer is cn2an's: tests/test_numeral_grammar.py compares them on every
numeral of up to five of these characters and on longer ones at random. cn2an's preprocessing
(traditional to simplified, full width to half) leaves these characters as they are.
"""

from __future__ import annotations

from verify import regexes

ALPHABET = frozenset("零〇一二两三四五六七八九十百千万亿")
_DIGITS = {"零": 0, "〇": 0, "一": 1, "二": 2, "两": 2, "三": 3, "四": 4, "五": 5, "六": 6, "七": 7, "八": 8, "九": 9}
_UNITS = {"十": 10, "百": 100, "千": 1000, "万": 10000, "亿": 100000000}
_UNIT_NAMES = {10: "十", 100: "百", 1000: "千", 10000: "万", 100000000: "亿"}   # cn2an's UNIT_LOW_AN2CN
_NUM = "零〇一二两三四五六七八九"   # cn2an's all_num, restricted to the alphabet
_UNIT = "十百千万亿"

_ZERO_BEFORE_THOUSAND = regexes.lazy(f"(万)零(?=[{_NUM}][千])")
_BIG_UNIT_MISSING_ZERO = regexes.lazy(f"([万亿])([{_NUM}][十百])")
_THOUSAND_MISSING_ZERO = regexes.lazy(f"([千])([{_NUM}]?[十])")
_UNIT_MISSING_ONE = regexes.lazy("([百])([十])")
_ALL_NUM = regexes.lazy(f"^[{_NUM}]+$")
_SPEAKING = regexes.lazy(f"^([{_NUM}]{{0,2}}[{_UNIT}])+[{_NUM}]$")
_D = frozenset("一二两三四五六七八九")   # cn2an's [一二三四五六七八九] in normal mode, of the alphabet
_D_OR_NONE = _D | {""}
_Z = frozenset("零〇")


def _whole(s: str) -> bool:
    """Whether cn2an's grammar of integers (its nor_int_pattern, ^(零|亿…|…)$) takes the numeral. Each
    level's unit stands once at most in its numerals, so the grammar is followed by splitting at
    it, level by level, instead of by cn2an's pattern: compiled, it is 260 KB of code, and every
    run would read it from the pattern cache."""
    return s in _Z or _above_1e8(s) or _below_1e8(s)


def _above_1e8(s: str) -> bool:   # N亿(零N)? | N亿(万 to 亿), N below 亿
    return _level(s, "亿", _below_1e8, _below_1e8, _wan_to_1e8)


def _below_1e8(s: str) -> bool:
    return _wan_to_1e8(s) or _below_wan(s)


def _wan_to_1e8(s: str) -> bool:   # N万(零N)? | N万(千 to 万), N below 万
    return _level(s, "万", _below_wan, _below_1000, _thousands)


def _below_wan(s: str) -> bool:
    return _thousands(s) or _below_1000(s)


def _thousands(s: str) -> bool:   # d千(零 1-99)? | d千(百 to 千)
    return _level(s, "千", _D.__contains__, _below_100, _hundreds)


def _level(s: str, unit: str, head_ok, after_zero_ok, tail_ok) -> bool:
    """One level of the grammar: a head before the level's unit, then nothing, 零 and a smaller
    number, or the levels below it (the unit stands once at most in a numeral its grammar takes)."""
    head, found, tail = s.partition(unit)
    return bool(found) and head_ok(head) and (tail == "" or tail[:1] in _Z and after_zero_ok(tail[1:])
                                              or tail_ok(tail))


def _below_1000(s: str) -> bool:
    return _hundreds(s) or _below_100(s)


def _hundreds(s: str) -> bool:   # d百(零d)? | d百d十d?
    if len(s) < 2 or s[0] not in _D or s[1] != "百":
        return False
    tail = s[2:]
    return (tail == "" or len(tail) == 2 and tail[0] in _Z and tail[1] in _D
            or 2 <= len(tail) <= 3 and tail[0] in _D and tail[1] == "十" and tail[2:] in _D_OR_NONE)


def _below_100(s: str) -> bool:   # d?十d? | d
    if s in _D:
        return True
    head, unit, tail = s.partition("十")
    return bool(unit) and head in _D_OR_NONE and tail in _D_OR_NONE


def cn2an_integer(numeral: str) -> int | None:
    """cn2an.cn2an(numeral, "normal") of a numeral of ALPHABET's characters, None where it raises."""
    data = numeral.replace("零十", "零一十") if "零十" in numeral else numeral
    data = data.replace("零百", "零一百") if "零百" in data else data
    data = _ZERO_BEFORE_THOUSAND.sub(r"\1", data)
    data = _BIG_UNIT_MISSING_ZERO.sub(r"\1零\2", data)
    data = _THOUSAND_MISSING_ZERO.sub(r"\1零\2", data)
    data = _UNIT_MISSING_ONE.sub(r"\1一\2", data)
    data = data.replace("零十", "零一十")
    if _whole(data):
        return _integer_value(data)
    if _ALL_NUM.search(data):   # 一二三: digit by digit
        return int("".join(str(_DIGITS[ch]) for ch in data))
    speaking = _SPEAKING.search(data)
    if len(data) >= 3 and speaking:   # 一万二, 两千三: the last digit counts the unit below the last
        unit = _UNIT_NAMES.get(_UNITS[speaking.groups()[-1][-1]] // 10)
        return None if unit is None else _integer_value(data + unit)   # (十, 亿: cn2an's KeyError)
    return None


def _integer_value(data: str) -> int:
    """cn2an's __integer_convert: the digits from the right, each times the unit in force."""
    output, unit, ten_thousand_unit = 0, 1, 1
    last = len(data) - 1
    for index, ch in enumerate(reversed(data)):
        if ch in _DIGITS:
            output += _DIGITS[ch] * unit
            continue
        unit = _UNITS[ch]
        if unit % 10000 == 0:   # 万, 亿; 万亿
            if unit > ten_thousand_unit:
                ten_thousand_unit = unit
            else:
                ten_thousand_unit = unit * ten_thousand_unit
                unit = ten_thousand_unit
        if unit < ten_thousand_unit:
            unit = unit * ten_thousand_unit
        if index == last:
            output += unit
    return output
