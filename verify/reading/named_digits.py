"""Digits that name something rather than state a figure. Digits alone in quotes are a name:
“1269”行动计划, “3+1”干部考核, “45432”发展架构, 热线“12345”, “007”系列影片, “70-70-60”目标, “1+1>2”;
only bare digits, joined by + - > × at most: a quoted label that counts (“3个100万”, “一匠五创”) or a
quoted figure with a unit (“100%”) is read as before. A year that starts or ends a name, with no 年
(2019国际田联钻石联赛, 《2013垃圾短信年度报告》, 禁毒2019两打两控, “净网2020”), is a year; a number after
a hyphen right after a word names a model or an exercise (歼-20, “北溪-2”). An item's number at the
start of a line or a sentence ((55)巩固提高…, （2）推进…, 1. 推进改革；2.扩大开放) numbers a list, as
（二） and 二、 do, which are not read. Read as amounts, all of them counted among a page's stated
figures.
"""

from __future__ import annotations

import bisect

from verify import regexes
from verify.reading.calendar import year_figure_at
from verify.reading.document import SENTENCE_ENDS
from verify.reading.quantity import Quantity

_CODE = regexes.lazy(r"“[0-9]+(?:[-+>×][0-9]+)*”")


def without_names(found: list[Quantity], view: str) -> list[Quantity]:
    """The figures read, less items' numbers, models' numbers and those inside a quoted code (view:
    the folded text, ＋ and full-width digits made ASCII)."""
    found = [q for q in found if q.unit is not None or not (q.end - q.start <= 2 and _item_number(q, view)
                                                           or view.startswith("-", q.start) and _model_number(q, view))]
    spans = [m.span() for m in _CODE.finditer(view)] if "“" in view else []
    if not spans:
        return found
    starts = [start for start, _ in spans]
    kept = []
    for q in found:
        k = bisect.bisect_right(starts, q.start) - 1
        if k < 0 or q.end > spans[k][1]:
            kept.append(q)
    return kept


def _item_number(q: Quantity, view: str) -> bool:
    """An item's number at the start of a line or right after a sentence end: bracketed, （2）推进…, or
    followed by a point or 、 and words, 2.扩大开放 (asked only of a bare number of one or two digits)."""
    if q.kind != "amount" or q.unit or q.scale or q.qualifier or q.end - q.start > 2 or q.end >= len(view):
        return False
    at, after = q.start, view[q.end]
    if at and view[at - 1] in "(（":
        if after not in ")）":
            return False
        at, after = at - 1, view[q.end + 1:q.end + 2]
    elif after in ".、":
        after = view[q.end + 1:q.end + 3].lstrip(" ")[:1]
    else:
        return False
    while at and view[at - 1] in " \t\u3000":
        at -= 1
    return (at == 0 or view[at - 1] in SENTENCE_ENDS) and after != "" and ("\u4e00" <= after <= "\u9fff" or after in "“《")


def _model_number(q: Quantity, view: str) -> bool:
    """A name's number after a hyphen, right after a word (歼-20, 伊尔-76, “北溪-2”, “和平-19”, 蛟龙－600):
    a model or an exercise, not a negative figure; a table's -0.7 keeps its point, -5度 its unit."""
    digits = view[q.start + 1:q.end]
    return q.kind in ("amount", "count") and not q.scale and digits.isdigit() and q.start > 0 \
        and ("\u4e00" <= view[q.start - 1] <= "\u9fff" or view[q.start - 1].isascii() and view[q.start - 1].isalpha())


_FIRST_YEAR, _LAST_YEAR = 1900, 2099


def with_named_years(found: list[Quantity], view: str, text: str) -> list[Quantity]:
    """The figures read, each bare number of four digits from 1900 to 2099 that runs on into a
    Chinese name (2024世界航商大会) or ends one in quotes (“净网2020”) taken for the year it is; not
    after a Latin letter (ISO9001)."""
    return [year_figure_at(q.start, q.end, text, int(view[q.start:q.end]))[0]
            if q.unit is None and q.end - q.start == 4 and _names_a_year(q, view) else q for q in found]   # (most
    # figures have a unit: no call for them)


def _names_a_year(q: Quantity, view: str) -> bool:
    digits = view[q.start:q.end]
    if q.kind != "amount" or q.unit or q.scale or q.qualifier or len(digits) != 4 or not digits.isascii() \
            or not digits.isdigit() or not _FIRST_YEAR <= int(digits) <= _LAST_YEAR or q.end >= len(view):
        return False
    before, after = view[q.start - 1] if q.start else "", view[q.end]
    if after in "”》":   # “净网2020”, 《香港宣言·2024》: a year that ends a name in quotes or a title
        return bool(before) and ("\u4e00" <= before <= "\u9fff" or before == "·")
    return "\u4e00" <= after <= "\u9fff" and not (before and before.isascii() and (before.isalnum() or before in "-.%"))
