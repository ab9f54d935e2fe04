"""PDF -> Document: the text layer in reading order, each line mapped to its page and line.

pdfminer.six lays the page out (text boxes in column order), and the lines are joined back into
paragraphs here, so a sentence wrapped across lines, columns or pages stays whole: a line
continues the one before unless it is indented, in type of another size, or the one before
stops short of the column's right edge, by more than the piece that wrapped, after the end of
a sentence. Spaces pdfminer guesses from gaps are kept only between Latin letters or digits
(beside Chinese characters and punctuation they are gaps of type, not spaces). A PDF with no text
layer (a scan) cannot be checked: one line says so and the run exits 2.
"""

from __future__ import annotations

import io
from dataclasses import dataclass

from pdfminer import high_level, layout  # loaded by name only when a PDF is read (inputs.READERS)

from verify import regexes
from verify.reading.document import Document, extracted
from verify.errors import InputError
from verify.reading.source import SourcePosition, TextBuilder, is_wide

FORMAT = "pdf"


@dataclass
class _Line:
    """One text line of a page: its text, box and number on the page (reading order, from 1)."""

    page: int
    number: int
    box: int
    text: str
    x0: float
    x1: float
    height: float
    left: float = 0.0   # the left edge of its column
    right: float = 0.0  # the right edge of its column


def read(raw: bytes, path: str, encoding: str | None = None) -> Document:
    """Read a PDF's text layer (pdfminer.six); `encoding` does not apply to it."""
    lines = _lines(raw, path)
    if not any(line.text.strip() for line in lines):
        raise InputError(path, "PDF without a text layer (a scan?): nothing to check; use its text, "
                               ".docx or an OCR'd copy")
    builder = TextBuilder()
    previous: _Line | None = None
    for line in lines:
        text = line.text.rstrip()
        if not text.strip():
            continue
        if previous is not None:
            if _starts_paragraph(previous, line):
                builder.end_block()
            elif _word_char(builder.last_char()) and _word_char(text.lstrip()[0]):
                builder.add_gap(" ")  # a wrapped line of Latin words
        stripped = text.lstrip()
        builder.add(stripped, SourcePosition(FORMAT, line.number, len(text) - len(stripped) + 1, page=line.page))
        previous = line
    builder.end_block()
    return extracted(path, builder.text(), source=builder.map)


def _lines(raw: bytes, path: str) -> list[_Line]:
    """Every text line of every page in reading order, with its column's edges."""
    lines: list[_Line] = []
    boxes = 0
    try:
        for number, page in enumerate(high_level.extract_pages(io.BytesIO(raw), laparams=layout.LAParams()), start=1):
            page_lines: list[_Line] = []
            for box in reading_order([box for box in page if isinstance(box, layout.LTTextBox)]):
                boxes += 1
                for item in box:
                    if isinstance(item, layout.LTTextLine):
                        page_lines.append(_Line(number, len(page_lines) + 1, boxes, _line_text(item, layout.LTAnno),
                                                item.x0, item.x1, item.height))
            _column_edges(page_lines)
            lines.extend(page_lines)
    except Exception as exc:  # damaged, encrypted: pdfminer raises many kinds
        detail = f"{type(exc).__name__}: {exc}" if str(exc) else type(exc).__name__
        raise InputError(path, f"not a readable PDF ({detail})") from None
    if sum(line.text.count("(cid:") for line in lines) > 10:
        raise InputError(path, "PDF whose fonts carry no Unicode text (characters come out as (cid:N)); "
                               "use its text or .docx copy")
    return lines


def reading_order(boxes: list) -> list:
    """Text boxes as a person reads them (recursive XY cut): columns left to right where a clear
    vertical gap parts the boxes, else the topmost band first; inside a band, top to bottom."""
    if len(boxes) <= 1:
        return boxes
    left, right = _cut(boxes, lambda b: (b.x0, b.x1))
    if left:
        return reading_order(left) + reading_order(right)
    below, above = _cut(boxes, lambda b: (-b.y1, -b.y0))  # top to bottom: y grows upwards
    if below:
        return reading_order(below) + reading_order(above)
    return sorted(boxes, key=lambda b: (-b.y1, b.x0))


def _cut(boxes: list, span, min_gap: float = 3.0) -> tuple[list, list]:
    """Split at the first gap of at least min_gap that no box crosses, along the axis `span` gives."""
    ordered = sorted(boxes, key=lambda b: span(b)[0])
    reach = span(ordered[0])[1]
    for k in range(1, len(ordered)):
        start, end = span(ordered[k])
        if start - reach >= min_gap:
            return ordered[:k], ordered[k:]
        reach = max(reach, end)
    return [], boxes


def _line_text(line, inferred) -> str:
    """A line's characters; a space pdfminer inferred from a gap (`inferred`: LTAnno) only between
    two Latin letters or digits."""
    items = [item for item in line if item.get_text() != "\n"]
    out: list[str] = []
    for k, item in enumerate(items):
        text = item.get_text()
        if isinstance(item, inferred):
            before = out[-1][-1:] if out else ""
            after = items[k + 1].get_text()[:1] if k + 1 < len(items) else ""
            if not (_word_char(before) and _word_char(after)):
                continue
        out.append(text)
    return "".join(out)


def _column_edges(lines: list[_Line]) -> None:
    """A line's column runs from the leftmost start to the rightmost end of the lines it overlaps."""
    for line in lines:
        overlapping = [other for other in lines if other.x0 < line.x1 and line.x0 < other.x1]
        line.left = min(other.x0 for other in overlapping)
        line.right = max(other.x1 for other in overlapping)


def _starts_paragraph(previous: _Line, line: _Line) -> bool:
    """A new paragraph: the line is indented, its type is another size (a headline), or the line
    before stops short of its column's edge by more than what wrapped could have needed and
    ends a sentence (or pdfminer put the two lines in different boxes)."""
    em = max(line.height, previous.height, 1.0)
    if line.x0 > line.left + 0.8 * em or abs(line.height - previous.height) > 0.15 * em:
        return True
    if previous.right - previous.x1 <= (_first_cluster_width(line.text.lstrip()) + 1.0) * em:
        return False
    return previous.text.rstrip()[-1:] in _PARAGRAPH_ENDS or previous.box != line.box


def _word_char(ch: str) -> bool:
    """A Latin letter or digit: between two of these a line break or a gap is a space."""
    return ch.isascii() and ch.isalnum()


def _first_cluster_width(text: str) -> float:
    """Width (in em) of what a line-breaker moves as one piece: a figure or word, or a character
    with the punctuation that may not start a line after it, and opening marks before either."""
    cluster = _CLUSTER.match(text)
    return sum(1.0 if is_wide(ch) else 0.6 for ch in cluster.group()) if cluster else 1.0


_PARAGRAPH_ENDS = set("。！？!?；;：:”’）)」』…")
_CLUSTER = regexes.compile(r"[“‘（(《〈「『【]*(?:[0-9A-Za-z.,%+:/-]+|.)[、。，,.;；:：！!？?”’）)》〉」』】…]*")
