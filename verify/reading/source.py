"""Where a character of the read text came from in its file: a paragraph, a page line, a source line.

A .docx, PDF, HTML or Markdown file is read into plain text (one block a line) before any number
is found. A SourceMap keeps, for each run of that text, the place a person can find in the file:
the paragraph of a Word document (or its table cell, or its header), the page and line of a PDF,
the line and column of an HTML or Markdown source. Plain text needs no map: its lines are its own.
"""

from __future__ import annotations

import bisect
from dataclasses import dataclass, field, replace

from verify.frozen import record


@record(slots=True)
class SourcePosition:
    """A place in the source file; only the fields that make sense for its format are set.

    docx: paragraph (counting non-empty paragraphs of the part), or table/row/cell (and the
    paragraph in the cell); part is "header" or "footer" outside the body. pdf: page and line
    (the page's text lines in reading order). html, markdown, text: line and column of the file.
    column counts characters from 1 within the paragraph, PDF line or source line.
    """

    format: str
    line: int | None = None
    column: int | None = None
    page: int | None = None
    part: str | None = None
    table: int | None = None
    row: int | None = None
    cell: int | None = None
    paragraph: int | None = None

    @property
    def in_text_lines(self) -> bool:
        """Whether line and column are the file's own (text, HTML, Markdown), not a page's or none."""
        return self.format in ("text", "html", "markdown")

    def fields(self) -> dict:
        """The fields that are set, in a fixed order, for a report to print."""
        names = ("format", "part", "page", "table", "row", "cell", "paragraph", "line", "column")
        return {name: getattr(self, name) for name in names if getattr(self, name) is not None}


@dataclass
class SourceMap:
    """Runs of the read text, each with the source position of its first character.

    Characters after a run's first step its column by one, which holds inside one paragraph,
    one PDF line and one unbroken stretch of a source line; a break starts a new run.
    """

    starts: list[int] = field(default_factory=list)
    anchors: list[SourcePosition] = field(default_factory=list)

    def locate(self, offset: int) -> SourcePosition:
        """The source position of a character offset in the read text."""
        index = bisect.bisect_right(self.starts, offset) - 1
        if index < 0:
            return self.anchors[0] if self.anchors else SourcePosition("text", 1, 1)
        anchor = self.anchors[index]
        if anchor.column is None:
            return anchor
        return replace(anchor, column=anchor.column + offset - self.starts[index])


class TextBuilder:
    """Assembles the read text piece by piece and records where each piece came from."""

    def __init__(self) -> None:
        self._parts: list[str] = []
        self._length = 0
        self.map = SourceMap()
        self._next: tuple[SourcePosition, int] | None = None  # where a continuing run would be

    def add(self, text: str, at: SourcePosition) -> None:
        """Append text whose first character sits at `at` and the rest follow it on the same line."""
        if not text:
            return
        expected = self._next
        if not (expected and expected[1] == self._length and expected[0] == at):
            self.map.starts.append(self._length)
            self.map.anchors.append(at)
        self._parts.append(text)
        self._length += len(text)
        step = replace(at, column=at.column + len(text)) if at.column is not None else at
        self._next = (step, self._length)

    def add_gap(self, text: str) -> None:
        """Append characters of no source of their own (a line break between blocks, a space)."""
        self._parts.append(text)
        self._length += len(text)

    def end_block(self) -> None:
        """End a block with one line break, never two in a row and none at the very start."""
        if self._length and not self.ends_with("\n"):
            self.add_gap("\n")

    def ends_with(self, suffix: str) -> bool:
        """Whether the text so far ends with `suffix`."""
        return bool(self._parts) and "".join(self._parts[-len(suffix):]).endswith(suffix)

    @property
    def length(self) -> int:
        """Characters so far."""
        return self._length

    def last_char(self) -> str:
        """The last character so far, or '' at the start."""
        for part in reversed(self._parts):
            if part:
                return part[-1]
        return ""

    def text(self) -> str:
        """The whole read text."""
        return "".join(self._parts)


def is_wide(ch: str) -> bool:
    """A Chinese character or full-width punctuation: where a source breaks a line between two of
    these, no space is meant (readers join such lines without one)."""
    code = ord(ch) if ch else 0
    return 0x2E80 <= code <= 0x9FFF or 0xF900 <= code <= 0xFAFF or 0xFF00 <= code <= 0xFFEF
