"""Copy spaced between Chinese and digits (就业 33.88 万人, 增长 5.2%，): read without those spaces.

Web copy is often set with a space on each side of a run of digits. The reader takes 33.88 and 万人
as two figures there, and a page so set drew dozens of errors it does not draw as printed. A page
is read as spaced when at least half of its digits (or %) followed by a Chinese character have
spaces between them: a printed page's few title separators (遭袭 22人死亡) leave it as it is. The
spaces at those places are taken out of the text that is read; the document keeps where they were,
so that lines, columns and offsets are still the file's.
"""

from __future__ import annotations

from array import array
from bisect import bisect_right

from verify import regexes

_CJK = r"\u4e00-\u9fff"
_TIGHT_AFTER = regexes.lazy(rf"[0-9%](?=[{_CJK}])")
_SPACES = regexes.lazy(rf"(?<=[{_CJK}]) {{1,2}}(?=[0-9])|(?<=[0-9%]) {{1,2}}(?=[{_CJK}])")


def compacted(text: str) -> tuple[str, array | None]:
    """The text without the spaces between Chinese and digits, and for each character taken out the
    offset in the compacted text of the character after it (None, and the text as it is, when the
    page is not spaced so)."""
    spaced = _spaced_after(text)
    if not spaced or _more_tight_than(text, spaced):
        return text, None
    pieces, removed, last, taken = [], array("q"), 0, 0
    for m in _SPACES.finditer(text):
        pieces.append(text[last:m.start()])
        taken += m.end() - m.start()
        removed.extend([m.end() - taken] * (m.end() - m.start()))
        last = m.end()
    pieces.append(text[last:])
    return "".join(pieces), removed


def _spaced_after(text: str) -> int:
    """How many digits (or %) are followed by one or two spaces and a Chinese character: found from
    each space (a page has a few thousand a million characters), not by a pattern tried at every
    character, which cost 2% of a whole check."""
    count, at = 0, text.find(" ")
    while at != -1:
        after = at + 2 if text.startswith("  ", at) else at + 1
        if at and text[at - 1] in _DIGITS_OR_PERCENT and after < len(text) and "\u4e00" <= text[after] <= "\u9fff":
            count += 1
        at = text.find(" ", after)
    return count


def _more_tight_than(text: str, spaced: int) -> bool:
    """Whether more digits are followed by a Chinese character with no space than with one (a printed
    page: counted only until it is so)."""
    tight = 0
    for _ in _TIGHT_AFTER.finditer(text):
        tight += 1
        if tight > spaced:
            return True
    return False


_DIGITS_OR_PERCENT = frozenset("0123456789%")


def in_file(offset: int, removed: array | None) -> int:
    """The file's offset of a character of the compacted text (of the end, for an offset past it)."""
    if not removed:
        return offset
    return offset + bisect_right(removed, offset)
