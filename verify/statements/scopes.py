"""其中 lists: which total a 其中 breaks down, and which figures after it are its parts.

The list starts after 其中 and ends at the end of its sentence (of its parenthetical, for
（其中…）), at another 其中, or at a clause that opens a new statement (截至, 当日, 新增 … from
the vocabulary). Parts are levels of the total's unit and indicator; averages, changes, rates,
comparisons and attributes are never parts. The total is the nearest level before 其中 of the
parts' unit and indicator, in the same sentence, or in the sentence before when 其中 opens its
own; when that sentence holds several such levels, the list's total is uncertain.
"""

from __future__ import annotations

import bisect
import re

from verify.quantities import Quantity
from verify.statements.clauses import Layout
from verify.statements.records import PartsList, Role, Statement
from verify.statements.vocabulary import Vocabulary

_MARKER = re.compile(r"(?:(?<=^)|(?<=[\s,;；:。(]))其中")
PAIRED_ROLES = (Role.LEVEL, Role.FROM)


def parts_lists(quantities: list[Quantity], statements: dict[int, Statement], layout: Layout,
                vocab: Vocabulary) -> list[PartsList]:
    """Every 其中 list of the page with a total and at least one part."""
    starts = [q.start for q in quantities]
    markers = [m for m in _MARKER.finditer(layout.text)]
    found = []
    for n, m in enumerate(markers):
        next_marker = markers[n + 1].start() if n + 1 < len(markers) else len(layout.text)
        parts, end = _parts(m, next_marker, quantities, statements, starts, layout, vocab)
        for role in PAIRED_ROLES:
            chosen = [i for i in parts if statements[i].role is role]
            if not chosen:
                continue
            total, certain = _total(m.start(), chosen, quantities, statements, starts, layout, role)
            if total is not None:
                chosen = [i for i in chosen if _compatible(statements[total], statements[i])]
                if chosen:
                    found.append(PartsList(m.start(), total, tuple(chosen), certain, end))
    return found


def _parts(marker: re.Match, next_marker: int, quantities, statements, starts, layout: Layout,
           vocab: Vocabulary) -> tuple[list[int], int]:
    """The figures after 其中 that can be parts, and where the list ends."""
    note = layout.note_at(marker.start())
    end = note[1] if note else layout.sentence(marker.start())[1]
    end = min(end, next_marker)
    parts, unit, seen = [], None, False
    for i in range(bisect.bisect_left(starts, marker.end()), len(quantities)):
        q = quantities[i]
        if q.start >= end:
            break
        st = statements.get(i)
        if st is None:
            continue
        if seen and vocab.breaker.match(layout.text, _skip_space(layout.text, st.clause[0])):
            end = st.clause[0]   # 其中，新增…: the first clause is the list's own; later ones may end it
            break
        seen = True
        if st.note and not note or st.role not in PAIRED_ROLES or q.kind not in ("amount", "count"):
            continue
        unit = unit or q.unit
        if q.unit != unit:
            return [], end   # 问题100多个，意见150多条: parts of other units, no breakdown of one total
        parts.append(i)
    return parts, end


def _skip_space(text: str, pos: int) -> int:
    while pos < len(text) and text[pos] in " \t　":
        pos += 1
    return pos


def _total(marker: int, parts: list[int], quantities, statements, starts, layout: Layout,
           role: Role) -> tuple[int | None, bool]:
    """The nearest level before 其中 that the parts can belong to; uncertain when its sentence
    holds several. A (parenthetical) list belongs to the figure its note follows."""
    unit = quantities[parts[0]].unit
    note = layout.note_at(marker)
    window_start = layout.clause(note[0])[0] if note else layout.sentence(marker)[0]
    line_start = layout.text.rfind("\n", 0, marker) + 1
    last = bisect.bisect_left(starts, note[0] if note else marker) - 1
    candidates = _candidates(last, window_start, quantities, statements, unit, role, parts[0])
    before = layout.text[window_start:marker].rstrip(" \t,:")
    opens = not re.sub(r"[\s,;；:]", "", before) or before.endswith(("；", ";"))   # 。其中 / ；其中
    if not candidates and not note and opens and window_start > line_start:   # 。其中，…: the sentence before
        window_start = max(line_start, layout.sentence(window_start - 1)[0])
        candidates = _candidates(last, window_start, quantities, statements, unit, role, parts[0])
    if not candidates:
        return None, False
    if len(candidates) == 1:
        return candidates[0], True
    widest = max(candidates, key=lambda i: (quantities[i].interval.high is None, quantities[i].interval.high or 0))
    return widest, False


def _candidates(last: int, window_start: int, quantities, statements, unit, role: Role, part: int) -> list[int]:
    found = []
    for i in range(last, -1, -1):
        q = quantities[i]
        if q.start < window_start:
            break
        st = statements.get(i)
        if st is None or st.role is not role or q.unit != unit or q.kind not in ("amount", "count") or st.note:
            continue
        if _compatible(st, statements[part]):
            found.append(i)
    return found


def _compatible(total: Statement, part: Statement) -> bool:
    """Whether a part counts or measures what its total does (行政区 is no 小煤窑, 产值 no 投资)."""
    if not total.head or not part.head:
        return True
    return total.head in part.head or part.head in total.head
