"""Included parts: 包括A在内的B — a count A of some of the things counted by B, named inside B's own
phrase (包括250辆T-72主战坦克在内的800多辆各型装备, 包括2名警察在内的32人死亡): A is among B, so A ≤ B.
So too B，含A — a part the words of `subpart_words` give right after its whole, across one separator
(境外输入病例31例，含4例由无症状感染者转为确诊病例): the reader gives A the role subpart.
And B，包括A1、A2 — 包括 after a comma or before a colon, opening a list of some parts of the figure
before it (遇难的中国公民人数已升至7人，包括5名大陆居民和2名香港居民): scopes.py reads the list from
where some_parts_openers finds it, when listed_after says its figures are its parts.

The part is the only figure between the opener (vocabulary `inclusion_openers`: 包括, 其中包括) and
the closer (`inclusion_closers`: 在内的) of one clause, and the closer follows its noun at most
_NOUN_REACH characters on; the whole is the figure right after the closer, at most _WHOLE_REACH
characters on (两岸41支, 全球近4000名), of the part's unit (名 and 位 count people as 人 does).
Work per figure: a look at the few characters after it.
"""

from __future__ import annotations

import functools
import re

from verify import regexes
from verify.reading.quantity import Quantity
from verify.statements.clauses import Layout, figures_before
from verify.statements.facts import Fact
from verify.statements.records import LEVEL, SUBPART, Statement, with_role
from verify.statements.totals import unit_of
from verify.statements.vocabulary import Vocabulary, word_pattern

_NOUN_REACH = 14    # 名台湾籍犯罪嫌疑人 (the part's noun, after its figure)
_WHOLE_REACH = 6    # 两岸, 全球近 (words of the whole before its figure)
_OPENER_REACH = 12  # 法国 包括 巴黎 (words between the opener and the part's figure)
_FIGURE_REACH = 12  # the longest figure text a part may be (4000多名, 1.2万余人)
_NO_BREAK = regexes.lazy(r"[^，,。；;！？!?\n、：:（）()“”]*")


@functools.cache
def _patterns(openers: tuple[str, ...], closers: tuple[str, ...]) -> tuple[re.Pattern[str], re.Pattern[str]]:
    opener = regexes.lazy(rf"(?:{word_pattern(openers).pattern})[^，,。；;！？!?\n、：:]{{0,{_OPENER_REACH}}}$")
    closer = regexes.lazy(rf"(?:[^，,。；;！？!?\n、：:（）()\d]|(?<=[A-Za-z\-])\d|(?<=[A-Za-z\-]\d)\d){{0,{_NOUN_REACH}}}?"
                             rf"(?:{word_pattern(closers).pattern})")   # a model's number (T-72) is part of the noun
    return opener, closer


def included_parts(quantities: list[Quantity], statements: dict[int, Statement], layout: Layout,
                   vocab: Vocabulary) -> list[Fact]:
    """Every 包括A在内的B with A and B of one unit, as a fact of B with A `included`."""
    view = layout.text
    closers = vocab.words("inclusion_closers")
    opener, closer = _patterns(vocab.words("inclusion_openers"), closers)
    found = []
    if not any(word in view for word in closers):
        return found   # (most pages have no 在内的)
    near = figures_before(view, [q.start for q in quantities], closers, _NOUN_REACH + _FIGURE_REACH)
    for index in near:   # the figures just before a closer: the only ones asked
        q = quantities[index]
        if index >= len(quantities) - 1 or index not in statements or q.value is None or q.kind not in ("amount", "count"):
            continue
        closed = closer.match(view, q.end)
        if closed is None:
            continue
        whole = index + 1
        while whole < len(quantities) - 1 and quantities[whole].start < closed.end():
            whole += 1   # T-72 read as a figure: inside the noun
        w = quantities[whole]
        if whole not in statements or w.value is None or unit_of(w) != unit_of(q) \
                or w.start - closed.end() > _WHOLE_REACH or not _NO_BREAK.fullmatch(view, closed.end(), w.start):
            continue
        start = max(layout.clause(q.start)[0], q.start - _OPENER_REACH - 4)
        if not opener.search(view[start:q.start]) or index > 0 and quantities[index - 1].end > start \
                and quantities[index - 1].kind in ("amount", "count"):
            continue   # 包括A 2名、B 3名在内的: one part only
        found.append(Fact(whole, (("included", index),)))
    return found


def contained_parts(quantities: list[Quantity], statements: dict[int, Statement], layout: Layout,
                    vocab: Vocabulary) -> list[Fact]:
    """Every subpart (含4例) right after a level of its unit and sentence, as a fact of that level."""
    view = layout.text
    found = []
    for index, st in with_role(statements, SUBPART):
        if index == 0:
            continue
        q, w = quantities[index], quantities[index - 1]
        whole = statements.get(index - 1)
        if whole is None or whole.role is not LEVEL or whole.sentence != st.sentence or q.value is None \
                or w.value is None or unit_of(w) != unit_of(q) or q.label or w.label \
                or not _contained(vocab.words("subpart_words")).fullmatch(view, w.end, q.start):
            continue
        found.append(Fact(index - 1, (("included", index),)))
    return found


@functools.cache
def _contained(words: tuple[str, ...]) -> re.Pattern[str]:
    """What stands between a whole and its subpart: one separator or bracket, then the word (，含)."""
    return regexes.lazy(rf"\s*[，,、（(]\s*(?:{word_pattern(words).pattern})\s*")


_INCLUDES = regexes.lazy("包括[:：]?")
_INCLUDED_REACH = 40      # 包括…在内的 (one part inside its whole's phrase, above): how far 在内 is looked for
_FIRST_PART_REACH = 20    # 包括：重庆市北碚区文化馆等64家 (words between 包括 and its first part)


def some_parts_openers(text: str) -> list[tuple[int, int]]:
    """(start, end) of each 包括 opening the list of some parts of the figure before it (死亡16人，包括9名
    儿童和3名妇女; 346家先进集体包括：…): after a comma, or right before a colon; not 包括…在内的, which
    names a part inside its whole."""
    found = []
    for m in _INCLUDES.finditer(text):
        if not (m.start() > 0 and text[m.start() - 1] in ",，" or m.group().endswith((":", "："))):
            continue
        stop = min((i for i in (text.find(c, m.end(), m.end() + _INCLUDED_REACH) for c in "。；;\n") if i != -1),
                   default=m.end() + _INCLUDED_REACH)
        if text.find("在内", m.end(), stop) == -1:
            found.append(m.span())
    return found


def listed_after(opened: int, total: int, chosen: list[int], quantities: list[Quantity], text: str) -> bool:
    """Whether the list 包括 opens (ending at `opened`) holds the parts: the first right after it, in its
    clause (not 包括慢性病、肿瘤…等，药品总数达2967种), and the total a figure with a unit (not 1.1万余
    各类残障考生…，包括为11省), no name in quotes (“6个100”项目支持，包括100个减贫项目)."""
    if not chosen or not quantities[total].unit:
        return False
    first, whole = quantities[chosen[0]], quantities[total]
    gap = text[opened:first.start]
    return len(gap) <= _FIRST_PART_REACH and "，" not in gap and "," not in gap \
        and text.rfind("“", 0, whole.start) <= text.rfind("”", 0, whole.start)
