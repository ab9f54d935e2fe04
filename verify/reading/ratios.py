"""Ratios after a share word: 三次产业比为3.9：59.5：36.6 is read as percentages of one whole (their
parts add up to about 100), 性别比是1.68:1 as plain ratios; any other x：y (a score, a time) is no
figure. Apart from reader.py because it reads the words before a match, not the match alone."""

from __future__ import annotations

import functools
import re
from fractions import Fraction

from verify import regexes
from verify.reading.bounds import bounded
from verify.reading.numerals import compile_alternation, lexicon, read_arabic
from verify.reading.quantity import Quantity

# A ratio whose parts add up to about 100 (sum of the stated values, within this much) is shares of one whole.
_RATIO_SUM = (Fraction(90), Fraction(110))
_RATIO_PART = regexes.lazy(r"\d+(?:\.\d+)?")


@functools.cache
def _ratio_share_before() -> re.Pattern[str]:
    """A share word right before a ratio (lexicon ratio_share_words), with a verb: 比为, 比重为, 之比是."""
    words = compile_alternation(lexicon().ratio_share_words)
    return regexes.compile(rf"(?<![同环对])(?:{words})(?:分别)?(?:为|是|达到|达|调整为|变为)?\s*$")


def ratio_parts(m: re.Match, text: str) -> list[Quantity]:
    """A score or a ratio is no figure (３∶２, 10:30), except a ratio after a share word, whose parts
    are marked as ratio parts: percentages of one whole when they add up to about 100 (三次产业比为
    3.9：59.5：36.6), else plain ratios (性别比是1.68:1), which state no statement of their own."""
    start = m.start()
    if not lexicon().ratio_share_words or not _ratio_share_before().search(text, max(0, start - 8), start):
        return []
    parts = [(p.start() + start, p.end() + start, read_arabic(p.group())) for p in _RATIO_PART.finditer(m.group())]
    unit, kind = ("%", "percent") if _RATIO_SUM[0] <= sum(r.value for _, _, r in parts) <= _RATIO_SUM[1] else (None, "ratio")
    return [Quantity(text[s:e], s, e, r.value, bounded(r.value, r.step, None, None), unit, kind, ratio_part=True)
            for s, e, r in parts]
