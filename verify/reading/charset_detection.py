"""Which Chinese encoding a file that is not UTF-8 is in: charset-normalizer's readings in the
Chinese encodings only, the one made of the commonest characters first.

Loaded by name from charset.py only when a file is not UTF-8, so that a UTF-8 run (nearly every
run) never pays the detector's 20 ms of imports.
"""

from __future__ import annotations

from charset_normalizer import from_bytes

from verify.errors import InputError

# What the detector may choose from: the encodings of Chinese text. Anything else is an error.
CHINESE_ENCODINGS = ["gb18030", "big5", "cp950", "big5hkscs"]


def detect(raw: bytes, path: str, utf8_error: int) -> tuple[str, str]:
    """Not UTF-8: charset-normalizer's readings among the Chinese encodings, the one whose
    characters are commonest first (on a few bytes the detector's own order can favour mojibake:
    GBK 青岛 read as Big5 is ч絢)."""
    matches = list(from_bytes(raw, cp_isolation=CHINESE_ENCODINGS))
    if not matches and looks_binary(raw[:4096].decode("latin-1")):
        raise InputError(path, "binary file, not a text report")
    if not matches:
        raise InputError(path, f"neither UTF-8 (undecodable byte at {utf8_error}) nor GB18030, Big5 or UTF-16")
    readings = [(str(m), m.encoding) for m in matches]
    text, encoding = max(readings, key=lambda reading: _commonness(reading[0][:2000]))
    if looks_binary(text):
        raise InputError(path, "binary file, not a text report")
    return text, encoding


def _commonness(text: str) -> int:
    """Common Chinese characters (GB2312 level 1 or Big5 level 1) count for a reading, any other
    character outside ASCII and punctuation against it."""
    score = 0
    for ch in text:
        code = ord(ch)
        if code < 0x80 or 0x2000 <= code < 0x2070 or 0x3000 <= code < 0x3040 or 0xFF00 <= code < 0xFFF0:
            continue
        score += 1 if _is_common(ch) else -1
    return score


def _is_common(ch: str) -> bool:
    """In the first level of GB2312 (rows B0-D7) or of Big5 (A440-C67E): the frequent characters."""
    for codec, low, high in (("gb2312", b"\xb0\xa1", b"\xd7\xf9"), ("big5", b"\xa4\x40", b"\xc6\x7e")):
        try:
            if low <= ch.encode(codec) <= high:
                return True
        except UnicodeEncodeError:
            pass
    return False


def looks_binary(text: str) -> bool:
    """Decoders accept many byte strings; control characters betray a binary file."""
    sample = text[:4096]
    controls = sum(1 for ch in sample if ord(ch) < 32 and ch not in "\t\n\r\f")
    return controls > max(2, len(sample) // 100)
