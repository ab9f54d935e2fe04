"""Text for a terminal table: display widths (wcwidth), wrapping that never splits a figure, severity
colours, and the grid itself (tabulate). Loaded only with the formats that print a table.

Chinese text has no spaces, so a line may break between any two wide characters, but never
inside a figure (33.88万人, 36.13万人～36.18万人, 2022-11-04, 14:30), never before closing or
after opening punctuation, and ASCII words break only at spaces and after hyphens.
"""

from __future__ import annotations


import tabulate as tabulate_package
import wcwidth

from verify.frozen import record
from verify import regexes
from verify.reading.document import Document
from verify.reading.reader import read_quantities

RESET = "\x1b[0m"
STYLES = {"error": "\x1b[1;31m", "warning": "\x1b[33m", "info": "\x1b[36m", "figure": "\x1b[7m",
          "dim": "\x1b[2m", "bold": "\x1b[1m"}
_NO_LINE_START = set("，。、；：？！）】」』”’》〉…%‰,.;:?!)]}·～~")
_NO_LINE_END = set("（【「『“‘《〈([{")
_DIGIT_RUN = regexes.compile(r"[-−+]?\d[\d.,:/\-]*\d|\d")


@record
class Styled:
    """A piece of text to wrap: the figures that must stay whole and the spans to colour."""

    text: str
    keep: tuple[tuple[int, int], ...] = ()     # spans never broken across lines
    styles: tuple[tuple[int, int, str], ...] = ()  # (start, end, style name)
    soft: tuple[tuple[int, int], ...] = ()     # spans kept whole where a line is wide enough (ranges)


def figure_piece(text: str, figures: tuple[str, ...] = ()) -> Styled:
    """Text whose figures stay whole, and whose ranges stay whole where they fit; `figures` are texts of
    figures the finding names, kept whole wherever the text quotes them (“一周”: in quotes the reader
    finds no figure)."""
    named = [(at, at + len(figure)) for figure in figures if figure for at in _places(text, figure)]
    return Styled(text, tuple(figures_in(text)) + tuple(named), soft=tuple(ranges_in(text)))


def _places(text: str, figure: str) -> list[int]:
    """Every place a figure's text is quoted in a message (a figure may be quoted twice)."""
    found, at = [], text.find(figure)
    while at >= 0:
        found.append(at)
        at = text.find(figure, at + len(figure))
    return found


def width_of(text: str) -> int:
    """Columns the text takes on a terminal (CJK characters take two)."""
    return max(wcwidth.wcswidth(text), 0)


def figures_in(text: str) -> list[tuple[int, int]]:
    """Spans of every figure in a piece of text: what the number reader finds, and digit runs."""
    spans = []
    for q in read_quantities(Document("<cell>", text)):
        cut = _range_cut(text, q.start, q.end)
        # a range printed by verify (36.13万人～36.18万人) is two figures: it may break after its ～
        spans += [(q.start, cut + 1), (cut + 1, q.end)] if cut is not None else [(q.start, q.end)]
    return spans + [m.span() for m in _DIGIT_RUN.finditer(text)]


def ranges_in(text: str) -> list[tuple[int, int]]:
    """Spans of the ranges verify prints (36.13万人～36.18万人), brackets included."""
    found = []
    for q in read_quantities(Document("<cell>", text)):
        if _range_cut(text, q.start, q.end) is not None:
            start = q.start - 1 if q.start > 0 and text[q.start - 1] in "（(" else q.start
            end = q.end + 1 if q.end < len(text) and text[q.end] in "）)" else q.end
            found.append((start, end))
    return found


def _range_cut(text: str, start: int, end: int) -> int | None:
    return next((i for i in range(start + 1, end) if text[i] in "～~"), None)


def _breaks(text: str, keep) -> list[bool]:
    """allowed[i]: whether a line may end before text[i]."""
    inside = [False] * (len(text) + 1)
    for start, end in keep:
        for i in range(start + 1, min(end, len(text))):
            inside[i] = True
    allowed = [False] * (len(text) + 1)
    for i in range(1, len(text)):
        before, after = text[i - 1], text[i]
        if inside[i] or after in _NO_LINE_START or before in _NO_LINE_END:
            continue
        if after in "'\"" and before != " " or before in "'\"" and (i < 2 or text[i - 2] == " "):
            continue  # a closing ASCII quote stays with the word before it, an opening one with the word after
        if before == " " and after != " ":
            allowed[i] = True
        elif (wcwidth.wcwidth(before) == 2 or wcwidth.wcwidth(after) == 2) and after != " ":
            allowed[i] = True
        elif before in ",:;!?" and after != " ":
            allowed[i] = True  # ASCII punctuation in Chinese text (11月4日,下午); figures are kept whole
        elif before == "-" and after.isalpha() and i >= 2 and text[i - 2].isalpha():
            allowed[i] = True  # completion-|rate, counted-|label
    return allowed


def wrap(piece: Styled, width: int, color: bool = False) -> list[str]:
    """The piece as lines of at most `width` columns (a figure wider than that stays whole)."""
    lines: list[str] = []
    offset = 0
    for paragraph in piece.text.split("\n"):
        keep = [(s - offset, e - offset) for s, e in piece.keep]
        spans = _wrap_spans(paragraph, width, keep + [(s - offset, e - offset) for s, e in piece.soft])
        if piece.soft and any(width_of(paragraph[a:b]) > width for a, b in spans):
            spans = _wrap_spans(paragraph, width, keep)  # a range wider than the line breaks after its ～
        for start, end in spans:
            lines.append(_paint(piece, offset + start, offset + end, color))
        offset += len(paragraph) + 1
    return lines


def _wrap_spans(text: str, width: int, keep) -> list[tuple[int, int]]:
    """(start, end) of each line: greedy, at allowed breaks, spaces at the break dropped."""
    allowed = _breaks(text, [(s, e) for s, e in keep if e > 0 and s < len(text)])
    spans, start, used, last_break = [], 0, 0, None
    i = 0
    while i < len(text):
        if i > start and allowed[i]:
            last_break = i
        used += max(wcwidth.wcwidth(text[i]), 0)
        if used > width and i > start:
            cut = last_break if last_break is not None and last_break > start else None
            if cut is None:  # one unbreakable run wider than the column: cut only if no figure is inside
                cut = i if not _inside(keep, i) else _next_break(allowed, i)
            spans.append((start, len(text[start:cut].rstrip(" ")) + start))
            start = cut
            while start < len(text) and text[start] == " ":
                start += 1
            used, last_break, i = 0, None, start
            continue
        i += 1
    if start < len(text) or not spans:
        spans.append((start, len(text)))
    return spans


def _inside(keep, i: int) -> bool:
    return any(s < i < e for s, e in keep)


def _next_break(allowed: list[bool], i: int) -> int:
    while i < len(allowed) - 1 and not allowed[i]:
        i += 1
    return i


def _paint(piece: Styled, start: int, end: int, color: bool) -> str:
    """One line of the piece, with ANSI colour codes opened and closed inside the line."""
    if not color or not piece.styles:
        return piece.text[start:end]
    cuts = {start, end}
    for s, e, _ in piece.styles:
        cuts.update(c for c in (s, e) if start < c < end)
    out = []
    for a, b in zip(sorted(cuts), sorted(cuts)[1:]):
        codes = "".join(STYLES[name] for s, e, name in piece.styles if s <= a and b <= e)
        out.append(codes + piece.text[a:b] + RESET if codes else piece.text[a:b])
    return "".join(out)


def paint(text: str, style: str, color: bool) -> str:
    """Text in one style, when colour is on."""
    return STYLES[style] + text + RESET if color and text else text


def natural_width(piece: Styled) -> int:
    """Columns the widest line of the piece takes unwrapped."""
    return max((width_of(line) for line in piece.text.split("\n")), default=0)


def least_width(piece: Styled) -> int:
    """Columns of the widest run that cannot be broken (a figure with its brackets)."""
    return max((width_of(line) for line in wrap(piece, 1)), default=0)


def fit_columns(columns: list[list[Styled]], total: int, caps: list[int | None], weights: list[float],
                floors: list[int] | None = None) -> list[int]:
    """Column widths for a grid `total` columns wide (borders and padding: 3 per column + 1).

    A column of weight 0 takes its natural width, up to its cap but never below its widest
    figure; the rest share what is left by weight, each between its widest figure and its
    natural width. No column is narrower than its floor.
    """
    floors = floors or [1] * len(columns)
    natural = [max(max(map(natural_width, col), default=1), floor) for col, floor in zip(columns, floors)]
    least = [max(max(map(least_width, col), default=1), floor) for col, floor in zip(columns, floors)]
    widths = [0] * len(columns)
    for i, weight in enumerate(weights):
        if not weight:
            widths[i] = max(least[i], min(natural[i], caps[i] or natural[i]))
    flexible = [i for i, w in enumerate(weights) if w]
    room = total - (3 * len(columns) + 1) - sum(widths)
    while flexible:
        share = sum(weights[i] for i in flexible)
        wanted = {i: room * weights[i] / share for i in flexible}
        done = [i for i in flexible if natural[i] <= wanted[i] or least[i] >= wanted[i]]
        if not done:
            for i in flexible:
                widths[i] = int(wanted[i])
            break
        for i in done:
            widths[i] = natural[i] if natural[i] <= wanted[i] else least[i]
            room -= widths[i]
            flexible.remove(i)
    return [max(w, 1) for w in widths]


def tabulate(rows, **options) -> str:
    """A table with wide characters aligned (the tabulate package, with its widechars extra)."""
    return tabulate_package.tabulate(rows, **options)
