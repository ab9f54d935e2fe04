"""Text for a terminal or a CI log: control characters shown, never obeyed.

File names and report lines come from files anyone may submit. Printed as they are, an escape
sequence (ESC [2J) would drive the editor's terminal, a carriage return would overwrite what was
printed, and a line break inside a file name would start a line of its own in the CI log, where
`::error::…` is a command to the runner. Each control character is replaced by one visible
character (its picture, ␛ ␍ ␊, from Unicode's Control Pictures), so positions in a line stay as
they were; JSON, SARIF and the other machine formats escape by their own rules and keep the text.
"""

from __future__ import annotations

# C0 controls and DEL -> their pictures (U+2400…U+2421); C1 controls -> U+FFFD
VISIBLE = {**{code: 0x2400 + code for code in range(0x20)}, 0x7F: 0x2421, **{code: 0xFFFD for code in range(0x80, 0xA0)}}


def visible(text: str) -> str:
    """The text with every control character replaced by a visible one (one for one)."""
    return text.translate(VISIBLE) if not text.isprintable() else text


_KEEPING_LINES = {code: picture for code, picture in VISIBLE.items() if code != 0x0A}


def visible_lines(text: str) -> str:
    """A report's plain lines with every other control character replaced (one for one): for a
    report with no colours of its own, whose line breaks are its own."""
    return text.translate(_KEEPING_LINES) if not text.isprintable() else text
