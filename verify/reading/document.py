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

# Sentence ends: full stop, question and exclamation marks, semicolons, line breaks. A rule's
# pattern may run across a semicolon (one clause of a list to the next), never across the others.
SENTENCE_ENDS = "。！？!?；;\n"
SEMICOLONS = "；;"
_SENTENCE_END = re.compile(f"[{SENTENCE_ENDS}]+")
_END_CHAR = re.compile(f"[{SENTENCE_ENDS}]")

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
    _ends: list[int] | None = field(init=False, repr=False, default=None)  # sentence ends, found when first asked

    def __post_init__(self) -> None:
        self.view = normalise(self.text)
        self._line_starts = [0] + [m.end() for m in re.finditer("\n", self.text)]

    def position(self, offset: int) -> Position:
        """Line and column (1-based, in characters) of a character offset."""
        line = bisect.bisect_right(self._line_starts, offset) - 1
        return Position(line + 1, offset - self._line_starts[line] + 1)

    def sentence_at(self, start: int, end: int) -> str:
        """The sentence of the original text holding a span, as sentence_of finds it, found by bisection."""
        begin, stop = self.sentence_bounds(start, end)
        return self.text[begin:stop]

    def sentence_bounds(self, start: int, end: int) -> tuple[int, int]:
        """(begin, end) of the sentence holding a span, as sentence_at cuts it: one sentence, one key."""
        if self._ends is None:
            self._ends = [m.start() for m in _END_CHAR.finditer(self.text)]
        before = bisect.bisect_left(self._ends, start)
        begin = self._ends[before - 1] + 1 if before else 0
        after = bisect.bisect_left(self._ends, end)
        return begin, self._ends[after] + 1 if after < len(self._ends) else len(self.text)

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
    begin = max(text.rfind(ch, 0, start) for ch in SENTENCE_ENDS) + 1
    stops = [i for i in (text.find(ch, end) for ch in SENTENCE_ENDS) if i >= 0]
    return text[begin:min(stops) + 1 if stops else len(text)]


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
