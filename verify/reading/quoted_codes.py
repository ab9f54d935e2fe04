"""Digits alone in quotes name something and state no figure: “1269”行动计划, “3+1”干部考核, “45432”发展
架构, 热线“12345”, “007”系列影片. Read as amounts, they stood as totals and parts of lists of their own
and counted among a page's stated figures. Only bare digits, joined by + at most: a quoted label that
counts (“3个100万”, “一匠五创”) or a quoted figure with a unit (“100%”) is read as before.
"""

from __future__ import annotations

import bisect

from verify import regexes
from verify.reading.quantity import Quantity

_CODE = regexes.lazy(r"“[0-9]+(?:\+[0-9]+)*”")


def without_quoted_codes(found: list[Quantity], view: str) -> list[Quantity]:
    """The figures read, less those inside a quoted code (view: the folded text, ＋ and full-width
    digits made ASCII)."""
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
