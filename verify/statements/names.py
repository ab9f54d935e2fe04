"""Names of a list: split at 、 and at 和/及/与, and how many items they can be.

A list is split at 、 (firm) and at 和/及/与/以及/或 (soft: a soft join may sit inside one name, as
in 计算机及办公设备制造业 or 批发和零售业). Names of the vocabulary (`compound_names`) are never split.
A soft join separates for sure when both sides are places of the vocabulary or the right side is
another name of the list (flat_join), when both sides end alike (党代会和三届人代会) or when it joins the
last name of a 、 list (A、B和C); it is part of a name when the other names share a head that only
its right side holds (医药制造业、计算机及办公设备制造业: 制造业); otherwise either may be meant, so
a list is a range of items, [fewest, most]. The list vocabularies (patterns()) are compiled here
for lists.py and respectively.py too.
"""

from __future__ import annotations

import functools
import re

from verify.frozen import record
from verify import regexes
from verify.reading.numerals import compile_alternation
from verify.statements.vocabulary import vocabulary

NUM = r"[0-9]{1,3}|[一二两三四五六七八九十]{1,3}"
TITLE = regexes.lazy(r"《[^《》]{1,40}》")   # a title is one name, whatever it holds: 《和毛泽东同志在一起》


@record
class Split:
    """A list read into names: the pieces at every join, and how many items they can be."""

    items: tuple[str, ...]
    fewest: int
    most: int


@record
class _Patterns:
    compound: re.Pattern[str]
    soft: re.Pattern[str]
    count: re.Pattern[str]         # a count of listed things: (等|共)?N个
    after: re.Pattern[str]         # after a count: the noun and what opens its list
    groups: frozenset[str]
    openers: re.Pattern[str]
    name_heads: tuple[str, ...]
    count_verbs: tuple[str, ...]
    unit_heads: tuple[str, ...]
    places: frozenset[str]         # provinces, cities and countries (subjects.py reads them too)


@functools.cache
def patterns() -> _Patterns:
    """The list vocabularies, compiled once."""
    vocab = vocabulary()
    counters = compile_alternation(set(vocab.words("list_counters")))
    openers = compile_alternation(set(vocab.words("list_openers")))
    return _Patterns(
        compound=regexes.lazy(compile_alternation(set(vocab.words("compound_names") + vocab.words("words_with_joins")))),
        soft=regexes.lazy(compile_alternation(set(vocab.words("soft_joins")))),
        # (behind a test that a counter's first character follows within the few characters a count
        # holds before it: most digits and numerals of a page count nothing, and are left after a short scan)
        count=regexes.lazy(rf"(?P<etc>等|共|计)?(?P<num>{NUM})(?P<cls>{counters})(?!百分点|倍|%|分之|月)",
                           guard=re.escape("".join(sorted({word[0] for word in vocab.words("list_counters")})))),
        # (the noun holds no count of its own: 3省的七十一个县(市、区) lists the counties' kinds, not the 3省)
        after=regexes.lazy(rf"(?P<noun>(?:(?![一二两三四五六七八九十百千]+(?:{counters}))[\u4e00-\u9fff]){{0,14}}?)(?:(?P<open>{openers}|是|为)(?P<colon>:)?|(?P<bare>:)|(?=\())"),
        groups=frozenset(vocab.words("group_names")),
        openers=regexes.lazy(openers),
        name_heads=tuple(vocab.words("name_heads")),
        count_verbs=tuple(vocab.words("count_verbs")),
        unit_heads=tuple(vocab.words("unit_heads")),
        places=frozenset(vocab.words("places")),
    )


def split_items(text: str, firm: str = "、") -> Split:
    """The names of a list, and the fewest and most items they can be."""
    pat = patterns()
    protected = [m.span() for m in pat.compound.finditer(text)] + [m.span() for m in TITLE.finditer(text)]

    def inside(pos: int) -> bool:
        return any(a <= pos < b for a, b in protected)

    spans, last = [], 0
    for pos, ch in enumerate(text):
        if ch in firm and not inside(pos):
            spans.append((last, pos))
            last = pos + 1
    spans.append((last, len(text)))
    spans = [(a, b) for a, b in spans if text[a:b].strip()]
    pieces = [text[a:b].strip() for a, b in spans]
    items: list[str] = []
    fewest = most = 0
    for k, (a, b) in enumerate(spans):
        others = pieces[:k] + pieces[k + 1:]
        cut, names = a, []
        sure = unsure = 0
        for m in pat.soft.finditer(text, a, b):
            if inside(m.start()):
                continue
            left, right = text[cut:m.start()].strip(), text[m.end():b].strip()
            nxt = pat.soft.search(right)
            verdict = _join(left, right[:nxt.start()] if nxt else right, m.group(), others,
                            last=k == len(spans) - 1 and len(spans) > 1)
            if verdict == "one":
                continue
            names.append(left)
            cut = m.end()
            sure += verdict == "split"
            unsure += verdict == "unknown"
        names.append(text[cut:b].strip())
        items += [n for n in names if n]
        fewest += 1 + sure
        most += 1 + sure + unsure
    return Split(tuple(items), fewest, most)


def _join(left: str, right: str, word: str, others: list[str], last: bool) -> str:
    """Whether a soft join separates two names ("split"), sits inside one ("one"), or either."""
    if not left or not right:
        return "one"
    if flat_join(left, right, others):
        return "split"      # 青海和内蒙古: two places; 勒索和挪用公款、挪用公款: the right side is a name of its own
    head = _shared_head(others, right)
    if head:
        if head in left or _tail_on_both(others, left, right):
            return "split"    # 广东岭澳核电站和江苏连云港核电站 beside 秦山核电站: both hold the head
        return "one" if head.endswith(patterns().name_heads) else "unknown"   # 制造业, 委员会; not 正增长
    if word != "及" and left[-1] in right and "\u4e00" <= left[-1] <= "\u9fff":
        return "split"      # 党代会和三届人代会, 秦山二期核电站和连云港核电站
    if word == "以及" or (last and word == "和"):
        return "split"      # A、B和C: the join before the last name (及 often joins within one: 干鲜瓜果及坚果)
    return "unknown"


def flat_join(left: str, right: str, others) -> bool:
    """Whether a join plainly joins two names of one list rather than two lists or the words of one
    name: both sides are places of the vocabulary (青海和内蒙古, 巴西、墨西哥和阿根廷), or the right side
    is, word for word, another name of the list (A、B和C、C: C is a name, so B和C are two)."""
    places = patterns().places
    return (left in places and right in places) or right in others


def _tail_on_both(others: list[str], left: str, right: str) -> bool:
    """Whether an ending (2–4 characters) of another name is held by both sides of a join."""
    return any(other[-size:] in left and other[-size:] in right and re.fullmatch(r"[\u4e00-\u9fff]+", other[-size:])
               for other in others for size in range(2, min(4, len(other)) + 1))


_HAN = regexes.lazy(r"[\u4e00-\u9fff]+")


def _shared_head(others: list[str], right: str) -> str:
    """The longest ending (2–4 characters) of another name that the right side holds (制造业)."""
    best = ""
    for other in others:
        for size in range(min(4, len(other)), 1, -1):
            tail = other[-size:]
            if len(tail) > len(best) and tail in right and _HAN.fullmatch(tail):
                best = tail
                break
    return best
