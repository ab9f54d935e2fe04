"""A roll call: those expected (会议应到190人, vocabulary attendance_expected), right after them those
present (出席187人, attendance_present) and those absent (缺席3人, attendance_absent), each alone in its
piece (Fact: level the expected, `present`, `absent`). Its words leave no doubt, so rules on it may be
errors; each figure is a count of whole people (whole_counts.py), so 187 + 3 must be 190 exactly.
"""

from __future__ import annotations

import re

from verify.reading.quantity import Quantity
from verify.statements.clauses import Layout
from verify.statements.facts import Fact
from verify.statements.members import SEGMENT_END, WORDS_REACH, piece_before
from verify.statements.records import Statement
from verify.statements.vocabulary import Vocabulary, word_pattern


def attendance(quantities: list[Quantity], statements: dict[int, Statement], layout: Layout,
               vocab: Vocabulary) -> list:
    """会议应到190人，出席187人，缺席3人: those expected, then right after them those present, then
    those absent, one unit, each the only figure of its piece (Fact: level the expected, `present`,
    and `absent` when stated)."""
    view = layout.text
    expected = word_pattern(vocab.words("attendance_expected"))
    present = word_pattern(vocab.words("attendance_present"))
    absent = word_pattern(vocab.words("attendance_absent"))
    found = []
    for index in range(len(quantities) - 1):
        whole = quantities[index]
        if whole.kind != "count" or whole.value is None or index not in statements \
                or "应" not in view[max(0, whole.start - WORDS_REACH):whole.start]:
            continue
        words = piece_before(view, whole.start)
        if not expected.search(words):
            continue
        figures = [("present", _next_in_piece(quantities, index, view, present))]
        if figures[0][1] is None:
            continue
        after = _next_in_piece(quantities, figures[0][1], view, absent)
        if after is not None:
            figures.append(("absent", after))
        found.append(Fact(index, tuple(figures)))
    return found


def _next_in_piece(quantities: list[Quantity], index: int, view: str, words: re.Pattern[str]) -> int | None:
    """The next figure, of the same unit, when the piece after a ， holds only a word of `words` before it."""
    if index + 1 >= len(quantities):
        return None
    here, nxt = quantities[index], quantities[index + 1]
    gap = view[here.end:nxt.start]
    if nxt.kind != here.kind or nxt.unit != here.unit or nxt.value is None or gap[:1] not in (",", "，") \
            or len(gap) > 8 or SEGMENT_END.search(gap, 1) or not words.fullmatch(gap[1:]):
        return None
    return index + 1
