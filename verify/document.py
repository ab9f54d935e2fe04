"""bytes -> Document: decode once, fold to a matching view, keep original positions.

Newsroom exports come as UTF-8 (with or without BOM) or GB18030/GBK. Text is decoded here
and nowhere else. Matching runs on a normalised view whose characters map one-to-one onto
the original, so every offset found in the view is an offset in the original text.
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass, field

from verify.errors import InputError

# One character in, one character out: offsets in the view are offsets in the original.
_FOLD = {chr(0xFF10 + i): str(i) for i in range(10)}
_FOLD.update({
    "％": "%", "，": ",", "．": ".", "～": "~", "〜": "~", "：": ":", "（": "(", "）": ")",
    "＋": "+", "－": "-", "／": "/", "\u3000": " ", "\u00a0": " ", "﹪": "%",
})
_FOLD_TABLE = str.maketrans(_FOLD)

# Sentence ends: full stop, question and exclamation marks, semicolons, line breaks.
SENTENCE_ENDS = "。！？!?；;\n"
_SENTENCE_END = re.compile(f"[{SENTENCE_ENDS}]+")

_BOM = b"\xef\xbb\xbf"


@dataclass(frozen=True, slots=True)
class Position:
    """A place in the original text: 1-based line and column, counted in characters."""

    line: int
    column: int


@dataclass
class Document:
    """A decoded text, its normalised matching view and where its lines start."""

    path: str
    text: str
    encoding: str = "utf-8"
    view: str = field(init=False)
    _line_starts: list[int] = field(init=False, repr=False)

    def __post_init__(self) -> None:
        self.view = normalise(self.text)
        self._line_starts = [0] + [m.end() for m in re.finditer("\n", self.text)]

    def position(self, offset: int) -> Position:
        """Line and column (1-based, in characters) of a character offset."""
        line = bisect.bisect_right(self._line_starts, offset) - 1
        return Position(line + 1, offset - self._line_starts[line] + 1)

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


def sentence_of(text: str, start: int, end: int) -> str:
    """The sentence holding a span: from the previous sentence end to the next one, inclusive."""
    begin, stop = sentence_span(text, start, end)
    return text[begin:stop]


def sentence_span(text: str, start: int, end: int) -> tuple[int, int]:
    """(begin, end) of the sentence holding a span, as sentence_of cuts it."""
    ends = _sentence_ends(text)
    i = bisect.bisect_left(ends, start)
    j = bisect.bisect_left(ends, end)
    return (ends[i - 1] + 1 if i else 0), (ends[j] + 1 if j < len(ends) else len(text))


_ENDS_CACHE: list = [None, []]


def _sentence_ends(text: str) -> list[int]:
    """Offsets of every sentence end of a text, kept for the last text asked about: every
    finding's sentence is then a bisection, not a scan of the line (linear, not quadratic)."""
    if _ENDS_CACHE[0] is not text:
        _ENDS_CACHE[:] = [text, [m.start() for m in _ANY_END.finditer(text)]]
    return _ENDS_CACHE[1]


_ANY_END = re.compile(f"[{SENTENCE_ENDS}]")


def normalise(text: str) -> str:
    """Fold full-width digits and punctuation to their ASCII forms, one character for one."""
    return text.translate(_FOLD_TABLE)


def decode(raw: bytes, path: str, encoding: str | None = None) -> Document:
    """Decode the bytes of a report: UTF-8 (BOM optional) or GB18030, detected unless told."""
    if encoding:
        try:
            text = raw.decode(encoding)
        except LookupError:
            raise InputError(path, f"unknown encoding '{encoding}'") from None
        except UnicodeDecodeError as exc:
            raise InputError(path, f"not valid {encoding} at byte {exc.start}") from None
        return Document(path, _strip_bom(text), encoding)
    if b"\x00" in raw:
        raise InputError(path, "binary file (NUL bytes), not a text report")
    if raw.startswith(_BOM):
        return _decode_as(raw[len(_BOM):], path, "utf-8")
    try:
        return Document(path, raw.decode("utf-8"), "utf-8")
    except UnicodeDecodeError:
        pass
    try:
        text = raw.decode("gb18030")
    except UnicodeDecodeError as exc:
        raise InputError(path, f"neither UTF-8 nor GB18030 (undecodable byte at {exc.start})") from None
    if _looks_binary(text):
        raise InputError(path, "binary file, not a text report")
    return Document(path, text, "gb18030")


def _decode_as(raw: bytes, path: str, encoding: str) -> Document:
    try:
        return Document(path, raw.decode(encoding), encoding)
    except UnicodeDecodeError as exc:
        raise InputError(path, f"not valid {encoding} at byte {exc.start + 3}") from None


def _strip_bom(text: str) -> str:
    return text[1:] if text.startswith("\ufeff") else text


def _looks_binary(text: str) -> bool:
    """GB18030 accepts many byte strings; control characters betray a binary file."""
    sample = text[:4096]
    controls = sum(1 for ch in sample if ord(ch) < 32 and ch not in "\t\n\r\f")
    return controls > max(2, len(sample) // 100)
