"""Numerals and their stated precision: Chinese numerals (via cn2an), Arabic digits, the lexicon.

The commonest Chinese numerals (三十五, 两万, 三十万, 一百零二, 二〇二二), and any written out place
by place (一千三百万, 两万五千, 一亿零五百万), are read here, as cn2an reads them (tests compare them
with cn2an); the rest of the reader's characters (三千五, 两亿五千) by cn2an's own steps
(numeral_grammar.py); cn2an itself reads only numerals of other characters, and its import is
paid only by pages that hold one.

A number means every value that would print as it was printed, so each reading returns the
value and the size of its last stated place (33.88万 -> 338800 and 100; 一万二千 -> 12000 and 1000).
"""

from __future__ import annotations

import functools
import re
from fractions import Fraction
from pathlib import Path

from verify.frozen import record
from verify import regexes, yaml_data
from verify.reading.numeral_grammar import ALPHABET, cn2an_integer

MULTIPLIERS = {"万亿": 10**12, "千亿": 10**11, "百亿": 10**10, "亿": 10**8, "千万": 10**7, "百万": 10**6, "万": 10**4, "千": 1000, "百": 100, "十": 10}
CN_DIGITS = {"零": 0, "〇": 0, "一": 1, "二": 2, "两": 2, "三": 3, "四": 4, "五": 5, "六": 6, "七": 7, "八": 8, "九": 9}
CN_NUMERAL_CHARS = "零〇一二两三四五六七八九十百千万亿"
# Package data beside this module (installed with it); read directly, since importlib.resources
# would cost every run 8 ms of imports (tempfile, shutil, compression modules).
LEXICON = Path(__file__).resolve().parent / "lexicon" / "numbers.yaml"


@record(slots=True)
class Reading:
    """A numeral's value and the size of its last stated place (its precision step)."""

    value: Fraction
    step: Fraction


@record
class Lexicon:
    """The reader's word lists (verify/lexicon/numbers.yaml)."""

    classifiers: frozenset[str]
    measures: frozenset[str]
    not_number_words: tuple[str, ...]
    not_number_patterns: tuple[str, ...]
    ordinal_patterns: tuple[str, ...]
    not_unit_words: tuple[str, ...]
    ratio_share_words: tuple[str, ...] = ()
    alike_units: tuple[tuple[str, str], ...] = ()   # (名, 人): a unit and the one it counts as

    @property
    def units(self) -> list[str]:
        """Every unit, longest first, so that alternation prefers 平方米 to 米."""
        return sorted(self.classifiers | self.measures, key=_longest_first)


@functools.cache
def lexicon() -> Lexicon:
    """Load the lexicon once from the package data."""
    text = LEXICON.read_text(encoding="utf-8")
    raw, _ = yaml_data.parse(text)
    return Lexicon(
        classifiers=frozenset(raw["units"]["classifiers"]),
        measures=frozenset(raw["units"]["measures"]),
        not_number_words=tuple(sorted(set(raw["not_numbers"]["words"]), key=_longest_first)),
        not_number_patterns=tuple(raw["not_numbers"]["patterns"]),
        ordinal_patterns=tuple(raw["ordinals"]),
        not_unit_words=tuple(raw["not_units"]),
        ratio_share_words=tuple(raw.get("ratio_share_words", ())),
        alike_units=tuple(raw["units"].get("alike", {}).items()),
    )


@functools.cache
def counted_as(unit: str) -> str:
    """The unit a unit counts the same things as (名 and 位 count people as 人 does), else itself."""
    return dict(lexicon().alike_units).get(unit, unit)


def read_arabic(digits: str) -> Reading:
    """'1,234.50' -> value 1234.5, step 0.01: every printed digit counts, trailing zeros too ('15. 8'
    is 15.8: a space set after the point)."""
    whole, _, decimals = digits.replace(",", "").replace(" ", "").partition(".")
    scale = 10 ** len(decimals)
    return Reading(Fraction(int(whole + decimals), scale), Fraction(1, scale))


def read_chinese(numeral: str) -> Reading | None:
    """'三十三' -> 33 step 1; '两万' -> 20000 step 10000; '九十六点八' -> 96.8 step 0.1; None if unreadable."""
    whole, _, frac = numeral.partition("点")
    if frac and not all(ch in CN_DIGITS for ch in frac):
        return None
    integer = _chinese_integer(whole) if whole else 0
    if integer is None:
        return None
    if frac:
        decimals = "".join(str(CN_DIGITS[ch]) for ch in frac)
        return Reading(Fraction(f"{integer}.{decimals}"), Fraction(1, 10 ** len(decimals)))
    if whole and all(ch in CN_DIGITS for ch in whole) and len(whole) > 1:
        return Reading(Fraction(integer), Fraction(1))  # digit by digit: 二〇二二
    return Reading(Fraction(integer), Fraction(_last_place(integer)))


@functools.lru_cache(maxsize=4096)
def _chinese_integer(numeral: str) -> int | None:
    """Integer value of a Chinese numeral; a bare 十/百/千/万/亿 means one of it."""
    if numeral[0] in "十百千万亿":
        numeral = "一" + numeral
    if len(numeral) == 1 and numeral in CN_DIGITS:
        return CN_DIGITS[numeral]
    if all(ch in CN_DIGITS for ch in numeral):  # 二〇二二: digit by digit
        return int("".join(str(CN_DIGITS[ch]) for ch in numeral))
    simple = _ONE_PLACE.match(numeral)
    if simple:  # 三十五, 两万, 一万二: one place word
        head, place, tail, hundred_million = simple.groups()
        unit = MULTIPLIERS[place or hundred_million]
        return CN_DIGITS.get(head, 1) * unit + CN_DIGITS.get(tail, 0) * (unit // 10 if unit > 10 else 1)
    pair = _PLACE_PAIR.match(numeral)
    if pair:  # 三十万, 两千亿, 一百零二: two place words; everything else is cn2an's
        head, place, big, zero_tail = pair.groups()
        value = CN_DIGITS.get(head, 1) * MULTIPLIERS[place]
        return value * MULTIPLIERS[big] if big else value + CN_DIGITS[zero_tail]
    standard = _standard_integer(numeral)
    if standard is not None:   # 一千三百万, 两万五千, 一亿零五百万: read here, as cn2an reads them
        return standard
    if ALPHABET.issuperset(numeral):   # 三千五, 两亿五千: cn2an's steps, without its import
        return cn2an_integer(numeral)
    import cn2an  # deferred: 1.2 G instructions (0.15 s) of import that almost no page pays

    try:
        value = cn2an.cn2an(numeral, "normal")
    except (ValueError, KeyError, IndexError):
        return None
    if isinstance(value, float) and not value.is_integer():
        return None
    return int(value)


_SECTION_DIGITS = {ch: v for ch, v in CN_DIGITS.items() if v}   # 一…九, 两
_SECTION_PLACES = {"十": 10, "百": 100, "千": 1000}


def _standard_integer(numeral: str) -> int | None:
    """A numeral written out in full, place by place, in 万 and 亿 sections (一千三百万, 四十四万,
    两万五千, 一亿零五百万); None for any other shape, which cn2an reads: a digit after its place
    is left out (三千五, 两亿五千), a place is skipped without 零, a digit has no place."""
    for word, unit in (("亿", 10**8), ("万", 10**4)):
        if word in numeral:
            head, _, rest = numeral.rpartition(word)   # 一万亿: the last 亿 splits it
            high = _standard_integer(head) if head else None
            if rest.startswith("零"):   # 一万零五百: the section's 千 is skipped
                low = _standard_integer(rest[1:]) if len(rest) > 1 else None
                fits = low is not None and 0 < low < unit // 10
            else:                       # 一万五千: its 千 comes next, or nothing
                low = _standard_integer(rest) if rest else 0
                fits = low is not None and (low == 0 or unit // 10 <= low < unit)
            return high * unit + low if high is not None and 0 < high < unit and fits else None
    return _section(numeral)


def _section(numeral: str) -> int | None:
    """Below 10000, each digit with its place, 零 where places are skipped: 三千零五, 一百二十."""
    if len(numeral) == 1:
        return _SECTION_DIGITS.get(numeral) if numeral != "两" else 2
    value, place, zero = 0, 10**4, False
    for i, ch in enumerate(numeral):
        if ch == "零":
            if zero or i == 0:
                return None
            zero = True
        elif ch in _SECTION_PLACES:
            size = _SECTION_PLACES[ch]
            digit = numeral[i - 1] if i else ""
            if digit not in _SECTION_DIGITS or size >= place or (digit == "两" and size == 10) \
                    or zero != (value > 0 and size * 10 < place):
                return None
            value, place, zero = value + _SECTION_DIGITS[digit] * size, size, False
        elif ch not in _SECTION_DIGITS or i + 1 < len(numeral) and numeral[i + 1] not in _SECTION_PLACES:
            return None   # a digit is followed by its place, unless it is the last
    last = numeral[-1]
    if last in _SECTION_PLACES:
        return value
    if last not in _SECTION_DIGITS or last == "两" or zero != (place > 10):   # 三十五, 一百零五; 三百五 and 二十零五 are not written out
        return None
    return value + _SECTION_DIGITS[last]


_PLACE_PAIR = regexes.lazy(r"([一二两三四五六七八九]?)([十百千])(?:(万亿|亿|万)|零([一二三四五六七八九]))$")
_ONE_PLACE = regexes.lazy(r"([一二两三四五六七八九]?)(?:([十百千万])([一二三四五六七八九]?)|(万亿|亿))$")


def _last_place(value: int) -> int:
    """Place of the last non-zero digit: 12000 -> 1000, 33 -> 1."""
    if value == 0:
        return 1
    place = 1
    while value % (place * 10) == 0:
        place *= 10
    return place


def decimal_string(value: Fraction) -> str:
    """Exact decimal text of a rational ('338800', '96.8', '0.05'); 'p/q' when it does not terminate.
    (In whole numbers: --numbers writes three of these for each figure.)"""
    numerator, denominator = value.numerator, value.denominator
    if denominator == 1:
        return str(numerator)
    den = denominator
    twos = fives = 0
    while den % 2 == 0:
        den //= 2
        twos += 1
    while den % 5 == 0:
        den //= 5
        fives += 1
    if den != 1:
        return f"{numerator}/{denominator}"
    places = max(twos, fives)
    digits = str(abs(numerator) * (10**places // denominator)).rjust(places + 1, "0")
    text = f"{digits[:-places]}.{digits[-places:]}".rstrip("0").rstrip(".")
    return ("-" if numerator < 0 else "") + text


def _longest_first(word: str) -> tuple[int, str]:
    """Longest first, ties in text order: a pattern's text must not depend on set order (PYTHONHASHSEED)."""
    return -len(word), word


def compile_alternation(words: list[str] | tuple[str, ...]) -> str:
    """A regex alternation of literal words that matches as their alternation longest first does,
    written as a tree of their shared beginnings (上海|上午|上 -> 上(?:午|海)?): re tries the words
    one after another, and at a 中 or a 全 that was every word of a list; now only those that go on
    as the text does. Of two words that both match at a place one begins the other, and the tree
    tries the longer first, as the flat alternation longest first does."""
    words = sorted(set(words))
    if "" in words:   # an empty word matches anywhere: kept as the flat alternation says it
        return "|".join(re.escape(w) for w in sorted(words, key=_longest_first))
    return "|".join(_branches(words))


def _branches(words: list[str]) -> list[str]:
    """The alternatives of a tree of sorted, distinct, non-empty words, one per first character."""
    branches, i = [], 0
    while i < len(words):
        first, j = words[i][0], i
        while j < len(words) and words[j][0] == first:
            j += 1
        rest = [w[1:] for w in words[i:j]]
        ends_here = rest[0] == ""   # sorted: the word of this one character comes first
        inner = _branches(rest[1:] if ends_here else rest)
        if not inner:
            branches.append(re.escape(first))
        elif len(inner) == 1 and not ends_here:
            branches.append(re.escape(first) + inner[0])
        else:
            branches.append(re.escape(first) + f"(?:{'|'.join(inner)})" + ("?" if ends_here else ""))
        i = j
    return branches


_ADJACENT = regexes.lazy(r"([一二两三四五六七八])([二三四五六七八九])(?=[十百千万亿]|$)")


def read_adjacent(numeral: str) -> tuple[Reading, Reading] | None:
    """'六七' -> 6..7, '三四十' -> 30..40, '十五六' -> 15..16: adjacent numerals state a range."""
    if "点" in numeral:
        return None  # 六点七八: decimals, not a range
    if len(numeral) == 2 and all(ch in CN_DIGITS for ch in numeral) and "零" not in numeral and "〇" not in numeral:
        low, high = (CN_DIGITS[ch] for ch in numeral)  # 三五年: three to five; 九八年 is 1998
        if low < high:
            return Reading(Fraction(low), Fraction(1)), Reading(Fraction(high), Fraction(1))
    m = _ADJACENT.search(numeral)
    if m is None or CN_DIGITS[m.group(2)] != CN_DIGITS[m.group(1)] + 1:
        return None
    low = read_chinese(numeral[:m.start()] + m.group(1) + numeral[m.end():])
    high = read_chinese(numeral[:m.start()] + m.group(2) + numeral[m.end():])
    if low is None or high is None:
        return None
    return low, high
