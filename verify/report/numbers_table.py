"""`verify --numbers`: the quantities of a file as a table, wide characters aligned."""

from __future__ import annotations

from verify.reading.document import Document
from verify.messages import text_for
from verify.reading.numerals import decimal_string
from verify.reading.quantity import CALENDAR_VALUES, Quantity
from verify.printable import visible, visible_lines
from verify.report.terminal import tabulate
from verify.report.where import where


def numbers_table(files: list[tuple[Document, list[Quantity]]], lang: str) -> str:
    """One table per file: position, text, value, interval, unit, kind."""
    headers = [text_for(lang, key) for key in ("col_position", "col_text", "col_value", "col_interval",
                                                  "col_unit", "col_kind")]
    parts = []
    for doc, quantities in files:
        rows = []
        for q in quantities:
            rows.append([where(doc, q.start, lang), q.text, _value(q), _interval(q), q.unit or "",
                         text_for(lang, "kind_" + q.kind)])
        parts.append(f"{visible(doc.path)}\n" + tabulate(rows, headers=headers, tablefmt="simple", disable_numparse=True))
        parts.append(text_for(lang, "numbers_count", count=len(quantities)))
    return visible_lines("\n".join(parts)) + "\n"


def _value(q: Quantity) -> str:
    if q.value is None:
        return "—"
    return q.value.iso if isinstance(q.value, CALENDAR_VALUES) else decimal_string(q.value)


def _interval(q: Quantity) -> str:
    if not q.is_numeric:
        return ""
    low = "−∞" if q.interval.low is None else decimal_string(q.interval.low)
    high = "+∞" if q.interval.high is None else decimal_string(q.interval.high)
    return f"[{low}, {high}]"
