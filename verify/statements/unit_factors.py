"""Units of one measure in other sizes: 由1小时缩短至10分钟, 从2天缩短到2个小时, 从一周缩短为2天.

The vocabulary's `unit_factors` gives each unit of a family (durations) its size in the family's
smallest unit, an interval where the size varies (a month is 28 to 31 days, a year 365 or 366). Two
figures are values of one measure when they share a unit, or when their units are of one family and
neither is a piece of a compound figure (1小时30分, 1小时40分钟: read as two figures side by side, the
first alone is not the duration). A relation rule converts only the families its `convert:` names.
"""

from __future__ import annotations

import functools
from fractions import Fraction

from verify.reading.interval import Interval
from verify.reading.quantity import Quantity
from verify.statements.vocabulary import Vocabulary, vocabulary


@functools.cache
def _families(entries: tuple[str, ...]) -> dict[str, dict[str, Interval]]:
    """{family: {unit: its size in the family's smallest unit}} from "family unit size" entries."""
    found: dict[str, dict[str, Interval]] = {}
    for entry in entries:
        family, unit, size = entry.split()
        low, _, high = size.partition("~")
        found.setdefault(family, {})[unit] = Interval(Fraction(low), Fraction(high or low))
    return found


def families() -> dict[str, dict[str, Interval]]:
    """Every family of units of the vocabulary, each unit with its size."""
    return _families(vocabulary().words("unit_factors"))


def family_of(unit: str | None, vocab: Vocabulary) -> str | None:
    """The family a unit is of, if any."""
    for family, sizes in _families(vocab.words("unit_factors")).items():
        if unit in sizes:
            return family
    return None


def one_measure(quantities: list[Quantity], a: int, b: int, vocab: Vocabulary) -> bool:
    """Whether figures a and b are values of one measure: one unit, or two units of a family, neither
    figure a piece of a compound (a figure right before or after it, 1小时30分)."""
    first, second = quantities[a].unit, quantities[b].unit
    if first == second:
        return True
    family = family_of(first, vocab)
    return family is not None and family == family_of(second, vocab) \
        and not _compound(quantities, a) and not _compound(quantities, b)


def _compound(quantities: list[Quantity], index: int) -> bool:
    q = quantities[index]
    return index > 0 and quantities[index - 1].end == q.start \
        or index + 1 < len(quantities) and quantities[index + 1].start == q.end
