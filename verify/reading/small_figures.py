"""Builders of the master pattern's smaller alternatives: counted labels (“一匠五创”), ordinals
(第三), fractions (三分之一, 1/3) and 百分之 percentages; and what every builder shares (a numeral's
reading, one copy of each unit word). Apart from reader.py, whose numbers (qualifiers, units,
ranges) are most of the figures a page states and most of the reading.
"""

from __future__ import annotations

import functools
import re
import sys
from fractions import Fraction

from verify import regexes
from verify.reading.bounds import bounded
from verify.reading.interval import Interval
from verify.reading.numerals import Reading, read_arabic, read_chinese
from verify.reading.quantity import Quantity


@functools.lru_cache(maxsize=4096)
def read_numeral(numeral: str) -> Reading | None:
    """Digits or a Chinese numeral, read (None when a Chinese numeral cannot be); once per numeral
    (a page's qualified figures and ranges repeat a few numerals: 1, 10, 2万), its Fractions made once."""
    if numeral[0].isdigit():
        return read_arabic(numeral)
    return read_chinese(numeral)


def interned(word: str | None) -> str | None:
    """Units, qualifiers and 万/亿 recur thousands of times in an issue: keep one copy of each."""
    return None if word is None else sys.intern(word)


def label(m: re.Match, text: str) -> list[Quantity]:
    total = _label_count(m.group())
    if total < 2:
        return []
    return [Quantity(text[m.start():m.end()], m.start(), m.end(), Fraction(total), Interval.point(total),
                     "项", "count", label=True)]


@functools.lru_cache(maxsize=1024)
def _label_count(label: str) -> int:
    """How many things a counted label names (“一匠五创”: 6), once for each label. A label that opens
    with a numeral and 个 counts what follows it (“两个一百年”: 2, “五个一工程”: 5), whatever numerals
    that name holds; one ending 位一体 counts the things made one (“五位一体”: 5)."""
    if label[1:2] == "个" or label.endswith("位一体"):
        return 2 if label[0] == "双" else int(read_chinese(label[0]).value)
    return sum(2 if ch == "双" else int(read_chinese(ch).value) for ch in _LABEL_NUMERALS.findall(label))


_LABEL_NUMERALS = regexes.lazy(r"[一二两三四五六七八九十双]")
_ORDINAL_NUMERAL = regexes.lazy(r"\d+|[零〇一二两三四五六七八九十百千]+")


def ordinal(m: re.Match, text: str) -> list[Quantity]:
    read = _ordinal_value(m.group())
    if read is None:
        return []
    return [Quantity(text[m.start():m.end()], m.start(), m.end(), read[0], read[1], None, "ordinal")]


@functools.lru_cache(maxsize=1024)
def _ordinal_value(words: str) -> tuple[Fraction, Interval] | None:
    """The number of an ordinal (第三, 第15届) and its interval, once for each ordinal."""
    digits = _ORDINAL_NUMERAL.search(words)
    reading = read_chinese(digits.group()) if digits and not digits.group().isdigit() else None
    value = Fraction(int(digits.group())) if digits and digits.group().isdigit() else (reading.value if reading else None)
    return None if value is None else (value, Interval.point(value))


def fraction(m: re.Match, text: str) -> list[Quantity]:
    if m.group("FDEN"):
        den, num = read_numeral(m.group("FDEN")), read_numeral(m.group("FNUM"))
    else:
        num, den = read_numeral(m.group("FN2")), read_numeral(m.group("FD2"))
    if num is None or den is None or den.value == 0:
        return []
    value = num.value / den.value
    qualifier = m.group("FQ") or m.group("FQA")
    interval = bounded(value, Fraction(0), qualifier, None) if qualifier else Interval.point(value)
    return [Quantity(text[m.start():m.end()], m.start(), m.end(), value, interval, None, "ratio", interned(qualifier))]


def cn_percent(m: re.Match, text: str) -> list[Quantity]:
    reading = read_numeral(m.group("PCORE"))
    if reading is None:
        return []
    qualifier = m.group("PQ") or m.group("PAFTER")
    interval = bounded(reading.value, reading.step, qualifier, None)
    return [Quantity(text[m.start():m.end()], m.start(), m.end(), reading.value, interval, "%", "percent", qualifier)]
