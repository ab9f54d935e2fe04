"""Document + [Quantity] -> the lines that are rows of a table, not prose.

A page may hold a table flattened to text, one row a line: a label and figures side by side,
separated by spaces (东部地区１９０２１．５４ ８４．８２ ３４０４．４８ １５．１８). Its figures are
cells of columns, not statements of a sentence: a row is no headline, its cells no list of parts.
Cross-checks leave such lines alone; how each figure is written is still checked.
"""

from __future__ import annotations

import bisect

from verify.frozen import record
from verify.reading.document import Document
from verify.reading.quantity import Quantity

_SENTENCE_MARKS = frozenset("。，,；;：:！？!?")
MIN_SPACED_PAIRS = 2  # three cells in a row, two gaps of space between them


@record
class TableRows:
    """The (start, end) offsets of every line that is a table row, ascending."""

    spans: tuple[tuple[int, int], ...]

    def overlaps(self, start: int, end: int) -> bool:
        """Whether [start, end) touches a table row."""
        i = bisect.bisect_right(self.spans, (start, float("inf"))) - 1
        for span in self.spans[max(i, 0):i + 2]:
            if span[0] < end and start < span[1]:
                return True
        return False


def table_rows(doc: Document, quantities: list[Quantity]) -> TableRows:
    """Lines where figures follow each other separated only by spaces, at least twice, and
    no sentence punctuation stands between the figures."""
    view = doc.view
    spaced: dict[int, int] = {}
    numeric = [q for q in quantities if q.kind not in ("ordinal", "date", "weekday", "time")]
    for a, b in zip(numeric, numeric[1:]):
        gap = view[a.end:b.start]
        if gap and gap.isspace() and "\n" not in gap:
            line_start = view.rfind("\n", 0, a.start) + 1
            spaced[line_start] = spaced.get(line_start, 0) + 1
    spans = []
    for line_start, pairs in sorted(spaced.items()):
        if pairs < MIN_SPACED_PAIRS:
            continue
        line_end = view.find("\n", line_start)
        line_end = len(view) if line_end < 0 else line_end
        if not _SENTENCE_MARKS.intersection(view[line_start:line_end]):
            spans.append((line_start, line_end))
    return TableRows(tuple(spans))
