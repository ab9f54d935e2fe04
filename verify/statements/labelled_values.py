"""A count and the labelled values that name each of its members in the next sentence: 对…市场销售的９类商品
进行了质量抽查。各单项商品抽查合格率分别为：碳酸饮料９２％，羊绒衫６９．２％，…按摩电器１６．１％。 — 各 says
each of the things counted before gets a value, so the labels after 分别为： are as many as the count.

Read where 分别为： (分别是：) opens a list of pieces to its sentence's end, each a label ending in one
figure (碳酸饮料９２％), and its sentence opens with 各 and the noun a count of the sentence before
counts (９类商品 … 各单项商品): a named list without 等 (exact), probable only, since the count stands in
another sentence (a warning at most, through named-list-count). One search of the page for 分别为：;
the construction is rare.
"""

from __future__ import annotations


from verify import regexes
from verify.reading.quantity import Quantity
from verify.statements.lists import figures_at, number
from verify.statements.records import Tally

_LISTED = regexes.lazy(r"分别(?:为|是)[:：]")
_EACH = regexes.lazy(r"各(?:单项|单个|个|种|类|项)?(?P<noun>[\u4e00-\u9fff]{2})")
_COUNT = regexes.lazy(r"(?<![0-9第])(?P<num>[0-9]{1,2}|[一二三四五六七八九十]{1,3})(?P<cls>[类个种项家座所])(?P<noun>[\u4e00-\u9fff]{2})")
_ENDS = "。！？!?\n"
_PIECES = regexes.lazy(r"[,，;；]")
_REACH = 300   # characters of a sentence, either way


def labelled_values(view: str, quantities: list[Quantity]) -> list[Tally]:
    """Every count and the labelled values given for each of its members in the next sentence."""
    found = []
    ends = None
    for m in _LISTED.finditer(view):
        start = max(view.rfind(ch, max(0, m.start() - _REACH), m.start()) for ch in _ENDS) + 1
        each = _EACH.match(view, start, m.start())
        if start == 0 or each is None:
            continue
        stop = min((i for i in (view.find(ch, m.end(), m.end() + _REACH) for ch in _ENDS) if i >= 0), default=-1)
        if stop < 0:
            continue
        ends = ends if ends is not None else {q.end: q for q in quantities}
        labels = _labels(view, m.end(), stop, ends)
        count = _count(view, start - 1, each.group("noun"))
        if labels is not None and count is not None:
            stated = number(count.group("num"))
            if stated is not None and stated >= 2:
                found.append(Tally("named-list", stated, (count.start("num"), count.end("cls")), labels,
                                   len(labels), len(labels), True, count.start(), stop, certain=False,
                                   figures=figures_at(quantities, count.start("num"))))
    return found


def _labels(view: str, start: int, stop: int, ends: dict[int, Quantity]) -> tuple[str, ...] | None:
    """The labels of pieces each ending in one figure (碳酸饮料９２％), or None when a piece does not."""
    labels, pos = [], start
    for piece in [*_PIECES.finditer(view, start, stop), None]:
        end = piece.start() if piece is not None else stop
        q = ends.get(end)
        label = view[pos:q.start].strip() if q is not None and q.start > pos else ""
        if not label or any(ch.isdigit() for ch in label):
            return None
        labels.append(label)
        pos = piece.end() if piece is not None else stop
    return tuple(labels) if len(labels) >= 2 else None


def _count(view: str, end: int, noun: str):
    """The last count of the sentence ending at `end` whose noun is the one 各 names (９类商品)."""
    start = max(view.rfind(ch, max(0, end - _REACH), end) for ch in _ENDS) + 1
    counts = [c for c in _COUNT.finditer(view, start, end) if c.group("noun") == noun]
    return counts[-1] if counts else None
