"""bytes -> Document: decode once, fold to a matching view, keep original positions.

Text files are decoded here (the encoding is found in reading/charset.py) and nowhere else; the
readers of other formats (verify.inputs) hand over text with a map back to their files. Matching runs on a normalised view whose characters map one-to-one onto
the original, so every offset found in the view is an offset in the original text.
"""

from __future__ import annotations

import bisect
from array import array
import functools
import re
from collections.abc import Iterator
from dataclasses import dataclass, field

from verify.frozen import record
from verify import regexes
from verify.reading.charset import decode_bytes
from verify.reading.source import SourceMap, SourcePosition
from verify.reading.spacing import compacted, in_file

# One character in, one character out: offsets in the view are offsets in the original.
_FOLD = {chr(0xFF10 + i): str(i) for i in range(10)}
_FOLD.update({
    "％": "%", "，": ",", "．": ".", "～": "~", "〜": "~", "：": ":", "（": "(", "）": ")",
    "＋": "+", "－": "-", "／": "/", "\u3000": " ", "\u00a0": " ", "﹪": "%",
})

# Sentence ends: full stop, question and exclamation marks, semicolons, line breaks. A rule's
# pattern may run across a semicolon (one clause of a list to the next), never across the others.
SENTENCE_ENDS = "。！？!?；;\n"
SEMICOLONS = "；;"
_SENTENCE_END = regexes.lazy(f"[{SENTENCE_ENDS}]+")
_END_CHAR = regexes.lazy(f"[{SENTENCE_ENDS}]")
_LAST_END = regexes.lazy(f"(?s:.*)[{SENTENCE_ENDS}]")   # through the last sentence end


@record(slots=True)
class Position:
    """A place in the original text: 1-based line and column, counted in characters."""

    line: int
    column: int


@dataclass
class Document:
    """A decoded text, its normalised matching view and where its lines start.

    A text read out of a .docx, PDF, HTML or Markdown file carries a SourceMap back to the file.
    """

    path: str
    text: str
    encoding: str = "utf-8"
    source: SourceMap | None = None
    spaces: array | None = None   # spaced copy read without its spaces: where they were (reading/spacing.py)
    _line_starts: list[int] = field(init=False, repr=False)
    _last_sentence: tuple[int, int] = field(default=(0, -1), init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        self._line_starts = [0] + [m.end() for m in re.finditer("\n", self.text)]

    @functools.cached_property
    def view(self) -> str:
        """The matching view, made when first asked for: a long document checked in sections
        never makes its own (each section makes one)."""
        return normalise(self.text)

    def position(self, offset: int) -> Position:
        """Line and column (1-based, in characters, in the file) of a character offset."""
        line = bisect.bisect_right(self._line_starts, offset) - 1
        start = self._line_starts[line]
        if self.spaces is not None:   # (a line break is never taken out: the lines are the file's)
            return Position(line + 1, in_file(offset, self.spaces) - in_file(start, self.spaces) + 1)
        return Position(line + 1, offset - start + 1)

    def file_span(self, start: int, end: int) -> tuple[int, int]:
        """A span of the read text as offsets in the file: the same but for spaced copy read without
        its spaces (33.88万人 read from 33.88 万人 spans the space too)."""
        if self.spaces is None:
            return start, end
        first = in_file(start, self.spaces)
        if end <= start:
            return first, first
        return first, in_file(end - 1, self.spaces) + 1   # (from its last character: not the spaces after it)

    def line_start_of(self, offset: int) -> int:
        """Where the line (paragraph) holding a character offset starts."""
        return self._line_starts[bisect.bisect_right(self._line_starts, offset) - 1]

    def line_span(self, line: int) -> tuple[int, int]:
        """The characters of a 1-based line, its break left out; past the last line, nothing at the end."""
        if not 1 <= line <= len(self._line_starts):
            return len(self.text), len(self.text)
        start = self._line_starts[line - 1]
        end = self._line_starts[line] - 1 if line < len(self._line_starts) else len(self.text)
        return start, end

    def locate(self, offset: int) -> SourcePosition:
        """Where a character offset is in the file a person opens: its line, its paragraph, its page."""
        if self.source is not None:   # (the map counts in the text read with its spaces, as the file has them)
            return self.source.locate(in_file(offset, self.spaces))
        pos = self.position(offset)
        return SourcePosition("text", pos.line, pos.column)

    def sentence_at(self, start: int, end: int) -> str:
        """The sentence of the original text holding a span, as sentence_of finds it, found by bisection."""
        begin, stop = self.sentence_bounds(start, end)
        return self.text[begin:stop]

    def sentence_bounds(self, start: int, end: int) -> tuple[int, int]:
        """(begin, end) of the sentence holding a span, as sentence_at cuts it: one sentence, one key.
        Its ends are searched near the span (a page's findings are few: a list of every sentence end
        of the page, made for them, was a pass over the whole text and a number for each end)."""
        begin, stop = self._last_sentence
        if begin <= start and end < stop:   # (the sentence found last holds the span: findings come in text
            return begin, stop              # order, and a line of 4,000 findings without an end was quadratic)
        after = _END_CHAR.search(self.text, end)
        bounds = _sentence_start(self.text, start), after.start() + 1 if after else len(self.text)
        if _END_CHAR.search(self.text, bounds[0], max(bounds[0], bounds[1] - 1)) is None:
            self._last_sentence = bounds   # (kept only when no end stands inside: a span across one is cut apart)
        return bounds

    def kept(self, spans) -> "KeptDocument":
        """What reports and the gate still ask of a checked document, for these spans only:
        its path, positions, and the sentences of the spans (not its text, nor its figures)."""
        return KeptDocument(self.path, self.encoding, self.source, array("q", self._line_starts),
                            {span: self.sentence_at(*span) for span in spans}, self.spaces)

    def sentence_spans(self) -> list[tuple[int, int]]:
        """(start, end) of every sentence: text between end marks and line breaks."""
        spans, start = [], 0
        for m in _SENTENCE_END.finditer(self.view):
            if m.start() > start:
                spans.append((start, m.end()))
            start = m.end()
        if start < len(self.view):
            spans.append((start, len(self.view)))
        return spans


@record(slots=True)
class KeptDocument:
    """A checked document as its results keep it: a folder of 10,000 files, or a worker's answer,
    holds no text (Document.kept)."""

    path: str
    encoding: str
    source: SourceMap | None
    _line_starts: array = field(repr=False)   # machine integers: a folder of 10,000 files keeps 10,000 of these
    _sentences: dict[tuple[int, int], str] = field(repr=False)
    spaces: array | None = None

    position = Document.position
    locate = Document.locate
    file_span = Document.file_span

    def sentence_at(self, start: int, end: int) -> str:
        """The sentence of a span the document was kept for."""
        return self._sentences[(start, end)]


def _sentence_start(text: str, pos: int) -> int:
    """Just after the last sentence end before pos, or 0: searched back a window at a time."""
    window, stop = 256, pos
    while stop > 0:
        low = max(0, stop - window)
        last = _LAST_END.match(text, low, stop)
        if last is not None:
            return last.end()
        stop, window = low, 2 * window
    return 0


def sentence_of(text: str, start: int, end: int) -> str:
    """The sentence holding a span: from the previous sentence end to the next one, inclusive."""
    begin = max(text.rfind(ch, 0, start) for ch in SENTENCE_ENDS) + 1
    stops = [i for i in (text.find(ch, end) for ch in SENTENCE_ENDS) if i >= 0]
    return text[begin:min(stops) + 1 if stops else len(text)]


def normalise(text: str) -> str:
    """Fold full-width digits and punctuation to their ASCII forms, one character for one; a
    middle dot between digits is a decimal point (１３４３·３亿美元, as older copy writes it)."""
    folded = text
    for wide, narrow in _FOLD.items():   # one str.replace per character present: 20 times faster on
        if wide in folded:               # Chinese text than str.translate, and the same (no
            folded = folded.replace(wide, narrow)   # character folds into one that folds again)
    for dot in "·・":
        if dot in folded:
            folded = _decimal_points(folded, dot)
    return folded


def _decimal_points(text: str, dot: str) -> str:
    """The text with each `dot` between two digits (\\d, isdecimal) made a decimal point, found by
    splitting at the dots: the pattern (?<=\\d)[·・](?=\\d) starts with a lookbehind, so re tried it at
    every character of the page (17 ms in 1 M characters; this, under 1 ms)."""
    pieces = text.split(dot)
    joined = [pieces[0]]
    for before, after in zip(pieces, pieces[1:]):
        joined.append("." if before[-1:].isdecimal() and after[:1].isdecimal() else dot)
        joined.append(after)
    return "".join(joined)


def decode(raw: bytes, path: str, encoding: str | None = None) -> Document:
    """Decode the bytes of a plain-text report (see reading/charset.py for how the encoding is found)."""
    text, used = decode_bytes(raw, path, encoding)
    return extracted(path, text, used)


def extracted(path: str, text: str, encoding: str = "utf-8", source: SourceMap | None = None) -> Document:
    """The document of a text as read from its file (a .docx, PDF, HTML or Markdown file's with the
    map back to it): spaced copy (就业 33.88 万人) read without those spaces, wherever it came from."""
    text, spaces = compacted(text)
    return Document(path, text, encoding, source=source, spaces=spaces)


# A text longer than this is read and checked a section at a time (about this long, cut after a
# line break), so that memory stays flat however long the file is. A relation is read within a
# paragraph or a few; no published page comes near this length (a daily's page is ~50,000).
SECTION_CHARS = 1_000_000
_SECTION_SEARCH = 100_000  # how far before a section's end a blank line is looked for


def sections(doc: Document, size: int | None = None) -> Iterator[tuple[int, Document]]:
    """(offset, section) of a long document, one section made at a time: each cut after a blank
    line near its end if there is one, else after its last line break (a line longer than `size`
    is cut where it ends). A document of at most `size` (SECTION_CHARS) characters is its own
    only section."""
    size = size or SECTION_CHARS
    text = doc.text
    if len(text) <= size:
        yield 0, doc
        return
    start = 0
    while start < len(text):
        end = start + size
        if end >= len(text):
            cut = len(text)
        else:
            cut = text.rfind("\n\n", max(start, end - _SECTION_SEARCH), end) + 2
            if cut < 2:
                cut = text.rfind("\n", start, end) + 1
            if cut <= start:
                cut = text.find("\n", end) + 1 or len(text)
        yield start, Document(doc.path, text[start:cut], doc.encoding)
        start = cut
