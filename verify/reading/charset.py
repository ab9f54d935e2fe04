"""bytes -> str for text files (.txt, .md, .html): which encoding, detected once, here.

Chinese copy arrives as UTF-8 (BOM or not), GB18030/GBK, Big5 (Taiwan, Hong Kong) or UTF-16
(what Windows Notepad saves as "Unicode", with a BOM). A byte order mark decides; valid UTF-8
is UTF-8 (the fast path, and right on short texts where detectors guess); otherwise
charset-normalizer reads the bytes in the Chinese encodings only (GB18030 decodes almost any
byte string, so a Big5 page read as GB18030 is silently wrong), and of its readings the one
made of the commonest characters wins, which settles the short texts where its own ranking
guesses. An HTML page's declared charset is tried before detection. --encoding overrides all.
"""

from __future__ import annotations

import importlib

from verify.errors import InputError

_BOMS = (  # longest first: the UTF-32 LE mark begins with the UTF-16 LE one
    (b"\xff\xfe\x00\x00", "utf-32-le"), (b"\x00\x00\xfe\xff", "utf-32-be"),
    (b"\xef\xbb\xbf", "utf-8"), (b"\xff\xfe", "utf-16-le"), (b"\xfe\xff", "utf-16-be"),
)


def decode_bytes(raw: bytes, path: str, encoding: str | None = None, declared: str | None = None) -> tuple[str, str]:
    """The text of a file and the encoding it was read in.

    `encoding` is the user's (--encoding), `declared` what the file says of itself (an HTML
    meta charset); a byte order mark outranks the declaration, as in browsers.
    """
    if encoding:
        return _strict(raw, path, encoding, user=True), encoding
    for bom, name in _BOMS:
        if raw.startswith(bom):
            return _strict(raw[len(bom):], path, name, offset=len(bom)), name
    if b"\x00" in raw:  # anywhere: a NUL after the first 64 KB is as binary as one before
        name = _utf16_without_bom(raw)
        if name is None:
            raise InputError(path, "binary file (NUL bytes), not a text report")
        return _strict(raw, path, name), name
    try:
        return raw.decode("utf-8"), "utf-8"
    except UnicodeDecodeError as exc:
        utf8_error = exc.start
    if declared:
        try:
            return raw.decode(declared), declared
        except (LookupError, UnicodeDecodeError):
            pass  # a wrong declaration is common; detect instead
    # not UTF-8: the detector, loaded by name only now (charset-normalizer is 20 ms of imports)
    return importlib.import_module("verify.reading.charset_detection").detect(raw, path, utf8_error)


def _strict(raw: bytes, path: str, encoding: str, offset: int = 0, user: bool = False) -> str:
    try:
        text = raw.decode(encoding)
    except LookupError:
        raise InputError(path, f"unknown encoding '{encoding}'") from None
    except UnicodeDecodeError as exc:
        raise InputError(path, f"not valid {encoding} at byte {exc.start + offset}") from None
    return text[1:] if user and text.startswith("\ufeff") else text


def _utf16_without_bom(raw: bytes) -> str | None:
    """UTF-16 saved without a mark: the NUL bytes of ASCII characters all fall on one side."""
    if len(raw) % 2:
        return None
    sample = raw[:65536]
    even, odd = sample[0::2].count(0), sample[1::2].count(0)
    if odd and not even:
        name = "utf-16-le"
    elif even and not odd:
        name = "utf-16-be"
    else:
        return None
    try:
        text = raw[:65536].decode(name, errors="ignore")
    except UnicodeDecodeError:
        return None
    plausible = sum(1 for ch in text if ch.isprintable() and _CHINESE_TEXT(ord(ch)) or ch in "\t\n\r")
    return name if plausible >= 0.95 * len(text) else None


def _CHINESE_TEXT(code: int) -> bool:
    """Code points of Chinese copy: ASCII, punctuation, CJK ideographs and full-width forms."""
    return (code < 0x80 or 0x2000 <= code < 0x2070 or 0x3000 <= code < 0x3040
            or 0x4E00 <= code < 0xA000 or 0xFF00 <= code < 0xFFF0)
