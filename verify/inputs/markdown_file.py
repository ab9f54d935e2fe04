"""Markdown -> Document: the text a reader sees, each character mapped to its line and column.

A small converter of its own, line by line, because what matters here is where each character
came from: headings, emphasis, links and images (their text), code (its content), lists, block
quotes and tables (a row a line, cells apart by tabs) become plain text; front matter, fences,
rules, link definitions, HTML tags and comments are left out. Lines of one paragraph are joined
(without a space between Chinese characters), so a sentence wrapped in the source stays whole.
"""

from __future__ import annotations

import html
import re

from verify import regexes
from verify.reading.charset import decode_bytes
from verify.reading.document import Document, extracted
from verify.reading.source import SourcePosition, TextBuilder, is_wide

FORMAT = "markdown"

_FENCE = regexes.compile(r"^\s{0,3}(`{3,}|~{3,})")
_BLANK = regexes.compile(r"^\s*$")
_RULE = regexes.compile(r"^\s{0,3}([-*_])(\s*\1){2,}\s*$")
_SETEXT = regexes.compile(r"^\s{0,3}(=+|-+)\s*$")
_HEADING = regexes.compile(r"^\s{0,3}#{1,6}(\s+|$)")
_HEADING_TAIL = regexes.compile(r"\s+#+\s*$")
_QUOTE = regexes.compile(r"^\s{0,3}>\s?")
_ITEM = regexes.compile(r"^\s*(?:[-*+]|\d{1,9}[.)])(?:\s+\[[ xX]\])?(\s+|$)")
_DEFINITION = regexes.compile(r"^\s{0,3}\[[^\]]+\]:\s*\S")
_TABLE_DELIMITER = regexes.compile(r"^\s*\|?\s*:?-+:?\s*(\|\s*:?-+:?\s*)*\|?\s*$")
_COMMENT = regexes.compile(r"<!--.*?-->", re.S)
_PIPE = regexes.compile(r"(?<!\\)\|")

# Inline markup, tried left to right; what each keeps is in _inline.
_INLINE = regexes.compile(
    r"(?P<code>(?P<ticks>`+)(?P<code_text>.+?)(?P=ticks))"
    r"|(?P<image>!\[(?P<alt>[^\]]*)\]\([^)]*\))"
    r"|(?P<link>\[(?P<link_text>[^\]]+)\](?:\([^)]*\)|\[[^\]]*\]))"
    r"|(?P<footnote>\[\^[^\]]+\])"
    r"|(?P<autolink><(?P<url>[a-zA-Z][a-zA-Z0-9+.-]*:[^\s<>]*|[^\s<>@]+@[^\s<>]+)>)"
    r"|(?P<tag></?[A-Za-z][^<>]*>)"
    r"|(?P<escape>\\(?P<escaped>[!-/:-@\[-`{-~]))"
    r"|(?P<entity>&(?:#[0-9]{1,7}|#[xX][0-9a-fA-F]{1,6}|[A-Za-z][A-Za-z0-9]{1,31});)"
    r"|(?P<emphasis>\*+|~~|_+)"
)


def read(raw: bytes, path: str, encoding: str | None = None) -> Document:
    """Decode a Markdown file as a text file is decoded, then keep what a reader of it would see."""
    source, used = decode_bytes(raw, path, encoding)
    builder = TextBuilder()
    _Converter(builder).convert(_COMMENT.sub(_blank_out, source).split("\n"))
    return extracted(path, builder.text(), used, source=builder.map)


def _blank_out(match: re.Match) -> str:
    """A comment removed without moving what follows: its characters become spaces, lines kept."""
    return re.sub(r"[^\n]", " ", match.group())


class _Converter:
    """Line by line: what kind of block a line is, then its inline text."""

    def __init__(self, builder: TextBuilder) -> None:
        self.out = builder
        self.in_paragraph = False  # the next plain line continues the open paragraph

    def convert(self, lines: list[str]) -> None:
        """Every line of the source, 1-based as a person counts them."""
        fence: str | None = None
        in_table = False
        start = _front_matter_end(lines)
        for number, line in enumerate(lines, start=1):
            line = line.rstrip("\r")
            if number <= start:
                continue
            opening = _FENCE.match(line)
            if fence is not None:  # inside a code block: its lines are text, as they are
                if opening and opening.group(1)[0] == fence[0] and len(opening.group(1)) >= len(fence):
                    fence = None
                else:
                    self._plain(line, number, 0)
                    self.out.end_block()
                continue
            if opening:
                fence = opening.group(1)
                self._break()
                continue
            if _BLANK.match(line) or _RULE.match(line) or _DEFINITION.match(line):
                in_table = False
                self._break()
                continue
            if _SETEXT.match(line) and self.in_paragraph:
                self._break()  # the underline of a heading: the heading is already a line
                continue
            if in_table or (number < len(lines) and "|" in line and _TABLE_DELIMITER.match(lines[number])
                            and "-" in lines[number]):
                if _TABLE_DELIMITER.match(line) and in_table:
                    continue
                in_table = True
                self._row(line, number)
                continue
            self._block_line(line, number)
        self._break()

    def _block_line(self, line: str, number: int) -> None:
        """Strip block markers (quotes, list items, headings), then the inline text."""
        column = 0
        while quote := _QUOTE.match(line, column):
            column = quote.end()
        item = _ITEM.match(line, column)
        heading = _HEADING.match(line, column)
        if item or heading:
            self._break()
            column = (item or heading).end()
        end = len(line)
        if heading:
            tail = _HEADING_TAIL.search(line, column)
            end = tail.start() if tail else end
        while column < end and line[column] in " \t":
            column += 1
        if self.in_paragraph and column < end:
            self._join(line[column])
        self._inline(line, number, column, end)
        if heading:
            self._break()
        else:
            self.in_paragraph = self.out.length > 0 and not self.out.ends_with("\n")

    def _row(self, line: str, number: int) -> None:
        """A table row: its cells on one line, apart by tabs."""
        self._break()
        bounds = [0] + [m.start() + 1 for m in _PIPE.finditer(line)] + [len(line) + 1]
        cells = [(a, b - 1) for a, b in zip(bounds, bounds[1:])]
        if cells and not line[cells[0][0]:cells[0][1]].strip():
            cells = cells[1:]  # the row's leading pipe
        if cells and not line[cells[-1][0]:cells[-1][1]].strip():
            cells = cells[:-1]  # and its trailing one
        for k, (a, b) in enumerate(cells):
            while a < b and line[a] in " \t":
                a += 1
            while b > a and line[b - 1] in " \t":
                b -= 1
            if k:
                self.out.add_gap("\t")
            self._inline(line, number, a, b)
        self._break()

    def _inline(self, line: str, number: int, start: int, end: int) -> None:
        """The text of line[start:end] without its inline markup."""
        position = start
        for m in _INLINE.finditer(line, start, end):
            self._plain(line[position:m.start()], number, position)
            position = m.end()
            if m.group("code"):
                self._plain(m.group("code_text"), number, m.start("code_text"))
            elif m.group("image"):
                self._plain(m.group("alt"), number, m.start("alt"))
            elif m.group("link"):
                self._inline(line, number, m.start("link_text"), m.end("link_text"))
            elif m.group("autolink"):
                self._plain(m.group("url"), number, m.start("url"))
            elif m.group("escape"):
                self._plain(m.group("escaped"), number, m.start("escaped"))
            elif m.group("entity"):
                self.out.add(html.unescape(m.group()), SourcePosition(FORMAT, number, m.start() + 1))
            elif m.group("emphasis") and _is_literal(line, m):
                self._plain(m.group(), number, m.start())
        self._plain(line[position:end], number, position)

    def _plain(self, text: str, number: int, index: int) -> None:
        """Characters as they stand, from 0-based index `index` of source line `number`."""
        self.out.add(text, SourcePosition(FORMAT, number, index + 1))

    def _join(self, next_char: str) -> None:
        """Two lines of one paragraph: nothing between Chinese characters, else one space."""
        if not (is_wide(self.out.last_char()) and is_wide(next_char)):
            self.out.add_gap(" ")

    def _break(self) -> None:
        self.out.end_block()
        self.in_paragraph = False


def _is_literal(line: str, m: re.Match) -> bool:
    """A * or _ that marks nothing: spaces on both sides (3 * 4), or _ inside a word (snake_case)."""
    before = line[m.start() - 1] if m.start() else " "
    after = line[m.end()] if m.end() < len(line) else " "
    if before.isspace() and after.isspace():
        return True
    return m.group()[0] == "_" and before.isalnum() and after.isalnum()


def _front_matter_end(lines: list[str]) -> int:
    """The last line of a leading --- front matter block (YAML metadata), or 0."""
    if not lines or lines[0].rstrip("\r") != "---":
        return 0
    for number, line in enumerate(lines[1:], start=2):
        if line.rstrip("\r") in ("---", "..."):
            return number
    return 0
