"""HTML -> Document: the article text, each character mapped to its line and column in the source.

Read with the standard library's html.parser. Never read: script, style, noscript, template,
the head, and embedded graphics or frames. When the page marks its article (<article>, else
<main>), only that is read, so menus and footers add no figures. Entities are decoded (&ldquo;
is “), block elements end lines, table cells are apart by tabs, and whitespace collapses as a
browser shows it (a line break between two Chinese characters disappears).
"""

from __future__ import annotations

import html
import re
from html.parser import HTMLParser

from verify import regexes
from verify.reading.charset import decode_bytes
from verify.reading.document import Document, extracted
from verify.reading.source import SourcePosition, TextBuilder, is_wide

FORMAT = "html"

SKIPPED = frozenset({"script", "style", "noscript", "template", "head", "title", "svg", "math", "canvas",
                     "iframe", "object", "select"})
BLOCKS = frozenset({
    "address", "article", "aside", "blockquote", "br", "caption", "dd", "details", "div", "dl", "dt",
    "fieldset", "figcaption", "figure", "footer", "form", "h1", "h2", "h3", "h4", "h5", "h6", "header",
    "hr", "li", "main", "nav", "ol", "p", "pre", "section", "summary", "table", "tbody", "thead", "tfoot",
    "tr", "ul",
})
CELLS = frozenset({"td", "th"})
VOID = frozenset({"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "param",
                  "source", "track", "wbr"})
_META_CHARSET = regexes.compile(rb"""<meta[^>]+charset\s*=\s*["']?\s*([A-Za-z0-9_.:-]+)""", re.I)
_SCOPE = {tag: re.compile(rf"<{tag}[\s>]".encode(), re.I) for tag in ("article", "main")}
# What browsers read a declared charset as: its superset.
_DECLARED = {"gb2312": "gb18030", "gbk": "gb18030", "x-gbk": "gb18030", "iso-8859-1": "cp1252",
             "us-ascii": "cp1252", "big5": "big5hkscs"}


def read(raw: bytes, path: str, encoding: str | None = None) -> Document:
    """Decode (BOM, then the page's meta charset, then detection), then keep the article's text."""
    declared = _META_CHARSET.search(raw[:4096])
    name = declared.group(1).decode("ascii").lower() if declared else None
    source, used = decode_bytes(raw, path, encoding, declared=_DECLARED.get(name, name))
    scope = next((tag for tag, pattern in _SCOPE.items() if pattern.search(raw)), None)
    parser = _TextParser(scope)
    parser.feed(source)
    parser.close()
    parser.builder.end_block()
    return extracted(path, parser.builder.text(), used, source=parser.builder.map)


class _TextParser(HTMLParser):
    """Collects the visible text of the scope, with the source position of every run."""

    def __init__(self, scope: str | None) -> None:
        super().__init__(convert_charrefs=False)
        self.builder = TextBuilder()
        self.scope = scope
        self.scope_depth = 0
        self.skipping: str | None = None
        self.skip_depth = 0
        self.pre_depth = 0
        self.space: tuple[SourcePosition, bool] | None = None  # pending whitespace: where, had a line break
        self.cell_open = False

    # -- tags

    def handle_starttag(self, tag: str, attrs) -> None:
        if self._skip_tag(tag, opening=True):
            return
        if tag == self.scope:
            self.scope_depth += 1
        if tag in CELLS:
            self._cell()
        elif tag in BLOCKS:
            self._block()
            if tag == "tr":
                self.cell_open = False
        if tag == "pre":
            self.pre_depth += 1

    def handle_startendtag(self, tag: str, attrs) -> None:
        if self.skipping is None and tag in BLOCKS:
            self._block()

    def handle_endtag(self, tag: str) -> None:
        if self._skip_tag(tag, opening=False):
            return
        if tag in BLOCKS:
            self._block()
        if tag == "pre" and self.pre_depth:
            self.pre_depth -= 1
        if tag == self.scope and self.scope_depth:
            self.scope_depth -= 1
            self._block()

    def _skip_tag(self, tag: str, opening: bool) -> bool:
        """Track the element being skipped (script, style, …); True while inside one."""
        if self.skipping is None:
            if opening and tag in SKIPPED and tag not in VOID:
                self.skipping, self.skip_depth = tag, 1
                return True
            return False
        if self.skipping == "head" and opening and tag == "body":
            self.skipping = None  # a head whose end tag was left out, as HTML allows
            return False
        if tag == self.skipping:
            self.skip_depth += 1 if opening else -1
            if self.skip_depth == 0:
                self.skipping = None
        return True

    # -- text

    def handle_data(self, data: str) -> None:
        if not self._reading():
            return
        line, column = self.getpos()
        start = 0
        for i, ch in enumerate(data):
            if ch in " \t\n\r\f" and not self.pre_depth:
                if i > start:
                    self._text(data[start:i], line, column + start)
                if self.space is None:
                    self.space = (SourcePosition(FORMAT, line, column + i + 1), False)
                if ch == "\n":
                    self.space = (self.space[0], True)
                    line, column, start = line + 1, -(i + 1), i + 1
                else:
                    start = i + 1
            elif ch == "\n":  # inside <pre>: a line break is kept
                self._text(data[start:i + 1], line, column + start)
                line, column, start = line + 1, -(i + 1), i + 1
        if start < len(data):
            self._text(data[start:], line, column + start)

    def handle_entityref(self, name: str) -> None:
        self._entity(f"&{name};")

    def handle_charref(self, name: str) -> None:
        self._entity(f"&#{name};")

    def _entity(self, reference: str) -> None:
        if not self._reading():
            return
        line, column = self.getpos()
        text = html.unescape(reference)
        if text == "\u00a0" or not text.isspace():
            self._text(text, line, column)

    def _text(self, text: str, line: int, column: int) -> None:
        """Text from 0-based `column` of `line`, after any whitespace waiting before it."""
        if self.space is not None:
            at, broke = self.space
            self.space = None
            last = self.builder.last_char()
            if last and last not in "\n\t" and not (broke and is_wide(last) and is_wide(text[0])):
                self.builder.add(" ", at)
        self.builder.add(text, SourcePosition(FORMAT, line, column + 1))

    def _reading(self) -> bool:
        return self.skipping is None and (self.scope is None or self.scope_depth > 0)

    def _block(self) -> None:
        self.space = None
        self.builder.end_block()
        self.cell_open = False

    def _cell(self) -> None:
        """A new table cell: a tab after the row's previous cell."""
        self.space = None
        if self.cell_open and self.builder.length and not self.builder.ends_with("\n"):
            self.builder.add_gap("\t")
        self.cell_open = True

