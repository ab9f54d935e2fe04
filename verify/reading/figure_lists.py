"""[Quantity] -> [Quantity]: figures read together because they stand in a list.

A bare figure in a list takes the unit (and 万/亿) of the one after it (0.6、0.5、0.5个百分点);
bare numbers listed before a month, or before as many months as they are, are months (1、2月份,
7、8两个月).
"""

from __future__ import annotations

import dataclasses
from fractions import Fraction

from verify import regexes
from verify.reading.interval import Interval
from verify.reading.numerals import MULTIPLIERS
from verify.reading.quantity import CalendarDate, Quantity

_MONTH_GLUE = regexes.lazy(r"\s*[、和及与至]\s*")
_MONTH_COUNT = regexes.lazy(r"[一二两三四五六七八九十]+个月$")


def listed_months(found: list[Quantity], view: str) -> list[Quantity]:
    """'1、2月份', '7、8两个月': bare numbers listed before a month, or right before as many months
    as they are (两个月), name months; they are no amounts."""
    i = 0
    while i < len(found):
        if found[i].kind != "amount" or found[i].unit is not None:   # (most figures: no bare number begins here)
            i += 1
            continue
        j = i
        while j < len(found) and _bare_month(found[j]) and (
                j == i or _MONTH_GLUE.fullmatch(view, found[j - 1].end, found[j].start)):
            j += 1
        if i < j < len(found) and _names_months(found[i:j], found[j], view):
            for k in range(i, j):
                found[k] = dataclasses.replace(found[k], value=CalendarDate(None, int(found[k].value), None),
                                               interval=Interval(None, None), kind="date")
        i = max(j, i + 1)
    return found


def _names_months(listed: list[Quantity], after: Quantity, view: str) -> bool:
    gap = view[listed[-1].end:after.start]
    if gap == "":  # 7、8两个月
        return len(listed) >= 2 and bool(_MONTH_COUNT.fullmatch(after.text)) and after.value == len(listed)
    month = after.value
    return (_MONTH_GLUE.fullmatch(gap) is not None and isinstance(month, CalendarDate)
            and month.year is None and month.month is not None and month.day is None)


def _bare_month(q: Quantity) -> bool:
    return (q.kind == "amount" and q.unit is None and q.qualifier is None and isinstance(q.value, Fraction)
            and q.value.denominator == 1 and 1 <= q.value.numerator <= 12 and q.text.strip().isdigit())


_LIST_GLUE = regexes.lazy(r"\s*(?:、|和|及|与|或|,)\s*")


def share_list_units(found: list[Quantity], view: str) -> list[Quantity]:
    """"0.6、0.5、0.5个百分点": a bare figure in a list takes the unit (and 万/亿) of the one after it."""
    for i in range(len(found) - 2, -1, -1):
        bare, nxt = found[i], found[i + 1]
        if bare.unit is not None or bare.kind != "amount" or bare.value is None or nxt.unit is None:
            continue
        if not nxt.is_numeric or not _LIST_GLUE.fullmatch(view, bare.end, nxt.start):
            continue
        if bare.text.isdigit() and len(bare.text) >= 3 and nxt.scale:
            continue  # "2022, 3万" is no list of one measure
        factor = Fraction(MULTIPLIERS.get(nxt.scale or "", 1)) if bare.scale is None else Fraction(1)
        scaled = bare.interval * Interval.point(factor)
        kind = nxt.kind if nxt.kind != "count" or factor == 1 else "amount"
        found[i] = dataclasses.replace(bare, value=bare.value * factor, interval=scaled, unit=nxt.unit,
                                       kind=kind, scale=bare.scale or nxt.scale)
    return found
