"""Glossary entries: a counted label defined by the list of its items, at a line's start.

Government work reports end with notes under a heading of their own (注释, 名词解释) that spell out
their counted labels:
［17］四个一批：谋划一批、开工一批、建设一批、竣工一批。 (the items often on the next line). The
entry is the whole line, so the list is all of the label's items: a Tally of the counted-label
family, exact. Only a plain 、-list whose items all end alike (一批, 清单, 行动), or whose items
each hold a word the label counts and hold them all (三通一码：赣服通、赣政通、赣企通、赣通码;
三馆一中心：公共图书馆、美术馆、文化馆、基层综合性文化服务中心), is read as the label's items: a
definition in a sentence (五网合一：将水、电、光、气网融入路网) names its items otherwise, and is
left alone, as are a list with 及 or 和 inside a name and one closed with 等. Read from layout and
words: probable only (a warning at most).
"""

from __future__ import annotations

import bisect
import re

from verify import regexes
from verify.reading.quantity import Quantity
from verify.reading.reader import read_label
from verify.statements.names import split_items
from verify.statements.records import Tally

# a line: a note marker (［17］, 17., 17、), the label (no clause mark), a colon, then the items to the
# line's end; or, with no marker, the items on the next line, the colon ending the label's own line
_ENTRY = regexes.lazy(r"^(?P<marker>［\d{1,3}］|\[\d{1,3}\]|\d{1,3}[.、．])?(?P<label>[^\s,，、。；;:：()（）]{2,20})[:：]"
                      r"(?P<apart>\n)?(?P<items>[^\n]*)$", flags=re.MULTILINE)
_LIST_ONLY = regexes.lazy(r"[^,，；;:：。!！?？()（）]+。?")


_HEADING_WORDS = ("注释", "解释")   # 注释, 名词解释, 名词注释, 词语解释
_HEADING_REACH = 28   # the longest heading line: 《政府工作报告》有关内容名词注释


def glossary_labels(view: str, quantities: list[Quantity]) -> list[Tally]:
    """Every glossary entry, in the notes after a heading of their own (注释, 名词解释), whose label
    holds one count and whose items are a plain list of alike names."""
    notes = _notes_start(view)
    if notes is None:
        return []
    starts = [q.start for q in quantities]
    found = []
    for m in _ENTRY.finditer(view, notes):
        if not (m.group("marker") or m.group("apart")):
            continue   # “七条底线”是：A、B…: a label in a sentence (lists.counted_labels reads those)
        if not _LIST_ONLY.fullmatch(m.group("items")):
            continue
        counted = _count_of(m, quantities, starts)
        if counted is None:
            continue
        stated, span, figures = counted
        items = m.group("items").rstrip("。")
        split = split_items(items)
        if items.endswith("等") or len(split.items) < 2 or split.fewest != split.most \
                or not (_alike(split.items) or _of_counted_words(m.group("label"), split.items)):
            continue
        found.append(Tally("counted-label", stated, span, split.items, split.fewest, split.most,
                           True, m.start("label"), m.end("items"), certain=False, figures=figures))
    return found


def _count_of(m: re.Match, quantities: list[Quantity], starts: list[int]) -> tuple[int, tuple[int, int], tuple[int, ...]] | None:
    """The number a note's label states, where, and the page's figure of it: the one count or label the
    reader found inside the label (四个一批: 四个); else the label read alone as a quoted counted label,
    as the body quotes it (九大行动, 四库: no count in running text, 大 and 库 being no classifiers),
    which is no figure of the page."""
    start, end = m.span("label")
    inside = list(range(bisect.bisect_left(starts, start), bisect.bisect_left(starts, end)))
    if len(inside) == 1:
        q = quantities[inside[0]]
        if q.value is None or not (q.label or q.kind == "count") or q.end > end:
            return None
        return int(q.value), (q.start, q.end), (inside[0],)
    if inside:
        return None
    alone = read_label(m.group("label"))
    if alone is None or alone.value is None:
        return None
    return int(alone.value), (start, end), ()


def _notes_start(view: str) -> int | None:
    """Where the notes start: after the first short line that ends with 注释 or 解释 (a heading, not a
    word of a sentence); None when there is none."""
    for word in _HEADING_WORDS:
        at = view.find(word)
        while at >= 0:
            line_start = view.rfind("\n", 0, at) + 1
            line_end = view.find("\n", at)
            line_end = len(view) if line_end < 0 else line_end
            if line_end - line_start <= _HEADING_REACH and not view[at + len(word):line_end].strip():
                return line_end
            at = view.find(word, at + len(word))
    return None


def _alike(items: tuple[str, ...]) -> bool:
    """Whether the items all end with the same character (谋划一批、开工一批; 水库、粮库): names of one kind."""
    return len({item[-1:] for item in items}) == 1 and all(len(item) >= 2 for item in items)


# A label of counted words (三通一码, 五互一共, 一委一办一平台): numerals, each before a word of one to three
# characters, in quotes or not, after any words of its own (基层“三馆一中心”).
_COUNTED_WORDS = regexes.lazy(r"[“\"]?((?:[一二两三四五六七八九十][^一二两三四五六七八九十“”\"]{1,3}){2,6})[”\"]?$")
_NUMERAL = regexes.lazy(r"[一二两三四五六七八九十]")


def _of_counted_words(label: str, items: tuple[str, ...]) -> bool:
    """Whether the items are those of a label of counted words: each item holds one of its words, and
    each word is in some item (三通一码：赣服通、赣政通、赣企通、赣通码), so that the list is the label's
    own however many items it has."""
    m = _COUNTED_WORDS.search(label)
    if m is None:
        return False
    words = [w for w in _NUMERAL.split(m.group(1)) if w]
    each_holds_one = all(any(w in item for w in words) for item in items)
    return each_holds_one and all(any(w in item for item in items) for w in words)
